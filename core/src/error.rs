//! The engine's one error type. Every variant carries the words an editor needs; `code()` is the
//! stable tag the CLI and the app branch on.

use crate::model::Snapshot;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that can never be accepted as given: the message says what was wrong.
    #[error("{0}")]
    Invalid(String),
    #[error("no {what} matches “{key}”")]
    NotFound { what: &'static str, key: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Unauthenticated(String),
    /// A save based on an old version: nothing was written; `current` is what is stored now.
    #[error(
        "the article was changed elsewhere: your edit was based on version {base}, it is now at version {current_version}; nothing was overwritten"
    )]
    Conflict {
        base: i64,
        current_version: i64,
        current: Box<Snapshot>,
    },
    /// A transition whose conditions are not met; every unmet one is listed.
    #[error("cannot {action}: {}", .unmet.join("; "))]
    NotReady { action: String, unmet: Vec<String> },
    #[error(
        "this database was written by a newer Copydesk (schema version {found}; this build knows up to {known}); it was left untouched"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the desk is not set up yet: run `copydesk init` or start the app to create it")]
    NotInitialised,
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The site could not be written (a folder that cannot be created, a full disk).
    #[error("{0}")]
    Publish(String),
    /// A file that cannot be imported; `problem` is phrased to follow the file's name.
    #[error("{file} {problem}")]
    BadFile { file: String, problem: String },
}

impl Error {
    /// Stable, machine-readable tag for the error's kind.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::Forbidden(_) => "forbidden",
            Error::Unauthenticated(_) => "unauthenticated",
            Error::Conflict { .. } => "conflict",
            Error::NotReady { .. } => "not_ready",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotInitialised => "not_initialised",
            Error::Corrupt(_) => "corrupt",
            Error::Sqlite(e) if is_busy(e) => "busy",
            Error::Sqlite(_) => "storage",
            Error::Io(_) => "io",
            Error::Publish(_) => "publish_failed",
            Error::BadFile { .. } => "bad_file",
        }
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }

    pub(crate) fn not_found(what: &'static str, key: impl Into<String>) -> Self {
        Error::NotFound {
            what,
            key: key.into(),
        }
    }

    pub(crate) fn forbidden(msg: impl Into<String>) -> Self {
        Error::Forbidden(msg.into())
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
