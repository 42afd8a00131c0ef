//! Full-text search over articles (headline, standfirst, body, byline names and printed bios)
//! and contributors, ranked and paged by (score, key). The store indexes an article when
//! it writes it; autosaves mark it pending instead, and pending articles are indexed before any
//! search runs.

use crate::error::Result;
use crate::model::{ContributorHit, SearchHit, State};

#[derive(Debug, Clone, Default)]
pub(crate) struct SearchFilter<'a> {
    pub state: Option<State>,
    pub section: Option<&'a str>,
    /// Only articles with this contributor on the byline.
    pub contributor_pk: Option<i64>,
}

pub(crate) trait Search {
    /// (Re)indexes one article from its stored text, and clears any pending mark.
    fn index_article(&self, article_pk: i64) -> Result<()>;

    /// Indexes an article that has never been indexed.
    fn index_new_article(&self, article_pk: i64) -> Result<()>;

    /// Indexes the never-indexed articles with keys `first..=last` in one statement. FTS5 writes
    /// its in-memory index to disk at every statement savepoint, so one statement for a whole batch
    /// builds a few large segments instead of one small segment per article.
    fn index_new_articles(&self, first: i64, last: i64) -> Result<()>;

    /// Notes that the article's text changed without being indexed.
    fn mark_pending(&self, article_pk: i64) -> Result<()>;

    fn is_pending(&self, article_pk: i64) -> Result<bool>;

    fn any_pending(&self) -> Result<bool>;

    /// Indexes every pending article; returns how many there were.
    fn index_pending(&self) -> Result<usize>;

    /// Articles holding every one of `words` (case and accents ignored), best first, after the
    /// key `(score, pk)` given, each with a snippet marking the words.
    fn articles(
        &self,
        words: &[String],
        filter: &SearchFilter,
        after: Option<(f64, i64)>,
        limit: i64,
    ) -> Result<Vec<((f64, i64), SearchHit)>>;

    /// Contributors whose name, affiliation or bio hold every one of `words`, best first.
    fn contributors(&self, words: &[String], limit: i64) -> Result<Vec<ContributorHit>>;
}
