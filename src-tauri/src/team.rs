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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ServerReach {
    pub online: bool,
    /// Why not, in words (the client's: "the desk's server at … does not answer …").
    pub problem: Option<String>,
}

/// Whom the desk tells when its server goes away or comes back.
type ReachListener = Box<dyn Fn(&ServerReach) + Send + Sync>;

/// Whom the desk tells when the server ended the session (revoked, expired).
type SignedOutListener = Box<dyn Fn() + Send + Sync>;

pub struct TeamDesk {
    pub server: String,
    /// The client and the user it acts as; `None` while nobody is signed in here.
    signed_in: Mutex<Signed>,
    changed: Condvar,
    reach: Mutex<ServerReach>,
    /// Told each time the server goes away or comes back.
    on_reach: OnceLock<ReachListener>,
    /// Told each time the server ends the session of this window.
    on_signed_out: OnceLock<SignedOutListener>,
}

#[derive(Clone)]
struct Signed {
    client: Client,
    user: Option<User>,
    /// Whose text the journal on this computer keeps: the user of the last sign-in here, kept
    /// when the server ends the session, so that what the open editor types is still kept.
    journal_user: Option<User>,
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
                journal_user: None,
                session: 0,
            }),
            changed: Condvar::new(),
            reach: Mutex::new(ServerReach {
                online: true,
                problem: None,
            }),
            on_reach: OnceLock::new(),
            on_signed_out: OnceLock::new(),
        })
    }

    /// Whom to tell when the server goes away or comes back (the window, through an event).
    pub fn on_reach(&self, tell: impl Fn(&ServerReach) + Send + Sync + 'static) {
        let _ = self.on_reach.set(Box::new(tell));
    }

    /// Whom to tell when the server ends the session of this window (the window, which reads
    /// again who is signed in).
    pub fn on_signed_out(&self, tell: impl Fn() + Send + Sync + 'static) {
        let _ = self.on_signed_out.set(Box::new(tell));
    }

    pub fn reach(&self) -> ServerReach {
        self.reach.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Notes what the last exchange with the server found; a change is told, under the lock, so
    /// that the last told is the state stored (emitting an event does not block).
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
        *reach = now;
        if let Some(tell) = self.on_reach.get() {
            tell(&reach);
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

    /// Whose text the journal keeps here: the user of the last sign-in in this window, whether
    /// or not the server still holds the session.
    pub fn journal_user(&self) -> AppResult<User> {
        self.lock().journal_user.clone().ok_or_else(signed_out)
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
            && self.forget_session(signed.session)
            && let Some(tell) = self.on_signed_out.get()
        {
            tell();
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
        signed.journal_user = Some(signed_in.user.clone());
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
        // Signing out oneself ends what this window keeps for one (a session the server ended
        // does not: the open editor's text is still kept as its writer's).
        self.lock().journal_user = None;
    }

    /// Forgets the session `session`; false when it was forgotten already (or another began).
    fn forget_session(&self, session: u64) -> bool {
        let mut signed = self.lock();
        if signed.session != session {
            return false;
        }
        signed.client = Client::new(&self.server).unwrap_or_else(|_| signed.client.clone());
        signed.user = None;
        signed.session += 1;
        self.changed.notify_all();
        true
    }

    /// Follows the server's changes for as long as the app runs, calling `changed` for each (and
    /// once when signing in or out changes what the window may see). Blocking: a thread of its
    /// own. A stream that breaks is opened again from where it stopped, after a pause that
    /// grows for as long as no stream opened says anything.
    pub fn follow(self: &Arc<Self>, changed: impl Fn(Option<&DeskChange>)) {
        let mut position: Option<String> = None;
        let mut away = Backoff::default();
        loop {
            let signed = self.wait_signed_in();
            let mut stream = match signed.client.follow(position.as_deref()) {
                Ok(s) => s,
                Err(e) => {
                    // The stream is also how a server that went away is found to be back.
                    self.reached(Err(&e));
                    if e.code == ErrorCode::Unauthenticated {
                        self.forget_session(signed.session);
                        changed(None);
                        continue;
                    }
                    self.pause(signed.session, away.next());
                    continue;
                }
            };
            let was_away = !self.reach().online;
            self.reached(Ok(()));
            if was_away {
                // What changed meanwhile is read again.
                changed(None);
            }
            while self.lock().session == signed.session {
                let said = stream.next_event();
                match step(said, stream.position.as_deref()) {
                    Step::Read { at, tell } => {
                        away.reset();
                        if at.is_some() {
                            position = at;
                        }
                        match tell {
                            Tell::Nothing => {}
                            Tell::Change(change) => changed(Some(&change)),
                            Tell::Everything => changed(None),
                        }
                    }
                    Step::SignedOut => {
                        self.forget_session(signed.session);
                        changed(None);
                        break;
                    }
                    // The server went away, or says what cannot be read: the same position,
                    // after a pause (which grows while the next stream fares no better).
                    Step::Broke(e) => {
                        self.reached(Err(&e));
                        self.pause(signed.session, away.next());
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

/// What the stream said, as the follow loop acts on it.
#[derive(Debug, PartialEq)]
enum Step {
    /// Read on, from `at` when the event moved the position; the window is told `tell`.
    Read { at: Option<String>, tell: Tell },
    /// The server ended the session: forgotten here, and the window told.
    SignedOut,
    /// The stream broke: opened again from the same position, after a pause.
    Broke(ApiError),
}

/// What the window is told of an event.
#[derive(Debug, PartialEq)]
enum Tell {
    Nothing,
    Change(DeskChange),
    /// Reload everything.
    Everything,
}

/// What the follow loop does after the stream said `said`, the stream then standing at
/// `stream_at` (the id of the last event read).
fn step(said: Result<Followed, ApiError>, stream_at: Option<&str>) -> Step {
    match said {
        Ok(Followed::Position(p)) => Step::Read {
            at: Some(p),
            tell: Tell::Nothing,
        },
        Ok(Followed::Change(change)) => Step::Read {
            at: stream_at.map(str::to_string),
            tell: Tell::Change(change),
        },
        Ok(Followed::Missed { position }) => Step::Read {
            at: Some(position),
            tell: Tell::Everything,
        },
        // Passed over: what it changed is seen by reading everything again.
        Ok(Followed::Unreadable { position, problem }) => {
            log::warn!("a change from the server was passed over: {problem}");
            Step::Read {
                at: Some(position),
                tell: Tell::Everything,
            }
        }
        Ok(Followed::SignedOut(_)) => Step::SignedOut,
        Err(e) if e.code == ErrorCode::Unauthenticated => Step::SignedOut,
        Err(e) => Step::Broke(e),
    }
}

/// The pause before a stream is opened again: half a second, doubled at each break up to ten
/// seconds, and back to half a second once a stream says something.
#[derive(Debug)]
struct Backoff(Duration);

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff(Duration::from_millis(500))
    }
}

impl Backoff {
    /// The pause to make now; the next one is longer.
    fn next(&mut self) -> Duration {
        let now = self.0;
        self.0 = (now * 2).min(Duration::from_secs(10));
        now
    }

    fn reset(&mut self) {
        *self = Backoff::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_that_cannot_be_read_is_passed_over_and_everything_read_again() {
        let unreadable = Followed::Unreadable {
            position: "5".into(),
            problem: "the server sent a change this copydesk does not read".into(),
        };
        assert_eq!(
            step(Ok(unreadable), Some("5")),
            Step::Read {
                at: Some("5".into()),
                tell: Tell::Everything
            }
        );
        let missed = Followed::Missed {
            position: "9".into(),
        };
        assert_eq!(
            step(Ok(missed), Some("9")),
            Step::Read {
                at: Some("9".into()),
                tell: Tell::Everything
            }
        );
        let gone = ApiError::new(ErrorCode::Unavailable, "the server does not answer");
        assert_eq!(step(Err(gone.clone()), Some("5")), Step::Broke(gone));
        let ended = ApiError::new(ErrorCode::Unauthenticated, "sign in again");
        assert_eq!(step(Err(ended.clone()), None), Step::SignedOut);
        assert_eq!(step(Ok(Followed::SignedOut(ended)), None), Step::SignedOut);
    }

    /// A server that answers every request as one whose session ended.
    fn ended_sessions_server() -> String {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let mut conn = conn.unwrap();
                let mut request = [0u8; 8192];
                let _ = conn.read(&mut request);
                let body = serde_json::to_string(&ApiError::new(
                    ErrorCode::Unauthenticated,
                    "your sign-in was ended: sign in again",
                ))
                .unwrap();
                let answer = format!(
                    "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\
                     content-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = conn.write_all(answer.as_bytes());
            }
        });
        format!("http://{address}")
    }

    #[test]
    fn a_session_the_server_ended_is_told_and_the_journal_still_knows_whose_text_it_keeps() {
        let team = TeamDesk::new(&ended_sessions_server()).unwrap();
        let jane = User {
            id: "u1".into(),
            name: "jane".into(),
            role: copydesk_core::model::Role::Contributor,
            has_passphrase: true,
            contributor_id: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
        };
        {
            // As a sign-in leaves it.
            let mut signed = team.lock();
            signed.user = Some(jane.clone());
            signed.journal_user = Some(jane.clone());
            signed.session += 1;
        }
        let told = Arc::new(Mutex::new(0));
        let count = told.clone();
        team.on_signed_out(move || *count.lock().unwrap() += 1);
        let ended = team
            .call(&copydesk_core::api::DeskSettingsOp {})
            .unwrap_err();
        assert_eq!(ended.code, ErrorCode::Unauthenticated);
        assert_eq!(*told.lock().unwrap(), 1, "the window is told once");
        assert_eq!(team.user().unwrap_err().code, ErrorCode::SignedOut);
        assert_eq!(team.journal_user().unwrap(), jane);
        // Nobody signed in: nothing more is sent, nor told.
        let again = team
            .call(&copydesk_core::api::DeskSettingsOp {})
            .unwrap_err();
        assert_eq!(again.code, ErrorCode::SignedOut);
        assert_eq!(*told.lock().unwrap(), 1);
        // Signing out oneself ends it.
        team.sign_out();
        assert_eq!(team.journal_user().unwrap_err().code, ErrorCode::SignedOut);
    }

    #[test]
    fn the_pause_after_a_break_grows_until_a_stream_says_something() {
        let mut away = Backoff::default();
        let pauses: Vec<_> = (0..7).map(|_| away.next().as_millis()).collect();
        assert_eq!(pauses, [500, 1000, 2000, 4000, 8000, 10000, 10000]);
        away.reset();
        assert_eq!(away.next(), Duration::from_millis(500));
    }

    /// The window is told of a change while the reach is still locked, so that two threads
    /// finding the server away and back at once cannot tell it in the other order than they
    /// stored it (they did when the telling came after the lock was let go).
    #[test]
    fn the_reach_is_told_under_its_lock() {
        let team = Arc::new(TeamDesk::new("http://127.0.0.1:9").unwrap());
        let told = Arc::new(Mutex::new(Vec::new()));
        let (heard, desk) = (told.clone(), Arc::downgrade(&team));
        team.on_reach(move |reach| {
            let locked = desk
                .upgrade()
                .is_some_and(|team| team.reach.try_lock().is_err());
            heard.lock().unwrap().push((reach.online, locked));
        });
        let gone = ApiError::new(ErrorCode::Unavailable, "the server does not answer");
        team.reached(Err(&gone));
        team.reached(Ok(()));
        assert_eq!(*told.lock().unwrap(), [(false, true), (true, true)]);
    }
}
