//! Accounts: the chief adds them; anyone may change their own passphrase.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::{Role, User};
use crate::passphrase;
use crate::store;
use crate::text::one_line;

pub struct NewUser<'a> {
    pub name: &'a str,
    pub role: Role,
    /// The contributor this account writes as (id, email or name); contributor-role accounts
    /// need one to write anything.
    pub contributor: Option<&'a str>,
    pub passphrase: Option<&'a str>,
}

pub(super) fn insert_user(
    conn: &Connection,
    id: &str,
    name: &str,
    role: Role,
    hash: Option<&str>,
    contributor_pk: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Actor> {
    let name = one_line(name);
    if name.is_empty() {
        return Err(Error::invalid("a user needs a name"));
    }
    if store::users::find(conn, &name)?.is_some() {
        return Err(Error::invalid(format!(
            "there is already a user called {name}"
        )));
    }
    let pk = store::users::insert(
        conn,
        &store::users::NewUserRow {
            id,
            name: &name,
            role,
            passphrase_hash: hash,
            contributor_pk,
            created_at: now,
        },
    )?;
    let row = store::users::get_by_pk(conn, pk)?
        .ok_or_else(|| Error::Corrupt("a user vanished as it was written".into()))?;
    Ok(Actor { pk, user: row.user })
}

impl Desk {
    pub fn add_user(&self, actor: &Actor, new: &NewUser) -> Result<User> {
        let hash = new.passphrase.map(passphrase::hash).transpose()?;
        let now = self.now();
        let id = self.new_id(now);
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "add users")?;
            let contributor_pk = match new.contributor {
                Some(c) => Some(super::contributors::resolve(tx, c)?.0),
                None => None,
            };
            Ok(insert_user(
                tx,
                &id,
                new.name,
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
            Ok(store::users::list(tx)?
                .into_iter()
                .map(|u| u.user)
                .collect())
        })
    }

    /// Sets or clears a passphrase: the chief for anyone, everyone for themselves.
    pub fn set_passphrase(&self, actor: &Actor, user: &str, new: Option<&str>) -> Result<User> {
        let hash = new.map(passphrase::hash).transpose()?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let target =
                store::users::find(tx, user)?.ok_or_else(|| Error::not_found("user", user))?;
            if target.pk != me.pk {
                require_role(&me, &[Role::Chief], "change another user's passphrase")?;
            }
            store::users::set_passphrase_hash(tx, target.pk, hash.as_deref())?;
            Ok(store::users::get_by_pk(tx, target.pk)?
                .map(|u| u.user)
                .unwrap_or(target.user))
        })
    }

    /// Changes a user's role; the desk always keeps at least one chief.
    pub fn set_role(&self, actor: &Actor, user: &str, role: Role) -> Result<User> {
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change roles")?;
            let target =
                store::users::find(tx, user)?.ok_or_else(|| Error::not_found("user", user))?;
            if target.user.role == Role::Chief && role != Role::Chief {
                let chiefs = store::users::list(tx)?
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
            store::users::set_role(tx, target.pk, role)?;
            Ok(store::users::get_by_pk(tx, target.pk)?
                .map(|u| u.user)
                .unwrap_or(target.user))
        })
    }
}
