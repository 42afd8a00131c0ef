//! Import: files read and recognised for the review sheet, then the drafts corrected there
//! written, each file its own core call (its own transaction). One bad file never fails the batch;
//! a user who may not import is refused the whole call.

use std::path::Path;

use copydesk_core::desk::ImportDraft as CoreDraft;
use copydesk_core::{Error, import};
use tauri::State as Managed;

use super::on_desk;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::view::{ImportCommitResult, ImportDraft, ImportFilePreview};

/// Reads, recognises and matches each file (nothing is written): per path, its preview or the
/// words for why it cannot be imported.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    app: Managed<'_, AppState>,
    paths: Vec<String>,
) -> AppResult<Vec<ImportFilePreview>> {
    let actor = app.actor()?;
    on_desk(&app, move |d| {
        let preview = |path: &str, file: &str| {
            let bytes = import::load_file(Path::new(path)).map_err(|e| Error::BadFile {
                file: file.to_owned(),
                problem: e.0,
            })?;
            d.preview_import(&actor, file, &bytes)
        };
        paths
            .into_iter()
            .map(|path| {
                let file = file_name(&path);
                let (preview, error) = per_file(preview(&path, &file))?;
                Ok(ImportFilePreview {
                    path,
                    file,
                    preview,
                    error,
                })
            })
            .collect()
    })
    .await
}

/// Writes each reviewed file as a submitted article, in order, one transaction each: per draft,
/// what it became or why nothing of it was written.
#[tauri::command]
#[specta::specta]
pub async fn commit_import(
    app: Managed<'_, AppState>,
    drafts: Vec<ImportDraft>,
) -> AppResult<Vec<ImportCommitResult>> {
    let actor = app.actor()?;
    on_desk(&app, move |d| {
        drafts
            .into_iter()
            .map(|draft| {
                let draft = CoreDraft::from(draft);
                let (imported, error) = per_file(d.commit_import(&actor, &draft))?;
                Ok(ImportCommitResult {
                    file: draft.file,
                    imported,
                    error,
                })
            })
            .collect()
    })
    .await
}

/// The last part of a path, as the desk names the file in its messages.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// One file's outcome, kept beside the others; who may import is no property of a file, so a
/// refusal of the user stops the whole call.
fn per_file<T, V: From<T>>(
    outcome: copydesk_core::Result<T>,
) -> AppResult<(Option<V>, Option<AppError>)> {
    match outcome {
        Ok(value) => Ok((Some(value.into()), None)),
        Err(e @ (Error::Forbidden(_) | Error::Unauthenticated(_))) => Err(e.into()),
        Err(e) => Ok((None, Some(e.into()))),
    }
}
