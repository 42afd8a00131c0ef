//! The writer's footnotes typed out after the text ("[^1]: …" in Pandoc, "¹ …" or "[2] …" under
//! "Notes" in a Word file): the notes of a paper, not paragraphs of the piece.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns;
use crate::import::Block;

/// Footnotes are looked for among this many blocks at the end.
const FOOTNOTES_WITHIN: usize = 30;

/// Takes out the footnotes among the last blocks, with a "Notes" heading right above them, and
/// returns their text. A single marked paragraph is no list of notes and stays: there must be two
/// in a run, or one under a notes heading.
pub(super) fn take_footnotes(blocks: &mut Vec<&Block>) -> Vec<String> {
    let from = blocks.len().saturating_sub(FOOTNOTES_WITHIN);
    let mut out_of_copy = vec![false; blocks.len()];
    let mut i = from;
    while i < blocks.len() {
        if !is_footnote(&blocks[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        while i < blocks.len() && is_footnote(&blocks[i].text) {
            i += 1;
        }
        let headed = start > 0 && NOTES_HEADING.is_match(blocks[start - 1].text.trim());
        if i - start >= 2 || headed {
            let first = if headed { start - 1 } else { start };
            out_of_copy[first..i].iter_mut().for_each(|o| *o = true);
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

/// "[^3]: Venice Commission, …", "¹ European Commission, …", "[2] Insurance Europe, …": a
/// footnote's text after its mark.
fn is_footnote(text: &str) -> bool {
    FOOTNOTE.is_match(text.trim())
}

static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"^(?:\\?\[\^[\w-]+\\?\]:|\\?\[\d{1,3}\\?\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")
});

/// "Notes", "Footnotes", "Endnotes", "References": the heading over them.
static NOTES_HEADING: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^(?i:(?:foot|end)?notes|references|sources)\s*:?$"));

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
        let taken = take_footnotes(&mut blocks);
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
}
