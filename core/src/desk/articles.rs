//! Articles: create, read, save (with optimistic concurrency) and list.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{Actor, Desk, contributors, visible_article};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{
    Article, ArticleSummary, Byline, Page, RelatedArticle, Role, SaveReason, Snapshot, State,
};
use crate::store::articles::{ArticleRow, ListFilter};
use crate::store::revisions::RevisionMeta;
use crate::store::users::UserRow;
use crate::store::{self, settings};
use crate::text::{one_line, reading_minutes, slugify, word_count};

pub const MAX_BODY_BYTES: usize = 1024 * 1024;
const MAX_HEADLINE_CHARS: usize = 300;
const MAX_STANDFIRST_CHARS: usize = 1500;
const MAX_TAGS: usize = 20;

/// A byline contributor named by id, email or name, with the article's own bio text if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineEntry {
    pub contributor: String,
    pub printed_bio: Option<String>,
}

impl BylineEntry {
    pub fn named(contributor: impl Into<String>) -> Self {
        BylineEntry {
            contributor: contributor.into(),
            printed_bio: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<BylineEntry>,
    pub related: Vec<String>,
    pub embargo_until: Option<DateTime<Utc>>,
}

/// Changes to an article; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ArticleEdit {
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    pub body: Option<String>,
    pub section: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub byline: Option<Vec<BylineEntry>>,
    pub related: Option<Vec<String>>,
    pub embargo_until: Option<Option<DateTime<Utc>>>,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub state: Option<State>,
    pub section: Option<String>,
    /// Contributor id, email or name.
    pub contributor: Option<String>,
    /// Only the articles assigned to this editor (user id or name); needs a state or a
    /// contributor, as in "In review: mine".
    pub assigned_editor: Option<String>,
}

/// Line endings made `\n`; control characters (which no writer types) removed.
fn clean_text(s: &str) -> Cow<'_, str> {
    let stray = |c: char| c.is_control() && c != '\n' && c != '\t';
    // Control characters are C0 bytes, DEL, or C1 (U+0080–U+009F, encoded C2 80–C2 9F): a byte
    // scan finds them without decoding the text.
    let suspect = has_control_bytes(s.as_bytes());
    if !suspect {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !stray(*c))
            .collect(),
    )
}

/// Whether `bytes` may hold a control character other than newline and tab: a C0 byte, DEL, or
/// the lead byte of a C1 character. Eight bytes at a time; only a flagged word is looked at byte
/// by byte.
fn has_control_bytes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let stray = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    };
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        let v = u64::from_le_bytes(w);
        let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGHS != 0;
        if (below_space || has_zero(v ^ (ONES * 0x7f)) || has_zero(v ^ (ONES * 0xc2)))
            && (i..i + 8).any(stray)
        {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(stray)
}

pub(super) fn clean_headline(h: &str) -> Result<String> {
    let h = one_line(&clean_text(h));
    if h.is_empty() {
        return Err(Error::invalid(
            "the headline is empty: an article needs one",
        ));
    }
    if h.chars().count() > MAX_HEADLINE_CHARS {
        return Err(Error::invalid(format!(
            "the headline has {} characters; the most a headline can hold is {MAX_HEADLINE_CHARS}",
            h.chars().count()
        )));
    }
    Ok(h)
}

pub(super) fn clean_standfirst(s: &str) -> Result<String> {
    let s = one_line(&clean_text(s));
    if s.chars().count() > MAX_STANDFIRST_CHARS {
        return Err(Error::invalid(format!(
            "the standfirst has {} characters; keep it under {MAX_STANDFIRST_CHARS}",
            s.chars().count()
        )));
    }
    Ok(s)
}

pub(super) fn clean_body(b: &str) -> Result<Cow<'_, str>> {
    if b.len() > MAX_BODY_BYTES {
        return Err(Error::invalid(format!(
            "the body is {} bytes; an article body can hold at most 1 MB",
            b.len()
        )));
    }
    Ok(clean_text(b))
}

pub(super) fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = one_line(&clean_text(t));
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid(format!(
            "{} tags is too many: at most {MAX_TAGS}",
            out.len()
        )));
    }
    Ok(out)
}

pub(super) fn clean_section(conn: &Connection, section: Option<&str>) -> Result<Option<String>> {
    match section.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(name) => match settings::get_section(conn, name)? {
            Some(s) => Ok(Some(s.name)),
            None => {
                let known: Vec<String> = settings::list_sections(conn)?
                    .into_iter()
                    .map(|s| s.name)
                    .collect();
                Err(Error::invalid(format!(
                    "there is no section “{name}”: the desk has {}",
                    known.join(", ")
                )))
            }
        },
    }
}

/// Resolves byline entries to contributor keys, refusing duplicates and unknown names.
fn resolve_byline(
    conn: &Connection,
    entries: &[BylineEntry],
) -> Result<Vec<(i64, Option<String>)>> {
    let mut out: Vec<(i64, Option<String>)> = Vec::new();
    for e in entries {
        let (pk, c) = contributors::resolve(conn, &e.contributor).map_err(|err| match err {
            Error::NotFound { key, .. } => {
                Error::invalid(format!("byline: no contributor matches “{key}”"))
            }
            other => other,
        })?;
        if out.iter().any(|(p, _)| *p == pk) {
            return Err(Error::invalid(format!(
                "byline: {} is named twice",
                c.display_name
            )));
        }
        let bio = e
            .printed_bio
            .as_deref()
            .map(|b| clean_text(b).trim().to_string());
        out.push((pk, bio));
    }
    Ok(out)
}

fn resolve_related(
    conn: &Connection,
    me: &UserRow,
    own_pk: i64,
    ids: &[String],
) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for id in ids {
        let row = visible_article(conn, me, id)?;
        if row.pk == own_pk {
            return Err(Error::invalid("an article cannot be related to itself"));
        }
        if !out.contains(&row.pk) {
            out.push(row.pk);
        }
    }
    Ok(out)
}

/// A slug for `headline` that no other article uses.
pub(super) fn unique_slug(conn: &Connection, headline: &str, own_pk: i64) -> Result<String> {
    let base = slugify(headline);
    let mut slug = base.clone();
    let mut n = 2;
    while store::articles::slug_taken(conn, &slug, own_pk)? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// Who may change the text: the author while it is theirs to write, staff until publication.
pub(super) fn may_edit_text(conn: &Connection, me: &UserRow, row: &ArticleRow) -> Result<()> {
    if row.state == State::Withdrawn {
        return Err(Error::forbidden(
            "the article is withdrawn: its text is closed",
        ));
    }
    // Staff correct a published piece here; readers see the correction once it is republished.
    if row.state == State::Published && me.user.role == Role::Contributor {
        return Err(Error::forbidden(
            "the article is published: the desk corrects it and republishes it",
        ));
    }
    match me.user.role {
        Role::Editor | Role::Chief => Ok(()),
        Role::Contributor => {
            if !matches!(row.state, State::Draft | State::ChangesRequested) {
                return Err(Error::forbidden(format!(
                    "the article is {}: its author can edit it in draft or when changes are requested",
                    row.state
                )));
            }
            let mine = match me.contributor_pk {
                Some(c) => store::articles::has_byline_contributor(conn, row.pk, c)?,
                None => false,
            };
            if mine {
                Ok(())
            } else {
                Err(Error::forbidden(format!(
                    "{} is not on this article's byline",
                    me.user.name
                )))
            }
        }
    }
}

/// The snapshot a revision of `row` stores.
pub(super) fn snapshot_of(conn: &Connection, row: &ArticleRow) -> Result<Snapshot> {
    Ok(snapshot_with(
        row,
        &store::articles::get_byline(conn, row.pk)?,
    ))
}

/// The snapshot of `row` with a byline the caller has already read.
fn snapshot_with(row: &ArticleRow, byline: &[(i64, Byline)]) -> Snapshot {
    Snapshot {
        headline: row.headline.clone(),
        standfirst: row.standfirst.clone(),
        body: row.body.clone(),
        section: row.section.clone(),
        tags: row.tags.clone(),
        byline: byline.iter().map(|(_, b)| b.name.clone()).collect(),
    }
}

/// Appends a revision of `row` as it now stands, delta-encoded against `previous`.
pub(super) fn write_revision(
    conn: &Connection,
    row: &ArticleRow,
    author_pk: i64,
    reason: SaveReason,
    restored_from: Option<i64>,
    previous: Option<&Snapshot>,
) -> Result<i64> {
    let now = snapshot_of(conn, row)?;
    append_revision(conn, row, &now, author_pk, reason, restored_from, previous)
}

fn append_revision(
    conn: &Connection,
    row: &ArticleRow,
    now: &Snapshot,
    author_pk: i64,
    reason: SaveReason,
    restored_from: Option<i64>,
    previous: Option<&Snapshot>,
) -> Result<i64> {
    let meta = RevisionMeta {
        version: row.version,
        author_pk,
        at: row.updated_at,
        reason,
        restored_from,
    };
    store::revisions::append(conn, row.pk, &meta, now, previous)
}

pub(super) fn to_article(conn: &Connection, me: &UserRow, row: ArticleRow) -> Result<Article> {
    let byline = store::articles::get_byline(conn, row.pk)?;
    to_article_with(conn, me, row, byline)
}

/// The related pieces of an article that `me` may see, with their keys.
fn visible_related(
    conn: &Connection,
    me: &UserRow,
    article_pk: i64,
) -> Result<Vec<(i64, RelatedArticle)>> {
    let all = store::articles::get_related(conn, article_pk)?;
    // Staff see every article: no need to look each one up.
    if me.user.role != Role::Contributor {
        return Ok(all);
    }
    let mut out = Vec::new();
    for (pk, related) in all {
        let visible = match store::articles::get_by_pk(conn, pk)? {
            Some(row) => super::can_see(conn, me, &row)?,
            None => false,
        };
        if visible {
            out.push((pk, related));
        }
    }
    Ok(out)
}

/// The article as the engine hands it out, with a byline the caller has already read.
fn to_article_with(
    conn: &Connection,
    me: &UserRow,
    row: ArticleRow,
    byline: Vec<(i64, Byline)>,
) -> Result<Article> {
    let name = |pk: Option<i64>| -> Result<Option<String>> {
        Ok(match pk {
            Some(pk) => store::users::get_by_pk(conn, pk)?.map(|u| u.user.name),
            None => None,
        })
    };
    let words = row.word_count;
    Ok(Article {
        byline: byline.into_iter().map(|(_, b)| b).collect(),
        related: visible_related(conn, me, row.pk)?
            .into_iter()
            .map(|(_, r)| r)
            .collect(),
        assigned_editor: name(row.assigned_editor)?,
        approved_by: name(row.approved_by)?,
        created_by: name(Some(row.created_by))?.unwrap_or_default(),
        reading_minutes: reading_minutes(words.max(0) as usize) as i64,
        id: row.id,
        slug: row.slug,
        headline: row.headline,
        standfirst: row.standfirst,
        body: row.body,
        section: row.section,
        tags: row.tags,
        state: row.state,
        version: row.version,
        word_count: words,
        embargo_until: row.embargo_until,
        scheduled_at: row.scheduled_at,
        published_at: row.published_at,
        created_at: row.created_at,
        updated_at: row.updated_at,
        state_changed_at: row.state_changed_at,
    })
}

impl Desk {
    /// Starts a draft. A contributor-role author is put on the byline when it names nobody.
    pub fn create_article(&self, actor: &Actor, new: &NewArticle) -> Result<Article> {
        let now = self.now();
        let id = self.new_id(now);
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            insert_article(tx, &me, new, &id, now)
        })
    }

    pub fn get_article(&self, actor: &Actor, id: &str) -> Result<Article> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            to_article(tx, &me, row)
        })
    }

    /// Saves an edit made on `base_version`. If the article has moved on since, nothing is
    /// written and the error carries the current text. An edit that changes nothing writes nothing.
    pub fn save_article(
        &self,
        actor: &Actor,
        id: &str,
        base_version: i64,
        edit: &ArticleEdit,
        reason: SaveReason,
    ) -> Result<Article> {
        if matches!(reason, SaveReason::Transition | SaveReason::Restore) {
            return Err(Error::invalid("a save is an autosave or a save"));
        }
        let headline = edit.headline.as_deref().map(clean_headline).transpose()?;
        let standfirst = edit
            .standfirst
            .as_deref()
            .map(clean_standfirst)
            .transpose()?;
        let body = edit
            .body
            .as_deref()
            .map(clean_body)
            .transpose()?
            .map(Cow::into_owned);
        let tags = edit.tags.as_deref().map(clean_tags).transpose()?;
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let old = visible_article(tx, &me, id)?;
            may_edit_text(tx, &me, &old)?;
            let old_bylines = store::articles::get_byline(tx, old.pk)?;
            let previous = snapshot_with(&old, &old_bylines);
            if old.version != base_version {
                return Err(Error::Conflict {
                    base: base_version,
                    current_version: old.version,
                    current: Box::new(previous),
                });
            }
            let mut row = old.clone();
            if let Some(h) = headline {
                row.headline = h;
            }
            if let Some(s) = standfirst {
                row.standfirst = s;
            }
            if let Some(b) = body {
                row.word_count = word_count(&b) as i64;
                row.body = b;
            }
            if let Some(t) = tags {
                row.tags = t;
            }
            if let Some(s) = &edit.section {
                row.section = clean_section(tx, s.as_deref())?;
            }
            if let Some(e) = edit.embargo_until {
                row.embargo_until = e;
            }
            if row.headline != old.headline && old.published_at.is_none() {
                row.slug = unique_slug(tx, &row.headline, row.pk)?;
            }
            let old_byline: Vec<(i64, Option<String>)> = old_bylines
                .iter()
                .map(|(pk, b)| (*pk, b.bio_is_own.then(|| b.printed_bio.clone())))
                .collect();
            let byline = match &edit.byline {
                Some(entries) => {
                    let b = resolve_byline(tx, entries)?;
                    if b.is_empty() && me.user.role == Role::Contributor {
                        return Err(Error::invalid("byline: an article needs its author on it"));
                    }
                    if me.user.role == Role::Contributor
                        && !b.iter().any(|(pk, _)| Some(*pk) == me.contributor_pk)
                    {
                        return Err(Error::forbidden(format!(
                            "{} cannot take themselves off the byline",
                            me.user.name
                        )));
                    }
                    let changed = Some(b).filter(|b| *b != old_byline);
                    if changed.is_some() && old.state == State::Published {
                        return Err(Error::forbidden(
                            "a published piece keeps the byline it was published with",
                        ));
                    }
                    changed
                }
                None => None,
            };
            let old_related: Vec<i64> = store::articles::get_related(tx, row.pk)?
                .into_iter()
                .map(|(pk, _)| pk)
                .collect();
            let seen: Vec<i64> = visible_related(tx, &me, row.pk)?
                .into_iter()
                .map(|(pk, _)| pk)
                .collect();
            let related = match &edit.related {
                Some(ids) => {
                    // Pieces this user may not see stay related; they cannot name them anyway.
                    let mut wanted = resolve_related(tx, &me, row.pk, ids)?;
                    wanted.extend(old_related.iter().filter(|pk| !seen.contains(pk)));
                    Some(wanted).filter(|r| *r != old_related)
                }
                None => None,
            };
            let text_changed = row.headline != old.headline
                || row.standfirst != old.standfirst
                || row.body != old.body
                || row.section != old.section
                || row.tags != old.tags
                || row.embargo_until != old.embargo_until;
            if !text_changed && byline.is_none() && related.is_none() {
                return to_article_with(tx, &me, old, old_bylines);
            }
            row.version += 1;
            row.updated_at = now;
            store::articles::update_text(tx, &old, &row)?;
            let bylines = match &byline {
                Some(b) => {
                    store::articles::set_byline(tx, row.pk, b)?;
                    store::articles::get_byline(tx, row.pk)?
                }
                None => old_bylines,
            };
            if let Some(r) = &related {
                store::articles::set_related(tx, row.pk, r)?;
            }
            // Autosaves come every few seconds while someone types: the index catches up before
            // the next search instead of being rebuilt on each one.
            if reason == SaveReason::Autosave && byline.is_none() {
                store::search::mark_pending(tx, row.pk)?;
            } else {
                store::search::index_article(tx, row.pk)?;
            }
            let snapshot = snapshot_with(&row, &bylines);
            append_revision(tx, &row, &snapshot, me.pk, reason, None, Some(&previous))?;
            to_article_with(tx, &me, row, bylines)
        })
    }

    /// A page of articles, newest change first (a contributor's list: newest article first).
    /// Contributor-role users see only their own bylines.
    pub fn list_articles(
        &self,
        actor: &Actor,
        filter: &ArticleFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<ArticleSummary>> {
        let limit = i64::from(limit.clamp(1, 500));
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let section = clean_section(tx, filter.section.as_deref())?;
            let asked = match &filter.contributor {
                Some(key) => Some(contributors::resolve(tx, key)?.0),
                None => None,
            };
            let contributor_pk = match me.user.role {
                Role::Editor | Role::Chief => asked,
                Role::Contributor => {
                    let own = me.contributor_pk.ok_or_else(|| {
                        Error::forbidden(format!(
                            "{}'s account is not linked to a contributor",
                            me.user.name
                        ))
                    })?;
                    if asked.is_some_and(|a| a != own) {
                        return Err(Error::forbidden(format!(
                            "{} can list only their own articles",
                            me.user.name
                        )));
                    }
                    Some(own)
                }
            };
            let editor_pk = match filter.assigned_editor.as_deref() {
                Some(key) => Some(
                    store::users::find(tx, key)?
                        .ok_or_else(|| Error::not_found("user", key))?
                        .pk,
                ),
                None => None,
            };
            if editor_pk.is_some() && filter.state.is_none() && contributor_pk.is_none() {
                return Err(Error::invalid(
                    "name a state (or a contributor) to list the articles assigned to an editor",
                ));
            }
            let store_filter = ListFilter {
                state: filter.state,
                section: section.as_deref(),
                contributor_pk,
                editor_pk,
            };
            let scope = format!(
                "articles|{}|{}|{}|{}",
                filter.state.map(State::as_str).unwrap_or(""),
                section.as_deref().unwrap_or(""),
                contributor_pk.unwrap_or(0),
                editor_pk.unwrap_or(0)
            );
            let key = after.map(|c| cursor::decode(&scope, c)).transpose()?;
            let mut rows = store::articles::list(tx, &store_filter, key, limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next = more
                .then(|| {
                    rows.last()
                        .map(|((a, b), _)| cursor::encode(&scope, *a, *b))
                })
                .flatten();
            Ok(Page {
                items: rows.into_iter().map(|(_, s)| s).collect(),
                next,
            })
        })
    }
}

/// Writes a new draft inside the caller's transaction; `me` is the acting user.
pub(super) fn insert_article(
    tx: &Connection,
    me: &UserRow,
    new: &NewArticle,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Article> {
    let headline = clean_headline(&new.headline)?;
    let standfirst = clean_standfirst(&new.standfirst)?;
    let body = clean_body(&new.body)?.into_owned();
    let tags = clean_tags(&new.tags)?;
    let section = clean_section(tx, new.section.as_deref())?;
    let mut byline = resolve_byline(tx, &new.byline)?;
    if me.user.role == Role::Contributor {
        let own = me.contributor_pk.ok_or_else(|| {
            Error::forbidden(format!(
                "{}'s account is not linked to a contributor, so it cannot write articles",
                me.user.name
            ))
        })?;
        if byline.is_empty() {
            byline.push((own, None));
        } else if !byline.iter().any(|(pk, _)| *pk == own) {
            return Err(Error::forbidden(format!(
                "{} can only write articles with themselves on the byline",
                me.user.name
            )));
        }
    }
    let mut row = ArticleRow {
        pk: 0,
        slug: unique_slug(tx, &headline, 0)?,
        id: id.to_string(),
        headline: headline.clone(),
        standfirst: standfirst.clone(),
        word_count: word_count(&body) as i64,
        body: body.clone(),
        section,
        tags: tags.clone(),
        state: State::Draft,
        version: 1,
        assigned_editor: None,
        approved_by: None,
        embargo_until: new.embargo_until,
        scheduled_at: None,
        published_at: None,
        created_by: me.pk,
        created_at: now,
        updated_at: now,
        state_changed_at: now,
    };
    row.pk = store::articles::insert(tx, &row)?;
    store::articles::set_byline(tx, row.pk, &byline)?;
    store::search::index_new_article(tx, row.pk)?;
    let related = resolve_related(tx, me, row.pk, &new.related)?;
    store::articles::set_related(tx, row.pk, &related)?;
    write_revision(tx, &row, me.pk, SaveReason::Save, None, None)?;
    to_article(tx, me, row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_wherever_they_stand() {
        let clean = "Plain text, with\nnew lines\tand tabs; ünïcödé and “quotes” — 100 € ok.";
        assert!(!has_control_bytes(clean.as_bytes()));
        for bad in [
            '\u{0}', '\u{7}', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            for at in 0..20 {
                let mut s: String = clean.chars().take(at).collect();
                s.push(bad);
                s.push_str("tail text here");
                assert!(has_control_bytes(s.as_bytes()), "{bad:?} at {at}");
                assert!(!clean_text(&s).contains(bad));
            }
        }
        assert_eq!(clean_text("a\r\nb\rc"), "a\nb\nc");
        assert!(matches!(clean_text(clean), Cow::Borrowed(_)));
    }
}
