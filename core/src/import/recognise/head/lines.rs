//! The lines around the byline at the top of the copy: the byline itself, post metadata, a
//! contact line, the writer's institution on a line of its own.

use std::sync::LazyLock;

use regex::Regex;

use super::{Recognised, furniture, head_byline, patterns, take_byline};
use crate::import::Block;
use crate::import::contact::find_emails;
use crate::import::recognise::body::attach_email;
use crate::import::recognise::cover::is_contact_line;
use crate::text::fold;

/// Byline lines and post metadata ("Posted on 4 March 2025", an author's name alone, "and", a
/// date) at the top of what is left.
pub(super) fn take_byline_lines(rest: &mut Vec<&Block>, rec: &mut Recognised, page: &mut bool) {
    while let Some(first) = rest.first() {
        if let Some(section) = category_line(&first.text) {
            // "Categories: Society | 1 Comment | Estimated reading time: 5 minutes": a post's
            // metadata, its first category the section.
            if rec.section.is_none() {
                rec.section = Some(section);
            }
            rec.dropped.push(first.text.clone());
        } else if let Some(org) = institution_line(&first.text)
            && let Some(author) = rec.authors.last_mut()
            && author.affiliation.is_none()
        {
            // "MA Journalism, University of Eastbridge" under the writer's name.
            author.affiliation = Some(org);
            rec.dropped.push(first.text.clone());
        } else if let Some(writer) = patterns::posted_on_by(&first.text)
            && let Some((named, email)) = head_byline(&format!("By {writer}"))
            && (rec.authors.is_empty()
                || named
                    .iter()
                    .all(|n| rec.authors.iter().any(|a| fold(&a.name) == fold(&n.name))))
        {
            // "Posted on DATE by NAME · 9 min read" under the headline, no writer named above:
            // the post's author; the writers named above already, the post's row all the same.
            // "… · Categories: Environment" closing it files the piece, as a line of its own
            // does.
            if rec.section.is_none() {
                rec.section = first.text.split(['·', '|', '•']).find_map(category_line);
            }
            rec.dropped.push(first.text.clone());
            if rec.authors.is_empty() {
                take_byline(rec, named, email, page);
            }
        } else if let Some(poster) = patterns::posted_by(&first.text) {
            rec.posted_by.get_or_insert(poster);
            rec.dropped.push(first.text.clone());
        } else if let Some((named, email)) = head_byline(&first.text) {
            take_byline(rec, named, email, page);
        } else if is_contact_line(&first.text) {
            // "mobile +373 69 555 012" under the byline: the author's, not the copy.
            for email in find_emails(&first.text) {
                attach_email(rec, email);
            }
            rec.dropped.push(first.text.clone());
        } else if let Some(kind) = content_label(&first.text) {
            // "Commentary", "Summary": the page's label for the kind of piece, or for the box the
            // standfirst stands in; a kind of piece files it when nothing else does.
            if kind {
                super::file_under(rec, &first.text);
            }
            rec.dropped.push(first.text.clone());
        } else if super::super::notes_above::is_label_to_desk(&first.text) {
            // "Draft for The Meridian – Economy", "Status: final", "Words: ~670" under the
            // byline: notes to the desk, the section among their parts.
            if let Some(label) = super::kicker_in(&first.text) {
                super::file_under(rec, label);
            }
            if rec.section.is_none() {
                rec.section = super::super::notes_above::section_in_label(&first.text);
            }
            rec.dropped.push(first.text.clone());
        } else if furniture::is_post_meta(&first.text)
            || furniture::is_page_control(&first.text)
            || furniture::is_desk_note(&first.text)
            || rec
                .authors
                .iter()
                .any(|a| fold(&a.name) == fold(&first.text))
            || writers_post_line(&first.text, rec)
            || READING_TIME.is_match(first.text.trim())
        {
            rec.dropped.push(first.text.clone());
        } else {
            return;
        }
        rest.remove(0);
    }
}

/// "Categories: Society | 1 Comment", "Filed under: Energy, Climate", "Posted in Opinion": a
/// blog's categories line, and its first category.
fn category_line(text: &str) -> Option<String> {
    let caps = CATEGORY_LINE
        .captures(text.trim())
        .or_else(|| META_ROW.captures(text.trim()))?;
    let first = caps
        .name("cats")?
        .as_str()
        .split(['|', ',', '·', '•'])
        .next()?
        .trim();
    (!first.is_empty() && first.split_whitespace().count() <= 4).then(|| first.to_string())
}

static CATEGORY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:categor(?:y|ies)\s*:|filed\s+under\s*:?|posted\s+in\s*:?)\s*(?P<cats>\p{Lu}.{0,150})$",
    )
});

/// "November 8th, 2026 | Economics, Eastern Europe | 0 comments": a blog theme's row under the
/// headline, the date, the post's categories and its count of comments, parted by bars.
static META_ROW: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^[^|]{0,40}\d[^|]{0,30}\|\s*(?P<cats>\p{Lu}[^|]{0,120}?)\s*\|\s*(?i:(?:\d+|no)\s+comments?|leave\s+a\s+comment)$",
    )
});

/// "Estimated reading time: 4 minutes", "Reading time: 5 min", "6 min read": a post's reading
/// time on a line of its own.
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:estimated\s+)?reading\s+time\s*:?\s*(?:about\s+)?\d{1,3}\s*(?:minutes?|mins?)\.?|\d{1,3}\s*(?:minutes?|mins?)\s+read)$",
    )
});

/// A short line naming an institution among its comma parts ("MA Journalism, University of
/// Eastbridge", "Senior Fellow, Danube Forum"): the institution.
fn institution_line(text: &str) -> Option<String> {
    let text = text.trim();
    if text.split_whitespace().count() > 12 || text.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    // "MA Journalism", "Senior Fellow": a degree or a role before the institution; without one,
    // "Ana Ruiz, University of Vienna" is a byline, not this.
    const DEGREES: &str = "ba bsc ma msc mphil phd dphil llb llm mba mpa student candidate";
    let degree_or_role = parts.first().is_some_and(|p| {
        p.split_whitespace().any(|w| {
            patterns::is_role_word(w)
                || DEGREES
                    .split_whitespace()
                    .any(|d| d == w.to_lowercase().trim_matches('.'))
        })
    });
    if !degree_or_role && parts.iter().any(|p| patterns::is_person(p)) {
        return None;
    }
    parts
        .into_iter()
        .find(|part| {
            patterns::names_institution(part)
                && part
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        .map(patterns::without_trailing_place)
}

/// A label alone among the byline lines: `Some(true)` for a kind of piece ("Commentary",
/// "Analysis"), `Some(false)` for the heading of a summary box ("Summary", "In brief", "Key
/// points").
fn content_label(text: &str) -> Option<bool> {
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    if super::KICKERS.split_whitespace().any(|k| k == lower) {
        return Some(true);
    }
    const SUMMARY: [&str; 7] = [
        "summary",
        "executive summary",
        "in brief",
        "key points",
        "at a glance",
        "abstract",
        "in short",
    ];
    SUMMARY.contains(&lower.as_str()).then_some(false)
}

/// "NAME · Published in PUBLICATION · 7 min read · Jan 28, 2025": a post's line of metadata opening
/// with its writer's name, each other part post metadata or the publication it appeared in.
fn writers_post_line(text: &str, rec: &Recognised) -> bool {
    let parts: Vec<&str> = text
        .split(['·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let writer = |p: &str| rec.authors.iter().any(|a| fold(&a.name) == fold(p));
    parts.len() >= 3
        && parts.first().is_some_and(|p| writer(p))
        && parts[1..]
            .iter()
            .all(|p| furniture::is_post_meta(p) || PUBLISHED_IN.is_match(p))
}

/// "Published in Fact-Check East": the publication a post appeared in.
static PUBLISHED_IN: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^(?i:published in)\s+\S.{0,60}$"));
