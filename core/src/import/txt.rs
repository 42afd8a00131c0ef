//! Plain text (.txt) read into blocks: paragraphs separated by blank lines, simple list items,
//! e-mail quotes.

use std::sync::LazyLock;

use regex::Regex;

use super::contact::has_contact;
use super::decode::decode;
use super::{BadFile, Block, BlockKind, Document, Format, Meta};
use crate::text::one_line;

/// Reads a .txt file: paragraphs separated by blank lines (or, in a file without any blank line,
/// one paragraph a line), and simple list items.
pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (text, warning) = decode(bytes)?;
    if written_in_markdown(&text) {
        let mut doc = super::markdown::read(bytes)?;
        doc.warnings
            .push("the text is written in Markdown and was read as Markdown".to_owned());
        return Ok(doc);
    }
    let text = quoted_piece_unquoted(&text).unwrap_or(text);
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

/// A piece forwarded inside the quote of the message that carried it ("> We locked the doors
/// …", paragraph after paragraph, "> --" and the writer's signature): the quote is the piece, so
/// its marks are taken off and it is read as the mail's own text is, cover notes and forwarded
/// headers above it as they stand. A quote is the piece only when it is most of the file's words
/// and paragraphs long: an old message quoted under a reply is the reply's history.
fn quoted_piece_unquoted(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let quoted = |l: &str| l.trim_start().starts_with('>');
    let words = |ls: &[&str]| -> usize { ls.iter().map(|l| l.split_whitespace().count()).sum() };
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if !quoted(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && quoted(lines[i]) {
            i += 1;
        }
        if best.is_none_or(|(s, e)| words(&lines[s..e]) < words(&lines[start..i])) {
            best = Some((start, i));
        }
    }
    let (start, end) = best?;
    let inside = words(&lines[start..end]);
    let outside = words(&lines[..start]) + words(&lines[end..]);
    let paragraphs = lines[start..end]
        .iter()
        .filter(|l| l.trim_start().trim_start_matches('>').trim().is_empty())
        .count()
        + 1;
    if inside < QUOTED_PIECE_WORDS || inside < 2 * outside || paragraphs < 3 {
        return None;
    }
    let unquoted = lines[start..end].iter().map(|l| {
        let l = l.trim_start();
        l.strip_prefix("> ")
            .or_else(|| l.strip_prefix('>'))
            .unwrap_or(l)
    });
    let mut out: Vec<&str> = lines[..start].to_vec();
    // A blank line keeps the piece apart from a note standing right above the quote.
    out.push("");
    out.extend(unquoted);
    out.extend_from_slice(&lines[end..]);
    Some(out.join("\n"))
}

/// A quote that is the piece runs to this many words at least.
const QUOTED_PIECE_WORDS: usize = 200;

/// Plain text written in Markdown: its first line a `# ` heading, and Markdown's marks again
/// below it (`## ` subheadings, `**bold**`, a `---` rule, `1. ` items).
fn written_in_markdown(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if !(first.starts_with("# ") && first.len() > 2) {
        return false;
    }
    let marks = lines
        .filter(|l| {
            l.starts_with("## ")
                || l.starts_with("### ")
                || (l.contains("**") && l.matches("**").count() % 2 == 0)
                || *l == "---"
                || *l == "***"
        })
        .count();
    marks >= 2
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
        let groups: Vec<&[&str]> = lines
            .split(|l| is_blank(l))
            .filter(|g| !g.is_empty())
            .collect();
        let a_form = groups
            .iter()
            .filter(|g| g.len() >= 2 && names_a_field(g[0]))
            .count()
            >= FORM_LABELS_OVER_ANSWERS;
        for (n, &group) in groups.iter().enumerate() {
            // "Proposed headline" over its answer, no colon, no blank line between: in a form's
            // export (three such labels or more) the label is the form's, the answer under it
            // the field's value or the copy.
            let group = match group.split_first() {
                Some((label, rest))
                    if a_form && n > 0 && form_label(label) && !label.trim_end().ends_with(':') =>
                {
                    group_blocks(std::slice::from_ref(label), &mut blocks);
                    rest
                }
                _ => group,
            };
            // "=====" over "CONTRIBUTOR DETAILS" over "=====" over the part's fields: a form's
            // part named between rules on lines of their own is the part "== CONTRIBUTOR
            // DETAILS ==" names on one line, its fields a line each.
            if let Some(part) = framed_on_lines_of_their_own(group) {
                for line in part.iter().map(String::as_str) {
                    group_blocks(std::slice::from_ref(&line), &mut blocks);
                }
                continue;
            }
            // The piece's own title under a rule that parts it from a note above ("---").
            let after_rule = blocks.last().is_some_and(|b: &Block| is_rule_line(&b.text));
            // A rule opening a group ("---" right above a bio) parts it from the lines under it.
            let group = match group.split_first() {
                Some((rule, rest)) if !rest.is_empty() && is_rule_line(rule) => {
                    group_blocks(std::slice::from_ref(rule), &mut blocks);
                    rest
                }
                // "Your text:" over "-----" over the copy: a form's label and the rule opening
                // the copy it asks for are no part of the copy.
                Some((label, rest))
                    if rest.len() >= 2
                        && is_rule_line(rest[0])
                        && label.trim().ends_with(':')
                        && label.split_whitespace().count() <= 6 =>
                {
                    group_blocks(std::slice::from_ref(label), &mut blocks);
                    group_blocks(&rest[..1], &mut blocks);
                    &rest[1..]
                }
                // "Your article (max 900 words):" over the piece's first paragraph, no blank line
                // between: a form's label for the copy is no part of the copy it asks for.
                Some((label, rest)) if is_copy_label_over_prose(label, rest) => {
                    group_blocks(std::slice::from_ref(label), &mut blocks);
                    rest
                }
                _ => group,
            };
            // The copy "… for eight years." over the "-----" closing it: the rule parts them (a
            // title underlined is no sentence of copy).
            let closing_rule = match group.split_last() {
                Some((rule, rest))
                    if is_rule_line(rule)
                        && rest.last().is_some_and(|l| {
                            l.split_whitespace().count() > 12
                                && l.trim_end().ends_with(['.', '!', '?', '"', '”'])
                        }) =>
                {
                    Some(rule)
                }
                _ => None,
            };
            let group = if closing_rule.is_some() {
                &group[..group.len() - 1]
            } else {
                group
            };
            // "Ten years of e-residency\n=========": the writer underlined their title, as
            // Markdown's setext heading does; the first such line is the piece's title, whatever
            // notes stand above it.
            if let [title, underline] = group
                && is_title_underline(underline)
                && !title.trim().is_empty()
                && !blocks.iter().any(|b: &Block| b.kind == BlockKind::Title)
            {
                let text = one_line(title);
                blocks.push(Block {
                    kind: BlockKind::Title,
                    markdown: text.clone(),
                    text,
                    emphasised: false,
                });
                continue;
            }
            if is_contact_block(group)
                || is_statement_lines(group)
                || is_postal_address(group)
                || is_signed_name(group)
                || is_field_lines(group)
                || is_form_part(group)
                || is_labelled_lines(group)
                || ((n == 0 || after_rule)
                    && (is_title_and_subtitle(group) || is_title_and_byline(group)))
                || is_headline_over_sentence(group)
            {
                for line in group {
                    group_blocks(std::slice::from_ref(line), &mut blocks);
                }
            } else {
                group_blocks(group, &mut blocks);
            }
            if let Some(rule) = closing_rule {
                group_blocks(std::slice::from_ref(rule), &mut blocks);
            }
        }
    } else {
        for line in lines {
            group_blocks(std::slice::from_ref(line), &mut blocks);
        }
    }
    blocks
}

/// "Your article (max 900 words):", "Article text:" over a paragraph of prose: a form's label
/// naming the copy (a few words ending in a colon, the form's hint in brackets) over the copy's
/// first paragraph, a line too long to be a field's value.
fn is_copy_label_over_prose(label: &str, rest: &[&str]) -> bool {
    let label = label.trim();
    let named = match label.split_once('(') {
        Some((named, _)) => named,
        None => label,
    };
    let lower = named.to_lowercase();
    let names_the_copy = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            matches!(
                w,
                "article" | "text" | "piece" | "copy" | "body" | "essay" | "op-ed" | "submission"
            )
        });
    let prose_words: usize = rest.iter().map(|l| l.split_whitespace().count()).sum();
    label.ends_with(':')
        && (1..=6).contains(&named.split_whitespace().count())
        && label.chars().next().is_some_and(char::is_uppercase)
        && names_the_copy
        && prose_words >= COPY_PARAGRAPH_WORDS
        && rest
            .last()
            .is_some_and(|l| l.trim_end().ends_with(['.', '!', '?', '"', '”']))
}

/// A form's label on a line of its own: a few words (its hint in brackets aside), no sentence,
/// no value after a colon ("Your name(s)", "Which section are you submitting to?", "Summary (one
/// or two sentences)", "Email address:").
fn form_label(line: &str) -> bool {
    let line = line.trim();
    let named = line.split('(').next().unwrap_or(line);
    (1..=8).contains(&named.split_whitespace().count())
        && line.chars().count() <= 70
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', '!', ';', ','])
        && !line.trim_end_matches(':').contains(": ")
        && !is_rule_line(line)
}

/// A form's label naming a field of the piece or of its writer, or asking a question.
fn names_a_field(line: &str) -> bool {
    form_label(line)
        && (line.trim_end().ends_with(['?', ':', ')'])
            || line
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| FIELD_WORDS.split_whitespace().any(|f| f == w)))
}

/// Words a form's labels name its fields by.
const FIELD_WORDS: &str = "name names email e-mail phone telephone mobile organisation \
organization affiliation institution section headline title summary standfirst piece article \
bio biography author authors tags keywords category photo photos";

/// How many labels over their answers make a file a form's export. ("Label:" over its answer
/// reads as "Label: answer" on one line, as it always has.)
const FORM_LABELS_OVER_ANSWERS: usize = 3;

/// How many words a form's field's value runs to at most, short of a paragraph of the copy.
const COPY_PARAGRAPH_WORDS: usize = 40;

/// A line that is not hard-wrapped prose: longer than any wrapped line.
const UNWRAPPED_CHARS: usize = 90;

/// The file's first two lines as a document's title and subtitle ("The digital euro needs a
/// privacy guarantee" over a sentence or two): a short line ending no sentence over a line too
/// long to be wrapped prose, the copy not hard-wrapped.
fn is_title_and_subtitle(lines: &[&str]) -> bool {
    let [title, subtitle] = lines else {
        return false;
    };
    let (title, subtitle) = (title.trim(), subtitle.trim());
    title.split_whitespace().count() <= 20
        && !title.ends_with(['.', ',', ';', ':', '-', '–'])
        && subtitle.chars().count() > UNWRAPPED_CHARS
        && subtitle.chars().next().is_some_and(char::is_uppercase)
        && list_marker(subtitle).is_none()
}

/// A headline in title case over a sentence standing alone ("Debut Novelists Are Being Asked to
/// Arrive Fully Formed" over "The industry has stopped … auditioning them."), no blank line
/// between them, wherever they stand: two lines, not one paragraph (a hard-wrapped paragraph's
/// first line is no headline in title case ending no sentence).
fn is_headline_over_sentence(lines: &[&str]) -> bool {
    let [title, sentence] = lines else {
        return false;
    };
    let (title, sentence) = (title.trim(), sentence.trim());
    let words: Vec<&str> = title.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (4..=16).contains(&words.len())
        && long.len() >= 3
        && capitalised == long.len()
        && !title.ends_with(['.', ',', ';', ':', '-', '–', '!', '?'])
        && (4..=40).contains(&sentence.split_whitespace().count())
        && sentence.chars().next().is_some_and(char::is_uppercase)
        && sentence.ends_with(['.', '!', '?'])
        && list_marker(sentence).is_none()
        && list_marker(title).is_none()
}

/// The file's first two lines as its title and its byline ("THE LAST INTERPRETERS?" over "by
/// Annika Sjöberg"), no blank line between them: two lines, not one paragraph.
fn is_title_and_byline(lines: &[&str]) -> bool {
    let [title, byline] = lines else {
        return false;
    };
    let (title, byline) = (title.trim(), byline.trim());
    let by_name = byline
        .strip_prefix("by ")
        .or_else(|| byline.strip_prefix("By "))
        .or_else(|| byline.strip_prefix("BY "))
        .is_some_and(|names| {
            names.split_whitespace().count() <= 8
                && names.chars().next().is_some_and(char::is_uppercase)
                && !names.ends_with('.')
        });
    by_name
        && title.split_whitespace().count() <= 20
        && !title.ends_with(['.', ',', ';', ':', '-', '–'])
}

/// "Authors: …", "Status: final", "Words: ~670": a block of a document's fields, a line each,
/// most of them labelled, none a sentence.
fn is_field_lines(lines: &[&str]) -> bool {
    let labelled = |l: &&&str| {
        l.split_once(':').is_some_and(|(label, value)| {
            let label = label.trim();
            (1..=3).contains(&label.split_whitespace().count())
                && label.chars().next().is_some_and(char::is_uppercase)
                && !value.trim().is_empty()
        })
    };
    // "Approx. 720 words" under "Author: …": the count is one of the document's fields.
    let count = lines
        .iter()
        .filter(|l| labelled(l) || WORDS_LINE.is_match(l.trim()))
        .count();
    lines.len() >= 2
        && lines
            .iter()
            .all(|l| l.split_whitespace().count() <= 12 && !l.trim().ends_with(['.', '!', '?']))
        && (count == lines.len() || (lines.len() >= 3 && count * 2 > lines.len()))
}

/// "Approx. 720 words", "c. 650 words", "900 words": a document's count on its own line.
static WORDS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:approx\.?|approximately|c\.|ca\.|about|around)\s*)?\d[\d,]*\s+(?i:words)\.?$",
    )
    .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// "== Contributor details ==" over "Full name(s): …", "Organisation / affiliation: …": a part of
/// a form, its heading between rules over its labelled fields, a line each however long (a
/// standfirst's field is a sentence or two).
fn is_form_part(lines: &[&str]) -> bool {
    let Some((heading, fields)) = lines.split_first() else {
        return false;
    };
    let heading = heading.trim();
    let framed = ["==", "--", "**", "##", "~~"]
        .iter()
        .any(|rule| heading.starts_with(rule) && heading.ends_with(rule))
        && heading.chars().any(char::is_alphabetic)
        && heading.split_whitespace().count() <= 8;
    let labelled = |line: &&str| {
        line.split_once(':').is_some_and(|(label, value)| {
            let label = label.trim();
            (1..=6).contains(&label.split_whitespace().count())
                && label.chars().next().is_some_and(char::is_uppercase)
                && !value.trim().is_empty()
        })
    };
    framed && !fields.is_empty() && fields.iter().all(labelled)
}

/// A form's part whose name stands between two rules on lines of their own, its labelled fields
/// under them: the lines of the same part with its name framed on one line ("== NAME =="), the
/// rules being no field.
fn framed_on_lines_of_their_own(lines: &[&str]) -> Option<Vec<String>> {
    let [over, name, under, fields @ ..] = lines else {
        return None;
    };
    let name = name.trim();
    // A form's question may be its label ("Have you written for us before?: No").
    let labelled = |line: &&str| {
        line.split_once(':').is_some_and(|(label, value)| {
            let label = label.trim();
            (1..=8).contains(&label.split_whitespace().count())
                && label.chars().next().is_some_and(char::is_uppercase)
                && !value.trim().is_empty()
        })
    };
    let named = name.chars().any(char::is_alphabetic)
        && name.split_whitespace().count() <= 8
        && !name.contains(':')
        && !name.ends_with(['.', '!', '?']);
    (is_rule_line(over)
        && is_rule_line(under)
        && named
        && !fields.is_empty()
        && fields.iter().all(labelled))
    .then(|| {
        std::iter::once(format!("== {name} =="))
            .chain(fields.iter().map(|l| l.to_string()))
            .collect()
    })
}

/// "Name(s) of author(s): …", "E-mail: …", "Proposed section: …", "Conflict of interest: The
/// author works for …": a form's fields a line each, five or more, the first and all but one
/// opening with a label of a few words, however long their values.
/// A web form's notice writes its questions as labels, the colon straight after the question
/// mark ("Has this been published elsewhere?: No"); a question in prose has its answer apart.
fn is_labelled_lines(lines: &[&str]) -> bool {
    let field = |line: &&&str| {
        line.split_once(": ").is_some_and(|(label, value)| {
            let label = label.trim();
            (1..=6).contains(&label.split_whitespace().count())
                && label.chars().next().is_some_and(char::is_uppercase)
                && !label.ends_with(['.', '!', ','])
                && !value.trim().is_empty()
        })
    };
    let labelled = lines.iter().filter(field).count();
    lines.len() >= 5
        && lines.first().is_some_and(|l| field(&l))
        && labelled + 1 >= lines.len()
        && list_marker(lines[0]).is_none()
}

/// "=====": a line of equals signs under a title.
fn is_title_underline(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 3 && line.chars().all(|c| c == '=')
}

/// "---", "***", "___": a rule line.
fn is_rule_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 3 && line.chars().all(|c| matches!(c, '-' | '*' | '_' | '='))
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

/// "14 Mill Lane", "Head Office: 21 Carrow Road, London N7 9XX", "Schottengasse 4, 1010 Wien",
/// "HW3 7QP": a street with its number (perhaps under a label), or a postcode.
static ADDRESS_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:(?:\p{Lu}[\p{L} ]{1,20}:\s*)?\d{1,4}[a-z]?,?\s+\p{Lu}|\p{Lu}\p{L}+(?:\s+\p{L}+){0,3}\s+\d{1,3}[a-z]?(?:,\s*\d{4,5}\s+\p{Lu}\p{L}+)?$|\p{Lu}{1,2}\d{1,2}\p{Lu}?\s+\d\p{Lu}{2}$|\d{4,5}\s+\p{Lu}\p{L}+$)",
    )
    .unwrap_or_else(|e| panic!("address pattern: {e}"))
});

/// A name and a postal address under it, each on a line of its own ("Gwen Pritchard / 14 Mill
/// Lane / Harwick / HW3 7QP"): its lines are read apart, as a signature's are.
fn is_postal_address(lines: &[&str]) -> bool {
    let short = |l: &&str| {
        let l = l.trim();
        l.split_whitespace().count() <= 8 && !l.ends_with(['.', '!', '?', ':', ';'])
    };
    let named = lines.first().is_some_and(|l| {
        let l = l.trim();
        l.chars().next().is_some_and(char::is_uppercase) && !l.chars().any(|c| c.is_ascii_digit())
    });
    (3..=7).contains(&lines.len())
        && named
        && lines.iter().all(short)
        && lines[1..].iter().any(|l| ADDRESS_LINE.is_match(l.trim()))
}

/// A letter signed with the name over the signer's role, organisation or town, each on a line of
/// its own ("Margaret Ellison / Chair of Governors, Little Thornbury CE Primary School /
/// Thornbury-on-Wold"): its lines are read apart, as a signature's are, so that the name is a
/// name and not the first words of a paragraph. A bio wrapped over two lines ("Ruth Penhale is a
/// retired / harbour pilot.") is prose, and stays one paragraph.
fn is_signed_name(lines: &[&str]) -> bool {
    if !(2..=4).contains(&lines.len()) {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let name = lines.first().is_some_and(|l| {
        let words: Vec<&str> = l.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| capitalised(w))
            && !l.chars().any(|c| c.is_ascii_digit())
            && !l.trim_end().ends_with(['.', '!', '?', ':', ';', ','])
    });
    let under = |l: &&str| {
        let l = l.trim();
        (1..=10).contains(&l.split_whitespace().count())
            && capitalised(l)
            && !l.ends_with(['.', '!', '?', ':', ';'])
            // "FOR IMMEDIATE RELEASE / Wednesday 26 November 2026": a date under a label is no
            // signature (an address's numbers are read apart as an address).
            && !l.chars().any(|c| c.is_ascii_digit())
    };
    // A signature says where the signer stands: a role and where it is held, a town after a
    // street ("Chair of Governors, … School", "Skipper, MFV Brighter Day"). A headline wrapped in
    // title case ("Why Wenmouth's Quay / Stands Empty On Sundays Now") says no such thing.
    let placed = lines[1..].iter().any(|l| l.contains(','));
    name && placed && lines[1..].iter().all(under)
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
mod tests;
