//! Schema migrations, embedded in the binary and tracked by `PRAGMA user_version`.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// Every migration ever shipped, in order. Append only: a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_desk.sql"),
    include_str!("migrations/0002_editor_queue.sql"),
    include_str!("migrations/0003_publishing.sql"),
    include_str!("migrations/0004_sessions.sql"),
    include_str!("migrations/0005_contributor_sort_key.sql"),
    include_str!("migrations/0006_presence.sql"),
    include_str!("migrations/0007_remote_posts.sql"),
];

/// The migration that adds contributors' sort keys, which only Rust can compute.
const SORT_KEYS: i64 = 5;

/// Writes every contributor's sort key (`text::fold` of the sort name).
fn fill_sort_keys(tx: &rusqlite::Transaction) -> Result<()> {
    let names: Vec<(i64, String)> = tx
        .prepare("SELECT pk, sort_name FROM contributors")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE contributors SET sort_key = ?2 WHERE pk = ?1")?;
    for (pk, name) in names {
        update.execute(rusqlite::params![pk, crate::text::fold(&name)])?;
    }
    Ok(())
}

pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every pending migration in one transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Applies the migrations up to `target` (tests build old schemas with it).
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    refuse_newer(conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version > current && version <= target {
            tx.execute_batch(sql)?;
            if version == SORT_KEYS {
                fill_sort_keys(&tx)?;
            }
        }
    }
    if target > current {
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
pub(super) fn schema_of(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::super::SqliteStore;
    use super::*;

    #[test]
    fn upgrading_every_old_schema_matches_a_fresh_one() {
        let fresh = SqliteStore::open_in_memory().unwrap().schema().unwrap();
        for start in 0..SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            {
                let mut conn = Connection::open(&path).unwrap();
                migrate_to(&mut conn, start).unwrap();
                let v: i64 = conn
                    .pragma_query_value(None, "user_version", |r| r.get(0))
                    .unwrap();
                assert_eq!(v, start);
            }
            let upgraded = SqliteStore::open(&path).unwrap();
            assert_eq!(upgraded.schema().unwrap(), fresh, "upgrade from {start}");
        }
    }

    #[test]
    fn contributors_from_before_sort_keys_get_theirs() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, SORT_KEYS - 1).unwrap();
        conn.execute(
            "INSERT INTO contributors (id, display_name, sort_name, name_key, affiliation, kind,
                                       bio, links, private_notes, created_at, updated_at)
             VALUES ('c1', 'Ana Šimić', 'Šimić,  Ana', 'ana simic', '', 'guest', '', '[]', '', 0, 0)",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let key: String = conn
            .query_row("SELECT sort_key FROM contributors", [], |r| r.get(0))
            .unwrap();
        assert_eq!(key, "simic, ana");
    }

    #[test]
    fn articles_scheduled_before_the_outbox_get_their_job() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, 2).unwrap();
            conn.execute_batch(
                "INSERT INTO users (pk, id, name, role, created_at) VALUES (1, 'u1', 'Ed', 'editor', 0);
                 INSERT INTO articles (pk, id, slug, headline, state, version, word_count,
                     assigned_editor, scheduled_at, created_by, created_at, updated_at,
                     state_changed_at)
                 VALUES (1, 'a1', 'one', 'One', 'scheduled', 3, 10, 1, 5000, 1, 0, 0, 100),
                        (2, 'a2', 'two', 'Two', 'approved', 3, 10, 1, NULL, 1, 0, 0, 100);",
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let jobs: Vec<(i64, String, i64, String, i64)> = store
            .with_connection(|tx| {
                let mut stmt = tx.prepare(
                    "SELECT article_pk, kind, due_at, state, created_by FROM publish_jobs",
                )?;
                let rows = stmt.query_map([], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            })
            .unwrap();
        assert_eq!(jobs, [(1, "publish".into(), 5000, "pending".into(), 1)]);
    }

    #[test]
    fn a_newer_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = SqliteStore::open(&path)
            .err()
            .expect("a newer schema must be refused");
        assert_eq!(err.code(), "schema_too_new");
        assert!(err.to_string().contains("99"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("newer.db-wal").exists());
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let once = schema_of(&conn).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(schema_of(&conn).unwrap(), once);
    }
}
