//! The e-mail a piece arrives in. Above it: a greeting, a pitch, a press officer's note and
//! signature, a subject line, often closed by a rule line. Below it: a sign-off, a signature, a
//! legal notice. None of it is the piece; the signature tells who sent it and how to reach them.

use std::sync::LazyLock;

use regex::Regex;

use super::furniture;
use super::patterns::{self, find_email, re};
use crate::import::contact::has_contact;
use crate::import::{Block, BlockKind};

/// A cover note is read within this many blocks of the top; a signature within this many of the
/// end.
const HEAD_LIMIT: usize = 24;
const TAIL_LIMIT: usize = 12;
/// A headline is one short line (as `MAX_HEADLINE_WORDS` in recognition).
const HEADLINE_WORDS: usize = 30;

/// "Dear Tom,", "Good afternoon,": how an e-mail opens, in the languages of the desk's senders
/// ("Hallo Lukas,", "Bonjour,", "Sehr geehrte Damen und Herren").
static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening|day)|to whom|hallo|liebe[rs]?|sehr geehrte[rs]?|guten (?:tag|morgen)|bonjour|bonsoir|cher|ch[èe]re|chers|madame|monsieur|hola|estimad[oa]s?|buenos d[ií]as|ciao|buongiorno|gentile|gentili|beste|geachte|hej|hei)\b",
    )
});
/// The writer speaking to the editor ("I", "you") …
static FIRST_OR_SECOND_PERSON: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|you|your|we|our)\b"));
/// … about the submission ("the piece below", not "the neighbourhoods below the castle").
static ABOUT_THE_SUBMISSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:piece|article|op-?ed|column|commentary|draft|submission|submit\w*|words|attach\w*|invoice|publication|publish\w*|outlet|edit\w*|headline|deadline|embargo\w*|interview|consider\w*|pasting|pasted|cleared|offer\w*)\b",
    )
});
/// "Bilbao, 18 September 2024": a letter's place and date above its greeting; co-writers may
/// write from two places ("Split / Ljubljana, 30 November 2026").
static LETTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\p{Lu}[\p{L}\-/ ]{1,30},\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$",
    )
});

const UNITS: &str = "department faculty programme program office unit division desk";

pub(super) fn is_rule(block: &Block) -> bool {
    let text = block.text.trim();
    !text.is_empty() && !text.chars().any(char::is_alphanumeric)
}

fn greeting(text: &str) -> bool {
    text.split_whitespace().count() <= 80 && GREETING.is_match(text.trim())
}

/// A block of the note to the editor: a greeting, a pitch, a sign-off, the writer telling the
/// editor about the submission, or a signature's contact line.
fn addressed(text: &str) -> bool {
    greeting(text)
        || furniture::is_cover_note(text)
        || furniture::is_desk_note(text)
        || furniture::sign_off(text).is_some()
        || about_the_submission(text)
        || OFFERED.is_match(text)
        || (has_contact(text) && text.split_whitespace().count() <= 40)
}

/// A press office offering a piece in its own third person ("KU Leuven's communications office
/// is pleased to offer The Meridian the following opinion piece …", "The piece is offered
/// exclusively …", "Both authors are available for interview").
static OFFERED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:pleased|happy|delighted|glad)\s+to\s+(?:offer|share|submit)|(?:is|are)\s+offered\s+(?:exclusively|to|for)|offered\s+exclusively|available\s+for\s+(?:an?\s+)?interviews?)\b",
    )
});

fn about_the_submission(text: &str) -> bool {
    FIRST_OR_SECOND_PERSON.is_match(text)
        && (ABOUT_THE_SUBMISSION.is_match(text)
            || BELOW.captures_iter(text).any(|c| {
                c.get(1).is_none_or(|next| {
                    !matches!(
                        next.as_str().to_lowercase().as_str(),
                        "the" | "a" | "an" | "its" | "their" | "our"
                    )
                })
            }))
}

/// "below" and the word after it: "the piece below", "pasted below:", not "below the castle".
static BELOW: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bbelow\b(?:\s+(\w+))?"));

/// A line of a signature: a name, a role or an employer, an address, a number.
fn signature_line(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() || text.trim_end().ends_with(['.', '?', '!']) {
        return false;
    }
    // "THE BORDER THAT CAME BACK" under a letter's signature: a headline in capitals, which no
    // signature line is without an address, a number or an institution's or a role's word.
    let in_capitals = !text.chars().any(char::is_lowercase);
    if in_capitals
        && words.len() >= 4
        && !has_contact(text)
        && !text.chars().any(|c| c.is_ascii_digit())
        && !words
            .iter()
            .any(|w| patterns::is_institution_word(w) || patterns::is_role_word(w))
    {
        return false;
    }
    // A signature's lines run together: short of a sentence, with a number or an address.
    if words.len() > 14 {
        return words.len() <= 30 && has_contact(text);
    }
    // "Freelance journalist", "Press Secretary": a job title under the name.
    if words.len() <= 6 && words.iter().any(|w| patterns::is_role_word(w)) {
        return true;
    }
    let lone_name = words.len() == 1 && patterns::tidy_name(text) == text.trim();
    let institutional = words
        .iter()
        .any(|w| patterns::is_institution_word(w) || patterns::is_role_word(w));
    // "Cumhuriyet Bulvarı 118, 35210 Konak": a street and a postcode.
    let address = words.len() <= 10 && text.chars().any(|c| c.is_ascii_digit()) && title_case(text);
    // "Kommunikation | Communications": a signature's parts set between bars, each capitalised.
    let between_bars = text.contains('|') && words.len() <= 10 && title_case(text);
    has_contact(text)
        || lone_name
        || between_bars
        || address
        || text.split(['|', ',', '·']).any(patterns::is_person)
        // "Jonas Meier and Chiara Bellandi": co-writers signing together.
        || {
            let parts: Vec<&str> = text.split(" and ").flat_map(|p| p.split('&')).collect();
            parts.len() >= 2 && parts.iter().all(|p| patterns::is_person(p.trim()))
        }
        // "Katharina Vogel (on behalf of the authors)", "Ana Ruiz (she/her)": a name with a word
        // in brackets after it.
        || BRACKETED_AFTER_NAME
            .captures(text.trim())
            .is_some_and(|c| patterns::is_person(&c[1]))
        || (institutional && title_case(text))
}

static BRACKETED_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^([^()]{3,60}?)\s*\([^()]{1,60}\)$"));

/// Every word capitalised but the small words of a name or an institution.
fn title_case(text: &str) -> bool {
    const SMALL: &str = "of for and und et e the at in on de du des van von der den da di y für zur zum voor för & | - – — ,";
    text.split_whitespace().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_none_or(|c| !c.is_lowercase())
            || SMALL.split_whitespace().any(|s| s == w)
    })
}

fn unit_word(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    UNITS.split_whitespace().any(|k| k == w)
}

fn headline_like(block: &Block) -> bool {
    block.kind == BlockKind::Title || block.text.split_whitespace().count() <= HEADLINE_WORDS
}

/// What the top of the file holds before the piece: how many blocks (rules included), and the
/// subject line's title, which stands in only when the copy has no headline of its own.
pub(super) fn head(blocks: &[&Block]) -> (usize, Option<String>) {
    let limit = blocks.len().min(HEAD_LIMIT);
    // A note to the editor closed by a rule line, the headline under it.
    for r in 1..limit {
        let above = &blocks[..r];
        // "--" alone opens a signature under the note; it does not close the note.
        // The note is a note: its long paragraphs speak to the editor, more than any of the
        // piece's own prose.
        let prose = above
            .iter()
            .filter(|b| b.text.split_whitespace().count() > HEADLINE_WORDS)
            .filter(|b| !addressed(&b.text))
            .count();
        if is_rule(blocks[r])
            && blocks[r].text.trim() != "--"
            && prose <= 1
            && above.iter().any(|b| addressed(&b.text))
            && !above.iter().any(|b| patterns::byline(&b.text).is_some())
            // A form's fields above a rule are the form's, read as one, not a note.
            && super::form::take_form(above).is_none()
        {
            // Rules, and notes to the desk under them ("FOR PUBLICATION - EXCLUSIVE").
            let end = r + blocks[r..]
                .iter()
                .take_while(|b| is_rule(b) || furniture::is_desk_note(&b.text))
                .count();
            if blocks.get(end).is_some_and(|b| headline_like(b)) {
                return (end, None);
            }
        }
    }
    // "FOSTERING ALLOWANCES OPINION PIECE - FINAL v3" / "For: the opinion desk" / "Words: c. 690"
    // / "Author: …" / "Contact: …" over a rule, the headline under it: the writer's header for
    // the desk, its labelled lines short and none of them a sentence, one of them the draft's
    // label or its length (a web form's notification, "Form ID: 3 | Entry #4471", says neither).
    if let Some(r) = (2..limit).find(|&r| is_rule(blocks[r]))
        && blocks[..r].iter().all(|b| header_line(&b.text))
        && blocks[..r]
            .iter()
            .filter(|b| HEADER_LABEL.is_match(b.text.trim()))
            .count()
            >= 2
        && blocks[..r]
            .iter()
            .any(|b| super::notes_above::is_label_to_desk(&b.text))
        && super::form::take_form(&blocks[..r]).is_none()
    {
        let end = r + blocks[r..].iter().take_while(|b| is_rule(b)).count();
        if blocks.get(end).is_some_and(|b| headline_like(b)) {
            return (end, None);
        }
    }
    // A greeting, a subject line or a note to the desk opening the file, through its sign-off
    // and the signature under that.
    let mut subject_title = None;
    let mut offered = None;
    let mut at = letterhead(&blocks[..limit]);
    at = through_the_letter(blocks, at, limit);
    while at < limit {
        let text = blocks[at].text.trim();
        let in_note = at > 0;
        // A first name alone signs a note ("Dan"), before a forwarded message or the piece.
        // So does a first name after a dash ("— Ingrid", "– J."), as a note is signed.
        let signed = text
            .strip_prefix(['—', '–'])
            .or_else(|| text.strip_prefix("- "))
            .map(str::trim)
            .filter(|name| !name.is_empty());
        let lone_name = text.split_whitespace().count() == 1 && patterns::tidy_name(text) == text
            || signed.is_some_and(|name| {
                name.split_whitespace().count() == 1
                    && patterns::tidy_name(name.trim_end_matches('.')) == name.trim_end_matches('.')
            });
        if (is_rule(blocks[at]) && in_note)
            || MAIL_HEADER.is_match(text)
            || (lone_name && in_note)
            || mail::is_sent_from_device(text)
        {
            at += 1;
        } else if let Some(subject) = subject(text) {
            let title = SUBMISSION_PREFIX.replace(subject.trim(), "");
            subject_title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
            at += 1;
        } else if furniture::sign_off(text).is_some() && in_note {
            at += 1;
            // "Thank you for considering it." then "Yours sincerely,": the letter's last
            // sign-off is its end.
            while at < limit && furniture::sign_off(&blocks[at].text).is_some() {
                at += 1;
            }
            // The signature, and the notices a mail program or its lawyers set under it.
            while at < limit
                && !MAIL_HEADER.is_match(blocks[at].text.trim())
                && (signature_line(&blocks[at].text)
                    || is_rule(blocks[at])
                    || furniture::is_legal_notice(&blocks[at].text)
                    || furniture::is_notice(&blocks[at].text))
            {
                at += 1;
            }
            // A press office's note signed above the message it forwards: read on into that one.
            if !blocks
                .get(at)
                .is_some_and(|b| MAIL_HEADER.is_match(b.text.trim()))
            {
                break;
            }
        } else if let Some(title) = offered_title(text).filter(|_| in_note) {
            // "… Declan said you would send it on. Title if they want one: TITLE": the sender's
            // note offers the letter's title, which heads it over any subject line.
            offered = Some(title);
            at += 1;
        } else if let Some(title) = letter_label(text).filter(|_| {
            blocks[at + 1..limit]
                .iter()
                .take(2)
                .enumerate()
                .any(|(i, b)| to_the_editor(&b.text) && letter_to_the_end(blocks, at + 1 + i))
        }) {
            // "LETTER FOR PUBLICATION", "Letter to the editor" over the greeting: the writer's
            // label for the letters desk, as a subject line would say it, never the headline
            // (that stands under the greeting, or is offered on the line under the label:
            // "Suggested headline: …").
            at += 1;
            if let Some(title) = title.or_else(|| {
                let title = suggested_title(&blocks[at].text)?;
                at += 1;
                Some(title)
            }) {
                offered = Some(title);
            }
        } else if to_the_editor(text) && letter_to_the_end(blocks, at) {
            // "Dear Editor," over a letter signed off at the end of the file: the letter is the
            // copy, however it speaks to the editor ("I read your piece …"); only the greeting and
            // a line saying what it answers ("Re: \"…\" (opinion, 24 November)") are not.
            at += 1;
            while at < limit && REPLYING_TO.is_match(blocks[at].text.trim()) {
                at += 1;
            }
            // "Please find below my article for your opinion pages.": a line of a cover note
            // under the greeting, short of a paragraph of the letter, is still the mail's.
            // Only a line that sends something, saying where it is ("below", "attached", "for
            // your … pages"): "I am writing to express my dismay at …" and "Your editorial on the
            // bus cuts was right …" open the letter itself.
            while at < limit && {
                let text = blocks[at].text.trim();
                (furniture::is_cover_note(text)
                    || (text.split_whitespace().count() <= HEADLINE_WORDS && addressed(text)))
                    && SENDS_THE_PIECE.is_match(text)
            } {
                at += 1;
            }
            break;
        } else if after_headers(blocks, at) && (addresses_by_name(text) || signed_note(text)) {
            // "Lukas, anbei die finale Fassung …", "Kasia – final text below": the forwarded
            // message's own note, to the person it was sent to.
            at += 1;
        } else if greeting(text) && in_note && through_the_letter(blocks, at, limit) > at {
            // A forwarded message's own letter ("Hi Katrin, here's the final text …"), to its
            // sign-off.
            at = through_the_letter(blocks, at, limit);
        } else if greeting(text)
            || furniture::is_cover_note(text)
            || furniture::is_desk_note(text)
            || furniture::is_file_name(text)
            || (in_note && addressed(text))
            // A note without a greeting: longer than any headline, the writer telling the editor
            // about the piece.
            || (text.split_whitespace().count() > HEADLINE_WORDS && about_the_submission(text))
        {
            at += 1;
        } else {
            break;
        }
    }
    (at, offered.or(subject_title))
}

/// A line of a header for the desk: a dozen words at most, no sentence (a labelled value may end
/// in a full stop: "Words: c. 690").
fn header_line(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= HEADER_LINE_WORDS
        && (HEADER_LABEL.is_match(text) || !text.ends_with(['.', '!', '?']))
}

const HEADER_LINE_WORDS: usize = 12;

/// "For:", "Words:", "Author:", "Contact:": a label of one to three words opening a line.
static HEADER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\p{L}[\p{L}'’]*(?:\s+\p{L}[\p{L}'’]*){0,2}\s*:\s*\S"));

/// "… trim if space is tight. - P", "… run it Saturday? – Jo": a note signed at its end, after its
/// last sentence, by a dash and an initial or a first name, as a colleague forwarding a message
/// signs the line set over it.
static SIGNED_AT_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"\.\s+[-–—]\s*(?P<name>\p{Lu}[\p{L}'’-]{0,15})\.?$"));

/// A forwarder's short note signed at its end: two sentences at least, the last closed by a full
/// stop before the dash. A quotation with its speaker after a dash ("“…” – Mandela") opens with
/// its quotation mark and is no note; a headline with its kind after a dash ("Should the island
/// sell its library? - Opinion") or a wire's credit ("… said. - Reuters") is none either.
fn signed_note(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 40
        && !text.starts_with(['“', '"', '‘', '\'', '«', '„'])
        && super::notes_above::SENTENCE_INSIDE.is_match(text)
        && SIGNED_AT_END.captures(text).is_some_and(|c| {
            let name = &c["name"];
            patterns::tidy_name(name) == name
                && !super::head::KICKERS
                    .split_whitespace()
                    .any(|k| k.eq_ignore_ascii_case(name))
                && !WIRES
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(name))
        })
}

/// News agencies, credited after a dash at the end of a wire's paragraph.
const WIRES: &str = "reuters ap afp pa dpa ansa efe bloomberg xinhua kyodo aap upi";

/// "Aileen here is the letter I said about. … Title if they want one: TITLE", "… Suggested
/// headline: TITLE": a note's last sentence offering the piece's title after a label.
static OFFERED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<note>.*[.!?])\s+(?i:(?:suggested|proposed|possible|working)\s+)?(?i:title|headline)(?i:\s+if\s+(?:they|you)\s+(?:want|need|would like)\s+one)?\s*:\s*(?P<title>[^.!?]{3,150}?)\s*$",
    )
});

/// The title a note to the desk offers in its last sentence: the note speaks as "I" or "you" to
/// the desk before it. A paragraph of copy naming a report's title ("The plan has a working
/// title. Title: Dunmere Deepening Phase Two") speaks to no one.
fn offered_title(text: &str) -> Option<String> {
    let caps = OFFERED_TITLE.captures(text.trim())?;
    let note = caps.name("note")?.as_str();
    (note.split_whitespace().count() <= 40 && FIRST_OR_SECOND_PERSON.is_match(note))
        .then(|| caps["title"].trim().to_string())
}

/// "Dear Editor,", "Sir,", "Dear Sir or Madam,", "To the editor,": a letter for the letters page
/// greets the editor, not a person by name.
static TO_THE_EDITOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:(?:dear|to)\s+)?(?:the\s+)?(?:letters\s+)?(?:editor|sir(?:\s+or\s+madam)?|madam|sir/madam))\s*[,:!]?$",
    )
});

/// "Please find below my article …", "attached is my letter", "for your opinion pages", "for
/// publication": a cover line sending the piece, where it is or what it is for.
static SENDS_THE_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"(?i)\b(?:below|attached|enclosed|herewith|for\s+(?:your|the)\s+(?:[\p{L}'’-]+\s+){0,2}(?:pages?|section|column|desk)|for\s+publication|for\s+(?:your\s+)?consideration)\b",
    )
});

/// "Re: \"Teachers' pay award …\" (opinion, 24 November)": the piece a letter answers.
static REPLYING_TO: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:re)\s*:\s*\S.{0,200}$"));

/// "Letter for publication", "LETTER TO THE EDITOR": a line naming what the file is for the
/// letters desk.
static LETTER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:(?:a\s+)?letters?\s+(?:for\s+publication|to\s+the\s+editor))\s*[.:]?")
});

/// "Suggested headline: …": the headline the writer offers under the label.
static SUGGESTED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:suggested|proposed|possible|working)\s+(?:title|headline))\s*:\s*(?P<title>\S.{2,150}?)\s*$",
    )
});

fn suggested_title(text: &str) -> Option<String> {
    let caps = SUGGESTED_TITLE.captures(text.trim())?;
    Some(caps["title"].to_string())
}

/// The letter's label alone on its line, or over the title it offers (the lines run together as
/// plain text may read them), and that title: `None` when the block is no such label.
fn letter_label(text: &str) -> Option<Option<String>> {
    let label = LETTER_LABEL.find(text.trim())?;
    let rest = text.trim()[label.end()..].trim();
    if rest.is_empty() {
        return Some(None);
    }
    suggested_title(rest).map(Some)
}

pub(super) fn to_the_editor(text: &str) -> bool {
    TO_THE_EDITOR.is_match(text.trim())
}

/// The letter greeting the editor at `at` runs to the end of the file: its first sign-off stands
/// among the last blocks with no copy under it, no rule or forwarded message's header above it (a
/// cover note is closed by those, or has the piece under its sign-off).
fn letter_to_the_end(blocks: &[&Block], at: usize) -> bool {
    let Some(off) = blocks[at + 1..]
        .iter()
        .position(|b| furniture::sign_off(&b.text).is_some())
        .map(|i| at + 1 + i)
    else {
        return false;
    };
    // Under the sign-off, the signature and what the mail sets under it; no paragraph of copy.
    let copy_under = blocks[off + 1..].iter().any(|b| {
        b.text.split_whitespace().count() > HEADLINE_WORDS
            && !request_in_brackets(&b.text)
            && !furniture::is_legal_notice(&b.text)
            && !furniture::is_notice(&b.text)
    });
    off + TAIL_LIMIT >= blocks.len()
        && !copy_under
        && !blocks[at + 1..off]
            .iter()
            .any(|b| is_rule(b) || MAIL_HEADER.is_match(b.text.trim()))
}

/// A letter opening the file ("Dear Ms …" at `at`) runs to its sign-off ("Yours sincerely,"),
/// whatever its paragraphs say, when a signature and then the piece follow: where its sign-off
/// stands, or `at` when there is none.
fn through_the_letter(blocks: &[&Block], at: usize, limit: usize) -> usize {
    if !blocks.get(at).is_some_and(|b| greeting(&b.text)) {
        return at;
    }
    // A cover letter is a few paragraphs; a sign-off further down closes the piece itself.
    const LETTER_PARAGRAPHS: usize = 8;
    let plain = |b: &&Block| matches!(b.kind, BlockKind::Paragraph);
    let Some(off) = (at + 1..limit.min(at + 1 + LETTER_PARAGRAPHS))
        .take_while(|&i| plain(&blocks[i]))
        .find(|&i| furniture::sign_off(&blocks[i].text).is_some())
    else {
        return at;
    };
    let off = off
        + blocks[off + 1..limit]
            .iter()
            .take_while(|b| furniture::sign_off(&b.text).is_some())
            .count();
    let signed = off
        + 1
        + blocks[off + 1..]
            .iter()
            .take_while(|b| signature_line(&b.text) || is_rule(b))
            .count();
    let piece_follows = blocks.len() > signed + 3 && headline_like(blocks[signed]);
    if piece_follows { off } else { at }
}

/// A sender's address block, its lines run together, runs to this many words at most.
const ADDRESS_WORDS: usize = 30;

/// "12 Kissy Road", "4a Mill Lane": a street's number before its capitalised name.
static STREET_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b\d{1,4}[a-z]?\s+\p{Lu}\p{L}+\s+\p{Lu}"));

/// A letter's head above its greeting: the sender's letterhead and address, the place and date,
/// the addressee, each a short line, a date among them. How many blocks it takes (0: none).
fn letterhead(blocks: &[&Block]) -> usize {
    let Some(g) = blocks.iter().position(|b| greeting(&b.text)) else {
        return 0;
    };
    // "Rosa Hadley and Ibrahim Sesay c/o Freetown Health Equity Project 12 Kissy Road, Freetown":
    // the sender's address, its lines run into one as a word processor's line breaks read, runs
    // longer than any one line, but names a street by its number, its words capitalised as names
    // are, and says no sentence. A standfirst ("At the festival's 32nd edition, the big names
    // stayed home …") is mostly small words.
    let short_line = |b: &&Block| {
        let text = b.text.trim();
        let words = text.split_whitespace().count();
        let small = text
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        let address = words <= ADDRESS_WORDS
            && small * 4 <= words
            && STREET_NUMBER.is_match(text)
            && !super::notes_above::SENTENCE_INSIDE.is_match(text);
        (words <= 12 || address) && !text.ends_with(['.', '!', '?', ':', ';'])
    };
    let dated = blocks[..g]
        .iter()
        .any(|b| LETTER_DATE.is_match(b.text.trim()));
    if dated && blocks[..g].iter().all(short_line) {
        g
    } else {
        0
    }
}

/// Where the e-mail's end starts, among the last blocks: a "--" signature line, or a sign-off
/// with only a signature and notices after it.
pub(super) fn tail(blocks: &[&Block]) -> usize {
    let from = blocks.len().saturating_sub(TAIL_LIMIT);
    let closing = |b: &&Block| {
        let text = b.text.as_str();
        signature_line(text)
            || is_rule(b)
            || furniture::is_notice(text)
            || furniture::is_legal_notice(text)
            || furniture::is_share_prompt(text)
            || request_in_brackets(text)
            || private_details(text)
    };
    let dashes = blocks[from..]
        .iter()
        .rposition(|b| b.text.trim() == "--")
        .map(|i| from + i);
    // "Gwen Arbury / Hollins Orchard, Marlow Vale", a rule, then "Kind regards, / Gwen" and the
    // mail's own signature: a letter pasted into the mail between rules, the mail closing under
    // the second as the "--" line opens a signature.
    let mail_close = (from..blocks.len()).find(|&i| {
        is_rule(blocks[i])
            && blocks
                .get(i + 1)
                .is_some_and(|b| furniture::sign_off(&b.text).is_some())
    });
    let signed = [dashes, mail_close].into_iter().flatten().min();
    // Under a "--" line all is signature: a sign-off above it needs only closing lines down to it.
    let signature_from = signed.unwrap_or(blocks.len());
    let signed_off = blocks[from..]
        .iter()
        .enumerate()
        .find(|(i, b)| {
            furniture::sign_off(&b.text).is_some()
                && blocks[(from + i + 1).min(signature_from)..signature_from]
                    .iter()
                    .all(closing)
        })
        .map(|(i, _)| from + i);
    // "Cllr NAME" alone, then a few short lines (party, district, hours, a number): a signature
    // without a sign-off.
    let short = |b: &&Block| {
        let t = b.text.trim();
        // "Institut für Sozialrechte e.V.", "Acme Ltd.": a legal form's abbreviation ends no
        // sentence.
        let last = t.split_whitespace().last().unwrap_or("");
        let abbreviation = last.matches('.').count() >= 2
            || ["ltd.", "inc.", "co.", "corp.", "plc."].contains(&last.to_lowercase().as_str());
        t.split_whitespace().count() <= 12 && (abbreviation || !t.ends_with(['.', '!', '?', ':']))
    };
    let named = (from..blocks.len()).find(|&i| {
        // "Maureen Tillotson / Secretary, Ashby Vale Juniors FC" over the mail program's "--"
        // signature: the letter's own signature is the lines down to the "--", however long the
        // mail's is under it.
        let end = signed.filter(|&s| s > i).unwrap_or(blocks.len());
        let rest = &blocks[i + 1..end];
        // What follows reads as a signature's: an address, a number, hours, a role.
        let signature_like = |b: &&Block| {
            has_contact(&b.text)
                || b.text.chars().any(|c| c.is_ascii_digit())
                || b.text.split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    patterns::is_role_word(w) || patterns::is_institution_word(w)
                })
                // "Hollins Orchard, Marlow Vale": the writer's farm, firm or street and the town,
                // capitalised and parted by a comma, as an address line is.
                || (b.text.contains(',')
                    && b.text.split_whitespace().count() <= 6
                    && title_case(&b.text)
                    && !b.text.trim_end().ends_with(['.', '!', '?']))
        };
        // "Dr. Katrin Oberholzer": a title before the name.
        let name = blocks[i].text.trim();
        let name = ["Dr. ", "Prof. ", "Dr ", "Prof "]
            .iter()
            .find_map(|t| name.strip_prefix(t))
            .unwrap_or(name);
        patterns::is_lone_name(name)
            && !furniture::is_furniture(&blocks[i].text)
            // Under a rule ("---") a signature may run longer: a title, an institute, its address,
            // numbers, a web address, its lawyers' notice.
            && (1..=if i > 0 && is_rule(blocks[i - 1]) { 8 } else { 5 }).contains(&rest.len())
            && rest.iter().all(|b| closing(b) || short(b))
            && rest.iter().any(signature_like)
    });
    // "Margaret Oyelaran, Ashcombe": a reader signs a letter with the name and the town on one
    // line, and only the mail's closing lines or a request to the desk follow.
    let signed_with_town = (from..blocks.len())
        .find(|&i| name_and_town(&blocks[i].text).is_some() && blocks[i + 1..].iter().all(closing));
    // "Margaret Oduya / Fenbridge" run into one line as plain text reads it, the town named again
    // in the address the writer gives the desk under it; a sign-off under that is the mail's.
    let signed_over_address = (from..blocks.len()).find(|&i| {
        name_before_town(&blocks[i].text, &blocks[i + 1..]).is_some()
            && blocks[i + 1..]
                .iter()
                .all(|b| closing(b) || furniture::sign_off(&b.text).is_some())
    });
    let mut end = [
        signed,
        signed_off,
        named,
        signed_with_town,
        signed_over_address,
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(blocks.len());
    // "Yours faithfully," straight over the signature found under it ("Morag Fennimore /
    // Freelance sub-editor, Dunmere", the writer's note to the desk under that): the letter's
    // sign-off closes it with its signer, and is no line of the copy.
    while end > from && end < blocks.len() && furniture::sign_off(&blocks[end - 1].text).is_some() {
        end -= 1;
    }
    end
}

/// "(Please use my name and school if you print this. My phone is …)", "(I would be grateful if
/// you did not print my street.)": a letter's writer asking the desk something in brackets under
/// the signature, to the desk and not the reader.
fn request_in_brackets(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 60
        && text.starts_with('(')
        && text.ends_with(')')
        && FIRST_OR_SECOND_PERSON.is_match(text)
}

/// "My full address is 14 Colliers Row, Harwick … I do not want my street printed.", "(Address and
/// phone number supplied: 14 Mill Lane, … - not for publication)": the writer's address and
/// number given to the desk under the signature, to check the letter by, and asked not to be
/// printed. A paragraph of copy may give an address or a number, but never asks the desk not to
/// print it.
fn private_details(text: &str) -> bool {
    text.split_whitespace().count() <= 80
        && text.chars().filter(char::is_ascii_digit).count() >= 3
        && NOT_TO_PRINT.is_match(text)
}

/// The writer asking the desk to keep the details back, or to print only the name and town.
static NOT_TO_PRINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:not\s+for\s+publication|(?:do\s+not|don't|don’t|would\s+rather\s+you\s+did\s+not)\s+(?:want\s+(?:it|them|my\s+\w+)\s+)?(?:print|publish)\w*|(?:print|publish|use)\s+only\s+my\s+name|only\s+my\s+name\s+and\s+town|(?:address|phone|number)\s+(?:and\s+(?:tele)?phone(?:\s+number)?\s+)?supplied|should\s+you\s+need\s+to\s+check)",
    )
});

/// "Margaret Oyelaran, Ashcombe", "Tom Rudd, Carrick Haven": a name, a comma and the town the
/// writer lives in, as the letters page prints them under a letter; the name. Not a sentence
/// ("Owen Tregear, the harbour master, agrees."), nor a role after the name.
fn name_and_town(text: &str) -> Option<String> {
    let (who, town) = text.trim().split_once(',')?;
    let words: Vec<&str> = town.split_whitespace().collect();
    let place_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || ["on", "upon", "in", "by", "le", "the", "under"].contains(w)
    };
    ((1..=3).contains(&words.len())
        && patterns::is_lone_name(who)
        && words.iter().all(place_word)
        && !words
            .iter()
            .any(|w| patterns::is_role_word(w) || patterns::is_institution_word(w))
        && !town
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ':' | ';')))
    .then(|| patterns::tidy_name(who))
}

/// "Graham Tulliver Little Stenton": a reader's name and town on lines of their own, run into one
/// as plain text reads them, no comma between; the town is told by the address the writer gives
/// the desk under it ("14 Mill Lane, Little Stenton, …"): the name. A name alone, or a name whose
/// last word no address under it names, is not split.
fn name_before_town(text: &str, below: &[&Block]) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=6).contains(&words.len())
        || text
            .chars()
            .any(|c| c.is_ascii_digit() || ",.!?:;()|@".contains(c))
    {
        return None;
    }
    (1..=3.min(words.len() - 2)).find_map(|k| {
        let (who, town) = words.split_at(words.len() - k);
        let town = town.join(" ");
        let who = who.join(" ");
        (town.chars().next().is_some_and(char::is_uppercase)
            && patterns::is_lone_name(&who)
            && below
                .iter()
                .any(|b| private_details(&b.text) && b.text.contains(&format!(", {town}"))))
        .then(|| patterns::tidy_name(&who))
    })
}

/// "From: Gordon Ellery <g.ellery@example.org>": the sender's name and address in a message's
/// header, as mail programs write it in the languages `MAIL_HEADER` knows.
static FROM_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^(?i:from|von|de|van|da)\s*:\s*"?(?P<name>[^<>"@]{3,60}?)"?\s*<(?P<address>[^<>\s]+@[^<>\s]+)>$"#,
    )
});

/// "Gordon Ellery Kingsbridge Vale" under a letter: the name and the town on lines of their own,
/// run into one as plain text reads them, no comma between. The message's own "From: Gordon
/// Ellery <…>" header above tells where the name ends, when the words after it are a place's
/// (capitalised, no role or institution) and its address spells none of them ("Mary Ann
/// <maryann.smith@…>" signing "Mary Ann Smith" is one name).
pub(super) fn name_before_town_by_sender(sig: &mut Signature, above: &[&Block]) {
    let Some(signed) = sig.name.clone() else {
        return;
    };
    let Some((sender, address)) = above.iter().rev().find_map(|b| {
        let caps = FROM_NAMED.captures(b.text.trim())?;
        Some((
            caps["name"].trim().to_string(),
            caps["address"].to_lowercase(),
        ))
    }) else {
        return;
    };
    let Some(town) = signed
        .strip_prefix(&sender)
        .and_then(|rest| rest.strip_prefix(' '))
    else {
        return;
    };
    let local = address.split('@').next().unwrap_or("");
    let words: Vec<&str> = town.split_whitespace().collect();
    // One word after the name is as likely a second surname the display name leaves out
    // ("Tomás Ortega" signing "Tomás Ortega Ruiz") as a town: one is taken only when it ends as
    // a place's name does ("Kilnbridge", "Northamptonshire").
    let one_place = words.len() == 1 && {
        let w = words[0].to_lowercase();
        PLACE_ENDINGS
            .split_whitespace()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
    };
    let place = ((2..=3).contains(&words.len()) || one_place)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && !patterns::is_role_word(w)
                && !patterns::is_institution_word(w)
                && !local.contains(&w.to_lowercase())
        });
    if place && patterns::is_lone_name(&sender) {
        sig.name = Some(patterns::tidy_name(&sender));
    }
}

/// How the names of towns and counties end.
const PLACE_ENDINGS: &str = "bridge shire ton ham ford by field wick mouth bury borough burgh worth \
ley caster chester cester port pool stead minster sea dale well hurst combe thorpe haven";

/// Who signed, and how to reach them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Signature {
    /// A full name ("Helena Marčanová"), or only a first name as a sign-off gives it.
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    /// A letter signed by several under its sign-off, each name alone on its line over the
    /// signer's role: the signers in order, each with the organisation the role names.
    pub signers: Vec<(String, Option<String>)>,
}

/// Reads a signature's lines: the first full name, the first address, and the employer (an
/// institution before a department, never a telephone number).
pub(super) fn signature(blocks: &[&Block]) -> Signature {
    let mut sig = Signature::default();
    let mut unit = None;
    let mut role_of = None;
    // "Yours faithfully, / Alan Pertwee / Chair, Caddon Fell Voluntary Wardens / Gwen Rostron /
    // Path survey co-ordinator, …": a letter signed by two, each over their role.
    if blocks
        .first()
        .is_some_and(|b| furniture::sign_off(&b.text).is_some())
    {
        for (i, b) in blocks.iter().enumerate() {
            let name = b.text.trim();
            if patterns::is_lone_name(name)
                && let Some(role) = blocks.get(i + 1)
                && role.text.split_whitespace().any(patterns::is_role_word)
            {
                let org = organisation_after_role(&role.text);
                sig.signers.push((patterns::tidy_name(name), org));
            }
        }
    }
    sig.name = blocks
        .iter()
        .enumerate()
        .find_map(|(i, b)| name_before_town(&b.text, &blocks[i + 1..]));
    for b in blocks {
        let text = match furniture::sign_off(&b.text) {
            Some(rest) => rest,
            None => b.text.clone(),
        };
        if text.split_whitespace().count() > 14 {
            continue;
        }
        sig.email = sig.email.or_else(|| find_email(&text));
        for part in text.split(['|', '·', '•']).map(str::trim) {
            let part = part.trim_start_matches(['-', '—', '–', ' ']);
            if part.is_empty() || has_contact(part) || part.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Some(name) = name_and_town(part) {
                sig.name = sig.name.or(Some(name));
                continue;
            }
            if patterns::is_person(part) {
                sig.name = sig.name.or_else(|| Some(patterns::tidy_name(part)));
                continue;
            }
            if part.split_whitespace().count() == 1 && patterns::tidy_name(part) == part {
                sig.first_name = sig.first_name.or_else(|| Some(part.to_string()));
                continue;
            }
            // "Secretary, Ashby Vale Juniors FC": a role, then the organisation it is held in,
            // whatever its words.
            role_of = role_of.or_else(|| organisation_after_role(part));
            // "Researcher, Ragnar Nurkse Department": the comma parts are a role and a unit.
            for piece in part.split(',').map(str::trim) {
                let words: Vec<&str> = piece.split_whitespace().collect();
                if words.len() > 10 || !title_case(piece) {
                    continue;
                }
                if words.iter().any(|w| patterns::is_institution_word(w)) {
                    sig.affiliation = sig.affiliation.or_else(|| Some(piece.to_string()));
                } else if words.iter().any(|w| unit_word(w)) {
                    unit = unit.or_else(|| Some(piece.to_string()));
                }
            }
        }
    }
    sig.affiliation = sig.affiliation.or(role_of).or(unit);
    sig
}

/// "Chair, Caddon Fell Voluntary Wardens", "Chair of Governors, Little Thornbury CE Primary
/// School": a signer's role, a comma, and the organisation they hold it in, every word of it
/// capitalised. Not a department ("Researcher, Ragnar Nurkse Department" names a unit), nor a
/// place after the role ("Skipper, MFV Brighter Day" has no role word the desk knows).
fn organisation_after_role(line: &str) -> Option<String> {
    let (role, org) = line.trim().split_once(',')?;
    let org = org.trim();
    let role_words: Vec<&str> = role.split_whitespace().collect();
    let org_words: Vec<&str> = org.split_whitespace().collect();
    ((1..=5).contains(&role_words.len())
        && role_words.iter().any(|w| patterns::is_role_word(w))
        && (2..=8).contains(&org_words.len())
        && title_case(org)
        && !org.contains(',')
        && !has_contact(org)
        && !org.chars().any(|c| c.is_ascii_digit())
        && !org_words.iter().any(|w| unit_word(w)))
    .then(|| org.to_string())
}

/// What the mail around the copy calls it: "Letter for publication - the 47 bus", "the letter
/// below for your letters page", "a letter to the editor". A piece sent for the opinion pages says
/// "article", "piece" or "op-ed" and names no letter.
static NAMES_A_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:letters?\s+(?:for\s+publication|to\s+the\s+editor)|letters\s+(?:page|pages|desk|editor)|(?:following|enclosed|attached|this|my)\s+letter|letter\s+(?:below|attached))\b",
    )
});

/// The wrapping left out above the copy says the copy is a reader's letter: a subject line, a
/// label or a cover note naming it a letter for publication or for the letters page ("Dear
/// Editor," alone greets an op-ed's editor as well). A letter has no standfirst: its first
/// paragraph is its opening, however short, whatever headline the writer set over it.
pub(super) fn names_a_letter(above: &[&Block]) -> bool {
    above.iter().any(|b| NAMES_A_LETTER.is_match(&b.text))
}

mod contacts;
mod mail;
pub(super) use self::contacts::{
    email_spells, is_contact_line, is_place_contact, is_press_contact,
};
use self::mail::{MAIL_HEADER, SUBMISSION_PREFIX, addresses_by_name, after_headers, subject};
pub(super) use self::mail::{fields_below_mail, piece_below_original, quoted_thread};
