//! Search over articles and contributors, and the desk's audit log.

use serde::{Deserialize, Serialize};

use super::{Actor, Desk, visible_article};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{ContributorHit, Page, Role, SearchHit, State, TransitionRecord};
use crate::store::search::SearchFilter as StoreFilter;
use crate::store::transitions::AuditFilter;

/// Narrows a search to one state or one section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchFilter {
    #[serde(default)]
    pub state: Option<State>,
    #[serde(default)]
    pub section: Option<String>,
}

/// The words of what the user typed; the store needs all of them.
fn search_words(text: &str) -> Result<Vec<String>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return Err(Error::invalid_field(
            "text",
            "type at least one word to search for",
        ));
    }
    Ok(words)
}

impl Desk {
    /// Articles matching every word of `text` (accents and case ignored), best first, with a
    /// highlighted snippet. A contributor finds only their own articles.
    pub fn search(
        &self,
        actor: &Actor,
        text: &str,
        filter: &SearchFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<SearchHit>> {
        let terms = search_words(text)?;
        let query = terms.join(" ");
        let limit = i64::from(limit.clamp(1, 200));
        // Who asks and what they ask are checked before the index catches up with autosaves, so a
        // refused search writes nothing.
        let pending = self.store.read(|tx| {
            self.acting(tx, actor)?;
            if let Some(name) = filter.section.as_deref() {
                tx.settings()
                    .get_section(name)?
                    .ok_or_else(|| Error::invalid(format!("there is no section “{name}”")))?;
            }
            tx.search().any_pending()
        })?;
        if pending {
            self.store.write(|tx| tx.search().index_pending())?;
        }
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let section = match filter.section.as_deref() {
                Some(name) => Some(
                    tx.settings()
                        .get_section(name)?
                        .ok_or_else(|| Error::invalid(format!("there is no section “{name}”")))?
                        .name,
                ),
                None => None,
            };
            let contributor_pk = match me.user.role {
                Role::Editor | Role::Chief => None,
                Role::Contributor => match me.contributor_pk {
                    Some(c) => Some(c),
                    None => {
                        return Ok(Page {
                            items: vec![],
                            next: None,
                        });
                    }
                },
            };
            let scope = format!(
                "search|{query}|{}|{}",
                filter.state.map(State::as_str).unwrap_or(""),
                section.as_deref().unwrap_or("")
            );
            let key = after
                .map(|c| cursor::decode(&scope, c))
                .transpose()?
                .map(|(bits, pk)| (f64::from_bits(bits as u64), pk));
            let store_filter = StoreFilter {
                state: filter.state,
                section: section.as_deref(),
                contributor_pk,
            };
            let mut rows = tx
                .search()
                .articles(&terms, &store_filter, key, limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next = more
                .then(|| {
                    rows.last()
                        .map(|((score, pk), _)| cursor::encode(&scope, score.to_bits() as i64, *pk))
                })
                .flatten();
            Ok(Page {
                items: rows.into_iter().map(|(_, h)| h).collect(),
                next,
            })
        })
    }

    /// Contributors whose name, affiliation or bio match every word of `text`.
    pub fn search_contributors(
        &self,
        actor: &Actor,
        text: &str,
        limit: u32,
    ) -> Result<Vec<ContributorHit>> {
        let words = search_words(text)?;
        self.store.read(|tx| {
            self.acting(tx, actor)?;
            tx.search()
                .contributors(&words, i64::from(limit.clamp(1, 200)))
        })
    }

    /// The audit log, newest first, optionally for one article or one user. A contributor sees
    /// the moves of their own articles.
    pub fn audit(
        &self,
        actor: &Actor,
        article: Option<&str>,
        user: Option<&str>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<TransitionRecord>> {
        let limit = i64::from(limit.clamp(1, 500));
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let article_pk = match article {
                Some(id) => Some(visible_article(tx, &me, id)?.pk),
                None => None,
            };
            let actor_pk = match user {
                Some(name) => Some(
                    tx.users()
                        .find(name)?
                        .ok_or_else(|| Error::not_found("user", name))?
                        .pk,
                ),
                None => None,
            };
            let contributor_pk = match me.user.role {
                Role::Contributor => Some(me.contributor_pk.unwrap_or(-1)),
                _ => None,
            };
            let filter = AuditFilter {
                article_pk,
                actor_pk,
                contributor_pk,
            };
            let scope = format!(
                "audit|{}|{}|{}",
                article_pk.unwrap_or(0),
                actor_pk.unwrap_or(0),
                contributor_pk.unwrap_or(0)
            );
            let before = after
                .map(|c| cursor::decode(&scope, c))
                .transpose()?
                .map(|(pk, _)| pk);
            let mut rows = tx.transitions().list(&filter, before, limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next = more
                .then(|| rows.last().map(|(pk, _)| cursor::encode(&scope, *pk, 0)))
                .flatten();
            Ok(Page {
                items: rows.into_iter().map(|(_, r)| r).collect(),
                next,
            })
        })
    }
}
