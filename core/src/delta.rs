//! Revision deltas: a revision stores the bytes it changed, not the whole article.
//!
//! A delta is a list of operations that rebuild the new text from the previous one: copy a range
//! of the old text, or insert new bytes. Common prefix and suffix are found first, which makes a
//! typical autosave (one edit in one place) a few dozen bytes; the rest is diffed by words.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp};

use crate::error::{Error, Result};

const COPY: u64 = 0;
const INSERT: u64 = 1;

/// Encodes `target` as operations on `base`.
pub fn encode(base: &[u8], target: &[u8]) -> Vec<u8> {
    let prefix = common_prefix(base, target);
    let suffix = common_suffix(&base[prefix..], &target[prefix..]);
    let old_mid = &base[prefix..base.len() - suffix];
    let new_mid = &target[prefix..target.len() - suffix];

    let mut ops = Ops::default();
    ops.copy(0, prefix);
    if old_mid.is_empty() || new_mid.is_empty() || new_mid.len() < 64 {
        ops.insert(new_mid);
    } else {
        let old_words = split_words(old_mid);
        let new_words = split_words(new_mid);
        // A bound on pathological inputs; the result is then merely larger, never wrong.
        let deadline = Instant::now() + Duration::from_millis(50);
        let diff = similar::capture_diff_deadline(
            Algorithm::Myers,
            &old_words,
            0..old_words.len(),
            &new_words,
            0..new_words.len(),
            Some(deadline),
        );
        let old_offsets = offsets(&old_words);
        let new_offsets = offsets(&new_words);
        for op in diff {
            match op {
                DiffOp::Equal { old_index, len, .. } => {
                    let start = old_offsets[old_index];
                    let end = old_offsets[old_index + len];
                    ops.copy(prefix + start, end - start);
                }
                DiffOp::Delete { .. } => {}
                DiffOp::Insert {
                    new_index, new_len, ..
                }
                | DiffOp::Replace {
                    new_index, new_len, ..
                } => {
                    ops.insert(&new_mid[new_offsets[new_index]..new_offsets[new_index + new_len]]);
                }
            }
        }
    }
    ops.copy(base.len() - suffix, suffix);
    ops.finish()
}

/// Length of the common start of `a` and `b`, compared a machine word at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = word(&a[i..]) ^ word(&b[i..]);
        if x != 0 {
            return i + (x.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Length of the common end of `a` and `b`, compared a machine word at a time.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + 8 <= n {
        let x = word(&a[n - i - 8..]) ^ word(&b[n - i - 8..]);
        if x != 0 {
            return i + (x.leading_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The first eight bytes of `s` as a little-endian word (the caller guarantees eight).
fn word(s: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[..8]);
    u64::from_le_bytes(w)
}

/// Rebuilds the text that `delta` encodes against `base`. Damaged input is an error, never a panic.
pub fn apply(base: &[u8], delta: &[u8]) -> Result<Vec<u8>> {
    let damaged = || Error::Corrupt("a revision delta does not fit its base".into());
    let mut out = Vec::with_capacity(base.len() + 64);
    let mut pos = 0;
    while pos < delta.len() {
        let tag = read_varint(delta, &mut pos).ok_or_else(damaged)?;
        let len = usize::try_from(tag >> 1).map_err(|_| damaged())?;
        match tag & 1 {
            COPY => {
                let start = read_varint(delta, &mut pos).ok_or_else(damaged)?;
                let start = usize::try_from(start).map_err(|_| damaged())?;
                let end = start.checked_add(len).ok_or_else(damaged)?;
                out.extend_from_slice(base.get(start..end).ok_or_else(damaged)?);
            }
            _ => {
                let end = pos.checked_add(len).ok_or_else(damaged)?;
                out.extend_from_slice(delta.get(pos..end).ok_or_else(damaged)?);
                pos = end;
            }
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Ops {
    buf: Vec<u8>,
    pending_copy: Option<(usize, usize)>,
}

impl Ops {
    fn copy(&mut self, start: usize, len: usize) {
        if len == 0 {
            return;
        }
        match &mut self.pending_copy {
            Some((s, l)) if *s + *l == start => *l += len,
            _ => {
                self.flush();
                self.pending_copy = Some((start, len));
            }
        }
    }

    fn insert(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.flush();
        write_varint(&mut self.buf, ((bytes.len() as u64) << 1) | INSERT);
        self.buf.extend_from_slice(bytes);
    }

    fn flush(&mut self) {
        if let Some((start, len)) = self.pending_copy.take() {
            write_varint(&mut self.buf, ((len as u64) << 1) | COPY);
            write_varint(&mut self.buf, start as u64);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.buf
    }
}

/// Splits into words, each with the white space that follows it, so the pieces cover the input.
fn split_words(text: &[u8]) -> Vec<&[u8]> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, b) in text.iter().enumerate() {
        let space = b.is_ascii_whitespace();
        if in_space && !space {
            words.push(&text[start..i]);
            start = i;
        }
        in_space = space;
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    words
}

fn offsets(words: &[&[u8]]) -> Vec<usize> {
    let mut out = Vec::with_capacity(words.len() + 1);
    let mut at = 0;
    out.push(0);
    for w in words {
        at += w.len();
        out.push(at);
    }
    out
}

pub(crate) fn write_varint(buf: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        buf.push((v as u8) | 0x80);
        v >>= 7;
    }
    buf.push(v as u8);
}

pub(crate) fn read_varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(a: &str, b: &str) -> usize {
        let d = encode(a.as_bytes(), b.as_bytes());
        assert_eq!(
            apply(a.as_bytes(), &d).unwrap(),
            b.as_bytes(),
            "{a:?} -> {b:?}"
        );
        d.len()
    }

    #[test]
    fn round_trips() {
        round_trip("", "");
        round_trip("", "new text");
        round_trip("old text", "");
        round_trip("same", "same");
        round_trip("abc", "abxc");
        round_trip("héllo wörld", "héllo wörld!");
        let long: String = (0..2000).map(|i| format!("word{i} ")).collect();
        let mut edited = long.replace("word10 ", "changed ").replace("word1900 ", "");
        edited.insert_str(500, "inserted here ");
        let size = round_trip(&long, &edited);
        assert!(size < 200, "two distant edits cost {size} bytes");
    }

    #[test]
    fn a_one_word_edit_is_small() {
        let text: String = (0..10_000).map(|i| format!("w{} ", i % 997)).collect();
        let edited = text.replacen("w500 ", "replaced ", 1);
        assert!(round_trip(&text, &edited) < 32);
    }

    #[test]
    fn common_ends_are_exact_at_every_offset() {
        let base: Vec<u8> = (0..40u8).collect();
        for at in 0..40 {
            let mut other = base.clone();
            other[at] = 200;
            assert_eq!(common_prefix(&base, &other), at);
            assert_eq!(common_suffix(&base, &other), 39 - at);
        }
        assert_eq!(common_prefix(b"abc", b"abcdef"), 3);
        assert_eq!(common_suffix(b"def", b"abcdef"), 3);
    }

    #[test]
    fn damaged_deltas_are_errors() {
        let d = encode(b"hello world, hello", b"hello there world, hello");
        assert!(apply(b"short", &d).is_err());
        assert!(apply(b"hello", &[0x80]).is_err());
        assert!(apply(b"hello", &[(10 << 1) | 1, b'x']).is_err());
    }
}
