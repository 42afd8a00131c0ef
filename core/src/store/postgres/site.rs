//! What the static site reads, on PostgreSQL.

use chrono::{DateTime, Utc};
use postgres::Row;

use super::{PgTx, get, instant};
use crate::error::Result;
use crate::store::site::{PublishedLink, Site};

fn link(r: &Row) -> Result<PublishedLink> {
    Ok((
        get(r, 0)?,
        get(r, 1)?,
        get(r, 2)?,
        get(r, 3)?,
        instant(get(r, 4)?),
    ))
}

fn pks(rows: Vec<Row>) -> Result<Vec<i64>> {
    rows.iter().map(|r| get(r, 0)).collect()
}

impl Site for PgTx<'_> {
    fn latest(&self, limit: i64) -> Result<Vec<PublishedLink>> {
        self.rows(
            "SELECT pk, id, slug, headline, published_at FROM articles
              WHERE published_at IS NOT NULL AND state = 'published'
              ORDER BY published_at DESC, pk DESC LIMIT $1",
            &[&limit],
        )?
        .iter()
        .map(link)
        .collect()
    }

    fn by_contributor(&self, contributor_pk: i64) -> Result<Vec<PublishedLink>> {
        self.rows(
            "SELECT a.pk, a.id, a.slug, a.headline, a.published_at
               FROM article_bylines b JOIN articles a ON a.pk = b.article_pk
              WHERE b.contributor_pk = $1 AND a.state = 'published'
              ORDER BY a.published_at DESC, a.pk DESC",
            &[&contributor_pk],
        )?
        .iter()
        .map(link)
        .collect()
    }

    fn all_published(&self) -> Result<Vec<PublishedLink>> {
        self.rows(
            "SELECT pk, id, slug, headline, coalesce(published_at, updated_at) FROM articles
              WHERE state = 'published' ORDER BY pk",
            &[],
        )?
        .iter()
        .map(link)
        .collect()
    }

    fn with_pages(&self, after: i64, limit: i64) -> Result<Vec<i64>> {
        pks(self.rows(
            "SELECT pk FROM articles WHERE pk > $1 AND state IN ('published', 'withdrawn')
              ORDER BY pk LIMIT $2",
            &[&after, &limit],
        )?)
    }

    fn published_contributors(&self) -> Result<Vec<i64>> {
        pks(self.rows(
            "SELECT DISTINCT b.contributor_pk FROM article_bylines b
               JOIN articles a ON a.pk = b.article_pk WHERE a.state = 'published'",
            &[],
        )?)
    }

    fn updates(&self, article_pk: i64) -> Result<Vec<(DateTime<Utc>, String)>> {
        self.rows(
            "SELECT at, coalesce(note, '') FROM transitions
              WHERE article_pk = $1 AND action = 'republish' ORDER BY pk",
            &[&article_pk],
        )?
        .iter()
        .map(|r| Ok((instant(get(r, 0)?), get(r, 1)?)))
        .collect()
    }

    fn remote_post(&self, article_pk: i64, site: &str) -> Result<Option<String>> {
        self.opt(
            "SELECT post_id FROM remote_posts WHERE article_pk = $1 AND site = $2",
            &[&article_pk, &site],
        )?
        .map(|r| get(&r, 0))
        .transpose()
    }

    fn set_remote_post(
        &self,
        article_pk: i64,
        site: &str,
        post_id: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO remote_posts (article_pk, site, post_id, pushed_at)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (article_pk, site) DO UPDATE
                SET post_id = excluded.post_id, pushed_at = excluded.pushed_at",
            &[&article_pk, &site, &post_id, &at.timestamp_millis()],
        )?;
        Ok(())
    }
}
