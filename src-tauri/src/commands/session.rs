//! The window's own commands: which desk it shows and who is signed in on it.

use copydesk_core::api::{DeskSettings, DeskSettingsOp, NewDesk, SignInChoice, User};
use copydesk_core::{ApiError, ErrorCode};
use serde::Serialize;
use tauri::State as Managed;

use super::{on_desk, run};
use crate::error::{AppResult, stopped};
use crate::places::DeskPlace;
use crate::state::AppState;

/// What the window needs before anyone signs in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DeskStatus {
    /// The desk file this window works on (none on a team desk).
    pub db_path: Option<String>,
    /// Where the desk is: a file on this computer or a team desk's server.
    pub place: Option<DeskPlace>,
    /// `None` until the desk has been set up; on a team desk, until someone signs in.
    pub settings: Option<DeskSettings>,
    /// Who is signed in on this window, if anyone.
    pub user: Option<User>,
}

/// The desk, its settings once set up (a team desk's once signed in), and who is signed in.
#[tauri::command]
#[specta::specta]
pub async fn desk_status(app: Managed<'_, AppState>) -> AppResult<DeskStatus> {
    let db_path = app.db_path.as_ref().map(|p| p.display().to_string());
    let place = app.place.clone();
    if app.team().is_some() {
        let mut user = app.user().ok();
        let settings = match user {
            Some(_) => match run(&app, DeskSettingsOp {}).await {
                Ok(settings) => Some(settings),
                // The server ended the session meanwhile (revoked, expired): nobody is signed in.
                Err(e) if matches!(e.code, ErrorCode::Unauthenticated | ErrorCode::SignedOut) => {
                    user = None;
                    None
                }
                Err(e) => return Err(e),
            },
            None => None,
        };
        return Ok(DeskStatus {
            db_path,
            place,
            settings,
            user,
        });
    }
    let user = app.actor().ok().map(|a| a.user);
    let settings = on_desk(&app, |d| match d.is_initialised()? {
        true => Ok(Some(d.settings()?)),
        false => Ok(None),
    })
    .await?;
    Ok(DeskStatus {
        db_path,
        place,
        settings,
        user,
    })
}

/// Creates the desk and its chief editor, who is then signed in.
#[tauri::command]
#[specta::specta]
pub async fn init_desk(app: Managed<'_, AppState>, desk: NewDesk) -> AppResult<User> {
    if app.team().is_some() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "a team desk is set up on its server (`copydesk team init`), not from a window",
        ));
    }
    let actor = on_desk(&app, move |d| Ok(d.init(&desk)?)).await?;
    let user = actor.user.clone();
    app.set_actor(Some(actor));
    Ok(user)
}

/// The accounts to pick from on the sign-in screen (none on a team desk: there, everyone types
/// their name and passphrase).
#[tauri::command]
#[specta::specta]
pub async fn sign_in_choices(app: Managed<'_, AppState>) -> AppResult<Vec<SignInChoice>> {
    if app.team().is_some() {
        return Ok(Vec::new());
    }
    on_desk(&app, |d| Ok(d.sign_in_choices()?)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    app: Managed<'_, AppState>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<User> {
    if let Some(team) = app.team() {
        return tokio::task::spawn_blocking(move || team.sign_in(&name, passphrase.as_deref()))
            .await
            .map_err(stopped)?;
    }
    let actor = on_desk(&app, move |d| Ok(d.sign_in(&name, passphrase.as_deref())?)).await?;
    let user = actor.user.clone();
    app.set_actor(Some(actor));
    Ok(user)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(app: Managed<'_, AppState>) -> AppResult<()> {
    if let Some(team) = app.team() {
        return tokio::task::spawn_blocking(move || team.sign_out())
            .await
            .map_err(stopped);
    }
    app.set_actor(None);
    Ok(())
}
