//! What the static site reads: published pieces, their authors' lists, and publication history.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::instant;
use crate::error::Result;

/// A published piece as a link: its key, id, slug, headline and publication instant.
pub type PublishedLink = (i64, String, String, String, DateTime<Utc>);

fn link_rows(
    stmt: &mut rusqlite::CachedStatement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<PublishedLink>> {
    let rows = stmt.query_map(params, |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            instant(r.get(4)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest published pieces.
pub fn latest(conn: &Connection, limit: i64) -> Result<Vec<PublishedLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pk, id, slug, headline, published_at FROM articles INDEXED BY articles_by_publication
          WHERE published_at IS NOT NULL AND state = 'published'
          ORDER BY published_at DESC, pk DESC LIMIT ?1",
    )?;
    link_rows(&mut stmt, [limit])
}

/// A contributor's published pieces, newest first.
pub fn by_contributor(conn: &Connection, contributor_pk: i64) -> Result<Vec<PublishedLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.pk, a.id, a.slug, a.headline, a.published_at
           FROM article_bylines b JOIN articles a ON a.pk = b.article_pk
          WHERE b.contributor_pk = ?1 AND a.state = 'published'
          ORDER BY a.published_at DESC, a.pk DESC",
    )?;
    link_rows(&mut stmt, [contributor_pk])
}

/// Every published piece (for the sitemap), in key order.
pub fn all_published(conn: &Connection) -> Result<Vec<PublishedLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pk, id, slug, headline, coalesce(published_at, updated_at) FROM articles
          WHERE state = 'published' ORDER BY pk",
    )?;
    link_rows(&mut stmt, [])
}

/// Keys of the pieces that have pages (published or withdrawn), after `after`, in key order.
pub fn with_pages(conn: &Connection, after: i64, limit: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pk FROM articles WHERE pk > ?1 AND state IN ('published', 'withdrawn')
          ORDER BY pk LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![after, limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Contributors with at least one published piece.
pub fn published_contributors(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT b.contributor_pk FROM article_bylines b
           JOIN articles a ON a.pk = b.article_pk WHERE a.state = 'published'",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The article's republications, oldest first: when, and the update note readers see.
pub fn updates(conn: &Connection, article_pk: i64) -> Result<Vec<(DateTime<Utc>, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, coalesce(note, '') FROM transitions
          WHERE article_pk = ?1 AND action = 'republish' ORDER BY pk",
    )?;
    let rows = stmt.query_map([article_pk], |r| Ok((instant(r.get(0)?), r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
