//! Articles, their bylines and related pieces, and the paged lists the desk reads them through.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::{ArticleSummary, Byline, RelatedArticle, State};

/// An article as stored, with the internal keys the engine works with.
#[derive(Debug, Clone)]
pub(crate) struct ArticleRow {
    pub pk: i64,
    pub id: String,
    pub slug: String,
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub state: State,
    pub version: i64,
    pub word_count: i64,
    pub assigned_editor: Option<i64>,
    pub approved_by: Option<i64>,
    pub embargo_until: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub state_changed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ListFilter<'a> {
    pub state: Option<State>,
    pub section: Option<&'a str>,
    pub contributor_pk: Option<i64>,
    /// Only articles assigned to this editor; needs a state unless a contributor is named.
    pub editor_pk: Option<i64>,
}

/// The key a page continues after: (state change instant in ms, pk).
pub(crate) type ListKey = (i64, i64);

pub(crate) trait Articles {
    /// Inserts the article (its `pk` is ignored) and returns the new key. The caller indexes it for
    /// search once its byline is written.
    fn insert(&self, a: &ArticleRow) -> Result<i64>;

    fn get_by_id(&self, id: &str) -> Result<Option<ArticleRow>>;

    fn get_by_pk(&self, pk: i64) -> Result<Option<ArticleRow>>;

    /// Writes the text fields of `new` that differ from `old`, with its version and time; columns
    /// left out of the statement leave their indexes untouched. The caller indexes the article for
    /// search or marks it pending.
    fn update_text(&self, old: &ArticleRow, new: &ArticleRow) -> Result<()>;

    /// Writes the workflow fields of `a`; the text and its index are not touched.
    fn update_workflow(&self, a: &ArticleRow) -> Result<()>;

    fn slug_taken(&self, slug: &str, except_pk: i64) -> Result<bool>;

    /// The byline in order, with each contributor's key.
    fn get_byline(&self, article_pk: i64) -> Result<Vec<(i64, Byline)>>;

    /// Replaces the byline: contributors in order, each with the article's own bio text or `None`
    /// to print the contributor's bio.
    fn set_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()>;

    /// Writes the byline of an article that has none yet.
    fn insert_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()>;

    /// Copies each contributor's current bio into the article, where it does not carry its own,
    /// remembering that it follows the contributor: a republication prints their bio as it reads then.
    fn freeze_bios(&self, article_pk: i64) -> Result<()>;

    /// On republication: bios frozen from the contributor take the contributor's bio as it reads now.
    fn refresh_followed_bios(&self, article_pk: i64) -> Result<()>;

    /// Records the version whose text the site prints.
    fn set_published_version(&self, article_pk: i64, version: i64) -> Result<()>;

    fn published_version(&self, article_pk: i64) -> Result<Option<i64>>;

    fn get_related(&self, article_pk: i64) -> Result<Vec<(i64, RelatedArticle)>>;

    fn set_related(&self, article_pk: i64, related: &[i64]) -> Result<()>;

    /// Whether `contributor_pk` is on the article's byline.
    fn has_byline_contributor(&self, article_pk: i64, contributor_pk: i64) -> Result<bool>;

    fn list(
        &self,
        filter: &ListFilter,
        after: Option<ListKey>,
        limit: i64,
    ) -> Result<Vec<(ListKey, ArticleSummary)>>;
}
