//! The journal of unsaved text: what a writer typed on this computer that no desk has confirmed
//! yet. It is its own small SQLite file in the app's data folder, apart from any desk, so that
//! text typed while the desk file is locked, or the team desk's server is away, survives the app
//! being closed or killed. One row per article and writer, replaced on every edit and written
//! through to the disk (`synchronous = FULL`) before the editor says the text is kept; removed
//! when the desk confirms a save of exactly that text.

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::desk::ArticleEdit;
use crate::error::{ApiError, Error, ErrorCode, Result};
use crate::store::sqlite::{instant, ms};

/// Text kept on this computer for one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JournalEntry {
    pub article_id: String,
    /// The version the text was typed on: when the article is past it, the text is offered
    /// through the conflict view.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub base_version: i64,
    /// The whole text as the editor held it, as it would be saved.
    pub edit: ArticleEdit,
    pub written_at: DateTime<Utc>,
}

/// The journal's own format, in `user_version`: a newer one is refused, not rewritten.
const FORMAT: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS unsaved (
    desk TEXT NOT NULL,
    user_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    edit TEXT NOT NULL,
    written_at INTEGER NOT NULL,
    PRIMARY KEY (desk, user_id, article_id)
) WITHOUT ROWID;
";

pub struct Journal {
    conn: Mutex<Connection>,
}

impl Journal {
    /// Opens (creating if needed) the journal file at `path`.
    pub fn open(path: &Path) -> Result<Journal> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)?;
        }
        Self::configure(Connection::open(path)?)
    }

    pub fn open_in_memory() -> Result<Journal> {
        Self::configure(Connection::open_in_memory()?)
    }

    fn configure(conn: Connection) -> Result<Journal> {
        // The desk's own lock never reaches here, but two windows of the app may.
        conn.busy_timeout(Duration::from_secs(2))?;
        // A rollback journal, synced on every commit: a kept edit survives a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > FORMAT {
            return Err(Error::SchemaTooNew {
                found: version,
                known: FORMAT,
            });
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", FORMAT)?;
        Ok(Journal {
            conn: Mutex::new(conn),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent: the statement rolled back.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps `entry` for `user_id` on `desk`, in place of what was kept for that article before.
    pub fn keep(&self, desk: &str, user_id: &str, entry: &JournalEntry) -> Result<()> {
        let edit = serde_json::to_string(&entry.edit)
            .map_err(|e| Error::Storage(format!("the unsaved text could not be encoded: {e}")))?;
        self.lock().execute(
            "INSERT OR REPLACE INTO unsaved (desk, user_id, article_id, base_version, edit, written_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                desk,
                user_id,
                entry.article_id,
                entry.base_version,
                edit,
                ms(entry.written_at)
            ],
        )?;
        Ok(())
    }

    /// What is kept for one article, if anything.
    pub fn get(&self, desk: &str, user_id: &str, article_id: &str) -> Result<Option<JournalEntry>> {
        let conn = self.lock();
        let row = conn
            .query_row(
                "SELECT article_id, base_version, edit, written_at FROM unsaved
                 WHERE desk = ?1 AND user_id = ?2 AND article_id = ?3",
                params![desk, user_id, article_id],
                raw,
            )
            .optional()?;
        row.map(entry).transpose()
    }

    /// Everything kept for `user_id` on `desk`, oldest first.
    pub fn list(&self, desk: &str, user_id: &str) -> Result<Vec<JournalEntry>> {
        let conn = self.lock();
        let mut stmt = conn.prepare(
            "SELECT article_id, base_version, edit, written_at FROM unsaved
             WHERE desk = ?1 AND user_id = ?2 ORDER BY written_at, article_id",
        )?;
        let rows = stmt
            .query_map(params![desk, user_id], raw)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(entry).collect()
    }

    /// The desk confirmed a save of `saved`: what is kept for the article goes, unless it is
    /// newer text typed since. True when something was removed.
    pub fn settle(
        &self,
        desk: &str,
        user_id: &str,
        article_id: &str,
        saved: &ArticleEdit,
    ) -> Result<bool> {
        let conn = self.lock();
        let tx = conn.unchecked_transaction()?;
        let kept: Option<String> = tx
            .query_row(
                "SELECT edit FROM unsaved WHERE desk = ?1 AND user_id = ?2 AND article_id = ?3",
                params![desk, user_id, article_id],
                |r| r.get(0),
            )
            .optional()?;
        let same = match kept {
            None => return Ok(false),
            // A row that no longer reads is of no use to anyone: it goes too.
            Some(text) => serde_json::from_str::<ArticleEdit>(&text).map_or(true, |e| &e == saved),
        };
        if same {
            tx.execute(
                "DELETE FROM unsaved WHERE desk = ?1 AND user_id = ?2 AND article_id = ?3",
                params![desk, user_id, article_id],
            )?;
        }
        tx.commit()?;
        Ok(same)
    }

    /// The writer chose to throw the kept text away.
    pub fn discard(&self, desk: &str, user_id: &str, article_id: &str) -> Result<()> {
        self.lock().execute(
            "DELETE FROM unsaved WHERE desk = ?1 AND user_id = ?2 AND article_id = ?3",
            params![desk, user_id, article_id],
        )?;
        Ok(())
    }
}

/// What sending the kept text to the desk found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SentKept {
    /// Articles whose kept text is now saved on the desk (and gone from the journal).
    pub sent: Vec<String>,
    /// Articles changed elsewhere since the text was typed: kept, for the conflict view when
    /// the article is opened.
    pub conflicts: Vec<String>,
    /// Articles the desk refused the text of (no longer the writer's to change, say): kept, and
    /// offered back when opened, with the desk's words.
    pub refused: Vec<String>,
    /// Articles not tried, because the desk stopped answering: kept, for the next try.
    pub waiting: Vec<String>,
}

impl Journal {
    /// Sends what is kept for `user_id` on `desk` with `save`, oldest first, as saves on the
    /// versions it was typed on, but for the articles in `except` (open in a window whose editor
    /// sends its own). What the desk confirms leaves the journal; nothing else does. Once the
    /// desk stops answering, the rest is not tried; a session the desk no longer knows stops the
    /// send with its error, since every later save would be refused the same way.
    pub fn send(
        &self,
        desk: &str,
        user_id: &str,
        except: &[String],
        mut save: impl FnMut(&JournalEntry) -> std::result::Result<(), ApiError>,
    ) -> std::result::Result<SentKept, ApiError> {
        let mut out = SentKept::default();
        let mut away = false;
        let entries = self.list(desk, user_id)?;
        for entry in entries.iter().filter(|e| !except.contains(&e.article_id)) {
            let id = entry.article_id.clone();
            if away {
                out.waiting.push(id);
                continue;
            }
            match save(entry) {
                Ok(()) => {
                    self.settle(desk, user_id, &id, &entry.edit)?;
                    out.sent.push(id);
                }
                Err(e) => match e.code {
                    ErrorCode::Conflict => out.conflicts.push(id),
                    ErrorCode::Unavailable | ErrorCode::Busy => {
                        away = true;
                        out.waiting.push(id);
                    }
                    ErrorCode::SignedOut | ErrorCode::Unauthenticated => return Err(e),
                    _ => out.refused.push(id),
                },
            }
        }
        Ok(out)
    }
}

type Raw = (String, i64, String, i64);

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn entry((article_id, base_version, edit, written_at): Raw) -> Result<JournalEntry> {
    let edit = serde_json::from_str(&edit).map_err(|e| {
        Error::Corrupt(format!(
            "the unsaved text kept for article {article_id} cannot be read: {e}"
        ))
    })?;
    Ok(JournalEntry {
        article_id,
        base_version,
        edit,
        written_at: instant(written_at),
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 10, minute, 0).unwrap()
    }

    fn text(body: &str) -> ArticleEdit {
        ArticleEdit {
            headline: Some("Bridges".into()),
            body: Some(body.into()),
            ..ArticleEdit::default()
        }
    }

    fn kept(article: &str, version: i64, body: &str, minute: u32) -> JournalEntry {
        JournalEntry {
            article_id: article.into(),
            base_version: version,
            edit: text(body),
            written_at: at(minute),
        }
    }

    #[test]
    fn a_kept_edit_replaces_the_last_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/journal.db");
        {
            let j = Journal::open(&path).unwrap();
            j.keep("desk-a", "maya", &kept("a1", 3, "first words", 42))
                .unwrap();
            j.keep("desk-a", "maya", &kept("a1", 3, "first words and more", 43))
                .unwrap();
        }
        let j = Journal::open(&path).unwrap();
        assert_eq!(
            j.get("desk-a", "maya", "a1").unwrap(),
            Some(kept("a1", 3, "first words and more", 43))
        );
        assert_eq!(j.list("desk-a", "maya").unwrap().len(), 1);
    }

    #[test]
    fn entries_belong_to_one_desk_and_one_writer() {
        let j = Journal::open_in_memory().unwrap();
        j.keep("desk-a", "maya", &kept("a1", 1, "maya's", 1))
            .unwrap();
        j.keep("desk-a", "tom", &kept("a1", 1, "tom's", 2)).unwrap();
        j.keep("desk-b", "maya", &kept("a1", 1, "elsewhere", 3))
            .unwrap();
        j.keep("desk-a", "maya", &kept("a2", 5, "second piece", 0))
            .unwrap();
        let mine = j.list("desk-a", "maya").unwrap();
        let ids: Vec<_> = mine.iter().map(|e| e.article_id.as_str()).collect();
        assert_eq!(ids, ["a2", "a1"], "oldest first");
        assert_eq!(mine[1].edit, text("maya's"));
        assert_eq!(
            j.get("desk-a", "tom", "a1").unwrap().unwrap().edit,
            text("tom's")
        );
        assert!(j.get("desk-a", "nobody", "a1").unwrap().is_none());
    }

    #[test]
    fn a_confirmed_save_clears_only_the_text_it_saved() {
        let j = Journal::open_in_memory().unwrap();
        j.keep("d", "maya", &kept("a1", 3, "typed on", 1)).unwrap();
        // The save of an older text comes back after more was typed: the newer text stays.
        assert!(!j.settle("d", "maya", "a1", &text("typed")).unwrap());
        assert!(j.get("d", "maya", "a1").unwrap().is_some());
        assert!(j.settle("d", "maya", "a1", &text("typed on")).unwrap());
        assert!(j.get("d", "maya", "a1").unwrap().is_none());
        assert!(!j.settle("d", "maya", "a1", &text("typed on")).unwrap());
    }

    #[test]
    fn discarding_removes_the_text() {
        let j = Journal::open_in_memory().unwrap();
        j.keep("d", "maya", &kept("a1", 3, "not wanted", 1))
            .unwrap();
        j.discard("d", "maya", "a1").unwrap();
        assert!(j.list("d", "maya").unwrap().is_empty());
    }

    #[test]
    fn a_journal_from_a_newer_copydesk_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 7)
            .unwrap();
        let err = Journal::open(&path).err().expect("refused");
        assert!(err.to_string().contains("newer Copydesk"), "{err}");
        let conn = Connection::open(&path).unwrap();
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn a_file_that_is_not_a_journal_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        std::fs::write(
            &path,
            b"this is a letter, not a database, and it is long enough",
        )
        .unwrap();
        assert!(Journal::open(&path).is_err());
    }

    /// A journal holding three kept texts for Ana, on articles a, b and c, in that order.
    fn three_kept() -> Journal {
        let j = Journal::open_in_memory().unwrap();
        for (n, article) in ["a", "b", "c"].into_iter().enumerate() {
            let minute = u32::try_from(n).unwrap();
            j.keep("desk", "ana", &kept(article, 3, article, minute))
                .unwrap();
        }
        j
    }

    fn left(j: &Journal) -> Vec<String> {
        let all = j.list("desk", "ana").unwrap();
        all.into_iter().map(|e| e.article_id).collect()
    }

    #[test]
    fn sending_keeps_what_the_desk_did_not_take_and_says_why() {
        let j = three_kept();
        let mut tried = Vec::new();
        let sent = j
            .send("desk", "ana", &[], |e| {
                tried.push((e.article_id.clone(), e.base_version));
                match e.article_id.as_str() {
                    "a" => Ok(()),
                    "b" => Err(ApiError::new(ErrorCode::Conflict, "moved on")),
                    _ => Err(ApiError::new(ErrorCode::Forbidden, "not yours now")),
                }
            })
            .unwrap();
        assert_eq!(tried, [("a".into(), 3), ("b".into(), 3), ("c".into(), 3)]);
        assert_eq!(sent.sent, ["a"]);
        assert_eq!(sent.conflicts, ["b"]);
        assert_eq!(sent.refused, ["c"]);
        assert_eq!(left(&j), ["b", "c"], "only the confirmed text leaves");
    }

    #[test]
    fn a_desk_that_stops_answering_leaves_the_rest_untried_and_the_open_article_is_skipped() {
        let j = three_kept();
        let mut tried = Vec::new();
        let sent = j
            .send("desk", "ana", &["a".to_string()], |e| {
                tried.push(e.article_id.clone());
                Err(ApiError::new(
                    ErrorCode::Unavailable,
                    "the server does not answer",
                ))
            })
            .unwrap();
        assert_eq!(
            tried,
            ["b"],
            "the open article is not sent; after b, nothing is tried"
        );
        assert_eq!(sent.waiting, ["b", "c"]);
        assert!(sent.sent.is_empty() && sent.conflicts.is_empty() && sent.refused.is_empty());
        assert_eq!(left(&j), ["a", "b", "c"]);
    }

    #[test]
    fn a_session_the_desk_no_longer_knows_stops_the_send_with_its_error() {
        let j = three_kept();
        let mut tried = 0;
        let stopped = j.send("desk", "ana", &[], |_| {
            tried += 1;
            Err(ApiError::new(ErrorCode::SignedOut, "signed out"))
        });
        assert_eq!(stopped.unwrap_err().code, ErrorCode::SignedOut);
        assert_eq!(tried, 1);
        assert_eq!(left(&j), ["a", "b", "c"]);
    }

    #[test]
    fn text_typed_while_it_was_being_sent_stays_kept() {
        let j = three_kept();
        let sent = j
            .send("desk", "ana", &[], |e| {
                if e.article_id == "a" {
                    // Newer text kept for a while its older text was on its way.
                    j.keep("desk", "ana", &kept("a", 3, "a, and more", 9))
                        .unwrap();
                }
                Ok(())
            })
            .unwrap();
        assert_eq!(sent.sent, ["a", "b", "c"]);
        assert_eq!(left(&j), ["a"]);
    }
}
