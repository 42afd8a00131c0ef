//! Import into the desk: a submission's recognised parts matched to the contributors on file and
//! written as a submitted article, one transaction per file.

use serde::{Deserialize, Serialize};

use super::articles::{BylineEntry, NewArticle, clean_section, insert_article};
use super::contributors::{NewContributor, insert_contributor, replace_bio};
use super::moves::{MoveArgs, MoveIds, apply_move};
use super::revisions::{DiffPart, word_diff};
use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::import::{self, Format, FoundAuthor};
use crate::model::{Action, Contributor, Role};
use crate::store::Tx;
use crate::store::users::UserRow;
use crate::text::{fold, one_line};

/// What import recognised in one file, with each author matched to the desk's contributors:
/// the review sheet shows it and the editor corrects it before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportPreview {
    pub file: String,
    pub format: Format,
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<BylineMatch>,
    /// Site furniture left out of the body.
    pub dropped: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BylineMatch {
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    /// The bio found in the submission.
    pub bio: Option<String>,
    /// The contributor on file this author is; `None`: a new guest would be created.
    pub existing: Option<ExistingContributor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Email,
    Name,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExistingContributor {
    pub id: String,
    pub display_name: String,
    pub matched_by: MatchedBy,
    /// The profile's bio now.
    pub bio: String,
    /// The submission's bio differs from the profile's: it is printed under this piece, and
    /// offered as an update of the profile that is never applied unasked.
    pub bio_differs: bool,
    /// The update offered: the submission's bio against the profile's, word by word.
    pub bio_change: Vec<DiffPart>,
}

/// One file as the editor commits it, corrected in the review.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportDraft {
    pub file: String,
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<ImportByline>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportByline {
    /// A contributor on file, by id; `None` creates a guest from the fields below.
    pub contributor_id: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    /// The bio printed under this piece; blank follows the contributor's profile.
    pub bio: Option<String>,
    /// Also make `bio` the profile's bio (the suggested update, accepted).
    pub update_profile_bio: bool,
}

/// What one committed file became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Imported {
    pub file: String,
    pub article_id: String,
    pub headline: String,
    pub contributors: Vec<ImportedContributor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportedContributor {
    pub id: String,
    pub name: String,
    pub created: bool,
    pub profile_bio_updated: bool,
}

impl ImportPreview {
    /// The draft the preview stands for, as an editor who accepts every recognition commits it.
    pub fn to_draft(&self, update_profile_bios: bool) -> ImportDraft {
        ImportDraft {
            file: self.file.clone(),
            headline: self.headline.clone(),
            standfirst: self.standfirst.clone(),
            body: self.body.clone(),
            section: self.section.clone(),
            tags: self.tags.clone(),
            byline: self
                .byline
                .iter()
                .map(|m| ImportByline {
                    contributor_id: m.existing.as_ref().map(|e| e.id.clone()),
                    name: m.name.clone(),
                    email: m.email.clone(),
                    affiliation: m.affiliation.clone(),
                    bio: m.bio.clone(),
                    update_profile_bio: update_profile_bios
                        && m.existing.as_ref().is_some_and(|e| e.bio_differs),
                })
                .collect(),
        }
    }
}

fn bad_file(file: &str, problem: import::BadFile) -> Error {
    Error::BadFile {
        file: file.to_string(),
        problem: problem.0,
    }
}

/// An author is a contributor on file by email first, then by name (case, accents and spacing
/// ignored); a name two contributors share matches neither.
fn match_author(conn: &dyn Tx, a: &FoundAuthor) -> Result<Option<(i64, Contributor, MatchedBy)>> {
    if let Some(email) = a.email.as_deref().map(|e| e.trim().to_lowercase())
        && let Some((pk, c)) = conn.contributors().get_by_email(&email)?
    {
        return Ok(Some((pk, c, MatchedBy::Email)));
    }
    let key = fold(&a.name);
    let mut same: Vec<_> = conn
        .contributors()
        .find_by_name_key(&key, 3)?
        .into_iter()
        .filter(|(_, c)| fold(&c.display_name) == key)
        .collect();
    Ok(match (same.pop(), same.is_empty()) {
        (Some((pk, c)), true) => Some((pk, c, MatchedBy::Name)),
        _ => None,
    })
}

fn same_bio(a: &str, b: &str) -> bool {
    one_line(a) == one_line(b)
}

impl Desk {
    /// Reads and recognises one file and matches its authors; writes nothing.
    pub fn preview_import(
        &self,
        actor: &Actor,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportPreview> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "import submissions")?;
            let doc = import::read(file_name, bytes).map_err(|e| bad_file(file_name, e))?;
            let rec = import::recognise(&doc).map_err(|e| bad_file(file_name, e))?;
            let mut byline = Vec::new();
            for a in &rec.authors {
                let existing = match_author(tx, a)?.map(|(_, c, matched_by)| {
                    let found = a.bio.as_deref().filter(|b| !same_bio(b, &c.bio));
                    ExistingContributor {
                        id: c.id,
                        display_name: c.display_name,
                        matched_by,
                        bio_differs: found.is_some(),
                        bio_change: found.map_or_else(Vec::new, |b| word_diff(&c.bio, b)),
                        bio: c.bio,
                    }
                });
                byline.push(BylineMatch {
                    name: a.name.clone(),
                    email: a.email.clone(),
                    affiliation: a.affiliation.clone(),
                    bio: a.bio.clone(),
                    existing,
                });
            }
            let mut warnings = rec.warnings;
            // A section the desk does not have would refuse the whole file: the review picks one.
            let section = match rec.section {
                Some(name) => match clean_section(tx, Some(&name)) {
                    Ok(known) => known,
                    Err(Error::Invalid { message: why, .. }) => {
                        warnings.push(format!("section left empty: {why}"));
                        None
                    }
                    Err(other) => return Err(other),
                },
                None => None,
            };
            Ok(ImportPreview {
                file: file_name.to_string(),
                format: doc.format,
                headline: rec.headline,
                standfirst: rec.standfirst,
                body: rec.body,
                section,
                tags: rec.tags,
                byline,
                dropped: rec.dropped,
                warnings,
            })
        })
    }

    /// Writes one reviewed file in one transaction: new guests, accepted bio updates, the article,
    /// and its move to `submitted`. A refusal anywhere writes nothing of this file.
    pub fn commit_import(&self, actor: &Actor, draft: &ImportDraft) -> Result<Imported> {
        let now = self.now();
        let article_id = self.new_id(now);
        let ids = MoveIds {
            transition: self.new_id(now),
            note: self.new_id(now),
            job: self.new_id(now),
        };
        let guest_ids: Vec<String> = draft.byline.iter().map(|_| self.new_id(now)).collect();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "import submissions")?;
            let in_file = |e: Error| match e {
                Error::Invalid {
                    message: problem, ..
                } => Error::BadFile {
                    file: draft.file.clone(),
                    problem: format!("cannot be imported: {problem}"),
                },
                other => other,
            };
            if draft.byline.is_empty() {
                return Err(in_file(Error::invalid(
                    "no byline was found in it and none was given; name its contributor",
                )));
            }
            let mut contributors = Vec::new();
            let mut entries = Vec::new();
            for (b, guest_id) in draft.byline.iter().zip(&guest_ids) {
                let (done, entry) = put_byline(tx, &me, b, guest_id, now).map_err(in_file)?;
                contributors.push(done);
                entries.push(entry);
            }
            let new = NewArticle {
                headline: draft.headline.clone(),
                standfirst: draft.standfirst.clone(),
                // What was typed in the review is held to the allowlist as the file was.
                body: import::keep_to_allowlist(&draft.body).0,
                section: draft.section.clone().filter(|s| !s.trim().is_empty()),
                tags: draft.tags.clone(),
                byline: entries,
                related: Vec::new(),
                embargo_until: None,
            };
            let article = insert_article(tx, &me, &new, &article_id, now).map_err(in_file)?;
            let args = MoveArgs::default();
            let article = apply_move(tx, &me, &article.id, Action::Submit, &args, now, &ids)?;
            Ok(Imported {
                file: draft.file.clone(),
                article_id: article.id,
                headline: article.headline,
                contributors,
            })
        })
    }
}

/// The byline contributor for one entry: the one on file (with its bio updated if the editor
/// accepted that), or a new guest.
fn put_byline(
    tx: &dyn Tx,
    me: &UserRow,
    b: &ImportByline,
    guest_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(ImportedContributor, BylineEntry)> {
    let bio = b.bio.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let Some(id) = &b.contributor_id else {
        let pk = insert_contributor(
            tx,
            guest_id,
            &NewContributor {
                email: b.email.clone(),
                affiliation: b.affiliation.clone().unwrap_or_default(),
                bio: bio.unwrap_or("").to_string(),
                ..NewContributor::guest(&b.name)
            },
            now,
        )?;
        let (_, c) = tx
            .contributors()
            .get_by_pk(pk)?
            .ok_or_else(|| Error::Corrupt("a contributor vanished as it was written".into()))?;
        let done = ImportedContributor {
            id: c.id.clone(),
            name: c.display_name,
            created: true,
            profile_bio_updated: false,
        };
        // A new guest's profile bio is the one found: the piece follows it.
        return Ok((done, BylineEntry::named(c.id)));
    };
    let (pk, c) = tx
        .contributors()
        .get_by_id(id)?
        .ok_or_else(|| Error::invalid(format!("no contributor has the id {id}")))?;
    let updated = match bio {
        Some(text) if b.update_profile_bio => replace_bio(tx, me, pk, text, now)?,
        _ => false,
    };
    // The found bio is printed under this piece when it differs from the profile's.
    let printed = bio
        .filter(|text| !updated && !same_bio(text, &c.bio))
        .map(str::to_string);
    let done = ImportedContributor {
        id: c.id.clone(),
        name: c.display_name,
        created: false,
        profile_bio_updated: updated,
    };
    Ok((
        done,
        BylineEntry {
            contributor: c.id,
            printed_bio: printed,
        },
    ))
}
