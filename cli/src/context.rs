//! Finding the desk (a file, or a team desk's server), opening it, and signing the acting user
//! in. Commands run the desk's operations through `Ctx::call` and never know which it is.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::cell::OnceCell;

use copydesk_client::Client;
use copydesk_core::api::{DeskSettingsOp, Operation};
use copydesk_core::desk::parse_timezone;
use copydesk_core::{Actor, Clock, Desk, ErrorCode, SystemClock};

use crate::output::{CliResult, Failure};

/// Everything a command needs: the open desk and who asked.
pub struct Ctx {
    face: Face,
    as_user: Option<String>,
    /// The user signed in by the first operation that acted (a passphrase is checked once).
    actor: OnceCell<Actor>,
}

/// Where the desk is.
enum Face {
    File {
        desk: Desk,
        path: PathBuf,
    },
    /// A team desk's server, signed in with the session `copydesk login` kept.
    Server(Client),
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
        // The WordPress password goes into the user's keyring when one answers (a desk on one
        // machine; COPYDESK_KEYRING=off keeps it in a file beside the desk).
        let desk = Desk::open(&path, clock)
            .map_err(|e| cannot_open(&path, e.into()))?
            .with_system_keyring();
        Ok(Ctx {
            face: Face::File { desk, path },
            as_user,
            actor: OnceCell::new(),
        })
    }

    /// A team desk through its server, as the user `copydesk login` signed in. `--as`, when
    /// given, must name that user.
    pub fn remote(server: &str, as_user: Option<String>) -> CliResult<Ctx> {
        let client = Client::new(server)?;
        let Some(kept) = crate::login::kept(client.base())? else {
            return Err(Failure::new(
                ErrorCode::Unauthenticated,
                format!(
                    "not signed in to {}: run `copydesk login --server {} --as NAME` first",
                    client.base(),
                    client.base()
                ),
            ));
        };
        if let Some(name) = as_user.as_deref().map(str::trim).filter(|n| !n.is_empty())
            && !name.eq_ignore_ascii_case(&kept.user)
        {
            return Err(Failure::new(
                ErrorCode::Unauthenticated,
                format!(
                    "signed in to {} as {}, not {name}: run `copydesk login --as {name}` to switch",
                    client.base(),
                    kept.user
                ),
            ));
        }
        Ok(Ctx {
            face: Face::Server(client.with_token(kept.token)),
            as_user,
            actor: OnceCell::new(),
        })
    }

    /// The desk file, for what only a desk file does (init, backup, check, the scheduler).
    pub fn desk(&self) -> CliResult<&Desk> {
        match &self.face {
            Face::File { desk, .. } => Ok(desk),
            Face::Server(c) => Err(Failure::usage(format!(
                "this command works on a desk file (--db), not through the server at {}",
                c.base()
            ))),
        }
    }

    pub fn path(&self) -> CliResult<&Path> {
        match &self.face {
            Face::File { path, .. } => Ok(path),
            Face::Server(_) => self.desk().map(|_| Path::new("")),
        }
    }

    /// The desk's clock: the file's, or this machine's for a server.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.face {
            Face::File { desk, .. } => desk.now(),
            Face::Server(_) => Utc::now(),
        }
    }

    /// Runs one of the desk's operations as the user named by --as (or signed in to the
    /// server).
    pub fn call<O: Operation>(&self, op: O) -> CliResult<O::Output> {
        let desk = match &self.face {
            Face::Server(client) => return Ok(client.call(&op)?),
            Face::File { desk, .. } => desk,
        };
        let actor = match self.actor.get() {
            Some(a) => a,
            None => {
                let signed_in = self.sign_in()?;
                self.actor.get_or_init(|| signed_in)
            }
        };
        Ok(op.run(desk, actor)?)
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
        Ok(self.desk()?.sign_in(name, passphrase.as_deref())?)
    }

    /// The desk's time zone, in which times are typed and shown.
    pub fn tz(&self) -> CliResult<Tz> {
        let settings = match &self.face {
            Face::File { desk, .. } => desk.settings()?,
            Face::Server(client) => client.call(&DeskSettingsOp {})?,
        };
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
