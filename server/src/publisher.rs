//! Every instance publishes: it wakes when the next job falls due or a job changes, and claims
//! due jobs from the shared outbox. Jobs are claimed with `FOR UPDATE SKIP LOCKED` and a lease,
//! so instances take disjoint jobs and a dead instance's jobs are taken over.

use std::sync::Arc;
use std::time::Duration;

use copydesk_core::Desk;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::blocking;

/// The longest a publisher sleeps: a clock change or a missed announcement is caught by then.
const LONGEST_SLEEP: Duration = Duration::from_secs(30);
/// A job due but held by another instance's lease is not polled for in a tight loop.
const SHORTEST_SLEEP: Duration = Duration::from_millis(100);
/// How often a server waiting for a desk file looks whether one has arrived.
const WAITING_FOR_A_DESK: Duration = Duration::from_secs(2);

pub async fn run(
    desk: Arc<Desk>,
    mut changes: watch::Receiver<u64>,
    mut stopping: watch::Receiver<bool>,
) {
    // A server waiting for a desk file to be pushed has nothing to publish until one arrives.
    loop {
        let d = desk.clone();
        if blocking(move || d.is_initialised()).await.unwrap_or(false) {
            break;
        }
        tokio::select! {
            _ = tokio::time::sleep(WAITING_FOR_A_DESK) => {}
            _ = stopping.changed() => return,
        }
    }
    loop {
        let d = desk.clone();
        match blocking(move || d.publish_due()).await {
            Ok(report) => {
                for job in &report.done {
                    tracing::info!(job = %job.job_id, article = %job.article_id, late_ms = job.late_ms, page = ?job.page, "published");
                }
                for job in &report.failed {
                    tracing::warn!(job = %job.job_id, article = %job.article_id, error = ?job.error, "publishing failed; it will be tried again");
                }
            }
            Err(e) => {
                tracing::warn!(code = %e.0.code, "the publisher could not run: {}", e.0.message)
            }
        }
        // Sleep until the next job falls due. A change (a piece scheduled sooner) may bring the
        // wake-up nearer, never push it later: on a busy desk changes come faster than any sleep
        // would last, and a sleep begun again on each one would never end.
        let mut deadline: Option<Instant> = None;
        loop {
            let d = desk.clone();
            let next = blocking(move || d.next_job_due()).await.ok().flatten();
            let wait = next
                .map(|at| (at - desk.now()).to_std().unwrap_or(Duration::ZERO))
                .unwrap_or(LONGEST_SLEEP)
                .clamp(SHORTEST_SLEEP, LONGEST_SLEEP);
            let planned = Instant::now() + wait;
            let wake = *deadline.insert(deadline.map_or(planned, |d| d.min(planned)));
            tokio::select! {
                _ = tokio::time::sleep_until(wake) => break,
                _ = changes.changed() => {}
                _ = stopping.changed() => return,
            }
            if *stopping.borrow() {
                return;
            }
        }
    }
}
