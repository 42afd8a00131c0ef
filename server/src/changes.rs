//! `GET /api/events`: the desk's changes as server-sent events, each with the feed position as
//! its id, so a client that reconnects with `Last-Event-ID` resumes where it stopped.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use copydesk_core::desk::{ChangeKind, Changes};
use copydesk_core::{Actor, Desk, ErrorCode};
use futures_util::Stream;
use serde::Deserialize;
use std::sync::Arc;
use tokio::sync::watch;

use crate::acting::Acting;
use crate::refusal::Refusal;
use crate::{Served, blocking};

/// How often a quiet stream looks again anyway: a change held back behind a transaction still
/// running is announced before that transaction ends.
const RECHECK: Duration = Duration::from_secs(2);
const BATCH: u32 = 200;

#[derive(Debug, Deserialize)]
pub struct From {
    /// Where to resume from, for clients that cannot send `Last-Event-ID`.
    after: Option<String>,
}

struct Following {
    desk: Arc<Desk>,
    token: String,
    actor: Actor,
    position: String,
    ready: VecDeque<Event>,
    changes: watch::Receiver<u64>,
    stopping: watch::Receiver<bool>,
    done: bool,
}

fn events(page: &Changes) -> VecDeque<Event> {
    let mut out = VecDeque::new();
    if page.missed {
        out.push_back(
            Event::default()
                .id(page.position.clone())
                .event("desk")
                .data(r#"{"kind":"desk","subject":null,"missed":true}"#),
        );
    }
    for change in &page.changes {
        let data = serde_json::to_string(change).unwrap_or_default();
        out.push_back(
            Event::default()
                .id(change.position.clone())
                .event(event_name(change.kind))
                .data(data),
        );
    }
    out
}

pub async fn follow(
    State(served): State<Served>,
    acting: Acting,
    headers: HeaderMap,
    Query(from): Query<From>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, Refusal> {
    let start = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or(from.after);
    let (desk, actor) = (served.desk.clone(), acting.actor.clone());
    // A bad position is refused before the stream starts.
    let first = blocking(move || desk.changes_after(&actor, start.as_deref(), BATCH)).await?;
    let mut ready = events(&first);
    // The position first, so a client that saw nothing yet can still resume from here.
    ready.push_front(
        Event::default()
            .id(first.position.clone())
            .event("position")
            .data(format!(r#"{{"position":"{}"}}"#, first.position)),
    );
    let state = Following {
        desk: served.desk.clone(),
        token: acting.token,
        actor: acting.actor,
        position: first.position,
        ready,
        changes: served.changes.clone(),
        stopping: served.stopping.clone(),
        done: false,
    };
    let stream = futures_util::stream::unfold(state, |mut f| async move {
        loop {
            if let Some(event) = f.ready.pop_front() {
                return Some((Ok(event), f));
            }
            if f.done || *f.stopping.borrow() {
                return None;
            }
            tokio::select! {
                _ = f.changes.changed() => {}
                _ = tokio::time::sleep(RECHECK) => {}
                _ = f.stopping.changed() => return None,
            }
            let (desk, token, actor, position) = (
                f.desk.clone(),
                f.token.clone(),
                f.actor.clone(),
                f.position.clone(),
            );
            // The session is checked again: a sign-out or revocation ends the stream.
            let read = blocking(move || {
                desk.session_actor(&token)?;
                desk.changes_after(&actor, Some(&position), BATCH)
            })
            .await;
            match read {
                Ok(page) => {
                    f.position = page.position.clone();
                    f.ready = events(&page);
                }
                Err(Refusal(e)) if e.code == ErrorCode::Unauthenticated => {
                    f.done = true;
                    let data = serde_json::to_string(&e).unwrap_or_default();
                    f.ready
                        .push_back(Event::default().event("signed_out").data(data));
                }
                Err(Refusal(e)) => {
                    tracing::warn!(code = %e.code, "changes could not be read: {}", e.message);
                }
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// The name each kind of change travels under as an event.
fn event_name(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Article => "article",
        ChangeKind::Note => "note",
        ChangeKind::Job => "job",
        ChangeKind::Contributor => "contributor",
        ChangeKind::User => "user",
        ChangeKind::Settings => "settings",
        ChangeKind::Desk => "desk",
    }
}
