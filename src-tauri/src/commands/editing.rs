//! Writing: starting a draft and saving the editor's text.

use copydesk_core::desk::{ArticleEdit, NewArticle};
use copydesk_core::model::SaveReason;
use tauri::State as Managed;

use super::on_desk;
use crate::error::AppResult;
use crate::state::AppState;
use crate::view::{Article, ArticleDraft};

/// Starts a draft; a contributor with nobody on the byline is put on it.
#[tauri::command]
#[specta::specta]
pub async fn create_article(app: Managed<'_, AppState>, draft: ArticleDraft) -> AppResult<Article> {
    let actor = app.actor()?;
    let new = NewArticle::from(draft);
    Ok(on_desk(&app, move |d| Ok(d.create_article(&actor, &new)?))
        .await?
        .into())
}

/// Saves the editor's text made on `base_version`. If the article moved on meanwhile the error's
/// code is `conflict` and nothing is written; the UI fetches the current version to compare.
#[tauri::command]
#[specta::specta]
pub async fn save_article(
    app: Managed<'_, AppState>,
    id: String,
    base_version: u32,
    draft: ArticleDraft,
    autosave: bool,
) -> AppResult<Article> {
    let actor = app.actor()?;
    let (edit, base) = (ArticleEdit::from(draft), i64::from(base_version));
    let reason = if autosave {
        SaveReason::Autosave
    } else {
        SaveReason::Save
    };
    let save = move |d: &copydesk_core::Desk| Ok(d.save_article(&actor, &id, base, &edit, reason)?);
    Ok(on_desk(&app, save).await?.into())
}
