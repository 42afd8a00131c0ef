//! An academic byline: names with affiliation markers ("Ingrid Haugland1, Rafael Soto2 and Chiara
//! Bellandi1", "Ana Ruiz¹*"), the affiliations a line each under it by their marker
//! ("1Norwegian Veterinary Research Institute, Oslo, Norway"), and a "Correspondence:" address.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{self, re};
use crate::import::contact::find_email;
use crate::import::{Block, MetaAuthor};

/// The byline is looked for among this many blocks at the top.
const WITHIN: usize = 6;

/// A name and its markers: "Haugland1", "Domínguez-Soto2,3", "Ruiz¹*".
static MARKED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<name>\p{Lu}.*?\p{Ll})\s*(?P<marks>(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]|\*|†)(?:\s*,?\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹]|\*|†))*)$",
    )
});
/// An affiliation under its marker: "1Norwegian Veterinary Research Institute, Oslo".
static MARKED_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\*?(?P<mark>\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])\s*(?P<aff>\p{Lu}.*)$"));
static CORRESPONDENCE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\*?\s*(?i:correspondence|corresponding author)\s*(?:to)?\s*:"));

/// The authors such a byline names, and which blocks (from the top) it and its lines take.
pub(super) fn numbered_byline(blocks: &[&Block]) -> Option<(Vec<MetaAuthor>, Vec<usize>)> {
    let (at, people) = blocks
        .iter()
        .take(WITHIN)
        .enumerate()
        .find_map(|(i, b)| marked_names(&b.text).map(|p| (i, p)))?;
    let mut taken = vec![at];
    let mut affiliations: HashMap<String, String> = HashMap::new();
    let mut email = None;
    for (i, b) in blocks.iter().enumerate().skip(at + 1).take(WITHIN) {
        let text = b.text.trim();
        if let Some(caps) = MARKED_LINE.captures(text) {
            let (Some(mark), Some(aff)) = (caps.name("mark"), caps.name("aff")) else {
                break;
            };
            affiliations.insert(normal_mark(mark.as_str()), institution(aff.as_str()));
        } else if CORRESPONDENCE.is_match(text) {
            email = find_email(text);
        } else {
            break;
        }
        taken.push(i);
    }
    if affiliations.is_empty() {
        return None;
    }
    let mut authors: Vec<MetaAuthor> = people
        .into_iter()
        .map(|(name, marks)| MetaAuthor {
            affiliation: marks.iter().find_map(|m| affiliations.get(m).cloned()),
            name,
            ..MetaAuthor::default()
        })
        .collect();
    if let Some(email) = email {
        let owner = authors
            .iter()
            .position(|a| super::cover::email_spells(&a.name, &email))
            .unwrap_or(0);
        authors[owner].email = Some(email);
    }
    Some((authors, taken))
}

/// "Ingrid Haugland1, Rafael Soto2 and Chiara Bellandi1": each name with its markers, the
/// markers on digits at least once.
fn marked_names(text: &str) -> Option<Vec<(String, Vec<String>)>> {
    let text = text.trim();
    if text.split_whitespace().count() > 30
        || !text
            .chars()
            .any(|c| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹".contains(c))
    {
        return None;
    }
    let parts: Vec<&str> = text
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(split_commas)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut people = Vec::new();
    for part in parts {
        let caps = MARKED_NAME.captures(part)?;
        let name = caps.name("name")?.as_str().trim();
        if !patterns::is_person(name) {
            return None;
        }
        let marks = caps
            .name("marks")?
            .as_str()
            .split(|c: char| c == ',' || c.is_whitespace())
            .flat_map(|m| {
                // "1*": a number and a star are two marks.
                let (digits, rest): (String, String) = m.chars().partition(char::is_ascii_digit);
                [digits]
                    .into_iter()
                    .chain(rest.chars().map(|c| c.to_string()))
                    .collect::<Vec<_>>()
            })
            .filter(|m| !m.is_empty())
            .map(|m| normal_mark(&m))
            .collect();
        people.push((patterns::tidy_name(name), marks));
    }
    (!people.is_empty()).then_some(people)
}

/// Commas part the names, but not the commas inside a run of markers ("Soto2,3").
fn split_commas(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c != ',' {
            continue;
        }
        // A comma is one byte.
        let next = text[i + 1..].chars().next();
        if !next.is_some_and(|n| n.is_ascii_digit()) {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// "¹" is "1".
fn normal_mark(mark: &str) -> String {
    mark.chars()
        .map(|c| match "¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
            Some(i) => char::from_digit(i as u32 + 1, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// "Norwegian Veterinary Research Institute, Oslo, Norway": the institution, without its town
/// and country.
fn institution(line: &str) -> String {
    let mut org = line.trim().trim_end_matches('.').to_string();
    loop {
        let shorter = patterns::without_trailing_place(&org);
        if shorter == org {
            return org;
        }
        org = shorter;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_markers_and_their_affiliations_under_them() {
        let blocks: Vec<Block> = [
            "Ingrid Haugland1, Rafael Domínguez-Soto2 and Chiara Bellandi1",
            "1Norwegian Veterinary Research Institute, Oslo, Norway",
            "2Instituto de Salud Global de Aragón, Zaragoza, Spain",
            "*Correspondence: ingrid.haugland@nvri.example.no",
            "Every year, drug-resistant infections kill tens of thousands of people.",
        ]
        .iter()
        .map(|t| Block::paragraph(t))
        .collect();
        let refs: Vec<&Block> = blocks.iter().collect();
        let Some((authors, taken)) = numbered_byline(&refs) else {
            panic!("no numbered byline found");
        };
        let got: Vec<(&str, Option<&str>)> = authors
            .iter()
            .map(|a| (a.name.as_str(), a.affiliation.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Ingrid Haugland",
                    Some("Norwegian Veterinary Research Institute")
                ),
                (
                    "Rafael Domínguez-Soto",
                    Some("Instituto de Salud Global de Aragón")
                ),
                (
                    "Chiara Bellandi",
                    Some("Norwegian Veterinary Research Institute")
                ),
            ]
        );
        assert_eq!(
            authors[0].email.as_deref(),
            Some("ingrid.haugland@nvri.example.no")
        );
        assert_eq!(taken, [0, 1, 2, 3]);
    }

    #[test]
    fn a_line_with_numbers_is_no_numbered_byline() {
        let blocks = [Block::paragraph(
            "Europe halved antibiotic use in 10 years and 2 months",
        )];
        let refs: Vec<&Block> = blocks.iter().collect();
        assert!(numbered_byline(&refs).is_none());
    }
}
