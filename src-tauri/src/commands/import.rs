//! Import from files on this computer: the window names them (the dialog, a drop), the shell
//! reads them, and the core's `preview_import` recognises each.

use std::path::Path;

use copydesk_core::api::{ImportFile, ImportOutcome, ImportPreview, PreviewImport};
use tauri::State as Managed;

use super::run;
use crate::error::{AppResult, stopped};
use crate::state::AppState;

/// Reads, recognises and matches each file at `paths`, in order (nothing is written): per file,
/// what a review starts from, or why it cannot be imported.
#[tauri::command]
#[specta::specta]
pub async fn preview_import_files(
    app: Managed<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<Vec<ImportOutcome<ImportPreview>>> {
    // Read here, on this computer, whatever desk the window works on.
    let files = tokio::task::spawn_blocking(move || {
        paths
            .iter()
            .map(|p| ImportFile::load(Path::new(p)))
            .collect()
    })
    .await
    .map_err(stopped)?;
    run(&app, PreviewImport { files }).await
}
