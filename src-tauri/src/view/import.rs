//! Import as the review sheet shows it: what each file was recognised as, with its authors matched
//! to the contributors on file; the drafts the editor corrected there; and what each file became.

use copydesk_core::desk as core;
use copydesk_core::import::Format;
use serde::{Deserialize, Serialize};

use super::DiffPart;
use crate::error::AppError;

/// The kind of file a submission was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    Text,
    Markdown,
    Docx,
    Html,
}

impl From<Format> for ImportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => ImportFormat::Text,
            Format::Markdown => ImportFormat::Markdown,
            Format::Docx => ImportFormat::Docx,
            Format::Html => ImportFormat::Html,
        }
    }
}

/// How an author found in a file was matched to a contributor on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Email,
    Name,
}

/// The contributor on file an author found in a file is.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExistingContributor {
    pub id: String,
    pub display_name: String,
    pub matched_by: MatchedBy,
    /// The profile's bio now.
    pub bio: String,
    /// The bio found in the file differs from the profile's: it is printed under this piece, and
    /// offered as an update of the profile that is never applied unasked.
    pub bio_differs: bool,
    /// The update offered: the file's bio against the profile's, word by word.
    pub bio_change: Vec<DiffPart>,
}

/// An author as found in a file.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BylineMatch {
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    /// The bio found in the file.
    pub bio: Option<String>,
    /// The contributor on file this author is; `None`: a new guest would be created.
    pub existing: Option<ExistingContributor>,
}

/// What import recognised in one file; nothing is written until the drafts are committed.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportPreview {
    pub file: String,
    pub format: ImportFormat,
    pub headline: String,
    pub standfirst: String,
    /// Markdown.
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<BylineMatch>,
    /// Site furniture left out of the body.
    pub dropped: Vec<String>,
    pub warnings: Vec<String>,
}

impl From<core::ImportPreview> for ImportPreview {
    fn from(p: core::ImportPreview) -> Self {
        ImportPreview {
            file: p.file,
            format: p.format.into(),
            headline: p.headline,
            standfirst: p.standfirst,
            body: p.body,
            section: p.section,
            tags: p.tags,
            byline: p
                .byline
                .into_iter()
                .map(|m| BylineMatch {
                    name: m.name,
                    email: m.email,
                    affiliation: m.affiliation,
                    bio: m.bio,
                    existing: m.existing.map(|e| ExistingContributor {
                        id: e.id,
                        display_name: e.display_name,
                        matched_by: match e.matched_by {
                            core::MatchedBy::Email => MatchedBy::Email,
                            core::MatchedBy::Name => MatchedBy::Name,
                        },
                        bio: e.bio,
                        bio_change: e.bio_change.into_iter().map(DiffPart::from).collect(),
                        bio_differs: e.bio_differs,
                    }),
                })
                .collect(),
            dropped: p.dropped,
            warnings: p.warnings,
        }
    }
}

/// One file of a preview: what it would import as, or why it cannot be imported.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportFilePreview {
    /// The path as the window sent it.
    pub path: String,
    /// The file's name, as messages name it.
    pub file: String,
    pub preview: Option<ImportPreview>,
    pub error: Option<AppError>,
}

/// One file as the editor commits it, corrected in the review sheet.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ImportDraft {
    pub file: String,
    pub headline: String,
    pub standfirst: String,
    /// Markdown.
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<ImportByline>,
}

/// A byline author as the editor commits them.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ImportByline {
    /// A contributor on file, by id; `None` creates a guest from the fields below.
    pub contributor_id: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    /// The bio printed under this piece; blank follows the contributor's profile.
    pub bio: Option<String>,
    /// Also make `bio` the profile's bio.
    pub update_profile_bio: bool,
}

impl From<ImportDraft> for core::ImportDraft {
    fn from(d: ImportDraft) -> Self {
        core::ImportDraft {
            file: d.file,
            headline: d.headline,
            standfirst: d.standfirst,
            body: d.body,
            section: d.section,
            tags: d.tags,
            byline: d
                .byline
                .into_iter()
                .map(|b| core::ImportByline {
                    contributor_id: b.contributor_id,
                    name: b.name,
                    email: b.email,
                    affiliation: b.affiliation,
                    bio: b.bio,
                    update_profile_bio: b.update_profile_bio,
                })
                .collect(),
        }
    }
}

/// A byline contributor of an imported article.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportedContributor {
    pub id: String,
    pub name: String,
    /// A new guest was created.
    pub created: bool,
    pub profile_bio_updated: bool,
}

/// What one committed file became: a submitted article.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Imported {
    pub file: String,
    pub article_id: String,
    pub headline: String,
    pub contributors: Vec<ImportedContributor>,
}

impl From<core::Imported> for Imported {
    fn from(i: core::Imported) -> Self {
        Imported {
            file: i.file,
            article_id: i.article_id,
            headline: i.headline,
            contributors: i
                .contributors
                .into_iter()
                .map(|c| ImportedContributor {
                    id: c.id,
                    name: c.name,
                    created: c.created,
                    profile_bio_updated: c.profile_bio_updated,
                })
                .collect(),
        }
    }
}

/// One draft of a commit: the article it became, or why nothing of it was written.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportCommitResult {
    pub file: String,
    pub imported: Option<Imported>,
    pub error: Option<AppError>,
}
