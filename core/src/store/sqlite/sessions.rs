//! Sessions and failed sign-ins as SQLite keeps them.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::{SqliteTx, instant, ms, opt_instant, optional};
use crate::error::Result;
use crate::store::sessions::{NewSession, SessionRow, Sessions};

const SELECT: &str = "SELECT s.pk, s.id, s.user_pk, u.name, s.created_at, s.expires_at, \
    s.last_seen_at, s.address, s.revoked_at FROM sessions s JOIN users u ON u.pk = s.user_pk";

fn from_row(r: &Row) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        pk: r.get(0)?,
        id: r.get(1)?,
        user_pk: r.get(2)?,
        user_name: r.get(3)?,
        created_at: instant(r.get(4)?),
        expires_at: instant(r.get(5)?),
        last_seen_at: instant(r.get(6)?),
        address: r.get(7)?,
        revoked_at: opt_instant(r.get(8)?),
    })
}

impl Sessions for SqliteTx<'_> {
    fn insert(&self, s: &NewSession) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sessions (id, user_pk, token_hash, created_at, expires_at,
                                       last_seen_at, address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6)",
            )?
            .execute(params![
                s.id,
                s.user_pk,
                s.token_hash,
                ms(s.at),
                ms(s.expires_at),
                s.address
            ])?;
        Ok(())
    }

    fn by_token_hash(&self, hash: &str) -> Result<Option<SessionRow>> {
        let sql = format!("{SELECT} WHERE s.token_hash = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([hash], from_row))
    }

    fn by_id(&self, id: &str) -> Result<Option<SessionRow>> {
        let sql = format!("{SELECT} WHERE s.id = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([id], from_row))
    }

    fn touch(&self, pk: i64, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE sessions SET last_seen_at = ?2 WHERE pk = ?1")?
            .execute(params![pk, ms(at)])?;
        Ok(())
    }

    fn revoke(&self, pk: i64, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE sessions SET revoked_at = ?2 WHERE pk = ?1 AND revoked_at IS NULL",
            )?
            .execute(params![pk, ms(at)])?;
        Ok(())
    }

    fn list_open(&self, user_pk: Option<i64>, now: DateTime<Utc>) -> Result<Vec<SessionRow>> {
        let sql = format!(
            "{SELECT} WHERE s.revoked_at IS NULL AND s.expires_at > ?1
               AND (?2 IS NULL OR s.user_pk = ?2)
             ORDER BY s.created_at DESC, s.pk DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![ms(now), user_pk], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn failures(&self, key: &str) -> Result<Option<(i64, DateTime<Utc>)>> {
        optional(
            self.conn
                .prepare_cached("SELECT failures, last_at FROM sign_in_failures WHERE key = ?1")?
                .query_row([key], |r| Ok((r.get(0)?, instant(r.get(1)?)))),
        )
    }

    fn record_failure(&self, key: &str, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sign_in_failures (key, failures, last_at) VALUES (?1, 1, ?2)
                 ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at",
            )?
            .execute(params![key, ms(at)])?;
        Ok(())
    }

    fn clear_failures(&self, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sign_in_failures WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }
}
