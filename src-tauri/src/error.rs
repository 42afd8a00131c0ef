//! What a failed command hands the UI: the core's stable code and the words to show.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    /// The core's `Error::code()` (`invalid_input`, `forbidden`, …) or one of the shell's own:
    /// `signed_out`, `no_desk`, `internal`.
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl From<copydesk_core::Error> for AppError {
    fn from(e: copydesk_core::Error) -> Self {
        AppError::new(e.code(), e.to_string())
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::new("internal", format!("the desk stopped while working: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;
