//! Accounts: the chief adds them; anyone may change their own passphrase.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::{Role, User};
use crate::passphrase;
use crate::store::Tx;
use crate::text::one_line;

/// A new account, as the chief adds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUser {
    pub name: String,
    pub role: Role,
    /// The contributor this account writes as (id, email or name); contributor-role accounts
    /// need one to write anything.
    #[serde(default)]
    pub contributor: Option<String>,
    /// Left out or empty: the account signs in without one (a desk on one computer).
    #[serde(default)]
    pub passphrase: Option<String>,
}

pub(super) fn insert_user(
    conn: &dyn Tx,
    id: &str,
    name: &str,
    role: Role,
    hash: Option<&str>,
    contributor_pk: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Actor> {
    let name = one_line(name);
    if name.is_empty() {
        return Err(Error::invalid_field("name", "a user needs a name"));
    }
    if conn.users().find(&name)?.is_some() {
        return Err(Error::invalid(format!(
            "there is already a user called {name}"
        )));
    }
    let pk = conn.users().insert(&crate::store::users::NewUserRow {
        id,
        name: &name,
        role,
        passphrase_hash: hash,
        contributor_pk,
        created_at: now,
    })?;
    let row = conn
        .users()
        .get_by_pk(pk)?
        .ok_or_else(|| Error::Corrupt("a user vanished as it was written".into()))?;
    Ok(Actor { pk, user: row.user })
}

impl Desk {
    pub fn add_user(&self, actor: &Actor, new: &NewUser) -> Result<User> {
        let hash = new
            .passphrase
            .as_deref()
            .filter(|p| !p.is_empty())
            .map(passphrase::hash)
            .transpose()?;
        let now = self.now();
        let id = self.new_id(now);
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "add users")?;
            let contributor_pk = match new.contributor.as_deref() {
                Some(c) => Some(super::contributors::resolve(tx, c)?.0),
                None => None,
            };
            Ok(insert_user(
                tx,
                &id,
                &new.name,
                new.role,
                hash.as_deref(),
                contributor_pk,
                now,
            )?
            .user)
        })
    }

    pub fn list_users(&self, actor: &Actor) -> Result<Vec<User>> {
        self.store.read(|tx| {
            self.acting(tx, actor)?;
            Ok(tx.users().list()?.into_iter().map(|u| u.user).collect())
        })
    }

    /// Sets or clears a passphrase: the chief for anyone, everyone for themselves.
    pub fn set_passphrase(&self, actor: &Actor, user: &str, new: Option<&str>) -> Result<User> {
        let hash = new.map(passphrase::hash).transpose()?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let target = tx
                .users()
                .find(user)?
                .ok_or_else(|| Error::not_found("user", user))?;
            if target.pk != me.pk {
                require_role(&me, &[Role::Chief], "change another user's passphrase")?;
            }
            tx.users().set_passphrase_hash(target.pk, hash.as_deref())?;
            Ok(tx
                .users()
                .get_by_pk(target.pk)?
                .map(|u| u.user)
                .unwrap_or(target.user))
        })
    }

    /// Changes a user's role; the desk always keeps at least one chief.
    pub fn set_role(&self, actor: &Actor, user: &str, role: Role) -> Result<User> {
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change roles")?;
            let target = tx
                .users()
                .find(user)?
                .ok_or_else(|| Error::not_found("user", user))?;
            if target.user.role == Role::Chief && role != Role::Chief {
                let chiefs = tx
                    .users()
                    .list()?
                    .iter()
                    .filter(|u| u.user.role == Role::Chief)
                    .count();
                if chiefs <= 1 {
                    return Err(Error::invalid(format!(
                        "{} is the desk's only chief: make someone else chief first",
                        target.user.name
                    )));
                }
            }
            tx.users().set_role(target.pk, role)?;
            Ok(tx
                .users()
                .get_by_pk(target.pk)?
                .map(|u| u.user)
                .unwrap_or(target.user))
        })
    }
}
