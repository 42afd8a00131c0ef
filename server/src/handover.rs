//! `POST /api/push`: a server started on an empty database to wait for a desk (`serve
//! --accept-push`) takes one desk file, from whoever holds its setup code. The body is the file
//! itself, streamed to a private temporary file; the core checks that it arrived whole, opens it
//! and copies it in, checked, or keeps nothing.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use copydesk_core::ErrorCode;
use copydesk_core::desk::{PushReport, SetupCode};
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

use crate::refusal::Refusal;
use crate::{Served, blocking};

const SETUP_CODE: HeaderName = HeaderName::from_static(copydesk_core::api::SETUP_CODE_HEADER);
const DIGEST: HeaderName = HeaderName::from_static(copydesk_core::api::DIGEST_HEADER);

/// The setup code while the server waits for a desk file; none once one has been taken. Held
/// for the whole of a push, so that two pushes to one instance never overlap.
pub type Waiting = Arc<Mutex<Option<SetupCode>>>;

/// A wrong code costs the sender this long, so that codes cannot be tried quickly.
const WRONG_CODE_DELAY: Duration = Duration::from_secs(1);

fn header(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// `GET /api/push`: whether this server would take a desk file with the code sent, asked before
/// the file is sent: a refusal then costs nothing to send.
pub async fn ready(
    State(served): State<Served>,
    headers: HeaderMap,
) -> Result<StatusCode, Refusal> {
    let waiting = waiting(&served)?;
    let slot = waiting.lock().await;
    admit(slot.as_ref(), &headers).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn waiting(served: &Served) -> Result<Waiting, Refusal> {
    served.waiting.clone().ok_or_else(|| {
        Refusal::new(
            ErrorCode::Forbidden,
            "this server does not take a desk file: start it with --accept-push on an empty database, or push with --database from a machine that reaches the database",
        )
    })
}

/// The code sent is the one the server waits with; a wrong one is answered slowly.
async fn admit(code: Option<&SetupCode>, headers: &HeaderMap) -> Result<(), Refusal> {
    let Some(code) = code else {
        return Err(Refusal::new(
            ErrorCode::InvalidInput,
            "the team desk already holds a desk: a desk file is pushed into an empty one only",
        ));
    };
    let given = header(headers, &SETUP_CODE).unwrap_or_default();
    if code.admits(&given) {
        return Ok(());
    }
    tokio::time::sleep(WRONG_CODE_DELAY).await;
    let mut refusal = Refusal::new(
        ErrorCode::Unauthenticated,
        if given.is_empty() {
            "give the setup code the server printed when it started (COPYDESK_SETUP_CODE, or when asked)"
        } else {
            "that is not this server's setup code: it is in the server's log, on the line that says it waits for a desk file"
        },
    );
    refusal.0.field = Some("setup_code".into());
    Err(refusal)
}

/// `POST /api/push`: the desk file itself.
pub async fn take(
    State(served): State<Served>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<PushReport>, Refusal> {
    let waiting = waiting(&served)?;
    let mut slot = waiting.lock().await;
    admit(slot.as_ref(), &headers).await?;
    let Some(digest) = header(&headers, &DIGEST) else {
        return Err(Refusal::new(
            ErrorCode::InvalidInput,
            "send the desk file's digest (x-copydesk-digest) with it, so that the server can tell it arrived whole",
        ));
    };
    let received = tempfile::NamedTempFile::new().map_err(no_room)?;
    let (file, path) = received.into_parts();
    let mut out = tokio::fs::File::from_std(file);
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            Refusal::new(
                ErrorCode::Unavailable,
                format!("the desk file stopped arriving ({e}): nothing was kept; push it again"),
            )
        })?;
        out.write_all(&chunk).await.map_err(no_room)?;
    }
    out.sync_all().await.map_err(no_room)?;
    drop(out);
    let desk = served.desk.clone();
    let report = blocking(move || {
        let taken = desk.take_desk_file(&path, &digest);
        drop(path);
        taken
    })
    .await?;
    *slot = None;
    tracing::info!(
        articles = report.articles_verified,
        "took a pushed desk file: the team desk is open"
    );
    Ok(Json(report))
}

fn no_room(e: std::io::Error) -> Refusal {
    Refusal::new(
        ErrorCode::Io,
        format!("the server cannot keep the desk file while it copies it ({e}): nothing was kept"),
    )
}
