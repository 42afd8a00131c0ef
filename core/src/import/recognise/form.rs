//! A submission form: "TITLE: …", "STANDFIRST: …", "AUTHOR(S): A; B", "E-MAIL: …", "SECTION:
//! …" at the top of the copy, on one line or a paragraph each, under a form's own title, down to
//! a "TEXT:" label above the piece.

use std::sync::LazyLock;

use regex::Regex;

use super::{cover, patterns};
use crate::import::contact::find_emails;
use crate::import::{Block, Meta, MetaAuthor};
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
    let titled = blocks.first().is_some_and(|b| form_title(&b.text))
        && blocks
            .get(1 + instructions)
            .is_some_and(|b| patterns::labelled(&b.text).is_some());
    let mut at = if titled { 1 + instructions } else { 0 };
    let mut fields = Vec::new();
    while let Some(found) = blocks.get(at).and_then(|b| patterns::labelled(&b.text)) {
        // "TEXT:" alone: the piece follows.
        let text_follows = found
            .iter()
            .any(|(label, value)| matches!(label.as_str(), "text" | "body") && value.is_empty());
        fields.extend(found);
        at += 1;
        if text_follows {
            break;
        }
    }
    // "ARTICLE TEXT BELOW THIS LINE": the piece follows.
    if !fields.is_empty()
        && blocks
            .get(at)
            .is_some_and(|b| TEXT_BELOW.is_match(b.text.trim()))
    {
        at += 1;
    }
    // "Title: …" alone above the copy labels the headline.
    let a_title = matches!(fields.as_slice(), [(label, value)]
        if matches!(label.as_str(), "title" | "headline" | "hed") && !value.is_empty());
    (fields.len() >= 2 || a_title).then_some((fields, at))
}

/// "ARTICLE TEXT BELOW THIS LINE", "Paste your article below": a form's last line above the piece.
static TEXT_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:article|text|copy|body|piece|story)(?:\s+text)?\s+(?:below|follows)(?:\s+this\s+line)?|(?:paste|type|write)\s+(?:your\s+)?(?:article|text|piece|copy)\s+(?:below|here))\s*[:.]?$",
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
    let lower = text.to_lowercase();
    let words = text.split_whitespace().count();
    let names_itself = ["submission", "form", "contributor", "template"]
        .iter()
        .any(|w| lower.contains(w));
    let instructions = ["fill in", "fill out", "complete the", "paste your"]
        .iter()
        .any(|w| lower.contains(w));
    (words <= 12 && (names_itself || !text.chars().any(char::is_lowercase)))
        || (words <= 50 && names_itself && instructions)
}

pub(super) fn fill_from_form(meta: &mut Meta, fields: &[(String, String)]) {
    for (label, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        match label.as_str() {
            "headline" | "hed" | "title" => meta.title = Some(value.clone()),
            "standfirst" | "subtitle" | "subheading" | "dek" | "deck" | "summary" => {
                meta.standfirst = Some(value.clone());
            }
            "byline" | "author" | "authors" => {
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
            "affiliation" | "affiliations" => affiliations(meta, value),
            "section" | "category" => meta.section = Some(value.clone()),
            "tags" | "keywords" => {
                meta.tags = value
                    .split([',', ';'])
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            "email" | "e-mail" | "emails" | "e-mails" => {
                let emails = find_emails(value);
                if let ([only], [email]) = (meta.authors.as_mut_slice(), emails.as_slice()) {
                    only.email = Some(email.clone());
                    continue;
                }
                for email in emails {
                    if let Some(a) = meta
                        .authors
                        .iter_mut()
                        .find(|a| a.email.is_none() && cover::email_spells(&a.name, &email))
                    {
                        a.email = Some(email);
                    }
                }
            }
            "bio" | "biography" => {
                if let [only] = meta.authors.as_mut_slice() {
                    only.bio = Some(value.clone());
                }
            }
            _ => {}
        }
    }
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
    for (i, a) in meta.authors.iter_mut().enumerate() {
        if a.affiliation.is_some() {
            continue;
        }
        a.affiliation = match (&shared, parts.len()) {
            (Some(org), _) => Some(org.clone()),
            (None, 1) => Some(parts[0].clone()),
            (None, _) => parts.get(i).cloned(),
        };
    }
}
