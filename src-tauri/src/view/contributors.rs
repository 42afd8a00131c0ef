//! Contributors as the directory and the byline picker show them.

use copydesk_core::model;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContributorKind {
    Staff,
    Guest,
}

impl From<model::ContributorKind> for ContributorKind {
    fn from(k: model::ContributorKind) -> Self {
        match k {
            model::ContributorKind::Staff => ContributorKind::Staff,
            model::ContributorKind::Guest => ContributorKind::Guest,
        }
    }
}

impl From<ContributorKind> for model::ContributorKind {
    fn from(k: ContributorKind) -> Self {
        match k {
            ContributorKind::Staff => model::ContributorKind::Staff,
            ContributorKind::Guest => model::ContributorKind::Guest,
        }
    }
}

/// A contributor. A contributor-role reader gets another contributor's email and private notes
/// blanked by the core.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Contributor {
    pub id: String,
    pub display_name: String,
    pub sort_name: String,
    pub email: Option<String>,
    pub affiliation: String,
    pub kind: ContributorKind,
    pub bio: String,
    pub links: Vec<String>,
    pub private_notes: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
}

impl From<model::Contributor> for Contributor {
    fn from(c: model::Contributor) -> Self {
        Contributor {
            id: c.id,
            display_name: c.display_name,
            sort_name: c.sort_name,
            email: c.email,
            affiliation: c.affiliation,
            kind: c.kind.into(),
            bio: c.bio,
            links: c.links,
            private_notes: c.private_notes,
            created_at: c.created_at.to_rfc3339(),
            updated_at: c.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ContributorPage {
    pub items: Vec<Contributor>,
    pub next: Option<String>,
}

impl From<model::Page<model::Contributor>> for ContributorPage {
    fn from(p: model::Page<model::Contributor>) -> Self {
        ContributorPage {
            items: p.items.into_iter().map(Into::into).collect(),
            next: p.next,
        }
    }
}

/// A new contributor, as the directory or the byline picker's inline form sends it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewContributor {
    pub display_name: String,
    pub email: Option<String>,
    pub affiliation: String,
    pub kind: ContributorKind,
    pub bio: String,
}

/// A contributor's profile as edited: every field, the core keeps what did not change (and a
/// bio change goes into the bio history).
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ContributorChanges {
    pub display_name: String,
    pub sort_name: String,
    pub email: Option<String>,
    pub affiliation: String,
    pub kind: ContributorKind,
    pub bio: String,
    pub links: Vec<String>,
    pub private_notes: String,
}

impl From<ContributorChanges> for copydesk_core::desk::ContributorEdit {
    fn from(c: ContributorChanges) -> Self {
        copydesk_core::desk::ContributorEdit {
            display_name: Some(c.display_name),
            sort_name: Some(c.sort_name),
            email: Some(c.email.filter(|e| !e.trim().is_empty())),
            affiliation: Some(c.affiliation),
            kind: Some(c.kind.into()),
            bio: Some(c.bio),
            links: Some(c.links),
            private_notes: Some(c.private_notes),
        }
    }
}

/// A bio as it read before an edit replaced it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BioVersion {
    pub bio: String,
    /// RFC 3339, UTC.
    pub replaced_at: String,
    pub replaced_by: Option<String>,
}

impl From<model::BioVersion> for BioVersion {
    fn from(b: model::BioVersion) -> Self {
        BioVersion {
            bio: b.bio,
            replaced_at: b.replaced_at.to_rfc3339(),
            replaced_by: b.replaced_by,
        }
    }
}
