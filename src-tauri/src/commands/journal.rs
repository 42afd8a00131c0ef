//! The journal of unsaved text (`copydesk_core::journal`): the editor keeps every edit here
//! before it says anything but "unsaved", and the text is offered back until the desk confirms
//! a save of it. Kept per desk and per writer signed in on this window.

use copydesk_core::api::{ArticleEdit, SaveArticle};
use copydesk_core::journal::{JournalEntry, SentKept};
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

/// Sends the text kept on this computer to the desk, oldest first, but for the articles in
/// `except` (open in this window, whose editor sends its own); what the desk confirms leaves the
/// journal (`Journal::send` says how each answer is taken).
#[tauri::command]
#[specta::specta]
pub async fn journal_send(app: Managed<'_, AppState>, except: Vec<String>) -> AppResult<SentKept> {
    let (journal, user, desk) = (app.journal()?, app.journal_user()?, app.desk_key());
    let door = super::Door::of(&app)?;
    tokio::task::spawn_blocking(move || {
        journal.send(&desk, &user.id, &except, |kept| {
            let save = SaveArticle {
                id: kept.article_id.clone(),
                base_version: kept.base_version,
                edit: kept.edit.clone(),
                autosave: true,
            };
            door.run(save).map(drop)
        })
    })
    .await
    .map_err(stopped)?
}
