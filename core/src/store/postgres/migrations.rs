//! The team desk's schema migrations, embedded in the binary and tracked in `copydesk_schema`:
//! all pending ones in one transaction, under a lock so two instances starting at once do not
//! both migrate; a database newer than the binary is refused and left as it is.

use crate::error::{Error, Result};

/// Every migration ever shipped, in order. Append only: a shipped migration is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_desk.sql"),
    include_str!("migrations/0002_change_feed.sql"),
    include_str!("migrations/0003_search_words.sql"),
    include_str!("migrations/0004_contributor_sort_key.sql"),
    include_str!("migrations/0005_presence.sql"),
    include_str!("migrations/0006_remote_posts.sql"),
];

/// The migration that adds contributors' sort keys, computed in Rust as on a desk file.
const SORT_KEYS: i64 = 4;

/// Writes every contributor's sort key (`text::fold` of the sort name).
fn fill_sort_keys(tx: &mut postgres::Transaction) -> Result<()> {
    let rows = tx
        .query("SELECT pk, sort_name FROM contributors", &[])
        .map_err(db)?;
    for row in rows {
        let pk: i64 = super::get(&row, 0)?;
        let name: String = super::get(&row, 1)?;
        tx.execute(
            "UPDATE contributors SET sort_key = $2 WHERE pk = $1",
            &[&pk, &crate::text::fold(&name)],
        )
        .map_err(db)?;
    }
    Ok(())
}

pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An arbitrary key for the advisory lock migrations hold.
const MIGRATION_LOCK: i64 = 0x636f_7079_6465_736b;

fn db(e: postgres::Error) -> Error {
    super::store_error(&e)
}

pub(crate) fn migrate(client: &mut postgres::Client) -> Result<()> {
    migrate_to(client, SCHEMA_VERSION)
}

/// Applies the migrations up to `target` (tests build old schemas with it).
pub(crate) fn migrate_to(client: &mut postgres::Client, target: i64) -> Result<()> {
    let mut tx = client.transaction().map_err(db)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(db)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS copydesk_schema (version bigint NOT NULL)")
        .map_err(db)?;
    let current: i64 = match tx
        .query_opt("SELECT version FROM copydesk_schema", &[])
        .map_err(db)?
    {
        Some(row) => super::get(&row, 0)?,
        None => {
            tx.execute("INSERT INTO copydesk_schema (version) VALUES (0)", &[])
                .map_err(db)?;
            0
        }
    };
    if current > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version > current && version <= target {
            tx.batch_execute(sql).map_err(db)?;
            if version == SORT_KEYS {
                fill_sort_keys(&mut tx)?;
            }
        }
    }
    if target > current {
        tx.execute("UPDATE copydesk_schema SET version = $1", &[&target])
            .map_err(db)?;
    }
    tx.commit().map_err(db)
}
