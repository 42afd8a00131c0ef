//! The app's state: the desk file it opened, and who is signed in on this window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use copydesk_core::{Actor, ApiError, Clock, Desk, ErrorCode, FileClock, SystemClock};

use crate::error::{AppResult, signed_out};

pub struct AppState {
    /// The desk file, when one could be named.
    pub db_path: Option<PathBuf>,
    desk: Result<Arc<Desk>, ApiError>,
    actor: Mutex<Option<Actor>>,
}

impl AppState {
    /// Opens (creating if missing) the desk at `db_path`. A desk that cannot be opened is kept
    /// as its error, so the window can still say what went wrong.
    pub fn open(db_path: AppResult<PathBuf>) -> AppState {
        let desk = db_path
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|p| open_desk(p))
            .map(Arc::new);
        AppState {
            db_path: db_path.ok(),
            desk,
            actor: Mutex::new(None),
        }
    }

    pub fn desk(&self) -> AppResult<Arc<Desk>> {
        self.desk.clone()
    }

    /// The signed-in user, or an error telling the UI to sign in.
    pub fn actor(&self) -> AppResult<Actor> {
        self.lock_actor().clone().ok_or_else(signed_out)
    }

    pub fn set_actor(&self, actor: Option<Actor>) {
        *self.lock_actor() = actor;
    }

    fn lock_actor(&self) -> std::sync::MutexGuard<'_, Option<Actor>> {
        // A panic while holding this lock cannot leave an Option half-written.
        self.actor.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn open_desk(path: &Path) -> AppResult<Desk> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| {
            ApiError::new(
                ErrorCode::Io,
                format!("cannot create the folder {}: {e}", folder.display()),
            )
        })?;
    }
    // The end-to-end tests move the running app's time through a file; otherwise, the machine's.
    let clock: Arc<dyn Clock> = match std::env::var_os("COPYDESK_CLOCK_FILE") {
        Some(file) if !file.is_empty() => Arc::new(FileClock::new(file)),
        _ => Arc::new(SystemClock),
    };
    Desk::open(path, clock).map_err(ApiError::from)
}

/// The desk file: `COPYDESK_DB` if set, else `desk.db` in the per-user data folder
/// (`$XDG_DATA_HOME/copydesk`, or `~/.local/share/copydesk`).
pub fn db_path() -> AppResult<PathBuf> {
    if let Some(p) = std::env::var_os("COPYDESK_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        // The XDG spec says a relative value is to be ignored.
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .map(|data| data.join("copydesk").join("desk.db"))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NoDesk,
                "no home folder to keep the desk in: set COPYDESK_DB to a file path",
            )
        })
}
