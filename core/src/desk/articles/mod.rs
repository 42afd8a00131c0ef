//! Articles: create, read and list; saving lives in `save`, who may do what in `access`, the
//! checking of typed text in `clean`.

mod access;
mod clean;
mod save;
#[cfg(test)]
mod test_rows;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Actor, Desk, contributors, visible_article};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{
    Article, ArticleSummary, Byline, Page, RelatedArticle, Role, SaveReason, Snapshot, State,
};
use crate::store::Tx;
use crate::store::articles::{ArticleRow, ListFilter};
use crate::store::revisions::RevisionMeta;
use crate::store::users::UserRow;
use crate::text::{reading_minutes, slugify, word_count};
use crate::wire::double_option;

pub(super) use access::may_edit_text;
pub use clean::MAX_BODY_BYTES;
pub(super) use clean::{clean_body, clean_headline, clean_standfirst, clean_tags, clean_text};
pub use save::Resolution;

/// A byline contributor named by id, email or name, with the article's own bio text if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BylineEntry {
    /// The contributor's id, email or name.
    pub contributor: String,
    /// The article's own bio text; none prints the contributor's.
    #[serde(default)]
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

/// A new draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewArticle {
    pub headline: String,
    #[serde(default)]
    pub standfirst: String,
    /// Markdown.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// In order; a contributor-role author with nobody named is put on it.
    #[serde(default)]
    pub byline: Vec<BylineEntry>,
    /// Ids of related articles, in order.
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub embargo_until: Option<DateTime<Utc>>,
}

/// Changes to an article: a field left out stays as it is; `section` and `embargo_until` given
/// as null are cleared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>, optional))]
    pub section: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<Vec<BylineEntry>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Vec<String>>,
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<DateTime<Utc>>, optional))]
    pub embargo_until: Option<Option<DateTime<Utc>>>,
}

/// Which articles a list shows; a filter left out is off.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleFilter {
    #[serde(default)]
    pub state: Option<State>,
    #[serde(default)]
    pub section: Option<String>,
    /// Contributor id, email or name.
    #[serde(default)]
    pub contributor: Option<String>,
    /// Only the articles assigned to this editor (user id or name); needs a state or a
    /// contributor, as in "In review: mine".
    #[serde(default)]
    pub assigned_editor: Option<String>,
}

/// The section as the desk names it, or a refusal that lists the desk's sections.
pub(super) fn clean_section(conn: &dyn Tx, section: Option<&str>) -> Result<Option<String>> {
    let Some(name) = section.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if let Some(s) = conn.settings().get_section(name)? {
        return Ok(Some(s.name));
    }
    let known: Vec<String> = conn
        .settings()
        .list_sections()?
        .into_iter()
        .map(|s| s.name)
        .collect();
    Err(Error::invalid_field(
        "section",
        format!(
            "there is no section “{name}”: the desk has {}",
            known.join(", ")
        ),
    ))
}

/// Resolves byline entries to contributor keys, refusing duplicates and unknown names.
fn resolve_byline(conn: &dyn Tx, entries: &[BylineEntry]) -> Result<Vec<(i64, Option<String>)>> {
    let mut out: Vec<(i64, Option<String>)> = Vec::new();
    for e in entries {
        let (pk, c) = contributors::resolve(conn, &e.contributor).map_err(|err| match err {
            Error::NotFound { key, .. } => {
                Error::invalid_field("byline", format!("byline: no contributor matches “{key}”"))
            }
            other => other.in_field("byline"),
        })?;
        if out.iter().any(|(p, _)| *p == pk) {
            return Err(Error::invalid_field(
                "byline",
                format!("byline: {} is named twice", c.display_name),
            ));
        }
        let bio = e
            .printed_bio
            .as_deref()
            .map(|b| clean_text(b).trim().to_string());
        out.push((pk, bio));
    }
    Ok(out)
}

fn resolve_related(conn: &dyn Tx, me: &UserRow, own_pk: i64, ids: &[String]) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for id in ids {
        let row = visible_article(conn, me, id).map_err(|e| match e {
            Error::NotFound { key, .. } => {
                Error::invalid_field("related", format!("related: no article has the id “{key}”"))
            }
            other => other,
        })?;
        if row.pk == own_pk {
            return Err(Error::invalid_field(
                "related",
                "an article cannot be related to itself",
            ));
        }
        if !out.contains(&row.pk) {
            out.push(row.pk);
        }
    }
    Ok(out)
}

/// A slug for `headline` that no other article uses.
pub(super) fn unique_slug(conn: &dyn Tx, headline: &str, own_pk: i64) -> Result<String> {
    let base = slugify(headline);
    let mut slug = base.clone();
    let mut n = 2;
    while conn.articles().slug_taken(&slug, own_pk)? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    Ok(slug)
}

/// The snapshot a revision of `row` stores.
pub(super) fn snapshot_of(conn: &dyn Tx, row: &ArticleRow) -> Result<Snapshot> {
    Ok(snapshot_with(row, &conn.articles().get_byline(row.pk)?))
}

/// The snapshot of `row` with a byline the caller has already read.
pub(in crate::desk) fn snapshot_with(row: &ArticleRow, byline: &[(i64, Byline)]) -> Snapshot {
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
    conn: &dyn Tx,
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
    conn: &dyn Tx,
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
    conn.revisions().append(row.pk, &meta, now, previous)
}

/// The article as `me` reads it at `now`, with what they may do with it.
pub(super) fn to_article(
    conn: &dyn Tx,
    me: &UserRow,
    row: ArticleRow,
    now: DateTime<Utc>,
) -> Result<Article> {
    let byline = conn.articles().get_byline(row.pk)?;
    to_article_with(conn, me, row, byline, now)
}

/// The related pieces of an article that `me` may see, with their keys.
fn visible_related(
    conn: &dyn Tx,
    me: &UserRow,
    article_pk: i64,
) -> Result<Vec<(i64, RelatedArticle)>> {
    let all = conn.articles().get_related(article_pk)?;
    // Staff see every article: no need to look each one up.
    if me.user.role != Role::Contributor {
        return Ok(all);
    }
    let mut out = Vec::new();
    for (pk, related) in all {
        let visible = match conn.articles().get_by_pk(pk)? {
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
    conn: &dyn Tx,
    me: &UserRow,
    row: ArticleRow,
    byline: Vec<(i64, Byline)>,
    now: DateTime<Utc>,
) -> Result<Article> {
    let name = |pk: Option<i64>| -> Result<Option<String>> {
        Ok(match pk {
            Some(pk) => conn.users().get_by_pk(pk)?.map(|u| u.user.name),
            None => None,
        })
    };
    let access = access::access(conn, me, &row, &byline, now)?;
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
        publish_problem: conn.jobs().problem_of(row.pk)?,
        access,
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
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let row = visible_article(tx, &me, id)?;
            to_article(tx, &me, row, now)
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
                Some(key) => Some(
                    contributors::resolve(tx, key)
                        .map_err(|e| e.in_field("contributor"))?
                        .0,
                ),
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
                    tx.users()
                        .find(key)?
                        .ok_or_else(|| Error::not_found("user", key))?
                        .pk,
                ),
                None => None,
            };
            if editor_pk.is_some() && filter.state.is_none() && contributor_pk.is_none() {
                return Err(Error::invalid_field(
                    "state",
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
            let mut rows = tx.articles().list(&store_filter, key, limit + 1)?;
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
    tx: &dyn Tx,
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
        headline,
        standfirst,
        word_count: word_count(&body) as i64,
        body,
        section,
        tags,
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
    row.pk = tx.articles().insert(&row)?;
    tx.articles().set_byline(row.pk, &byline)?;
    tx.search().index_new_article(row.pk)?;
    let related = resolve_related(tx, me, row.pk, &new.related)?;
    tx.articles().set_related(row.pk, &related)?;
    write_revision(tx, &row, me.pk, SaveReason::Save, None, None)?;
    to_article(tx, me, row, now)
}
