//! A request's JSON body, read with the desk's own refusals: not JSON, not this operation's
//! input, or larger than a request may be.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use copydesk_core::ErrorCode;
use serde::de::DeserializeOwned;

use crate::refusal::Refusal;

/// The largest body a request may carry (an import batch of several files, base64).
pub const BODY_LIMIT: usize = 32 * 1024 * 1024;

pub struct Input<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Input<T> {
    type Rejection = Refusal;

    async fn from_request(req: Request, state: &S) -> Result<Self, Refusal> {
        let typed = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        if let Some(kind) = typed.filter(|k| !k.is_empty() && k != "application/json") {
            return Err(Refusal::new(
                ErrorCode::InvalidInput,
                format!("the request body is {kind}: send the input as application/json"),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Refusal::new(
                    ErrorCode::TooLarge,
                    format!(
                        "the request is larger than the {} MB a request may carry: send less at once (import files in smaller batches)",
                        BODY_LIMIT / (1024 * 1024)
                    ),
                )
            } else {
                Refusal::new(
                    ErrorCode::InvalidInput,
                    format!("the request body could not be read: {}", e.body_text()),
                )
            }
        })?;
        // An operation without inputs may be sent with no body at all.
        let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &bytes
        };
        serde_json::from_slice(bytes).map(Input).map_err(|e| {
            let message = if e.is_syntax() || e.is_eof() {
                format!("the request body is not JSON ({e}): send the operation's input as a JSON object")
            } else {
                format!("the request body is not this operation's input: {e}")
            };
            Refusal::new(ErrorCode::InvalidInput, message)
        })
    }
}
