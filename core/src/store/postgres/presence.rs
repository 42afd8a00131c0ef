//! Who has an article open, on PostgreSQL.

use chrono::{DateTime, Utc};

use super::{PgTx, get, instant, ms, opt_instant};
use crate::error::Result;
use crate::store::presence::{Presence, PresenceRow};

impl Presence for PgTx<'_> {
    fn mark(
        &self,
        article_pk: i64,
        user_pk: i64,
        now: DateTime<Utc>,
        typing: bool,
        stale: DateTime<Utc>,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO presence (article_pk, user_pk, since, seen_at, typing_at)
             VALUES ($1::bigint, $2::bigint, $3::bigint, $3::bigint,
                     CASE WHEN $4::boolean THEN $3::bigint END)
             ON CONFLICT (article_pk, user_pk) DO UPDATE SET
                 since = CASE WHEN presence.seen_at < $5::bigint THEN $3::bigint
                              ELSE presence.since END,
                 seen_at = $3::bigint,
                 typing_at = CASE WHEN $4::boolean THEN $3::bigint ELSE presence.typing_at END",
            &[&article_pk, &user_pk, &ms(now), &typing, &ms(stale)],
        )?;
        Ok(())
    }

    fn leave(&self, article_pk: i64, user_pk: i64) -> Result<()> {
        self.exec(
            "DELETE FROM presence WHERE article_pk = $1 AND user_pk = $2",
            &[&article_pk, &user_pk],
        )?;
        Ok(())
    }

    fn list(&self, article_pk: Option<i64>, seen_since: DateTime<Utc>) -> Result<Vec<PresenceRow>> {
        self.rows(
            "SELECT a.id, u.id, u.name, p.since, p.typing_at
             FROM presence p JOIN articles a ON a.pk = p.article_pk JOIN users u ON u.pk = p.user_pk
             WHERE p.seen_at >= $1 AND ($2::bigint IS NULL OR p.article_pk = $2)
             ORDER BY p.since, u.name",
            &[&ms(seen_since), &article_pk],
        )?
        .iter()
        .map(|r| {
            Ok(PresenceRow {
                article_id: get(r, 0)?,
                user_id: get(r, 1)?,
                user_name: get(r, 2)?,
                since: instant(get(r, 3)?),
                typing_at: opt_instant(get(r, 4)?),
            })
        })
        .collect()
    }

    fn prune(&self, before: DateTime<Utc>) -> Result<()> {
        self.exec("DELETE FROM presence WHERE seen_at < $1", &[&ms(before)])?;
        Ok(())
    }
}
