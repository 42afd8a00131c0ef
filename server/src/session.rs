//! Signing in and out of a team desk.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use copydesk_core::api::{SignedIn, User};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::acting::{Acting, ClientAddress, bearer};
use crate::input::Input;
use crate::refusal::Refusal;
use crate::{Served, blocking};

/// A user's name and passphrase.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SignIn {
    pub name: String,
    pub passphrase: String,
}

pub async fn sign_in(
    State(served): State<Served>,
    ClientAddress(address): ClientAddress,
    Input(given): Input<SignIn>,
) -> Result<Json<SignedIn>, Refusal> {
    let desk = served.desk.clone();
    let signed_in =
        blocking(move || desk.open_session(&given.name, &given.passphrase, address.as_deref()))
            .await?;
    Ok(Json(signed_in))
}

/// Ends the session of the token sent: it stops working at once. Signing out twice is fine.
pub async fn sign_out(
    State(served): State<Served>,
    headers: HeaderMap,
) -> Result<StatusCode, Refusal> {
    let token = bearer(&headers)?;
    let desk = served.desk.clone();
    blocking(move || desk.close_session(&token)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The user the token acts as.
pub async fn who(acting: Acting) -> Json<User> {
    Json(acting.actor.user)
}
