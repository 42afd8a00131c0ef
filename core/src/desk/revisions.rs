//! Reading an article's history: revisions, word-level comparisons, restores.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use super::articles::{may_edit_text, snapshot_of, to_article, unique_slug, write_revision};
use super::{Actor, Desk, visible_article};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{Action, Article, Page, RevisionInfo, SaveReason, Snapshot};
use crate::store::Tx;
use crate::store::transitions::AuditFilter;
use crate::text::word_count;

/// Whether a run of words is in both texts, or only in the newer or the older.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

/// A run of words that is the same in both texts, or only in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldDiff {
    /// `headline`, `standfirst`, `body`, `section`, `tags` or `byline`.
    pub field: String,
    pub parts: Vec<DiffPart>,
}

/// Two revisions compared word by word, field by field (unchanged fields are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionDiff {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub from: i64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub to: i64,
    pub fields: Vec<FieldDiff>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub words_added: u64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub words_removed: u64,
}

/// One revision's text with its place in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionText {
    pub info: RevisionInfo,
    pub text: Snapshot,
}

/// `b` against `a`, word by word; empty when they are the same.
pub(super) fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    diff_field("text", a, b).map_or_else(Vec::new, |d| d.parts)
}

fn diff_field(field: &str, a: &str, b: &str) -> Option<FieldDiff> {
    if a == b {
        return None;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    let diff = TextDiff::from_slices(&ta, &tb);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => DiffKind::Same,
            ChangeTag::Insert => DiffKind::Added,
            ChangeTag::Delete => DiffKind::Removed,
        };
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => parts.push(DiffPart {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    Some(FieldDiff {
        field: field.to_string(),
        parts,
    })
}

/// Words, runs of white space, and single punctuation marks: "Tuesday." and "Tuesday evening."
/// then differ by one word, not two.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8;
    for (i, c) in text.char_indices() {
        let k = if c.is_alphanumeric() || c == '\'' || c == '’' {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if i > start && (k != kind || k == 3) {
            out.push(&text[start..i]);
            start = i;
        }
        kind = k;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Word-level comparison of two snapshots.
pub fn compare(from: i64, a: &Snapshot, to: i64, b: &Snapshot) -> RevisionDiff {
    let fields: Vec<FieldDiff> = [
        diff_field("headline", &a.headline, &b.headline),
        diff_field("standfirst", &a.standfirst, &b.standfirst),
        diff_field("body", &a.body, &b.body),
        diff_field(
            "section",
            a.section.as_deref().unwrap_or(""),
            b.section.as_deref().unwrap_or(""),
        ),
        diff_field("tags", &a.tags.join(", "), &b.tags.join(", ")),
        diff_field("byline", &a.byline.join(", "), &b.byline.join(", ")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let count = |kind: DiffKind| -> u64 {
        fields
            .iter()
            .flat_map(|f| f.parts.iter())
            .filter(|p| p.kind == kind)
            .map(|p| word_count(&p.text) as u64)
            .sum()
    };
    RevisionDiff {
        from,
        to,
        words_added: count(DiffKind::Added),
        words_removed: count(DiffKind::Removed),
        fields,
    }
}

fn load_snapshot(conn: &dyn Tx, article_pk: i64, number: i64) -> Result<Snapshot> {
    conn.revisions()
        .snapshot(article_pk, number)?
        .ok_or_else(|| Error::not_found("revision", number.to_string()))
}

/// The revisions that hold the piece as submitted (its last submission), as approved (its last
/// approval) and as published (the text readers have now): what the history panel compares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestones {
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub submitted: Option<i64>,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub approved: Option<i64>,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub published: Option<i64>,
}

fn milestones_of(tx: &dyn Tx, article_pk: i64) -> Result<Milestones> {
    let moves = tx.transitions().list(
        &AuditFilter {
            article_pk: Some(article_pk),
            ..Default::default()
        },
        None,
        10_000,
    )?;
    let revisions = tx.revisions().list(article_pk, None, 100_000)?;
    // A move writes its revision in its own transaction, stamped with the move's instant: the
    // newest revision at or before the last such move holds the text it moved.
    let at_last = |action: Action| {
        moves
            .iter()
            .filter(|(_, t)| t.action == action)
            .map(|(_, t)| t.at)
            .max()
            .and_then(|at| revisions.iter().find(|r| r.at <= at).map(|r| r.number))
    };
    let published = match tx.articles().published_version(article_pk)? {
        Some(v) => tx.revisions().number_of_version(article_pk, v)?,
        None => None,
    };
    Ok(Milestones {
        submitted: at_last(Action::Submit),
        approved: at_last(Action::Approve),
        published,
    })
}

impl Desk {
    /// Which revisions hold the piece as submitted, as approved and as published.
    pub fn milestones(&self, actor: &Actor, id: &str) -> Result<Milestones> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            milestones_of(tx, row.pk)
        })
    }

    /// The article's revisions, newest first, a page at a time.
    pub fn history(
        &self,
        actor: &Actor,
        id: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<RevisionInfo>> {
        let limit = i64::from(limit.clamp(1, 500));
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let scope = format!("revisions|{}", row.pk);
            let before = after
                .map(|c| cursor::decode(&scope, c))
                .transpose()?
                .map(|(n, _)| n);
            let mut items = tx.revisions().list(row.pk, before, limit + 1)?;
            let more = items.len() as i64 > limit;
            items.truncate(limit as usize);
            let next = more
                .then(|| items.last().map(|r| cursor::encode(&scope, r.number, 0)))
                .flatten();
            Ok(Page { items, next })
        })
    }

    /// The article's text as it was at revision `number`.
    pub fn revision(&self, actor: &Actor, id: &str, number: i64) -> Result<RevisionText> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let info = tx
                .revisions()
                .info(row.pk, number)?
                .ok_or_else(|| Error::not_found("revision", number.to_string()))?;
            Ok(RevisionText {
                info,
                text: load_snapshot(tx, row.pk, number)?,
            })
        })
    }

    /// Word-level comparison of revisions `from` and `to`.
    pub fn diff(&self, actor: &Actor, id: &str, from: i64, to: i64) -> Result<RevisionDiff> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let a = load_snapshot(tx, row.pk, from)?;
            let b = load_snapshot(tx, row.pk, to)?;
            Ok(compare(from, &a, to, &b))
        })
    }

    /// Brings back the text of revision `number` as a new revision; the byline stays as it is.
    ///
    /// With `base_version`, the restore is refused with a conflict (carrying the current text)
    /// when the article has moved on since the caller read it; without it, the restore applies
    /// to whatever is current, as an explicit command from a terminal does.
    pub fn restore(
        &self,
        actor: &Actor,
        id: &str,
        number: i64,
        base_version: Option<i64>,
    ) -> Result<Article> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let old = visible_article(tx, &me, id)?;
            may_edit_text(tx, &me, &old)?;
            let wanted = load_snapshot(tx, old.pk, number)?;
            let previous = snapshot_of(tx, &old)?;
            if let Some(base) = base_version
                && base != old.version
            {
                return Err(Error::Conflict {
                    base,
                    current_version: old.version,
                    current: Box::new(previous),
                });
            }
            let mut row = old.clone();
            row.headline = wanted.headline;
            row.standfirst = wanted.standfirst;
            row.word_count = word_count(&wanted.body) as i64;
            row.body = wanted.body;
            row.tags = wanted.tags;
            row.section = match wanted.section {
                // A section removed since then is left as it is now.
                Some(s) if tx.settings().get_section(&s)?.is_some() => Some(s),
                Some(_) => old.section.clone(),
                None => None,
            };
            if row.headline != old.headline && old.published_at.is_none() {
                row.slug = unique_slug(tx, &row.headline, row.pk)?;
            }
            row.version += 1;
            row.updated_at = now;
            tx.articles().update_text(&old, &row)?;
            tx.search().index_article(row.pk)?;
            write_revision(
                tx,
                &row,
                me.pk,
                SaveReason::Restore,
                Some(number),
                Some(&previous),
            )?;
            to_article(tx, &me, row, now)
        })
    }
}
