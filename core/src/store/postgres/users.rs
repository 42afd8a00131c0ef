//! Accounts on PostgreSQL; names are unique and matched without regard to case.

use postgres::Row;

use super::{PgTx, get, instant, ms};
use crate::error::Result;
use crate::model::{Role, User};
use crate::store::users::{NewUserRow, UserRow, Users};

const COLUMNS: &str =
    "u.pk, u.id, u.name, u.role, u.passphrase_hash, u.contributor_pk, c.id, u.created_at";

fn from_row(r: &Row) -> Result<UserRow> {
    let role: String = get(r, 3)?;
    let hash: Option<String> = get(r, 4)?;
    Ok(UserRow {
        pk: get(r, 0)?,
        contributor_pk: get(r, 5)?,
        user: User {
            id: get(r, 1)?,
            name: get(r, 2)?,
            // The CHECK constraint admits only known roles.
            role: role.parse().unwrap_or(Role::Contributor),
            has_passphrase: hash.is_some(),
            contributor_id: get(r, 6)?,
            created_at: instant(get(r, 7)?),
        },
        passphrase_hash: hash,
    })
}

impl Users for PgTx<'_> {
    fn insert(&self, u: &NewUserRow) -> Result<i64> {
        let row = self.one(
            "INSERT INTO users (id, name, role, passphrase_hash, contributor_pk, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING pk",
            &[
                &u.id,
                &u.name,
                &u.role.as_str(),
                &u.passphrase_hash,
                &u.contributor_pk,
                &ms(u.created_at),
            ],
        )?;
        get(&row, 0)
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<UserRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
              WHERE u.pk = $1"
        );
        self.opt(&sql, &[&pk])?.as_ref().map(from_row).transpose()
    }

    fn find(&self, name_or_id: &str) -> Result<Option<UserRow>> {
        if !super::storable_key(name_or_id) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
              WHERE lower(u.name) = lower($1) OR u.id = $1"
        );
        self.opt(&sql, &[&name_or_id.trim()])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn list(&self) -> Result<Vec<UserRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users u LEFT JOIN contributors c ON c.pk = u.contributor_pk
              ORDER BY u.name"
        );
        self.rows(&sql, &[])?.iter().map(from_row).collect()
    }

    fn set_passphrase_hash(&self, pk: i64, hash: Option<&str>) -> Result<()> {
        self.exec(
            "UPDATE users SET passphrase_hash = $2 WHERE pk = $1",
            &[&pk, &hash],
        )?;
        Ok(())
    }

    fn set_role(&self, pk: i64, role: Role) -> Result<()> {
        self.exec(
            "UPDATE users SET role = $2 WHERE pk = $1",
            &[&pk, &role.as_str()],
        )?;
        Ok(())
    }

    fn relink_contributor(&self, from: i64, into: i64) -> Result<()> {
        self.exec(
            "UPDATE users SET contributor_pk = $2 WHERE contributor_pk = $1",
            &[&from, &into],
        )?;
        Ok(())
    }
}
