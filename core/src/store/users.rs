//! Accounts on the desk.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::{Role, User};

/// A user with the internal keys the engine needs to authorise them.
#[derive(Debug, Clone)]
pub(crate) struct UserRow {
    pub pk: i64,
    pub contributor_pk: Option<i64>,
    pub passphrase_hash: Option<String>,
    pub user: User,
}

pub(crate) struct NewUserRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub passphrase_hash: Option<&'a str>,
    pub contributor_pk: Option<i64>,
    pub created_at: DateTime<Utc>,
}

pub(crate) trait Users {
    fn insert(&self, u: &NewUserRow) -> Result<i64>;

    fn get_by_pk(&self, pk: i64) -> Result<Option<UserRow>>;

    /// By name (case-insensitive) or id.
    fn find(&self, name_or_id: &str) -> Result<Option<UserRow>>;

    fn list(&self) -> Result<Vec<UserRow>>;

    fn set_passphrase_hash(&self, pk: i64, hash: Option<&str>) -> Result<()>;

    fn set_role(&self, pk: i64, role: Role) -> Result<()>;

    /// Points every account that wrote as `from` at `into` (contributor merge).
    fn relink_contributor(&self, from: i64, into: i64) -> Result<()>;
}
