//! What a writer typed, made fit to store: one line where one line belongs, no control
//! characters, lengths the desk prints. Pure functions; the field at fault is named.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::text::one_line;

pub const MAX_BODY_BYTES: usize = 1024 * 1024;
const MAX_HEADLINE_CHARS: usize = 300;
const MAX_STANDFIRST_CHARS: usize = 1500;
const MAX_TAGS: usize = 20;

/// Line endings made `\n`; control characters (which no writer types) removed.
pub(crate) fn clean_text(s: &str) -> Cow<'_, str> {
    let stray = |c: char| c.is_control() && c != '\n' && c != '\t';
    // Control characters are C0 bytes, DEL, or C1 (U+0080–U+009F, encoded C2 80–C2 9F): a byte
    // scan finds them without decoding the text.
    let suspect = has_control_bytes(s.as_bytes());
    if !suspect {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !stray(*c))
            .collect(),
    )
}

/// Whether `bytes` may hold a control character other than newline and tab: a C0 byte, DEL, or
/// the lead byte of a C1 character. Eight bytes at a time; only a flagged word is looked at byte
/// by byte.
fn has_control_bytes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let stray = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    };
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        let v = u64::from_le_bytes(w);
        let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGHS != 0;
        if (below_space || has_zero(v ^ (ONES * 0x7f)) || has_zero(v ^ (ONES * 0xc2)))
            && (i..i + 8).any(stray)
        {
            return true;
        }
        i += 8;
    }
    (i..bytes.len()).any(stray)
}

pub(in crate::desk) fn clean_headline(h: &str) -> Result<String> {
    let h = one_line(&clean_text(h));
    if h.is_empty() {
        return Err(Error::invalid_field(
            "headline",
            "the headline is empty: an article needs one",
        ));
    }
    if h.chars().count() > MAX_HEADLINE_CHARS {
        return Err(Error::invalid_field(
            "headline",
            format!(
                "the headline has {} characters; the most a headline can hold is {MAX_HEADLINE_CHARS}",
                h.chars().count()
            ),
        ));
    }
    Ok(h)
}

pub(in crate::desk) fn clean_standfirst(s: &str) -> Result<String> {
    let s = one_line(&clean_text(s));
    if s.chars().count() > MAX_STANDFIRST_CHARS {
        return Err(Error::invalid_field(
            "standfirst",
            format!(
                "the standfirst has {} characters; keep it under {MAX_STANDFIRST_CHARS}",
                s.chars().count()
            ),
        ));
    }
    Ok(s)
}

pub(in crate::desk) fn clean_body(b: &str) -> Result<Cow<'_, str>> {
    if b.len() > MAX_BODY_BYTES {
        return Err(Error::invalid_field(
            "body",
            format!(
                "the body is {} bytes; an article body can hold at most 1 MB",
                b.len()
            ),
        ));
    }
    Ok(clean_text(b))
}

pub(in crate::desk) fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = one_line(&clean_text(t));
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid_field(
            "tags",
            format!("{} tags is too many: at most {MAX_TAGS}", out.len()),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_wherever_they_stand() {
        let clean = "Plain text, with\nnew lines\tand tabs; ünïcödé and “quotes” — 100 € ok.";
        assert!(!has_control_bytes(clean.as_bytes()));
        for bad in [
            '\u{0}', '\u{7}', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            for at in 0..20 {
                let mut s: String = clean.chars().take(at).collect();
                s.push(bad);
                s.push_str("tail text here");
                assert!(has_control_bytes(s.as_bytes()), "{bad:?} at {at}");
                assert!(!clean_text(&s).contains(bad));
            }
        }
        assert_eq!(clean_text("a\r\nb\rc"), "a\nb\nc");
        assert!(matches!(clean_text(clean), Cow::Borrowed(_)));
    }
}
