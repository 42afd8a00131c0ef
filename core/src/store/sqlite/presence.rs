//! Who has an article open, on a desk file.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{SqliteTx, instant, ms, opt_instant};
use crate::error::Result;
use crate::store::presence::{Presence, PresenceRow};

impl Presence for SqliteTx<'_> {
    fn mark(
        &self,
        article_pk: i64,
        user_pk: i64,
        now: DateTime<Utc>,
        typing: bool,
        stale: DateTime<Utc>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO presence (article_pk, user_pk, since, seen_at, typing_at)
                 VALUES (?1, ?2, ?3, ?3, CASE WHEN ?4 THEN ?3 END)
                 ON CONFLICT (article_pk, user_pk) DO UPDATE SET
                     since = CASE WHEN presence.seen_at < ?5 THEN ?3 ELSE presence.since END,
                     seen_at = ?3,
                     typing_at = CASE WHEN ?4 THEN ?3 ELSE presence.typing_at END",
            )?
            .execute(params![article_pk, user_pk, ms(now), typing, ms(stale)])?;
        Ok(())
    }

    fn leave(&self, article_pk: i64, user_pk: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM presence WHERE article_pk = ?1 AND user_pk = ?2")?
            .execute(params![article_pk, user_pk])?;
        Ok(())
    }

    fn list(&self, article_pk: Option<i64>, seen_since: DateTime<Utc>) -> Result<Vec<PresenceRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, u.id, u.name, p.since, p.typing_at
             FROM presence p JOIN articles a ON a.pk = p.article_pk JOIN users u ON u.pk = p.user_pk
             WHERE p.seen_at >= ?1 AND (?2 IS NULL OR p.article_pk = ?2)
             ORDER BY p.since, u.name",
        )?;
        let rows = stmt
            .query_map(params![ms(seen_since), article_pk], |r| {
                Ok(PresenceRow {
                    article_id: r.get(0)?,
                    user_id: r.get(1)?,
                    user_name: r.get(2)?,
                    since: instant(r.get(3)?),
                    typing_at: opt_instant(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    fn prune(&self, before: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM presence WHERE seen_at < ?1")?
            .execute(params![ms(before)])?;
        Ok(())
    }
}
