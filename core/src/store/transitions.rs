//! The audit log: one row per workflow transition, never changed afterwards.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::{Action, State, TransitionRecord};

pub(crate) struct NewTransition<'a> {
    pub id: &'a str,
    pub article_pk: i64,
    pub action: Action,
    pub from: State,
    pub to: State,
    pub actor_pk: Option<i64>,
    pub at: DateTime<Utc>,
    pub note: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AuditFilter {
    pub article_pk: Option<i64>,
    pub actor_pk: Option<i64>,
    /// Only transitions of articles with this contributor on the byline.
    pub contributor_pk: Option<i64>,
}

pub(crate) trait Transitions {
    fn insert(&self, t: &NewTransition) -> Result<()>;

    /// Writes several transitions in one statement, in order.
    fn insert_all(&self, all: &[NewTransition]) -> Result<()>;

    fn list(
        &self,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<(i64, TransitionRecord)>>;
}
