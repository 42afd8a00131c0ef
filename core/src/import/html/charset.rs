//! A page's bytes to text: as the other readers decode, except that a page declaring another
//! charset in its `<meta>` is read in that charset.

use crate::import::BadFile;
use crate::import::decode::{self, binary, clean, looks_binary};

/// The page's text: as `decode::decode` does, except that a page that is not UTF-8 and declares
/// another charset than Windows-1252 (`<meta charset>`) is read in that charset.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, Option<String>), BadFile> {
    let has_bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return decode::decode(bytes);
    }
    match declared_charset(bytes) {
        Some(encoding)
            if encoding != encoding_rs::UTF_8
                && encoding != encoding_rs::WINDOWS_1252
                && encoding != encoding_rs::UTF_16LE
                && encoding != encoding_rs::UTF_16BE =>
        {
            if looks_binary(bytes.iter().map(|&b| u32::from(b))) {
                return Err(binary());
            }
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| BadFile::new(format!("is not valid text in {}", encoding.name())))?;
            Ok((
                clean(&text),
                Some(format!(
                    "converted from {} (the file was not UTF-8)",
                    encoding.name()
                )),
            ))
        }
        _ => decode::decode(bytes),
    }
}

/// The charset a page declares in its first 2 KB (`<meta charset=…>` or `content="…; charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let start = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = start.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}
