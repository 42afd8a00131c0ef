//! The store: the only module that speaks SQL. Its surface is the newsroom's operations, grouped
//! by entity; every function takes a connection or transaction chosen by the caller.

pub mod articles;
pub mod calendar;
pub mod contributors;
pub mod jobs;
mod migrations;
pub mod notes;
pub mod revisions;
pub mod search;
pub mod settings;
pub mod site;
pub mod slots;
pub mod transitions;
pub mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use migrations::{SCHEMA_VERSION, migrate};

/// How hard a commit waits for the disk: `Full` survives power loss, `Normal` (in WAL mode)
/// survives a crashed or killed process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Full,
    Normal,
}

/// One SQLite file behind one writer connection.
pub struct Store {
    conn: Mutex<Connection>,
    /// The file, for opening another connection to it; `None` in memory.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the desk file at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::configure(conn, Some(path.to_path_buf()))
    }

    pub fn open_in_memory() -> Result<Store> {
        Self::configure(Connection::open_in_memory()?, None)
    }

    fn configure(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
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
        conn.set_prepared_statement_cache_capacity(128);
        migrate(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path,
        })
    }

    /// The database file, or `None` for a desk in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent: the transaction rolled back.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set_durability(&self, durability: Durability) -> Result<()> {
        let value = match durability {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        };
        self.lock().pragma_update(None, "synchronous", value)?;
        Ok(())
    }

    /// Runs `f` in a read transaction: every query in it sees the same state.
    pub fn read<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.finish()?;
        Ok(out)
    }

    /// Runs `f` in a write transaction taken up front (`BEGIN IMMEDIATE`), so what it reads cannot
    /// change before it writes. Any error rolls everything back.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// A write for bulk loads: one transaction like `write`, committed with `Normal` durability
    /// (safe against a crashed or killed process; a power cut may lose the batch, which is then
    /// loaded again), after which the connection's setting is restored.
    pub fn write_bulk<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let before: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        conn.pragma_update(None, "synchronous", before)?;
        result
    }

    /// Copies the whole database to `dest` with SQLite's online backup, as a single
    /// self-contained file (rollback journal, not WAL). An existing `dest` is refused.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::Invalid(format!(
                "{} already exists: a backup never overwrites a file",
                dest.display()
            )));
        }
        let conn = self.lock();
        let mut out = Connection::open(dest)?;
        {
            let backup = rusqlite::backup::Backup::new(&conn, &mut out)?;
            backup.run_to_completion(256, Duration::from_millis(0), None)?;
        }
        let _: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        Ok(())
    }

    /// `integrity_check` and `foreign_key_check`: every problem found, or none.
    pub fn check(&self) -> Result<Vec<String>> {
        let conn = self.lock();
        check_connection(&conn)
    }

    /// Size of the database file in bytes (pages in use times page size).
    pub fn size_bytes(&self) -> Result<i64> {
        let conn = self.lock();
        Ok(conn.query_row(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            [],
            |r| r.get(0),
        )?)
    }

    /// The query plan SQLite chooses for `sql`, one line per step, with every parameter unbound
    /// (for tests that lists are served by indexes).
    pub fn explain(&self, sql: &str) -> Result<Vec<String>> {
        let conn = self.lock();
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(row.get::<_, String>(3)?);
        }
        Ok(out)
    }

    /// The schema as SQLite stores it, for comparing an upgraded database with a fresh one.
    pub fn schema(&self) -> Result<Vec<(String, String, String)>> {
        let conn = self.lock();
        migrations::schema_of(&conn)
    }
}

/// The SQLite library this build links.
pub fn sqlite_version() -> String {
    rusqlite::version().to_string()
}

/// Checks any SQLite file, without migrating it.
pub fn check_file(path: &Path) -> Result<Vec<String>> {
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

/// Splits a `group_concat(…, char(31))` back into its names.
pub(crate) fn split_names(joined: Option<String>) -> Vec<String> {
    joined
        .map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulk_write_restores_the_durability_it_found() {
        let store = Store::open_in_memory().unwrap();
        let sync = |s: &Store| -> i64 {
            s.lock()
                .pragma_query_value(None, "synchronous", |r| r.get(0))
                .unwrap()
        };
        assert_eq!(sync(&store), 2);
        let seen = store
            .write_bulk(
                |tx| Ok(tx.pragma_query_value(None, "synchronous", |r| r.get::<_, i64>(0))?),
            )
            .unwrap();
        assert_eq!(seen, 1);
        assert_eq!(sync(&store), 2);
        let failed: Result<()> = store.write_bulk(|_| Err(Error::invalid("no")));
        assert!(failed.is_err());
        assert_eq!(sync(&store), 2);
    }

    /// Cached statements with a bound LIMIT must not be compiled again on every use.
    #[test]
    fn cached_statements_are_not_reprepared() {
        let store = Store::open_in_memory().unwrap();
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
