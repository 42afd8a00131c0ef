//! Full-text search over articles (headline, standfirst, body, byline names and printed bios)
//! and contributors, ranked by BM25 and paged by (score, key). The store indexes an article when
//! it writes it; autosaves mark it pending instead, and pending articles are indexed before any
//! search runs.

use rusqlite::params;

use super::SqliteTx;
use crate::error::Result;
use crate::model::{ContributorHit, SearchHit, SnippetPart, State};
use crate::snippet::snippet;
use crate::store::search::{Search, SearchFilter};
use crate::store::split_bylines;

/// Ranks on keys alone, then reads the text of the page it returns: SQLite's sorter carries every
/// column it is given, so ranking with the bodies in hand copied every matching article's text.
pub(crate) fn articles_sql() -> &'static str {
    "WITH ranked AS (
         SELECT a.pk AS pk, bm25(articles_fts, 8.0, 4.0, 1.0, 2.0) AS score
         FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
         WHERE articles_fts MATCH ?1
           AND (?2 IS NULL OR a.state = ?2)
           AND (?3 IS NULL OR a.section = ?3)
           AND (?4 IS NULL OR EXISTS (SELECT 1 FROM article_bylines v
                                      WHERE v.article_pk = a.pk AND v.contributor_pk = ?4))
           AND (score > ?5 OR (score = ?5 AND a.pk > ?6))
         ORDER BY score, a.pk LIMIT ?7)
     SELECT a.pk, a.id, a.headline, a.state, a.section,
            (SELECT group_concat(n, char(31)) FROM (SELECT c.id || char(30) || c.display_name AS n
               FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
              WHERE b.article_pk = a.pk ORDER BY b.position)),
            a.standfirst, a.body, ranked.score
     FROM ranked JOIN articles a ON a.pk = ranked.pk
     ORDER BY ranked.score, ranked.pk"
}

/// The FTS5 query that needs every word, each quoted so that no text is read as query syntax.
fn fts_query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Marks around matched words in contributor snippets; control characters cannot occur in
/// stored text.
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

fn marked_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    for piece in marked.split([HIT_START, HIT_END]) {
        if !piece.is_empty() {
            parts.push(SnippetPart {
                text: piece.to_string(),
                hit,
            });
        }
        hit = !hit;
    }
    parts
}

impl Search for SqliteTx<'_> {
    fn index_article(&self, article_pk: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
            .execute([article_pk])?;
        self.index_new_article(article_pk)?;
        self.conn
            .prepare_cached("DELETE FROM search_pending WHERE article_pk = ?1")?
            .execute([article_pk])?;
        Ok(())
    }

    fn index_new_article(&self, article_pk: i64) -> Result<()> {
        self.index_new_articles(article_pk, article_pk)
    }

    fn index_new_articles(&self, first: i64, last: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO articles_fts (rowid, headline, standfirst, body, byline)
             SELECT a.pk, a.headline, a.standfirst, a.body, coalesce(
                 (SELECT group_concat(t, char(10)) FROM (
                     SELECT c.display_name || char(10) || coalesce(b.printed_bio, c.bio) AS t
                     FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
                     WHERE b.article_pk = a.pk ORDER BY b.position)), '')
             FROM articles a WHERE a.pk BETWEEN ?1 AND ?2",
            )?
            .execute([first, last])?;
        Ok(())
    }

    fn mark_pending(&self, article_pk: i64) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO search_pending (article_pk) VALUES (?1)")?
            .execute([article_pk])?;
        Ok(())
    }

    fn is_pending(&self, article_pk: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM search_pending WHERE article_pk = ?1")?
            .exists([article_pk])?)
    }

    fn any_pending(&self) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM search_pending")?
            .exists([])?)
    }

    fn index_pending(&self) -> Result<usize> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_pk FROM search_pending")?;
        let pending: Vec<i64> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
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
        let query = fts_query(terms);
        let (score, pk) = after.unwrap_or((f64::NEG_INFINITY, i64::MIN));
        let mut stmt = self.conn.prepare_cached(articles_sql())?;
        let rows = stmt.query_map(
            params![
                query,
                filter.state.map(State::as_str),
                filter.section,
                filter.contributor_pk,
                score,
                pk,
                limit
            ],
            |r| {
                let state: String = r.get(3)?;
                let pk: i64 = r.get(0)?;
                let score: f64 = r.get(8)?;
                let headline: String = r.get(2)?;
                let standfirst: String = r.get(6)?;
                let body: String = r.get(7)?;
                Ok((
                    (score, pk),
                    SearchHit {
                        id: r.get(1)?,
                        snippet: snippet(&[&body, &standfirst, &headline], terms),
                        headline,
                        state: state.parse().unwrap_or(State::Draft),
                        section: r.get(4)?,
                        byline: split_bylines(r.get(5)?),
                        score,
                    },
                ))
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn contributors(&self, words: &[String], limit: i64) -> Result<Vec<ContributorHit>> {
        let query = fts_query(words);
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.display_name, c.affiliation,
                    snippet(contributors_fts, -1, char(2), char(3), '…', 16)
             FROM contributors_fts JOIN contributors c ON c.pk = contributors_fts.rowid
             WHERE contributors_fts MATCH ?1
             ORDER BY bm25(contributors_fts, 10.0, 3.0, 1.0), c.pk LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query, limit], |r| {
            Ok(ContributorHit {
                id: r.get(0)?,
                display_name: r.get(1)?,
                affiliation: r.get(2)?,
                snippet: marked_parts(&r.get::<_, String>(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_snippets_split_into_hits() {
        let parts = marked_parts("the \u{2}señor\u{3} said \u{2}yes\u{3}");
        let hits: Vec<_> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["señor", "yes"]);
        assert_eq!(parts[0].text, "the ");
    }
}
