//! What the static site reads: published pieces, their authors' lists, and publication history.

use chrono::{DateTime, Utc};

use crate::error::Result;

/// A published piece as a link: its key, id, slug, headline and publication instant.
pub(crate) type PublishedLink = (i64, String, String, String, DateTime<Utc>);

pub(crate) trait Site {
    /// The newest published pieces.
    fn latest(&self, limit: i64) -> Result<Vec<PublishedLink>>;

    /// A contributor's published pieces, newest first.
    fn by_contributor(&self, contributor_pk: i64) -> Result<Vec<PublishedLink>>;

    /// Every published piece (for the sitemap), in key order.
    fn all_published(&self) -> Result<Vec<PublishedLink>>;

    /// Keys of the pieces that have pages (published or withdrawn), after `after`, in key order.
    fn with_pages(&self, after: i64, limit: i64) -> Result<Vec<i64>>;

    /// Contributors with at least one published piece.
    fn published_contributors(&self) -> Result<Vec<i64>>;

    /// The article's republications, oldest first: when, and the update note readers see.
    fn updates(&self, article_pk: i64) -> Result<Vec<(DateTime<Utc>, String)>>;

    /// The post the piece became on the WordPress site at `site`, when one was recorded.
    fn remote_post(&self, article_pk: i64, site: &str) -> Result<Option<String>>;

    /// Records (or replaces) the post the piece became on the WordPress site at `site`.
    fn set_remote_post(
        &self,
        article_pk: i64,
        site: &str,
        post_id: &str,
        at: DateTime<Utc>,
    ) -> Result<()>;
}
