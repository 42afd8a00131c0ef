//! Sessions: signing in with a passphrase for an opaque token (a team desk's server does), the
//! token's user on every request, signing out, and the chief's view of who is signed in. The
//! token is never stored, only its hash; failed sign-ins slow down per user and per address.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use blake2::{Blake2s256, Digest};
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use super::{Actor, Desk, KEY_TIMEZONE, require_role};
use crate::error::{Error, Result};
use crate::model::{Role, User};
use crate::passphrase;
use crate::store::Tx;
use crate::store::sessions::{NewSession, SessionRow};
use crate::text::fold;

/// How long a session lasts from its sign-in.
const LIFETIME: Duration = Duration::days(14);
/// Failed sign-ins allowed before each further try must wait.
const FREE_FAILURES: i64 = 5;
/// The longest wait between tries.
const MAX_WAIT_S: i64 = 15 * 60;
/// A session's last-seen time is written at most this often (not on every request).
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// A signed-in session as its user and the chief see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    pub id: String,
    pub user: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// Where it signed in from, as the server saw it.
    pub address: Option<String>,
}

/// What signing in gives: the token to send with every request (shown once, never stored), the
/// session and its user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedIn {
    pub token: String,
    pub session: Session,
    pub user: User,
}

fn session_of(row: SessionRow) -> Session {
    Session {
        id: row.id,
        user: row.user_name,
        created_at: row.created_at,
        expires_at: row.expires_at,
        last_seen_at: row.last_seen_at,
        address: row.address,
    }
}

fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Blake2s256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The keys failures are counted under.
fn failure_keys(name: &str, address: Option<&str>) -> Vec<String> {
    let mut keys = vec![format!("user:{}", fold(name))];
    if let Some(a) = address {
        keys.push(format!("address:{a}"));
    }
    keys
}

/// Seconds until the next try is allowed after `failures` failures, the last at `last`.
fn wait_after(failures: i64, last: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let exp = u32::try_from(failures - FREE_FAILURES)
        .unwrap_or(u32::MAX)
        .min(20);
    let wait = (1i64 << exp).min(MAX_WAIT_S);
    (last + Duration::seconds(wait) - now).num_seconds().max(0)
}

fn refuse_if_slowed(tx: &dyn Tx, name: &str, keys: &[String], now: DateTime<Utc>) -> Result<()> {
    for key in keys {
        if let Some((failures, last)) = tx.sessions().failures(key)? {
            let wait = wait_after(failures, last, now);
            if wait > 0 {
                let whom = if key.starts_with("user:") {
                    format!("for {name}")
                } else {
                    "from this address".to_string()
                };
                return Err(Error::RateLimited {
                    message: format!(
                        "too many failed sign-ins {whom}: try again in {wait} second{}",
                        if wait == 1 { "" } else { "s" }
                    ),
                    retry_after_s: wait as u64,
                });
            }
        }
    }
    Ok(())
}

impl Desk {
    /// Signs a user in with their passphrase and opens a session. A user without a passphrase
    /// cannot open one: on a shared desk everyone has a passphrase. Failures are counted per
    /// user and per address, and after a few each further try must wait longer.
    pub fn open_session(&self, name: &str, given: &str, address: Option<&str>) -> Result<SignedIn> {
        let now = self.now();
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid_field(
                "name",
                "give the name you sign in with",
            ));
        }
        let keys = failure_keys(name, address);
        let row = self.store.read(|tx| {
            if tx.settings().get_value(KEY_TIMEZONE)?.is_none() {
                return Err(Error::NotInitialised);
            }
            refuse_if_slowed(tx, name, &keys, now)?;
            tx.users().find(name)
        })?;
        let verified = match &row {
            Some(r) => match &r.passphrase_hash {
                Some(hash) => passphrase::verify(hash, given)?,
                None => {
                    return Err(Error::Unauthenticated(format!(
                        "{} has no passphrase yet: the chief sets one before {} can sign in here",
                        r.user.name, r.user.name
                    )));
                }
            },
            None => false,
        };
        let user = match (row, verified) {
            (Some(r), true) => r,
            (found, _) => {
                self.store.write(|tx| {
                    for key in &keys {
                        tx.sessions().record_failure(key, now)?;
                    }
                    Ok(())
                })?;
                return Err(Error::Unauthenticated(match found {
                    Some(r) => format!(
                        "wrong passphrase for {}: type it again (it tells capitals apart); the chief can set a new one",
                        r.user.name
                    ),
                    None => format!(
                        "there is no user called {name} on this desk: check the name as the chief gave it to you"
                    ),
                }));
            }
        };
        let id = self.new_id(now);
        let token = new_token();
        let hash = token_hash(&token);
        let session = self.store.write(|tx| {
            tx.sessions().clear_failures(&keys[0])?;
            tx.sessions().insert(&NewSession {
                id: &id,
                user_pk: user.pk,
                token_hash: &hash,
                at: now,
                expires_at: now + LIFETIME,
                address,
            })?;
            tx.sessions()
                .by_id(&id)?
                .ok_or_else(|| Error::Corrupt("a session vanished as it was written".into()))
        })?;
        Ok(SignedIn {
            token,
            session: session_of(session),
            user: user.user,
        })
    }

    /// The user a session token acts as: refused when it is unknown, revoked or expired.
    pub fn session_actor(&self, token: &str) -> Result<Actor> {
        let now = self.now();
        let hash = token_hash(token.trim());
        let session = self.store.read(|tx| tx.sessions().by_token_hash(&hash))?;
        let Some(session) = session else {
            return Err(Error::Unauthenticated(
                "this sign-in is not known here: sign in again".into(),
            ));
        };
        if session.revoked_at.is_some() {
            return Err(Error::Unauthenticated(
                "this sign-in was ended: sign in again".into(),
            ));
        }
        if session.expires_at <= now {
            return Err(Error::Unauthenticated(
                "this sign-in has run out: sign in again".into(),
            ));
        }
        if now - session.last_seen_at >= TOUCH_EVERY {
            self.store
                .write(|tx| tx.sessions().touch(session.pk, now))?;
        }
        let user = self
            .store
            .read(|tx| tx.users().get_by_pk(session.user_pk))?;
        let user = user.ok_or_else(|| {
            Error::Unauthenticated(format!(
                "the account {} no longer exists",
                session.user_name
            ))
        })?;
        Ok(Actor {
            pk: user.pk,
            user: user.user,
        })
    }

    /// Ends the session of `token` (signing out). An unknown token is already signed out.
    pub fn close_session(&self, token: &str) -> Result<()> {
        let now = self.now();
        let hash = token_hash(token.trim());
        self.store.write(|tx| {
            if let Some(s) = tx.sessions().by_token_hash(&hash)? {
                tx.sessions().revoke(s.pk, now)?;
            }
            Ok(())
        })
    }

    /// The sessions open now: everyone's for the chief, one's own for anyone else.
    pub fn list_sessions(&self, actor: &Actor) -> Result<Vec<Session>> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let whose = (me.user.role != Role::Chief).then_some(me.pk);
            Ok(tx
                .sessions()
                .list_open(whose, now)?
                .into_iter()
                .map(session_of)
                .collect())
        })
    }

    /// Ends a session by its id: the chief ends anyone's, anyone their own.
    pub fn revoke_session(&self, actor: &Actor, id: &str) -> Result<Session> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let session = tx
                .sessions()
                .by_id(id.trim())?
                .ok_or_else(|| Error::not_found("session", id))?;
            if session.user_pk != me.pk {
                // Someone else's session is not even said to exist to a non-chief.
                require_role(&me, &[Role::Chief], "end another user's sign-in")
                    .map_err(|_| Error::not_found("session", id))?;
            }
            tx.sessions().revoke(session.pk, now)?;
            Ok(session_of(session))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_after_the_free_failures_and_is_capped() {
        let t0 = DateTime::<Utc>::MIN_UTC + Duration::days(1);
        assert_eq!(wait_after(4, t0, t0), 0);
        assert_eq!(wait_after(5, t0, t0), 1);
        assert_eq!(wait_after(8, t0, t0), 8);
        assert_eq!(wait_after(8, t0, t0 + Duration::seconds(8)), 0);
        assert_eq!(wait_after(40, t0, t0), MAX_WAIT_S);
    }

    #[test]
    fn tokens_are_long_random_and_stored_only_as_hashes() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
