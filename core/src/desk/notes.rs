//! Editorial notes: add, reply, resolve, read as threads.

use super::{Actor, Desk, visible_article};
use crate::error::{Error, Result};
use crate::model::{Note, Role};
use crate::store::notes::NewNote;
use crate::text::one_line;

const MAX_NOTE_CHARS: usize = 10_000;

impl Desk {
    /// Adds a note to an article, or a reply when `reply_to` names a note of the same article.
    pub fn add_note(
        &self,
        actor: &Actor,
        article_id: &str,
        body: &str,
        reply_to: Option<&str>,
        anchor: Option<&str>,
    ) -> Result<Note> {
        let body = super::articles::clean_text(body);
        let body = body.trim();
        if body.is_empty() {
            return Err(Error::invalid("the note is empty"));
        }
        if body.chars().count() > MAX_NOTE_CHARS {
            return Err(Error::invalid(format!(
                "a note can hold at most {MAX_NOTE_CHARS} characters"
            )));
        }
        let anchor = anchor.map(one_line).filter(|a| !a.is_empty());
        let now = self.now();
        let id = self.new_id(now);
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let article = visible_article(tx, &me, article_id)?;
            let parent_pk = match reply_to {
                Some(parent) => {
                    let (pk, parent_article, _, _) = tx
                        .notes()
                        .get_keys(parent.trim())?
                        .ok_or_else(|| Error::not_found("note", parent))?;
                    if parent_article != article.pk {
                        return Err(Error::invalid(
                            "a reply must be on the same article as its note",
                        ));
                    }
                    Some(pk)
                }
                None => None,
            };
            let pk = tx.notes().insert(&NewNote {
                id: &id,
                article_pk: article.pk,
                parent_pk,
                author_pk: me.pk,
                body,
                anchor: anchor.as_deref(),
                at: now,
            })?;
            tx.notes()
                .get(pk)?
                .ok_or_else(|| Error::Corrupt("a note vanished as it was written".into()))
        })
    }

    /// Marks a note resolved: its writer, an editor or the chief may.
    pub fn resolve_note(&self, actor: &Actor, note_id: &str) -> Result<Note> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            let (pk, article_pk, author_pk, _) = tx
                .notes()
                .get_keys(note_id.trim())?
                .ok_or_else(|| Error::not_found("note", note_id))?;
            let article = tx
                .articles()
                .get_by_pk(article_pk)?
                .ok_or_else(|| Error::Corrupt("a note's article is missing".into()))?;
            visible_article(tx, &me, &article.id).map_err(|_| Error::not_found("note", note_id))?;
            if me.user.role == Role::Contributor && author_pk != me.pk {
                return Err(Error::forbidden(
                    "only the note's writer or an editor can resolve it",
                ));
            }
            tx.notes().resolve(pk, me.pk, now)?;
            tx.notes()
                .get(pk)?
                .ok_or_else(|| Error::Corrupt("a note vanished as it was resolved".into()))
        })
    }

    /// The article's notes as threads: each note followed by its replies, in writing order.
    pub fn list_notes(&self, actor: &Actor, article_id: &str) -> Result<Vec<Note>> {
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let article = visible_article(tx, &me, article_id)?;
            Ok(threaded(tx.notes().list(article.pk)?))
        })
    }
}

/// Orders notes depth-first: a thread's notes stay together, each reply after its parent, in
/// writing order. Iterative, so a very long chain of replies cannot exhaust the stack.
fn threaded(rows: Vec<(i64, Option<i64>, Note)>) -> Vec<Note> {
    use std::collections::HashMap;
    let mut children: HashMap<Option<i64>, Vec<usize>> = HashMap::new();
    for (i, (_, parent, _)) in rows.iter().enumerate() {
        children.entry(*parent).or_default().push(i);
    }
    let mut out = Vec::with_capacity(rows.len());
    // Children are pushed in reverse so that they come out in writing order.
    let mut stack: Vec<usize> = children
        .get(&None)
        .map(|c| c.iter().rev().copied().collect())
        .unwrap_or_default();
    while let Some(i) = stack.pop() {
        let (pk, _, note) = &rows[i];
        out.push(note.clone());
        if let Some(c) = children.get(&Some(*pk)) {
            stack.extend(c.iter().rev());
        }
    }
    out
}
