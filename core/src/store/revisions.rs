//! Revisions: every save of an article, stored as a delta against the one before it.
//!
//! A chain starts with a full snapshot (the key) and continues with deltas. A new key is written
//! when the deltas since the last one outweigh the text itself, so storage grows with the size of
//! the edits while rebuilding any revision reads at most about twice the article's size. The
//! chain is planned and rebuilt here, the same for every store; a store only keeps its rows.

use chrono::{DateTime, Utc};

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

/// Where the newest revision of an article stands in its chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainHead {
    pub number: i64,
    pub key_number: i64,
    pub chain_bytes: i64,
    pub hash: i64,
}

/// A revision ready to be written: its place in the delta chain and its stored bytes.
pub struct PlannedRevision {
    pub number: i64,
    pub key_number: i64,
    pub chain_bytes: i64,
    pub hash: i64,
    pub content: Vec<u8>,
}

impl PlannedRevision {
    fn head(&self) -> ChainHead {
        ChainHead {
            number: self.number,
            key_number: self.key_number,
            chain_bytes: self.chain_bytes,
            hash: self.hash,
        }
    }
}

/// The stored rows a revision is rebuilt from.
pub struct StoredChain {
    /// The hash of the text the revision held when it was written.
    pub hash: i64,
    /// The key snapshot, then every delta up to the revision, in order.
    pub contents: Vec<Vec<u8>>,
}

pub(crate) trait Revisions {
    /// Where the article's newest revision stands in its chain.
    fn head(&self, article_pk: i64) -> Result<Option<ChainHead>>;

    /// Writes a planned revision of the article.
    fn insert(&self, article_pk: i64, meta: &RevisionMeta, planned: &PlannedRevision)
    -> Result<()>;

    /// Writes the planned history of a new article, oldest first.
    fn insert_history(
        &self,
        article_pk: i64,
        revisions: &[(RevisionMeta, PlannedRevision)],
    ) -> Result<()>;

    /// What revision `number` is rebuilt from, or `None` when there is no such revision.
    fn chain(&self, article_pk: i64, number: i64) -> Result<Option<StoredChain>>;

    /// The number of the revision that recorded `version` of the article.
    fn number_of_version(&self, article_pk: i64, version: i64) -> Result<Option<i64>>;

    /// A page of an article's revisions, newest first, before revision number `before`.
    fn list(&self, article_pk: i64, before: Option<i64>, limit: i64) -> Result<Vec<RevisionInfo>>;

    /// Appends a revision holding `snapshot`. `previous` is the snapshot of the latest revision
    /// as the caller believes it to be; it is used as the delta base only if its hash matches
    /// what is stored, so a wrong belief costs space, never correctness. Returns the number.
    fn append(
        &self,
        article_pk: i64,
        meta: &RevisionMeta,
        snapshot: &Snapshot,
        previous: Option<&Snapshot>,
    ) -> Result<i64> {
        let bytes = encode_snapshot(snapshot);
        let previous = previous.map(encode_snapshot);
        let last = self.head(article_pk)?;
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
        self.insert(article_pk, meta, &planned)?;
        Ok(planned.number)
    }

    /// The snapshot of revision `number`, rebuilt and verified against its stored hash.
    fn snapshot(&self, article_pk: i64, number: i64) -> Result<Option<Snapshot>> {
        let Some(chain) = self.chain(article_pk, number)? else {
            return Ok(None);
        };
        let mut text: Option<Vec<u8>> = None;
        for content in chain.contents {
            text = Some(match text {
                None => content,
                Some(base) => delta::apply(&base, &content)?,
            });
        }
        let text =
            text.ok_or_else(|| Error::Corrupt(format!("revision {number} has no key snapshot")))?;
        if content_hash(&text) != chain.hash {
            return Err(Error::Corrupt(format!(
                "revision {number} does not rebuild to what was saved"
            )));
        }
        decode_snapshot(&text)
            .map(Some)
            .ok_or_else(|| Error::Corrupt(format!("revision {number} is unreadable")))
    }

    /// The list entry of revision `number`.
    fn info(&self, article_pk: i64, number: i64) -> Result<Option<RevisionInfo>> {
        // A number past every revision (i64::MAX included) simply finds nothing.
        let Some(after) = number.checked_add(1) else {
            return Ok(None);
        };
        Ok(self
            .list(article_pk, Some(after), 1)?
            .into_iter()
            .find(|r| r.number == number))
    }
}

/// Where `snapshot` goes after `base` (the latest revision and its encoded text, known to match):
/// a delta while the chain stays short, otherwise a new key snapshot.
fn plan(base: Option<(&ChainHead, &[u8])>, snapshot: &[u8]) -> PlannedRevision {
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
pub(crate) fn plan_history(snapshots: impl IntoIterator<Item = Snapshot>) -> Vec<PlannedRevision> {
    let mut out: Vec<PlannedRevision> = Vec::new();
    let mut previous: Option<Vec<u8>> = None;
    for s in snapshots {
        let bytes = encode_snapshot(&s);
        let last = out.last().map(PlannedRevision::head);
        let planned = plan(last.as_ref().zip(previous.as_deref()), &bytes);
        previous = Some(bytes);
        out.push(planned);
    }
    out
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
