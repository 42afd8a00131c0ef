//! Bylines: "By A, B and C", "NAME | City", "A (Institution) and B (Institution)", names ended
//! by what a page runs into them (a date, a reading time, "Guest contributor").

use super::*;

/// A byline line: the authors in order with any affiliation after their names, and an address.
/// "By Jane Roe and John Doe", "BY: Dr. Stefan Ilić, University of Niš, and Ana Kostova",
/// "By Henrike Baumann, Senior Fellow, Carnegie Europe | 14 March 2025".
pub(in crate::import::recognise) fn byline(text: &str) -> Option<(Vec<Named>, Option<String>)> {
    if text.chars().count() > 250 {
        return None;
    }
    let rest = BYLINE_START.captures(text.trim())?.name("rest")?.as_str();
    if let Some(named) = names_with_bracketed_affiliations(rest) {
        return Some((named, find_email(rest)));
    }
    let email = find_email(rest);
    let rest = crate::import::contact::without_emails(rest);
    let rest = rest.replace("()", "");
    // "NAME Guest contributor 06:00, 9 April", "NAME Estimated reading time: 5 minutes": the
    // page's label for the writer, or its post metadata, ends the name.
    let rest = WRITER_LABEL.replace(&rest, " | ");
    let rest = META_AFTER_NAME.replace_all(&rest, " | ");
    // "Helen Roe MP and Cllr Owen Doe": letters after a name are no part of it.
    let rest = POST_NOMINAL.replace_all(&rest, "");
    // What follows a bar, a bullet, a dash or a bracket is a date, a place or a title; so is a
    // page's "Posted on …", even glued to the name.
    let cut = [
        rest.find(['|', '·', '•', '(', '—', '–']),
        rest.find(" - "),
        POSTED.find(&rest).map(|m| m.start()),
        // A name has no digits: "João Carvalho 20 Jan 2025" is a name and a date; "Arben
        // Krasniqi Mar 21, 2024" too, the month included.
        rest.find(|c: char| c.is_ascii_digit()),
        MONTH_DAY.find(&rest).map(|m| m.start()),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(rest.len());
    let (names_part, trailing) = rest.split_at(cut);
    let names_part = PLACE.replace(names_part.trim(), "");
    let mut parts = Vec::new();
    let mut joined = false;
    let mut last = 0;
    // Whether the last part follows a comma: "By A and B, Education Reporters".
    let mut comma_before_last = false;
    for sep in NAME_SEPARATOR.find_iter(&names_part) {
        parts.push(&names_part[last..sep.start()]);
        comma_before_last = sep.as_str().trim() == ",";
        joined |= !comma_before_last;
        last = sep.end();
    }
    parts.push(&names_part[last..]);
    // "Ewa Malinowska, Rui Fonseca": a list of people, even without "and"; not a name, a job
    // title and an employer.
    let plain_name = |p: &str| {
        is_person(p)
            && !p
                .split_whitespace()
                .any(|w| is_role_word(w) || is_institution_word(w))
    };
    joined |= parts.len() > 1 && parts.iter().all(|p| plain_name(p.trim()));
    let mut authors: Vec<Named> = Vec::new();
    for (i, part) in parts.iter().map(|p| p.trim()).enumerate() {
        // "By A and B, Education Reporters": a job title after the names, shared by them, is no
        // third writer; "By Anna Berg and Tom Fellows" names two.
        let shared_title =
            i > 0 && i + 1 == parts.len() && joined && comma_before_last && is_shared_title(part);
        if part.is_empty() || shared_title {
            continue;
        }
        if i > 0 && joined && is_person(part) {
            authors.push(Named {
                name: tidy_name(part),
                affiliation: None,
            });
        } else if let Some(a) = authors.last_mut() {
            // "By Jane Roe, Carnegie Europe": without "and", what follows a comma is hers.
            let aff = a.affiliation.get_or_insert_with(String::new);
            if !aff.is_empty() {
                aff.push_str(", ");
            }
            aff.push_str(part);
        } else if is_person(part) {
            authors.push(Named {
                name: tidy_name(part),
                affiliation: None,
            });
        } else if let Some((name, role)) = name_and_role(part) {
            // "Nomvula Dlamini Senior Researcher": a name, then her job title.
            authors.push(Named {
                name,
                affiliation: Some(role),
            });
        } else {
            return None;
        }
    }
    if let [only] = authors.as_mut_slice()
        && only.affiliation.is_none()
    {
        only.affiliation = trailing
            .split(['|', '·', '•', '(', ')', '—', '–'])
            .map(|p| p.trim().trim_start_matches("- ").trim())
            .find(|p| !p.is_empty() && !DATE_OR_READ_TIME.is_match(p) && !p.contains('@'))
            .map(str::to_string);
    }
    for a in &mut authors {
        // "Jane Roe | Brussels", "Kristjan Tamm, Tallinn": a dateline's place, not an employer;
        // nor is a telephone number or an address; nor a job title ("Senior Fellow, Carnegie
        // Europe" is Carnegie Europe).
        a.affiliation = a
            .affiliation
            .take()
            .and_then(|aff| without_job_titles(&aff))
            .filter(|aff| {
                !(is_place(aff) || has_contact(aff) || !aff.chars().any(char::is_alphabetic))
            });
    }
    (!authors.is_empty()).then_some((authors, email))
}

/// "Education Reporters", "Senior Fellows": a job title in the plural, as it follows the names of
/// the writers who share it, its last word a job's.
fn is_shared_title(part: &str) -> bool {
    part.split_whitespace()
        .last()
        .and_then(|w| w.strip_suffix('s'))
        .is_some_and(is_role_word)
}

/// "MP", "MSP", "MEP", "OBE", "KC": the letters a member of a parliament or an honour puts
/// after a name, in capitals.
static POST_NOMINAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s+(?:MP|MSP|MS|MEP|MLA|MHK|TD|AM|OBE|MBE|CBE|KC|QC)\b"));

/// "Guest contributor", "Staff writer": how a page labels its writer, after the name.
static WRITER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s+(?i:(?:guest|staff|contributing|regular|freelance)\s+(?:contributor|columnist|writer|author|correspondent|blogger))\b",
    )
});

/// Post metadata run into a byline: "Reading time: 6 min", "Estimated reading time", "5 min read";
/// and the page's actions on the piece set on the byline's line ("Download PDF (312 KB)",
/// "Print", "Send to a friend", "Cite this"), which end the names as a date does.
static META_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s+(?i:(?:estimated\s+|est\.\s+)?reading\s+time\b|\d+\s*min(?:ute)?s?\s+read\b|download\s+(?:the\s+)?(?:pdf|full\s+text|report)\b|print(?:\s+this)?(?:\s+(?:page|article))?\s*(?:[|·•]|$)|send\s+to\s+a\s+friend\b|e-?mail\s+this\b|cite\s+this\b|share\s+this\b)",
    )
});

/// "Tobias Keller (Vienna Institute for Applied Economics) and Marta Nowak (Kraków School of
/// Economics and Finance)": each name with its affiliation in brackets after it.
static NAME_AND_BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<name>{})\s*\((?P<aff>[^()]{{2,120}})\)",
        name_pattern()
    ))
});

fn names_with_bracketed_affiliations(rest: &str) -> Option<Vec<Named>> {
    let rest = rest.trim();
    let mut named = Vec::new();
    let mut at = 0;
    for caps in NAME_AND_BRACKETED.captures_iter(rest) {
        let whole = caps.get(0)?;
        // Between two names only a separator: "and", "&", a comma.
        let between = rest[at..whole.start()].trim();
        let separator = between.is_empty() && at == 0
            || NAME_SEPARATOR
                .find(&rest[at..whole.start()])
                .is_some_and(|m| m.start() == 0 && m.end() == rest[at..whole.start()].len());
        if !separator {
            return None;
        }
        let name = caps.name("name")?.as_str();
        if !is_person(name) {
            return None;
        }
        let aff = one_line(caps.name("aff")?.as_str());
        let aff = Some(aff)
            .filter(|a| !(is_place(a) || has_contact(a) || a.chars().any(|c| c.is_ascii_digit())));
        named.push(Named {
            name: tidy_name(name),
            affiliation: aff.and_then(|a| without_job_titles(&a)),
        });
        at = whole.end();
    }
    (named.len() >= 2 && rest[at..].trim().is_empty()).then_some(named)
}

/// A byline without "By": a short line of names alone ("Lars Eriksson & Annika Holm",
/// "Matthias Schäfer | Brussels"), as it stands under a headline.
pub(in crate::import::recognise) fn bare_byline(
    text: &str,
) -> Option<(Vec<Named>, Option<String>)> {
    let text = text.trim();
    if text.split_whitespace().count() > 14 || text.ends_with(['.', '?', '!', ':']) {
        return None;
    }
    let text = &*META_AFTER_NAME.replace_all(text, " | ");
    // A name has no digits: "Zuzana Kollárová 7 min read" is a name and a reading time.
    let first = text
        .split(['|', ',', '·', '•', '—', '–', '('])
        .next()?
        .split(|c: char| c.is_ascii_digit())
        .next()?
        .trim();
    let names = split_names(first);
    let people = !names.is_empty()
        && NAME_SEPARATOR
            .split(first)
            .all(|part| is_person(part.trim()) || name_and_role(part.trim()).is_some());
    if !people {
        return None;
    }
    byline(&format!("By {text}"))
}

/// "Henrik Aalto Henrik Aalto is a retired civil engineer …": an author card's name run into the
/// bio under it, perhaps with the card's job title between ("Samuel Adeyemi-Clarke Research
/// Associate, Global Governance Programme Samuel Adeyemi-Clarke researches …"); the bio alone
/// (the text unchanged when it is no such card).
pub(in crate::import::recognise) fn card_bio<'a>(text: &'a str, known: &[String]) -> &'a str {
    let words: Vec<&str> = text.split_whitespace().collect();
    for name in known {
        let n = name.split_whitespace().count();
        let same =
            |from: usize| words.len() > from + n && fold(&words[from..from + n].join(" ")) == *name;
        if n == 0 || !same(0) {
            continue;
        }
        // A title is a few words and no sentence.
        let second = (n..=n + CARD_TITLE_WORDS)
            .take_while(|&at| {
                at < words.len() && (at == n || !words[at - 1].ends_with(['.', '!', '?']))
            })
            .find(|&at| same(at));
        if let Some(at) = second {
            // Where the second naming starts in the text.
            let mut rest = text.trim_start();
            for _ in 0..at {
                rest = rest
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r)
                    .trim_start();
            }
            return rest;
        }
    }
    text
}

/// The most words an author card's job title runs to between the name and the bio.
const CARD_TITLE_WORDS: usize = 10;
