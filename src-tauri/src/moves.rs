//! The workflow moves offered on an article: the core's readiness for each, translated for the UI.

use copydesk_core::desk::{MoveArgs, Readiness};
use copydesk_core::workflow::{Need, TRANSITIONS};
use copydesk_core::{Actor, Desk, model};

use crate::error::AppResult;
use crate::view::{Action, Check, MoveOption};

/// The moves `actor` may make on article `id` now, each with the core's checklist. `note` is the
/// note typed so far: a move that needs one is assessed with it.
pub fn offered(
    desk: &Desk,
    actor: &Actor,
    id: &str,
    note: Option<String>,
) -> AppResult<Vec<MoveOption>> {
    let args = MoveArgs {
        note,
        ..MoveArgs::default()
    };
    desk.available_moves(actor, id)?
        .into_iter()
        .map(
            |r| match needs(r.action, Need::Note) && args.note.is_some() {
                true => Ok(option(desk.readiness(actor, id, r.action, &args)?)),
                false => Ok(option(r)),
            },
        )
        .collect()
}

fn needs(action: model::Action, need: Need) -> bool {
    TRANSITIONS
        .iter()
        .any(|t| t.action == action && t.needs.contains(&need))
}

fn option(r: Readiness) -> MoveOption {
    MoveOption {
        ready: r.ready(),
        action: r.action.into(),
        to: r.to.into(),
        needs_note: needs(r.action, Need::Note),
        needs_time: needs(r.action, Need::Time),
        checks: r
            .checks
            .into_iter()
            .map(|c| Check {
                label: c.label,
                met: c.met,
            })
            .collect(),
    }
}

/// What a move brings: the note, when one was typed.
pub fn args(note: Option<String>) -> MoveArgs {
    MoveArgs {
        note: note.filter(|n| !n.trim().is_empty()),
        ..MoveArgs::default()
    }
}

impl From<Action> for model::Action {
    fn from(a: Action) -> Self {
        use model::Action as A;
        match a {
            Action::Submit => A::Submit,
            Action::Claim => A::Claim,
            Action::RequestChanges => A::RequestChanges,
            Action::Resubmit => A::Resubmit,
            Action::Approve => A::Approve,
            Action::Reject => A::Reject,
            Action::Reopen => A::Reopen,
            Action::Schedule => A::Schedule,
            Action::Unschedule => A::Unschedule,
            Action::Publish => A::Publish,
            Action::PublishNow => A::PublishNow,
            Action::Republish => A::Republish,
            Action::Withdraw => A::Withdraw,
        }
    }
}

impl From<model::Action> for Action {
    fn from(a: model::Action) -> Self {
        use model::Action as A;
        match a {
            A::Submit => Action::Submit,
            A::Claim => Action::Claim,
            A::RequestChanges => Action::RequestChanges,
            A::Resubmit => Action::Resubmit,
            A::Approve => Action::Approve,
            A::Reject => Action::Reject,
            A::Reopen => Action::Reopen,
            A::Schedule => Action::Schedule,
            A::Unschedule => Action::Unschedule,
            A::Publish => Action::Publish,
            A::PublishNow => Action::PublishNow,
            A::Republish => Action::Republish,
            A::Withdraw => Action::Withdraw,
        }
    }
}
