//! The app's publisher: a task that sleeps until the next publish job is due (not a fixed poll),
//! publishes it through the core's outbox, and tells the windows and the desktop. Another app or
//! a cron `copydesk publish-due` may publish the same desk: the core's claims keep it exactly once.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use copydesk_core::desk::{JobOutcome, PublishReport};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::state::DeskSlot;

/// The longest sleep: a job scheduled by the CLI is seen at the latest after this, even if the
/// file watcher missed it.
const AT_MOST: Duration = Duration::from_secs(60);

/// The jobs this app's publisher carried out or saw fail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct PublishingDone {
    pub done: Vec<JobOutcome>,
    /// Each with its error.
    pub failed: Vec<JobOutcome>,
}

/// Starts the publisher; `wake` is notified whenever the desk changes, so a new or moved job is
/// taken into account at once. A desk that could not be opened is tried again each round.
pub fn start<R: Runtime>(
    app: AppHandle<R>,
    slot: DeskSlot,
    path: Option<PathBuf>,
    wake: Arc<Notify>,
) {
    tauri::async_runtime::spawn(async move {
        loop {
            let (s, p) = (slot.clone(), path.clone());
            let round = tokio::task::spawn_blocking(move || {
                let desk = s.open_or_retry(p.as_deref()).ok()?;
                let report = desk.publish_due();
                let next = desk.next_job_due().ok().flatten();
                Some((report, next.map(|due| due - desk.now())))
            })
            .await;
            let until_next = match round {
                Ok(Some((report, until_next))) => {
                    match report {
                        Ok(report) => announce(&app, &report),
                        Err(e) => log_error(&format!("publishing stopped: {e}")),
                    }
                    until_next
                }
                Ok(None) => None,
                Err(e) => {
                    log_error(&format!("the publisher panicked: {e}"));
                    None
                }
            };
            let wait = until_next
                .map_or(AT_MOST, |d| d.to_std().unwrap_or(Duration::ZERO))
                .min(AT_MOST);
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = wake.notified() => {}
            }
        }
    });
}

fn announce<R: Runtime>(app: &AppHandle<R>, report: &PublishReport) {
    if report.done.is_empty() && report.failed.is_empty() {
        return;
    }
    let event = PublishingDone {
        done: report.done.clone(),
        failed: report.failed.clone(),
    };
    for job in &event.done {
        notify(app, "Published", &job.headline);
    }
    for job in &event.failed {
        let why = job.error.as_deref().unwrap_or("no reason given");
        notify(
            app,
            "Publishing failed",
            &format!("{}: {why}", job.headline),
        );
    }
    crate::page_events::tell(app, crate::page_events::PageEvent::PublishingDone(event));
}

fn notify<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str) {
    // A desktop without a notification service still gets the Publishing panel's word.
    let _ = app.notification().builder().title(title).body(body).show();
}

fn log_error(message: &str) {
    eprintln!("copydesk: {message}");
}
