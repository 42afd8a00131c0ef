//! `copydesk publish-due`, `jobs …` and `site build`: the publisher, its outbox and the site.

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use copydesk_core::ErrorCode;
use copydesk_core::api::{
    JobKind, JobState, ListJobs, PublishJob, PublishingSettingsOp, RebuildSite, RetryJob,
};
use copydesk_core::desk::{JobOutcome, PublishReport};
use serde_json::{Value, json};

use crate::args::{JobsCommand, SiteCommand};
use crate::context::Ctx;
use crate::output::{CliResult, Failure, Reply, delay, next_page, table, time, to_json};

/// Below this a piece counts as on time: a scheduler run every minute is always a little late.
const LATE_MS: i64 = 60_000;

/// Publishes what is due, as the scheduler does; no user is signed in. Any failed job makes the
/// command fail after the report is printed, so cron mails it.
pub fn publish_due(ctx: &Ctx) -> CliResult<Reply> {
    let tz = ctx.tz()?;
    let now = ctx.now();
    let report = ctx.desk()?.publish_due()?;
    let folder = ctx.desk()?.publish_folder().ok();
    let mut json = to_json(&report)?;
    if let Value::Object(map) = &mut json {
        map.insert("now".into(), json!(now));
        map.insert("publish_folder".into(), json!(folder));
    }
    let human = report_text(&report, now, tz, folder.as_deref());
    let Some(first) = report.failed.first() else {
        return Ok(Reply::new(json, human));
    };
    let failed = report.failed.len();
    let why = first.error.as_deref().unwrap_or("no reason given");
    let message = if failed == 1 {
        format!("a publishing job failed, “{}”: {why}", first.headline)
    } else {
        format!(
            "{failed} of {} due publishing jobs failed; the first, “{}”: {why}",
            failed + report.done.len(),
            first.headline
        )
    };
    Err(Failure::new(ErrorCode::PublishFailed, message).with_report(json, human))
}

fn report_text(r: &PublishReport, now: DateTime<Utc>, tz: Tz, folder: Option<&Path>) -> String {
    if r.done.is_empty() && r.failed.is_empty() && r.cancelled == 0 {
        return format!("nothing was due at {}", time(now, tz));
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for o in &r.done {
        let verb = match o.kind {
            JobKind::Publish => "published",
            JobKind::Render => "rendered",
        };
        let mut detail = if o.late_ms >= LATE_MS {
            format!("late by {}", delay(o.late_ms))
        } else {
            "on time".to_string()
        };
        if let Some(page) = &o.page {
            detail.push_str(&format!(", {page}"));
        }
        rows.push(outcome_row(verb, o, tz, detail));
    }
    for o in &r.failed {
        let why = o.error.clone().unwrap_or_default();
        rows.push(outcome_row(
            "failed",
            o,
            tz,
            format!("{why} (tried again later)"),
        ));
    }
    let mut out = table(&rows);
    if r.cancelled > 0 {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "cancelled {} job{} no longer needed (the piece was unscheduled or withdrawn)",
            r.cancelled,
            if r.cancelled == 1 { "" } else { "s" }
        ));
    }
    if let Some(folder) = folder.filter(|_| !r.done.is_empty()) {
        out.push_str(&format!("\nsite: {}", folder.display()));
    }
    out
}

fn outcome_row(verb: &str, o: &JobOutcome, tz: Tz, detail: String) -> Vec<String> {
    vec![
        verb.to_string(),
        format!("due {}", time(o.due_at, tz)),
        format!("“{}”", o.headline),
        o.article_id.clone(),
        detail,
    ]
}

pub fn jobs(ctx: &Ctx, cmd: JobsCommand) -> CliResult<Reply> {
    let tz = ctx.tz()?;
    match cmd {
        JobsCommand::List { state, page } => {
            let state = state.as_deref().map(job_state).transpose()?;
            let p = ctx.call(ListJobs {
                state,
                after: page.after,
                limit: page.limit,
            })?;
            let mut human = if p.items.is_empty() {
                match state {
                    Some(s) => format!("no {s} publishing jobs"),
                    None => "no publishing jobs".to_string(),
                }
            } else {
                let mut rows = vec![vec![
                    "JOB".into(),
                    "STATE".into(),
                    "KIND".into(),
                    format!("DUE ({})", tz.name()),
                    "TRIES".into(),
                    "HEADLINE".into(),
                    "NOTE".into(),
                ]];
                rows.extend(p.items.iter().map(|j| job_row(j, tz)));
                table(&rows)
            };
            if let Some(more) = next_page(&p.next) {
                human.push('\n');
                human.push_str(&more);
            }
            Ok(Reply::new(to_json(&p)?, human))
        }
        JobsCommand::Retry { job } => {
            let j = ctx.call(RetryJob { id: job })?;
            // A publication is never retried before its own time.
            let when = if j.next_try_at > ctx.now() {
                format!("at {}", time(j.next_try_at, ctx.tz()?))
            } else {
                "now".to_string()
            };
            let human = format!(
                "job {} ({} “{}”) is due again {when}; the next publish-due carries it out",
                j.id, j.kind, j.headline
            );
            Ok(Reply::new(to_json(&j)?, human))
        }
    }
}

/// The core's job states, with the words a user reads when one is mistyped.
fn job_state(text: &str) -> CliResult<JobState> {
    text.parse().map_err(|_| {
        let known: Vec<&str> = JobState::ALL.iter().map(|s| s.as_str()).collect();
        Failure::invalid(format!(
            "unknown job state “{text}”: expected one of {}",
            known.join(", ")
        ))
    })
}

fn job_row(j: &PublishJob, tz: Tz) -> Vec<String> {
    let note = match j.state {
        JobState::Done => match j.late_ms {
            Some(ms) if ms >= LATE_MS => format!("late by {}", delay(ms)),
            _ => "on time".to_string(),
        },
        JobState::Failed => format!(
            "next try {}: {}",
            time(j.next_try_at, tz),
            j.error.as_deref().unwrap_or("no reason given")
        ),
        _ => String::new(),
    };
    vec![
        j.id.clone(),
        j.state.to_string(),
        j.kind.to_string(),
        time(j.due_at, tz),
        j.attempts.to_string(),
        j.headline.clone(),
        note,
    ]
}

pub fn site(ctx: &Ctx, cmd: SiteCommand) -> CliResult<Reply> {
    match cmd {
        SiteCommand::Build => {
            let rebuilt = ctx.call(RebuildSite {})?;
            let folder = ctx
                .call(PublishingSettingsOp {})?
                .publish_folder
                .unwrap_or_default();
            let human = format!("wrote {} pages to {folder}", rebuilt.pages);
            Ok(Reply::new(to_json(&rebuilt)?, human))
        }
    }
}
