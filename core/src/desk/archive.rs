//! Loading a desk's existing archive in bulk: articles with their whole history, as another
//! system (or the benchmark) hands them over. The chief's operation; one transaction per batch.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::articles::{
    clean_body, clean_headline, clean_section, clean_standfirst, clean_tags, unique_slug,
};
use super::contributors::{self, NewContributor};
use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::{Action, Role, SaveReason, Snapshot, State};
use crate::store::articles::ArticleRow;
use crate::store::revisions::RevisionMeta;
use crate::store::transitions::NewTransition;
use crate::store::{self};
use crate::text::word_count;

/// One saved version of an archived article's body.
#[derive(Debug, Clone)]
pub struct ArchivedRevision {
    pub body: String,
    /// User name or id.
    pub author: String,
    pub at: DateTime<Utc>,
    pub reason: SaveReason,
}

#[derive(Debug, Clone)]
pub struct ArchivedTransition {
    pub action: Action,
    pub from: State,
    pub to: State,
    /// User name or id; `None` for the scheduler.
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ArchivedArticle {
    pub headline: String,
    pub standfirst: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Contributors by id, email or name, in byline order.
    pub byline: Vec<String>,
    pub state: State,
    /// Oldest first; the last one is the article as it stands.
    pub revisions: Vec<ArchivedRevision>,
    pub transitions: Vec<ArchivedTransition>,
    pub created_by: String,
    pub assigned_editor: Option<String>,
    pub approved_by: Option<String>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
}

struct Cache {
    users: HashMap<String, i64>,
    contributors: HashMap<String, (i64, String, String)>,
}

impl Cache {
    fn user(&mut self, conn: &Connection, key: &str) -> Result<i64> {
        if let Some(pk) = self.users.get(key) {
            return Ok(*pk);
        }
        let pk = store::users::find(conn, key)?
            .ok_or_else(|| Error::not_found("user", key))?
            .pk;
        self.users.insert(key.to_string(), pk);
        Ok(pk)
    }

    fn contributor(&mut self, conn: &Connection, key: &str) -> Result<(i64, String, String)> {
        if let Some(c) = self.contributors.get(key) {
            return Ok(c.clone());
        }
        let (pk, c) = contributors::resolve(conn, key)?;
        let entry = (pk, c.display_name, c.bio);
        self.contributors.insert(key.to_string(), entry.clone());
        Ok(entry)
    }
}

impl Desk {
    /// Adds contributors and archived articles in one transaction; any error writes nothing.
    /// Returns how many articles were loaded.
    pub fn import_archive(
        &self,
        actor: &Actor,
        new_contributors: &[NewContributor],
        articles: &[ArchivedArticle],
    ) -> Result<usize> {
        let now = self.now();
        let contributor_ids: Vec<String> =
            new_contributors.iter().map(|_| self.new_id(now)).collect();
        let ids: Vec<(String, Vec<String>)> = articles
            .iter()
            .map(|a| {
                let created = a.revisions.first().map_or(now, |r| r.at);
                (
                    self.new_id(created),
                    a.transitions.iter().map(|t| self.new_id(t.at)).collect(),
                )
            })
            .collect();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "load an archive")?;
            for (c, id) in new_contributors.iter().zip(&contributor_ids) {
                contributors::insert_contributor(tx, id, c, now)?;
            }
            let mut cache = Cache {
                users: HashMap::new(),
                contributors: HashMap::new(),
            };
            let mut loaded = None;
            for (a, (id, transition_ids)) in articles.iter().zip(&ids) {
                let pk = load_one(tx, &mut cache, a, id, transition_ids)?;
                loaded = Some(loaded.map_or((pk, pk), |(first, _)| (first, pk)));
            }
            // New keys are allocated upwards, so the batch is one contiguous range.
            if let Some((first, last)) = loaded {
                store::search::index_new_articles(tx, first, last)?;
            }
            Ok(articles.len())
        })
    }
}

fn load_one(
    conn: &Connection,
    cache: &mut Cache,
    a: &ArchivedArticle,
    id: &str,
    transition_ids: &[String],
) -> Result<i64> {
    let headline = clean_headline(&a.headline)?;
    let standfirst = clean_standfirst(&a.standfirst)?;
    let section = clean_section(conn, a.section.as_deref())?;
    let tags = clean_tags(&a.tags)?;
    let (first, last) = match (a.revisions.first(), a.revisions.last()) {
        (Some(f), Some(l)) => (f, l),
        _ => {
            return Err(Error::invalid(format!(
                "“{headline}” has no revisions to load"
            )));
        }
    };
    if a.state == State::Published && a.published_at.is_none() {
        return Err(Error::invalid(format!(
            "“{headline}” is published but has no publication time"
        )));
    }
    let mut byline = Vec::with_capacity(a.byline.len());
    for key in &a.byline {
        byline.push(cache.contributor(conn, key)?);
    }
    let mut user = |key: &Option<String>| -> Result<Option<i64>> {
        key.as_deref().map(|k| cache.user(conn, k)).transpose()
    };
    let assigned_editor = user(&a.assigned_editor)?;
    let approved_by = user(&a.approved_by)?;
    let created_by = cache.user(conn, &a.created_by)?;
    let body = clean_body(&last.body)?.into_owned();
    let state_changed_at = a.transitions.last().map_or(first.at, |t| t.at);
    let mut row = ArticleRow {
        pk: 0,
        id: id.to_string(),
        slug: unique_slug(conn, &headline, 0)?,
        headline: headline.clone(),
        standfirst: standfirst.clone(),
        word_count: word_count(&body) as i64,
        body,
        section: section.clone(),
        tags: tags.clone(),
        state: a.state,
        version: a.revisions.len() as i64,
        assigned_editor,
        approved_by,
        embargo_until: None,
        scheduled_at: a.scheduled_at,
        published_at: a.published_at,
        created_by,
        created_at: first.at,
        updated_at: last.at.max(state_changed_at),
        state_changed_at,
    };
    row.pk = store::articles::insert(conn, &row)?;
    let entries: Vec<(i64, Option<String>)> = byline
        .iter()
        .map(|(pk, _, bio)| (*pk, (a.state == State::Published).then(|| bio.clone())))
        .collect();
    store::articles::set_byline(conn, row.pk, &entries)?;
    let mut snapshot = Snapshot {
        headline,
        standfirst,
        body: String::new(),
        section,
        tags,
        byline: byline.iter().map(|(_, n, _)| n.clone()).collect(),
    };
    let mut previous: Option<Snapshot> = None;
    for (version, r) in a.revisions.iter().enumerate() {
        snapshot.body = clean_body(&r.body)?.into_owned();
        store::revisions::append(
            conn,
            row.pk,
            &RevisionMeta {
                version: version as i64 + 1,
                author_pk: cache.user(conn, &r.author)?,
                at: r.at,
                reason: r.reason,
                restored_from: None,
            },
            &snapshot,
            previous.as_ref(),
        )?;
        previous = Some(snapshot.clone());
    }
    for (t, tid) in a.transitions.iter().zip(transition_ids) {
        let actor_pk = t
            .actor
            .as_deref()
            .map(|k| cache.user(conn, k))
            .transpose()?;
        store::transitions::insert(
            conn,
            &NewTransition {
                id: tid,
                article_pk: row.pk,
                action: t.action,
                from: t.from,
                to: t.to,
                actor_pk,
                at: t.at,
                note: t.note.as_deref(),
            },
        )?;
    }
    Ok(row.pk)
}
