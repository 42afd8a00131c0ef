//! The app's state: the desk it opened (a desk file, or a team desk through its server), who is
//! signed in on this window, and the journal of text typed here that the desk has not confirmed.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use copydesk_core::journal::Journal;
use copydesk_core::{Actor, ApiError, Clock, Desk, ErrorCode, FileClock, SystemClock};

use crate::error::{AppResult, signed_out};
use crate::places::{DeskPlace, Remembered};
use crate::team::TeamDesk;

pub struct AppState {
    /// The desk file, when one could be named (none on a team desk).
    pub db_path: Option<PathBuf>,
    /// The team desk, when the app works on one.
    team: Option<Arc<TeamDesk>>,
    /// Where the app's desk is, as the desks used are remembered.
    pub place: Option<DeskPlace>,
    /// The desks used on this computer.
    pub remembered: Remembered,
    /// Asked for when another desk is chosen: the app starts again on it.
    pub restart: Arc<tokio::sync::Notify>,
    /// The desk, or why it could not be opened; tried again when asked for while broken.
    desk: DeskSlot,
    actor: Mutex<Option<Actor>>,
    journal: Result<Arc<Journal>, ApiError>,
}

impl AppState {
    /// Opens (creating if missing) the desk at `db_path`. A desk that cannot be opened is kept
    /// as its error, so the window can still say what went wrong.
    pub fn open(db_path: AppResult<PathBuf>, journal_path: AppResult<PathBuf>) -> AppState {
        let desk = db_path
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|p| open_desk(p))
            .map(Arc::new);
        let remembered = Remembered::at(desks_beside(&journal_path));
        let journal = journal_path
            .and_then(|p| Journal::open(&p).map_err(ApiError::from))
            .map(Arc::new);
        AppState {
            place: db_path.as_deref().ok().map(crate::places::file_place),
            db_path: db_path.ok(),
            team: None,
            remembered,
            restart: Arc::new(tokio::sync::Notify::new()),
            desk: DeskSlot(Arc::new(Mutex::new(desk))),
            actor: Mutex::new(None),
            journal,
        }
    }

    /// The app on the desk at `place`: a desk file opened here, or a team desk's server (not
    /// asked anything yet: the window says whether it answers).
    pub fn open_place(
        place: Option<DeskPlace>,
        default_file: AppResult<PathBuf>,
        journal_path: AppResult<PathBuf>,
    ) -> AppState {
        match place {
            Some(DeskPlace::Team { server }) => {
                let remembered = Remembered::at(desks_beside(&journal_path));
                let journal = journal_path
                    .and_then(|p| Journal::open(&p).map_err(ApiError::from))
                    .map(Arc::new);
                let team = TeamDesk::new(&server).map(Arc::new);
                // The address in the one spelling the journal files its text under.
                let server = crate::places::server_key(&server);
                let (team, desk) = match team {
                    Ok(t) => (Some(t), Err(no_desk_file())),
                    Err(e) => (None, Err(e)),
                };
                AppState {
                    db_path: None,
                    team,
                    place: Some(DeskPlace::Team { server }),
                    remembered,
                    restart: Arc::new(tokio::sync::Notify::new()),
                    desk: DeskSlot(Arc::new(Mutex::new(desk))),
                    actor: Mutex::new(None),
                    journal,
                }
            }
            Some(DeskPlace::File { path }) => AppState::open(Ok(PathBuf::from(path)), journal_path),
            None => AppState::open(default_file, journal_path),
        }
    }

    /// The team desk, when the app works on one.
    pub fn team(&self) -> Option<Arc<TeamDesk>> {
        self.team.clone()
    }

    /// The desk as it stands, without trying again to open one that could not be opened.
    pub fn desk(&self) -> AppResult<Arc<Desk>> {
        self.desk.current()
    }

    /// The desk; one that could not be opened is tried again, as "Try again" on the start
    /// screen asks (the other program may have let go of the file, the folder may exist now).
    /// Blocking: call it off the UI thread.
    pub fn desk_slot(&self) -> (DeskSlot, Option<PathBuf>) {
        (self.desk.clone(), self.db_path.clone())
    }

    pub fn journal(&self) -> AppResult<Arc<Journal>> {
        self.journal.clone()
    }

    /// The name the journal files this desk's text under.
    pub fn desk_key(&self) -> String {
        match (&self.team, &self.db_path) {
            (Some(team), _) => team.server.clone(),
            (None, Some(p)) => p.display().to_string(),
            (None, None) => String::new(),
        }
    }

    /// The signed-in user, or an error telling the UI to sign in.
    pub fn actor(&self) -> AppResult<Actor> {
        self.lock_actor().clone().ok_or_else(signed_out)
    }

    /// The time now, by the desk's clock (the end-to-end tests move it through a file).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        match self.desk.current() {
            Ok(desk) => desk.now(),
            Err(_) => app_clock().now(),
        }
    }

    /// Who is signed in on this window, on a desk file or a team desk.
    pub fn user(&self) -> AppResult<copydesk_core::api::User> {
        match &self.team {
            Some(team) => team.user(),
            None => self.actor().map(|a| a.user),
        }
    }

    /// Whose text the journal keeps on this window: on a team desk, the user of the last sign-in
    /// here, even once the server ended the session (what the open editor types is kept all
    /// the same); on a desk file, who is signed in.
    pub fn journal_user(&self) -> AppResult<copydesk_core::api::User> {
        match &self.team {
            Some(team) => team.journal_user(),
            None => self.actor().map(|a| a.user),
        }
    }

    pub fn set_actor(&self, actor: Option<Actor>) {
        *self.lock_actor() = actor;
    }

    fn lock_actor(&self) -> std::sync::MutexGuard<'_, Option<Actor>> {
        // A panic while holding this lock cannot leave an Option half-written.
        self.actor.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[derive(Clone)]
pub struct DeskSlot(Arc<Mutex<AppResult<Arc<Desk>>>>);

impl DeskSlot {
    fn lock(&self) -> std::sync::MutexGuard<'_, AppResult<Arc<Desk>>> {
        // A panic while holding this lock cannot leave a Result half-written.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn current(&self) -> AppResult<Arc<Desk>> {
        self.lock().clone()
    }

    /// The desk, opening it again at `path` if it could not be opened before.
    pub fn open_or_retry(&self, path: Option<&Path>) -> AppResult<Arc<Desk>> {
        let mut slot = self.lock();
        if let (Err(_), Some(path)) = (&*slot, path) {
            *slot = open_desk(path).map(Arc::new);
        }
        slot.clone()
    }
}

fn open_desk(path: &Path) -> AppResult<Desk> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| {
            ApiError::new(
                ErrorCode::Io,
                format!(
                    "the folder for the desk file, {}, cannot be made: {}",
                    folder.display(),
                    copydesk_core::error::io_words(&e)
                ),
            )
            .with_detail(e.to_string())
        })?;
    }
    // The WordPress password goes into the user's keyring when one answers
    // (COPYDESK_KEYRING=off keeps it in a file beside the desk).
    Desk::open(path, app_clock())
        .map(Desk::with_system_keyring)
        .map_err(ApiError::from)
}

/// The end-to-end tests move the running app's time through a file; otherwise, the machine's.
fn app_clock() -> Arc<dyn Clock> {
    match std::env::var_os("COPYDESK_CLOCK_FILE") {
        Some(file) if !file.is_empty() => Arc::new(FileClock::new(file)),
        _ => Arc::new(SystemClock),
    }
}

/// The desk file: `COPYDESK_DB` if set, else `desk.db` in the per-user data folder
/// (`$XDG_DATA_HOME/copydesk`, or `~/.local/share/copydesk`).
pub fn db_path() -> AppResult<PathBuf> {
    if let Some(p) = std::env::var_os("COPYDESK_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    data_folder().map(|f| f.join("desk.db")).ok_or_else(|| {
        ApiError::new(
            ErrorCode::NoDesk,
            "no home folder to keep the desk in: set COPYDESK_DB to a file path",
        )
    })
}

/// The journal of unsaved text: `COPYDESK_JOURNAL` if set, else `journal.db` in the per-user
/// data folder. It belongs to this computer, not to a desk: one journal serves every desk used.
pub fn journal_path() -> AppResult<PathBuf> {
    if let Some(p) = std::env::var_os("COPYDESK_JOURNAL").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    data_folder().map(|f| f.join("journal.db")).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Io,
            "no home folder to keep unsaved text in: set COPYDESK_JOURNAL to a file path",
        )
    })
}

/// A team desk has no desk file: what a command meant for one says.
fn no_desk_file() -> ApiError {
    ApiError::new(
        ErrorCode::NoDesk,
        "this window works on a team desk, which has no desk file on this computer",
    )
}

/// The desks used on this computer: `desks.json` in the per-user data folder (or the temporary
/// folder, without a home folder).
pub fn desks_path() -> PathBuf {
    data_folder()
        .map(|f| f.join("desks.json"))
        .unwrap_or_else(|| std::env::temp_dir().join("copydesk-desks.json"))
}

/// The list of desks used lives beside the journal, in the same folder of this computer (a
/// test's journal in a temp folder keeps its list there too).
fn desks_beside(journal: &AppResult<PathBuf>) -> PathBuf {
    match journal {
        Ok(j) => j.with_file_name("desks.json"),
        Err(_) => desks_path(),
    }
}

/// `$XDG_DATA_HOME/copydesk`, or `~/.local/share/copydesk`.
fn data_folder() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        // The XDG spec says a relative value is to be ignored.
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .map(|data| data.join("copydesk"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_desk_typed_two_ways_files_its_text_under_one_address() {
        let dir = tempfile::tempdir().unwrap();
        let open = |server: &str| {
            AppState::open_place(
                Some(DeskPlace::Team {
                    server: server.into(),
                }),
                Ok(dir.path().join("unused.db")),
                Ok(dir.path().join("journal.db")),
            )
        };
        let plain = open("https://desk.example.org");
        for typed in ["https://Desk.example.org", "https://desk.example.org:443/"] {
            let other = open(typed);
            assert_eq!(other.desk_key(), plain.desk_key(), "{typed}");
            assert_eq!(other.place, plain.place, "{typed}");
        }
        assert_eq!(plain.desk_key(), "https://desk.example.org");
    }
}
