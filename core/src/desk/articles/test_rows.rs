//! Rows for the unit tests of the pure decisions (who may edit, what a save plans), made without
//! a store: a contributor-role or staff user writing as contributor 7, and an article in a state.

use chrono::{DateTime, Utc};

use crate::model::{Role, State, User};
use crate::store::articles::ArticleRow;
use crate::store::users::UserRow;

pub(super) fn user(role: Role) -> UserRow {
    UserRow {
        pk: 1,
        contributor_pk: Some(7),
        passphrase_hash: None,
        user: User {
            id: "u".into(),
            name: "Jane".into(),
            role,
            has_passphrase: false,
            contributor_id: Some("c".into()),
            created_at: DateTime::<Utc>::MIN_UTC,
        },
    }
}

/// "Water", two words, at version 4; published pieces carry a publication time.
pub(super) fn article(state: State) -> ArticleRow {
    ArticleRow {
        pk: 3,
        id: "a".into(),
        slug: "water".into(),
        headline: "Water".into(),
        standfirst: "S".into(),
        body: "one two".into(),
        section: None,
        tags: vec![],
        state,
        version: 4,
        word_count: 2,
        assigned_editor: None,
        approved_by: None,
        embargo_until: None,
        scheduled_at: None,
        published_at: (state == State::Published).then_some(DateTime::<Utc>::MIN_UTC),
        created_by: 1,
        created_at: DateTime::<Utc>::MIN_UTC,
        updated_at: DateTime::<Utc>::MIN_UTC,
        state_changed_at: DateTime::<Utc>::MIN_UTC,
    }
}
