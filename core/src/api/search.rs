//! Finding things: articles and contributors by their words, and the audit log.

use super::operation;
use crate::desk::SearchFilter;
use crate::model::{ContributorHit, Page, SearchHit, TransitionRecord};

operation! {
    /// Articles holding every word of `text` (case and accents ignored), best first, with a
    /// snippet marking the words. A contributor finds only their own.
    SearchArticles as "search_articles" {
        text: String,
        #[serde(default)]
        filter: SearchFilter,
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<SearchHit>,
    errors: [InvalidInput],
    run: |desk, actor, op| desk.search(actor, &op.text, &op.filter, op.after.as_deref(), op.limit)
}

operation! {
    /// Contributors whose name, affiliation or bio hold every word of `text`.
    SearchContributors as "search_contributors" {
        text: String,
        limit: u32,
    } -> Vec<ContributorHit>,
    errors: [InvalidInput],
    run: |desk, actor, op| desk.search_contributors(actor, &op.text, op.limit)
}

operation! {
    /// The audit log, newest first, optionally for one article (id) or one user (name or id).
    /// A contributor sees the moves of their own articles.
    AuditLog as "audit_log" {
        #[serde(default)]
        article: Option<String>,
        #[serde(default)]
        user: Option<String>,
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<TransitionRecord>,
    errors: [InvalidInput, NotFound],
    run: |desk, actor, op| {
        desk.audit(actor, op.article.as_deref(), op.user.as_deref(), op.after.as_deref(), op.limit)
    }
}
