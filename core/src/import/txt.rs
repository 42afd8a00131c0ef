//! Plain text (.txt) read into blocks: paragraphs separated by blank lines, simple list items,
//! e-mail quotes.

use super::contact::has_contact;
use super::decode::decode;
use super::{BadFile, Block, BlockKind, Document, Format, Meta};
use crate::text::one_line;

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
            if is_contact_block(group) || is_statement_lines(group) {
                for line in group {
                    group_blocks(std::slice::from_ref(line), &mut blocks);
                }
            } else {
                group_blocks(group, &mut blocks);
            }
        }
    } else {
        for line in lines {
            group_blocks(std::slice::from_ref(line), &mut blocks);
        }
    }
    blocks
}

/// A signature or an address: short lines, one of them an e-mail, telephone or web address, or
/// opened by the "-- " that marks an e-mail signature. Its lines are read apart, each its own
/// paragraph, because each says something else (a name, a role, an employer, a number).
fn is_contact_block(lines: &[&str]) -> bool {
    // Words, not the bars between them: "Dr Aistė Kazlauskienė | Lecturer in Media Studies |
    // Vilnius Institute of Communication" is one line of a signature.
    let words = |l: &&str| {
        l.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let short = lines.iter().all(|l| words(l) <= 14);
    let signed = lines.first().is_some_and(|l| l.trim() == "--");
    lines.len() >= 2
        && short
        && (signed || lines.iter().any(|l| has_contact(l)))
        && !lines.iter().any(|l| list_marker(l).is_some())
}

/// Lines that each say one thing and end their sentence (bios one a line, notes), perhaps under
/// a short label ("About the authors"): not a paragraph wrapped at a line's width, which breaks
/// lines mid-sentence.
fn is_statement_lines(lines: &[&str]) -> bool {
    let label = lines.first().is_some_and(|l| {
        let l = l.trim();
        l.split_whitespace().count() <= 4 && !l.ends_with(['.', '!', '?', ',', ';'])
    });
    let statements = if label { &lines[1..] } else { lines };
    let statement = |l: &&str| {
        let l = l.trim();
        let opens = l
            .chars()
            .find(|c| !matches!(c, '*' | '_' | '(' | '[' | '"' | '“' | '‘'))
            .is_some_and(char::is_uppercase);
        let body = l.trim_end_matches(['*', '_', ')', ']', '"', '”', '’']);
        opens && body.ends_with(['.', '!', '?']) && l.split_whitespace().count() >= 4
    };
    lines.len() >= 2 && !statements.is_empty() && statements.iter().all(statement)
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
            // Quoted lines ("> …") are a block apart from the lines around them ("On …, NAME
            // wrote:").
            let quoted = |l: &str| l.trim_start().starts_with('>');
            if paragraph
                .last()
                .is_some_and(|last| quoted(last) != quoted(line))
            {
                flush_paragraph(&mut paragraph, blocks);
            }
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

#[cfg(test)]
mod tests {
    use super::super::decode::FROM_WINDOWS_1252;
    use super::super::inline::escape_block_start;
    use super::*;

    fn kinds_and_markdown(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str()))
            .collect()
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err(),
            BadFile::new("is binary, not text")
        );
    }

    #[test]
    fn crlf_and_lone_cr_are_paragraph_breaks() {
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
    fn a_signatures_lines_stay_apart_and_wrapped_prose_is_joined() {
        let doc = read(
            "Body text that runs on\nover two lines.\n\n--\nDr Helena Marčanová\nMoravian School \
             of Governance\nTel.: +420 555 012 448\n\nBest wishes,\nKerem\n\nKerem Aydın | Aegean \
             Policy Forum\nk.aydin@example.org"
                .as_bytes(),
        )
        .unwrap();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Body text that runs on over two lines.",
                "--",
                "Dr Helena Marčanová",
                "Moravian School of Governance",
                "Tel.: +420 555 012 448",
                "Best wishes, Kerem",
                "Kerem Aydın | Aegean Policy Forum",
                "k.aydin@example.org",
            ]
        );
    }

    #[test]
    fn bios_one_a_line_are_blocks_of_their_own_and_wrapped_prose_is_not() {
        let doc = read(
            "About the authors\nEszter Halmi is a senior researcher at the Institute.\n\
             Jonas Petraitis is a policy analyst at the Institute.\n\n\
             *Aoife Ní Bhriain is a lecturer in public health.*\n\
             *Tomás Ortega Ruiz is a climate adaptation researcher.*\n\n\
             A paragraph wrapped at the width of the\nline, which breaks mid-sentence.\n"
                .as_bytes(),
        )
        .unwrap();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "About the authors",
                "Eszter Halmi is a senior researcher at the Institute.",
                "Jonas Petraitis is a policy analyst at the Institute.",
                "*Aoife Ní Bhriain is a lecturer in public health.*",
                "*Tomás Ortega Ruiz is a climate adaptation researcher.*",
                "A paragraph wrapped at the width of the line, which breaks mid-sentence.",
            ]
        );
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
