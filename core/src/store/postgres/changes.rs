//! The change feed on PostgreSQL: `desk_events`, written by triggers in the transaction that
//! makes each change and announced with NOTIFY when it commits.

use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use r2d2_postgres::postgres::NoTls;

use super::{PgStore, get, instant, pool_error, store_error};
use crate::error::{Error, Result};
use crate::store::changes::{ChangeFeed, ChangeListener, ChangeRow, FeedPosition};

/// The oldest transaction still running: nothing it (or a later one) commits can fall before it.
const HORIZON: &str = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

impl ChangeFeed for PgStore {
    fn after(
        &self,
        from: Option<FeedPosition>,
        limit: i64,
    ) -> Result<(Vec<ChangeRow>, FeedPosition)> {
        let mut conn = self.pool.get().map_err(pool_error)?;
        let client = &mut conn.client;
        let from = match from {
            Some(p) => p,
            None => {
                let row = client
                    .query_one(&format!("SELECT {HORIZON}"), &[])
                    .map_err(|e| store_error(&e))?;
                FeedPosition {
                    xid: get::<i64>(&row, 0)? - 1,
                    id: i64::MAX,
                }
            }
        };
        let rows = client
            .query(
                "SELECT xid::text::bigint, id, kind, subject, at FROM desk_events
                  WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
                    AND (xid, id) > (($1::bigint)::text::xid8, $2)
                  ORDER BY xid, id LIMIT $3",
                &[&from.xid, &from.id, &limit],
            )
            .map_err(|e| store_error(&e))?;
        let mut changes = Vec::with_capacity(rows.len());
        for r in &rows {
            changes.push(ChangeRow {
                position: FeedPosition {
                    xid: get(r, 0)?,
                    id: get(r, 1)?,
                },
                kind: get(r, 2)?,
                subject: get(r, 3)?,
                at: instant(get(r, 4)?),
            });
        }
        let next = changes.last().map_or(from, |c| c.position);
        Ok((changes, next))
    }

    fn is_pruned(&self, position: FeedPosition) -> Result<bool> {
        let mut conn = self.pool.get().map_err(pool_error)?;
        let row = conn
            .client
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM desk_events_pruned
                                 WHERE (xid, id) > (($1::bigint)::text::xid8, $2))",
                &[&position.xid, &position.id],
            )
            .map_err(|e| store_error(&e))?;
        get(&row, 0)
    }

    fn prune(&self, keep: Duration) -> Result<u64> {
        let keep_ms = i64::try_from(keep.as_millis()).unwrap_or(i64::MAX);
        let mut conn = self.pool.get().map_err(pool_error)?;
        let mut tx = conn.client.transaction().map_err(|e| store_error(&e))?;
        // A prefix of the feed's order, so that "pruned up to" is one position.
        let last = tx
            .query_opt(
                "SELECT xid::text::bigint, id FROM desk_events
                  WHERE at <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint - $1
                  ORDER BY xid DESC, id DESC LIMIT 1",
                &[&keep_ms],
            )
            .map_err(|e| store_error(&e))?;
        let Some(last) = last else {
            return Ok(0);
        };
        let (xid, id): (i64, i64) = (get(&last, 0)?, get(&last, 1)?);
        let gone = tx
            .execute(
                "DELETE FROM desk_events WHERE (xid, id) <= (($1::bigint)::text::xid8, $2)",
                &[&xid, &id],
            )
            .map_err(|e| store_error(&e))?;
        tx.batch_execute("DELETE FROM desk_events_pruned")
            .map_err(|e| store_error(&e))?;
        tx.execute(
            "INSERT INTO desk_events_pruned (xid, id) VALUES (($1::bigint)::text::xid8, $2)",
            &[&xid, &id],
        )
        .map_err(|e| store_error(&e))?;
        tx.commit().map_err(|e| store_error(&e))?;
        Ok(gone)
    }

    fn listen(&self) -> Result<Box<dyn ChangeListener>> {
        let mut client = self.config.connect(NoTls).map_err(|e| {
            Error::Unavailable(format!(
                "the desk's database does not answer ({e}): changes cannot be followed until it does"
            ))
        })?;
        client
            .batch_execute("LISTEN copydesk_events")
            .map_err(|e| store_error(&e))?;
        Ok(Box::new(Listener { client }))
    }
}

struct Listener {
    client: postgres::Client,
}

impl ChangeListener for Listener {
    fn wait(&mut self, timeout: Duration) -> Result<bool> {
        let mut notifications = self.client.notifications();
        let heard = notifications
            .timeout_iter(timeout)
            .next()
            .map_err(|e| store_error(&e))?
            .is_some();
        if heard {
            // Several commits in a row wake the reader once.
            while notifications
                .iter()
                .next()
                .map_err(|e| store_error(&e))?
                .is_some()
            {}
        }
        Ok(heard)
    }
}
