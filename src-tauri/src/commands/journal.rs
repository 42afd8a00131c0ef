//! The journal of unsaved text (`copydesk_core::journal`): the editor keeps every edit here
//! before it says anything but "unsaved", and the text is offered back until the desk confirms
//! a save of it. Kept per desk and per writer signed in on this window.

use copydesk_core::ErrorCode;
use copydesk_core::api::{ArticleEdit, SaveArticle};
use copydesk_core::journal::JournalEntry;
use serde::Serialize;
use tauri::State as Managed;

use crate::error::{AppResult, stopped};
use crate::state::AppState;

/// Runs `f` on the journal, for the writer signed in last on this window and desk (kept on a
/// team desk whose server ended the session: keeping text never needs the server), off the UI
/// thread.
async fn on_journal<T: Send + 'static>(
    app: &AppState,
    f: impl FnOnce(&copydesk_core::journal::Journal, &str, &str) -> copydesk_core::Result<T>
    + Send
    + 'static,
) -> AppResult<T> {
    let (journal, user, desk) = (app.journal()?, app.journal_user()?, app.desk_key());
    tokio::task::spawn_blocking(move || Ok(f(&journal, &desk, &user.id)?))
        .await
        .map_err(stopped)?
}

/// Keeps the editor's whole text for an article, typed on `base_version`; written to the disk
/// before it answers.
#[tauri::command]
#[specta::specta]
pub async fn journal_keep(
    app: Managed<'_, AppState>,
    article_id: String,
    base_version: u32,
    edit: ArticleEdit,
) -> AppResult<()> {
    let written_at = app.now();
    on_journal(&app, move |j, desk, user| {
        let entry = JournalEntry {
            article_id,
            base_version: i64::from(base_version),
            edit,
            written_at,
        };
        j.keep(desk, user, &entry)
    })
    .await
}

/// Everything kept on this computer for the signed-in writer on this desk, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn journal_list(app: Managed<'_, AppState>) -> AppResult<Vec<JournalEntry>> {
    on_journal(&app, |j, desk, user| j.list(desk, user)).await
}

/// The desk confirmed a save of `saved`: the kept text goes unless newer text was typed since.
#[tauri::command]
#[specta::specta]
pub async fn journal_settle(
    app: Managed<'_, AppState>,
    article_id: String,
    saved: ArticleEdit,
) -> AppResult<bool> {
    on_journal(&app, move |j, desk, user| {
        j.settle(desk, user, &article_id, &saved)
    })
    .await
}

/// The writer threw the kept text away.
#[tauri::command]
#[specta::specta]
pub async fn journal_discard(app: Managed<'_, AppState>, article_id: String) -> AppResult<()> {
    on_journal(&app, move |j, desk, user| {
        j.discard(desk, user, &article_id)
    })
    .await
}

/// What sending the kept text to the desk found.
#[derive(Debug, Clone, Default, Serialize, specta::Type)]
pub struct SentKept {
    /// Articles whose kept text is now saved on the desk (and gone from the journal).
    pub sent: Vec<String>,
    /// Articles changed elsewhere since the text was typed: kept, for the conflict view when
    /// the article is opened.
    pub conflicts: Vec<String>,
    /// Articles the desk refused the text of (no longer the writer's to change, say): kept, and
    /// offered back when opened, with the desk's words.
    pub refused: Vec<String>,
    /// Articles not tried, because the desk stopped answering: kept, for the next try.
    pub waiting: Vec<String>,
}

/// Sends the text kept on this computer to the desk, oldest first, as autosaves on the
/// versions it was typed on, but for the articles in `except` (open in this window, whose
/// editor sends its own). What the desk confirms leaves the journal; nothing else does.
#[tauri::command]
#[specta::specta]
pub async fn journal_send(app: Managed<'_, AppState>, except: Vec<String>) -> AppResult<SentKept> {
    let entries = on_journal(&app, |j, desk, user| j.list(desk, user)).await?;
    let mut out = SentKept::default();
    let mut away = false;
    for entry in entries
        .into_iter()
        .filter(|e| !except.contains(&e.article_id))
    {
        let id = entry.article_id.clone();
        if away {
            out.waiting.push(id);
            continue;
        }
        let save = SaveArticle {
            id: id.clone(),
            base_version: entry.base_version,
            edit: entry.edit.clone(),
            autosave: true,
        };
        match super::run(&app, save).await {
            Ok(_) => {
                let edit = entry.edit;
                let article = id.clone();
                on_journal(&app, move |j, desk, user| {
                    j.settle(desk, user, &article, &edit)
                })
                .await?;
                out.sent.push(id);
            }
            Err(e) if e.code == ErrorCode::Conflict => out.conflicts.push(id),
            Err(e) if matches!(e.code, ErrorCode::Unavailable | ErrorCode::Busy) => {
                away = true;
                out.waiting.push(id);
            }
            Err(e) if e.code == ErrorCode::SignedOut || e.code == ErrorCode::Unauthenticated => {
                return Err(e);
            }
            Err(_) => out.refused.push(id),
        }
    }
    Ok(out)
}
