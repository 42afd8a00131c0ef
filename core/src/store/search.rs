//! Full-text search over articles (headline, standfirst, body, byline names and bios) and over
//! contributors, ranked by BM25 and paged by (score, key).

use rusqlite::{Connection, params};

use super::split_names;
use crate::error::Result;
use crate::model::{ContributorHit, SearchHit, SnippetPart, State};

/// Marks around matched words in snippets; control characters cannot occur in stored text.
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

#[derive(Debug, Clone, Default)]
pub struct SearchFilter<'a> {
    pub state: Option<State>,
    pub section: Option<&'a str>,
    /// Only articles with this contributor on the byline.
    pub contributor_pk: Option<i64>,
}

pub fn articles_sql() -> &'static str {
    "SELECT a.pk, a.id, a.headline, a.state, a.section,
            (SELECT group_concat(n, char(31)) FROM (SELECT c.display_name AS n
               FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
              WHERE b.article_pk = a.pk ORDER BY b.position)),
            snippet(articles_fts, -1, char(2), char(3), '…', 24),
            bm25(articles_fts, 8.0, 4.0, 1.0, 2.0) AS score
     FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid
     WHERE articles_fts MATCH ?1
       AND (?2 IS NULL OR a.state = ?2)
       AND (?3 IS NULL OR a.section = ?3)
       AND (?4 IS NULL OR EXISTS (SELECT 1 FROM article_bylines v
                                  WHERE v.article_pk = a.pk AND v.contributor_pk = ?4))
       AND (score > ?5 OR (score = ?5 AND a.pk > ?6))
     ORDER BY score, a.pk LIMIT ?7"
}

/// Articles matching the FTS5 `query`, best first, after the key `(score, pk)` given.
pub fn articles(
    conn: &Connection,
    query: &str,
    filter: &SearchFilter,
    after: Option<(f64, i64)>,
    limit: i64,
) -> Result<Vec<((f64, i64), SearchHit)>> {
    let (score, pk) = after.unwrap_or((f64::NEG_INFINITY, i64::MIN));
    let mut stmt = conn.prepare_cached(articles_sql())?;
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
            let score: f64 = r.get(7)?;
            Ok((
                (score, pk),
                SearchHit {
                    id: r.get(1)?,
                    headline: r.get(2)?,
                    state: state.parse().unwrap_or(State::Draft),
                    section: r.get(4)?,
                    byline: split_names(r.get(5)?),
                    snippet: snippet_parts(&r.get::<_, String>(6)?),
                    score,
                },
            ))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn contributors(conn: &Connection, query: &str, limit: i64) -> Result<Vec<ContributorHit>> {
    let mut stmt = conn.prepare_cached(
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
            snippet: snippet_parts(&r.get::<_, String>(3)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_split_into_hits() {
        let parts = snippet_parts("the \u{2}señor\u{3} said \u{2}yes\u{3}");
        let hits: Vec<_> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["señor", "yes"]);
        assert_eq!(parts[0].text, "the ");
    }
}
