//! The names on the sign-in screen.
//!
//! Signing in needs a name before there is an Actor, and the core's `Desk::list_users` wants an
//! Actor; the core has no sign-in listing yet, so this reads the account list through the core's
//! store and hands out only what picking an account needs (name, role, whether a passphrase is
//! asked). `Desk::sign_in` still decides who gets in. When the core grows a sign-in listing, this
//! file becomes one call to it.

use copydesk_core::Desk;
use copydesk_core::store::users;

use crate::error::AppResult;
use crate::view::SignInChoice;

pub fn choices(desk: &Desk) -> AppResult<Vec<SignInChoice>> {
    let rows = desk.store().read(|tx| users::list(tx))?;
    Ok(rows
        .into_iter()
        .map(|row| SignInChoice {
            name: row.user.name,
            role: row.user.role.into(),
            has_passphrase: row.user.has_passphrase,
        })
        .collect())
}
