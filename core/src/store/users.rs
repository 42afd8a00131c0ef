//! Accounts on the desk.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};

use super::{instant, ms, optional};
use crate::error::Result;
use crate::model::{Role, User};

/// A user with the internal keys the engine needs to authorise them.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub pk: i64,
    pub contributor_pk: Option<i64>,
    pub passphrase_hash: Option<String>,
    pub user: User,
}

const COLUMNS: &str =
    "u.pk, u.id, u.name, u.role, u.passphrase_hash, u.contributor_pk, c.id, u.created_at";

fn from_row(r: &Row) -> rusqlite::Result<UserRow> {
    let role: String = r.get(3)?;
    let hash: Option<String> = r.get(4)?;
    Ok(UserRow {
        pk: r.get(0)?,
        contributor_pk: r.get(5)?,
        user: User {
            id: r.get(1)?,
            name: r.get(2)?,
            // The CHECK constraint admits only known roles.
            role: role.parse().unwrap_or(Role::Contributor),
            has_passphrase: hash.is_some(),
            contributor_id: r.get(6)?,
            created_at: instant(r.get(7)?),
        },
        passphrase_hash: hash,
    })
}

pub struct NewUserRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub passphrase_hash: Option<&'a str>,
    pub contributor_pk: Option<i64>,
    pub created_at: DateTime<Utc>,
}

pub fn insert(conn: &Connection, u: &NewUserRow) -> Result<i64> {
    conn.execute(
        "INSERT INTO users (id, name, role, passphrase_hash, contributor_pk, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            u.id,
            u.name,
            u.role.as_str(),
            u.passphrase_hash,
            u.contributor_pk,
            ms(u.created_at)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get_by_pk(conn: &Connection, pk: i64) -> Result<Option<UserRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk WHERE u.pk = ?1"
    );
    optional(conn.prepare_cached(&sql)?.query_row([pk], from_row))
}

/// By name (case-insensitive) or id.
pub fn find(conn: &Connection, name_or_id: &str) -> Result<Option<UserRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
         WHERE u.name = ?1 OR u.id = ?1"
    );
    optional(
        conn.prepare_cached(&sql)?
            .query_row([name_or_id.trim()], from_row),
    )
}

pub fn list(conn: &Connection) -> Result<Vec<UserRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
         ORDER BY u.name"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?)
}

pub fn set_passphrase_hash(conn: &Connection, pk: i64, hash: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE users SET passphrase_hash = ?2 WHERE pk = ?1",
        params![pk, hash],
    )?;
    Ok(())
}

pub fn set_role(conn: &Connection, pk: i64, role: Role) -> Result<()> {
    conn.execute(
        "UPDATE users SET role = ?2 WHERE pk = ?1",
        params![pk, role.as_str()],
    )?;
    Ok(())
}

/// Points every account that wrote as `from` at `into` (contributor merge).
pub fn relink_contributor(conn: &Connection, from: i64, into: i64) -> Result<()> {
    conn.execute(
        "UPDATE users SET contributor_pk = ?2 WHERE contributor_pk = ?1",
        params![from, into],
    )?;
    Ok(())
}
