//! Sign-in sessions: a token's hash, whose it is, until when; and the count of failed sign-ins
//! per user and per address.

use chrono::{DateTime, Utc};

use crate::error::Result;

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SessionRow {
    pub pk: i64,
    pub id: String,
    pub user_pk: i64,
    pub user_name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub address: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub(crate) struct NewSession<'a> {
    pub id: &'a str,
    pub user_pk: i64,
    pub token_hash: &'a str,
    pub at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub address: Option<&'a str>,
}

pub(crate) trait Sessions {
    fn insert(&self, s: &NewSession) -> Result<()>;

    /// The session a token's hash belongs to, revoked or not.
    fn by_token_hash(&self, hash: &str) -> Result<Option<SessionRow>>;

    fn by_id(&self, id: &str) -> Result<Option<SessionRow>>;

    /// Marks the session seen at `at`.
    fn touch(&self, pk: i64, at: DateTime<Utc>) -> Result<()>;

    fn revoke(&self, pk: i64, at: DateTime<Utc>) -> Result<()>;

    /// Sessions that have not expired or been revoked at `now`, newest first; one user's when
    /// `user_pk` is given.
    fn list_open(&self, user_pk: Option<i64>, now: DateTime<Utc>) -> Result<Vec<SessionRow>>;

    /// (failures, last failure) counted for `key` ("user:…", "address:…").
    fn failures(&self, key: &str) -> Result<Option<(i64, DateTime<Utc>)>>;

    fn record_failure(&self, key: &str, at: DateTime<Utc>) -> Result<()>;

    fn clear_failures(&self, key: &str) -> Result<()>;
}
