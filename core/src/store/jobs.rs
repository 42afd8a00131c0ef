//! The publish outbox: jobs written with the moves that need them, claimed by publishers.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::{JobKind, JobState, PublishJob};

/// A job as stored, with the keys the publisher works with.
#[derive(Debug, Clone)]
pub(crate) struct JobRow {
    pub pk: i64,
    pub article_pk: i64,
    pub created_by: i64,
    pub job: PublishJob,
}

pub(crate) trait Jobs {
    /// Puts the article's one open job at `due` (a reschedule moves it, it never adds a second).
    fn put(
        &self,
        id: &str,
        article_pk: i64,
        kind: JobKind,
        due: DateTime<Utc>,
        by: i64,
        now: DateTime<Utc>,
    ) -> Result<()>;

    /// Cancels the article's open job; returns whether there was one.
    fn cancel_open(&self, article_pk: i64, now: DateTime<Utc>) -> Result<bool>;

    /// Claims up to `limit` jobs that are due (or whose publisher's lease ran out) for `token`, in
    /// due order. Run inside a write transaction, so two publishers never claim one job.
    fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        token: &str,
        limit: i64,
    ) -> Result<Vec<JobRow>>;

    /// Whether `token` still holds job `pk` (its lease was not taken over meanwhile).
    fn still_claimed(&self, pk: i64, token: &str) -> Result<bool>;

    fn finish(&self, pk: i64, now: DateTime<Utc>, late_ms: i64) -> Result<()>;

    /// Records a failed attempt: the job is tried again at `retry_at`.
    fn fail(&self, pk: i64, token: &str, error: &str, retry_at: DateTime<Utc>) -> Result<()>;

    fn cancel(&self, pk: i64, now: DateTime<Utc>) -> Result<()>;

    /// A failed job made due again now (the Publishing panel's retry).
    fn retry_now(&self, id: &str, now: DateTime<Utc>) -> Result<Option<JobRow>>;

    fn get(&self, id: &str) -> Result<Option<JobRow>>;

    /// The article's failed publication, while its job waits to be tried again.
    fn problem_of(&self, article_pk: i64) -> Result<Option<crate::model::PublishProblem>>;

    /// Jobs newest due first, optionally in one state; `after` is the (due, pk) of the last one seen.
    fn list(
        &self,
        state: Option<JobState>,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<JobRow>>;

    /// When the next job may be claimed: what the app's scheduler sleeps until.
    fn next_wake(&self) -> Result<Option<DateTime<Utc>>>;
}
