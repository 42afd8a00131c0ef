//! Bytes to text, shared by the .txt, .md and .html readers: UTF-8 (with or without a byte order
//! mark), UTF-16 with one, or Windows-1252; line endings made `\n`; binary refused.

use super::BadFile;

/// The warning for a file that was not UTF-8 but reads as Windows-1252.
pub(super) const FROM_WINDOWS_1252: &str = "converted from Windows-1252 (the file was not UTF-8)";
/// The warning for a file in UTF-16 (with a byte order mark).
pub(super) const FROM_UTF16: &str = "converted from UTF-16 (the file was not UTF-8)";

/// The bytes Windows-1252 leaves undefined: a file containing them is not Windows-1252 text.
const UNDEFINED_IN_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// The file's text, and a warning when it had to be converted to UTF-8. A UTF-8 byte order mark
/// is dropped; UTF-16 with a byte order mark is converted; text that is not UTF-8 is read as
/// Windows-1252. Line endings (CRLF, lone CR) become `\n`, and control characters other than
/// tab, newline and form feed become spaces.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, Option<String>), BadFile> {
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = utf16 {
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .ok_or_else(|| BadFile::new("is not valid text in UTF-16"))?;
        if looks_binary(text.chars().map(u32::from)) {
            return Err(binary());
        }
        return Ok((clean(&text), Some(FROM_UTF16.to_owned())));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if looks_binary(bytes.iter().map(|&b| u32::from(b))) {
        return Err(binary());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((clean(text), None)),
        Err(_) => {
            if bytes.iter().any(|b| UNDEFINED_IN_1252.contains(b)) {
                return Err(BadFile::new("is not valid text in UTF-8 or Windows-1252"));
            }
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((clean(&text), Some(FROM_WINDOWS_1252.to_owned())))
        }
    }
}

pub(super) fn binary() -> BadFile {
    BadFile::new("is binary, not text")
}

/// A NUL anywhere, or more than one character in fifty a control character other than tab,
/// newline, carriage return, vertical tab and form feed.
pub(super) fn looks_binary(units: impl Iterator<Item = u32>) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for unit in units {
        total += 1;
        match unit {
            0 => return true,
            0x09..=0x0D => {}
            0x01..=0x1F | 0x7F => controls += 1,
            _ => {}
        }
    }
    controls * 50 > total
}

/// Line endings made `\n`; other control characters but tab and form feed made spaces.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' | '\u{0C}' => out.push(c),
            c if c.is_control() && (c as u32) < 0x80 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_is_without_a_warning() {
        let (text, warning) = decode("Kalniņa’s “grid”".as_bytes()).unwrap();
        assert_eq!(text, "Kalniņa’s “grid”");
        assert_eq!(warning, None);
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped() {
        let (text, warning) = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(text, "Hello");
        assert_eq!(warning, None);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_converted_with_a_warning() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Wójcik\r\nok".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&le).unwrap(),
            ("Wójcik\nok".to_owned(), Some(FROM_UTF16.to_owned()))
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Wójcik".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode(&be).unwrap(),
            ("Wójcik".to_owned(), Some(FROM_UTF16.to_owned()))
        );
    }

    #[test]
    fn broken_utf16_is_refused() {
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x41]).unwrap_err(),
            BadFile::new("is not valid text in UTF-16")
        );
        // An unpaired surrogate.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).unwrap_err(),
            BadFile::new("is not valid text in UTF-16")
        );
    }

    #[test]
    fn windows_1252_is_converted_with_a_warning() {
        let (text, warning) = decode(b"Caf\xE9 \x93quoted\x94 \x80 5").unwrap();
        assert_eq!(text, "Café “quoted” € 5");
        assert_eq!(
            warning.as_deref(),
            Some("converted from Windows-1252 (the file was not UTF-8)")
        );
    }

    #[test]
    fn bytes_undefined_in_windows_1252_are_refused() {
        for byte in UNDEFINED_IN_1252 {
            assert_eq!(
                decode(&[b'a', b'b', byte, b'c']).unwrap_err(),
                BadFile::new("is not valid text in UTF-8 or Windows-1252")
            );
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00").unwrap_err(), binary());
        assert_eq!(decode(b"abc\x00def").unwrap_err(), binary());
        let mut controls = b"text with many controls ".to_vec();
        controls.extend([0x01, 0x02, 0x03, 0x1B, 0x7F]);
        assert_eq!(decode(&controls).unwrap_err(), binary());
    }

    #[test]
    fn a_stray_control_character_is_not_binary_but_becomes_a_space() {
        let text = "A long enough paragraph of ordinary words\x07with one bell in it.";
        assert_eq!(
            decode(text.as_bytes()).unwrap().0,
            "A long enough paragraph of ordinary words with one bell in it."
        );
        assert_eq!(decode(b"tab\tand\x0Cfeed").unwrap().0, "tab\tand\x0Cfeed");
    }

    #[test]
    fn crlf_and_lone_cr_become_newlines() {
        assert_eq!(decode(b"a\r\nb\rc\nd\r").unwrap().0, "a\nb\nc\nd\n");
    }
}
