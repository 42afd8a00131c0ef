//! Moving a desk file into an empty team database: every table copied as it is stored (revisions
//! stay the same deltas, keys stay the same keys), the search index built, then the copy checked
//! against the file inside the same transaction: the count of every table and a hash of every
//! article's text. Any difference rolls the whole copy back.

use std::collections::HashMap;

use blake2::{Blake2s256, Digest};
use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};

use super::{PgStore, PgTx, get};
use crate::error::{Error, Result};
use crate::store::Tx;

/// Every table of a desk, parents before children. The search tables are built, not copied.
const TABLES: &[&str] = &[
    "settings",
    "sections",
    "section_slots",
    "contributors",
    "users",
    "contributor_bio_history",
    "articles",
    "article_bylines",
    "related_articles",
    "revisions",
    "transitions",
    "notes",
    "publish_jobs",
    "remote_posts",
    "sessions",
    "sign_in_failures",
];

/// Tables whose `pk` the database numbers: its sequence continues after the copied keys.
const NUMBERED: &[&str] = &[
    "contributors",
    "users",
    "contributor_bio_history",
    "articles",
    "transitions",
    "notes",
    "publish_jobs",
    "sessions",
];

/// How many rows of each table were copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TableCount {
    pub name: String,
    pub rows: u64,
}

/// What a push copied and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushReport {
    pub tables: Vec<TableCount>,
    /// Articles whose text hashed alike in the file and in the copy.
    pub articles_verified: u64,
    /// The team database: "PostgreSQL 15.14".
    pub storage: String,
    /// Users who cannot sign in until the chief sets them a passphrase.
    pub without_passphrase: Vec<String>,
}

fn sqlite(e: rusqlite::Error) -> Error {
    Error::Storage(e.to_string())
}

/// A value as COPY's text format writes it, for a column of `pg_type`.
fn copy_text(value: ValueRef<'_>, pg_type: &str, out: &mut Vec<u8>) -> Result<()> {
    match value {
        ValueRef::Null => out.extend_from_slice(b"\\N"),
        ValueRef::Integer(i) if pg_type == "boolean" => out.push(if i != 0 { b't' } else { b'f' }),
        ValueRef::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        ValueRef::Real(r) => out.extend_from_slice(r.to_string().as_bytes()),
        ValueRef::Text(t) => escape(t, out),
        ValueRef::Blob(b) if pg_type == "bytea" => {
            out.extend_from_slice(b"\\\\x");
            for byte in b {
                out.extend_from_slice(format!("{byte:02x}").as_bytes());
            }
        }
        ValueRef::Blob(_) => {
            return Err(Error::Corrupt(format!(
                "the desk file holds bytes where the team database keeps {pg_type}"
            )));
        }
    }
    Ok(())
}

/// Backslash, tab, newline and carriage return escaped as COPY's text format wants.
fn escape(text: &[u8], out: &mut Vec<u8>) {
    for &b in text {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

fn text_hash(headline: &str, standfirst: &str, body: &str) -> [u8; 32] {
    let mut h = Blake2s256::new();
    for part in [headline, standfirst, body] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().into()
}

impl PgStore {
    /// Copies the desk file's data into this database, which must hold no desk yet.
    pub(crate) fn take_from(&self, file: &rusqlite::Connection) -> Result<PushReport> {
        let mut report = None;
        self.run_once_bulk(&mut |tx: &PgTx| {
            report = Some(copy_all(tx, file)?);
            Ok(())
        })?;
        let mut report = report.ok_or_else(|| Error::Corrupt("the copy did not run".into()))?;
        report.storage = self.describe_version();
        Ok(report)
    }
}

fn copy_all(tx: &PgTx, file: &rusqlite::Connection) -> Result<PushReport> {
    let occupied = tx.one(
        "SELECT (SELECT count(*) FROM settings) + (SELECT count(*) FROM users)
              + (SELECT count(*) FROM articles) + (SELECT count(*) FROM contributors)",
        &[],
    )?;
    if get::<i64>(&occupied, 0)? > 0 {
        return Err(Error::invalid_field(
            "database",
            "the team database already holds a desk: push copies a desk file into an empty one only",
        ));
    }
    // On a team desk everyone signs in with a passphrase: a chief without one could never let
    // anyone in, nor set the others'.
    let chiefs_who_can_sign_in: i64 = file
        .query_row(
            "SELECT count(*) FROM users WHERE role = 'chief' AND passphrase_hash IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .map_err(sqlite)?;
    if chiefs_who_can_sign_in == 0 {
        return Err(Error::invalid(
            "on a team desk everyone signs in with a passphrase, and no chief of this desk has one: set one first (copydesk user passphrase NAME, with COPYDESK_NEW_PASSPHRASE), then push",
        ));
    }
    let mut tables = Vec::new();
    for table in TABLES {
        let rows = copy_table(tx, file, table)?;
        tables.push(TableCount {
            name: (*table).to_string(),
            rows,
        });
    }
    for table in NUMBERED {
        tx.one(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'pk'),
                               coalesce(max(pk), 0) + 1, false) FROM {table}"
            ),
            &[],
        )?;
    }
    let span = tx.one(
        "SELECT coalesce(min(pk), 0), coalesce(max(pk), -1) FROM articles",
        &[],
    )?;
    let (first, last): (i64, i64) = (get(&span, 0)?, get(&span, 1)?);
    if first <= last {
        tx.search().index_new_articles(first, last)?;
    }
    // The check, before anything commits: every table's count, and every article's text.
    for t in &tables {
        let copied: i64 = get(
            &tx.one(&format!("SELECT count(*) FROM {}", t.name), &[])?,
            0,
        )?;
        if copied as u64 != t.rows {
            return Err(mismatch(format!(
                "{} has {} rows in the file but {copied} in the copy",
                t.name, t.rows
            )));
        }
    }
    let mut in_file: HashMap<String, [u8; 32]> = HashMap::new();
    let mut stmt = file
        .prepare("SELECT id, headline, standfirst, body FROM articles")
        .map_err(sqlite)?;
    let mut rows = stmt.query([]).map_err(sqlite)?;
    while let Some(r) = rows.next().map_err(sqlite)? {
        let (id, headline, standfirst, body): (String, String, String, String) = (
            r.get(0).map_err(sqlite)?,
            r.get(1).map_err(sqlite)?,
            r.get(2).map_err(sqlite)?,
            r.get(3).map_err(sqlite)?,
        );
        in_file.insert(id, text_hash(&headline, &standfirst, &body));
    }
    let mut verified = 0u64;
    for r in tx.rows("SELECT id, headline, standfirst, body FROM articles", &[])? {
        let id: String = get(&r, 0)?;
        let copied = text_hash(
            &get::<String>(&r, 1)?,
            &get::<String>(&r, 2)?,
            &get::<String>(&r, 3)?,
        );
        if in_file.get(&id) != Some(&copied) {
            return Err(mismatch(format!("article {id}'s text differs in the copy")));
        }
        verified += 1;
    }
    if verified as usize != in_file.len() {
        return Err(mismatch(format!(
            "{} articles in the file, {verified} in the copy",
            in_file.len()
        )));
    }
    let mut without = Vec::new();
    for r in tx.rows(
        "SELECT name FROM users WHERE passphrase_hash IS NULL ORDER BY lower(name)",
        &[],
    )? {
        without.push(get(&r, 0)?);
    }
    Ok(PushReport {
        tables,
        articles_verified: verified,
        storage: String::new(),
        without_passphrase: without,
    })
}

fn mismatch(what: String) -> Error {
    Error::CopyMismatch(format!(
        "the copy does not match the desk file ({what}): nothing was kept in the team database"
    ))
}

/// Streams one table from the file into the database with COPY.
fn copy_table(tx: &PgTx, file: &rusqlite::Connection, table: &str) -> Result<u64> {
    let mut columns: Vec<String> = Vec::new();
    let mut stmt = file
        .prepare(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .map_err(sqlite)?;
    let mut names = stmt.query([]).map_err(sqlite)?;
    while let Some(r) = names.next().map_err(sqlite)? {
        columns.push(r.get(0).map_err(sqlite)?);
    }
    let mut types: HashMap<String, String> = HashMap::new();
    for r in tx.rows(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1",
        &[&table],
    )? {
        types.insert(get(&r, 0)?, get(&r, 1)?);
    }
    let kinds: Vec<String> = columns
        .iter()
        .map(|c| {
            types.get(c).cloned().ok_or_else(|| {
                Error::invalid(format!(
                    "the desk file's {table}.{c} has no place in the team database: is the file from a newer copydesk?"
                ))
            })
        })
        .collect::<Result<_>>()?;
    let list = columns.join(", ");
    let mut select = file
        .prepare(&format!("SELECT {list} FROM {table}"))
        .map_err(sqlite)?;
    let mut rows = select.query([]).map_err(sqlite)?;
    tx.copy_in(&format!("COPY {table} ({list}) FROM STDIN"), &mut |copy| {
        let mut line = Vec::with_capacity(4096);
        let mut count = 0u64;
        while let Some(r) = rows.next().map_err(sqlite)? {
            line.clear();
            for (i, kind) in kinds.iter().enumerate() {
                if i > 0 {
                    line.push(b'\t');
                }
                copy_text(r.get_ref(i).map_err(sqlite)?, kind, &mut line)?;
            }
            line.push(b'\n');
            copy.write_all(&line)
                .map_err(|e| Error::Storage(format!("copying {table}: {e}")))?;
            count += 1;
        }
        Ok(count)
    })
}
