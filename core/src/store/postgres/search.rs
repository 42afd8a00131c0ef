//! Full-text search on PostgreSQL: a `tsvector` per article (headline weighted A, standfirst B,
//! body C, byline names and bios D) and per contributor, accents removed with `unaccent`, ranked
//! with `ts_rank` and paged by (score, key). Autosaves mark an article pending instead, as on
//! the desk file, and pending articles are indexed before any search runs.

use super::{PgTx, get};
use crate::error::Result;
use crate::model::{ContributorHit, SearchHit, State};
use crate::snippet::snippet;
use crate::store::search::{Search, SearchFilter};
use crate::store::split_bylines;

/// The document of the articles with keys between $1 and $2.
const DOCUMENT: &str = "SELECT a.pk,
        setweight(to_tsvector('simple', search_text(a.headline)), 'A') ||
        setweight(to_tsvector('simple', search_text(a.standfirst)), 'B') ||
        setweight(to_tsvector('simple', search_text(a.body)), 'C') ||
        setweight(to_tsvector('simple', search_text(coalesce(
            (SELECT string_agg(c.display_name || ' ' || coalesce(b.printed_bio, c.bio), ' '
                               ORDER BY b.position)
               FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
              WHERE b.article_pk = a.pk), ''))), 'D')
   FROM articles a WHERE a.pk BETWEEN $1 AND $2";

impl Search for PgTx<'_> {
    fn index_article(&self, article_pk: i64) -> Result<()> {
        self.exec(
            &format!(
                "INSERT INTO article_search (article_pk, doc) {DOCUMENT}
                 ON CONFLICT (article_pk) DO UPDATE SET doc = excluded.doc"
            ),
            &[&article_pk, &article_pk],
        )?;
        self.exec(
            "DELETE FROM search_pending WHERE article_pk = $1",
            &[&article_pk],
        )?;
        Ok(())
    }

    fn index_new_article(&self, article_pk: i64) -> Result<()> {
        self.index_new_articles(article_pk, article_pk)
    }

    fn index_new_articles(&self, first: i64, last: i64) -> Result<()> {
        self.exec(
            &format!(
                "INSERT INTO article_search (article_pk, doc) {DOCUMENT}
                 ON CONFLICT (article_pk) DO UPDATE SET doc = excluded.doc"
            ),
            &[&first, &last],
        )?;
        Ok(())
    }

    fn mark_pending(&self, article_pk: i64) -> Result<()> {
        self.exec(
            "INSERT INTO search_pending (article_pk) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&article_pk],
        )?;
        Ok(())
    }

    fn is_pending(&self, article_pk: i64) -> Result<bool> {
        Ok(self
            .opt(
                "SELECT 1 FROM search_pending WHERE article_pk = $1",
                &[&article_pk],
            )?
            .is_some())
    }

    fn any_pending(&self) -> Result<bool> {
        Ok(self
            .opt("SELECT 1 FROM search_pending LIMIT 1", &[])?
            .is_some())
    }

    fn index_pending(&self) -> Result<usize> {
        let pending: Vec<i64> = self
            .rows("SELECT article_pk FROM search_pending", &[])?
            .iter()
            .map(|r| get(r, 0))
            .collect::<Result<_>>()?;
        for pk in &pending {
            self.index_article(*pk)?;
        }
        Ok(pending.len())
    }

    fn articles(
        &self,
        terms: &[String],
        filter: &SearchFilter,
        after: Option<(f64, i64)>,
        limit: i64,
    ) -> Result<Vec<((f64, i64), SearchHit)>> {
        let (score, pk) = after.unwrap_or((f64::NEG_INFINITY, i64::MIN));
        let words = terms.join(" ");
        // The score is the rank negated, so that better comes first in ascending order, as the
        // desk's cursors expect.
        let rows = self.rows(
            "WITH q AS (SELECT plainto_tsquery('simple', search_text($1)) AS q),
                  hits AS (
                    SELECT a.pk, a.id, a.headline, a.state, a.section, a.standfirst, a.body,
                           -ts_rank(s.doc, q.q)::float8 AS score
                      FROM article_search s CROSS JOIN q JOIN articles a ON a.pk = s.article_pk
                     WHERE s.doc @@ q.q
                       AND ($2::text IS NULL OR a.state = $2)
                       AND ($3::text IS NULL OR lower(a.section) = lower($3))
                       AND ($4::bigint IS NULL OR EXISTS (
                             SELECT 1 FROM article_bylines v
                              WHERE v.article_pk = a.pk AND v.contributor_pk = $4)))
             SELECT h.pk, h.id, h.headline, h.state, h.section,
                    (SELECT string_agg(c.id || chr(30) || c.display_name, chr(31)
                                       ORDER BY b.position)
                       FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
                      WHERE b.article_pk = h.pk),
                    h.standfirst, h.body, h.score
               FROM hits h
              WHERE h.score > $5 OR (h.score = $5 AND h.pk > $6)
              ORDER BY h.score, h.pk LIMIT $7",
            &[
                &words,
                &filter.state.map(State::as_str),
                &filter.section,
                &filter.contributor_pk,
                &score,
                &pk,
                &limit,
            ],
        )?;
        rows.iter()
            .map(|r| {
                let state: String = get(r, 3)?;
                let pk: i64 = get(r, 0)?;
                let score: f64 = get(r, 8)?;
                let headline: String = get(r, 2)?;
                let standfirst: String = get(r, 6)?;
                let body: String = get(r, 7)?;
                Ok((
                    (score, pk),
                    SearchHit {
                        id: get(r, 1)?,
                        snippet: snippet(&[&body, &standfirst, &headline], terms),
                        headline,
                        state: state.parse().unwrap_or(State::Draft),
                        section: get(r, 4)?,
                        byline: split_bylines(get(r, 5)?),
                        score,
                    },
                ))
            })
            .collect()
    }

    fn contributors(&self, words: &[String], limit: i64) -> Result<Vec<ContributorHit>> {
        let rows = self.rows(
            "WITH q AS (SELECT plainto_tsquery('simple', search_text($1)) AS q)
             SELECT c.id, c.display_name, c.affiliation, c.bio
               FROM contributors c CROSS JOIN q
              WHERE c.search @@ q.q
              ORDER BY ts_rank(c.search, q.q) DESC, c.pk LIMIT $2",
            &[&words.join(" "), &limit],
        )?;
        rows.iter()
            .map(|r| {
                let name: String = get(r, 1)?;
                let affiliation: String = get(r, 2)?;
                let bio: String = get(r, 3)?;
                Ok(ContributorHit {
                    id: get(r, 0)?,
                    snippet: snippet(&[&bio, &affiliation, &name], words),
                    display_name: name,
                    affiliation,
                })
            })
            .collect()
    }
}
