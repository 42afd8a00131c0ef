//! Plain text (.txt) read into blocks; and what the other readers share: decoding bytes to text
//! (`decode`), and Markdown written from formatted runs of Word and HTML (`Span`, `render`).

use super::{BadFile, Block, BlockKind, Document, Format, Meta};
use crate::text::one_line;

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

/// Reads a .txt file: paragraphs separated by blank lines (or, in a file without any blank line,
/// one paragraph a line), and simple list items.
pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (text, warning) = decode(bytes)?;
    let blocks = blocks_of(&text);
    if blocks.is_empty() {
        return Err(BadFile::new("has no text"));
    }
    Ok(Document {
        format: Format::Text,
        meta: Meta::default(),
        blocks,
        warnings: warning.into_iter().collect(),
    })
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn blocks_of(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.split('\n').collect();
    let (Some(first), Some(last)) = (
        lines.iter().position(|l| !is_blank(l)),
        lines.iter().rposition(|l| !is_blank(l)),
    ) else {
        return Vec::new();
    };
    let lines = &lines[first..=last];
    let mut blocks = Vec::new();
    if lines.iter().any(|l| is_blank(l)) {
        for group in lines.split(|l| is_blank(l)).filter(|g| !g.is_empty()) {
            group_blocks(group, &mut blocks);
        }
    } else {
        for line in lines {
            group_blocks(std::slice::from_ref(line), &mut blocks);
        }
    }
    blocks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Bullet,
    Number(u32),
}

/// A line's list marker ("- ", "* ", "• ", "1. ", "1) ") and the item's text after it.
fn list_marker(line: &str) -> Option<(Marker, &str)> {
    let trimmed = line.trim_start();
    let (marker, rest) = if let Some(rest) = ["- ", "* ", "• "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
    {
        (Marker::Bullet, rest)
    } else {
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let after = &trimmed[digits..];
        let rest = after
            .strip_prefix(". ")
            .or_else(|| after.strip_prefix(") "))?;
        (Marker::Number(trimmed[..digits].parse().ok()?), rest)
    };
    rest.chars()
        .any(char::is_alphanumeric)
        .then_some((marker, rest))
}

fn group_blocks(lines: &[&str], blocks: &mut Vec<Block>) {
    let mut paragraph: Vec<&str> = Vec::new();
    let mut item: Option<(Marker, Vec<&str>)> = None;
    for line in lines {
        if let Some((marker, rest)) = list_marker(line) {
            flush_paragraph(&mut paragraph, blocks);
            flush_item(item.take(), blocks);
            item = Some((marker, vec![rest]));
        } else if let Some((_, item_lines)) =
            item.as_mut().filter(|_| line.starts_with([' ', '\t']))
        {
            item_lines.push(line);
        } else {
            flush_item(item.take(), blocks);
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, blocks);
    flush_item(item, blocks);
}

fn flush_paragraph(lines: &mut Vec<&str>, blocks: &mut Vec<Block>) {
    if lines.is_empty() {
        return;
    }
    // Lines quoted as e-mail quotes them ("> …") are one block quote.
    if lines.iter().all(|l| l.trim_start().starts_with('>')) {
        let quoted: Vec<&str> = lines
            .iter()
            .map(|l| l.trim_start().trim_start_matches('>').trim())
            .collect();
        let text = one_line(&quoted.join(" "));
        if !text.is_empty() {
            blocks.push(Block {
                kind: BlockKind::Quote,
                markdown: format!("> {text}"),
                text,
                emphasised: false,
            });
        }
    } else {
        blocks.push(Block::paragraph(&lines.join(" ")));
    }
    lines.clear();
}

fn flush_item(item: Option<(Marker, Vec<&str>)>, blocks: &mut Vec<Block>) {
    let Some((marker, lines)) = item else {
        return;
    };
    let text = one_line(&lines.join(" "));
    let (markdown, ordered) = match marker {
        Marker::Bullet => (format!("- {text}"), false),
        Marker::Number(n) => (format!("{n}. {text}"), true),
    };
    blocks.push(Block {
        kind: BlockKind::ListItem { ordered },
        markdown,
        text,
        emphasised: false,
    });
}

/// A stretch of a paragraph's text with its marks: a Word run, an HTML text node in its inline
/// elements. `link` is a URL the reader has already checked (http, https or mailto).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// A paragraph's spans written as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Inline {
    /// Marks and links as Markdown, characters that would be read as Markdown escaped.
    pub markdown: String,
    /// The words alone, white space collapsed.
    pub text: String,
    /// All the visible text is italic, or all of it bold.
    pub emphasised: bool,
}

/// Whether a URL may become a link: http, https and mailto only.
pub(super) fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    allowed.then(|| link_destination(url))
}

/// A URL written as a Markdown link's destination: control characters dropped, and the spaces,
/// brackets and angle brackets that would end it early percent-encoded.
pub(super) fn link_destination(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' ' => "%20".to_owned(),
            '(' => "%28".to_owned(),
            ')' => "%29".to_owned(),
            '<' => "%3C".to_owned(),
            '>' => "%3E".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// Writes spans as one line of Markdown: white space collapsed and trimmed, neighbouring spans
/// with the same marks merged, marks kept off the spaces at their ends, and the characters
/// Markdown would read as marks, links, HTML or (at the start) block markers escaped.
pub(super) fn render(spans: &[Span]) -> Inline {
    let spans = merge(collapse(spans));
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let visible: Vec<&Span> = spans.iter().filter(|s| s.text != " ").collect();
    let emphasised =
        !visible.is_empty() && (visible.iter().all(|s| s.italic) || visible.iter().all(|s| s.bold));

    let mut out = String::new();
    let mut open: Vec<&str> = Vec::new();
    let mut link: Option<&str> = None;
    for span in &spans {
        if span.text == " " {
            out.push(' ');
            continue;
        }
        let wanted: Vec<&str> = [(span.bold, "**"), (span.italic, "*")]
            .into_iter()
            .filter_map(|(on, mark)| on.then_some(mark))
            .collect();
        let new_link = span.link.as_deref() != link;
        if new_link {
            close_all(&mut out, &mut open);
            if let Some(url) = link {
                close_with(&mut out, &format!("]({url})"));
            }
            link = span.link.as_deref();
        } else {
            while open.iter().any(|m| !wanted.contains(m)) {
                let mark = open.pop().unwrap_or_default();
                close_with(&mut out, mark);
            }
        }
        let body = span.text.trim_start_matches(' ');
        for _ in 0..span.text.len() - body.len() {
            out.push(' ');
        }
        if new_link && link.is_some() {
            out.push('[');
        }
        for mark in wanted {
            if !open.contains(&mark) {
                out.push_str(mark);
                open.push(mark);
            }
        }
        escape_into(&mut out, body);
    }
    close_all(&mut out, &mut open);
    if let Some(url) = link {
        close_with(&mut out, &format!("]({url})"));
    }
    Inline {
        markdown: escape_block_start(out),
        text,
        emphasised,
    }
}

/// Whitespace collapsed to single spaces across spans, none at either end, empty spans dropped.
fn collapse(spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut after_space = true;
    for span in spans {
        let mut text = String::with_capacity(span.text.len());
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !after_space {
                    text.push(' ');
                }
                after_space = true;
            } else {
                text.push(c);
                after_space = false;
            }
        }
        if !text.is_empty() {
            out.push(Span {
                text,
                ..span.clone()
            });
        }
    }
    while let Some(last) = out.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
        }
        if last.text.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    out
}

/// Neighbouring spans with the same marks and link made one. A span of a lone space takes the
/// marks of the spans around it when they agree, and none otherwise.
fn merge(spans: Vec<Span>) -> Vec<Span> {
    let same = |a: &Span, b: &Span| a.bold == b.bold && a.italic == b.italic && a.link == b.link;
    let mut spans = spans;
    for i in 0..spans.len() {
        if spans[i].text == " " {
            let (before, after) = (i.checked_sub(1), spans.get(i + 1));
            let marks = match (before.map(|b| &spans[b]), after) {
                (Some(b), Some(a)) if same(b, a) => Some((b.bold, b.italic, b.link.clone())),
                _ => None,
            };
            let (bold, italic, link) = marks.unwrap_or((false, false, None));
            spans[i] = Span {
                text: " ".to_owned(),
                bold,
                italic,
                link,
            };
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if same(last, &span) => last.text.push_str(&span.text),
            _ => out.push(span),
        }
    }
    out
}

/// Appends a closing mark before any spaces the output ends with.
fn close_with(out: &mut String, mark: &str) {
    let body = out.trim_end_matches(' ').len();
    let spaces = out.len() - body;
    out.truncate(body);
    out.push_str(mark);
    for _ in 0..spaces {
        out.push(' ');
    }
}

fn close_all(out: &mut String, open: &mut Vec<&str>) {
    while let Some(mark) = open.pop() {
        close_with(out, mark);
    }
}

/// Plain text made safe inside Markdown: marks, code, links, HTML and entities escaped.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            c => out.push(c),
        }
    }
}

/// A block's Markdown with what would open a heading, quote, list or fence at its start escaped.
pub(super) fn escape_block_start(markdown: String) -> String {
    if markdown.starts_with(['#', '>', '-', '+', '=', '|']) {
        return format!("\\{markdown}");
    }
    // "1. " starts a list; "71.8 per cent" does not.
    let digits = markdown.bytes().take_while(u8::is_ascii_digit).count();
    let after = &markdown[digits..];
    let marker =
        after.starts_with(['.', ')']) && after[1..].chars().next().is_none_or(char::is_whitespace);
    if digits > 0 && marker {
        return format!("{}\\{}", &markdown[..digits], &markdown[digits..]);
    }
    markdown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_markdown(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str()))
            .collect()
    }

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
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err(),
            BadFile::new("is binary, not text")
        );
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
        let doc = read(b"One\r\nline\r\n\r\nTwo\rlines\r\rThree").unwrap();
        assert_eq!(
            kinds_and_markdown(&doc),
            vec![
                (BlockKind::Paragraph, "One line"),
                (BlockKind::Paragraph, "Two lines"),
                (BlockKind::Paragraph, "Three"),
            ]
        );
        assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines_and_their_lines_joined() {
        let doc = read(b"\n\nFirst line\nsecond   line\n   \t\nNext\n\n\n").unwrap();
        assert_eq!(doc.format, Format::Text);
        assert_eq!(doc.meta, Meta::default());
        assert_eq!(doc.warnings, Vec::<String>::new());
        assert_eq!(
            doc.blocks,
            vec![
                Block {
                    kind: BlockKind::Paragraph,
                    markdown: "First line second line".into(),
                    text: "First line second line".into(),
                    emphasised: false,
                },
                Block::paragraph("Next"),
            ]
        );
    }

    #[test]
    fn without_any_blank_line_each_line_is_a_paragraph() {
        let doc = read(b"Headline\nStandfirst here.\nBody text.").unwrap();
        assert_eq!(
            kinds_and_markdown(&doc),
            vec![
                (BlockKind::Paragraph, "Headline"),
                (BlockKind::Paragraph, "Standfirst here."),
                (BlockKind::Paragraph, "Body text."),
            ]
        );
    }

    #[test]
    fn markdown_characters_are_kept_literally() {
        let doc = read(b"Use *stars* and _lines_ and # hashes").unwrap();
        assert_eq!(
            doc.blocks[0].markdown,
            "Use *stars* and _lines_ and # hashes"
        );
        assert_eq!(doc.blocks[0].text, "Use *stars* and _lines_ and # hashes");
    }

    #[test]
    fn list_items_are_blocks_of_their_own() {
        let doc = read(
            "The port could serve:\n- container traffic;\n* military\n  logistics;\n• wind.\n\n\
             Steps:\n1. first\n2) second\n\n1989. The wall fell.\n\n* * *"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            kinds_and_markdown(&doc),
            vec![
                (BlockKind::Paragraph, "The port could serve:"),
                (
                    BlockKind::ListItem { ordered: false },
                    "- container traffic;"
                ),
                (
                    BlockKind::ListItem { ordered: false },
                    "- military logistics;"
                ),
                (BlockKind::ListItem { ordered: false }, "- wind."),
                (BlockKind::Paragraph, "Steps:"),
                (BlockKind::ListItem { ordered: true }, "1. first"),
                (BlockKind::ListItem { ordered: true }, "2. second"),
                (BlockKind::Paragraph, "1989. The wall fell."),
                (BlockKind::Paragraph, "* * *"),
            ]
        );
        assert_eq!(doc.blocks[2].text, "military logistics;");
    }

    #[test]
    fn whitespace_only_text_is_refused() {
        assert_eq!(read(b" \r\n\t\n").unwrap_err(), BadFile::new("has no text"));
    }

    #[test]
    fn the_windows_1252_warning_reaches_the_document() {
        let doc = read(b"Caf\xE9").unwrap();
        assert_eq!(doc.blocks, vec![Block::paragraph("Café")]);
        assert_eq!(doc.warnings, vec![FROM_WINDOWS_1252.to_owned()]);
    }

    #[test]
    fn the_samples_read() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/import/nato-two-authors.txt"
        ))
        .unwrap();
        let doc = read(&bytes).unwrap();
        assert_eq!(doc.blocks.len(), 8);
        assert_eq!(
            doc.blocks[7].text,
            "Tomasz Wójcik is an analyst at the Warsaw Security Forum and writes on NATO’s \
             eastern flank."
        );
        assert_eq!(
            doc.blocks[0].text,
            "NATO at the crossroads: a view from Lisbon"
        );
        assert_eq!(doc.blocks[1].text, "By Ana Pereira and Tomasz Wójcik");
        assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
    }

    fn span(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
            link: link.map(str::to_owned),
        }
    }

    #[test]
    fn render_merges_runs_with_the_same_marks() {
        let inline = render(&[
            span("  fewer than ", false, false, None),
            span("t", true, false, None),
            span("en", true, false, None),
            span(".", false, false, None),
        ]);
        assert_eq!(inline.markdown, "fewer than **ten**.");
        assert_eq!(inline.text, "fewer than ten.");
        assert!(!inline.emphasised);
    }

    #[test]
    fn render_keeps_marks_off_spaces() {
        let inline = render(&[
            span("a", false, false, None),
            span(" bold ", true, false, None),
            span("b", false, false, None),
        ]);
        assert_eq!(inline.markdown, "a **bold** b");
        let inline = render(&[
            span("one ", true, false, None),
            span(" ", false, false, None),
            span("two", true, false, None),
        ]);
        assert_eq!(inline.markdown, "**one two**");
    }

    #[test]
    fn render_nests_bold_and_italic() {
        let inline = render(&[
            span("all ", true, false, None),
            span("of", true, true, None),
            span(" it", true, false, None),
        ]);
        assert_eq!(inline.markdown, "**all *of* it**");
        assert!(inline.emphasised);
        let inline = render(&[
            span("The Freeport lost half", false, true, None),
            span(" its cargo.", false, true, None),
        ]);
        assert_eq!(inline.markdown, "*The Freeport lost half its cargo.*");
        assert!(inline.emphasised);
    }

    #[test]
    fn render_writes_links() {
        let inline = render(&[
            span("military logistics for the ", false, false, None),
            span(
                "allied ",
                false,
                false,
                Some("https://example.org/nato-baltic"),
            ),
            span(
                "presence ",
                true,
                false,
                Some("https://example.org/nato-baltic"),
            ),
            span(";", false, false, None),
        ]);
        assert_eq!(
            inline.markdown,
            "military logistics for the [allied **presence**](https://example.org/nato-baltic) ;"
        );
        assert_eq!(inline.text, "military logistics for the allied presence ;");
    }

    #[test]
    fn render_escapes_what_markdown_would_read() {
        let inline = render(&[span(
            "2*3 = 6_a [x] `c` <b>&amp; ~s~ \\ & more",
            false,
            false,
            None,
        )]);
        assert_eq!(
            inline.markdown,
            "2\\*3 = 6\\_a \\[x\\] \\`c\\` \\<b>\\&amp; \\~s\\~ \\\\ & more"
        );
        for (text, markdown) in [
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("- not a list", "\\- not a list"),
            ("+ not a list", "\\+ not a list"),
            ("12. not a list", "12\\. not a list"),
            ("3) not a list", "3\\) not a list"),
            ("2024 was a year", "2024 was a year"),
        ] {
            assert_eq!(render(&[span(text, false, false, None)]).markdown, markdown);
        }
    }

    #[test]
    fn only_http_https_and_mailto_links_are_kept() {
        assert_eq!(
            safe_link(" https://example.org/a b(c) "),
            Some("https://example.org/a%20b%28c%29".into())
        );
        assert_eq!(
            safe_link("mailto:a@example.org"),
            Some("mailto:a@example.org".into())
        );
        assert_eq!(
            safe_link("HTTP://EXAMPLE.ORG"),
            Some("HTTP://EXAMPLE.ORG".into())
        );
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link("/relative/path"), None);
        assert_eq!(safe_link("https://"), None);
    }

    #[test]
    fn quoted_lines_are_one_block_quote_and_figures_are_not_list_markers() {
        let doc = read(b"Headline\n\n> Ownership matters.\n> The fund cannot vote.\n\n71.8 per cent said no.\n").unwrap();
        assert_eq!(
            kinds_and_markdown(&doc),
            vec![
                (BlockKind::Paragraph, "Headline"),
                (
                    BlockKind::Quote,
                    "> Ownership matters. The fund cannot vote."
                ),
                (BlockKind::Paragraph, "71.8 per cent said no."),
            ]
        );
        assert_eq!(escape_block_start("71.8 per cent".into()), "71.8 per cent");
        assert_eq!(
            escape_block_start("1. not a list".into()),
            "1\\. not a list"
        );
    }
}
