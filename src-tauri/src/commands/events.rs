//! The page's events, asked for (`page_events`): why not Tauri's, in crate::page_events.

use tauri::State as Managed;

use crate::error::AppResult;
use crate::page_events::{PageEventQueue, PageEvents};

/// The events after `seen` (the number the last call answered with), as soon as there is one;
/// without `seen`, at once, the number to start from.
#[tauri::command]
#[specta::specta]
pub async fn page_events(
    queue: Managed<'_, PageEventQueue>,
    seen: Option<u32>,
) -> AppResult<PageEvents> {
    Ok(queue.after(seen).await)
}
