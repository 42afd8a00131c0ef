//! Who has an article open: each open editor tells the desk every few seconds (and when its
//! person types), and everyone's Desk and editor ask who is there. Nothing here is a lock: two
//! people may edit at once, and a save still goes through the version check.

use chrono::{DateTime, Duration, Utc};

use super::{Actor, Desk, can_see, visible_article};
use crate::error::Result;
use crate::model::{Presence, Role};
use crate::store::presence::PresenceRow;

/// How long an editor's last word keeps it present: it says it is there every 10 seconds, so a
/// window closed or a connection dropped is gone from everyone's view within this.
pub const PRESENT_FOR: Duration = Duration::seconds(30);
/// How long a keystroke counts as "typing".
pub const TYPING_FOR: Duration = Duration::seconds(6);
/// Rows not refreshed for this long are cleared (they already count for nothing).
const FORGOTTEN_AFTER: Duration = Duration::minutes(10);

fn presence(row: PresenceRow, now: DateTime<Utc>) -> Presence {
    Presence {
        article_id: row.article_id,
        user_id: row.user_id,
        user_name: row.user_name,
        since: row.since,
        typing: row.typing_at.is_some_and(|t| t > now - TYPING_FOR),
    }
}

impl Desk {
    /// The actor has the article open (and is typing, if `typing`); answers everyone present on
    /// it now, the actor included.
    pub fn mark_presence(
        &self,
        actor: &Actor,
        article_id: &str,
        typing: bool,
    ) -> Result<Vec<Presence>> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let article = visible_article(tx, &me, article_id)?;
            let here = tx.presence();
            here.mark(article.pk, me.pk, now, typing, now - PRESENT_FOR)?;
            here.prune(now - FORGOTTEN_AFTER)?;
            let rows = here.list(Some(article.pk), now - PRESENT_FOR)?;
            Ok(rows.into_iter().map(|r| presence(r, now)).collect())
        })
    }

    /// The actor closed the article; answers who is still there.
    pub fn leave_presence(&self, actor: &Actor, article_id: &str) -> Result<Vec<Presence>> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let article = visible_article(tx, &me, article_id)?;
            tx.presence().leave(article.pk, me.pk)?;
            let rows = tx.presence().list(Some(article.pk), now - PRESENT_FOR)?;
            Ok(rows.into_iter().map(|r| presence(r, now)).collect())
        })
    }

    /// Everyone with an article open now, on the articles the actor may see, longest open first.
    pub fn list_presence(&self, actor: &Actor) -> Result<Vec<Presence>> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let rows = tx.presence().list(None, now - PRESENT_FOR)?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                // A contributor sees who is on their own pieces only, as they see the pieces.
                let visible = me.user.role != Role::Contributor || {
                    match tx.articles().get_by_id(&row.article_id)? {
                        Some(article) => can_see(tx, &me, &article)?,
                        None => false,
                    }
                };
                if visible {
                    out.push(presence(row, now));
                }
            }
            Ok(out)
        })
    }
}
