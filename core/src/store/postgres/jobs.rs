//! The publish outbox on PostgreSQL. Due jobs are claimed with `FOR UPDATE SKIP LOCKED`: any
//! number of server instances take disjoint jobs, and a job whose publisher died is taken over
//! once its lease runs out.

use chrono::{DateTime, Utc};
use postgres::Row;

use super::{PgTx, get, instant, ms, opt_instant};
use crate::error::Result;
use crate::model::{JobKind, JobState, PublishJob, PublishProblem};
use crate::store::jobs::{JobRow, Jobs};
use crate::store::split_problem;

const COLUMNS: &str = "j.pk, j.id, j.article_pk, a.id, a.headline, j.kind, j.due_at, j.state, \
    j.attempts, j.next_try_at, j.finished_at, j.late_ms, j.error, j.created_by";

fn from_row(r: &Row) -> Result<JobRow> {
    let kind: String = get(r, 5)?;
    let state: String = get(r, 7)?;
    Ok(JobRow {
        pk: get(r, 0)?,
        article_pk: get(r, 2)?,
        created_by: get(r, 13)?,
        job: PublishJob {
            id: get(r, 1)?,
            article_id: get(r, 3)?,
            headline: get(r, 4)?,
            kind: kind.parse().unwrap_or(JobKind::Publish),
            due_at: instant(get(r, 6)?),
            state: state.parse().unwrap_or(JobState::Failed),
            attempts: get(r, 8)?,
            next_try_at: instant(get(r, 9)?),
            finished_at: opt_instant(get(r, 10)?),
            late_ms: get(r, 11)?,
            error: get(r, 12)?,
        },
    })
}

impl Jobs for PgTx<'_> {
    fn put(
        &self,
        id: &str,
        article_pk: i64,
        kind: JobKind,
        due: DateTime<Utc>,
        by: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let moved = self.exec(
            "UPDATE publish_jobs SET kind = $2, due_at = $3, next_try_at = $3, state = 'pending',
                    attempts = 0, lease_until = NULL, claimed_by = NULL, error = NULL,
                    created_by = $4
              WHERE article_pk = $1 AND state IN ('pending', 'running', 'failed')",
            &[&article_pk, &kind.as_str(), &ms(due), &by],
        )?;
        if moved == 0 {
            self.exec(
                "INSERT INTO publish_jobs (id, article_pk, kind, due_at, state, next_try_at,
                                           created_by, created_at)
                 VALUES ($1, $2, $3, $4, 'pending', $4, $5, $6)",
                &[&id, &article_pk, &kind.as_str(), &ms(due), &by, &ms(now)],
            )?;
        }
        Ok(())
    }

    fn cancel_open(&self, article_pk: i64, now: DateTime<Utc>) -> Result<bool> {
        Ok(self.exec(
            "UPDATE publish_jobs SET state = 'cancelled', finished_at = $2, lease_until = NULL
              WHERE article_pk = $1 AND state IN ('pending', 'running', 'failed')",
            &[&article_pk, &ms(now)],
        )? > 0)
    }

    fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        token: &str,
        limit: i64,
    ) -> Result<Vec<JobRow>> {
        // Jobs another instance is claiming right now are skipped, not waited for.
        let sql = format!(
            "SELECT {COLUMNS} FROM publish_jobs j JOIN articles a ON a.pk = j.article_pk
              WHERE (j.state IN ('pending', 'failed') AND j.next_try_at <= $1)
                 OR (j.state = 'running' AND j.lease_until < $1)
              ORDER BY j.due_at, j.pk LIMIT $2
              FOR UPDATE OF j SKIP LOCKED"
        );
        let rows: Vec<JobRow> = self
            .rows(&sql, &[&ms(now), &limit])?
            .iter()
            .map(from_row)
            .collect::<Result<_>>()?;
        if rows.is_empty() {
            return Ok(rows);
        }
        let claimed: Vec<i64> = rows.iter().map(|r| r.pk).collect();
        self.exec(
            "UPDATE publish_jobs SET state = 'running', attempts = attempts + 1,
                    lease_until = $2, claimed_by = $3
              WHERE pk = ANY($1)",
            &[&claimed, &ms(lease_until), &token],
        )?;
        Ok(rows)
    }

    fn still_claimed(&self, pk: i64, token: &str) -> Result<bool> {
        Ok(self
            .opt(
                "SELECT 1 FROM publish_jobs WHERE pk = $1 AND state = 'running' AND claimed_by = $2",
                &[&pk, &token],
            )?
            .is_some())
    }

    fn finish(&self, pk: i64, now: DateTime<Utc>, late_ms: i64) -> Result<()> {
        self.exec(
            "UPDATE publish_jobs SET state = 'done', finished_at = $2, late_ms = $3, error = NULL,
                    lease_until = NULL
              WHERE pk = $1",
            &[&pk, &ms(now), &late_ms],
        )?;
        Ok(())
    }

    fn fail(&self, pk: i64, token: &str, error: &str, retry_at: DateTime<Utc>) -> Result<()> {
        self.exec(
            "UPDATE publish_jobs SET state = 'failed', error = $3, next_try_at = $4,
                    lease_until = NULL
              WHERE pk = $1 AND claimed_by = $2 AND state = 'running'",
            &[&pk, &token, &error, &ms(retry_at)],
        )?;
        Ok(())
    }

    fn cancel(&self, pk: i64, now: DateTime<Utc>) -> Result<()> {
        self.exec(
            "UPDATE publish_jobs SET state = 'cancelled', finished_at = $2, lease_until = NULL
              WHERE pk = $1",
            &[&pk, &ms(now)],
        )?;
        Ok(())
    }

    fn retry_now(&self, id: &str, now: DateTime<Utc>) -> Result<Option<JobRow>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        self.exec(
            "UPDATE publish_jobs SET next_try_at = $2
              WHERE id = $1 AND state IN ('failed', 'pending')",
            &[&id, &ms(now)],
        )?;
        self.get(id)
    }

    fn problem_of(&self, article_pk: i64) -> Result<Option<PublishProblem>> {
        let row = self.opt(
            "SELECT j.id || chr(30) || j.attempts || chr(30) || j.next_try_at || chr(30)
                    || coalesce(j.error, '') FROM publish_jobs j
              WHERE j.article_pk = $1 AND j.state = 'failed'",
            &[&article_pk],
        )?;
        Ok(split_problem(row.as_ref().map(|r| get(r, 0)).transpose()?))
    }

    fn get(&self, id: &str) -> Result<Option<JobRow>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM publish_jobs j JOIN articles a ON a.pk = j.article_pk
              WHERE j.id = $1"
        );
        self.opt(&sql, &[&id])?.as_ref().map(from_row).transpose()
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
              WHERE ($1::text IS NULL OR j.state = $1) AND (j.due_at, j.pk) < ($2, $3)
              ORDER BY j.due_at DESC, j.pk DESC LIMIT $4"
        );
        self.rows(&sql, &[&state.map(JobState::as_str), &at, &pk, &limit])?
            .iter()
            .map(from_row)
            .collect()
    }

    fn next_wake(&self) -> Result<Option<DateTime<Utc>>> {
        let row = self.one(
            "SELECT least(
                (SELECT min(next_try_at) FROM publish_jobs WHERE state IN ('pending', 'failed')),
                (SELECT min(lease_until) FROM publish_jobs WHERE state = 'running'))",
            &[],
        )?;
        Ok(get::<Option<i64>>(&row, 0)?.map(instant))
    }
}
