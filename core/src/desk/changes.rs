//! Following a shared desk: what changed since a reader's last position, as far as that reader
//! may see, so that every open screen on every machine stays current.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Actor, Desk, visible_article};
use crate::error::{Error, Result};
use crate::model::Role;
use crate::store::changes::{ChangeFeed, FeedPosition};

pub use crate::store::changes::ChangeListener;

/// What a change was to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Article,
    /// A note on an article (the subject is the article).
    Note,
    /// An article's publishing job (the subject is the article).
    Job,
    Contributor,
    User,
    /// The desk's settings, sections or slots.
    Settings,
    /// Many things at once (a bulk load): reload everything.
    Desk,
}

/// One change: a screen showing its subject reloads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskChange {
    pub kind: ChangeKind,
    /// The id of the article, contributor or user changed; none for settings and the desk.
    pub subject: Option<String>,
    pub at: DateTime<Utc>,
    /// Where the feed stands after this change: a reader resumes from it.
    pub position: String,
}

/// Changes after a position, and where to read on from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Changes {
    pub changes: Vec<DeskChange>,
    pub position: String,
    /// The position given was older than the changes the desk keeps: some were missed, so
    /// everything shown should be reloaded.
    pub missed: bool,
}

fn feed(desk: &Desk) -> Result<&dyn ChangeFeed> {
    desk.store.change_feed().ok_or_else(|| {
        Error::invalid(
            "this desk is kept in a file on this computer: it has no change feed to follow",
        )
    })
}

fn position_text(p: FeedPosition) -> String {
    format!("{}-{}", p.xid, p.id)
}

fn parse_position(text: &str) -> Result<FeedPosition> {
    let refuse = || {
        Error::invalid_field(
            "position",
            format!("“{text}” is not a position in the desk's changes"),
        )
    };
    let (xid, id) = text.trim().split_once('-').ok_or_else(refuse)?;
    Ok(FeedPosition {
        xid: xid.parse().map_err(|_| refuse())?,
        id: id.parse().map_err(|_| refuse())?,
    })
}

impl Desk {
    /// The changes after `position` (from now, when `None`) that `actor` may see, oldest first.
    pub fn changes_after(
        &self,
        actor: &Actor,
        position: Option<&str>,
        limit: u32,
    ) -> Result<Changes> {
        let feed = feed(self)?;
        let from = position.map(parse_position).transpose()?;
        let missed = match from {
            Some(p) => feed.is_pruned(p)?,
            None => false,
        };
        let (rows, next) = feed.after(from, i64::from(limit.clamp(1, 1000)))?;
        let changes = self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let mut shown = Vec::with_capacity(rows.len());
            for row in &rows {
                let kind = match row.kind.as_str() {
                    "article" => ChangeKind::Article,
                    "note" => ChangeKind::Note,
                    "job" => ChangeKind::Job,
                    "contributor" => ChangeKind::Contributor,
                    "user" => ChangeKind::User,
                    "settings" => ChangeKind::Settings,
                    _ => ChangeKind::Desk,
                };
                // A contributor hears only of their own pieces and their own account.
                let seen = me.user.role != Role::Contributor
                    || match (kind, &row.subject) {
                        (ChangeKind::Article | ChangeKind::Note | ChangeKind::Job, Some(id)) => {
                            visible_article(tx, &me, id).is_ok()
                        }
                        (ChangeKind::User, Some(id)) => *id == me.user.id,
                        _ => true,
                    };
                if seen {
                    shown.push(DeskChange {
                        kind,
                        subject: row.subject.clone(),
                        at: row.at,
                        position: position_text(row.position),
                    });
                }
            }
            Ok(shown)
        })?;
        Ok(Changes {
            changes,
            position: position_text(next),
            missed,
        })
    }

    /// A connection of its own that wakes when the desk changes.
    pub fn listen_for_changes(&self) -> Result<Box<dyn ChangeListener>> {
        feed(self)?.listen()
    }

    /// Forgets changes older than `keep` (by the database's clock, which dates them): a reader
    /// away longer is told it missed some and reloads everything.
    pub fn prune_changes(&self, keep: Duration) -> Result<u64> {
        feed(self)?.prune(keep)
    }
}
