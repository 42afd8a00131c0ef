//! Contributors: the people who write, staff or guest, with the bio printed under their pieces.

use serde::{Deserialize, Serialize};

use super::articles::clean_text;
use super::{Actor, Desk, require_role};
use crate::cursor;
use crate::error::{Error, Result};
use crate::model::{BioVersion, Contributor, ContributorKind, Page, Role};
use crate::store::Tx;
use crate::store::contributors::ContributorRow;
use crate::store::users::UserRow;
use crate::text::{default_sort_name, fold, one_line};
use crate::wire::double_option;

/// A new contributor: a staff writer or a guest, with the bio printed under their pieces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewContributor {
    pub display_name: String,
    /// How the directory sorts them ("Roe, Jane"); left out, it is made from the name.
    #[serde(default)]
    pub sort_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub affiliation: String,
    pub kind: ContributorKind,
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub links: Vec<String>,
    /// For the desk only; never shown to contributors.
    #[serde(default)]
    pub private_notes: String,
}

impl NewContributor {
    /// A guest with a name and nothing else yet.
    pub fn guest(display_name: impl Into<String>) -> NewContributor {
        NewContributor {
            display_name: display_name.into(),
            sort_name: None,
            email: None,
            affiliation: String::new(),
            kind: ContributorKind::Guest,
            bio: String::new(),
            links: Vec::new(),
            private_notes: String::new(),
        }
    }
}

/// Changes to a contributor: a field left out stays as it is; `email` given as null removes it.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContributorEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<String>, optional))]
    pub email: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContributorKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_notes: Option<String>,
}

const MAX_BIO_CHARS: usize = 2000;

fn clean_email(email: &str) -> Result<Option<String>> {
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Ok(None);
    }
    let valid = email.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !email.contains(char::is_whitespace);
    if valid {
        Ok(Some(email))
    } else {
        Err(Error::invalid_field(
            "email",
            format!("“{email}” is not an email address"),
        ))
    }
}

fn check_bio(bio: &str) -> Result<String> {
    let bio = clean_text(bio).trim().to_string();
    if bio.chars().count() > MAX_BIO_CHARS {
        return Err(Error::invalid_field(
            "bio",
            format!("a bio is printed under every piece: keep it under {MAX_BIO_CHARS} characters"),
        ));
    }
    Ok(bio)
}

/// Finds one contributor by id, email or name (case, accents and spacing ignored).
pub(super) fn resolve(conn: &dyn Tx, key: &str) -> Result<(i64, Contributor)> {
    let key = key.trim();
    if let Some(found) = conn.contributors().get_by_id(key)? {
        return Ok(found);
    }
    if key.contains('@')
        && let Some(found) = conn.contributors().get_by_email(&key.to_lowercase())?
    {
        return Ok(found);
    }
    let folded = fold(key);
    let mut exact: Vec<_> = conn
        .contributors()
        .find_by_name_key(&folded, 20)?
        .into_iter()
        .filter(|(_, c)| fold(&c.display_name) == folded)
        .collect();
    if exact.len() > 1 {
        let ids: Vec<String> = exact.iter().map(|(_, c)| c.id.clone()).collect();
        return Err(Error::invalid(format!(
            "several contributors are called {key}: name one by id ({})",
            ids.join(", ")
        )));
    }
    exact
        .pop()
        .ok_or_else(|| Error::not_found("contributor", key))
}

/// Validates and writes a new contributor; the caller has authorised it.
pub(super) fn insert_contributor(
    conn: &dyn Tx,
    id: &str,
    new: &NewContributor,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64> {
    let display_name = one_line(&new.display_name);
    if display_name.is_empty() {
        return Err(Error::invalid_field(
            "display_name",
            "a contributor needs a name",
        ));
    }
    let sort_name = new
        .sort_name
        .as_deref()
        .map(one_line)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| default_sort_name(&display_name));
    let email = new.email.as_deref().map(clean_email).transpose()?.flatten();
    let bio = check_bio(&new.bio)?;
    if let Some(e) = &email
        && let Some((_, other)) = conn.contributors().get_by_email(e)?
    {
        return Err(Error::invalid_field(
            "email",
            format!(
                "{e} already belongs to {} ({})",
                other.display_name, other.id
            ),
        ));
    }
    conn.contributors().insert(&ContributorRow {
        id,
        display_name: &display_name,
        sort_name: &sort_name,
        sort_key: &fold(&sort_name),
        name_key: &fold(&display_name),
        email: email.as_deref(),
        affiliation: &one_line(&new.affiliation),
        kind: new.kind,
        bio: &bio,
        links: &new.links,
        private_notes: clean_text(&new.private_notes).trim(),
        at: now,
    })
}

/// What a user may see of a contributor: private notes are for staff, and a contributor sees
/// other contributors' names, affiliations and bios but not their contact address.
fn shown_to(me: &UserRow, mut c: Contributor) -> Contributor {
    if me.user.role == Role::Contributor {
        c.private_notes.clear();
        if me.user.contributor_id.as_deref() != Some(c.id.as_str()) {
            c.email = None;
        }
    }
    c
}

/// Editors and the chief edit anyone; a contributor-role user edits their own profile.
fn may_edit(me: &UserRow, pk: i64) -> Result<()> {
    if me.user.role == Role::Contributor && me.contributor_pk != Some(pk) {
        return Err(Error::forbidden(format!(
            "{} may edit only their own contributor profile",
            me.user.name
        )));
    }
    Ok(())
}

impl Desk {
    pub fn add_contributor(&self, actor: &Actor, new: &NewContributor) -> Result<Contributor> {
        let now = self.now();
        let id = self.new_id(now);
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "add contributors")?;
            let pk = insert_contributor(tx, &id, new, now)?;
            Ok(tx
                .contributors()
                .get_by_pk(pk)?
                .ok_or_else(|| Error::Corrupt("a contributor vanished as it was written".into()))?
                .1)
        })
    }

    pub fn edit_contributor(
        &self,
        actor: &Actor,
        key: &str,
        edit: &ContributorEdit,
    ) -> Result<Contributor> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let (pk, old) = resolve(tx, key)?;
            may_edit(&me, pk)?;
            // A contributor's own profile form sends back the kind and the (blank, to them)
            // private notes as shown: only an actual change is refused, and the notes they were
            // never shown are kept.
            let own = me.user.role == Role::Contributor;
            let kind_changed = edit.kind.is_some_and(|k| k != old.kind);
            let notes_given = edit
                .private_notes
                .as_deref()
                .is_some_and(|n| !n.trim().is_empty());
            if own && (kind_changed || notes_given) {
                return Err(Error::forbidden(
                    "staff/guest and private notes are set by the desk",
                ));
            }
            let private_notes = match &edit.private_notes {
                Some(n) if !own => clean_text(n).trim().to_string(),
                _ => old.private_notes.clone(),
            };
            let display_name = match &edit.display_name {
                Some(n) => one_line(n),
                None => old.display_name.clone(),
            };
            if display_name.is_empty() {
                return Err(Error::invalid_field(
                    "display_name",
                    "a contributor needs a name",
                ));
            }
            let sort_name = match &edit.sort_name {
                Some(s) if !one_line(s).is_empty() => one_line(s),
                Some(_) => default_sort_name(&display_name),
                None if edit.display_name.is_some()
                    && old.sort_name == default_sort_name(&old.display_name) =>
                {
                    default_sort_name(&display_name)
                }
                None => old.sort_name.clone(),
            };
            let email = match &edit.email {
                Some(Some(e)) => clean_email(e)?,
                Some(None) => None,
                None => old.email.clone(),
            };
            if let Some(e) = &email
                && let Some((other_pk, other)) = tx.contributors().get_by_email(e)?
                && other_pk != pk
            {
                return Err(Error::invalid_field(
                    "email",
                    format!("{e} already belongs to {}", other.display_name),
                ));
            }
            let bio = match &edit.bio {
                Some(b) => check_bio(b)?,
                None => old.bio.clone(),
            };
            let links = edit.links.clone().unwrap_or_else(|| old.links.clone());
            tx.contributors().update(
                pk,
                &ContributorRow {
                    id: &old.id,
                    display_name: &display_name,
                    sort_name: &sort_name,
                    sort_key: &fold(&sort_name),
                    name_key: &fold(&display_name),
                    email: email.as_deref(),
                    affiliation: &edit
                        .affiliation
                        .as_deref()
                        .map(one_line)
                        .unwrap_or(old.affiliation.clone()),
                    kind: edit.kind.unwrap_or(old.kind),
                    bio: &bio,
                    links: &links,
                    private_notes: &private_notes,
                    at: now,
                },
            )?;
            if bio != old.bio {
                tx.contributors()
                    .add_bio_history(pk, &old.bio, now, Some(me.pk))?;
            }
            // Keep the search index's copy of byline names and bios in step.
            let stale = if display_name != old.display_name {
                tx.contributors().articles_of(pk)?
            } else if bio != old.bio {
                tx.contributors().articles_following_bio(pk)?
            } else {
                Vec::new()
            };
            for article_pk in stale {
                tx.search().index_article(article_pk)?;
            }
            let (_, c) = tx
                .contributors()
                .get_by_pk(pk)?
                .ok_or_else(|| Error::Corrupt("a contributor vanished as it was written".into()))?;
            Ok(shown_to(&me, c))
        })
    }

    /// One contributor by id, email or name. A contributor-role user may look up by email only
    /// their own address, so addresses cannot be probed.
    pub fn get_contributor(&self, actor: &Actor, key: &str) -> Result<Contributor> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let (_, c) = resolve(tx, key)?;
            let probed = key.contains('@') && me.user.role == Role::Contributor;
            if probed && me.user.contributor_id.as_deref() != Some(c.id.as_str()) {
                return Err(Error::not_found("contributor", key));
            }
            Ok(shown_to(&me, c))
        })
    }

    /// Contributors by email, or whose name (case and accents ignored) starts with `query`.
    pub fn find_contributors(&self, actor: &Actor, query: &str) -> Result<Vec<Contributor>> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let q = query.trim();
            if q.is_empty() {
                return Err(Error::invalid_field(
                    "query",
                    "say which name or email to look for",
                ));
            }
            let found = if q.contains('@') {
                tx.contributors()
                    .get_by_email(&q.to_lowercase())?
                    .into_iter()
                    .filter(|(_, c)| {
                        me.user.role != Role::Contributor
                            || me.user.contributor_id.as_deref() == Some(c.id.as_str())
                    })
                    .collect()
            } else {
                tx.contributors().find_by_name_key(&fold(q), 50)?
            };
            Ok(found.into_iter().map(|(_, c)| shown_to(&me, c)).collect())
        })
    }

    /// The directory in sort-name order, a page at a time.
    pub fn list_contributors(
        &self,
        actor: &Actor,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Contributor>> {
        let limit = i64::from(limit.clamp(1, 500));
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let key = match after {
                Some(c) => {
                    let (_, pk) = cursor::decode("contributors", c)?;
                    let (_, c) = tx.contributors().get_by_pk(pk)?.ok_or_else(|| {
                        Error::invalid_field(
                            "after",
                            "the page cursor names a contributor who is gone",
                        )
                    })?;
                    Some((fold(&c.sort_name), pk))
                }
                None => None,
            };
            let rows = tx
                .contributors()
                .list(key.as_ref().map(|(s, p)| (s.as_str(), *p)), limit + 1)?;
            let more = rows.len() as i64 > limit;
            let mut items: Vec<(i64, Contributor)> = rows;
            items.truncate(limit as usize);
            let next = more
                .then(|| {
                    items
                        .last()
                        .map(|(pk, _)| cursor::encode("contributors", 0, *pk))
                })
                .flatten();
            Ok(Page {
                items: items.into_iter().map(|(_, c)| shown_to(&me, c)).collect(),
                next,
            })
        })
    }

    /// Earlier bios of a contributor, newest first.
    pub fn bio_history(&self, actor: &Actor, key: &str) -> Result<Vec<BioVersion>> {
        self.store.read(|tx| {
            self.acting(tx, actor)?;
            let (pk, _) = resolve(tx, key)?;
            tx.contributors().list_bio_history(pk)
        })
    }

    /// Deletes a contributor who has written nothing; one with articles must be merged instead.
    pub fn delete_contributor(&self, actor: &Actor, key: &str) -> Result<()> {
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "delete contributors")?;
            let (pk, c) = resolve(tx, key)?;
            let n = tx.contributors().count_articles(pk)?;
            if n > 0 {
                return Err(Error::invalid(format!(
                    "{} is on the byline of {n} article(s) and cannot be deleted: merge them into another contributor instead",
                    c.display_name
                )));
            }
            if tx.users().list()?.iter().any(|u| u.contributor_pk == Some(pk)) {
                return Err(Error::invalid(format!(
                    "{} is linked to a user account: merge them into another contributor instead",
                    c.display_name
                )));
            }
            tx.contributors().delete(pk)
        })
    }

    /// Merges `from` into `into`: bylines, accounts and bio history move to `into`, and `from`
    /// is removed. Returns the surviving contributor.
    pub fn merge_contributors(&self, actor: &Actor, from: &str, into: &str) -> Result<Contributor> {
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "merge contributors")?;
            let (from_pk, from_c) = resolve(tx, from)?;
            let (into_pk, into_c) = resolve(tx, into)?;
            if from_pk == into_pk {
                return Err(Error::invalid(format!(
                    "{} and {} are the same contributor",
                    from_c.display_name, into_c.display_name
                )));
            }
            let touched = tx.contributors().move_bylines(from_pk, into_pk)?;
            tx.users().relink_contributor(from_pk, into_pk)?;
            tx.contributors().delete(from_pk)?;
            for article_pk in touched {
                tx.search().index_article(article_pk)?;
            }
            // Read again: the survivor now has the other's articles.
            let merged = tx
                .contributors()
                .get_by_pk(into_pk)?
                .map_or(into_c, |(_, c)| c);
            Ok(shown_to(&me, merged))
        })
    }
}

/// Replaces a contributor's profile bio inside the caller's transaction, keeping the old one in
/// the bio history and the search index in step. Returns whether anything changed.
pub(super) fn replace_bio(
    conn: &dyn Tx,
    me: &UserRow,
    pk: i64,
    bio: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool> {
    let bio = check_bio(bio)?;
    let (_, old) = conn
        .contributors()
        .get_by_pk(pk)?
        .ok_or_else(|| Error::not_found("contributor", pk.to_string()))?;
    if bio == old.bio {
        return Ok(false);
    }
    conn.contributors().update(
        pk,
        &ContributorRow {
            id: &old.id,
            display_name: &old.display_name,
            sort_name: &old.sort_name,
            sort_key: &fold(&old.sort_name),
            name_key: &fold(&old.display_name),
            email: old.email.as_deref(),
            affiliation: &old.affiliation,
            kind: old.kind,
            bio: &bio,
            links: &old.links,
            private_notes: &old.private_notes,
            at: now,
        },
    )?;
    conn.contributors()
        .add_bio_history(pk, &old.bio, now, Some(me.pk))?;
    for article_pk in conn.contributors().articles_following_bio(pk)? {
        conn.search().index_article(article_pk)?;
    }
    Ok(true)
}
