//! A submission form: "TITLE: …", "STANDFIRST: …", "AUTHOR(S): A; B", "E-MAIL: …", "SECTION:
//! …" at the top of the copy, on one line or a paragraph each, under a form's own title, down to
//! a "TEXT:" label above the piece.

use std::sync::LazyLock;

use regex::Regex;

use super::{cover, furniture, patterns};
use crate::import::contact::find_emails;
use crate::import::{Block, BlockKind, Meta, MetaAuthor};
use crate::text::one_line;

/// The form's fields and how many blocks at the top it takes (its title and its labelled
/// paragraphs); `None` without two fields.
pub(super) fn take_form(blocks: &[&Block]) -> Option<(Vec<(String, String)>, usize)> {
    // The form's title, and the desk's instructions under it ("Please complete every field.").
    let instructions = blocks
        .iter()
        .skip(1)
        .take(2)
        .take_while(|b| is_instruction(&b.text))
        .count();
    // Under the title, a labelled line, or a table's label and value running down to the mark
    // above the piece.
    // "1. About the authors": the form's first part's heading.
    let first = 1
        + instructions
        + usize::from(
            blocks
                .get(1 + instructions)
                .is_some_and(|b| part_heading(b)),
        );
    let titled = blocks.first().is_some_and(|b| form_title(&b.text))
        && (blocks
            .get(first)
            .is_some_and(|b| patterns::labelled(&b.text).is_some())
            || (blocks.first().is_some_and(|b| names_itself(&b.text))
                && blocks
                    .get(first)
                    .is_some_and(|b| inline_field(&b.text).is_some()))
            || cell_pair(blocks, first).is_some_and(|(_, next)| form_goes_on(blocks, next, &[]))
            || writers_table(blocks, first).is_some());
    // "Please complete all fields … Do not change the layout of this form." over the form's
    // labelled fields, no title above: the form's instruction opens it.
    let instructed = !titled
        && blocks.first().is_some_and(|b| speaks_of_the_form(&b.text))
        && blocks
            .get(1)
            .is_some_and(|b| patterns::labelled(&b.text).is_some());
    let titled = titled || instructed;
    let mut at = if instructed {
        1
    } else if titled {
        first
    } else {
        0
    };
    let mut fields = Vec::new();
    loop {
        // A table of writers, its header row of labels over a row each ("Name", "E-mail",
        // "Affiliation", "Short bio"), then the form's next part ("2. About the piece").
        if titled && let Some((writers, next)) = writers_table(blocks, at) {
            fields.extend(writers);
            at = next;
            continue;
        }
        if (titled || !fields.is_empty())
            && blocks.get(at).is_some_and(|b| {
                part_heading(b) && (!closes_form(b) || fields_follow(blocks, at + 1))
            })
        {
            at += 1;
            continue;
        }
        let found = blocks
            .get(at)
            .and_then(|b| patterns::labelled(&b.text).or_else(|| status_block(&b.text)));
        if let Some(found) = found {
            // "TEXT:" alone: the piece follows.
            let text_follows = found.iter().any(|(label, value)| {
                matches!(label.as_str(), "text" | "body") && value.is_empty()
            });
            fields.extend(found);
            at += 1;
            if text_follows {
                break;
            }
        } else if (titled || !fields.is_empty())
            && let Some(field) = blocks.get(at).and_then(|b| inline_field(&b.text))
        {
            // "Submission ID: …", "Organisation / affiliation: …": a form's own label, in its
            // own words, and its value on one line.
            fields.push(field);
            at += 1;
        } else if !fields.is_empty()
            && blocks.get(at).is_some_and(|b| unanswered(&b.text))
            && blocks.get(at + 1).is_some_and(|b| {
                patterns::labelled(&b.text).is_some() || inline_field(&b.text).is_some()
            })
        {
            // "Short summary (max 2 sentences):" left empty, a field under it: the form goes on,
            // and the field is kept, empty (the writer gave no standfirst).
            fields.push((field_named(blocks[at].text.trim()), String::new()));
            at += 1;
        } else if (titled || !fields.is_empty())
            && let Some((field, next)) = cell_pair(blocks, at)
            && form_goes_on(blocks, next, &fields)
        {
            // A form laid out as a table: its label and its value a paragraph each.
            fields.push(field);
            at = next;
        } else {
            break;
        }
    }
    // "ARTICLE TEXT BELOW THIS LINE", "Article:": the piece follows.
    // "ARTICLE TEXT" then "[Please paste the full text of your article below this line.]": the
    // form's last lines may be a label and an instruction under it.
    while !fields.is_empty() && blocks.get(at).is_some_and(|b| closes_form(b)) {
        at += 1;
    }
    // "Title: …" alone above the copy labels the headline.
    let a_title = matches!(fields.as_slice(), [(label, value)]
        if matches!(label.as_str(), "title" | "headline" | "hed") && !value.is_empty());
    (fields.len() >= 2 || a_title).then_some((fields, at))
}

/// A newsroom's status block ("SLUG: …", "STATUS: Ready for subs", "WRITER: …", "SECTION: …"):
/// three or more lines, each a label in capitals and its value, whatever the labels are. Its
/// labels are the desk's own, so they need not be the ones a form uses; those it shares (section,
/// tags, writer, contact) are read.
pub(super) fn status_block(text: &str) -> Option<Vec<(String, String)>> {
    // Rules framing it ("-----") are no field's value; a template's own title over it
    // ("MERIDIAN COPY TEMPLATE v3 (please don't delete the labels …)") is the template's.
    let unruled: Vec<String> = text
        .lines()
        .map(|line| {
            let words: Vec<&str> = line
                .split_whitespace()
                .filter(|w| w.chars().count() < 3 || w.chars().any(char::is_alphanumeric))
                .collect();
            words.join(" ")
        })
        .collect();
    let unruled = unruled.join("\n");
    let titled_at = STATUS_LABEL
        .find(&unruled)
        .map(|m| m.start())
        .filter(|&at| {
            let title = unruled[..at].trim();
            at > 0 && !title.contains('\n') && form_title(title.split('(').next().unwrap_or(title))
        })
        .unwrap_or(0);
    let joined = &unruled[titled_at..];
    // Its lines may have been run together into one paragraph: the labels still part them.
    let text = joined.trim();
    let starts: Vec<(usize, usize, &str)> = STATUS_LABEL
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            Some((whole.start(), whole.end(), c.name("label")?.as_str()))
        })
        .collect();
    if starts.len() < 3 || starts.first().is_none_or(|&(at, _, _)| at != 0) {
        return None;
    }
    let mut fields = Vec::new();
    for (i, &(_, value_at, label)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |&(at, _, _)| at);
        let value = patterns::without_field_separator(&one_line(&text[value_at..end]));
        if value.is_empty() {
            return None;
        }
        // "FROM: Declan Hurst (freelance)", "FILED BY: …": in a desk's status block, the writer.
        let label = label.to_lowercase();
        let named = value
            .split(" (")
            .next()
            .unwrap_or(&value)
            .trim()
            .to_string();
        // A slug's initial ("FROM: R. Teixeira") names no one the byline can print.
        let full_first_name = named
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().count() >= 2 && !w.contains('.'));
        if matches!(label.as_str(), "from" | "filed by")
            && full_first_name
            && patterns::is_lone_name(&named)
        {
            fields.push(("byline".to_string(), named));
            continue;
        }
        fields.push((label, value));
    }
    Some(fields)
}

/// "PRIORITY: URGENT": a line opening with a status block's label.
pub(super) fn opens_with_status_label(text: &str) -> bool {
    STATUS_LABEL
        .find(text.trim())
        .is_some_and(|m| m.start() == 0)
}

/// "PICTURE: agency pic …": a label of a word or a few in capitals (two letters at least), then
/// its value.
static STATUS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"(?:^|\s)(?P<label>\p{Lu}[\p{Lu}&/\-]+(?: \p{Lu}[\p{Lu}&/\-]+){0,2}):\s+")
});

/// A page's properties as a notes app exports them under its title ("Author: …", "Status: Ready
/// for desk", "Section: Culture", "Created: 14 May 2024 10:12", "Standfirst: …"): three or more
/// lines, each a short label in sentence case and its value, at least one of them a field of the
/// piece. Each line is read alone, so a label no form uses ("Status", "Last edited") neither
/// runs into the field above it nor stops the sheet.
pub(super) fn property_sheet(text: &str) -> Option<Vec<(String, String)>> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim().trim_end_matches('\\').trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 3 || !lines.iter().all(|l| PROPERTY.is_match(l)) {
        return None;
    }
    let fields: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| patterns::labelled(l).or_else(|| property_of_the_writer(l)))
        .filter(|found| found.len() == 1)
        .flatten()
        .collect();
    fields
        .iter()
        .any(|(label, _)| {
            matches!(
                label.as_str(),
                "author"
                    | "authors"
                    | "byline"
                    | "standfirst"
                    | "dek"
                    | "deck"
                    | "subtitle"
                    | "section"
                    | "headline"
                    | "title"
            )
        })
        .then_some(fields)
}

/// "Writer: Nadia Ferreira", "Contributor: …": a notes app's property naming who wrote the
/// page, by the names newsrooms' templates give it.
fn property_of_the_writer(line: &str) -> Option<Vec<(String, String)>> {
    let (label, value) = line.split_once(": ")?;
    let value = one_line(value);
    (matches!(
        label.trim().to_lowercase().as_str(),
        "writer" | "writers" | "contributor" | "contributors" | "reporter" | "written by"
    ) && !value.is_empty())
    .then(|| vec![("author".to_string(), value)])
}

/// "Last edited: 17 May 2024 16:45": a label of one to three words, then its value.
static PROPERTY: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^\p{Lu}[\p{L}()-]*(?: [\p{L}()-]+){0,2}:\s+\S"));

/// A short paragraph speaking of "this form": the form's, not the piece's.
pub(super) fn speaks_of_the_form(text: &str) -> bool {
    text.split_whitespace().count() <= 60 && THIS_FORM.is_match(text)
}

/// "… this form", and a form's automatic footer: "This response was generated automatically by
/// … forms. Do not reply to this email."
static THIS_FORM: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"(?i)\b(?:this|the)\s+(?:submission\s+)?form\b|\b(?:sent|generated)\s+by\s+the\s+(?-i:\p{Lu}[\p{L}-]*\s+){1,2}form\b|\b(?:generated|sent)\s+automatically\s+by\b.{0,60}\bforms?\b|^this\s+(?:export|notification|response|entry)\s+was\s+(?:generated|sent|created)\s+automatically\b",
    )
});

/// A label standing alone ("Proposed headline", "Phone", "Previously published?") and its value
/// under it, as a form set in a table reads cell by cell: the field (its label as the form's
/// fields are named, when it names one; as written, when it names a field the piece does not
/// need) and where the next one starts. A value may run over paragraphs of sentences (two bios
/// in one cell).
fn cell_pair(blocks: &[&Block], at: usize) -> Option<((String, String), usize)> {
    let label = blocks.get(at)?.text.trim();
    let value = blocks.get(at + 1)?;
    // A form's value is a line or a sentence or two; a long paragraph is the piece's copy.
    // "by NAME" under labelled fields is the piece's byline over its copy, no form's label.
    if !label_alone(label)
        || patterns::byline(label).is_some()
        || closes_form(blocks[at])
        || patterns::labelled(&value.text).is_some()
        || closes_form(value)
        || value.text.split_whitespace().count() > VALUE_WORDS
    {
        return None;
    }
    let mut next = at + 2;
    let mut parts = vec![one_line(&value.text)];
    while let Some(more) = blocks.get(next).filter(|b| {
        b.text.trim_end().ends_with(['.', '!', '?'])
            && !label_alone(b.text.trim())
            && patterns::labelled(&b.text).is_none()
            // "Short bio (max 50 words): NAME is …": the form's next field, its label with the
            // form's hint in brackets, is no more of this value.
            && !hinted_field(&b.text)
    }) {
        parts.push(one_line(&more.text));
        next += 1;
    }
    Some(((field_named(label), parts.join(" ")), next))
}

/// "Full name(s): Elena Marinescu; Pieter de Wit", "Have you written for us before?: No": a
/// form's label in its own words and its value after the colon, the field it names and the
/// value.
fn inline_field(text: &str) -> Option<(String, String)> {
    // "Are you writing on behalf of an organisation? Friends of …": a form's question and its
    // answer under it, run onto one line, no colon between.
    let (label, value) = text.split_once(": ").or_else(|| {
        // "Previously published?  Yes / No": the choices it offers are no answer.
        text.split_once("? ")
            .filter(|(_, answer)| !answer.contains('/'))
            .map(|(question, answer)| (&text[..=question.len()], answer))
    })?;
    let label = label.trim();
    let value = one_line(value);
    // A form's question ("Have you written for Agora Europa before?") may run to more words.
    let most = if label.ends_with('?') { LABEL_WORDS } else { 6 };
    // "Short bio (max 50 words, will be printed with the article)": the hint in brackets is the
    // form's instructions, not the label's words.
    let named = match label.split_once('(') {
        Some((named, rest)) if rest.trim_end().ends_with(')') => named,
        _ => label,
    };
    (label_alone(label)
        && named.split_whitespace().count() <= most
        && label.chars().next().is_some_and(char::is_uppercase)
        && !value.is_empty())
    .then(|| (field_named(label), value))
}

/// "Short bio (max 50 words): …", "Organisation (optional): …": a form's field, its label
/// carrying the form's hint in brackets.
fn hinted_field(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, _)| {
        label.trim_end().ends_with(')') && label.contains('(') && inline_field(text).is_some()
    })
}

/// "Attachments: none", "How did you hear about us? Newsletter": a form's field answered on its
/// line, its label in the form's own words or one read everywhere. In the form's own words, a
/// question of four words or more, a short answer that is no sentence, or fields run together:
/// "The lesson: an island without a way out is an island without a future." and "So who pays?
/// The islands do." close a piece.
pub(super) fn answered_field(text: &str) -> bool {
    let form_field = inline_field(text).is_some() && {
        let (label, answer) = text.split_once(": ").unwrap_or_else(|| {
            text.split_once("? ")
                .map_or((text, ""), |(q, a)| (&text[..=q.len()], a))
        });
        let question = label.trim_end().ends_with('?') && label.split_whitespace().count() >= 4;
        let answer = answer.trim();
        // "Attachments: none How did you hear about us? Newsletter Consent …: Yes": fields run
        // onto one line by the export.
        let more_fields = answer.contains(": ") || answer.contains("? ");
        question
            || more_fields
            || (answer.split_whitespace().count() <= SHORT_ANSWER_WORDS
                && !answer.ends_with(['.', '!', '?']))
    };
    form_field || patterns::labelled(text).is_some() || confirmed(text)
}

/// An answer to a form's field, not a sentence of the piece, runs to a few words.
const SHORT_ANSWER_WORDS: usize = 8;

/// "Short bio (optional):" whose answer was read elsewhere, "I confirm this is my own work and I
/// agree to the terms of submission: Yes": a form's field after the piece, answered or not.
pub(super) fn form_field_after(text: &str) -> bool {
    answered_field(text) || unanswered(text)
}

/// Whether `blocks` are a form's fields to the end, after the piece: each answered on its line,
/// or its label alone over its answer ("Short bio (optional):" over the bio), the form's own
/// words among them; one answered at least.
pub(super) fn fields_to_the_end(blocks: &[&Block]) -> bool {
    let mut at = 0;
    while let Some(b) = blocks.get(at) {
        if unanswered(&b.text) || asked_alone(&b.text) {
            at += 1 + usize::from(
                blocks
                    .get(at + 1)
                    .is_some_and(|v| !form_field_after(&v.text) && !speaks_of_the_form(&v.text)),
            );
        } else if answered_field(&b.text) || speaks_of_the_form(&b.text) || cover::is_rule(b) {
            at += 1;
        } else {
            return false;
        }
    }
    blocks
        .first()
        .is_some_and(|b| form_field_after(&b.text) || asked_alone(&b.text))
        && blocks
            .iter()
            .any(|b| answered_field(&b.text) || asked_alone(&b.text))
}

fn is_standfirst_field(label: &str) -> bool {
    matches!(
        label,
        "standfirst" | "subtitle" | "subheading" | "sub" | "dek" | "deck" | "summary"
    )
}

/// "Photo(s) attached?", "Have you submitted this piece elsewhere?", "Phone (not for
/// publication)": a form's question, or its label with the form's hint in brackets, on a line of
/// its own over the answer, as a form's export sets its fields without colons.
fn asked_alone(text: &str) -> bool {
    let text = text.trim();
    // "C. Author biography (max. 30 words, as it should appear)": the bio under it is the
    // piece's, no answer to drop.
    let lower = text.to_lowercase();
    label_alone(text)
        && !lower.contains("bio")
        && !lower.contains("about the author")
        && text.chars().next().is_some_and(char::is_uppercase)
        && (text.ends_with('?')
            || (text.ends_with(')') && text.contains('('))
            // "I agree to the contributor terms" over its "Yes": a declaration to tick.
            || DECLARATION_ALONE.is_match(text))
}

/// "I agree to the contributor terms", "I confirm this is my own work": a form's declaration
/// standing alone over the writer's tick.
static DECLARATION_ALONE: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^I\s+(?:agree|confirm|declare|accept|certify)\b[^.?!:]*$"));

/// "I confirm this is my own work …: Yes", "I agree to the terms: Yes": the writer's tick to a
/// form's declaration, a yes or no after its colon.
fn confirmed(text: &str) -> bool {
    // "I agree to the contributor terms Yes": the tick run onto the statement's line, no colon.
    let split = text
        .rsplit_once(':')
        .or_else(|| text.trim_end().rsplit_once(' '));
    split.is_some_and(|(statement, answer)| {
        let statement = statement.trim().to_lowercase();
        [
            "i confirm ",
            "i agree ",
            "i declare ",
            "i certify ",
            "i accept ",
        ]
        .iter()
        .any(|w| statement.starts_with(w))
            && statement.split_whitespace().count() <= 30
            && matches!(
                answer.trim().to_lowercase().as_str(),
                "yes" | "no" | "y" | "n" | "agreed" | "true" | "checked" | "[x]" | "x"
            )
    })
}

/// "Short summary (max 2 sentences):": a form's label with no value after it.
fn unanswered(text: &str) -> bool {
    text.trim()
        .strip_suffix(':')
        .is_some_and(|label| label_alone(label.trim()))
}

/// Whether a form's fields go on at `at`: "== Article ==" over "Preferred section: …" heads the
/// form's part about the piece, no mark that the piece follows.
fn fields_follow(blocks: &[&Block], at: usize) -> bool {
    blocks
        .get(at)
        .is_some_and(|b| patterns::labelled(&b.text).is_some() || inline_field(&b.text).is_some())
}

/// "About the author(s) (2-3 sentences each)", "Short bio": a form's label alone for the writers'
/// bios, their bios under it.
pub(super) fn bio_label(text: &str) -> bool {
    let text = text.trim();
    // "Short biography for each contributor": the word for a bio anywhere in the label.
    let names_bios = field_named(text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "bio" | "bios" | "biography" | "biographies"));
    label_alone(text)
        && text.chars().next().is_some_and(char::is_uppercase)
        && (names_bios
            || matches!(
                field_named(text).as_str(),
                "about the authors" | "about the author(s)" | "bio(s)"
            ))
}

/// A bio under a form's bio label: sentences, no field of the form's, no mark of its parts.
pub(super) fn bio_under_label(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(['.', '!', '"', '”', ')'])
        && text.split_whitespace().count() >= 5
        && !form_field_after(text)
        && !asked_alone(text)
        && !speaks_of_the_form(text)
}

/// "Author bio(s): NAME is …", "Author bio (max. 40 words): …": a form's field for the writers'
/// bios, in the form's own words; its value.
pub(super) fn bio_field(text: &str) -> Option<String> {
    // "Bio: …" and the labels read everywhere are read as they always were.
    if patterns::labelled(text).is_some() {
        return None;
    }
    inline_field(text)
        .filter(|(field, _)| matches!(field.as_str(), "bio" | "bios" | "biography" | "biographies"))
        .map(|(_, value)| value)
}

/// A form's title naming itself: "… SUBMISSION FORM", "Contributor form".
pub(super) fn names_itself(text: &str) -> bool {
    // "… Form submission received: DATE Form ID: …": the form's own lines under its title.
    if let Some(m) = FORM_OWN_LINE.find(text)
        && m.start() > 0
    {
        return text[..m.start()].split_whitespace().count() <= 12;
    }
    let lower = text.to_lowercase();
    text.split_whitespace().count() <= 12
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "form" | "submission"))
}

/// A form's label: a few words, not a sentence (a question is one: "Previously published?"). The
/// choices or limits it gives in brackets ("Proposed section (News / Analysis / Opinion /
/// Features / Culture)", "Standfirst (max. 40 words)") are the form's instructions, not its words.
fn label_alone(text: &str) -> bool {
    let named = match text.split_once('(') {
        Some((label, rest)) if rest.trim_end().ends_with(')') => label,
        _ => text,
    };
    let words = named.split_whitespace().count();
    (1..=LABEL_WORDS).contains(&words)
        && !text.ends_with(['.', '!', ';', ','])
        // "-------": a rule under the form's title is no label.
        && named.chars().any(char::is_alphabetic)
        && patterns::labelled(text).is_none()
}
const LABEL_WORDS: usize = 8;
const VALUE_WORDS: usize = 60;

/// "Proposed headline", "Contact e-mail", "Affiliation and role", "Author bio(s), max. 30 words
/// each": the field the label names, in the names the form's fields go by.
fn field_named(label: &str) -> String {
    // "Headline *": the star marks a field the form requires, no part of its name.
    let lower = label
        .trim()
        .trim_end_matches(|c: char| matches!(c, ':' | '?' | '*') || c.is_whitespace())
        .to_lowercase();
    let lower = lower.split(['(', ',']).next().unwrap_or("").trim();
    // "Author 1 – name", "Author 2 – short bio": one writer's field among several writers' rows.
    if let Some(c) = NUMBERED_WRITER.captures(lower) {
        let what = &c["what"];
        let field = [
            ("name", "name"),
            ("mail", "email"),
            ("affiliation", "affiliation"),
            ("institution", "affiliation"),
            ("organi", "affiliation"),
            ("bio", "bio"),
        ]
        .into_iter()
        .find(|(word, _)| what.contains(word))
        .map_or(what, |(_, field)| field);
        return format!("writer {} {field}", &c["n"]);
    }
    // "Co-author name(s)", "Co-author email(s)": the second writer's fields, however many
    // writers the form lets it name.
    for co in [
        "co-author ",
        "co-authors ",
        "co-author's ",
        "co-authors' ",
        "co-writer ",
    ] {
        if let Some(what) = lower.strip_prefix(co) {
            let what = what.trim_start_matches("full ");
            let field = [
                ("name", "name"),
                ("mail", "email"),
                ("affiliation", "affiliation"),
                ("organi", "affiliation"),
                ("bio", "bio"),
            ]
            .into_iter()
            .find(|(word, _)| what.contains(word))
            .map_or(what, |(_, field)| field);
            return format!("co-author {field}");
        }
    }
    // "Which section is this for?", "What is your name?": a form's question naming its field.
    let lower = ["what is your ", "what is the ", "which ", "what "]
        .iter()
        .find_map(|q| lower.strip_prefix(q))
        .filter(|_| label.trim_end().ends_with('?'))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or(lower);
    let lower = lower.split(" and ").next().unwrap_or(lower);
    // "Tags / keywords", "Section / category": a label naming one field two ways.
    let lower = lower.split(" / ").next().unwrap_or(lower).trim();
    let mut field = lower;
    // "Full name", "Short bio": how much the form asks for, not another field.
    for qualifier in [
        "full ",
        "short ",
        "proposed ",
        "suggested ",
        "preferred ",
        "working ",
        "your ",
        "contact ",
        "author's ",
        "authors' ",
        "author ",
        "contributor's ",
        "contributor ",
    ] {
        field = field.strip_prefix(qualifier).unwrap_or(field);
    }
    // "Title of piece", "Headline of the article": the piece's own title.
    for of_piece in [
        " of piece",
        " of the piece",
        " of article",
        " of the article",
        " of your article",
        " for your article",
        " for the article",
        " for your piece",
        " for the piece",
        " address",
    ] {
        field = field.strip_suffix(of_piece).unwrap_or(field);
    }
    match field {
        "name" | "names" | "name of author" | "names of authors" | "name of the author" => {
            "author".to_string()
        }
        // "About you (max 50 words)": the writer's bio in the form's own words.
        "about you" | "about yourself" | "about the author" => "bio".to_string(),
        f => f.to_string(),
    }
}

/// Whether labelled fields go on after `at` (more cell pairs first): a labelled line, the mark
/// above the piece, or the headline the form gave.
fn form_goes_on(blocks: &[&Block], mut at: usize, fields: &[(String, String)]) -> bool {
    let headline = fields
        .iter()
        .find(|(label, _)| matches!(label.as_str(), "headline" | "title" | "hed"))
        .map(|(_, v)| v.as_str());
    loop {
        let Some(b) = blocks.get(at) else {
            return false;
        };
        if patterns::labelled(&b.text).is_some()
            || inline_field(&b.text).is_some()
            || closes_form(b)
            || headline.is_some_and(|h| one_line(&b.text) == h)
        {
            return true;
        }
        match cell_pair(blocks, at) {
            Some(((label, value), next)) => {
                if matches!(label.as_str(), "headline" | "title")
                    && blocks.get(next).is_some_and(|b| one_line(&b.text) == value)
                {
                    return true;
                }
                at = next;
            }
            None => return false,
        }
    }
}

/// "ARTICLE TEXT BELOW THIS LINE", "Article:": the form ends, the piece follows.
fn closes_form(b: &Block) -> bool {
    // "——— ARTICLE TEXT BELOW THIS LINE ———": the rule around it is no part of it.
    // "[Please paste the full text of your article below this line.]", "(Paste below. Use
    // Heading 2 for subheadings.)": nor the brackets. "3. Article text": nor the part's number.
    let text = b
        .text
        .trim()
        .trim_matches(|c: char| "-–—=*_~ []()".contains(c));
    let text = PART_NUMBER.replace(text, "");
    // "Your article (max 900 words):": the form's hint in brackets is no part of the mark.
    let text = HINT_BEFORE_COLON.replace(&text, ":");
    let text = text.as_ref();
    TEXT_BELOW.is_match(text)
        || (text.ends_with(':') && furniture::is_copy_mark(text))
        || names_the_copy(b.text.trim())
}

/// "Your piece (paste text here)", "Your article (max 900 words)", "Article text": a form's label
/// alone naming the copy it asks for.
fn names_the_copy(label: &str) -> bool {
    label_alone(label)
        && label.chars().next().is_some_and(char::is_uppercase)
        && matches!(
            field_named(label).as_str(),
            "piece"
                | "article"
                | "text"
                | "copy"
                | "body"
                | "essay"
                | "op-ed"
                | "article text"
                | "piece text"
                | "full text"
                | "main text"
                | "text of the piece"
        )
}

/// " (max 900 words):": a form's hint in brackets after its label, before the colon.
static HINT_BEFORE_COLON: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"\s*\([^()]{1,40}\)\s*:$"));

/// "3. ", "B. ": a form numbers its parts or letters them, the same mark either way.
static PART_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^(?:\d{1,2}|[A-H])\\?[.)]\s+"));

/// "1. About the authors", "2. About the piece", "A. About you and your piece": a heading
/// numbering a form's part.
fn part_heading(b: &Block) -> bool {
    let text = b.text.trim();
    (matches!(b.kind, BlockKind::Heading(_))
        && PART_NUMBER.is_match(text)
        && text.split_whitespace().count() <= 6)
        || framed_part(text)
}

/// "== Contributor details ==", "-- Article --": a form's part named between rules, as a form
/// exported to plain text sets its headings.
fn framed_part(text: &str) -> bool {
    ["==", "--", "**", "##", "~~"]
        .iter()
        .any(|rule| text.len() > 2 * rule.len() && text.starts_with(rule) && text.ends_with(rule))
        && text.chars().any(char::is_alphabetic)
        && text.split_whitespace().count() <= 8
}

/// A header cell of a table of writers: "Name (as it should appear)", "E-mail", "Affiliation",
/// "Short bio (max. 40 words)".
static WRITER_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:full\s+)?names?|e-?mail(?:\s+address)?|affiliations?|organi[sz]ations?|institutions?|(?:short\s+)?(?:bios?|biography))(?:\s*\([^()]{0,40}\))?\s*:?$",
    )
});

/// A table of writers at `at`: three or more header cells, then each writer's cells, a writer's
/// name opening their row (an empty cell may be missing, so each cell is read by what it holds:
/// an address, a bio naming the writer, else the affiliation). The fields as a form's numbered
/// writers, and where the table ends (the form's next part).
fn writers_table(blocks: &[&Block], at: usize) -> Option<(Vec<(String, String)>, usize)> {
    let header = blocks
        .get(at..)?
        .iter()
        .take_while(|b| WRITER_HEADER.is_match(b.text.trim()))
        .count();
    if header < 3 {
        return None;
    }
    let mut fields = Vec::new();
    let mut n = 0;
    let mut name = String::new();
    let mut in_row = 0;
    let mut i = at + header;
    while let Some(b) = blocks.get(i) {
        let text = b.text.trim();
        if part_heading(b) || closes_form(b) || patterns::labelled(text).is_some() {
            break;
        }
        in_row += 1;
        // A row lacks one empty cell at most: a name-like cell before that is the row's own
        // ("Osservatorio Lavoro Sud" after a name and an address).
        let row_done = n == 0 || in_row > header - 1;
        if row_done
            && !text.contains('@')
            && text.split_whitespace().count() <= 5
            && patterns::is_person(text)
        {
            in_row = 1;
            n += 1;
            name = patterns::tidy_name(text);
            fields.push((format!("writer {n} name"), name.clone()));
        } else if n == 0 {
            return None;
        } else if text.contains('@') {
            fields.push((format!("writer {n} email"), text.to_string()));
        } else if text.starts_with(name.as_str()) || text.split_whitespace().count() > 10 {
            fields.push((format!("writer {n} bio"), text.to_string()));
        } else {
            fields.push((format!("writer {n} affiliation"), text.to_string()));
        }
        i += 1;
    }
    (n > 0).then_some((fields, i))
}

/// "ARTICLE TEXT", "ARTICLE TEXT BELOW THIS LINE", "ARTICLE TEXT (paste below this line)", "Text
/// of the piece (paste below this line)", "Paste your article
/// below", "Please paste the full text of your article below this line. Do not repeat your bio.":
/// a form's last line above the piece.
static TEXT_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:article|text|copy|body|piece|story)(?:\s+text|\s+of\s+(?:(?:the|your)\s+)?(?:piece|article))?(?:\s+\(?(?:(?:paste|type|write)\s+)?(?:below|follows)(?:\s+this\s+line)?\)?)?|(?:please\s+)?(?:paste|type|write|insert)\s+(?:(?:[\w’']+\s+){0,6}?(?:article|text|piece|copy)\s+)?(?:below|here)(?:\s+this\s+line)?(?:[.:]\s+[^.]{0,80})?)\s*[:.]?$",
    )
});

/// The desk's instructions for filling in a form: "Please complete every field. Standfirst max.
/// 35 words".
fn is_instruction(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.split_whitespace().count() <= 40
        && ["please", "complete", "fill in", "fill out", "max."]
            .iter()
            .any(|w| lower.contains(w))
        && patterns::labelled(text).is_none()
}

/// "THE CIVIC LEDGER – CONTRIBUTOR SUBMISSION": a form's own title, in capitals or naming itself;
/// or a template's title with the desk's instructions for filling it in ("Please fill in the
/// fields below and paste your article between the markers.").
fn form_title(text: &str) -> bool {
    // "Submit a letter or opinion piece" over the form's own lines ("Form submission received:
    // DATE", "Form ID: …"), as a website's form sends it, run together: the title is what stands
    // before them, whatever its words, the lines naming it a form.
    if let Some(m) = FORM_OWN_LINE.find(text)
        && m.start() > 0
    {
        return text[..m.start()].split_whitespace().count() <= 12;
    }
    let lower = text.to_lowercase();
    let words = text.split_whitespace().count();
    // "form" as a word: a "Platform workers piece" is no form.
    let names_itself = ["submission", "contributor", "template"]
        .iter()
        .any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "form" | "forms"));
    let instructions = ["fill in", "fill out", "complete the", "paste your"]
        .iter()
        .any(|w| lower.contains(w));
    (words <= 12 && (names_itself || !text.chars().any(char::is_lowercase)))
        || (words <= 50 && names_itself && instructions)
}

/// "Form submission received: 27/01/2026 21:47", "Form ID: opinion-submission-v2": a web form's
/// own lines under its title, as the site sends it on.
static FORM_OWN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\s(?i:form\s+(?:submission\s+(?:received|date|id)|submitted|received|id|ref(?:erence)?|name|version)|submission\s+(?:received|id|ref(?:erence)?))\s*:|\s(?i:(?:form\s+)?(?:response|entry|submission))\s*(?:#|no\.?\s*)\s*\d+\b",
    )
});

/// "author 1 – name", "writer 2: e-mail", "contributor 3 affiliation": a writer's number, then
/// what the row holds of them.
static NUMBERED_WRITER: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?:co-?)?(?:author|writer|contributor)\s*(?:no\.?\s*)?(?P<n>[1-9])\s*[–—:\-]?\s*(?P<what>\S.*)$",
    )
});

/// Writers given a row each for their name, address, affiliation and bio ("Author 1 – name",
/// "Author 1 – e-mail", …, "Author 2 – name"): in the form's order, those with a name.
fn numbered_writers(fields: &[(String, String)]) -> Vec<MetaAuthor> {
    let mut writers: Vec<MetaAuthor> = Vec::new();
    for (label, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        let mut words = label.split_whitespace();
        let (Some("writer"), Some(n), Some(field)) = (words.next(), words.next(), words.next())
        else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else {
            continue;
        };
        if writers.len() < n {
            writers.resize_with(n, MetaAuthor::default);
        }
        let w = &mut writers[n - 1];
        match field {
            "name" => w.name = patterns::tidy_name(value),
            "email" => w.email = find_emails(value).into_iter().next(),
            "affiliation" => w.affiliation = Some(value.clone()),
            "bio" => w.bio = Some(value.clone()),
            _ => {}
        }
    }
    writers.retain(|w| !w.name.is_empty());
    writers
}

pub(super) fn fill_from_form(meta: &mut Meta, fields: &[(String, String)]) {
    let writers = numbered_writers(fields);
    if !writers.is_empty() {
        meta.authors = writers;
    }
    // "Short summary (max 2 sentences):" left empty: the writer gave the piece no standfirst,
    // so none is looked for in the copy.
    if meta.standfirst.is_none()
        && fields
            .iter()
            .any(|(label, value)| value.is_empty() && is_standfirst_field(label))
        && !fields
            .iter()
            .any(|(label, value)| !value.is_empty() && is_standfirst_field(label))
    {
        meta.standfirst = Some(String::new());
    }
    // "Short summary (max 2 sentences):" left empty: the writer gave the piece no standfirst,
    // so none is looked for in the copy.
    if meta.standfirst.is_none()
        && fields
            .iter()
            .any(|(label, value)| value.is_empty() && is_standfirst_field(label))
        && !fields
            .iter()
            .any(|(label, value)| !value.is_empty() && is_standfirst_field(label))
    {
        meta.standfirst = Some(String::new());
    }
    for (label, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        match label.as_str() {
            "headline" | "hed" | "title" => meta.title = Some(value.clone()),
            label if is_standfirst_field(label) => meta.standfirst = Some(value.clone()),
            "byline" | "by" | "author" | "authors" | "writer" | "writers" | "reporter" => {
                // "Mihaela Popescu-Ionescu; Bence Farkas": a semicolon parts people.
                // "BYLINE: By NAME" says "By" once.
                let names = value
                    .strip_prefix("By ")
                    .or_else(|| value.strip_prefix("by "))
                    .or_else(|| value.strip_prefix("BY "))
                    .unwrap_or(value);
                let line = format!("By {}", names.replace(';', " and "));
                if let Some((named, email)) = patterns::byline(&line) {
                    meta.authors = named
                        .into_iter()
                        .map(|n| MetaAuthor {
                            name: n.name,
                            affiliation: n.affiliation,
                            ..MetaAuthor::default()
                        })
                        .collect();
                    if let [only] = meta.authors.as_mut_slice() {
                        only.email = email;
                    }
                }
            }
            "affiliation" | "affiliations" | "organisation" | "organization" | "institution" => {
                affiliations(meta, value);
            }
            "section" | "category" => meta.section = Some(value.clone()),
            "tags" | "keywords" => {
                meta.tags = value
                    .split([',', ';'])
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            "email" | "e-mail" | "emails" | "e-mails" | "contact" => {
                let emails = find_emails(value);
                if let ([only], [email]) = (meta.authors.as_mut_slice(), emails.as_slice()) {
                    only.email = Some(email.clone());
                    continue;
                }
                let spelt_by_none = emails.len() == 1
                    && !meta
                        .authors
                        .iter()
                        .any(|a| cover::email_spells(&a.name, &emails[0]));
                for email in emails {
                    if let Some(a) = meta
                        .authors
                        .iter_mut()
                        .find(|a| a.email.is_none() && cover::email_spells(&a.name, &email))
                    {
                        a.email = Some(email);
                    } else if spelt_by_none
                        && let Some(first) = meta.authors.first_mut()
                        && first.email.is_none()
                    {
                        // One address for several writers, spelling none of their surnames
                        // ("gwen@…" for Gwen and Aled Tallis): the first writer's, the one filling
                        // in the form, as a lone organisation is.
                        first.email = Some(email);
                    }
                }
            }
            "bio" | "bios" | "biography" | "biographies" => bios(meta, value),
            _ => {}
        }
    }
    co_authors(meta, fields);
}

/// The writers a form names in its co-author fields ("Co-author name(s): A; B", "Co-author
/// email(s): …", "Co-author affiliation(s): …"), after the writer it names first, each with the
/// address and affiliation given in the same place among theirs.
fn co_authors(meta: &mut Meta, fields: &[(String, String)]) {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(label, v)| label == &format!("co-author {name}") && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    // "Co-author(s): Tobias Mbeki-Hart (t.mbeki-hart@example.org), University of Wessex": each
    // co-writer on one line, the address in brackets and the organisation after the comma.
    if field("name").is_none()
        && let Some((_, value)) = fields.iter().find(|(label, v)| {
            matches!(label.as_str(), "co-author" | "co-authors") && !v.is_empty()
        })
    {
        for entry in value.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            let email = find_emails(entry).into_iter().next();
            let without = crate::import::contact::without_emails(entry).replace("()", "");
            let (name, org) = without
                .split_once(',')
                .map_or((without.as_str(), ""), |(n, o)| (n, o));
            let name = patterns::tidy_name(name.trim());
            if name.is_empty()
                || !patterns::is_lone_name(&name)
                || meta.authors.iter().any(|a| a.name == name)
            {
                continue;
            }
            let org = one_line(org);
            meta.authors.push(MetaAuthor {
                name,
                email,
                affiliation: (!org.is_empty()).then_some(org),
                ..MetaAuthor::default()
            });
        }
        return;
    }
    let Some(names) = field("name") else {
        return;
    };
    let split = |value: &str| -> Vec<String> {
        value
            .split([';', '|'])
            .map(one_line)
            .filter(|v| !v.is_empty())
            .collect()
    };
    let names = split(&names.replace(" and ", ";"));
    let emails = field("email").map(find_emails).unwrap_or_default();
    let affiliations = field("affiliation").map(split).unwrap_or_default();
    for (i, name) in names.iter().enumerate() {
        let name = patterns::tidy_name(name);
        if name.is_empty() || meta.authors.iter().any(|a| a.name == name) {
            continue;
        }
        meta.authors.push(MetaAuthor {
            name,
            email: emails.get(i).cloned(),
            affiliation: affiliations.get(i).cloned(),
            ..MetaAuthor::default()
        });
    }
}

/// One writer's bio, or each writer's where their name opens it ("A is … B teaches …").
fn bios(meta: &mut Meta, value: &str) {
    if let [only] = meta.authors.as_mut_slice() {
        only.bio = Some(value.to_string());
        return;
    }
    let starts: Vec<(usize, usize)> = meta
        .authors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| value.find(&a.name).map(|at| (at, i)))
        .collect();
    for &(at, i) in &starts {
        let end = starts
            .iter()
            .map(|&(s, _)| s)
            .filter(|&s| s > at)
            .min()
            .unwrap_or(value.len());
        // "A is … | B is …": a bar may part one writer's bio from the next.
        let bio = value[at..end]
            .trim()
            .trim_end_matches(['|', ';'])
            .trim_end();
        meta.authors[i].bio = Some(bio.to_string());
    }
}

/// "Bavarian Institute …, Munich (Hoffmann)": a part marked with its writer's name.
fn marked_for(part: &str, authors: &[MetaAuthor]) -> Option<(usize, String)> {
    let (org, mark) = part.trim().strip_suffix(')')?.rsplit_once('(')?;
    let mark = crate::text::fold(mark.trim());
    let i = authors.iter().position(|a| {
        crate::text::fold(&a.name)
            .split_whitespace()
            .any(|w| w == mark)
    })?;
    Some((i, org.trim().to_string()))
}

/// "Babeș Centre for Minority Studies (both)", or one a person separated by semicolons.
fn affiliations(meta: &mut Meta, value: &str) {
    let shared = value
        .trim_end_matches(|c: char| c == ')' || c.is_whitespace())
        .rsplit_once('(')
        .filter(|(_, note)| {
            matches!(
                note.trim().to_lowercase().as_str(),
                "both" | "all" | "for both" | "for all"
            )
        })
        .map(|(org, _)| org.trim().to_string());
    let parts: Vec<String> = value.split(';').map(one_line).collect();
    let marked: Vec<(usize, String)> = parts
        .iter()
        .filter_map(|p| marked_for(p, &meta.authors))
        .collect();
    if !marked.is_empty() {
        for (i, org) in marked {
            meta.authors[i].affiliation.get_or_insert(org);
        }
        return;
    }
    for (i, a) in meta.authors.iter_mut().enumerate() {
        if a.affiliation.is_some() {
            continue;
        }
        // One organisation, not said to be everyone's, is the first writer's: the one filling
        // in the form. A co-writer's bio says where they work.
        a.affiliation = match (&shared, parts.len()) {
            (Some(org), _) => Some(org.clone()),
            (None, 1) if i > 0 => None,
            (None, _) => parts.get(i).cloned(),
        };
    }
}
