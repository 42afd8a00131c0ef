//! Errors, twice: `Error` is what the engine's code raises and matches on; `ApiError` is the one
//! body every face hands out (`{code, message, field?, details?}`): the app's IPC, the CLI's
//! `--json`, the server's HTTP. `code` is a closed set the UI branches on, never the words.

use serde::{Deserialize, Serialize};

use crate::model::{Action, Snapshot};
use crate::workflow::Check;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that can never be accepted as given: the message says what was wrong, `field`
    /// names the input at fault when there is one.
    #[error("{message}")]
    Invalid {
        message: String,
        field: Option<&'static str>,
    },
    /// A local time a daylight-saving change repeats: the message names both readings of it,
    /// `offsets` the two offsets that tell them apart ("+02:00", "+01:00"), the earlier first.
    /// Refused as invalid input about the time (`at`).
    #[error("{message}")]
    RepeatedHour {
        message: String,
        offsets: [String; 2],
    },
    #[error("no {what} matches “{key}”")]
    NotFound { what: &'static str, key: String },
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Unauthenticated(String),
    /// Too many failed sign-ins for a user or from an address: the next try is allowed after
    /// `retry_after_s` seconds.
    #[error("{message}")]
    RateLimited { message: String, retry_after_s: u64 },
    /// A save based on an old version: nothing was written; `current` is what is stored now.
    #[error(
        "the article was changed elsewhere: your edit was based on version {base}, it is now at version {current_version}; nothing was overwritten"
    )]
    Conflict {
        base: i64,
        current_version: i64,
        current: Box<Snapshot>,
    },
    /// A move whose conditions are not met; every unmet one is listed.
    #[error("cannot {}: {}", .action.words(), .unmet.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join("; "))]
    NotReady { action: Action, unmet: Vec<Check> },
    #[error(
        "this database was written by a newer Copydesk (schema version {found}; this build knows up to {known}); it was left untouched: open it with that Copydesk or a newer one"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the desk is not set up yet: run `copydesk init` or start the app to create it")]
    NotInitialised,
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// The desk's data is held by another program (or another copy of Copydesk) longer than the
    /// store waits; the detail is the store's own words.
    #[error(
        "the desk file is in use by another program and was not freed in time: nothing was changed; try again in a moment"
    )]
    Busy(String),
    /// The desk's database (a team desk's server) does not answer; the message says where and
    /// what to check.
    #[error("{0}")]
    Unavailable(String),
    /// The store failed for a reason of its own; the detail is its words.
    #[error("the desk's data could not be read or written: nothing was changed")]
    Storage(String),
    #[error("a file or folder could not be read or written: {}", io_words(.0))]
    Io(#[from] std::io::Error),
    /// The site could not be written (a folder that cannot be created, a full disk): `message`
    /// says where and what to do, `detail` is the system's own words.
    #[error("{message}")]
    Publish { message: String, detail: String },
    /// A copy that does not match what it was copied from; nothing of it was kept.
    #[error("{0}")]
    CopyMismatch(String),
    /// A file that cannot be imported; `problem` is phrased to follow the file's name.
    #[error("{file} {problem}")]
    BadFile { file: String, problem: String },
}

/// The kinds of failure, as every face names them. A closed set: the UI and scripts branch on
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input can never be accepted as given (`field` says which).
    InvalidInput,
    NotFound,
    /// The acting user's role does not allow it.
    Forbidden,
    /// Nobody is signed in, or the sign-in failed or ran out.
    Unauthenticated,
    /// Too many failed sign-ins: try again after the time the message gives.
    RateLimited,
    /// The article changed since the version the edit was based on (`details`: both texts).
    Conflict,
    /// A workflow move's conditions are not met (`details`: the unmet checks).
    NotReady,
    SchemaTooNew,
    NotInitialised,
    Corrupt,
    /// The desk's data is held by another program: try again.
    Busy,
    Storage,
    Io,
    PublishFailed,
    /// A file that cannot be imported.
    BadFile,
    /// An integrity check of the desk's data found problems.
    CheckFailed,
    /// The app's window has nobody signed in.
    SignedOut,
    /// The app has no desk open.
    NoDesk,
    /// A command line that cannot be read (the CLI).
    Usage,
    /// The desk's server cannot be reached.
    Unavailable,
    /// A request too large to take.
    TooLarge,
    /// A fault of the program itself, not of the input.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Conflict => "conflict",
            ErrorCode::NotReady => "not_ready",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::NotInitialised => "not_initialised",
            ErrorCode::Corrupt => "corrupt",
            ErrorCode::Busy => "busy",
            ErrorCode::Storage => "storage",
            ErrorCode::Io => "io",
            ErrorCode::PublishFailed => "publish_failed",
            ErrorCode::BadFile => "bad_file",
            ErrorCode::CheckFailed => "check_failed",
            ErrorCode::SignedOut => "signed_out",
            ErrorCode::NoDesk => "no_desk",
            ErrorCode::Usage => "usage",
            ErrorCode::Unavailable => "unavailable",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Internal => "internal",
        }
    }
}

/// Codes compare with their spelling, as scripts and tests write them.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl ErrorCode {
    /// Every code, in the order the documentation lists them.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidInput,
        ErrorCode::NotFound,
        ErrorCode::Forbidden,
        ErrorCode::Unauthenticated,
        ErrorCode::RateLimited,
        ErrorCode::Conflict,
        ErrorCode::NotReady,
        ErrorCode::SchemaTooNew,
        ErrorCode::NotInitialised,
        ErrorCode::Corrupt,
        ErrorCode::Busy,
        ErrorCode::Storage,
        ErrorCode::Io,
        ErrorCode::PublishFailed,
        ErrorCode::BadFile,
        ErrorCode::CheckFailed,
        ErrorCode::SignedOut,
        ErrorCode::NoDesk,
        ErrorCode::Usage,
        ErrorCode::Unavailable,
        ErrorCode::TooLarge,
        ErrorCode::Internal,
    ];

    /// What the code means, for the API's documentation.
    pub fn meaning(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => {
                "the input can never be accepted as given; `field` names the input at fault when there is one; for a time the clocks show twice, `details` gives the two offsets to choose from"
            }
            ErrorCode::NotFound => {
                "no such article, contributor, user, note, revision or job (or one the user may not see)"
            }
            ErrorCode::Forbidden => "the acting user's role does not allow it",
            ErrorCode::Unauthenticated => {
                "nobody is signed in, the sign-in failed or ran out, or the account is gone"
            }
            ErrorCode::RateLimited => {
                "too many failed sign-ins for this user or from this address; `details` says when to try again"
            }
            ErrorCode::Conflict => {
                "the article changed since the version the edit was based on; `details` holds the text stored now"
            }
            ErrorCode::NotReady => {
                "a workflow move whose conditions are not met; `details` lists every unmet check, each with its field"
            }
            ErrorCode::SchemaTooNew => {
                "the desk's data was written by a newer Copydesk; nothing was changed"
            }
            ErrorCode::NotInitialised => "the desk is not set up yet",
            ErrorCode::Corrupt => "stored data is damaged",
            ErrorCode::Busy => "the desk's data is held by another program: try again in a moment",
            ErrorCode::Storage => {
                "the desk's data could not be read or written; `details` holds the store's words"
            }
            ErrorCode::Io => "a file or folder could not be read or written",
            ErrorCode::PublishFailed => "the site could not be written",
            ErrorCode::BadFile => "a file that cannot be imported",
            ErrorCode::CheckFailed => "an integrity check found problems",
            ErrorCode::SignedOut => "the app's window has nobody signed in",
            ErrorCode::NoDesk => "the app has no desk open",
            ErrorCode::Usage => "a command line that cannot be read (the CLI)",
            ErrorCode::Unavailable => "the desk's server or database cannot be reached",
            ErrorCode::TooLarge => "a request too large to take",
            ErrorCode::Internal => "a fault of the program itself, not of the input",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What comes with an error beyond its sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorDetails {
    /// A stale save: the version it was based on, and the text and version stored now.
    Conflict {
        #[cfg_attr(feature = "specta", specta(type = u32))]
        base_version: i64,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        current_version: i64,
        current: Snapshot,
    },
    /// A move that cannot be made yet: every unmet check, each with the field it is about.
    NotReady { action: Action, unmet: Vec<Check> },
    /// The technical words behind a failure a person was told about in plain words.
    Technical { detail: String },
    /// A time the clocks show twice (they go back that night): the two offsets that tell the
    /// readings apart, the earlier first ("+02:00", "+01:00"); the time with either is accepted.
    RepeatedHour { offsets: [String; 2] },
    /// When the next sign-in may be tried.
    RetryAfter {
        #[cfg_attr(feature = "specta", specta(type = u32))]
        seconds: u64,
    },
}

/// The one error body of every face.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// One sentence for a person: what happened and what to do.
    pub message: String,
    /// The input at fault, named as the operation's input names it; the UI focuses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Box<ErrorDetails>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
            details: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> ApiError {
        self.details = Some(Box::new(ErrorDetails::Technical {
            detail: detail.into(),
        }));
        self
    }
}

impl Error {
    /// The kind of failure, as every face names it.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } | Error::RepeatedHour { .. } => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Forbidden(_) => ErrorCode::Forbidden,
            Error::Unauthenticated(_) => ErrorCode::Unauthenticated,
            Error::RateLimited { .. } => ErrorCode::RateLimited,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::NotReady { .. } => ErrorCode::NotReady,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::NotInitialised => ErrorCode::NotInitialised,
            Error::Corrupt(_) => ErrorCode::Corrupt,
            Error::Busy(_) => ErrorCode::Busy,
            Error::Unavailable(_) => ErrorCode::Unavailable,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Io(_) => ErrorCode::Io,
            Error::Publish { .. } => ErrorCode::PublishFailed,
            Error::BadFile { .. } => ErrorCode::BadFile,
            Error::CopyMismatch(_) => ErrorCode::CheckFailed,
        }
    }

    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid {
            message: msg.into(),
            field: None,
        }
    }

    /// Input refused because of one field of it.
    pub(crate) fn invalid_field(field: &'static str, msg: impl Into<String>) -> Self {
        Error::Invalid {
            message: msg.into(),
            field: Some(field),
        }
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

    /// Names the field at fault on an input error that does not name one yet.
    pub(crate) fn in_field(self, name: &'static str) -> Self {
        match self {
            Error::Invalid {
                message,
                field: None,
            } => Error::invalid_field(name, message),
            other => other,
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let code = e.code();
        let message = e.to_string();
        let mut api = ApiError::new(code, message);
        match e {
            Error::Invalid { field, .. } => api.field = field.map(str::to_string),
            Error::RepeatedHour { offsets, .. } => {
                api.field = Some("at".to_string());
                api.details = Some(Box::new(ErrorDetails::RepeatedHour { offsets }));
            }
            Error::Conflict {
                base,
                current_version,
                current,
            } => {
                api.details = Some(Box::new(ErrorDetails::Conflict {
                    base_version: base,
                    current_version,
                    current: *current,
                }))
            }
            Error::NotReady { action, unmet } => {
                api.field = unmet.iter().find_map(|c| c.field.clone());
                api.details = Some(Box::new(ErrorDetails::NotReady { action, unmet }));
            }
            Error::Busy(detail) | Error::Storage(detail) | Error::Corrupt(detail) => {
                api = api.with_detail(detail)
            }
            Error::Io(e) => api = api.with_detail(e.to_string()),
            Error::Publish { detail, .. } => api = api.with_detail(detail),
            Error::RateLimited { retry_after_s, .. } => {
                api.details = Some(Box::new(ErrorDetails::RetryAfter {
                    seconds: retry_after_s,
                }))
            }
            _ => {}
        }
        api
    }
}

impl Error {
    /// The failure as a record keeps it (a publish job's last error): the sentence, then the
    /// technical words on the lines after it, which the app shows behind "Details".
    pub fn recorded(&self) -> String {
        let detail = match self {
            Error::Busy(d) | Error::Storage(d) | Error::Corrupt(d) => Some(d.clone()),
            Error::Publish { detail, .. } => Some(detail.clone()),
            Error::Io(e) => Some(e.to_string()),
            _ => None,
        };
        match detail {
            Some(d) if !d.is_empty() => format!("{self}\n{d}"),
            _ => self.to_string(),
        }
    }
}

/// What a file system refusal means to a person, without the system's numbers.
pub fn io_words(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => "Copydesk is not allowed to write there",
        AlreadyExists => "a file stands where a folder is needed",
        NotADirectory => "part of the path is a file, not a folder",
        IsADirectory => "a folder stands where a file is needed",
        NotFound => "the folder does not exist",
        StorageFull => "the disk is full",
        ReadOnlyFilesystem => "the disk is read-only",
        QuotaExceeded => "the disk quota is used up",
        InvalidFilename => "the name is not allowed there",
        _ => "the system refused",
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
