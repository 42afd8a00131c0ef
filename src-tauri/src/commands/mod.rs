//! The UI's commands. Every desk operation of the core (`copydesk_core::for_each_operation!`)
//! becomes one command taking the operation as `input`; the few that are the window's own
//! (which desk, who is signed in here, files chosen on this computer) live beside it. No rules
//! live here: the core decides.

mod desks;
mod events;
mod import;
mod journal;
mod session;

pub use desks::*;
pub use events::*;
pub use import::*;
pub use journal::*;
pub use session::*;

use copydesk_core::api::*;
use copydesk_core::{ApiError, Desk};
use tauri::{Runtime, State as Managed};

use crate::error::{AppResult, stopped};
use crate::state::AppState;

/// Runs `f` on the desk in tokio's blocking pool: database work never runs on the UI thread.
pub(crate) async fn on_desk<T: Send + 'static>(
    app: &AppState,
    f: impl FnOnce(&Desk) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let (slot, path) = app.desk_slot();
    tokio::task::spawn_blocking(move || f(&*slot.open_or_retry(path.as_deref())?))
        .await
        .map_err(stopped)?
}

/// Runs one of the desk's operations as the user signed in on this window: on the desk file, or
/// on the team desk's server. Off the UI thread either way.
pub(crate) async fn run<O: Operation>(app: &AppState, op: O) -> AppResult<O::Output> {
    let door = Door::of(app)?;
    tokio::task::spawn_blocking(move || door.run(op))
        .await
        .map_err(stopped)?
}

/// The desk as the user signed in on this window reaches it (the desk file as them, or the
/// team desk's server), for work already off the UI thread.
pub(crate) enum Door {
    File {
        slot: crate::state::DeskSlot,
        path: Option<std::path::PathBuf>,
        actor: copydesk_core::Actor,
    },
    Team(std::sync::Arc<crate::team::TeamDesk>),
}

impl Door {
    pub(crate) fn of(app: &AppState) -> AppResult<Door> {
        if let Some(team) = app.team() {
            return Ok(Door::Team(team));
        }
        let (slot, path) = app.desk_slot();
        let actor = app.actor()?;
        Ok(Door::File { slot, path, actor })
    }

    /// Runs one of the desk's operations; blocks.
    pub(crate) fn run<O: Operation>(&self, op: O) -> AppResult<O::Output> {
        match self {
            Door::Team(team) => team.call(&op),
            Door::File { slot, path, actor } => {
                let desk = slot.open_or_retry(path.as_deref())?;
                op.run(&desk, actor).map_err(ApiError::from)
            }
        }
    }
}

macro_rules! desk_commands {
    ($($name:ident: $op:ident -> $out:ty),* $(,)?) => {
        $(
            #[tauri::command]
            #[specta::specta]
            pub async fn $name(app: Managed<'_, AppState>, input: $op) -> AppResult<$out> {
                run(&app, input).await
            }
        )*

        /// Every command the UI may call: the desk's operations and the window's own.
        pub fn all<R: Runtime>() -> tauri_specta::Commands<R> {
            tauri_specta::collect_commands![
                desk_status,
                init_desk,
                sign_in_choices,
                sign_in,
                sign_out,
                preview_import_files,
                journal_keep,
                journal_list,
                journal_settle,
                journal_discard,
                known_desks,
                join_team_desk,
                use_desk,
                forget_desk,
                server_reach,
                journal_send,
                page_events,
                $($name),*
            ]
        }

        /// The commands' names, for the tests that hold the capability file to them.
        pub const NAMES: &[&str] = &[
            "desk_status",
            "init_desk",
            "sign_in_choices",
            "sign_in",
            "sign_out",
            "preview_import_files",
            "journal_keep",
            "journal_list",
            "journal_settle",
            "journal_discard",
            "known_desks",
            "join_team_desk",
            "use_desk",
            "forget_desk",
            "server_reach",
            "journal_send",
            "page_events",
            $(stringify!($name)),*
        ];
    };
}

copydesk_core::for_each_operation!(desk_commands);
