//! Revisions: every save of an article, stored as a delta against the one before it.
//!
//! A chain starts with a full snapshot (the key) and continues with deltas. A new key is written
//! when the deltas since the last one outweigh the text itself, so storage grows with the size of
//! the edits while rebuilding any revision reads at most about twice the article's size.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::{instant, ms, optional};
use crate::delta::{self, read_varint, write_varint};
use crate::error::{Error, Result};
use crate::model::{RevisionInfo, SaveReason, Snapshot};

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

/// A revision ready to be written: its place in the delta chain and its stored bytes.
pub struct PlannedRevision {
    number: i64,
    key_number: i64,
    chain_bytes: i64,
    hash: i64,
    content: Vec<u8>,
}

impl PlannedRevision {
    fn as_latest(&self) -> Latest {
        Latest {
            number: self.number,
            key_number: self.key_number,
            chain_bytes: self.chain_bytes,
            hash: self.hash,
        }
    }
}

/// Where `snapshot` goes after `base` (the latest revision and its encoded text, known to match):
/// a delta while the chain stays short, otherwise a new key snapshot.
fn plan(base: Option<(&Latest, &[u8])>, snapshot: &[u8]) -> PlannedRevision {
    let hash = content_hash(snapshot);
    let number = base.map_or(1, |(l, _)| l.number + 1);
    let chained = base.and_then(|(l, prev)| {
        if number - l.key_number > MAX_CHAIN {
            return None;
        }
        let d = delta::encode(prev, snapshot);
        let chain_bytes = l.chain_bytes + d.len() as i64;
        (chain_bytes <= snapshot.len().max(4096) as i64).then_some((l.key_number, chain_bytes, d))
    });
    let (key_number, chain_bytes, content) = match chained {
        Some(c) => c,
        None => (number, 0, snapshot.to_vec()),
    };
    PlannedRevision {
        number,
        key_number,
        chain_bytes,
        hash,
        content,
    }
}

/// Plans the whole history of a new article, oldest first. Pure computation: callers may run it
/// away from the database connection.
pub fn plan_history(snapshots: impl IntoIterator<Item = Snapshot>) -> Vec<PlannedRevision> {
    let mut out: Vec<PlannedRevision> = Vec::new();
    let mut previous: Option<Vec<u8>> = None;
    for s in snapshots {
        let bytes = encode_snapshot(&s);
        let last = out.last().map(PlannedRevision::as_latest);
        let planned = plan(last.as_ref().zip(previous.as_deref()), &bytes);
        previous = Some(bytes);
        out.push(planned);
    }
    out
}

/// Writes a planned revision of the article.
pub fn insert_planned(
    conn: &Connection,
    article_pk: i64,
    meta: &RevisionMeta,
    p: &PlannedRevision,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason, restored_from,
                                key_number, chain_bytes, content_hash, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        article_pk,
        p.number,
        meta.version,
        meta.author_pk,
        ms(meta.at),
        meta.reason.as_str(),
        meta.restored_from,
        p.key_number,
        p.chain_bytes,
        p.hash,
        p.content
    ])?;
    Ok(())
}

/// Writes the planned history of a new article in one statement, oldest first.
pub fn insert_history(
    conn: &Connection,
    article_pk: i64,
    revisions: &[(RevisionMeta, PlannedRevision)],
) -> Result<()> {
    if revisions.is_empty() {
        return Ok(());
    }
    let tuples = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; revisions.len()].join(", ");
    let sql = format!(
        "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason, restored_from,
                                key_number, chain_bytes, content_hash, content)
         VALUES {tuples}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut i = 0;
    let mut bind = |v: &dyn rusqlite::ToSql| -> rusqlite::Result<()> {
        i += 1;
        stmt.raw_bind_parameter(i, v)
    };
    for (meta, p) in revisions {
        bind(&article_pk)?;
        bind(&p.number)?;
        bind(&meta.version)?;
        bind(&meta.author_pk)?;
        bind(&ms(meta.at))?;
        bind(&meta.reason.as_str())?;
        bind(&meta.restored_from)?;
        bind(&p.key_number)?;
        bind(&p.chain_bytes)?;
        bind(&p.hash)?;
        bind(&p.content)?;
    }
    stmt.raw_execute()?;
    Ok(())
}

/// Appends a revision holding `snapshot`. `previous` is the snapshot of the latest revision as
/// the caller believes it to be; it is used as the delta base only if its hash matches what is
/// stored, so a wrong belief costs space, never correctness. Returns the revision number.
pub fn append(
    conn: &Connection,
    article_pk: i64,
    meta: &RevisionMeta,
    snapshot: &Snapshot,
    previous: Option<&Snapshot>,
) -> Result<i64> {
    let bytes = encode_snapshot(snapshot);
    let previous = previous.map(encode_snapshot);
    let last = latest(conn, article_pk)?;
    let base = match (&last, previous.as_deref()) {
        (Some(l), Some(prev)) if l.hash == content_hash(prev) => Some((l, prev)),
        _ => None,
    };
    let mut planned = plan(base, &bytes);
    // Without a trusted base the chain restarts, but the numbering continues.
    if base.is_none() {
        planned.number = last.as_ref().map_or(1, |l| l.number + 1);
        planned.key_number = planned.number;
    }
    insert_planned(conn, article_pk, meta, &planned)?;
    Ok(planned.number)
}

/// The snapshot of revision `number`, rebuilt and verified against its stored hash.
/// The number of the revision that recorded `version` of the article.
pub fn number_of_version(conn: &Connection, article_pk: i64, version: i64) -> Result<Option<i64>> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT max(number) FROM revisions WHERE article_pk = ?1 AND version = ?2")?
        .query_row(params![article_pk, version], |r| r.get(0))?;
    Ok(found)
}

pub fn get_snapshot(conn: &Connection, article_pk: i64, number: i64) -> Result<Option<Snapshot>> {
    get_content(conn, article_pk, number)?
        .map(|bytes| {
            decode_snapshot(&bytes)
                .ok_or_else(|| Error::Corrupt(format!("revision {number} is unreadable")))
        })
        .transpose()
}

fn get_content(conn: &Connection, article_pk: i64, number: i64) -> Result<Option<Vec<u8>>> {
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
    if content_hash(&text) != hash {
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
    // A number past every revision (i64::MAX included) simply finds nothing.
    let Some(after) = number.checked_add(1) else {
        return Ok(None);
    };
    Ok(list(conn, article_pk, Some(after), 1)?
        .into_iter()
        .find(|r| r.number == number))
}

/// A 64-bit hash of a snapshot (multiply-rotate over 8-byte words), stored as SQLite's signed
/// integer. It detects a delta applied to the wrong base; it is not a defence against tampering.
fn content_hash(bytes: &[u8]) -> i64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(*b)).wrapping_mul(K);
    }
    (h ^ (h >> 29)) as i64
}

/// The stored form of a snapshot: a version byte, then each short field as a varint length and
/// its bytes (lists as a count and their items), and the body last, running to the end. With no
/// length in front of it, an edit to the body leaves every byte before the edit unchanged, so the
/// delta finds it by its common prefix and suffix alone.
fn encode_snapshot(s: &Snapshot) -> Vec<u8> {
    let size = s.headline.len() + s.standfirst.len() + s.body.len() + 64;
    let mut out = Vec::with_capacity(size);
    out.push(2u8);
    let put = |out: &mut Vec<u8>, text: &str| {
        write_varint(out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
    };
    put(&mut out, &s.headline);
    put(&mut out, &s.standfirst);
    match &s.section {
        None => out.push(0),
        Some(section) => {
            out.push(1);
            put(&mut out, section);
        }
    }
    for list in [&s.tags, &s.byline] {
        write_varint(&mut out, list.len() as u64);
        for item in list {
            put(&mut out, item);
        }
    }
    out.extend_from_slice(s.body.as_bytes());
    out
}

fn decode_snapshot(bytes: &[u8]) -> Option<Snapshot> {
    if *bytes.first()? != 2 {
        return None;
    }
    let mut pos = 1;
    let text = |pos: &mut usize| -> Option<String> {
        let len = usize::try_from(read_varint(bytes, pos)?).ok()?;
        let end = pos.checked_add(len)?;
        let s = std::str::from_utf8(bytes.get(*pos..end)?).ok()?.to_string();
        *pos = end;
        Some(s)
    };
    let headline = text(&mut pos)?;
    let standfirst = text(&mut pos)?;
    let flag = *bytes.get(pos)?;
    pos += 1;
    let section = match flag {
        0 => None,
        1 => Some(text(&mut pos)?),
        _ => return None,
    };
    let mut lists = [Vec::new(), Vec::new()];
    for list in &mut lists {
        let n = read_varint(bytes, &mut pos)?;
        for _ in 0..n {
            list.push(text(&mut pos)?);
        }
    }
    let [tags, byline] = lists;
    let body = std::str::from_utf8(bytes.get(pos..)?).ok()?.to_string();
    Some(Snapshot {
        headline,
        standfirst,
        body,
        section,
        tags,
        byline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_round_trip_and_damage_is_detected() {
        let s = Snapshot {
            headline: "Señor’s “deal”".into(),
            standfirst: String::new(),
            body: "Line one\n\nLine two \u{1f600}".into(),
            section: Some("Opinion".into()),
            tags: vec!["a".into(), "b c".into()],
            byline: vec!["Jane Roe".into()],
        };
        let bytes = encode_snapshot(&s);
        assert_eq!(decode_snapshot(&bytes), Some(s.clone()));
        let none = Snapshot {
            section: None,
            tags: vec![],
            ..s.clone()
        };
        assert_eq!(decode_snapshot(&encode_snapshot(&none)), Some(none));
        assert_eq!(decode_snapshot(&bytes[..3]), None);
        assert_eq!(decode_snapshot(&[9]), None);
        // A body edit leaves everything before it byte for byte the same.
        let mut longer = s.clone();
        longer.body.push_str(" and more");
        let a = encode_snapshot(&s);
        let b = encode_snapshot(&longer);
        assert_eq!(&b[..a.len()], &a[..]);
        assert_ne!(content_hash(b"abcdefgh1"), content_hash(b"abcdefgh2"));
        assert_ne!(content_hash(b""), content_hash(b"\0"));
    }
}
