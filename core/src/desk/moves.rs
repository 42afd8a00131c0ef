//! Moving articles through the workflow, by the table in `workflow`.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::articles::{snapshot_of, to_article, write_revision};
use super::{Actor, Desk, visible_article};
use crate::error::{Error, Result};
use crate::model::{Action, Article, JobKind, SaveReason, State};
use crate::store::articles::ArticleRow;
use crate::store::notes::NewNote;
use crate::store::transitions::NewTransition;
use crate::store::users::UserRow;
use crate::store::{self, settings};
use crate::workflow::{self, Check, Facts, Party};

/// What a move brings with it.
#[derive(Debug, Clone, Default)]
pub struct MoveArgs {
    pub note: Option<String>,
    /// The publication time, for `schedule`.
    pub at: Option<DateTime<Utc>>,
}

/// Whether a user may make a move now, and if not, every reason why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub action: Action,
    pub to: State,
    /// Why this user may not make the move at all, whatever the article's state.
    pub forbidden: Option<String>,
    pub checks: Vec<Check>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.forbidden.is_none() && self.checks.iter().all(|c| c.met)
    }
}

fn assess(
    conn: &Connection,
    me: &UserRow,
    row: &ArticleRow,
    action: Action,
    args: &MoveArgs,
    now: DateTime<Utc>,
) -> Result<Readiness> {
    let t = workflow::transition(action);
    let on_byline = match me.contributor_pk {
        Some(c) => store::articles::has_byline_contributor(conn, row.pk, c)?,
        None => false,
    };
    let parties = workflow::parties(me.user.role, on_byline);
    let forbidden = (!t.who.iter().any(|p| parties.contains(p))).then(|| {
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
        format!(
            "{} may not {action}: that is for {}",
            me.user.name,
            who.join(" or ")
        )
    });
    let byline: Vec<(String, bool)> = store::articles::get_byline(conn, row.pk)?
        .into_iter()
        .map(|(_, b)| (b.name, !b.printed_bio.trim().is_empty()))
        .collect();
    let section = match &row.section {
        Some(name) => settings::get_section(conn, name)?,
        None => None,
    };
    let checks = workflow::checks(
        t,
        &Facts {
            state: row.state,
            headline: &row.headline,
            standfirst: &row.standfirst,
            body: &row.body,
            word_count: row.word_count,
            section: section.as_ref(),
            byline: &byline,
            note: args.note.as_deref(),
            at: args.at,
            scheduled_at: row.scheduled_at,
            embargo_until: row.embargo_until,
            now,
        },
    );
    Ok(Readiness {
        action,
        to: t.to,
        forbidden,
        checks,
    })
}

impl Desk {
    /// Every condition of `action` on the article for this user, met or not: the checklist the
    /// app shows before anyone presses the button.
    pub fn readiness(
        &self,
        actor: &Actor,
        id: &str,
        action: Action,
        args: &MoveArgs,
    ) -> Result<Readiness> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            assess(tx, &me, &row, action, args, now)
        })
    }

    /// The moves that leave the article's current state and that this user is allowed to make,
    /// each with its checklist.
    pub fn available_moves(&self, actor: &Actor, id: &str) -> Result<Vec<Readiness>> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let mut out = Vec::new();
            for t in workflow::TRANSITIONS
                .iter()
                .filter(|t| t.from.contains(&row.state))
            {
                let r = assess(tx, &me, &row, t.action, &MoveArgs::default(), now)?;
                if r.forbidden.is_none() {
                    out.push(r);
                }
            }
            Ok(out)
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
    tx: &Connection,
    me: &UserRow,
    id: &str,
    action: Action,
    args: &MoveArgs,
    now: DateTime<Utc>,
    ids: &MoveIds,
) -> Result<Article> {
    let old = visible_article(tx, me, id)?;
    let verdict = assess(tx, me, &old, action, args, now)?;
    if let Some(why) = verdict.forbidden {
        return Err(Error::forbidden(why));
    }
    let unmet: Vec<String> = verdict
        .checks
        .into_iter()
        .filter(|c| !c.met)
        .map(|c| c.label)
        .collect();
    if !unmet.is_empty() {
        return Err(Error::NotReady {
            action: action.to_string(),
            unmet,
        });
    }
    let previous = snapshot_of(tx, &old)?;
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
            store::jobs::put(tx, &ids.job, row.pk, JobKind::Publish, at, me.pk, now)?;
        }
        Action::Unschedule => {
            row.scheduled_at = None;
            store::jobs::cancel_open(tx, row.pk, now)?;
        }
        Action::Publish | Action::PublishNow => {
            row.published_at = Some(now);
            if row.approved_by.is_none() {
                row.approved_by = Some(me.pk);
            }
            store::articles::freeze_bios(tx, row.pk)?;
            store::articles::set_published_version(tx, row.pk, row.version)?;
            // Any publish job becomes the job that writes the page now.
            store::jobs::put(tx, &ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        Action::Republish => {
            // Bios that follow their contributor are printed as they read now.
            store::articles::refresh_followed_bios(tx, row.pk)?;
            store::articles::set_published_version(tx, row.pk, row.version)?;
            store::jobs::put(tx, &ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        Action::Withdraw => {
            store::jobs::put(tx, &ids.job, row.pk, JobKind::Render, now, me.pk, now)?;
        }
        _ => {}
    }
    store::articles::update_workflow(tx, &row)?;
    if store::search::is_pending(tx, row.pk)? {
        store::search::index_article(tx, row.pk)?;
    }
    let note = args
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    store::transitions::insert(
        tx,
        &NewTransition {
            id: &ids.transition,
            article_pk: row.pk,
            action,
            from: old.state,
            to: row.state,
            actor_pk: Some(me.pk),
            at: now,
            note,
        },
    )?;
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
        store::notes::insert(
            tx,
            &NewNote {
                id: &ids.note,
                article_pk: row.pk,
                parent_pk: None,
                author_pk: me.pk,
                body: &format!("{}: {text}", action_label(action)),
                anchor: None,
                at: now,
            },
        )?;
    }
    to_article(tx, me, row)
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
