//! Saving an article: an edit is cleaned, the references it makes are looked up, a pure plan
//! decides what changes (which fields, which revision, whether the index waits), and the apply
//! step writes it. A conflict between two writers is resolved here too, in one transaction.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    ArticleEdit, BylineEntry, append_revision, clean_body, clean_headline, clean_section,
    clean_standfirst, clean_tags, resolve_byline, resolve_related, snapshot_with, to_article_with,
    unique_slug, visible_related,
};
use crate::desk::{Actor, Desk, visible_article};
use crate::error::{Error, Result};
use crate::model::{Article, Byline, Role, SaveReason, State};
use crate::store::Tx;
use crate::store::articles::ArticleRow;
use crate::store::users::UserRow;
use crate::text::word_count;

use super::access::may_edit_text;

/// How a writer settles a conflict, having seen both texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum Resolution {
    /// My text goes on, on top of theirs.
    KeepMine,
    /// Their text stays; mine is kept in the history first.
    TakeTheirs,
    /// A text made from both goes on; mine is kept in the history first.
    Merged { text: ArticleEdit },
}

/// An edit with every typed field checked: what can be decided before the store is read.
struct CleanEdit<'a> {
    headline: Option<String>,
    standfirst: Option<String>,
    body: Option<String>,
    tags: Option<Vec<String>>,
    section: Option<Option<&'a str>>,
    embargo_until: Option<Option<DateTime<Utc>>>,
    byline: Option<&'a [BylineEntry]>,
    related: Option<&'a [String]>,
}

impl<'a> CleanEdit<'a> {
    fn of(edit: &'a ArticleEdit) -> Result<CleanEdit<'a>> {
        Ok(CleanEdit {
            headline: edit.headline.as_deref().map(clean_headline).transpose()?,
            standfirst: edit
                .standfirst
                .as_deref()
                .map(clean_standfirst)
                .transpose()?,
            body: edit
                .body
                .as_deref()
                .map(|b| clean_body(b).map(|c| c.into_owned()))
                .transpose()?,
            tags: edit.tags.as_deref().map(clean_tags).transpose()?,
            section: edit.section.as_ref().map(|s| s.as_deref()),
            embargo_until: edit.embargo_until,
            byline: edit.byline.as_deref(),
            related: edit.related.as_deref(),
        })
    }
}

/// What the save's references name, looked up in the store.
struct Resolved {
    /// The section as the desk names it.
    section: Option<Option<String>>,
    /// The byline asked for, and the one the article has: (contributor key, own bio).
    byline: Option<Vec<(i64, Option<String>)>>,
    old_byline: Vec<(i64, Option<String>)>,
    /// The related pieces asked for, with those this user cannot see kept, and those it has.
    related: Option<Vec<i64>>,
    old_related: Vec<i64>,
}

/// What a save writes.
#[derive(Debug)]
struct SavePlan {
    /// The article after the save.
    row: ArticleRow,
    /// The headline changed before publication: the slug follows it.
    new_slug: bool,
    byline: Option<Vec<(i64, Option<String>)>>,
    related: Option<Vec<i64>>,
    /// Index the text now; otherwise mark it for the index to catch up before the next search.
    index_now: bool,
}

/// Decides what a save of `edit` on `old` by `me` changes, or `None` when it changes nothing.
/// Pure: everything it needs was read before.
fn plan_save(
    old: &ArticleRow,
    me: &UserRow,
    edit: &CleanEdit,
    resolved: Resolved,
    reason: SaveReason,
    now: DateTime<Utc>,
) -> Result<Option<SavePlan>> {
    let mut row = old.clone();
    if let Some(h) = &edit.headline {
        row.headline.clone_from(h);
    }
    if let Some(s) = &edit.standfirst {
        row.standfirst.clone_from(s);
    }
    if let Some(b) = &edit.body {
        row.word_count = word_count(b) as i64;
        row.body.clone_from(b);
    }
    if let Some(t) = &edit.tags {
        row.tags.clone_from(t);
    }
    if let Some(s) = resolved.section {
        row.section = s;
    }
    if let Some(e) = edit.embargo_until {
        row.embargo_until = e;
    }
    let contributor = me.user.role == Role::Contributor;
    let byline = match resolved.byline {
        Some(b) => {
            if b.is_empty() && contributor {
                return Err(Error::invalid_field(
                    "byline",
                    "byline: an article needs its author on it",
                ));
            }
            if contributor && !b.iter().any(|(pk, _)| Some(*pk) == me.contributor_pk) {
                return Err(Error::forbidden(format!(
                    "{} cannot take themselves off the byline",
                    me.user.name
                )));
            }
            let changed = Some(b).filter(|b| *b != resolved.old_byline);
            if changed.is_some() && old.state == State::Published {
                return Err(Error::forbidden(
                    "a published piece keeps the byline it was published with",
                ));
            }
            changed
        }
        None => None,
    };
    let related = resolved.related.filter(|r| *r != resolved.old_related);
    let text_changed = row.headline != old.headline
        || row.standfirst != old.standfirst
        || row.body != old.body
        || row.section != old.section
        || row.tags != old.tags
        || row.embargo_until != old.embargo_until;
    if !text_changed && byline.is_none() && related.is_none() {
        return Ok(None);
    }
    row.version += 1;
    row.updated_at = now;
    Ok(Some(SavePlan {
        new_slug: row.headline != old.headline && old.published_at.is_none(),
        // Autosaves come every few seconds while someone types: the index catches up before
        // the next search instead of being rebuilt on each one.
        index_now: reason != SaveReason::Autosave || byline.is_some(),
        row,
        byline,
        related,
    }))
}

/// Looks up what the edit names: its section, byline contributors and related pieces.
fn resolve(tx: &dyn Tx, me: &UserRow, old: &ArticleRow, edit: &CleanEdit) -> Result<Resolved> {
    let section = edit.section.map(|s| clean_section(tx, s)).transpose()?;
    let old_byline: Vec<(i64, Option<String>)> = tx
        .articles()
        .get_byline(old.pk)?
        .into_iter()
        .map(|(pk, b)| (pk, b.bio_is_own.then_some(b.printed_bio)))
        .collect();
    let byline = edit.byline.map(|b| resolve_byline(tx, b)).transpose()?;
    let old_related: Vec<i64> = tx
        .articles()
        .get_related(old.pk)?
        .into_iter()
        .map(|(pk, _)| pk)
        .collect();
    let related = match edit.related {
        Some(ids) => {
            let seen: Vec<i64> = visible_related(tx, me, old.pk)?
                .into_iter()
                .map(|(pk, _)| pk)
                .collect();
            // Pieces this user may not see stay related; they cannot name them anyway.
            let mut wanted = resolve_related(tx, me, old.pk, ids)?;
            wanted.extend(old_related.iter().filter(|pk| !seen.contains(pk)));
            Some(wanted)
        }
        None => None,
    };
    Ok(Resolved {
        section,
        byline,
        old_byline,
        related,
        old_related,
    })
}

/// Writes a planned save: the row's changed fields, byline, related pieces, the index or its
/// pending mark, and the revision. Returns the byline as it now reads.
fn apply_save(
    tx: &dyn Tx,
    me: &UserRow,
    old: &ArticleRow,
    old_byline: Vec<(i64, Byline)>,
    mut plan: SavePlan,
    why: Why,
) -> Result<(ArticleRow, Vec<(i64, Byline)>)> {
    if plan.new_slug {
        plan.row.slug = unique_slug(tx, &plan.row.headline, plan.row.pk)?;
    }
    let previous = snapshot_with(old, &old_byline);
    tx.articles().update_text(old, &plan.row)?;
    let bylines = match &plan.byline {
        Some(b) => {
            tx.articles().set_byline(plan.row.pk, b)?;
            tx.articles().get_byline(plan.row.pk)?
        }
        None => old_byline,
    };
    if let Some(r) = &plan.related {
        tx.articles().set_related(plan.row.pk, r)?;
    }
    if plan.index_now {
        tx.search().index_article(plan.row.pk)?;
    } else {
        tx.search().mark_pending(plan.row.pk)?;
    }
    let snapshot = snapshot_with(&plan.row, &bylines);
    append_revision(
        tx,
        &plan.row,
        &snapshot,
        me.pk,
        why.reason,
        why.restored_from,
        Some(&previous),
    )?;
    Ok((plan.row, bylines))
}

/// Why a save is made: the revision's reason, and for a restore the revision brought back.
#[derive(Debug, Clone, Copy)]
struct Why {
    reason: SaveReason,
    restored_from: Option<i64>,
}

impl Why {
    fn save(reason: SaveReason) -> Why {
        Why {
            reason,
            restored_from: None,
        }
    }
}

/// One save inside the caller's transaction: refused with both texts when the article is no
/// longer at `base_version`, nothing written when nothing changes.
fn save_in(
    tx: &dyn Tx,
    me: &UserRow,
    id: &str,
    base_version: i64,
    edit: &CleanEdit,
    why: Why,
    now: DateTime<Utc>,
) -> Result<(ArticleRow, Vec<(i64, Byline)>)> {
    let old = visible_article(tx, me, id)?;
    may_edit_text(tx, me, &old)?;
    let old_byline = tx.articles().get_byline(old.pk)?;
    if old.version != base_version {
        return Err(Error::Conflict {
            base: base_version,
            current_version: old.version,
            current: Box::new(snapshot_with(&old, &old_byline)),
        });
    }
    let resolved = resolve(tx, me, &old, edit)?;
    match plan_save(&old, me, edit, resolved, why.reason, now)? {
        Some(plan) => apply_save(tx, me, &old, old_byline, plan, why),
        None => Ok((old, old_byline)),
    }
}

/// The article as it stands, as an edit that would bring it back: text, byline and related.
fn as_edit(tx: &dyn Tx, row: &ArticleRow, byline: &[(i64, Byline)]) -> Result<ArticleEdit> {
    let related = tx
        .articles()
        .get_related(row.pk)?
        .into_iter()
        .map(|(_, r)| r.id)
        .collect();
    Ok(ArticleEdit {
        headline: Some(row.headline.clone()),
        standfirst: Some(row.standfirst.clone()),
        body: Some(row.body.clone()),
        section: Some(row.section.clone()),
        tags: Some(row.tags.clone()),
        byline: Some(
            byline
                .iter()
                .map(|(_, b)| BylineEntry {
                    contributor: b.contributor_id.clone(),
                    printed_bio: b.bio_is_own.then(|| b.printed_bio.clone()),
                })
                .collect(),
        ),
        related: Some(related),
        embargo_until: Some(row.embargo_until),
    })
}

impl Desk {
    /// Saves an edit made on `base_version`. If the article has moved on since, nothing is
    /// written and the error carries the current text. An edit that changes nothing writes nothing.
    pub fn save_article(
        &self,
        actor: &Actor,
        id: &str,
        base_version: i64,
        edit: &ArticleEdit,
        reason: SaveReason,
    ) -> Result<Article> {
        if matches!(reason, SaveReason::Transition | SaveReason::Restore) {
            return Err(Error::invalid_field(
                "reason",
                "a save is an autosave or a save",
            ));
        }
        let clean = CleanEdit::of(edit)?;
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let (row, byline) = save_in(tx, &me, id, base_version, &clean, Why::save(reason), now)?;
            to_article_with(tx, &me, row, byline, now)
        })
    }

    /// Settles a conflict in one transaction. `theirs_version` is the version the writer saw in
    /// the conflict view and `mine` their text: a newer version meanwhile is a new conflict.
    /// Keeping mine saves it on top; taking theirs or a merged text first keeps mine in the
    /// history, then puts theirs (a restore) or the merged text on top.
    pub fn resolve_conflict(
        &self,
        actor: &Actor,
        id: &str,
        theirs_version: i64,
        mine: &ArticleEdit,
        resolution: &Resolution,
    ) -> Result<Article> {
        let clean_mine = CleanEdit::of(mine)?;
        let merged = match resolution {
            Resolution::Merged { text } => Some(CleanEdit::of(text)?),
            _ => None,
        };
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let theirs = visible_article(tx, &me, id)?;
            let theirs_byline = tx.articles().get_byline(theirs.pk)?;
            let theirs_edit = as_edit(tx, &theirs, &theirs_byline)?;
            let kept = save_in(
                tx,
                &me,
                id,
                theirs_version,
                &clean_mine,
                Why::save(SaveReason::Save),
                now,
            )?;
            let kept_version = kept.0.version;
            let (row, byline) = match (resolution, &merged) {
                (Resolution::KeepMine, _) => kept,
                (Resolution::Merged { .. }, Some(text)) => save_in(
                    tx,
                    &me,
                    id,
                    kept_version,
                    text,
                    Why::save(SaveReason::Save),
                    now,
                )?,
                _ => {
                    let from = tx
                        .revisions()
                        .number_of_version(theirs.pk, theirs.version)?;
                    let back = CleanEdit::of(&theirs_edit)?;
                    save_in(
                        tx,
                        &me,
                        id,
                        kept_version,
                        &back,
                        Why {
                            reason: SaveReason::Restore,
                            restored_from: from,
                        },
                        now,
                    )?
                }
            };
            to_article_with(tx, &me, row, byline, now)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::articles::test_rows::{article as old, user as me};

    fn resolved(byline: Option<Vec<(i64, Option<String>)>>) -> Resolved {
        Resolved {
            section: None,
            byline,
            old_byline: vec![(7, None)],
            related: None,
            old_related: vec![],
        }
    }

    fn edit(body: Option<&str>) -> ArticleEdit {
        ArticleEdit {
            body: body.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn an_edit_that_changes_nothing_plans_nothing() {
        let e = edit(Some("one two"));
        let plan = plan_save(
            &old(State::Draft),
            &me(Role::Editor),
            &CleanEdit::of(&e).unwrap(),
            resolved(Some(vec![(7, None)])),
            SaveReason::Save,
            Utc::now(),
        )
        .unwrap();
        assert!(plan.is_none());
    }

    #[test]
    fn a_body_edit_counts_its_words_and_an_autosave_leaves_the_index_for_later() {
        let e = edit(Some("one two three"));
        let now = Utc::now();
        let plan = plan_save(
            &old(State::Draft),
            &me(Role::Contributor),
            &CleanEdit::of(&e).unwrap(),
            resolved(None),
            SaveReason::Autosave,
            now,
        )
        .unwrap()
        .unwrap();
        assert_eq!(plan.row.word_count, 3);
        assert_eq!(plan.row.version, 5);
        assert_eq!(plan.row.updated_at, now);
        assert!(!plan.index_now && !plan.new_slug && plan.byline.is_none());
    }

    #[test]
    fn a_new_headline_moves_the_slug_only_before_publication() {
        let e = ArticleEdit {
            headline: Some("Water, again".into()),
            ..Default::default()
        };
        let clean = CleanEdit::of(&e).unwrap();
        let plan = |state| {
            plan_save(
                &old(state),
                &me(Role::Editor),
                &clean,
                resolved(None),
                SaveReason::Save,
                Utc::now(),
            )
            .unwrap()
            .unwrap()
        };
        assert!(plan(State::Draft).new_slug);
        assert!(!plan(State::Published).new_slug);
        assert!(plan(State::Published).index_now);
    }

    #[test]
    fn bylines_keep_their_author_and_their_publication() {
        let e = edit(None);
        let clean = CleanEdit::of(&e).unwrap();
        let try_byline = |role, state, byline: Vec<(i64, Option<String>)>| {
            plan_save(
                &old(state),
                &me(role),
                &clean,
                resolved(Some(byline)),
                SaveReason::Save,
                Utc::now(),
            )
        };
        let off = try_byline(Role::Contributor, State::Draft, vec![(8, None)]).unwrap_err();
        assert_eq!(off.code().as_str(), "forbidden");
        let empty = try_byline(Role::Contributor, State::Draft, vec![]).unwrap_err();
        assert!(matches!(
            empty,
            Error::Invalid {
                field: Some("byline"),
                ..
            }
        ));
        let published = try_byline(Role::Editor, State::Published, vec![(8, None)]).unwrap_err();
        assert!(published.to_string().contains("keeps the byline"));
        let plan = try_byline(Role::Editor, State::Draft, vec![(7, None), (8, None)])
            .unwrap()
            .unwrap();
        assert!(plan.index_now, "a byline change is indexed at once");
        assert_eq!(plan.byline, Some(vec![(7, None), (8, None)]));
    }
}
