//! Sessions and failed sign-ins on PostgreSQL.

use chrono::{DateTime, Utc};
use postgres::Row;

use super::{PgTx, get, instant, ms, opt_instant};
use crate::error::Result;
use crate::store::sessions::{NewSession, SessionRow, Sessions};

const SELECT: &str = "SELECT s.pk, s.id, s.user_pk, u.name, s.created_at, s.expires_at, \
    s.last_seen_at, s.address, s.revoked_at FROM sessions s JOIN users u ON u.pk = s.user_pk";

fn from_row(r: &Row) -> Result<SessionRow> {
    Ok(SessionRow {
        pk: get(r, 0)?,
        id: get(r, 1)?,
        user_pk: get(r, 2)?,
        user_name: get(r, 3)?,
        created_at: instant(get(r, 4)?),
        expires_at: instant(get(r, 5)?),
        last_seen_at: instant(get(r, 6)?),
        address: get(r, 7)?,
        revoked_at: opt_instant(get(r, 8)?),
    })
}

impl Sessions for PgTx<'_> {
    fn insert(&self, s: &NewSession) -> Result<()> {
        self.exec(
            "INSERT INTO sessions (id, user_pk, token_hash, created_at, expires_at, last_seen_at,
                                   address)
             VALUES ($1, $2, $3, $4, $5, $4, $6)",
            &[
                &s.id,
                &s.user_pk,
                &s.token_hash,
                &ms(s.at),
                &ms(s.expires_at),
                &s.address,
            ],
        )?;
        Ok(())
    }

    fn by_token_hash(&self, hash: &str) -> Result<Option<SessionRow>> {
        let sql = format!("{SELECT} WHERE s.token_hash = $1");
        self.opt(&sql, &[&hash])?.as_ref().map(from_row).transpose()
    }

    fn by_id(&self, id: &str) -> Result<Option<SessionRow>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        let sql = format!("{SELECT} WHERE s.id = $1");
        self.opt(&sql, &[&id])?.as_ref().map(from_row).transpose()
    }

    fn touch(&self, pk: i64, at: DateTime<Utc>) -> Result<()> {
        self.exec(
            "UPDATE sessions SET last_seen_at = $2 WHERE pk = $1",
            &[&pk, &ms(at)],
        )?;
        Ok(())
    }

    fn revoke(&self, pk: i64, at: DateTime<Utc>) -> Result<()> {
        self.exec(
            "UPDATE sessions SET revoked_at = $2 WHERE pk = $1 AND revoked_at IS NULL",
            &[&pk, &ms(at)],
        )?;
        Ok(())
    }

    fn list_open(&self, user_pk: Option<i64>, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
        let sql = format!(
            "{SELECT} WHERE s.revoked_at IS NULL AND s.expires_at > $1
               AND ($2::bigint IS NULL OR s.user_pk = $2)
             ORDER BY s.created_at DESC, s.pk DESC"
        );
        self.rows(&sql, &[&ms(now), &user_pk])?
            .iter()
            .map(from_row)
            .collect()
    }

    fn failures(&self, key: &str) -> Result<Option<(i64, DateTime<Utc>)>> {
        self.opt(
            "SELECT failures, last_at FROM sign_in_failures WHERE key = $1",
            &[&key],
        )?
        .map(|r| Ok((get(&r, 0)?, instant(get(&r, 1)?))))
        .transpose()
    }

    fn record_failure(&self, key: &str, at: DateTime<Utc>) -> Result<()> {
        self.exec(
            "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 1, $2)
             ON CONFLICT (key) DO UPDATE SET failures = sign_in_failures.failures + 1,
                                             last_at = excluded.last_at",
            &[&key, &ms(at)],
        )?;
        Ok(())
    }

    fn clear_failures(&self, key: &str) -> Result<()> {
        self.exec("DELETE FROM sign_in_failures WHERE key = $1", &[&key])?;
        Ok(())
    }
}
