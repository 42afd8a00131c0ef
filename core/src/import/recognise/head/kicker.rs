//! Section labels: a kicker above the headline ("OPINION"), a label among a note's parts, and the
//! section they file the piece under.

use super::Recognised;

/// Section labels a page or a form puts above the headline.
pub(in crate::import::recognise) const KICKERS: &str = "opinion analysis comment commentary essay review interview news feature \
column editorial op-ed oped blog letter letters explainer long read perspective viewpoint \
reportage";

/// A section label above the headline ("OPINION", "Commentary") files the piece, unless the file
/// says where already; a label in capitals is written as a section name is.
pub(super) fn file_under(rec: &mut Recognised, label: &str) {
    let label = label.trim().trim_end_matches(':');
    let lower = label.to_lowercase();
    if rec.section.is_none() && KICKERS.split_whitespace().any(|k| k == lower) {
        let mut chars = lower.chars();
        rec.section = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect());
    }
}

pub(super) fn is_kicker(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    // "RESTAURANT REVIEW", "Book review", "Guest column": the kind of piece, what it is of first.
    // "My final column", "The Exit Interview": a headline of its own, not a label.
    let kind_of_piece = words.len() >= 2
        && !matches!(
            lower.split_whitespace().next(),
            Some("my" | "the" | "a" | "an" | "last" | "final" | "our" | "his" | "her" | "their")
        )
        && lower
            .split_whitespace()
            .last()
            .is_some_and(|w| KINDS_OF_PIECE.split_whitespace().any(|k| k == w));
    words.len() <= 3
        && (KICKERS.split_whitespace().any(|k| k == lower)
            || kind_of_piece
            || (words.len() == 1 && !text.chars().any(char::is_lowercase)))
}

/// The last word of a label naming a kind of piece ("restaurant review", "guest column").
const KINDS_OF_PIECE: &str = "review reviews interview column feature essay";

/// A section label alone, or as one of a line's parts between dashes or bars.
pub(super) fn kicker_in(text: &str) -> Option<&str> {
    // "[Analysis – approx. 500 words]": a label to the desk in brackets.
    let text = text
        .trim()
        .trim_start_matches(['[', '\\'])
        .trim_end_matches([']', '\\']);
    if is_kicker(text) {
        return Some(text);
    }
    text.split(['–', '—', '|', '/'])
        .map(str::trim)
        .find(|part| KICKERS.split_whitespace().any(|k| k == part.to_lowercase()))
}
