//! `copydesk serve`: the team desk over HTTP/JSON. Every route takes its state, calls the core
//! and maps the error; the rules all live in the core. Instances are stateless: any number run
//! against one PostgreSQL database, each hearing of every change through LISTEN/NOTIFY and each
//! running the publisher.

mod acting;
mod changes;
mod handover;
mod input;
mod openapi;
mod operations;
mod publisher;
mod refusal;
mod session;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, Request};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use copydesk_core::desk::SetupCode;
use copydesk_core::{ApiError, Desk, ErrorCode};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use input::BODY_LIMIT;
pub use openapi::document;
pub use refusal::status;
pub use session::SignIn;

/// What every route shares.
#[derive(Clone)]
pub struct Served {
    desk: Arc<Desk>,
    /// Counts changes heard from the database: followers and the publisher wake on it.
    changes: watch::Receiver<u64>,
    stopping: watch::Receiver<bool>,
    openapi: Arc<String>,
    /// Set while the server waits for a desk file to be pushed into its empty database.
    waiting: Option<handover::Waiting>,
}

/// Runs desk work off the async threads; a panic in it is an internal error, not a crash.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> copydesk_core::Result<T> + Send + 'static,
) -> Result<T, refusal::Refusal> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| {
            refusal::Refusal::new(
                ErrorCode::Internal,
                format!("the server failed while answering ({e}): nothing was changed"),
            )
        })?
        .map_err(refusal::Refusal::from)
}

/// `GET /health`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Health {
    pub status: String,
    /// What the desk is stored in: "PostgreSQL 15.14".
    pub storage: String,
    pub version: String,
}

async fn health(State(served): State<Served>) -> Result<axum::Json<Health>, refusal::Refusal> {
    let desk = served.desk.clone();
    let storage = blocking(move || desk.is_initialised().map(|_| desk.storage())).await?;
    Ok(axum::Json(Health {
        status: "ok".into(),
        storage,
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

async fn openapi_json(State(served): State<Served>) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        served.openapi.as_str().to_owned(),
    )
        .into_response()
}

async fn no_route() -> refusal::Refusal {
    refusal::Refusal::new(
        ErrorCode::NotFound,
        "there is nothing at this address: the API is described at /api/openapi.json",
    )
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole API.
pub fn router(served: Served) -> Router {
    Router::new()
        .merge(operations::routes())
        .route(
            "/api/session",
            get(session::who)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .route("/api/events", get(changes::follow))
        .route(
            copydesk_core::api::PUSH_PATH,
            get(handover::ready)
                .post(handover::take)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/api/openapi.json", get(openapi_json))
        .route("/health", get(health))
        .fallback(no_route)
        .with_state(served)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// Where and how to listen.
#[derive(Debug, Clone)]
pub struct Listen {
    pub address: SocketAddr,
    /// A certificate chain and its key, PEM: HTTPS with rustls. Without them the server speaks
    /// plain HTTP, on a loopback address only, for a proxy on the same machine to front.
    pub tls: Option<(PathBuf, PathBuf)>,
}

/// A server running; `stop` ends it gracefully.
pub struct Server {
    address: SocketAddr,
    /// Held so that the desk is dropped last, off the async threads: its database connections
    /// block when they close.
    desk: Arc<Desk>,
    handle: axum_server::Handle<SocketAddr>,
    stop: watch::Sender<bool>,
    serving: tokio::task::JoinHandle<std::io::Result<()>>,
    publisher: tokio::task::JoinHandle<()>,
}

fn refused(code: ErrorCode, field: Option<&str>, message: String) -> ApiError {
    let mut e = ApiError::new(code, message);
    e.field = field.map(str::to_string);
    e
}

/// Starts serving `desk`: the API, a listener for the database's change announcements, and the
/// publisher.
pub async fn start(desk: Desk, listen: Listen) -> Result<Server, ApiError> {
    start_with(desk, listen, None).await
}

/// Starts serving an empty team database that waits for a desk file: `copydesk push --server`
/// sends one with `code`, once. Until then nobody can sign in and nothing is published.
pub async fn start_waiting(
    desk: Desk,
    listen: Listen,
    code: SetupCode,
) -> Result<Server, ApiError> {
    start_with(desk, listen, Some(code)).await
}

async fn start_with(
    desk: Desk,
    listen: Listen,
    waiting: Option<SetupCode>,
) -> Result<Server, ApiError> {
    if listen.tls.is_none() && !listen.address.ip().is_loopback() {
        return Err(refused(
            ErrorCode::Usage,
            Some("listen"),
            format!(
                "plain HTTP is served on a loopback address only (127.0.0.1 or [::1]), behind a proxy that adds TLS; to listen on {} give --tls-cert and --tls-key",
                listen.address
            ),
        ));
    }
    let desk = Arc::new(desk);
    let (stop, stopping) = watch::channel(false);
    let (announce, changes) = watch::channel(0u64);
    follow_database(desk.clone(), announce, stopping.clone());
    let document = serde_json::to_string(&document()).map_err(|e| {
        refused(
            ErrorCode::Internal,
            None,
            format!("the API document could not be written: {e}"),
        )
    })?;
    let served = Served {
        desk: desk.clone(),
        changes: changes.clone(),
        stopping: stopping.clone(),
        openapi: Arc::new(document),
        waiting: waiting.map(|code| Arc::new(tokio::sync::Mutex::new(Some(code)))),
    };
    let app = router(served).into_make_service_with_connect_info::<SocketAddr>();
    let handle = axum_server::Handle::new();
    let tcp = std::net::TcpListener::bind(listen.address).map_err(|e| {
        refused(
            ErrorCode::Io,
            Some("listen"),
            format!("cannot listen on {}: {e}", listen.address),
        )
    })?;
    tcp.set_nonblocking(true).map_err(|e| {
        refused(
            ErrorCode::Io,
            Some("listen"),
            format!("cannot listen on {}: {e}", listen.address),
        )
    })?;
    let address = tcp.local_addr().map_err(|e| {
        refused(
            ErrorCode::Io,
            Some("listen"),
            format!("cannot listen on {}: {e}", listen.address),
        )
    })?;
    let serving = match &listen.tls {
        Some((cert, key)) => {
            let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
            let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
                .await
                .map_err(|e| {
                    refused(
                        ErrorCode::InvalidInput,
                        Some("tls_cert"),
                        format!(
                            "the certificate {} and key {} cannot be used: {e}",
                            cert.display(),
                            key.display()
                        ),
                    )
                })?;
            let server = axum_server::from_tcp_rustls(tcp, config).map_err(|e| {
                refused(
                    ErrorCode::Io,
                    Some("listen"),
                    format!("cannot listen on {address}: {e}"),
                )
            })?;
            tokio::spawn(server.handle(handle.clone()).serve(app))
        }
        None => {
            let server = axum_server::from_tcp(tcp).map_err(|e| {
                refused(
                    ErrorCode::Io,
                    Some("listen"),
                    format!("cannot listen on {address}: {e}"),
                )
            })?;
            tokio::spawn(server.handle(handle.clone()).serve(app))
        }
    };
    let publisher = tokio::spawn(publisher::run(desk.clone(), changes, stopping));
    Ok(Server {
        address,
        desk,
        handle,
        stop,
        serving,
        publisher,
    })
}

impl Server {
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops taking requests, lets those under way finish (up to `grace`), ends every event
    /// stream, and stops the publisher between jobs.
    pub async fn stop(self, grace: Duration) -> std::io::Result<()> {
        let _ = self.stop.send(true);
        self.handle.graceful_shutdown(Some(grace));
        let served = self.serving.await.unwrap_or(Ok(()));
        let _ = self.publisher.await;
        let desk = self.desk;
        let _ = tokio::task::spawn_blocking(move || drop(desk)).await;
        served
    }
}

/// Hears the database announce each change, on a connection of its own, and passes the word on;
/// a lost connection is reopened.
fn follow_database(desk: Arc<Desk>, announce: watch::Sender<u64>, stopping: watch::Receiver<bool>) {
    std::thread::spawn(move || {
        while !*stopping.borrow() {
            let mut listener = match desk.listen_for_changes() {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!("cannot follow the database's changes: {e}; trying again");
                    std::thread::sleep(Duration::from_secs(2));
                    continue;
                }
            };
            while !*stopping.borrow() {
                match listener.wait(Duration::from_millis(500)) {
                    Ok(true) => announce.send_modify(|n| *n = n.wrapping_add(1)),
                    Ok(false) => {}
                    Err(e) => {
                        tracing::warn!(
                            "lost the database's change announcements: {e}; reconnecting"
                        );
                        break;
                    }
                }
            }
        }
    });
}

/// Logs to stderr, one line a request with its id, as text or as JSON objects; `RUST_LOG`
/// overrides the level (info).
pub fn log_to_stderr(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let _ = if json {
        builder.json().with_current_span(true).try_init()
    } else {
        builder.try_init()
    };
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn stopped() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
