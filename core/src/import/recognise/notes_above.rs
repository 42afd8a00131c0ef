//! Notes to the desk set above the headline, found from the byline up: when a "By NAME" line
//! stands a little way down, the headline is just above it (or above the standfirst above it),
//! and the lines above the headline are the sender's notes when each reads as one: written in
//! capitals, giving a word count, a publication slot or a letterhead's parts between bars.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{self, re};
use super::{furniture, head};
use crate::import::{Block, BlockKind};

/// A standfirst without its full stop runs to this many words at least.
const UNSTOPPED_STANDFIRST_WORDS: usize = 12;
/// The byline is looked for among this many blocks at the top.
const BYLINE_WITHIN: usize = 8;
/// A note to the desk is a line or two, not a paragraph of copy.
const NOTE_WORDS: usize = 40;
/// Above a headline with its standfirst and byline under it, a note is one short line.
const FRAMED_NOTE_WORDS: usize = 12;

/// "approx. 620 words", "Word count: 731", "c. 800 words".
static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bword\s*count\b|\b\d[\d,.]*\s*words\b|^(?:words?|length)\s*:\s*(?:~|c\.|ca\.|approx\.?)?\s*\d",
    )
});
/// "For the attention of the Opinion Editor", "FAO:", "Attn:".
static ATTENTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:for the attention of|fao\b|attn\b|attention\s*:)"));
/// A draft's or a status's label on the copy: "ANALYSIS – draft for The Meridian (v3, 2 Oct)",
/// "Draft 4 (final) – please do not edit …", "FINAL VERSION 14/3", "Status: final, ready for
/// editing", a version in brackets ("(v2)"), the stage named last among the label's parts
/// ("Meridian – features pitch / full text"), "FINAL?? - please check comments before sending to
/// …", the stage a part of its own among the parts dashes part ("comics piece - final-ish - JW",
/// "Housing column – v3 – MK"), or last if it can only be a draft's ("Housing column – v3"; "Storm
/// Amy – latest" and "Euro 2025 – final" are headlines).
static DRAFT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[–—|:]\s*|\s-\s*)draft\b|[–—|/]\s*(?:full|final)\s+(?:text|version)\s*$|\bdraft\s*(?:v?\d+|\(|for\s+(?:the\s+)?\p{Lu})|^final\s+(?:version|draft|text|copy)\b|^final\s*[?!]*\s*[–—:\-]|\bbefore\s+(?:sending|submitting)\s+(?:it\s+)?to\b|\bplease do not (?:edit|change|cut)\b|^status\s*:|[(\[]\s*v\d+(?:\.\d+)?\b|\bv\d+(?:\.\d+)?\s*[)\]]|(?:^|\s[–—|-]\s)(?:final(?:[- ]?ish)?|(?:nearly|almost)\s+final|latest|wip|v\d+(?:\.\d+)?|(?:first|second|third|last)\s+(?:draft|version|edit))\s*[?!]*\s[–—|-]\s|\s[–—|-]\s(?:wip|v\d+(?:\.\d+)?|(?:first|second|third|last)\s+(?:draft|version|edit))\s*$",
    )
});
/// A label is a line, not a sentence of the piece.
const LABEL_WORDS: usize = 20;

/// A line labelling a draft or its status, to the desk.
pub(super) fn is_draft_label(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= LABEL_WORDS
        && !text.ends_with(['.', '!', '?'])
        && DRAFT_LABEL.is_match(text)
}

/// A line labelling the draft, its status or its length, wherever it stands in the head ("Status:
/// final", "Words: ~670" under the byline).
pub(super) fn is_label_to_desk(text: &str) -> bool {
    let text = text.trim();
    is_draft_label(text) || (text.split_whitespace().count() <= 12 && WORD_COUNT.is_match(text))
}

/// "Draft for The Meridian – Economy", "Submission to The Meridian – Society section", "SUBMISSION
/// TO: The Meridian Review – Europe section": the section named after the paper a draft is for.
static SECTION_AFTER_PAPER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:draft|submission|piece|op-?ed|article)\s+(?i:for|to)\s*:?\s+(?:(?i:the)\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,2}\s*[–—|]\s*(\p{Lu}\p{L}+)(?:\s+(?i:section|desk|pages?))?\s*$",
    )
});

pub(super) fn section_in_label(text: &str) -> Option<String> {
    SECTION_AFTER_PAPER
        .captures(text.trim())
        .or_else(|| FOR_PAPER_SECTION.captures(text.trim()))
        .map(|c| c[1].to_string())
}

/// The section a piece is for, as the wrapping left out around it names it: a line labelling the
/// paper and the section ("For: The Meridian - Analysis", "Proposed section: Culture"), or the
/// sender's own words ("for consideration in your Features section", "for The Meridian’s Features
/// section", "offered for your Opinion pages").
pub(super) fn section_named(text: &str) -> Option<String> {
    text.lines()
        .map(|line| line.trim().trim_matches(['*', '_', '#', ' ']))
        .find_map(|line| {
            section_in_label(line)
                .or_else(|| super::section_field(line))
                // "… checked the quotes. Section: Features. Tags: …": the field as a sentence
                // of the note.
                // "Section: Economy, I think? Tags …": the field hedged, as a question.
                .or_else(|| {
                    line.split_inclusive(['.', '?'])
                        .skip(1)
                        .find_map(super::section_field)
                })
                .or_else(|| SECTION_FIELD_FIRST.captures(line).map(|c| c[1].to_string()))
                .or_else(|| {
                    SECTION_EDITOR
                        .captures(line)
                        .map(|c| c[1].to_string())
                        .filter(|w| !EDITOR_RANKS.contains(&w.to_lowercase().as_str()))
                })
                .or_else(|| {
                    // "To: Features desk, The Meridian", "To: Opinion Desk <…>": without "the"
                    // the paper may stand there ("To: Meridian desk"), so only a section's name
                    // counts.
                    SECTION_DESK
                        .captures(line)
                        .map(|c| c[1].to_string())
                        .filter(|w| {
                            let lower = w.to_lowercase();
                            let singular = lower.strip_suffix('s').unwrap_or(&lower);
                            super::head::KICKERS
                                .split_whitespace()
                                .any(|k| k == lower || k == singular)
                        })
                })
        })
        .or_else(|| {
            FOR_PAPER_SECTION_FIRST
                .captures(text.trim())
                .map(|c| c[1].to_string())
                .or_else(|| {
                    let c = SECTION_IN_SENTENCE.captures(text)?;
                    Some(c.get(1).or_else(|| c.get(2))?.as_str().to_string())
                })
        })
}

/// "To: The Opinion Editor, The Meridian", "To the Features Editor": a letter addressed to a
/// section's editor names the section. (Not "Dear Opinion desk,": a greeting as often names the
/// paper, "Dear Meridian desk,".)
static SECTION_EDITOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:to)\s*:?\s*(?i:the)\s+(\p{Lu}\p{L}+)\s+(?i:editor|desk)\b"));

static SECTION_DESK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:to)\s*:\s*(\p{Lu}\p{L}+)\s+(?i:editor|desk)\b"));

/// Editors named by their rank, not their section ("To the Managing Editor").
const EDITOR_RANKS: [&str; 9] = [
    "managing",
    "deputy",
    "chief",
    "executive",
    "commissioning",
    "assistant",
    "senior",
    "acting",
    "contributing",
];

/// "Proposed section: Culture  Word count: 826": a section field with the note's next field run
/// onto its line.
static SECTION_FIELD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:suggested|proposed|preferred|intended|target)\s+)?(?i:section)\s*:\s*(\p{Lu}\p{L}+)(?:\s|$)",
    )
});

/// "in your Analysis section", "for the Meridian’s Features section", "for your Opinion pages",
/// "for the History & Ideas section": a section the sender names for the piece (a capitalised name, so "the right section" is none).
/// "for Friday's Analysis slot": the day's slot the desk runs a section in names it too.
static SECTION_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?i:for|in|to)\s+(?:(?i:your|the|our)\s+(?:\p{Lu}\p{L}+(?:’s|'s)\s+)?(\p{Lu}\p{L}+(?:\s+(?:&|and)\s+\p{Lu}\p{L}+)?)\s+(?i:section|pages)|(?i:(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:’s|'s))\s+(\p{Lu}\p{L}+)\s+(?i:section|pages|slot))\b",
    )
});

/// "Tags I'd use: water, Spain, agriculture, climate.", "Suggested tags: …": the tags a note to
/// the desk proposes, when the piece gave none.
pub(super) fn tags_named(text: &str) -> Option<Vec<String>> {
    let list = TAGS_IN_SENTENCE.captures(text)?.get(1)?.as_str();
    let tags: Vec<String> = list
        .split([',', ';'])
        .map(|t| t.trim().trim_start_matches("and ").trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    (tags.len() >= 2 && tags.iter().all(|t| t.split_whitespace().count() <= 4)).then_some(tags)
}

static TAGS_IN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.!?]\s+)(?i:(?:suggested\s+|proposed\s+)?tags?(?:\s+(?:I'?d|I would|we'?d|we would)\s+(?:use|suggest|add))?)\s*:\s*([^.\n:]{3,200})(?:\.|$)",
    )
});

/// "For: The Meridian - Analysis", "FOR THE MERIDIAN - Opinion section": a line labelling the
/// paper a piece is for, and its section.
static FOR_PAPER_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:for|to)\s*:?\s*(?:(?i:the)\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,2}(?:\s*[–—|]\s*|\s+-\s+)(\p{Lu}\p{L}+)(?:\s+(?i:section|desk|pages?))?\s*$",
    )
});

/// How many lines at the top label the draft (its status, its version, the paper it is for),
/// with a headline under them: 0 when the copy opens otherwise.
pub(super) fn draft_labels(blocks: &[&Block]) -> usize {
    let n = blocks
        .iter()
        .take(8)
        .take_while(|b| {
            b.kind != BlockKind::Title
                && (is_note_to_desk(&b.text) || ISSUERS_LETTERHEAD.is_match(b.text.trim()))
        })
        .count();
    // A press release's head: the issuing office's letterhead and its release line over it.
    let labelled = blocks[..n]
        .iter()
        .any(|b| is_draft_label(&b.text) || ISSUERS_LETTERHEAD.is_match(b.text.trim()));
    match blocks.get(n) {
        Some(b)
            if labelled
                && b.text.split_whitespace().count() <= head::HEADLINE_WORDS
                && !reads_as_standfirst(&b.text) =>
        {
            n
        }
        _ => 0,
    }
}

/// A sentence ending inside a line: "… high bills. The real culprit …".
pub(super) static SENTENCE_INSIDE: LazyLock<Regex> = LazyLock::new(|| re(r"[.!?]\s+\p{Lu}"));

/// A line to the desk rather than of the piece.
pub(super) fn is_note_to_desk(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    if words == 0 || words > NOTE_WORDS {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    let in_capitals = letters.len() >= 8 && capitals * 10 >= letters.len() * 6;
    in_capitals || is_worded_as_note(text)
}

/// A line to the desk by what it says, whatever its case: a headline in capitals says none of it.
fn is_worded_as_note(text: &str) -> bool {
    let text = text.trim();
    furniture::is_desk_note(text)
        || furniture::is_cover_note(text)
        || WORD_COUNT.is_match(text)
        || ATTENTION.is_match(text)
        || text.split('|').count() >= 3
        || is_draft_label(text)
        // "FOR THE MERIDIAN - Opinion section" over "draft sent 22/02, final 26/02 (cuts …)",
        // however the note's lines were run together.
        || FOR_PAPER_SECTION_FIRST.is_match(text)
        || ISSUERS_LETTERHEAD.is_match(text)
        || FOR_THE_PAGES.is_match(text)
}

/// "REVIEW – for the arts & culture pages", "Opinion: for your Saturday section": the kind of
/// piece and the pages the writer means it for.
static FOR_THE_PAGES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\p{L} ]{1,30}\s*[–—:|-]\s*for\s+(?:the|your)\s+[^.!?]{1,40}?\b(?:pages?|section|desk|slot|supplement)\s*$",
    )
});

/// "Kestrel Bridge Hospitals NHS Trust Communications Team", "Founded 1612 | Registered charity
/// no. …", "For immediate use after embargo": the issuing office's letterhead and release line
/// over a press release, not its headline.
/// "RIVERSIDE HEALTH TRUST - PRESS RELEASE", with the embargo line under it run on as plain text
/// reads it: the issuer's name set apart from the release's kind by a dash, a bar or a colon. A
/// headline naming a press release ("Anatomy of a press release") has no mark before it.
static ISSUERS_LETTERHEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:[^.!?]{0,80}\b(?:communications|press|media|news)\s+(?:team|office|unit|desk|relations|centre)\s*(?::[^?]{0,80})?|[^.!?]{1,80}?\s[-–—|:]\s*(?:news|press|media)\s+release(?:\s+(?:embargoed|under\s+embargo|embargo)\b[^!?]{0,80})?|[^.!?]{0,80}\bregistered\s+charity\s+(?:no\.?|number).{0,40}|for\s+immediate\s+(?:use|release)\b[^.!?]{0,40}|(?:news|press|media)\s+release|(?:corporate\s+)?communications(?:\s+(?:and|&)\s+\w+)?|(?:ref|reference|our\s+ref|date|issued|release\s+date)\s*[:.]\s*\S.{0,40})\s*$",
    )
});

/// A note opening with the paper and the section the piece is for ("FOR THE MERIDIAN - Opinion
/// section", "For: The Courier | Opinion desk"), whatever follows.
static FOR_PAPER_SECTION_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:for|to)\s*:?\s*(?:(?i:the)\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,2}(?:\s*[–—|]\s*|\s+-\s+)(\p{Lu}\p{L}+)\s+(?i:section|desk|pages?)\b",
    )
});

/// A standfirst rather than a headline: a long line, a sentence ended, or naming its writer.
fn reads_as_standfirst(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() > 20
        || text.ends_with(['.', '!', '?'])
        || patterns::standfirst_authors(text).is_some()
}

/// Where the headline stands when notes to the desk are set above it (0: at the top, as usual).
pub(super) fn headline_under_notes(blocks: &[&Block]) -> usize {
    let Some(by) = blocks
        .iter()
        .take(BYLINE_WITHIN)
        .position(|b| patterns::byline(&b.text).is_some())
    else {
        return 0;
    };
    // Under a headline framed by its standfirst and byline, a short line above it that ends no
    // sentence ("FINAL VERSION 14/3 – for The Meridian", a kicker) is no part of the piece
    // either, whatever it says.
    let note = |b: &&Block, framed: bool| {
        let text = b.text.trim();
        is_note_to_desk(text)
            || (framed
                && text.split_whitespace().count() <= FRAMED_NOTE_WORDS
                && !text.ends_with(['.', '!', '?'])
                && !SENTENCE_INSIDE.is_match(text))
    };
    let headline_at = |at: usize, framed: bool| {
        at > 0
            && blocks[..at]
                .iter()
                .all(|b| b.kind != BlockKind::Title && note(b, framed))
            && blocks[at].text.split_whitespace().count() <= head::HEADLINE_WORDS
            // Framed by its standfirst and byline under a note, a line in capitals is the
            // headline ("GERMANY'S HEAT PUMP PANIC WAS …"), unless its words are a note's.
            && !(if framed {
                is_worded_as_note(&blocks[at].text)
            } else {
                is_note_to_desk(&blocks[at].text)
            })
    };
    // The line above the byline is the headline unless it reads as a standfirst: surely when it
    // ends its sentence or runs long (a headline does neither), and when a sentence ends inside
    // it only if no note stands above it ("Heat is a hazard. The law should say so" under a note
    // is the headline).
    let standfirst = by >= 2 && {
        let text = blocks[by - 1].text.trim();
        reads_as_standfirst(text)
            || (SENTENCE_INSIDE.is_match(text) && !is_note_to_desk(&blocks[by - 2].text))
    };
    match by.checked_sub(1 + usize::from(standfirst)) {
        Some(at) if headline_at(at, standfirst) => at,
        // A standfirst without its full stop, longer than the line above it ("The Hallam
        // Gallery's show about surveillance is clever, unsettling and, in one room, genuinely
        // frightening" under "Data Bodies review: an exhibition that watches you back").
        _ if !standfirst
            && by >= 3
            && blocks[by - 1].text.split_whitespace().count() >= UNSTOPPED_STANDFIRST_WORDS
            && blocks[by - 1].text.split_whitespace().count()
                > blocks[by - 2].text.split_whitespace().count()
            && blocks[by - 2].text.split_whitespace().count() >= 4
            && blocks[by - 2].text.split_whitespace().count() <= head::HEADLINE_WORDS
            && !is_worded_as_note(&blocks[by - 2].text)
            // Notes by what they say, not by being short: a deck between the headline and the
            // standfirst is no note.
            && blocks[..by - 2]
                .iter()
                .all(|b| b.kind != BlockKind::Title && is_note_to_desk(&b.text)) =>
        {
            by - 2
        }
        _ => 0,
    }
}
