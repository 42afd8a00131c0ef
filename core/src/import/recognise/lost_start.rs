//! The last resort before a file is refused. The piece is there to see, paragraph after
//! paragraph of prose, but the wrapping above it (a form's fields, a thread, notes in a shape not
//! met before) hid where it starts, so recognition from the top found no headline, or no copy
//! under the one it took. Then recognition is tried again from each line above the longest run
//! of prose, the highest first, and the first reading that finds a headline and opens its body
//! with that prose is kept; else a field above the prose naming the headline gives it; else the
//! piece is imported under what stood in for its headline, said in a warning. A file with no
//! such run (a pitch in one paragraph, a list) is refused as before.

use std::sync::LazyLock;

use regex::Regex;

use super::{BadFile, Recognised, head};
use crate::import::{Block, BlockKind, Document};
use crate::text::fold;

/// A paragraph of a piece runs to at least this many words.
const PROSE_WORDS: usize = 20;
/// A piece a person can see: at least this many such paragraphs in a run…
const PIECE_PARAGRAPHS: usize = 3;
/// …holding at least this many words.
const PIECE_WORDS: usize = 150;
/// A subhead between two paragraphs of the run runs to at most this many words.
const SUBHEAD_WORDS: usize = 14;
/// How far above the run the headline is looked for, in blocks.
const LOOK_ABOVE: usize = 12;
/// How far into the body the run's first words must stand for a reading to have kept the piece.
const BODY_OPENS_WITHIN: usize = 600;
/// A headline this long that ends in a full stop is a sentence of prose.
const SENTENCE_WORDS: usize = 20;

/// A field's label in a paragraph of fields run together: a word in capitals or capitalised,
/// then words in the same case ("KEYWORDS / TAGS:", "Title of the piece:", "Standfirst (max 40
/// words):"), so that a Title Case value before it ("Why Rural Buses Matter Summary:") is not
/// read as part of the next label.
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)(?P<label>\p{Lu}{2,}(?:(?:\s*/\s*|\s)\p{Lu}{2,}){0,3}|\p{Lu}\p{Ll}+(?:(?:\s*/\s*|\s)\p{Ll}+){0,4})(?:\s*\([^)]{0,40}\))?\s*:\s",
    )
    .expect("field label")
});

/// The labels of a field that names the piece's headline, folded.
const HEADLINE_LABELS: [&str; 9] = [
    "headline",
    "title",
    "proposed headline",
    "proposed title",
    "working title",
    "title of the piece",
    "title of piece",
    "title of the article",
    "title of article",
];

/// The labels of a field that gives the piece's standfirst, folded.
const STANDFIRST_LABELS: [&str; 6] = [
    "standfirst",
    "dek",
    "summary",
    "subtitle",
    "subheading",
    "proposed standfirst",
];

/// "Email:", "Standfirst (max 40 words):", "Re:": a label's shape at the start of a line; a form's
/// question ("Have you written for us before?:") may be longer.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{L}](?:[\p{L}\p{N} /()'’.-]{0,40}|[\p{L}\p{N} /()'’.-]{0,60}\?):(\s|$)")
        .expect("label")
});

/// How the headline of a reading kept after all was found.
enum Found {
    /// On a line above the piece, recognised as the headline.
    Above,
    /// In a field above the piece that names it.
    InAField,
    /// Not found: what stands in for it was the best reading's.
    StandIn,
}

pub(super) fn recognise_within(doc: &Document, refused: BadFile) -> Result<Recognised, BadFile> {
    let Some(start) = piece_start(&doc.blocks) else {
        return Err(refused);
    };
    let opening: String = doc.blocks[start]
        .text
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    let opening = plain(&opening);
    let keeps_the_piece = |rec: &Recognised| {
        plain(&rec.body)
            .find(&opening)
            .is_some_and(|at| at <= BODY_OPENS_WITHIN)
    };
    let reading_of = |blocks: Vec<Block>| Document {
        format: doc.format,
        meta: doc.meta.clone(),
        blocks,
        warnings: doc.warnings.clone(),
    };
    let mut stand_in: Option<(usize, Recognised)> = None;
    for from in start.saturating_sub(LOOK_ABOVE).max(1)..start {
        let Ok(rec) = super::recognise_as_sent(&reading_of(doc.blocks[from..].to_vec())) else {
            continue;
        };
        if !keeps_the_piece(&rec) {
            continue;
        }
        if could_be_a_headline(&rec.headline, &doc.blocks[from..start]) {
            return Ok(left_out_above(rec, doc, from, &[], Found::Above));
        }
        stand_in.get_or_insert((from, rec));
    }
    // No reading from a line above kept the piece under a headline; a field above it may still
    // name the headline (and the standfirst), as a form or a reply's template does.
    if let Some((head, used)) = fields_above(&doc.blocks, start) {
        let blocks = head.into_iter().chain(doc.blocks[start..].iter().cloned());
        if let Ok(rec) = super::recognise_as_sent(&reading_of(blocks.collect()))
            && keeps_the_piece(&rec)
            && could_be_a_headline(&rec.headline, &[])
        {
            return Ok(left_out_above(rec, doc, start, &used, Found::InAField));
        }
    }
    // The piece is there but nothing above it reads as its headline: it is imported all the
    // same, with what stood in for the headline named, rather than refused.
    match stand_in {
        Some((from, rec)) => Ok(left_out_above(rec, doc, from, &[], Found::StandIn)),
        None => Err(refused),
    }
}

/// The reading of the piece from block `from` on, with the blocks above it left out (but for
/// those in `used`, which the reading took in), and the warning that says so.
fn left_out_above(
    mut rec: Recognised,
    doc: &Document,
    from: usize,
    used: &[usize],
    found: Found,
) -> Recognised {
    let above: Vec<String> = (0..from)
        .filter(|i| !used.contains(i))
        .map(|i| doc.blocks[i].text.clone())
        .collect();
    let left_out = match above.len() {
        1 => "the paragraph above it".to_string(),
        n => format!("the {n} paragraphs above it"),
    };
    rec.dropped.splice(0..0, above);
    let headline = &rec.headline;
    rec.warnings.push(match found {
        Found::Above => format!(
            "could not tell at once where the piece starts: took “{headline}” as its headline \
             and left out {left_out}; check both"
        ),
        Found::InAField => format!(
            "could not tell at once where the piece starts: took its headline, “{headline}”, \
             from a field above it and left out the rest of {left_out}; check both"
        ),
        Found::StandIn => format!(
            "no headline found: “{headline}” stands in for it, and {left_out} was left out; \
             write the headline and check what was left out"
        ),
    });
    rec
}

/// The headline a field above the piece names ("HEADLINE: …", "Title of the piece: …"), with
/// the standfirst named beside it and the byline lines between it and the piece, as blocks to
/// read the piece under, and which blocks those lines were; none when no field names a headline.
fn fields_above(blocks: &[Block], start: usize) -> Option<(Vec<Block>, Vec<usize>)> {
    (start.saturating_sub(LOOK_ABOVE)..start)
        .rev()
        .find_map(|at| {
            let fields = fields_in(&blocks[at].text);
            let value = |labels: &[&str]| {
                fields
                    .iter()
                    .find(|(label, value)| labels.contains(&label.as_str()) && !value.is_empty())
                    .map(|(_, value)| Block::paragraph(value))
            };
            let mut head = vec![value(&HEADLINE_LABELS)?];
            head.extend(value(&STANDFIRST_LABELS));
            let bylines: Vec<usize> = (at + 1..start)
                .filter(|&i| fold(&blocks[i].text).starts_with("by "))
                .collect();
            head.extend(bylines.iter().map(|&i| blocks[i].clone()));
            Some((head, bylines))
        })
}

/// The labelled fields of a paragraph, label (folded) and value, in order.
fn fields_in(text: &str) -> Vec<(String, String)> {
    let labels: Vec<_> = FIELD.captures_iter(text).collect();
    labels
        .iter()
        .enumerate()
        .filter_map(|(i, caps)| {
            let (label, whole) = (caps.name("label")?, caps.get(0)?);
            let end = labels
                .get(i + 1)
                .and_then(|next| next.get(0))
                .map_or(text.len(), |m| m.start());
            Some((
                fold(label.as_str()),
                text[whole.end()..end].trim().to_string(),
            ))
        })
        .collect()
}

/// Where the longest run of prose starts, if the file holds one long enough to be a piece.
pub(super) fn piece_start(blocks: &[Block]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < blocks.len() {
        if !is_prose(&blocks[i]) {
            i += 1;
            continue;
        }
        let (run_start, mut paragraphs, mut words) = (i, 0, 0);
        let mut j = i;
        while j < blocks.len() {
            if is_prose(&blocks[j]) {
                paragraphs += 1;
                words += blocks[j].text.split_whitespace().count();
                j += 1;
            } else if within_the_piece(blocks, j) {
                j += 1;
            } else {
                break;
            }
        }
        if paragraphs >= PIECE_PARAGRAPHS
            && words >= PIECE_WORDS
            && best.is_none_or(|(_, most)| words > most)
        {
            best = Some((run_start, words));
        }
        i = j.max(i + 1);
    }
    best.map(|(start, _)| start)
}

/// A paragraph of the piece: long enough, ending as a sentence does, neither a labelled field
/// nor a form's fields run together.
fn is_prose(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
        && b.text.split_whitespace().count() >= PROSE_WORDS
        && !LABEL.is_match(&b.text)
        && fields_in(&b.text).len() < 2
        && b.text
            .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
            .ends_with(['.', '!', '?', '…'])
}

/// Whether block `at` is one a piece holds between its paragraphs: a subhead, a list's item, a
/// quotation, or a short line leading into the paragraph or list under it ("He put it this
/// way:"). A headline and a byline over the piece are short lines too, but what stands above
/// them is not prose of the piece unless it runs on into it.
fn within_the_piece(blocks: &[Block], at: usize) -> bool {
    let leads_into =
        |b: &Block| is_prose(b) || matches!(b.kind, BlockKind::ListItem { .. } | BlockKind::Quote);
    let b = &blocks[at];
    match b.kind {
        BlockKind::Heading(_) | BlockKind::ListItem { .. } | BlockKind::Quote => true,
        _ => {
            b.text.split_whitespace().count() <= SUBHEAD_WORDS
                && (!LABEL.is_match(&b.text) || b.text.trim().ends_with(':'))
                && blocks.get(at + 1).is_some_and(leads_into)
        }
    }
}

/// Whether a reading's headline could be one: a few words of a line, not a sentence of prose,
/// a form's label (one with its value, or one standing alone over what follows among `above`),
/// an address or a byline.
pub(super) fn could_be_a_headline(headline: &str, above: &[Block]) -> bool {
    let words = headline.split_whitespace().count();
    let a_label_over = above.iter().any(|b| {
        let text = b.text.trim();
        text.ends_with(':') && fold(text.trim_end_matches(':')) == fold(headline)
    });
    let a_sentence = words >= SENTENCE_WORDS && headline.trim_end().ends_with('.');
    (2..=head::HEADLINE_WORDS).contains(&words)
        && !a_sentence
        && !a_label_over
        && !LABEL.is_match(headline)
        && !headline.contains('@')
        && !fold(headline).starts_with("by ")
}

/// Letters, digits and single spaces, folded: Markdown's marks and typography do not count.
fn plain(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    fold(&kept)
}
