//! The contributors directory, profiles, bios and merging.

use copydesk_core::desk::{ContributorEdit, NewContributor as CoreNewContributor};
use tauri::State as Managed;

use super::on_desk;
use crate::error::AppResult;
use crate::state::AppState;
use crate::view::{BioVersion, Contributor, ContributorChanges, ContributorPage, NewContributor};

/// A page of the directory in sort-name order.
#[tauri::command]
#[specta::specta]
pub async fn list_contributors(
    app: Managed<'_, AppState>,
    after: Option<String>,
    limit: u32,
) -> AppResult<ContributorPage> {
    let actor = app.actor()?;
    let list =
        move |d: &copydesk_core::Desk| Ok(d.list_contributors(&actor, after.as_deref(), limit)?);
    Ok(on_desk(&app, list).await?.into())
}

/// Contributors whose name starts with `query` (case and accents ignored), or with that email.
#[tauri::command]
#[specta::specta]
pub async fn find_contributors(
    app: Managed<'_, AppState>,
    query: String,
) -> AppResult<Vec<Contributor>> {
    let actor = app.actor()?;
    let found = on_desk(&app, move |d| Ok(d.find_contributors(&actor, &query)?)).await?;
    Ok(found.into_iter().map(Contributor::from).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn get_contributor(app: Managed<'_, AppState>, id: String) -> AppResult<Contributor> {
    let actor = app.actor()?;
    Ok(on_desk(&app, move |d| Ok(d.get_contributor(&actor, &id)?))
        .await?
        .into())
}

/// Adds a contributor (from the directory, or inline from the byline picker).
#[tauri::command]
#[specta::specta]
pub async fn add_contributor(
    app: Managed<'_, AppState>,
    contributor: NewContributor,
) -> AppResult<Contributor> {
    let actor = app.actor()?;
    let add = move |d: &copydesk_core::Desk| {
        let c = &contributor;
        Ok(d.add_contributor(
            &actor,
            &CoreNewContributor {
                display_name: &c.display_name,
                sort_name: None,
                email: c.email.as_deref().filter(|e| !e.trim().is_empty()),
                affiliation: &c.affiliation,
                kind: c.kind.into(),
                bio: &c.bio,
                links: Vec::new(),
                private_notes: "",
            },
        )?)
    };
    Ok(on_desk(&app, add).await?.into())
}

/// Saves a profile; a changed bio goes into the bio history.
#[tauri::command]
#[specta::specta]
pub async fn edit_contributor(
    app: Managed<'_, AppState>,
    id: String,
    changes: ContributorChanges,
) -> AppResult<Contributor> {
    let actor = app.actor()?;
    let edit = ContributorEdit::from(changes);
    let save = move |d: &copydesk_core::Desk| Ok(d.edit_contributor(&actor, &id, &edit)?);
    Ok(on_desk(&app, save).await?.into())
}

/// The bios a contributor had before, newest first.
#[tauri::command]
#[specta::specta]
pub async fn contributor_bio_history(
    app: Managed<'_, AppState>,
    id: String,
) -> AppResult<Vec<BioVersion>> {
    let actor = app.actor()?;
    let history = on_desk(&app, move |d| Ok(d.bio_history(&actor, &id)?)).await?;
    Ok(history.into_iter().map(BioVersion::from).collect())
}

/// Folds contributor `from` into `into`: bylines move over and `from` is gone.
#[tauri::command]
#[specta::specta]
pub async fn merge_contributors(
    app: Managed<'_, AppState>,
    from: String,
    into: String,
) -> AppResult<Contributor> {
    let actor = app.actor()?;
    let merge = move |d: &copydesk_core::Desk| Ok(d.merge_contributors(&actor, &from, &into)?);
    Ok(on_desk(&app, merge).await?.into())
}
