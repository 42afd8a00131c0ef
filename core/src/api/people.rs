//! The desk and its people: settings, accounts, the sample desk.

use super::operation;
use crate::desk::{NewUser, Session};
use crate::model::{DeskSettings, Role, User};
use crate::sample::SampleReport;

operation! {
    /// The desk's name, time zone and sections.
    DeskSettingsOp as "desk_settings" {} -> DeskSettings,
    errors: [],
    run: |desk, actor, _op| desk.desk_settings(actor)
}

operation! {
    /// The desk's accounts.
    ListUsers as "list_users" {} -> Vec<User>,
    errors: [],
    run: |desk, actor, _op| desk.list_users(actor)
}

operation! {
    /// Adds an account (the chief does): an editor, or a contributor's sign-in.
    AddUser as "add_user" {
        user: NewUser,
    } -> User,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.add_user(actor, &op.user)
}

operation! {
    /// Sets or clears a passphrase: the chief for anyone, everyone for themselves.
    SetPassphrase as "set_passphrase" {
        user: String,
        #[serde(default)]
        passphrase: Option<String>,
    } -> User,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.set_passphrase(actor, &op.user, op.passphrase.as_deref())
}

operation! {
    /// Changes a user's role (the chief does); the desk always keeps a chief.
    SetRole as "set_role" {
        user: String,
        role: Role,
    } -> User,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.set_role(actor, &op.user, op.role)
}

operation! {
    /// Fills a new desk with a readable sample: people, accounts and `articles` pieces in every
    /// state with their history (the chief does).
    FillSampleDesk as "fill_sample_desk" {
        articles: u32,
    } -> SampleReport,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.fill_sample(actor, op.articles as usize)
}

operation! {
    /// The sign-ins open now: everyone's for the chief, one's own for anyone else.
    ListSessions as "list_sessions" {} -> Vec<Session>,
    errors: [],
    run: |desk, actor, _op| desk.list_sessions(actor)
}

operation! {
    /// Ends a sign-in by its id: the chief ends anyone's, anyone their own; its token stops
    /// working at once.
    RevokeSession as "revoke_session" {
        id: String,
    } -> Session,
    errors: [NotFound],
    run: |desk, actor, op| desk.revoke_session(actor, &op.id)
}
