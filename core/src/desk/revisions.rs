//! Reading an article's history: revisions, word-level comparisons, restores.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use super::articles::{may_edit_text, snapshot_of, to_article, unique_slug, write_revision};
use super::{Actor, Desk, visible_article};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{Article, Page, RevisionInfo, SaveReason, Snapshot};
use crate::store;
use crate::text::word_count;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffPart {
    Same(String),
    Added(String),
    Removed(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldDiff {
    pub field: &'static str,
    pub parts: Vec<DiffPart>,
}

/// Two revisions compared word by word, field by field (unchanged fields are left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionDiff {
    pub from: i64,
    pub to: i64,
    pub fields: Vec<FieldDiff>,
    pub words_added: usize,
    pub words_removed: usize,
}

/// `b` against `a`, word by word; empty when they are the same.
pub(super) fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    diff_field("text", a, b).map_or_else(Vec::new, |d| d.parts)
}

fn diff_field(field: &'static str, a: &str, b: &str) -> Option<FieldDiff> {
    if a == b {
        return None;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    let diff = TextDiff::from_slices(&ta, &tb);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value().to_string();
        let merged = match (parts.last_mut(), change.tag()) {
            (Some(DiffPart::Same(s)), ChangeTag::Equal)
            | (Some(DiffPart::Added(s)), ChangeTag::Insert)
            | (Some(DiffPart::Removed(s)), ChangeTag::Delete) => {
                s.push_str(&text);
                true
            }
            _ => false,
        };
        if !merged {
            parts.push(match change.tag() {
                ChangeTag::Equal => DiffPart::Same(text),
                ChangeTag::Insert => DiffPart::Added(text),
                ChangeTag::Delete => DiffPart::Removed(text),
            });
        }
    }
    Some(FieldDiff { field, parts })
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
    let count = |pick: fn(&DiffPart) -> Option<&String>| -> usize {
        fields
            .iter()
            .flat_map(|f| f.parts.iter())
            .filter_map(pick)
            .map(|s| word_count(s))
            .sum()
    };
    RevisionDiff {
        from,
        to,
        words_added: count(|p| match p {
            DiffPart::Added(s) => Some(s),
            _ => None,
        }),
        words_removed: count(|p| match p {
            DiffPart::Removed(s) => Some(s),
            _ => None,
        }),
        fields,
    }
}

fn load_snapshot(conn: &rusqlite::Connection, article_pk: i64, number: i64) -> Result<Snapshot> {
    store::revisions::get_snapshot(conn, article_pk, number)?
        .ok_or_else(|| Error::not_found("revision", number.to_string()))
}

impl Desk {
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
            let mut items = store::revisions::list(tx, row.pk, before, limit + 1)?;
            let more = items.len() as i64 > limit;
            items.truncate(limit as usize);
            let next = more
                .then(|| items.last().map(|r| cursor::encode(&scope, r.number, 0)))
                .flatten();
            Ok(Page { items, next })
        })
    }

    /// The article's text as it was at revision `number`.
    pub fn revision(
        &self,
        actor: &Actor,
        id: &str,
        number: i64,
    ) -> Result<(RevisionInfo, Snapshot)> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            let info = store::revisions::get_info(tx, row.pk, number)?
                .ok_or_else(|| Error::not_found("revision", number.to_string()))?;
            Ok((info, load_snapshot(tx, row.pk, number)?))
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
                Some(s) if store::settings::get_section(tx, &s)?.is_some() => Some(s),
                Some(_) => old.section.clone(),
                None => None,
            };
            if row.headline != old.headline && old.published_at.is_none() {
                row.slug = unique_slug(tx, &row.headline, row.pk)?;
            }
            row.version += 1;
            row.updated_at = now;
            store::articles::update_text(tx, &old, &row)?;
            store::search::index_article(tx, row.pk)?;
            write_revision(
                tx,
                &row,
                me.pk,
                SaveReason::Restore,
                Some(number),
                Some(&previous),
            )?;
            to_article(tx, &me, row)
        })
    }
}
