//! What the static site reads: published pieces, their authors' lists, and publication history.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{SqliteTx, instant};
use crate::error::Result;
use crate::store::site::{PublishedLink, Site};

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

impl Site for SqliteTx<'_> {
    fn latest(&self, limit: i64) -> Result<Vec<PublishedLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT pk, id, slug, headline, published_at FROM articles INDEXED BY articles_by_publication
              WHERE published_at IS NOT NULL AND state = 'published'
              ORDER BY published_at DESC, pk DESC LIMIT ?1",
        )?;
        link_rows(&mut stmt, [limit])
    }

    fn by_contributor(&self, contributor_pk: i64) -> Result<Vec<PublishedLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.pk, a.id, a.slug, a.headline, a.published_at
               FROM article_bylines b JOIN articles a ON a.pk = b.article_pk
              WHERE b.contributor_pk = ?1 AND a.state = 'published'
              ORDER BY a.published_at DESC, a.pk DESC",
        )?;
        link_rows(&mut stmt, [contributor_pk])
    }

    fn all_published(&self) -> Result<Vec<PublishedLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT pk, id, slug, headline, coalesce(published_at, updated_at) FROM articles
              WHERE state = 'published' ORDER BY pk",
        )?;
        link_rows(&mut stmt, [])
    }

    fn with_pages(&self, after: i64, limit: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT pk FROM articles WHERE pk > ?1 AND state IN ('published', 'withdrawn')
              ORDER BY pk LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn published_contributors(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT b.contributor_pk FROM article_bylines b
               JOIN articles a ON a.pk = b.article_pk WHERE a.state = 'published'",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn updates(&self, article_pk: i64) -> Result<Vec<(DateTime<Utc>, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, coalesce(note, '') FROM transitions
              WHERE article_pk = ?1 AND action = 'republish' ORDER BY pk",
        )?;
        let rows = stmt.query_map([article_pk], |r| Ok((instant(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn remote_post(&self, article_pk: i64, site: &str) -> Result<Option<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT post_id FROM remote_posts WHERE article_pk = ?1 AND site = ?2",
        )?;
        Ok(stmt
            .query_row(params![article_pk, site], |r| r.get(0))
            .optional()?)
    }

    fn set_remote_post(
        &self,
        article_pk: i64,
        site: &str,
        post_id: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO remote_posts (article_pk, site, post_id, pushed_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (article_pk, site) DO UPDATE
                    SET post_id = excluded.post_id, pushed_at = excluded.pushed_at",
            )?
            .execute(params![article_pk, site, post_id, at.timestamp_millis()])?;
        Ok(())
    }
}
