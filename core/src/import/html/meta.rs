//! The page's own account of itself: `<title>`, `<meta>` and `og:` tags, author links and bylines.

use std::collections::HashSet;

use markup5ever_rcdom::Handle;

use super::dom::{attr, children, class_words, find, find_all, is, name, parent, text_content};
use super::furniture::furniture;
use crate::import::{Meta, MetaAuthor};
use crate::text::one_line;

/// The page's own account of itself: title, description, authors, section and tags; and whether
/// its tags are only the keywords it declares for search engines (or none), not tags it shows.
pub(super) fn read_meta(head: Option<&Handle>, body: &Handle) -> (Meta, bool) {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut title_tag = None;
    if let Some(head) = head {
        for node in find_all(head, &|n| is(n, "meta") || is(n, "title")) {
            if is(&node, "title") {
                title_tag = title_tag.or(Some(text_content(&node)));
                continue;
            }
            let key = attr(&node, "property")
                .or_else(|| attr(&node, "name"))
                .map(|k| k.trim().to_lowercase());
            if let (Some(key), Some(content)) = (key, attr(&node, "content")) {
                let content = one_line(&content);
                if !content.is_empty() {
                    metas.push((key, content));
                }
            }
        }
    }
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    };
    let all = |key: &str| -> Vec<String> {
        metas
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };

    // "Headline – The Liffey Courier": the site's name after the title tag's headline is the
    // publisher when the page names none.
    let site_in_title = title_tag.as_deref().map(one_line).and_then(|t| {
        let headline = strip_site_name(&t);
        let site = t[headline.len()..]
            .trim_start_matches(|c: char| c.is_whitespace() || "|–—-:·".contains(c))
            .trim()
            .to_owned();
        (headline.len() < t.len() && (1..=6).contains(&site.split_whitespace().count()))
            .then_some(site)
    });
    let title = first(&["og:title", "twitter:title"]).or_else(|| {
        title_tag
            .map(|t| strip_site_name(&t))
            .filter(|t| !t.is_empty())
    });
    let standfirst = first(&["og:description", "description", "twitter:description"]);

    // `<meta name="author" content="A, B and C">` names several.
    let mut names: Vec<String> = all("author")
        .iter()
        .flat_map(|a| {
            a.split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" & "))
                .map(one_line)
                .collect::<Vec<_>>()
        })
        .collect();
    names.extend(
        all("article:author")
            .into_iter()
            .filter(|a| !a.contains("://") && !a.starts_with("www.")),
    );
    if names.is_empty() {
        names.extend(
            find_all(body, &|n| {
                is(n, "a")
                    && attr(n, "rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("author"))
                    })
            })
            .iter()
            .map(text_content),
        );
    }
    let byline = |n: &Handle| {
        furniture(n).is_none()
            && (attr(n, "itemprop").is_some_and(|v| v == "author")
                || class_words(n)
                    .iter()
                    .any(|w| w == "byline" || w == "author"))
    };
    if names.is_empty()
        && let Some(first) = find(body, &byline)
    {
        // Writers' chips side by side ("a.author-chip" once a writer): each names one, as the
        // first does; a byline element alone names them all.
        let side_by_side: Vec<Handle> = match (parent(&first), attr(&first, "class")) {
            (Some(up), Some(class)) => children(&up)
                .into_iter()
                .filter(|n| name(n) == name(&first) && attr(n, "class").as_ref() == Some(&class))
                .collect(),
            _ => Vec::new(),
        };
        // "By <a>Radu Ionescu</a>, Policy Officer": the writers the byline links to, without the
        // job title set after them (a row of post metadata links to more than writers).
        let whole = text_content(&first);
        let just_names = !whole.contains(['·', '|']) && !whole.chars().any(|c| c.is_ascii_digit());
        let linked: Vec<String> = find_all(&first, &|n| is(n, "a"))
            .iter()
            .filter(|_| just_names)
            .map(text_content)
            .map(|t| one_line(&t))
            .filter(|t| looks_like_a_name(t))
            .collect();
        // A chip linking to its writer, a job title beside the link ("<a>NAME</a><span
        // class="role">Senior Fellow</span>"): the link names the writer.
        let chip_name = |chip: &Handle| {
            find_all(chip, &|n| is(n, "a"))
                .iter()
                .map(|a| one_line(&text_content(a)))
                .find(|t| looks_like_a_name(t))
                .unwrap_or_else(|| text_content(chip))
        };
        if side_by_side.len() > 1 {
            names.extend(side_by_side.iter().map(chip_name));
        } else if !linked.is_empty() {
            names.extend(linked);
        } else {
            names.push(text_content(&first));
        }
    }
    let mut authors: Vec<MetaAuthor> = Vec::new();
    for name in names {
        let name = strip_by(&name);
        if name.is_empty() || name.chars().count() > 100 {
            continue;
        }
        if !authors.iter().any(|a| a.name.eq_ignore_ascii_case(&name)) {
            authors.push(MetaAuthor {
                name,
                ..MetaAuthor::default()
            });
        }
    }

    let mut tags = all("article:tag");
    if tags.is_empty() {
        // Links marked `rel="tag"` (a microformat WordPress and others write) name the tags the
        // page shows;
        // `rel="category tag"` is the section.
        tags = find_all(body, &|n| {
            is(n, "a")
                && attr(n, "rel").is_some_and(|r| {
                    let r = r.to_lowercase();
                    r.split_whitespace().any(|t| t == "tag")
                        && !r.split_whitespace().any(|t| t == "category")
                })
        })
        .iter()
        .map(text_content)
        .filter(|t| !t.is_empty())
        .collect();
    }
    // The keywords written for search engines come last: they often hold more than the page's
    // own tags ("Belgium" beside the four tags shown under the post).
    let keywords_only = tags.is_empty();
    if tags.is_empty() {
        tags = first(&["keywords", "news_keywords"])
            .map(|k| {
                k.split(',')
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
    }
    let mut seen = HashSet::new();
    tags.retain(|t| seen.insert(t.to_lowercase()));

    let meta = Meta {
        title,
        standfirst,
        authors,
        section: first(&["article:section"]),
        tags,
        publisher: first(&["og:site_name"]).or(site_in_title),
    };
    (meta, keywords_only)
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(name: &str) -> String {
    let name = one_line(name);
    // "Written by NAME", "Posted by NAME": the line's label.
    let name = match name.split_once(' ') {
        Some((label, rest))
            if ["written", "posted", "words", "text"]
                .iter()
                .any(|l| label.eq_ignore_ascii_case(l))
                && rest
                    .get(..3)
                    .is_some_and(|by| by.eq_ignore_ascii_case("by ")) =>
        {
            rest.to_owned()
        }
        _ => name,
    };
    let name = match name.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => name[3..].trim().to_owned(),
        _ => name,
    };
    // "NAME | 12.03.2025. 08:15 | Print | Send to a friend": a byline's line goes on past the
    // name to the date and the page's actions; a name has no bar in it.
    let name = name
        .split(['|', '·', '•'])
        .next()
        .unwrap_or_default()
        .to_owned();
    // A theme's separator before the date that follows: "By Arben Krasniqi -".
    name.trim_end_matches(|c: char| c.is_whitespace() || "-–—|·•,/".contains(c))
        .to_owned()
}

/// "Headline | Site name" → "Headline" (also " – ", " — ", " - ", " :: ", " · "): the last
/// part is dropped when it is shorter than what comes before it.
fn strip_site_name(title: &str) -> String {
    let title = one_line(title);
    let cut = [" | ", " – ", " — ", " - ", " :: ", " · "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|(at, _)| *at);
    match cut {
        Some((at, len)) if title[at + len..].chars().count() < title[..at].chars().count() => {
            title[..at].trim().to_owned()
        }
        _ => title,
    }
}

/// "Radu Ionescu", "Anne-Marie de Vries": two to five words, the first and last capitalised.
fn looks_like_a_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=5).contains(&words.len())
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && !text.chars().any(|c| c.is_ascii_digit() || c == '@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_element_gives_the_name_without_its_label_date_or_actions() {
        assert_eq!(
            strip_by(
                "Written by Ivana Matić \u{a0}|\u{a0} 12.03.2025. 08:15 | Print | Send to a friend"
            ),
            "Ivana Matić"
        );
        assert_eq!(strip_by("By Arben Krasniqi -"), "Arben Krasniqi");
        assert_eq!(strip_by("Jane Roe"), "Jane Roe");
    }
}
