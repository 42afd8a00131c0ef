//! A refused request: the one error body, with the HTTP status its code means.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use copydesk_core::{ApiError, ErrorCode, ErrorDetails};

/// An `ApiError` on its way out as a response.
#[derive(Debug)]
pub struct Refusal(pub ApiError);

impl From<copydesk_core::Error> for Refusal {
    fn from(e: copydesk_core::Error) -> Refusal {
        Refusal(e.into())
    }
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Refusal {
        Refusal(e)
    }
}

impl Refusal {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Refusal {
        Refusal(ApiError::new(code, message))
    }
}

/// The status each kind of failure answers with.
pub fn status(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::InvalidInput | ErrorCode::Usage => StatusCode::BAD_REQUEST,
        ErrorCode::NotReady | ErrorCode::BadFile => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::Unauthenticated | ErrorCode::SignedOut => StatusCode::UNAUTHORIZED,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::Busy
        | ErrorCode::Unavailable
        | ErrorCode::NotInitialised
        | ErrorCode::NoDesk
        | ErrorCode::SchemaTooNew => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::PublishFailed => StatusCode::BAD_GATEWAY,
        ErrorCode::Corrupt
        | ErrorCode::Storage
        | ErrorCode::Io
        | ErrorCode::CheckFailed
        | ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut error = self.0;
        let status = status(error.code);
        let retry_after = match error.details.as_deref() {
            Some(ErrorDetails::RetryAfter { seconds }) => Some(*seconds),
            _ => None,
        };
        if status.is_server_error() {
            // The store's own words (SQL states, paths) are for the log, not for clients.
            if let Some(ErrorDetails::Technical { detail }) = error.details.as_deref() {
                tracing::error!(code = %error.code, %detail, "{}", error.message);
                error.details = None;
            } else {
                tracing::error!(code = %error.code, "{}", error.message);
            }
        }
        let mut response = (status, Json(error)).into_response();
        let headers = response.headers_mut();
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
