//! Ctrl+K search and the activity log.

use copydesk_core::Desk;
use copydesk_core::desk::SearchFilter;
use tauri::State as Managed;

use super::on_desk;
use crate::error::AppResult;
use crate::state::AppState;
use crate::view::{AuditPage, ContributorHit, SearchPage};

/// Articles matching every word of `text`, best first, with highlighted snippets.
#[tauri::command]
#[specta::specta]
pub async fn search_articles(
    app: Managed<'_, AppState>,
    text: String,
    after: Option<String>,
    limit: u32,
) -> AppResult<SearchPage> {
    let actor = app.actor()?;
    let filter = SearchFilter::default();
    let search = move |d: &Desk| Ok(d.search(&actor, &text, &filter, after.as_deref(), limit)?);
    Ok(on_desk(&app, search).await?.into())
}

/// Contributors whose name, affiliation or bio match every word of `text`.
#[tauri::command]
#[specta::specta]
pub async fn search_contributors(
    app: Managed<'_, AppState>,
    text: String,
    limit: u32,
) -> AppResult<Vec<ContributorHit>> {
    let actor = app.actor()?;
    let hits = on_desk(&app, move |d| {
        Ok(d.search_contributors(&actor, &text, limit)?)
    })
    .await?;
    Ok(hits.into_iter().map(ContributorHit::from).collect())
}

/// The desk's audit log, newest first, optionally for one article (id) or one user (name or id).
#[tauri::command]
#[specta::specta]
pub async fn audit_log(
    app: Managed<'_, AppState>,
    article: Option<String>,
    user: Option<String>,
    after: Option<String>,
    limit: u32,
) -> AppResult<AuditPage> {
    let actor = app.actor()?;
    let (article, user) = (
        article.filter(|a| !a.is_empty()),
        user.filter(|u| !u.is_empty()),
    );
    let audit = move |d: &Desk| {
        Ok(d.audit(
            &actor,
            article.as_deref(),
            user.as_deref(),
            after.as_deref(),
            limit,
        )?)
    };
    Ok(on_desk(&app, audit).await?.into())
}
