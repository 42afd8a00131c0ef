//! Moving articles through the workflow, by the table in `workflow`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::articles::{snapshot_with, to_article, write_revision};
use super::{Actor, Desk, visible_article};
use crate::error::{Error, Result};
use crate::model::{Action, Article, Byline, JobKind, MoveOption, SaveReason, Section};
use crate::store::Tx;
use crate::store::articles::ArticleRow;
use crate::store::notes::NewNote;
use crate::store::transitions::NewTransition;
use crate::store::users::UserRow;
use crate::workflow::{self, Facts, Need, Party};

/// What a move brings with it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveArgs {
    /// Why, where the move takes a note.
    #[serde(default)]
    pub note: Option<String>,
    /// The publication time, for `schedule`.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
}

/// The article as a move's checks read it: its row, its byline and its section's limits.
pub(super) struct Subject<'a> {
    pub row: &'a ArticleRow,
    pub byline: &'a [(i64, Byline)],
    section: Option<Section>,
    zone: chrono_tz::Tz,
}

impl<'a> Subject<'a> {
    pub(super) fn read(
        conn: &dyn Tx,
        row: &'a ArticleRow,
        byline: &'a [(i64, Byline)],
    ) -> Result<Subject<'a>> {
        let section = match &row.section {
            Some(name) => conn.settings().get_section(name)?,
            None => None,
        };
        Ok(Subject {
            row,
            byline,
            section,
            zone: super::schedule::desk_zone(conn)?,
        })
    }

    /// Whether `me` writes as one of the byline's contributors.
    pub(super) fn is_author(&self, me: &UserRow) -> bool {
        me.contributor_pk
            .is_some_and(|c| self.byline.iter().any(|(pk, _)| *pk == c))
    }
}

/// Why `me` may not make `action` at all, whatever the article's state; `None` when they may.
fn refusal(me: &UserRow, on_byline: bool, action: Action) -> Option<String> {
    let t = workflow::transition(action);
    let parties = workflow::parties(me.user.role, on_byline);
    if t.who.iter().any(|p| parties.contains(p)) {
        return None;
    }
    let who: Vec<&str> = t
        .who
        .iter()
        .map(|p| match p {
            Party::Author => "the author",
            Party::Editor => "an editor",
            Party::Chief => "the chief editor",
            Party::Scheduler => "the scheduler at the due time",
        })
        .collect();
    Some(format!(
        "{} may not {}: that is for {}",
        me.user.name,
        action.words(),
        who.join(" or ")
    ))
}

/// Every condition of `action` on the subject, met or not, the unmet first. Pure.
fn assess(s: &Subject, action: Action, args: &MoveArgs, now: DateTime<Utc>) -> MoveOption {
    let t = workflow::transition(action);
    let byline: Vec<(String, bool)> = s
        .byline
        .iter()
        .map(|(_, b)| (b.name.clone(), !b.printed_bio.trim().is_empty()))
        .collect();
    let mut checks = workflow::checks(
        t,
        &Facts {
            state: s.row.state,
            headline: &s.row.headline,
            standfirst: &s.row.standfirst,
            body: &s.row.body,
            word_count: s.row.word_count,
            section: s.section.as_ref(),
            byline: &byline,
            note: args.note.as_deref(),
            at: args.at,
            scheduled_at: s.row.scheduled_at,
            embargo_until: s.row.embargo_until,
            now,
            zone: s.zone,
        },
    );
    checks.sort_by_key(|c| c.met);
    MoveOption {
        action,
        to: t.to,
        allowed: checks.iter().all(|c| c.met),
        needs_note: t.needs.contains(&Need::Note),
        needs_time: t.needs.contains(&Need::Time),
        checks,
    }
}

/// The moves from the article's state that `me` may make, each assessed with `note` (the note
/// typed so far, for moves that take one).
pub(super) fn options(
    me: &UserRow,
    s: &Subject,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<MoveOption> {
    let on_byline = s.is_author(me);
    let args = MoveArgs {
        note: note.map(str::to_string),
        at: None,
    };
    workflow::TRANSITIONS
        .iter()
        .filter(|t| t.from.contains(&s.row.state))
        .filter(|t| refusal(me, on_byline, t.action).is_none())
        .map(|t| assess(s, t.action, &args, now))
        .collect()
}

impl Desk {
    /// Every condition of `action` on the article for this user, met or not: the checklist the
    /// CLI's `article checks` shows. A move the user's role does not allow is refused.
    pub fn readiness(
        &self,
        actor: &Actor,
        id: &str,
        action: Action,
        args: &MoveArgs,
    ) -> Result<MoveOption> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let byline = tx.articles().get_byline(row.pk)?;
            let subject = Subject::read(tx, &row, &byline)?;
            if let Some(why) = refusal(&me, subject.is_author(&me), action) {
                return Err(Error::forbidden(why));
            }
            Ok(assess(&subject, action, args, now))
        })
    }

    /// The moves from the article's state that this user's role allows, each with its
    /// checklist, assessed with `note`: the note typed so far, for moves that take one.
    pub fn available_moves(
        &self,
        actor: &Actor,
        id: &str,
        note: Option<&str>,
    ) -> Result<Vec<MoveOption>> {
        let now = self.now();
        let note = note.map(super::articles::clean_text);
        let note = note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let byline = tx.articles().get_byline(row.pk)?;
            let subject = Subject::read(tx, &row, &byline)?;
            Ok(options(&me, &subject, note, now))
        })
    }

    /// Makes a workflow move. The state change, its audit row, a revision snapshot and any note
    /// are written in one transaction; a refused move writes nothing and says every reason.
    pub fn move_article(
        &self,
        actor: &Actor,
        id: &str,
        action: Action,
        args: &MoveArgs,
    ) -> Result<Article> {
        let now = self.now();
        let ids = MoveIds {
            transition: self.new_id(now),
            note: self.new_id(now),
            job: self.new_id(now),
        };
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            apply_move(tx, &me, id, action, args, now, &ids)
        })
    }
}

/// The ids a move may write: its audit row, its note, its outbox job.
pub(super) struct MoveIds {
    pub transition: String,
    pub note: String,
    pub job: String,
}

/// Makes a move inside the caller's transaction; `me` is the acting user.
pub(super) fn apply_move(
    tx: &dyn Tx,
    me: &UserRow,
    id: &str,
    action: Action,
    args: &MoveArgs,
    now: DateTime<Utc>,
    ids: &MoveIds,
) -> Result<Article> {
    let old = visible_article(tx, me, id)?;
    let old_byline = tx.articles().get_byline(old.pk)?;
    let subject = Subject::read(tx, &old, &old_byline)?;
    if let Some(why) = refusal(me, subject.is_author(me), action) {
        return Err(Error::forbidden(why));
    }
    let verdict = assess(&subject, action, args, now);
    if !verdict.allowed {
        let unmet = verdict.checks.into_iter().filter(|c| !c.met).collect();
        return Err(Error::NotReady { action, unmet });
    }
    let previous = snapshot_with(&old, &old_byline);
    let mut row = old.clone();
    row.state = verdict.to;
    row.version += 1;
    row.updated_at = now;
    row.state_changed_at = now;
    match action {
        Action::Claim => row.assigned_editor = Some(me.pk),
        Action::Approve => {
            row.approved_by = Some(me.pk);
            row.assigned_editor.get_or_insert(me.pk);
        }
        // The outbox job is written with the move: nothing scheduled lacks its job.
        Action::Schedule => {
            row.scheduled_at = args.at;
            let at = args
                .at
                .ok_or_else(|| Error::invalid("a publication time"))?;
            tx.jobs()
                .put(&ids.job, row.pk, JobKind::Publish, at, me.pk, now)?;
        }
        Action::Unschedule => {
            row.scheduled_at = None;
            tx.jobs().cancel_open(row.pk, now)?;
        }
        Action::Publish | Action::PublishNow => {
            row.published_at = Some(now);
            if row.approved_by.is_none() {
                row.approved_by = Some(me.pk);
            }
            tx.articles().freeze_bios(row.pk)?;
            tx.articles().set_published_version(row.pk, row.version)?;
            // Any publish job becomes the job that writes the page now.
            tx.jobs()
                .put(&ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        Action::Republish => {
            // Bios that follow their contributor are printed as they read now.
            tx.articles().refresh_followed_bios(row.pk)?;
            tx.articles().set_published_version(row.pk, row.version)?;
            tx.jobs()
                .put(&ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        Action::Withdraw => {
            tx.jobs()
                .put(&ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        _ => {}
    }
    tx.articles().update_workflow(&row)?;
    if tx.search().is_pending(row.pk)? {
        tx.search().index_article(row.pk)?;
    }
    let note = args
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    tx.transitions().insert(&NewTransition {
        id: &ids.transition,
        article_pk: row.pk,
        action,
        from: old.state,
        to: row.state,
        actor_pk: Some(me.pk),
        at: now,
        note,
    })?;
    write_revision(
        tx,
        &row,
        me.pk,
        SaveReason::Transition,
        None,
        Some(&previous),
    )?;
    if let Some(text) = note {
        // The author reads why in the article's notes, not only in the audit log.
        tx.notes().insert(&NewNote {
            id: &ids.note,
            article_pk: row.pk,
            parent_pk: None,
            author_pk: me.pk,
            body: &format!("{}: {text}", action_label(action)),
            anchor: None,
            at: now,
        })?;
    }
    to_article(tx, me, row, now)
}

fn action_label(action: Action) -> &'static str {
    match action {
        Action::Submit => "Submitted",
        Action::Claim => "Claimed",
        Action::RequestChanges => "Changes requested",
        Action::Resubmit => "Resubmitted",
        Action::Approve => "Approved",
        Action::Reject => "Rejected",
        Action::Reopen => "Reopened",
        Action::Schedule => "Scheduled",
        Action::Unschedule => "Unscheduled",
        Action::Publish | Action::PublishNow => "Published",
        Action::Republish => "Updated",
        Action::Withdraw => "Withdrawn",
    }
}
