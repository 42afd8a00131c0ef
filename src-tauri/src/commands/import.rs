//! Import from files on this computer: the window names them (the dialog, a drop), the shell
//! reads them, and the core's `preview_import` recognises each.

use std::path::Path;

use copydesk_core::ApiError;
use copydesk_core::api::{ImportFile, ImportOutcome, ImportPreview, Operation, PreviewImport};
use tauri::State as Managed;

use super::on_desk;
use crate::error::AppResult;
use crate::state::AppState;

/// Reads, recognises and matches each file at `paths`, in order (nothing is written): per file,
/// what a review starts from, or why it cannot be imported.
#[tauri::command]
#[specta::specta]
pub async fn preview_import_files(
    app: Managed<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<Vec<ImportOutcome<ImportPreview>>> {
    let actor = app.actor()?;
    on_desk(&app, move |d| {
        let files = paths
            .iter()
            .map(|p| ImportFile::load(Path::new(p)))
            .collect();
        PreviewImport { files }
            .run(d, &actor)
            .map_err(ApiError::from)
    })
    .await
}
