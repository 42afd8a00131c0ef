//! The embedded store: one SQLite file behind one writer connection, in WAL mode, with foreign
//! keys on and a busy timeout; read-then-write transactions take the write lock up front
//! (`BEGIN IMMEDIATE`).

mod articles;
pub(crate) mod bare;
mod calendar;
mod checkpoint;
mod contributors;
mod jobs;
mod migrations;
mod notes;
mod presence;
mod revisions;
mod search;
mod sessions;
mod settings;
mod site;
mod slots;
mod transitions;
mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use self::checkpoint::Checkpointer;
use super::{
    Articles, Calendar, Contributors, Durability, Jobs, Notes, Presence, Revisions, Search,
    Sessions, Settings, Site, Slots, Store, Transitions, Tx, Users, Work,
};
use crate::error::{Error, Result};

/// One SQLite file (or an in-memory database) behind one writer connection.
pub(crate) struct SqliteStore {
    /// Started by the first bulk write on a file; `None` inside when it could not start.
    checkpointer: OnceLock<Option<Checkpointer>>,
    conn: Mutex<Connection>,
    /// The file, for opening another connection to it; `None` in memory.
    path: Option<PathBuf>,
}

/// A transaction on the SQLite store: the newsroom's operations as SQL on one connection.
pub(crate) struct SqliteTx<'c> {
    conn: &'c Connection,
}

impl Tx for SqliteTx<'_> {
    fn articles(&self) -> &dyn Articles {
        self
    }
    fn revisions(&self) -> &dyn Revisions {
        self
    }
    fn contributors(&self) -> &dyn Contributors {
        self
    }
    fn users(&self) -> &dyn Users {
        self
    }
    fn notes(&self) -> &dyn Notes {
        self
    }
    fn presence(&self) -> &dyn Presence {
        self
    }
    fn transitions(&self) -> &dyn Transitions {
        self
    }
    fn jobs(&self) -> &dyn Jobs {
        self
    }
    fn settings(&self) -> &dyn Settings {
        self
    }
    fn slots(&self) -> &dyn Slots {
        self
    }
    fn search(&self) -> &dyn Search {
        self
    }
    fn sessions(&self) -> &dyn Sessions {
        self
    }
    fn site(&self) -> &dyn Site {
        self
    }
    fn calendar(&self) -> &dyn Calendar {
        self
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the desk file at `path` and brings its schema up to date.
    pub(crate) fn open(path: &Path) -> Result<SqliteStore> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::configure(conn, Some(path.to_path_buf()))
    }

    pub(crate) fn open_in_memory() -> Result<SqliteStore> {
        Self::configure(Connection::open_in_memory()?, None)
    }

    fn configure(mut conn: Connection, path: Option<PathBuf>) -> Result<SqliteStore> {
        let on_disk = path.is_some();
        conn.busy_timeout(Duration::from_secs(5))?;
        // Stable query plans. Without this, SQLite marks any statement with a bound LIMIT for
        // re-preparation whenever its bindings are cleared, which the statement cache does after
        // every use: each cached list query would be compiled again on every call.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if on_disk {
            // Refuse a newer schema before changing anything about the file, WAL included.
            migrations::refuse_newer(&conn)?;
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Corrupt(format!(
                    "the database could not be switched to WAL mode (it is in {mode} mode)"
                )));
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // A 64 MB page cache keeps a large desk's indexes in memory; sorts stay off the disk.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // A bulk load's log can grow to hundreds of megabytes while its checkpoints lag; once
        // the log starts over, it is cut back to this instead of keeping its largest size.
        conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
        conn.set_prepared_statement_cache_capacity(128);
        migrations::migrate(&mut conn)?;
        Ok(SqliteStore {
            checkpointer: OnceLock::new(),
            conn: Mutex::new(conn),
            path,
        })
    }

    fn checkpointer(&self) -> Option<&Checkpointer> {
        let path = self.path.as_deref()?;
        self.checkpointer
            .get_or_init(|| match Checkpointer::start(path) {
                Ok(c) => Some(c),
                Err(e) => {
                    tracing::warn!(error = %e, "no background checkpoint; bulk writes checkpoint themselves");
                    None
                }
            })
            .as_ref()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent: the transaction rolled back.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn run(conn: &mut Connection, behavior: TransactionBehavior, work: Work) -> Result<()> {
        let tx = conn.transaction_with_behavior(behavior)?;
        work(&SqliteTx { conn: &tx })?;
        tx.commit()?;
        Ok(())
    }

    /// The query plan SQLite chooses for `sql`, one line per step, with every parameter unbound.
    #[cfg(test)]
    pub(crate) fn explain(&self, sql: &str) -> Result<Vec<String>> {
        let conn = self.lock();
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(row.get::<_, String>(3)?);
        }
        Ok(out)
    }

    /// Runs raw SQL on the connection, for tests of what the schema itself enforces.
    #[cfg(test)]
    pub(crate) fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// The schema as SQLite stores it, for comparing an upgraded database with a fresh one.
    #[cfg(test)]
    pub(crate) fn schema(&self) -> Result<Vec<(String, String, String)>> {
        migrations::schema_of(&self.lock())
    }
}

impl Store for SqliteStore {
    fn run_read(&self, work: Work) -> Result<()> {
        Self::run(&mut self.lock(), TransactionBehavior::Deferred, work)
    }

    fn run_write(&self, work: Work) -> Result<()> {
        Self::run(&mut self.lock(), TransactionBehavior::Immediate, work)
    }

    /// Committed with `Normal` durability (safe against a crashed or killed process; a power cut
    /// may lose the batch, which is then loaded again).
    /// The log it leaves is copied into the file by the checkpointer, beside the caller's next
    /// batch, where there is one.
    fn run_write_bulk(&self, work: Work) -> Result<()> {
        let checkpointer = self.checkpointer();
        let done = with_pragma(&mut self.lock(), "synchronous", "NORMAL", |conn| {
            let mut run =
                |conn: &mut Connection| Self::run(conn, TransactionBehavior::Immediate, work);
            match checkpointer {
                Some(_) => with_pragma(conn, "wal_autocheckpoint", "0", run),
                None => run(conn),
            }
        });
        if let (Ok(()), Some(c)) = (&done, checkpointer) {
            c.request();
        }
        done
    }

    fn file(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn set_durability(&self, durability: Durability) -> Result<()> {
        let value = match durability {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        };
        self.lock().pragma_update(None, "synchronous", value)?;
        Ok(())
    }

    /// SQLite's online backup, as a single self-contained file (rollback journal, not WAL). An
    /// existing `dest` is refused. A desk file is copied from a connection of the backup's own,
    /// inside one read transaction: the copy is the desk at one instant, and the writer (WAL lets
    /// it write beside a reader) never waits for it. Copied through the writer's connection,
    /// every save would wait for the whole copy.
    fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::invalid(format!(
                "{} already exists: a backup never overwrites a file",
                dest.display()
            )));
        }
        let mut out = Connection::open(dest)?;
        let copied = match &self.path {
            Some(path) => {
                let source = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                source.busy_timeout(Duration::from_secs(5))?;
                snapshot_backup(&source, &mut out, dest)
            }
            None => one_step_backup(&self.lock(), &mut out),
        };
        if let Err(e) = copied {
            drop(out);
            let _ = std::fs::remove_file(dest);
            return Err(e);
        }
        let _: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        drop(out);
        // The last chunk, and the header the journal mode changed, reach the disk before the
        // backup is said to be done, and so does the new file's name in its folder.
        std::fs::File::open(dest)?.sync_all()?;
        if let Some(folder) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::File::open(folder)?.sync_all()?;
        }
        Ok(())
    }

    /// `integrity_check` and `foreign_key_check`.
    fn check(&self) -> Result<Vec<String>> {
        check_connection(&self.lock())
    }

    /// Pages in use times page size.
    fn size_bytes(&self) -> Result<i64> {
        Ok(self.lock().query_row(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            [],
            |r| r.get(0),
        )?)
    }

    fn describe(&self) -> String {
        format!("SQLite {}", rusqlite::version())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Pages copied between two syncs of the copy: 16 MB at SQLite's 4 KB pages. Tests lower it
/// to make a small desk take many chunks.
pub(crate) static BACKUP_CHUNK_PAGES: std::sync::atomic::AtomicI32 =
    std::sync::atomic::AtomicI32::new(4096);

/// Copies `source` into `out` (the file `dest`) in chunks, all inside one read transaction of
/// `source`, so every chunk reads the same instant and the copy never starts over, whatever is
/// saved meanwhile. After each chunk the copy's file is synced, which bounds the pages written
/// but not yet on the disk to about a chunk (SQLite may still hold part of one in memory): with
/// gigabytes of them piled up, a save's own sync on the same disk waited behind them.
fn snapshot_backup(source: &Connection, out: &mut Connection, dest: &Path) -> Result<()> {
    out.pragma_update(None, "synchronous", "OFF")?;
    source.execute_batch("BEGIN")?;
    let copied = (|| {
        let _: i64 = source.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let backup = rusqlite::backup::Backup::new(source, out)?;
        loop {
            match backup.step(BACKUP_CHUNK_PAGES.load(std::sync::atomic::Ordering::Relaxed))? {
                rusqlite::backup::StepResult::Done => return Ok(()),
                rusqlite::backup::StepResult::More => std::fs::File::open(dest)?.sync_data()?,
                other => {
                    return Err(Error::Busy(format!(
                        "the backup's read of the desk stopped before the end: {other:?}"
                    )));
                }
            }
        }
    })();
    let _ = source.execute_batch("COMMIT");
    copied?;
    out.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn one_step_backup(source: &Connection, out: &mut Connection) -> Result<()> {
    let backup = rusqlite::backup::Backup::new(source, out)?;
    match backup.step(-1)? {
        rusqlite::backup::StepResult::Done => Ok(()),
        other => Err(Error::Busy(format!(
            "the backup's read of the desk stopped before the end: {other:?}"
        ))),
    }
}

/// Runs `f` with the connection's numeric setting `name` at `value`, restoring the one it found
/// whatever `f` does, a panic included (the connection outlives it, behind a lock that ignores
/// poisoning). A restore that fails does not hide what `f` did: it is logged.
fn with_pragma<T>(
    conn: &mut Connection,
    name: &str,
    value: &str,
    f: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    let before: i64 = conn.pragma_query_value(None, name, |r| r.get(0))?;
    conn.pragma_update(None, name, value)?;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *conn)));
    if let Err(e) = conn.pragma_update(None, name, before) {
        tracing::warn!(error = %e, pragma = name, "a connection setting could not be restored");
    }
    match result {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Checks any SQLite file, without migrating it.
pub(crate) fn check_file(path: &Path) -> Result<Vec<String>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    check_connection(&conn)
}

fn check_connection(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    // A file damaged badly enough that a check cannot even run is itself the finding.
    let checked = (|| -> rusqlite::Result<()> {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(format!("integrity: {row}"));
            }
        }
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "foreign key: row {} of {} points to a missing row of {}",
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(())
    })();
    match checked {
        Ok(()) => Ok(problems),
        Err(e)
            if e.sqlite_error_code().is_some_and(|c| {
                matches!(
                    c,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                )
            }) =>
        {
            problems.push(format!("the file cannot be read as a database: {e}"));
            Ok(problems)
        }
        Err(e) => Err(e.into()),
    }
}

/// What SQLite's failures mean to the desk: a busy file is another program holding it, anything
/// else a storage failure with SQLite's own words as the detail.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        let busy = matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        );
        if busy {
            Error::Busy(e.to_string())
        } else {
            Error::Storage(e.to_string())
        }
    }
}

pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn instant(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

pub(crate) fn opt_instant(ms: Option<i64>) -> Option<DateTime<Utc>> {
    ms.map(instant)
}

/// Maps the "no row" case of a single-row query to `None`.
pub(crate) fn optional<T>(r: rusqlite::Result<T>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod schema_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulk_write_restores_the_durability_it_found() {
        let mut conn = Connection::open_in_memory().unwrap();
        let sync = |c: &Connection| -> i64 {
            c.pragma_query_value(None, "synchronous", |r| r.get(0))
                .unwrap()
        };
        conn.pragma_update(None, "synchronous", "FULL").unwrap();
        let seen = with_pragma(&mut conn, "synchronous", "NORMAL", |c| Ok(sync(c))).unwrap();
        assert_eq!(seen, 1);
        assert_eq!(sync(&conn), 2);
        let failed: Result<()> = with_pragma(&mut conn, "synchronous", "NORMAL", |_| {
            Err(Error::invalid("no"))
        });
        assert!(failed.is_err());
        assert_eq!(sync(&conn), 2);
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            with_pragma(&mut conn, "synchronous", "NORMAL", |_| -> Result<()> {
                panic!("a bulk body that panics")
            })
        }));
        assert!(panicked.is_err());
        assert_eq!(sync(&conn), 2, "restored on the way out of a panic");
    }

    #[test]
    fn a_bulk_write_on_a_file_is_checkpointed_beside_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desk.db");
        let store = SqliteStore::open(&path).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        // 8 MB: eight times the log at which the writer would checkpoint by itself.
        let filler: String = (0..8_000_000u32)
            .map(|i| char::from(b'a' + (i.wrapping_mul(2_654_435_761) >> 27) as u8 % 26))
            .collect();
        store
            .run_write_bulk(&mut |tx| tx.settings().set_value("filler", &filler))
            .unwrap();
        let autocheckpoint: i64 = store
            .lock()
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(
            autocheckpoint, 1000,
            "the writer's own checkpoint is back on"
        );
        let checkpointer = store
            .checkpointer()
            .expect("a file store has a checkpointer");
        assert!(checkpointer.wait_for(1), "no checkpoint ran");
        let after = std::fs::metadata(&path).unwrap().len();
        assert!(after >= before + 8_000_000, "{before} → {after}");
        assert!(
            SqliteStore::open_in_memory()
                .unwrap()
                .checkpointer()
                .is_none()
        );
    }

    /// Cached statements with a bound LIMIT must not be compiled again on every use.
    #[test]
    fn cached_statements_are_not_reprepared() {
        let store = SqliteStore::open_in_memory().unwrap();
        let sql = articles::list_sql(articles::ListScope::State);
        let conn = store.lock();
        for limit in [10i64, 50, 10, 51] {
            let mut stmt = conn.prepare_cached(&sql).unwrap();
            let rows = stmt
                .query_map(
                    rusqlite::named_params! {":state": "draft", ":at": i64::MAX, ":pk": i64::MAX, ":limit": limit},
                    |_| Ok(()),
                )
                .unwrap()
                .count();
            assert_eq!(rows, 0);
        }
        let stmt = conn.prepare_cached(&sql).unwrap();
        assert_eq!(stmt.get_status(rusqlite::StatementStatus::RePrepare), 0);
    }
}
