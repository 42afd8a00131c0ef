//! Who a request acts as: the user of the session its bearer token opened. The core checks that
//! user's role on every operation exactly as it does on a desk file.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use copydesk_core::{Actor, ErrorCode};

use crate::refusal::Refusal;
use crate::{Served, blocking};

pub struct Acting {
    pub actor: Actor,
    pub token: String,
}

/// The token of `Authorization: Bearer TOKEN`.
pub fn bearer(headers: &HeaderMap) -> Result<String, Refusal> {
    let missing = || {
        Refusal::new(
            ErrorCode::Unauthenticated,
            "sign in first: send the token POST /api/session gave as `Authorization: Bearer TOKEN`",
        )
    };
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(missing)?
        .to_str()
        .map_err(|_| missing())?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(missing)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(missing());
    }
    Ok(token.to_string())
}

impl FromRequestParts<Served> for Acting {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, served: &Served) -> Result<Self, Refusal> {
        let token = bearer(&parts.headers)?;
        let desk = served.desk.clone();
        let given = token.clone();
        let actor = blocking(move || desk.session_actor(&given)).await?;
        Ok(Acting { actor, token })
    }
}

/// Where a request comes from, for slowing down failed sign-ins: the peer, or the address a
/// proxy on this machine (a loopback peer) says it forwarded for.
pub fn client_address(parts: &Parts) -> Option<String> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())?;
    if peer.is_loopback()
        && let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok())
    {
        return Some(forwarded.to_string());
    }
    Some(peer.to_string())
}

/// The request's client address, as `client_address` reads it.
pub struct ClientAddress(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts)))
    }
}
