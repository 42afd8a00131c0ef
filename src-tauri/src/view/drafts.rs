//! What the editor sends: the whole article as the writer sees it, saved as one edit.

use copydesk_core::desk::{ArticleEdit, BylineEntry, NewArticle};
use serde::Deserialize;

/// One contributor on the byline, with the article's own bio text or `None` to print theirs.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct BylineInput {
    pub contributor_id: String,
    pub printed_bio: Option<String>,
}

/// The article as the editor holds it. Saving sends all of it: the core writes only what changed,
/// and nothing at all when nothing did.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ArticleDraft {
    pub headline: String,
    pub standfirst: String,
    /// Markdown.
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<BylineInput>,
    /// Ids of related articles, in order.
    pub related: Vec<String>,
}

fn entries(byline: Vec<BylineInput>) -> Vec<BylineEntry> {
    byline
        .into_iter()
        .map(|b| BylineEntry {
            contributor: b.contributor_id,
            printed_bio: b.printed_bio,
        })
        .collect()
}

impl From<ArticleDraft> for NewArticle {
    fn from(d: ArticleDraft) -> Self {
        NewArticle {
            headline: d.headline,
            standfirst: d.standfirst,
            body: d.body,
            section: d.section,
            tags: d.tags,
            byline: entries(d.byline),
            related: d.related,
            embargo_until: None,
        }
    }
}

impl From<ArticleDraft> for ArticleEdit {
    fn from(d: ArticleDraft) -> Self {
        ArticleEdit {
            headline: Some(d.headline),
            standfirst: Some(d.standfirst),
            body: Some(d.body),
            section: Some(d.section),
            tags: Some(d.tags),
            byline: Some(entries(d.byline)),
            related: Some(d.related),
            embargo_until: None,
        }
    }
}
