//! The publish outbox: jobs written with the moves that need them, claimed by publishers.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::{SqliteTx, instant, ms, opt_instant, optional};
use crate::error::Result;
use crate::model::{JobKind, JobState, PublishJob, PublishProblem};
use crate::store::jobs::{JobRow, Jobs};
use crate::store::split_problem;

/// An article's failed job as `id ␞ attempts ␞ next try ␞ error` (see `split_problem`).
const PROBLEM: &str = "SELECT j.id || char(30) || j.attempts || char(30) || j.next_try_at || char(30) \
        || coalesce(j.error, '') FROM publish_jobs j \
     WHERE j.article_pk = ?1 AND j.state IN ('pending', 'running', 'failed') AND j.state = 'failed'";

const COLUMNS: &str = "j.pk, j.id, j.article_pk, a.id, a.headline, j.kind, j.due_at, j.state, \
    j.attempts, j.next_try_at, j.finished_at, j.late_ms, j.error, j.created_by";

fn from_row(r: &Row) -> rusqlite::Result<JobRow> {
    let kind: String = r.get(5)?;
    let state: String = r.get(7)?;
    Ok(JobRow {
        pk: r.get(0)?,
        article_pk: r.get(2)?,
        created_by: r.get(13)?,
        job: PublishJob {
            id: r.get(1)?,
            article_id: r.get(3)?,
            headline: r.get(4)?,
            kind: kind.parse().unwrap_or(JobKind::Publish),
            due_at: instant(r.get(6)?),
            state: state.parse().unwrap_or(JobState::Failed),
            attempts: r.get(8)?,
            next_try_at: instant(r.get(9)?),
            finished_at: opt_instant(r.get(10)?),
            late_ms: r.get(11)?,
            error: r.get(12)?,
        },
    })
}

impl Jobs for SqliteTx<'_> {
    fn put(
        &self,
        id: &str,
        article_pk: i64,
        kind: JobKind,
        due: DateTime<Utc>,
        by: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let moved = self.conn
            .prepare_cached(
                "UPDATE publish_jobs SET kind = ?2, due_at = ?3, next_try_at = ?3, state = 'pending',
                        attempts = 0, lease_until = NULL, claimed_by = NULL, error = NULL,
                        created_by = ?4
                  WHERE article_pk = ?1 AND state IN ('pending', 'running', 'failed')",
            )?
            .execute(params![article_pk, kind.as_str(), ms(due), by])?;
        if moved == 0 {
            self.conn
                .prepare_cached(
                    "INSERT INTO publish_jobs (id, article_pk, kind, due_at, state, next_try_at,
                                           created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'pending', ?4, ?5, ?6)",
                )?
                .execute(params![id, article_pk, kind.as_str(), ms(due), by, ms(now)])?;
        }
        Ok(())
    }

    fn cancel_open(&self, article_pk: i64, now: DateTime<Utc>) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE publish_jobs SET state = 'cancelled', finished_at = ?2, lease_until = NULL
                  WHERE article_pk = ?1 AND state IN ('pending', 'running', 'failed')",
            )?
            .execute(params![article_pk, ms(now)])?
            > 0)
    }

    fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        token: &str,
        limit: i64,
    ) -> Result<Vec<JobRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM publish_jobs j JOIN articles a ON a.pk = j.article_pk
              WHERE j.pk IN (SELECT pk FROM publish_jobs
                              WHERE state IN ('pending', 'failed') AND next_try_at <= ?1
                             UNION
                             SELECT pk FROM publish_jobs WHERE state = 'running' AND lease_until < ?1)
              ORDER BY j.due_at, j.pk LIMIT ?2"
        );
        let rows: Vec<JobRow> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params![ms(now), limit], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut claim = self.conn.prepare_cached(
            "UPDATE publish_jobs SET state = 'running', attempts = attempts + 1, lease_until = ?2,
                    claimed_by = ?3
              WHERE pk = ?1",
        )?;
        for row in &rows {
            claim.execute(params![row.pk, ms(lease_until), token])?;
        }
        Ok(rows)
    }

    fn still_claimed(&self, pk: i64, token: &str) -> Result<bool> {
        Ok(self.conn
            .prepare_cached(
                "SELECT 1 FROM publish_jobs WHERE pk = ?1 AND state = 'running' AND claimed_by = ?2",
            )?
            .exists(params![pk, token])?)
    }

    fn finish(&self, pk: i64, now: DateTime<Utc>, late_ms: i64) -> Result<()> {
        self.conn.prepare_cached(
            "UPDATE publish_jobs SET state = 'done', finished_at = ?2, late_ms = ?3, error = NULL,
                    lease_until = NULL
              WHERE pk = ?1",
        )?
        .execute(params![pk, ms(now), late_ms])?;
        Ok(())
    }

    fn fail(&self, pk: i64, token: &str, error: &str, retry_at: DateTime<Utc>) -> Result<()> {
        self.conn.prepare_cached(
            "UPDATE publish_jobs SET state = 'failed', error = ?3, next_try_at = ?4, lease_until = NULL
              WHERE pk = ?1 AND claimed_by = ?2 AND state = 'running'",
        )?
        .execute(params![pk, token, error, ms(retry_at)])?;
        Ok(())
    }

    fn cancel(&self, pk: i64, now: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE publish_jobs SET state = 'cancelled', finished_at = ?2, lease_until = NULL
              WHERE pk = ?1",
            )?
            .execute(params![pk, ms(now)])?;
        Ok(())
    }

    fn retry_now(&self, id: &str, now: DateTime<Utc>) -> Result<Option<JobRow>> {
        self.conn.prepare_cached(
            "UPDATE publish_jobs SET next_try_at = ?2 WHERE id = ?1 AND state IN ('failed', 'pending')",
        )?
        .execute(params![id, ms(now)])?;
        self.get(id)
    }

    fn problem_of(&self, article_pk: i64) -> Result<Option<PublishProblem>> {
        let joined: Option<String> = optional(
            self.conn
                .prepare_cached(PROBLEM)?
                .query_row([article_pk], |r| r.get(0)),
        )?;
        Ok(split_problem(joined))
    }

    fn get(&self, id: &str) -> Result<Option<JobRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM publish_jobs j JOIN articles a ON a.pk = j.article_pk WHERE j.id = ?1"
        );
        optional(self.conn.prepare_cached(&sql)?.query_row([id], from_row))
    }

    fn list(
        &self,
        state: Option<JobState>,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<JobRow>> {
        let (at, pk) = after.unwrap_or((i64::MAX, i64::MAX));
        let sql = format!(
            "SELECT {COLUMNS} FROM publish_jobs j JOIN articles a ON a.pk = j.article_pk
              WHERE (?1 IS NULL OR j.state = ?1) AND (j.due_at, j.pk) < (?2, ?3)
              ORDER BY j.due_at DESC, j.pk DESC LIMIT ?4"
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                params![state.map(JobState::as_str), at, pk, limit],
                from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    fn next_wake(&self) -> Result<Option<DateTime<Utc>>> {
        let next: Option<i64> = self.conn
            .prepare_cached(
                "SELECT min(t) FROM (
                    SELECT min(next_try_at) AS t FROM publish_jobs WHERE state IN ('pending', 'failed')
                    UNION ALL
                    SELECT min(lease_until) FROM publish_jobs WHERE state = 'running')",
            )?
            .query_row([], |r| r.get(0))?;
        Ok(next.map(instant))
    }
}
