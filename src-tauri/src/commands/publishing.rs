//! Scheduling, the calendar, the Publishing panel and the desk's publishing settings.

use chrono::{DateTime, Utc};
use copydesk_core::Desk;
use copydesk_core::desk::When;
use tauri::State as Managed;

use super::on_desk;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::view::{
    Article, CalendarView, DeskSettings, JobPage, JobState, PublishJob, PublishingSettings,
    SectionSettings,
};

fn instant(text: &str) -> AppResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            AppError::new(
                "invalid_input",
                format!("“{text}” is not an RFC 3339 instant"),
            )
        })
}

/// Schedules (or reschedules) an approved article at `at` (typed in the desk's zone, e.g.
/// "2026-12-01 08:00", or with an offset), or in its section's next free slot when `at` is null.
#[tauri::command]
#[specta::specta]
pub async fn schedule_article(
    app: Managed<'_, AppState>,
    id: String,
    at: Option<String>,
    note: Option<String>,
) -> AppResult<Article> {
    let actor = app.actor()?;
    let when = at.map_or(When::NextSlot, When::At);
    let schedule = move |d: &Desk| Ok(d.schedule_article(&actor, &id, &when, note)?);
    Ok(on_desk(&app, schedule).await?.into())
}

/// The section's next `count` free slots (RFC 3339, UTC).
#[tauri::command]
#[specta::specta]
pub async fn next_free_slots(
    app: Managed<'_, AppState>,
    section: String,
    count: u32,
) -> AppResult<Vec<String>> {
    let actor = app.actor()?;
    let n = count as usize;
    let slots = on_desk(&app, move |d| Ok(d.next_free_slots(&actor, &section, n)?)).await?;
    Ok(slots.into_iter().map(|t| t.to_rfc3339()).collect())
}

/// Pieces scheduled or published between two instants (RFC 3339), conflicts marked, with the
/// free slots.
#[tauri::command]
#[specta::specta]
pub async fn calendar(
    app: Managed<'_, AppState>,
    from: String,
    to: String,
) -> AppResult<CalendarView> {
    let actor = app.actor()?;
    let (from, to) = (instant(&from)?, instant(&to)?);
    Ok(on_desk(&app, move |d| Ok(d.calendar(&actor, from, to)?))
        .await?
        .into())
}

/// The outbox's jobs, latest due first, optionally in one state.
#[tauri::command]
#[specta::specta]
pub async fn list_jobs(
    app: Managed<'_, AppState>,
    state: Option<JobState>,
    after: Option<String>,
    limit: u32,
) -> AppResult<JobPage> {
    let actor = app.actor()?;
    let list =
        move |d: &Desk| Ok(d.list_jobs(&actor, state.map(Into::into), after.as_deref(), limit)?);
    Ok(on_desk(&app, list).await?.into())
}

/// Makes a failed job due now; the publisher takes it at once.
#[tauri::command]
#[specta::specta]
pub async fn retry_job(app: Managed<'_, AppState>, id: String) -> AppResult<PublishJob> {
    let actor = app.actor()?;
    Ok(on_desk(&app, move |d| Ok(d.retry_job(&actor, &id)?))
        .await?
        .into())
}

/// The publish folder and every section's limits and slots.
#[tauri::command]
#[specta::specta]
pub async fn publishing_settings(app: Managed<'_, AppState>) -> AppResult<PublishingSettings> {
    let actor = app.actor()?;
    Ok(on_desk(&app, move |d| Ok(d.publishing_settings(&actor)?))
        .await?
        .into())
}

/// Adds or changes a section: word limits and publication slots in one go (the chief does).
#[tauri::command]
#[specta::specta]
pub async fn put_section(
    app: Managed<'_, AppState>,
    section: SectionSettings,
) -> AppResult<DeskSettings> {
    let actor = app.actor()?;
    let (limits, lines) = section.into_parts();
    on_desk(&app, move |d| {
        d.put_section_plan(&actor, &limits, &lines)?;
        Ok(d.settings()?.into())
    })
    .await
}

/// Changes the desk's zone: every instant stays, only how it is shown changes.
#[tauri::command]
#[specta::specta]
pub async fn set_timezone(app: Managed<'_, AppState>, zone: String) -> AppResult<DeskSettings> {
    let actor = app.actor()?;
    Ok(on_desk(&app, move |d| Ok(d.set_timezone(&actor, &zone)?))
        .await?
        .into())
}

/// Sets the folder the site is published into; one that cannot be created is refused.
#[tauri::command]
#[specta::specta]
pub async fn set_publish_folder(app: Managed<'_, AppState>, folder: String) -> AppResult<String> {
    let actor = app.actor()?;
    let set = move |d: &Desk| Ok(d.set_publish_folder(&actor, std::path::Path::new(&folder))?);
    Ok(on_desk(&app, set).await?.display().to_string())
}
