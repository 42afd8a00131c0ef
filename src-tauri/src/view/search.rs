//! Search hits and the desk's audit log.

use copydesk_core::model;
use serde::Serialize;

use super::{Action, State};

/// A passage of a snippet; `hit` marks the words that matched.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

fn parts(snippet: Vec<model::SnippetPart>) -> Vec<SnippetPart> {
    snippet
        .into_iter()
        .map(|p| SnippetPart {
            text: p.text,
            hit: p.hit,
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SearchHit {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<String>,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SearchPage {
    pub items: Vec<SearchHit>,
    pub next: Option<String>,
}

impl From<model::Page<model::SearchHit>> for SearchPage {
    fn from(p: model::Page<model::SearchHit>) -> Self {
        SearchPage {
            items: p
                .items
                .into_iter()
                .map(|h| SearchHit {
                    id: h.id,
                    headline: h.headline,
                    state: h.state.into(),
                    section: h.section,
                    byline: h.byline,
                    snippet: parts(h.snippet),
                })
                .collect(),
            next: p.next,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ContributorHit {
    pub id: String,
    pub display_name: String,
    pub affiliation: String,
    pub snippet: Vec<SnippetPart>,
}

impl From<model::ContributorHit> for ContributorHit {
    fn from(h: model::ContributorHit) -> Self {
        ContributorHit {
            id: h.id,
            display_name: h.display_name,
            affiliation: h.affiliation,
            snippet: parts(h.snippet),
        }
    }
}

/// One line of the audit log: a workflow move, who made it and when.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AuditEntry {
    pub id: String,
    pub article_id: String,
    pub headline: String,
    pub action: Action,
    pub from: State,
    pub to: State,
    /// `None` for the scheduler.
    pub actor: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub next: Option<String>,
}

impl From<model::Page<model::TransitionRecord>> for AuditPage {
    fn from(p: model::Page<model::TransitionRecord>) -> Self {
        AuditPage {
            items: p
                .items
                .into_iter()
                .map(|t| AuditEntry {
                    id: t.id,
                    article_id: t.article_id,
                    headline: t.headline,
                    action: t.action.into(),
                    from: t.from.into(),
                    to: t.to.into(),
                    actor: t.actor,
                    at: t.at.to_rfc3339(),
                    note: t.note,
                })
                .collect(),
            next: p.next,
        }
    }
}
