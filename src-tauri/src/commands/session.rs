//! The window's own commands: which desk it shows and who is signed in on it.

use copydesk_core::api::{DeskSettings, NewDesk, SignInChoice, User};
use serde::Serialize;
use tauri::State as Managed;

use super::on_desk;
use crate::error::AppResult;
use crate::state::AppState;

/// What the window needs before anyone signs in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DeskStatus {
    /// The desk file this window works on.
    pub db_path: Option<String>,
    /// `None` until the desk has been set up.
    pub settings: Option<DeskSettings>,
    /// Who is signed in on this window, if anyone.
    pub user: Option<User>,
}

/// The desk file, its settings once set up, and who is signed in here.
#[tauri::command]
#[specta::specta]
pub async fn desk_status(app: Managed<'_, AppState>) -> AppResult<DeskStatus> {
    let user = app.actor().ok().map(|a| a.user);
    let db_path = app.db_path.as_ref().map(|p| p.display().to_string());
    let settings = on_desk(&app, |d| match d.is_initialised()? {
        true => Ok(Some(d.settings()?)),
        false => Ok(None),
    })
    .await?;
    Ok(DeskStatus {
        db_path,
        settings,
        user,
    })
}

/// Creates the desk and its chief editor, who is then signed in.
#[tauri::command]
#[specta::specta]
pub async fn init_desk(app: Managed<'_, AppState>, desk: NewDesk) -> AppResult<User> {
    let actor = on_desk(&app, move |d| Ok(d.init(&desk)?)).await?;
    let user = actor.user.clone();
    app.set_actor(Some(actor));
    Ok(user)
}

/// The accounts to pick from on the sign-in screen.
#[tauri::command]
#[specta::specta]
pub async fn sign_in_choices(app: Managed<'_, AppState>) -> AppResult<Vec<SignInChoice>> {
    on_desk(&app, |d| Ok(d.sign_in_choices()?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    app: Managed<'_, AppState>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<User> {
    let actor = on_desk(&app, move |d| Ok(d.sign_in(&name, passphrase.as_deref())?)).await?;
    let user = actor.user.clone();
    app.set_actor(Some(actor));
    Ok(user)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(app: Managed<'_, AppState>) -> AppResult<()> {
    app.set_actor(None);
    Ok(())
}
