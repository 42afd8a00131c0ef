//! Who has an article open: one row per person and article, refreshed while the editor is open.

use chrono::{DateTime, Utc};

use crate::error::Result;

/// One person with an article open, as stored.
pub(crate) struct PresenceRow {
    pub article_id: String,
    pub user_id: String,
    pub user_name: String,
    pub since: DateTime<Utc>,
    pub typing_at: Option<DateTime<Utc>>,
}

pub(crate) trait Presence {
    /// `user_pk` has the article open at `now` (typing, if `typing`). A row not seen since
    /// `stale` starts again from `now`.
    fn mark(
        &self,
        article_pk: i64,
        user_pk: i64,
        now: DateTime<Utc>,
        typing: bool,
        stale: DateTime<Utc>,
    ) -> Result<()>;

    /// `user_pk` closed the article.
    fn leave(&self, article_pk: i64, user_pk: i64) -> Result<()>;

    /// Everyone seen since `seen_since`, on one article or on all, oldest first.
    fn list(&self, article_pk: Option<i64>, seen_since: DateTime<Utc>) -> Result<Vec<PresenceRow>>;

    /// Forgets rows not seen since `before`.
    fn prune(&self, before: DateTime<Utc>) -> Result<()>;
}
