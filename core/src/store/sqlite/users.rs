//! Accounts on the desk.

use rusqlite::{Row, params};

use super::{SqliteTx, instant, ms, optional};
use crate::error::Result;
use crate::model::{Role, User};
use crate::store::users::{NewUserRow, UserRow, Users};

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

impl Users for SqliteTx<'_> {
    fn insert(&self, u: &NewUserRow) -> Result<i64> {
        self.conn.execute(
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
        Ok(self.conn.last_insert_rowid())
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<UserRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk WHERE u.pk = ?1"
        );
        optional(self.conn.prepare_cached(&sql)?.query_row([pk], from_row))
    }

    fn find(&self, name_or_id: &str) -> Result<Option<UserRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
             WHERE u.name = ?1 OR u.id = ?1"
        );
        optional(
            self.conn
                .prepare_cached(&sql)?
                .query_row([name_or_id.trim()], from_row),
        )
    }

    fn list(&self) -> Result<Vec<UserRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
             ORDER BY u.name"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_passphrase_hash(&self, pk: i64, hash: Option<&str>) -> Result<()> {
        self.conn.execute(
            "UPDATE users SET passphrase_hash = ?2 WHERE pk = ?1",
            params![pk, hash],
        )?;
        Ok(())
    }

    fn set_role(&self, pk: i64, role: Role) -> Result<()> {
        self.conn.execute(
            "UPDATE users SET role = ?2 WHERE pk = ?1",
            params![pk, role.as_str()],
        )?;
        Ok(())
    }

    fn relink_contributor(&self, from: i64, into: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE users SET contributor_pk = ?2 WHERE contributor_pk = ?1",
            params![from, into],
        )?;
        Ok(())
    }
}
