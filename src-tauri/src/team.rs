//! A team desk, through its server: the same operations as a desk file, sent by the client the
//! CLI uses; who is signed in here is the server's session, and changes come from its event
//! stream. Nothing is decided here: the server's core decides, as the desk file's does.

use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use copydesk_client::{Client, Followed};
use copydesk_core::api::{Operation, User};
use copydesk_core::desk::DeskChange;
use copydesk_core::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

use crate::error::{AppResult, signed_out};

/// Whether the team desk's server answers, as this window last found: the window says
/// "Offline" and keeps what is typed on this computer while it does not.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, tauri_specta::Event,
)]
pub struct ServerReach {
    pub online: bool,
    /// Why not, in words (the client's: "the desk's server at … does not answer …").
    pub problem: Option<String>,
}

/// Whom the desk tells when its server goes away or comes back.
type ReachListener = Box<dyn Fn(&ServerReach) + Send + Sync>;

pub struct TeamDesk {
    pub server: String,
    /// The client and the user it acts as; `None` while nobody is signed in here.
    signed_in: Mutex<Signed>,
    changed: Condvar,
    reach: Mutex<ServerReach>,
    /// Told each time the server goes away or comes back.
    on_reach: OnceLock<ReachListener>,
}

#[derive(Clone)]
struct Signed {
    client: Client,
    user: Option<User>,
    /// Counts sign-ins and sign-outs: a stream opened for one session ends with it.
    session: u64,
}

impl TeamDesk {
    /// A team desk at `server`, nobody signed in; an address that is no address is refused.
    pub fn new(server: &str) -> AppResult<TeamDesk> {
        let client = Client::new(server)?;
        Ok(TeamDesk {
            server: client.base().to_string(),
            signed_in: Mutex::new(Signed {
                client,
                user: None,
                session: 0,
            }),
            changed: Condvar::new(),
            reach: Mutex::new(ServerReach {
                online: true,
                problem: None,
            }),
            on_reach: OnceLock::new(),
        })
    }

    /// Whom to tell when the server goes away or comes back (the window, through an event).
    pub fn on_reach(&self, tell: impl Fn(&ServerReach) + Send + Sync + 'static) {
        let _ = self.on_reach.set(Box::new(tell));
    }

    pub fn reach(&self) -> ServerReach {
        self.reach.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Notes what the last exchange with the server found; a change is told.
    fn reached(&self, answered: Result<(), &ApiError>) {
        let now = match answered {
            Ok(()) => ServerReach {
                online: true,
                problem: None,
            },
            Err(e) if e.code == ErrorCode::Unavailable => ServerReach {
                online: false,
                problem: Some(e.message.clone()),
            },
            // Any other answer is an answer: the server is there.
            Err(_) => ServerReach {
                online: true,
                problem: None,
            },
        };
        let mut reach = self.reach.lock().unwrap_or_else(|p| p.into_inner());
        if reach.online == now.online {
            return;
        }
        *reach = now.clone();
        drop(reach);
        if let Some(tell) = self.on_reach.get() {
            tell(&now);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Signed> {
        // A panic while holding this lock cannot leave the client half-written.
        self.signed_in.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether the server answers as a desk's server. Blocking.
    pub fn check(&self) -> AppResult<()> {
        let client = self.lock().client.clone();
        let health = client.health().map(|_| ());
        self.reached(health.as_ref().copied());
        health
    }

    pub fn user(&self) -> AppResult<User> {
        self.lock().user.clone().ok_or_else(signed_out)
    }

    /// Runs one of the desk's operations on the server as the user signed in here. Blocking.
    pub fn call<O: Operation>(&self, op: &O) -> AppResult<O::Output> {
        let signed = self.lock().clone();
        if signed.user.is_none() {
            return Err(signed_out());
        }
        let answer = signed.client.call(op);
        self.reached(answer.as_ref().map(|_| ()));
        // The server ended the session (revoked, expired): this window is signed out too.
        if let Err(e) = &answer
            && e.code == ErrorCode::Unauthenticated
        {
            self.forget_session(signed.session);
        }
        answer
    }

    /// Signs in on the server with name and passphrase. Blocking.
    pub fn sign_in(&self, name: &str, passphrase: Option<&str>) -> AppResult<User> {
        let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
            let mut e = ApiError::new(
                ErrorCode::InvalidInput,
                "type your passphrase: a team desk asks everyone for theirs",
            );
            e.field = Some("passphrase".into());
            return Err(e);
        };
        let mut client = self.lock().client.clone();
        let signed_in = client.sign_in(name, passphrase);
        self.reached(signed_in.as_ref().map(|_| ()));
        let signed_in = signed_in?;
        let mut signed = self.lock();
        signed.client = client;
        signed.user = Some(signed_in.user.clone());
        signed.session += 1;
        self.changed.notify_all();
        Ok(signed_in.user)
    }

    /// Signs out here, and on the server when it answers: a server away now ends the session by
    /// its expiry. Blocking.
    pub fn sign_out(&self) {
        let mut client = self.lock().client.clone();
        let _ = client.sign_out();
        let session = self.lock().session;
        self.forget_session(session);
    }

    fn forget_session(&self, session: u64) {
        let mut signed = self.lock();
        if signed.session != session {
            return;
        }
        signed.client = Client::new(&self.server).unwrap_or_else(|_| signed.client.clone());
        signed.user = None;
        signed.session += 1;
        self.changed.notify_all();
    }

    /// Follows the server's changes for as long as the app runs, calling `changed` for each (and
    /// once when signing in or out changes what the window may see). Blocking: a thread of its
    /// own. A stream that breaks is opened again from where it stopped, after a pause that
    /// grows while the server is away.
    pub fn follow(self: &Arc<Self>, changed: impl Fn(Option<&DeskChange>)) {
        let mut position: Option<String> = None;
        let mut away = Duration::from_millis(500);
        loop {
            let signed = self.wait_signed_in();
            let mut stream = match signed.client.follow(position.as_deref()) {
                Ok(s) => s,
                Err(e) => {
                    // The stream is also how a server that went away is found to be back.
                    self.reached(Err(&e));
                    self.pause(signed.session, away);
                    away = (away * 2).min(Duration::from_secs(10));
                    continue;
                }
            };
            let was_away = !self.reach().online;
            self.reached(Ok(()));
            if was_away {
                // What changed meanwhile is read again.
                changed(None);
            }
            away = Duration::from_millis(500);
            while self.lock().session == signed.session {
                match stream.next_event() {
                    Ok(Followed::Position(p)) => position = Some(p),
                    Ok(Followed::Change(change)) => {
                        position.clone_from(&stream.position);
                        changed(Some(&change));
                    }
                    Ok(Followed::Missed { position: p }) => {
                        position = Some(p);
                        changed(None);
                    }
                    Ok(Followed::SignedOut(_)) => {
                        self.forget_session(signed.session);
                        changed(None);
                        break;
                    }
                    // The server went away: the same position, once it is back.
                    Err(e) => {
                        self.reached(Err(&e));
                        break;
                    }
                }
            }
        }
    }

    /// Waits until someone is signed in here; the client and session then.
    fn wait_signed_in(&self) -> Signed {
        let mut signed = self.lock();
        while signed.user.is_none() {
            signed = self.changed.wait(signed).unwrap_or_else(|p| p.into_inner());
        }
        signed.clone()
    }

    /// Waits `how_long`, or less if the session changes meanwhile.
    fn pause(&self, session: u64, how_long: Duration) {
        let signed = self.lock();
        let _ = self
            .changed
            .wait_timeout_while(signed, how_long, |s| s.session == session);
    }
}
