//! Contributors: the directory, profiles with their bio history, merging.

use serde::{Deserialize, Serialize};

use super::operation;
use crate::desk::{ContributorEdit, NewContributor};
use crate::model::{BioVersion, Contributor, Page};

/// What a deletion answers: it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deleted {
    pub deleted: bool,
}

operation! {
    /// A page of the directory in sort-name order.
    ListContributors as "list_contributors" {
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<Contributor>,
    errors: [InvalidInput],
    run: |desk, actor, op| desk.list_contributors(actor, op.after.as_deref(), op.limit)
}

operation! {
    /// Contributors whose name starts with `query` (case and accents ignored), or with that
    /// email.
    FindContributors as "find_contributors" {
        query: String,
    } -> Vec<Contributor>,
    errors: [InvalidInput],
    run: |desk, actor, op| desk.find_contributors(actor, &op.query)
}

operation! {
    /// One contributor by id, email or name. A contributor reads others without their address
    /// or the desk's private notes.
    GetContributor as "get_contributor" {
        key: String,
    } -> Contributor,
    errors: [NotFound, InvalidInput],
    run: |desk, actor, op| desk.get_contributor(actor, &op.key)
}

operation! {
    /// Adds a contributor (an editor or the chief does).
    AddContributor as "add_contributor" {
        contributor: NewContributor,
    } -> Contributor,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.add_contributor(actor, &op.contributor)
}

operation! {
    /// Changes a profile; a changed bio goes into the bio history. A contributor edits only
    /// their own.
    EditContributor as "edit_contributor" {
        key: String,
        edit: ContributorEdit,
    } -> Contributor,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.edit_contributor(actor, &op.key, &op.edit)
}

operation! {
    /// The bios a contributor had before, newest first.
    ContributorBioHistory as "contributor_bio_history" {
        key: String,
    } -> Vec<BioVersion>,
    errors: [NotFound, InvalidInput],
    run: |desk, actor, op| desk.bio_history(actor, &op.key)
}

operation! {
    /// Folds contributor `from` into `into`: bylines, accounts and bio history move over and
    /// `from` is gone.
    MergeContributors as "merge_contributors" {
        from: String,
        into: String,
    } -> Contributor,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.merge_contributors(actor, &op.from, &op.into)
}

operation! {
    /// Deletes a contributor who has written nothing; one with articles is merged instead.
    DeleteContributor as "delete_contributor" {
        key: String,
    } -> Deleted,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| {
        desk.delete_contributor(actor, &op.key)?;
        Ok(Deleted { deleted: true })
    }
}
