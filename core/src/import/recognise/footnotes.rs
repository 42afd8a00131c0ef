//! The writer's footnotes typed out after the text ("[^1]: …" in Pandoc, "¹ …" or "[2] …" under
//! "Notes" in a Word file): the notes of a paper, not paragraphs of the piece.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns;
use crate::import::{Block, BlockKind};

/// Footnotes are looked for among this many blocks at the end.
const FOOTNOTES_WITHIN: usize = 30;

/// Takes out the footnotes among the last blocks, with a "Notes" heading right above them, and
/// returns their text. A single marked paragraph is no list of notes and stays: there must be two
/// in a run, or one under a notes heading, or a Pandoc note whose mark the copy carries. On a
/// web `page`, a list marked up under a references heading is what the page publishes, and stays;
/// in a file sent to the desk, it is the writer's notes.
pub(super) fn take_footnotes(blocks: &mut Vec<&Block>, page: bool) -> Vec<String> {
    let from = blocks.len().saturating_sub(FOOTNOTES_WITHIN);
    let mut out_of_copy = vec![false; blocks.len()];
    let mut i = from;
    while i < blocks.len() {
        let start = i;
        let (mut notes, mut weak, mut marked) = (0, false, false);
        while i < blocks.len() {
            let Some(note) = note_at(blocks, i, page) else {
                break;
            };
            notes += note.notes;
            weak |= note.needs_heading;
            marked |= note.referenced;
            i += note.blocks;
        }
        if i == start {
            i += 1;
            continue;
        }
        let i_end = i.min(blocks.len());
        let headed = start > 0 && NOTES_HEADING.is_match(blocks[start - 1].text.trim());
        if headed || (!weak && (notes >= 2 || marked)) {
            let first = if headed { start - 1 } else { start };
            out_of_copy[first..i_end].iter_mut().for_each(|o| *o = true);
        }
    }
    let mut taken = Vec::new();
    let mut k = 0;
    blocks.retain(|b| {
        let drop = out_of_copy[k];
        k += 1;
        if drop {
            taken.push(b.text.clone());
        }
        !drop
    });
    taken
}

/// What a block at the end holds of the writer's notes.
struct Note {
    /// The blocks it takes: two for a number standing alone over its note, as a newsletter sets
    /// them.
    blocks: usize,
    notes: usize,
    /// "1 Carpenter, G. …", "1. Central Statistics Office …": a note only under a notes heading,
    /// since a numbered list or a sentence opening with a number may be copy.
    needs_heading: bool,
    /// A Pandoc note ("[^2]: …") whose mark stands in the copy above: a note even alone.
    referenced: bool,
}

fn note_at(blocks: &[&Block], i: usize, page: bool) -> Option<Note> {
    let b = blocks.get(i)?;
    let text = b.text.trim();
    let note = |blocks, notes, needs_heading, referenced| Note {
        blocks,
        notes,
        needs_heading,
        referenced,
    };
    // Notes a line each in one paragraph, or run together under their heading ("References
    // [1] … [2] …").
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() >= 2 && lines.iter().all(|l| is_footnote(l)) {
        return Some(note(1, lines.len(), false, false));
    }
    if HEADED_NOTES.is_match(text) {
        return Some(note(1, 2, false, false));
    }
    if is_footnote(text) {
        let referenced = PANDOC_MARK
            .captures(text)
            .and_then(|c| c.name("label"))
            .is_some_and(|label| {
                let mark = format!("[^{}]", label.as_str());
                blocks[..i]
                    .iter()
                    .any(|b| b.text.replace('\\', "").contains(&mark))
            });
        return Some(note(1, 1, false, referenced));
    }
    if BARE_NUMBER.is_match(text)
        && blocks
            .get(i + 1)
            .is_some_and(|next| !BARE_NUMBER.is_match(next.text.trim()) && !is_footnote(&next.text))
    {
        return Some(note(2, 1, false, false));
    }
    // Typed numbers, or a list a file marks up as one: notes only under a notes heading; a list
    // marked up without one, or any on a web page ("<ol>" of references), is the writer's choice
    // to show, and stays.
    (NUMBERED.is_match(text) || (!page && matches!(b.kind, BlockKind::ListItem { .. })))
        .then(|| note(1, 1, true, false))
}

/// "[^3]: Venice Commission, …", "¹ European Commission, …", "[2] Insurance Europe, …": a
/// footnote's text after its mark.
fn is_footnote(text: &str) -> bool {
    FOOTNOTE.is_match(text.trim())
}

static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"^(?:\\?\[\^[\w-]+\\?\]:|\\?\[\d{1,3}\\?\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")
});

static PANDOC_MARK: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^\\?\[\^(?P<label>[\w-]+)\\?\]:"));

/// "References [1] Stadt Wien, …": the heading and its notes run into one paragraph, the heading
/// perhaps underlined ("Notes ----- [1] …", plain text joining its lines) or with a word to the
/// desk in brackets ("REFERENCES (not for publication) [1] …").
static HEADED_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(&format!(
        r"^{NOTES_WORD}\s+(?:\\?\[\^?[\w-]+\\?\]:?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S"
    ))
});

/// "Notes", "REFERENCES (not for publication)", "Sources:", "Notes -----": a notes heading's words.
const NOTES_WORD: &str = r"(?i:(?:foot|end)?notes|references|sources|bibliography|notes and references|references and notes|works cited|literature cited)(?:\s*\([^)]{1,40}\))?\s*:?(?:\s*[-=_]{3,})?";

/// "1", alone: a newsletter's note number over its note.
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"^\d{1,3}$"));

/// "1 Carpenter, G. et al. (2016), …", "2. Government of Ireland, …".
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"^\d{1,3}\.?\s+\S"));

/// "Notes", "Footnotes", "Endnotes", "References": the heading over them.
static NOTES_HEADING: LazyLock<Regex> = LazyLock::new(|| patterns::re(&format!(r"^{NOTES_WORD}$")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_at_the_end_go_with_their_heading_a_marked_sentence_stays() {
        let texts = [
            "The government should consult the Venice Commission.[^3]",
            "[1] A single marked paragraph, alone, without a heading.",
            "The last paragraph of the piece.",
            "Notes",
            "¹ European Commission, Council Implementing Decision (EU) 2022/2506.",
            "Author bios",
            "Eszter Horváth is a senior researcher.",
            "[^1]: See the CJEU judgment in Case C-204/21.",
            "[^2]: European Court of Human Rights, 22 July 2021.",
        ];
        let owned: Vec<Block> = texts.iter().map(|t| Block::paragraph(t)).collect();
        let mut blocks: Vec<&Block> = owned.iter().collect();
        let taken = take_footnotes(&mut blocks, false);
        assert_eq!(taken.len(), 4, "{taken:?}");
        let left: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            left,
            [
                texts[0],
                texts[1],
                texts[2],
                "Author bios",
                "Eszter Horváth is a senior researcher."
            ]
        );
    }

    fn left_after(texts: &[&str]) -> (Vec<String>, Vec<String>) {
        let owned: Vec<Block> = texts.iter().map(|t| Block::paragraph(t)).collect();
        let mut blocks: Vec<&Block> = owned.iter().collect();
        let taken = take_footnotes(&mut blocks, false);
        (taken, blocks.iter().map(|b| b.text.clone()).collect())
    }

    #[test]
    fn notes_in_the_forms_writers_type_them_go_a_numbered_list_without_heading_stays() {
        let last = "The last paragraph of the piece.";
        // The heading and its notes run into one paragraph, as plain text joins its lines.
        let (taken, left) = left_after(&[last, "References [1] Stadt Wien, 2023. [2] BMAW, 2024."]);
        assert_eq!((taken.len(), left), (1, vec![last.to_string()]));
        // A number alone over each note, as a newsletter sets them.
        let (taken, left) = left_after(&[last, "1", "Eurostat, 2023.", "2", "OECD, 2024."]);
        assert_eq!((taken.len(), left), (4, vec![last.to_string()]));
        // Numbers without brackets: notes under their heading only.
        let numbered = [
            "1 Carpenter, G. et al. (2016).",
            "2. Government of Ireland, 2024.",
        ];
        let (taken, _) = left_after(&[last, "Notes", numbered[0], numbered[1]]);
        assert_eq!(taken.len(), 3);
        let (taken, _) = left_after(&[last, numbered[0], numbered[1]]);
        assert!(taken.is_empty(), "{taken:?}");
        // A Pandoc note alone, its mark in the copy above.
        let (taken, _) = left_after(&["Most payments are in cash.[^1]", last, "[^1]: ECB, 2022."]);
        assert_eq!(taken, ["[^1]: ECB, 2022."]);
        let (taken, _) = left_after(&[last, "[^1]: ECB, 2022."]);
        assert!(taken.is_empty(), "{taken:?}");
    }

    #[test]
    fn a_list_under_a_notes_heading_and_headings_underlined_or_bracketed_go() {
        let last = "The last paragraph of the piece.";
        let item = |ordered, text: &str| Block {
            kind: BlockKind::ListItem { ordered },
            ..Block::paragraph(text)
        };
        let heading = Block {
            kind: BlockKind::Heading(2),
            ..Block::paragraph("References")
        };
        let owned = [
            Block::paragraph(last),
            heading.clone(),
            item(false, "Andersen, T. M. (2007), Flexicurity."),
            item(false, "OECD (2024), Public spending on labour markets."),
            Block::paragraph("Submitted to the desk on 2 May."),
        ];
        let mut blocks: Vec<&Block> = owned.iter().collect();
        assert_eq!(take_footnotes(&mut blocks, false).len(), 3);
        let left: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(left, [last, "Submitted to the desk on 2 May."]);
        // A marked-up list without a heading is the writer's to show.
        let owned = [
            Block::paragraph(last),
            item(true, "First."),
            item(true, "Second."),
        ];
        let mut blocks: Vec<&Block> = owned.iter().collect();
        assert!(take_footnotes(&mut blocks, false).is_empty());
        // A web page publishes the references it marks up, heading and all.
        let owned = [
            Block::paragraph(last),
            heading.clone(),
            item(true, "OECD, 2024."),
        ];
        let mut blocks: Vec<&Block> = owned.iter().collect();
        assert!(take_footnotes(&mut blocks, true).is_empty());
        // Plain text joins an underlined heading, or one with a word to the desk, to its notes.
        for run in [
            "Notes ----- [1] INE, 2024. [2] Cocola-Gant, A. (2021).",
            "REFERENCES (not for publication) [1] GUS, 2023. [2] Eurostat, 2023.",
        ] {
            let (taken, left) = left_after(&[last, run]);
            assert_eq!((taken.len(), left), (1, vec![last.to_string()]), "{run}");
        }
        let (taken, _) = left_after(&[last, "Sources (for the desk)", "[1] GUS, 2023."]);
        assert_eq!(taken.len(), 2);
        let (taken, _) = left_after(&[last, "Notes and references", "[1] GUS, 2023."]);
        assert_eq!(taken.len(), 2);
    }

    #[test]
    fn pandoc_notes_a_line_each_in_one_paragraph_go() {
        let owned = [
            Block::paragraph("The last paragraph."),
            Block {
                text: "[^1]: Deutscher Wetterdienst, 2023.\n[^2]: EEA, 2023.".to_string(),
                ..Block::paragraph("")
            },
        ];
        let mut blocks: Vec<&Block> = owned.iter().collect();
        assert_eq!(take_footnotes(&mut blocks, false).len(), 1);
        assert_eq!(blocks.len(), 1);
    }
}
