//! Revisions: every save of an article, stored as a delta against the one before it.
//!
//! A chain starts with a full snapshot (the key) and continues with deltas. A new key is written
//! when the deltas since the last one outweigh the text itself, so storage grows with the size of
//! the edits while rebuilding any revision reads at most about twice the article's size.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::{instant, ms, optional};
use crate::delta;
use crate::error::{Error, Result};
use crate::model::{RevisionInfo, SaveReason};

/// Longest run of deltas before a new key snapshot, whatever their size.
const MAX_CHAIN: i64 = 1000;

pub struct RevisionMeta {
    pub version: i64,
    pub author_pk: i64,
    pub at: DateTime<Utc>,
    pub reason: SaveReason,
    pub restored_from: Option<i64>,
}

struct Latest {
    number: i64,
    key_number: i64,
    chain_bytes: i64,
    hash: i64,
}

fn latest(conn: &Connection, article_pk: i64) -> Result<Option<Latest>> {
    optional(
        conn.prepare_cached(
            "SELECT number, key_number, chain_bytes, content_hash FROM revisions
             WHERE article_pk = ?1 ORDER BY number DESC LIMIT 1",
        )?
        .query_row([article_pk], |r| {
            Ok(Latest {
                number: r.get(0)?,
                key_number: r.get(1)?,
                chain_bytes: r.get(2)?,
                hash: r.get(3)?,
            })
        }),
    )
}

/// Appends a revision holding `snapshot`. `previous` is the snapshot of the latest revision as
/// the caller believes it to be; it is used as the delta base only if its hash matches what is
/// stored, so a wrong belief costs space, never correctness. Returns the revision number.
pub fn append(
    conn: &Connection,
    article_pk: i64,
    meta: &RevisionMeta,
    snapshot: &[u8],
    previous: Option<&[u8]>,
) -> Result<i64> {
    let hash = fnv1a(snapshot);
    let last = latest(conn, article_pk)?;
    let number = last.as_ref().map_or(1, |l| l.number + 1);
    let chained = match (&last, previous) {
        (Some(l), Some(prev)) if l.hash == fnv1a(prev) && number - l.key_number <= MAX_CHAIN => {
            let d = delta::encode(prev, snapshot);
            let chain_bytes = l.chain_bytes + d.len() as i64;
            (chain_bytes <= snapshot.len().max(4096) as i64).then_some((
                l.key_number,
                chain_bytes,
                d,
            ))
        }
        _ => None,
    };
    let (key_number, chain_bytes, content) = match chained {
        Some(c) => c,
        None => (number, 0, snapshot.to_vec()),
    };
    conn.prepare_cached(
        "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason, restored_from,
                                key_number, chain_bytes, content_hash, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        article_pk,
        number,
        meta.version,
        meta.author_pk,
        ms(meta.at),
        meta.reason.as_str(),
        meta.restored_from,
        key_number,
        chain_bytes,
        hash,
        content
    ])?;
    Ok(number)
}

/// Rebuilds the snapshot of revision `number`, verified against its stored hash.
pub fn get_content(conn: &Connection, article_pk: i64, number: i64) -> Result<Option<Vec<u8>>> {
    let Some((key_number, hash)) = optional(
        conn.prepare_cached(
            "SELECT key_number, content_hash FROM revisions WHERE article_pk = ?1 AND number = ?2",
        )?
        .query_row(params![article_pk, number], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        }),
    )?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT number, content FROM revisions
         WHERE article_pk = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number",
    )?;
    let mut rows = stmt.query(params![article_pk, key_number, number])?;
    let mut text: Option<Vec<u8>> = None;
    while let Some(row) = rows.next()? {
        let content: Vec<u8> = row.get(1)?;
        text = Some(match text {
            None => content,
            Some(base) => delta::apply(&base, &content)?,
        });
    }
    let text =
        text.ok_or_else(|| Error::Corrupt(format!("revision {number} has no key snapshot")))?;
    if fnv1a(&text) != hash {
        return Err(Error::Corrupt(format!(
            "revision {number} does not rebuild to what was saved"
        )));
    }
    Ok(Some(text))
}

/// A page of an article's revisions, newest first, before revision number `before`.
pub fn list(
    conn: &Connection,
    article_pk: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<RevisionInfo>> {
    let mut stmt = conn.prepare_cached(list_sql())?;
    let rows = stmt.query_map(
        params![article_pk, before.unwrap_or(i64::MAX), limit],
        |r| {
            let reason: String = r.get(4)?;
            Ok(RevisionInfo {
                number: r.get(0)?,
                version: r.get(1)?,
                author: r.get(2)?,
                at: instant(r.get(3)?),
                reason: reason.parse().unwrap_or(SaveReason::Save),
                restored_from: r.get(5)?,
                stored_bytes: r.get(6)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn list_sql() -> &'static str {
    "SELECT r.number, r.version, u.name, r.at, r.reason, r.restored_from, length(r.content)
     FROM revisions r JOIN users u ON u.pk = r.author_pk
     WHERE r.article_pk = ?1 AND r.number < ?2 ORDER BY r.number DESC LIMIT ?3"
}

pub fn get_info(conn: &Connection, article_pk: i64, number: i64) -> Result<Option<RevisionInfo>> {
    Ok(list(conn, article_pk, Some(number + 1), 1)?
        .into_iter()
        .find(|r| r.number == number))
}

/// FNV-1a, 64 bits, stored as SQLite's signed integer.
fn fnv1a(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}
