//! Editorial notes on an article, threaded.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::Note;

pub(crate) struct NewNote<'a> {
    pub id: &'a str,
    pub article_pk: i64,
    pub parent_pk: Option<i64>,
    pub author_pk: i64,
    pub body: &'a str,
    pub anchor: Option<&'a str>,
    pub at: DateTime<Utc>,
}

pub(crate) trait Notes {
    fn insert(&self, n: &NewNote) -> Result<i64>;

    /// (note pk, article pk, author pk, resolved) of the note with this id.
    fn get_keys(&self, id: &str) -> Result<Option<(i64, i64, i64, bool)>>;

    fn resolve(&self, pk: i64, by: i64, at: DateTime<Utc>) -> Result<()>;

    /// One note by its key.
    fn get(&self, pk: i64) -> Result<Option<Note>>;

    /// Every note on the article in writing order, each with the key of its parent.
    fn list(&self, article_pk: i64) -> Result<Vec<(i64, Option<i64>, Note)>>;
}
