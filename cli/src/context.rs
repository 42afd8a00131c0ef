//! Finding the desk's file, opening it, and signing the acting user in.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use std::cell::OnceCell;

use copydesk_core::api::Operation;
use copydesk_core::desk::parse_timezone;
use copydesk_core::{Actor, Clock, Desk, ErrorCode, SystemClock};

use crate::output::{CliResult, Failure};

/// Everything a command needs: the open desk and who asked.
pub struct Ctx {
    pub desk: Desk,
    pub path: PathBuf,
    as_user: Option<String>,
    /// The user signed in by the first operation that acted (a passphrase is checked once).
    actor: OnceCell<Actor>,
}

/// Whether a command may create the database file or needs an existing desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Existing,
    CreateIfMissing,
}

/// The file named by --db / COPYDESK_DB, or the per-user data folder's desk.db.
pub fn db_path(given: Option<PathBuf>) -> CliResult<PathBuf> {
    if let Some(p) = given {
        return Ok(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        // The XDG spec says a relative value is to be ignored.
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .ok_or_else(|| {
            Failure::invalid("no --db given and no home folder to keep the desk in: pass --db PATH")
        })?;
    Ok(data.join("copydesk").join("desk.db"))
}

impl Ctx {
    pub fn open(path: PathBuf, open: Open, as_user: Option<String>) -> CliResult<Ctx> {
        Ctx::open_with_clock(path, open, as_user, Arc::new(SystemClock))
    }

    /// Opens the desk reading time from `clock` (`publish-due --now` runs as if at a given
    /// instant).
    pub fn open_with_clock(
        path: PathBuf,
        open: Open,
        as_user: Option<String>,
        clock: Arc<dyn Clock>,
    ) -> CliResult<Ctx> {
        // Opening a path SQLite does not find creates an empty desk there; outside `init` and
        // `demo` that would hide a mistyped --db behind a "not set up" message and leave a file.
        if open == Open::Existing && !path.exists() {
            return Err(Failure::new(
                ErrorCode::NotInitialised,
                format!(
                    "there is no desk at {}: create one with `copydesk init`, or point --db (COPYDESK_DB) at one",
                    path.display()
                ),
            ));
        }
        if open == Open::CreateIfMissing
            && let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|e| {
                Failure::new(
                    ErrorCode::Io,
                    format!("cannot create the folder {}: {e}", folder.display()),
                )
            })?;
        }
        let desk = Desk::open(&path, clock).map_err(|e| cannot_open(&path, e.into()))?;
        Ok(Ctx {
            desk,
            path,
            as_user,
            actor: OnceCell::new(),
        })
    }

    /// Runs one of the desk's operations as the user named by --as.
    pub fn call<O: Operation>(&self, op: O) -> CliResult<O::Output> {
        let actor = match self.actor.get() {
            Some(a) => a,
            None => {
                let signed_in = self.sign_in()?;
                self.actor.get_or_init(|| signed_in)
            }
        };
        Ok(op.run(&self.desk, actor)?)
    }

    /// Signs in the user named by --as.
    fn sign_in(&self) -> CliResult<Actor> {
        let name = self
            .as_user
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let Some(name) = name else {
            return Err(Failure::new(
                ErrorCode::Unauthenticated,
                "this command acts as a user: pass --as NAME (or set COPYDESK_USER)",
            ));
        };
        let passphrase = std::env::var("COPYDESK_PASSPHRASE").ok();
        Ok(self.desk.sign_in(name, passphrase.as_deref())?)
    }

    /// The desk's time zone, in which times are typed and shown.
    pub fn tz(&self) -> CliResult<Tz> {
        let settings = self.desk.settings()?;
        Ok(parse_timezone(&settings.timezone)?)
    }
}

fn cannot_open(path: &Path, mut f: Failure) -> Failure {
    // The core's own messages (a newer schema, a damaged file) already say what is wrong.
    if matches!(
        f.code(),
        ErrorCode::Storage | ErrorCode::Io | ErrorCode::Busy
    ) {
        f.error.message = format!(
            "cannot open the desk at {}: {}",
            path.display(),
            f.error.message
        );
    }
    f
}
