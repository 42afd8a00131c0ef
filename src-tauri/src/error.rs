//! The shell's failures are the core's one error body (`ApiError`); these build the few the
//! shell gives itself: nobody signed in, no desk open, a task that stopped.

use copydesk_core::{ApiError, ErrorCode};

pub type AppResult<T> = Result<T, ApiError>;

/// Nobody is signed in on this window.
pub fn signed_out() -> ApiError {
    ApiError::new(ErrorCode::SignedOut, "sign in first")
}

/// The desk's work stopped before it answered (a panic in the blocking pool).
pub fn stopped(e: tokio::task::JoinError) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        "the desk stopped while working on this: try again",
    )
    .with_detail(e.to_string())
}
