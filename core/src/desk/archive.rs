//! Loading a desk's existing archive in bulk: articles with their whole history, as another
//! system (or the benchmark) hands them over. The chief's operation; one transaction per batch.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::articles::{
    clean_body, clean_headline, clean_section, clean_standfirst, clean_tags, unique_slug,
};
use super::contributors::{self, NewContributor};
use super::{Actor, Desk, require_role};
use crate::error::{Error, Result};
use crate::model::{Action, JobKind, Role, SaveReason, Snapshot, State};
use crate::store::Tx;
use crate::store::articles::ArticleRow;
use crate::store::revisions::{PlannedRevision, RevisionMeta, plan_history};
use crate::store::transitions::NewTransition;
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
    fn user(&mut self, conn: &dyn Tx, key: &str) -> Result<i64> {
        if let Some(pk) = self.users.get(key) {
            return Ok(*pk);
        }
        let pk = conn
            .users()
            .find(key)?
            .ok_or_else(|| Error::not_found("user", key))?
            .pk;
        self.users.insert(key.to_string(), pk);
        Ok(pk)
    }

    fn contributor(&mut self, conn: &dyn Tx, key: &str) -> Result<(i64, String, String)> {
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
        // Ids carry the time they were made on this desk: ascending, so a large load appends to
        // the id indexes instead of scattering into them.
        let ids: Vec<(String, Vec<String>)> = articles
            .iter()
            .map(|a| {
                (
                    self.new_id(now),
                    a.transitions.iter().map(|_| self.new_id(now)).collect(),
                )
            })
            .collect();
        self.store.write_bulk(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "load an archive")?;
            for (c, id) in new_contributors.iter().zip(&contributor_ids) {
                contributors::insert_contributor(tx, id, c, now)?;
            }
            let mut cache = Cache {
                users: HashMap::new(),
                contributors: HashMap::new(),
            };
            let mut resolved = Vec::with_capacity(articles.len());
            for a in articles {
                resolved.push(resolve(tx, &mut cache, a)?);
            }
            // Text work (cleaning, snapshots, deltas) runs on a second thread while this one
            // writes the previous article: the load uses both cores without sharing the
            // connection.
            let loaded = std::thread::scope(|scope| -> Result<Option<(i64, i64)>> {
                let (send, receive) = std::sync::mpsc::sync_channel(32);
                let work = &resolved;
                scope.spawn(move || {
                    for (a, r) in articles.iter().zip(work) {
                        if send.send(prepare(a, r)).is_err() {
                            break;
                        }
                    }
                });
                let mut loaded = None;
                let items = articles.iter().zip(&resolved).zip(&ids).zip(receive);
                for (((a, r), (id, transition_ids)), prepared) in items {
                    let pk = write_one(tx, a, r, prepared?, id, transition_ids)?;
                    loaded = Some(loaded.map_or((pk, pk), |(first, _)| (first, pk)));
                }
                Ok(loaded)
            })?;
            // New keys are allocated upwards, so the batch is one contiguous range.
            if let Some((first, last)) = loaded {
                tx.search().index_new_articles(first, last)?;
            }
            Ok(articles.len())
        })
    }
}

/// An archived article with every name it uses looked up.
struct Resolved {
    headline: String,
    standfirst: String,
    section: Option<String>,
    tags: Vec<String>,
    /// (contributor key, display name, current bio) in byline order.
    byline: Vec<(i64, String, String)>,
    assigned_editor: Option<i64>,
    approved_by: Option<i64>,
    created_by: i64,
    revision_authors: Vec<i64>,
    transition_actors: Vec<Option<i64>>,
}

/// The article's text work, done away from the connection.
struct Prepared {
    body: String,
    word_count: i64,
    history: Vec<PlannedRevision>,
}

fn resolve(conn: &dyn Tx, cache: &mut Cache, a: &ArchivedArticle) -> Result<Resolved> {
    let headline = clean_headline(&a.headline)?;
    if a.revisions.is_empty() {
        return Err(Error::invalid(format!(
            "“{headline}” has no revisions to load"
        )));
    }
    if a.state == State::Published && a.published_at.is_none() {
        return Err(Error::invalid(format!(
            "“{headline}” is published but has no publication time"
        )));
    }
    let mut byline: Vec<(i64, String, String)> = Vec::with_capacity(a.byline.len());
    for key in &a.byline {
        let entry = cache.contributor(conn, key)?;
        if byline.iter().any(|(pk, _, _)| *pk == entry.0) {
            return Err(Error::invalid(format!(
                "“{headline}”: byline names {} twice",
                entry.1
            )));
        }
        byline.push(entry);
    }
    let mut user = |key: &Option<String>| -> Result<Option<i64>> {
        key.as_deref().map(|k| cache.user(conn, k)).transpose()
    };
    let assigned_editor = user(&a.assigned_editor)?;
    let approved_by = user(&a.approved_by)?;
    let transition_actors = a
        .transitions
        .iter()
        .map(|t| user(&t.actor))
        .collect::<Result<_>>()?;
    let revision_authors = a
        .revisions
        .iter()
        .map(|r| cache.user(conn, &r.author))
        .collect::<Result<_>>()?;
    Ok(Resolved {
        standfirst: clean_standfirst(&a.standfirst)?,
        section: clean_section(conn, a.section.as_deref())?,
        tags: clean_tags(&a.tags)?,
        created_by: cache.user(conn, &a.created_by)?,
        headline,
        byline,
        assigned_editor,
        approved_by,
        revision_authors,
        transition_actors,
    })
}

fn prepare(a: &ArchivedArticle, r: &Resolved) -> Result<Prepared> {
    let mut bodies = Vec::with_capacity(a.revisions.len());
    for revision in &a.revisions {
        bodies.push(clean_body(&revision.body)?.into_owned());
    }
    let body = bodies.last().cloned().unwrap_or_default();
    let names: Vec<String> = r.byline.iter().map(|(_, n, _)| n.clone()).collect();
    let history = plan_history(bodies.into_iter().map(|body| Snapshot {
        headline: r.headline.clone(),
        standfirst: r.standfirst.clone(),
        body,
        section: r.section.clone(),
        tags: r.tags.clone(),
        byline: names.clone(),
    }));
    Ok(Prepared {
        word_count: word_count(&body) as i64,
        body,
        history,
    })
}

fn write_one(
    conn: &dyn Tx,
    a: &ArchivedArticle,
    r: &Resolved,
    p: Prepared,
    id: &str,
    transition_ids: &[String],
) -> Result<i64> {
    let first_at = a
        .revisions
        .first()
        .map_or(DateTime::<Utc>::MIN_UTC, |x| x.at);
    let last_at = a.revisions.last().map_or(first_at, |x| x.at);
    let state_changed_at = a.transitions.last().map_or(first_at, |t| t.at);
    let mut row = ArticleRow {
        pk: 0,
        id: id.to_string(),
        slug: unique_slug(conn, &r.headline, 0)?,
        headline: r.headline.clone(),
        standfirst: r.standfirst.clone(),
        word_count: p.word_count,
        body: p.body,
        section: r.section.clone(),
        tags: r.tags.clone(),
        state: a.state,
        version: a.revisions.len() as i64,
        assigned_editor: r.assigned_editor,
        approved_by: r.approved_by,
        embargo_until: None,
        scheduled_at: a.scheduled_at,
        published_at: a.published_at,
        created_by: r.created_by,
        created_at: first_at,
        updated_at: last_at.max(state_changed_at),
        state_changed_at,
    };
    row.pk = conn.articles().insert(&row)?;
    // A published piece prints the bio it was published with.
    let entries: Vec<(i64, Option<String>)> = r
        .byline
        .iter()
        .map(|(pk, _, bio)| (*pk, (a.state == State::Published).then(|| bio.clone())))
        .collect();
    conn.articles().insert_byline(row.pk, &entries)?;
    let history: Vec<(RevisionMeta, PlannedRevision)> = a
        .revisions
        .iter()
        .zip(p.history)
        .zip(&r.revision_authors)
        .zip(1..)
        .map(|(((revision, planned), author_pk), version)| {
            let meta = RevisionMeta {
                version,
                author_pk: *author_pk,
                at: revision.at,
                reason: revision.reason,
                restored_from: None,
            };
            (meta, planned)
        })
        .collect();
    conn.revisions().insert_history(row.pk, &history)?;
    let transitions: Vec<NewTransition> = a
        .transitions
        .iter()
        .zip(transition_ids)
        .zip(&r.transition_actors)
        .map(|((t, tid), actor_pk)| NewTransition {
            id: tid,
            article_pk: row.pk,
            action: t.action,
            from: t.from,
            to: t.to,
            actor_pk: *actor_pk,
            at: t.at,
            note: t.note.as_deref(),
        })
        .collect();
    conn.transitions().insert_all(&transitions)?;
    if matches!(a.state, State::Published | State::Withdrawn) {
        conn.articles().set_published_version(row.pk, row.version)?;
    }
    if a.state == State::Scheduled {
        // A scheduled piece has its publish job, as when it is scheduled on the desk.
        let due = a.scheduled_at.ok_or_else(|| {
            Error::invalid(format!(
                "“{}” is scheduled but has no publication time",
                r.headline
            ))
        })?;
        let by = r.approved_by.or(r.assigned_editor).unwrap_or(r.created_by);
        let job_id = format!("archived-{id}");
        conn.jobs()
            .put(&job_id, row.pk, JobKind::Publish, due, by, state_changed_at)?;
    }
    Ok(row.pk)
}
