//! The change feed of a shared desk: every change, in an order a reader can resume from, and a
//! way to wait for the next one. A desk file has none (its one app knows its own changes).

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::error::Result;

/// A place in the feed: everything at or before it has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FeedPosition {
    pub xid: i64,
    pub id: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChangeRow {
    pub position: FeedPosition,
    pub kind: String,
    pub subject: Option<String>,
    pub at: DateTime<Utc>,
}

pub(crate) trait ChangeFeed: Send + Sync {
    /// Changes after `from` (from the present, when `None`), oldest first, and the position the
    /// next read starts from. Only changes no running transaction can fall behind are given.
    fn after(
        &self,
        from: Option<FeedPosition>,
        limit: i64,
    ) -> Result<(Vec<ChangeRow>, FeedPosition)>;

    /// Whether changes at or before `position` may have been pruned, so a reader there may have
    /// missed some.
    fn is_pruned(&self, position: FeedPosition) -> Result<bool>;

    /// Forgets changes older than `keep` by the database's clock (the one that dated them).
    fn prune(&self, keep: std::time::Duration) -> Result<u64>;

    /// A connection that hears of every change as it commits.
    fn listen(&self) -> Result<Box<dyn ChangeListener>>;
}

pub trait ChangeListener: Send {
    /// Waits up to `timeout` for a change; true when one (or more) was announced.
    fn wait(&mut self, timeout: Duration) -> Result<bool>;
}
