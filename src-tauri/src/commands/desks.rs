//! Choosing a desk: the desks used on this computer, joining a team desk by its server's
//! address, going back to a desk file. Another desk is opened by starting the app again on it
//! (the window saves what is typed first), so a window never mixes two desks.

use copydesk_core::api::DeskSettingsOp;
use tauri::State as Managed;

use crate::error::{AppResult, stopped};
use crate::places::{DeskPlace, KnownDesk};
use crate::state::{AppState, db_path};
use crate::team::{ServerReach, TeamDesk};

/// The desks used on this computer, the last used first; on a team desk, the default desk file
/// too (`db_path()`), used or not, so that the way back to this computer is always offered.
#[tauri::command]
#[specta::specta]
pub async fn known_desks(app: Managed<'_, AppState>) -> AppResult<Vec<KnownDesk>> {
    Ok(app
        .remembered
        .offered(app.place.as_ref(), db_path().ok().as_deref()))
}

/// Joins the team desk at `server`: its address is checked (it must answer as a desk's server),
/// remembered with the desk left, and the app starts again on it, at its sign-in.
#[tauri::command]
#[specta::specta]
pub async fn join_team_desk(app: Managed<'_, AppState>, server: String) -> AppResult<()> {
    let place = tokio::task::spawn_blocking(move || {
        let team = TeamDesk::new(&server)?;
        team.check()?;
        Ok::<_, copydesk_core::ApiError>(DeskPlace::Team {
            server: team.server.clone(),
        })
    })
    .await
    .map_err(stopped)??;
    switch(&app, &place).await
}

/// Opens another desk used before (or a desk file by its path): remembered as the last used,
/// and the app starts again on it.
#[tauri::command]
#[specta::specta]
pub async fn use_desk(app: Managed<'_, AppState>, place: DeskPlace) -> AppResult<()> {
    switch(&app, &place).await
}

/// Leaves this desk for the one at `to`: both are remembered (the desk left under the name it
/// goes by, for the list, so that the way back is offered), `to` as the desk the app opens at
/// its next start (whatever its arguments or environment name), and the app starts again.
async fn switch(app: &AppState, to: &DeskPlace) -> AppResult<()> {
    let here_name = match (&app.place, app.team()) {
        (None, _) => None,
        (Some(_), Some(_)) => super::run(app, DeskSettingsOp {})
            .await
            .ok()
            .map(|s| s.name),
        (Some(_), None) => app
            .desk()
            .ok()
            .and_then(|d| d.settings().ok())
            .map(|s| s.name),
    };
    app.remembered
        .switch(app.place.as_ref(), here_name.as_deref(), to, app.now())?;
    app.restart.notify_one();
    Ok(())
}

/// Forgets a desk used before (a server that is gone); the desk itself is untouched.
#[tauri::command]
#[specta::specta]
pub async fn forget_desk(
    app: Managed<'_, AppState>,
    place: DeskPlace,
) -> AppResult<Vec<KnownDesk>> {
    app.remembered.forget(&place)
}

/// Whether the team desk's server answered the last time it was asked (always on a desk file).
#[tauri::command]
#[specta::specta]
pub async fn server_reach(app: Managed<'_, AppState>) -> AppResult<ServerReach> {
    Ok(app.team().map(|t| t.reach()).unwrap_or(ServerReach {
        online: true,
        problem: None,
    }))
}
