//! Contact lines and whose they are: an address that spells a writer's name, a line labelled for
//! the press or for the authors.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns;
use crate::import::contact;
use crate::text::fold;

fn re(pattern: &str) -> Regex {
    patterns::re(pattern)
}

/// Whether an address is this person's own: its local part spells a surname of theirs
/// ("h.marcanova@…" is Helena Marčanová's; a press officer's is not hers).
pub(in crate::import::recognise) fn email_spells(name: &str, email: &str) -> bool {
    let local = fold(email.split('@').next().unwrap_or(""));
    // German letters are written out in addresses: "h.baumgaertner@…" is Henrike Baumgärtner's.
    let written_out: String = name
        .chars()
        .flat_map(|c| match c {
            'ä' | 'Ä' => vec!['a', 'e'],
            'ö' | 'Ö' => vec!['o', 'e'],
            'ü' | 'Ü' => vec!['u', 'e'],
            'ß' => vec!['s', 's'],
            c => vec![c],
        })
        .collect();
    // Any of the surnames, or part of a double one: "t.ortega@…" is Tomás Ortega Ruiz's,
    // "mihaela.popescu@…" is Mihaela Popescu-Ionescu's.
    let surname = [fold(name), fold(&written_out)].iter().any(|name| {
        name.split_whitespace()
            .skip(1)
            .flat_map(|surname| surname.split('-'))
            .any(|surname| surname.len() >= 3 && local.contains(surname))
    });
    // The first name and a double surname's initials: "gareth.lp@…" is Gareth Lloyd-Pryce's.
    let folded = fold(name);
    let mut words = folded.split_whitespace();
    let first = words.next().unwrap_or("");
    let initials: String = words
        .flat_map(|w| w.split('-'))
        .filter_map(|part| part.chars().next())
        .collect();
    let bare: String = local.chars().filter(|c| c.is_alphanumeric()).collect();
    surname || (initials.chars().count() >= 2 && bare == format!("{first}{initials}"))
}

/// "(Tues & Thurs mornings)", "(office hours)": when a number is answered, in brackets after it.
static HOURS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\((?i:[^()]{0,40}\b(?:mornings?|afternoons?|evenings?|hours|weekdays?|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b[^()]{0,30})\)",
    )
});

/// Contact details alone, or with the name of whose they are ("Contact: Ramón Iturbe, +34 …").
pub(in crate::import::recognise) fn is_contact_line(text: &str) -> bool {
    // "Press contact: NAME, +49 …", "Contact for the authors: …": the label says whose it is.
    let text = CONTACT_LABEL
        .find(text.trim())
        .map_or(text.trim(), |m| &text.trim()[m.end()..]);
    // "… / 01632 960 155 (Tues & Thurs mornings)": when to call is no part of whose it is.
    let without_hours = HOURS.replace_all(text, "");
    contact::is_contact_line(text)
        || (contact::has_contact(text) && contact::is_contact_line(&without_hours))
        || (contact::has_contact(text)
            && text.split_whitespace().count() <= 16
            && patterns::is_person(&contact::words_besides_contacts(text)))
}

/// "Practice tel: …", "Surgery phone: …": a contact line for a place, whose addresses are the
/// place's unless they spell the writer's name.
pub(in crate::import::recognise) fn is_place_contact(text: &str) -> bool {
    PLACE_PHONE_LABEL.is_match(text.trim())
}

static PLACE_PHONE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?i:{PLACE_PHONE})\s*:")));

/// "Practice tel", "Surgery phone": a phone's label naming the place it rings.
const PLACE_PHONE: &str = r"\p{L}[\p{L}'’]*\s+(?:tel|telephone|phone|mobile|fax)\.?";

/// "Press contact: …", "Media contact: …": a contact line for the press office, not the writer.
pub(in crate::import::recognise) fn is_press_contact(text: &str) -> bool {
    CONTACT_LABEL
        .find(text.trim())
        .is_some_and(|m| PRESS.is_match(m.as_str()))
}

static PRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:press|media|communications?|permissions|rights|reprints?|syndication)\b")
});

/// "Press contact:", "Media enquiries:", "Contact for the authors:", "Any queries to Democratic
/// Services:", "Practice tel:": a contact line's label.
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:(?:press|media|communications?|authors?'?|author's)\s+(?:contacts?|enquiries|inquiries|office|team)|(?:for\s+)?(?:permissions|rights|reprints?|syndication)|contacts?\s+(?:for|to)\s+(?:the\s+)?(?:authors?|writers?|press|media)|contacts?\s+for\s+(?:queries|enquiries|inquiries|questions)|(?:any\s+)?(?:queries|enquiries|inquiries|questions)(?:\s+(?:to|for)\s+[^:]{{1,60}})?|{PLACE_PHONE})\s*:",
    ))
});
