//! The article's own parts that a content extractor leaves out, found in the page around the
//! content: its head (the headline, a section label above it, the standfirst, the byline between
//! the headline and the text), its author box and its tags. Recognition decides what each is.

use std::collections::HashMap;
use std::rc::Rc;

use markup5ever_rcdom::{Handle, Node};

use super::dom::{
    attr, children, class_words, find, find_all, is, name, parent, text_content, within_article,
};
use super::furniture::{Part, furniture};
use crate::text::fold;

/// Each node's place in document order.
pub(super) struct Order(HashMap<*const Node, usize>);

impl Order {
    pub(super) fn of(root: &Handle) -> Order {
        let mut map = HashMap::new();
        let mut stack = vec![root.clone()];
        while let Some(n) = stack.pop() {
            map.insert(Rc::as_ptr(&n), map.len());
            stack.extend(children(&n).into_iter().rev());
        }
        Order(map)
    }

    fn at(&self, node: &Handle) -> usize {
        self.0.get(&Rc::as_ptr(node)).copied().unwrap_or(usize::MAX)
    }

    /// The place of the last node inside `node` (itself when it has no children).
    pub(super) fn end(&self, node: &Handle) -> usize {
        let mut last = node.clone();
        while let Some(child) = children(&last).pop() {
            last = child;
        }
        self.at(&last)
    }
}

/// The page's headline: an `<h1>` outside navigation, menus, sidebars and footers (a site's name
/// is often an `<h1>` in its top bar), the one that reads as the page's title when one does.
pub(super) fn headline(body: &Handle, title: Option<&str>) -> Option<Handle> {
    let candidates: Vec<Handle> = find_all(body, &|n| is(n, "h1"))
        .into_iter()
        .filter(|h| {
            // Only the page's structure rules a headline out: a class that merely mentions
            // comments ("node--type-expert-comment") does not.
            let mut up = parent(h);
            while let Some(a) = up {
                let structural = matches!(name(&a), Some("nav" | "aside" | "footer" | "template"))
                    || matches!(furniture(&a), Some(Part::Menu | Part::Navigation));
                if structural {
                    return false;
                }
                up = parent(&a);
            }
            true
        })
        .collect();
    let title = title.map(fold);
    let reads_as_title = |h: &Handle| title.as_deref() == Some(fold(&text_content(h)).as_str());
    if let Some(h1) = candidates.iter().find(|h| reads_as_title(h)) {
        return Some(h1.clone());
    }
    // A blog's `<h1>` is the blog's name; the post's title is a lower heading (Blogger's
    // `<h3 class="post-title">`).
    find(body, &|n| {
        matches!(name(n), Some("h2" | "h3")) && reads_as_title(n)
    })
    .or_else(|| candidates.first().cloned())
}

/// Elements whose text is this block's text, outermost first; the extractor's paragraphs are
/// found again in the page this way.
pub(super) fn elements_reading(body: &Handle, text: &str) -> Vec<Handle> {
    let want = fold(text);
    if want.is_empty() {
        return Vec::new();
    }
    find_all(body, &|n| {
        matches!(
            name(n),
            Some(
                "p" | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "blockquote"
                    | "pre"
                    | "div"
                    | "section"
                    | "td"
                    | "dd"
                    | "figcaption"
                    | "em"
                    | "i"
                    | "strong"
                    | "b"
                    | "span"
            )
        ) && fold(&text_content(n)) == want
    })
}

/// The subtrees that lie between the end of `from` (itself included) and the start of `to`, in
/// document order: what stands between a headline and the article's first paragraph.
pub(super) fn between(from: &Handle, to: &Handle, order: &Order) -> Vec<Handle> {
    let (start, stop) = (order.at(from), order.at(to));
    if start >= stop {
        return Vec::new();
    }
    let mut out = vec![from.clone()];
    // Up from `from`: each ancestor's children after the path, while they end before `to`.
    let mut node = from.clone();
    while let Some(up) = parent(&node) {
        if order.at(&up) < start && order.end(&up) >= stop {
            // `up` holds `to` too: the children between the two paths, and down to `to`.
            let siblings = children(&up);
            let after = siblings
                .iter()
                .position(|c| Rc::ptr_eq(c, &node))
                .map_or(0, |i| i + 1);
            for c in &siblings[after..] {
                if order.end(c) < stop {
                    out.push(c.clone());
                } else {
                    down_to(c, stop, order, &mut out);
                    break;
                }
            }
            return out;
        }
        let siblings = children(&up);
        if let Some(i) = siblings.iter().position(|c| Rc::ptr_eq(c, &node)) {
            out.extend(siblings[i + 1..].iter().cloned());
        }
        node = up;
    }
    out
}

/// Into `node`, which holds the place `stop`: its children that end before it, and down again.
fn down_to(node: &Handle, stop: usize, order: &Order, out: &mut Vec<Handle>) {
    if order.at(node) >= stop {
        return;
    }
    for c in children(node) {
        if order.end(&c) < stop {
            out.push(c);
        } else {
            down_to(&c, stop, order, out);
            return;
        }
    }
}

/// A short label set just above the headline ("Commentary", "Opinion"), alone or before the date
/// on one line ("Commentary | 4 March 2025"): the section a page files the piece under.
pub(super) fn label_above(h1: &Handle) -> Option<String> {
    let mut node = h1.clone();
    for _ in 0..2 {
        let up = parent(&node)?;
        let siblings = children(&up);
        let i = siblings.iter().position(|c| Rc::ptr_eq(c, &node))?;
        if let Some(before) = siblings[..i].iter().rev().find(|c| name(c).is_some()) {
            let text = text_content(before);
            let label = match text.split_once(['|', '·', '•']) {
                Some((label, date)) if date.chars().any(|c| c.is_ascii_digit()) => label,
                _ => text.as_str(),
            };
            let label = without_list_label(label);
            let words = label.split_whitespace().count();
            // A kicker, or the primary tag a theme sets above the headline.
            let furnished =
                furniture(before).is_some_and(|p| !matches!(p, Part::Kicker | Part::Tags));
            return ((1..=3).contains(&words) && !furnished && !is(before, "nav"))
                .then(|| label.trim().to_string());
        }
        node = up;
    }
    None
}

/// "Categories Museums", "Filed under: Opinion": the section without the label its list carries
/// (often text for screen readers only, which the page does not show).
fn without_list_label(label: &str) -> &str {
    let label = label.trim();
    let lower = label.to_lowercase();
    for list_label in [
        "categories",
        "category",
        "filed under",
        "posted in",
        "section",
    ] {
        if let Some(rest) = lower.strip_prefix(list_label)
            && rest.starts_with([' ', ':'])
        {
            let rest = label
                .get(list_label.len()..)
                .unwrap_or("")
                .trim_start_matches([' ', ':']);
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    label
}

/// Author boxes and tag lists after the article's last paragraph, outside comments, related
/// links and the page's own furniture: the article's footer, wherever the theme put it.
pub(super) fn footer_parts(
    body: &Handle,
    after: usize,
    order: &Order,
) -> (Vec<Handle>, Vec<Handle>) {
    let mut boxes: Vec<Handle> = Vec::new();
    let mut tags = Vec::new();
    let mut stack = vec![body.clone()];
    while let Some(n) = stack.pop() {
        if name(&n).is_none() && !Rc::ptr_eq(&n, body) {
            continue;
        }
        let part = furniture(&n);
        if order.end(&n) <= after {
            continue;
        }
        // What holds the article is read into whatever its class says.
        let holds_article = order.at(&n) <= after;
        if !holds_article {
            if part == Some(Part::Tags) || tag_links(&n) {
                tags.push(n);
                continue;
            }
            if author_box(&n) {
                boxes.push(n);
                continue;
            }
        }
        let walls = matches!(
            part,
            Some(
                Part::Comments
                    | Part::Related
                    | Part::Navigation
                    | Part::Menu
                    | Part::Newsletter
                    | Part::Advert
                    | Part::Share
                    | Part::Cookie
                    | Part::Script
                    | Part::Style
                    | Part::Form
                    | Part::Silent
            )
        );
        if holds_article || !walls {
            stack.extend(children(&n).into_iter().rev());
        }
    }
    // A tag list the article element holds anywhere (a "Topics" block in its own sidebar, amid
    // the text's range), when none follows the text.
    if tags.is_empty() {
        tags.extend(find(body, &|n| within_article(n) && tag_links(n)));
    }
    // Medium's: the tag list just after the `<article>` element, before an author box the
    // extractor kept as the text's end.
    if tags.is_empty() {
        tags.extend(find(body, &|n| tag_links(n) && just_after_article(n)));
    }
    (boxes, tags)
}

/// An element that follows an `<article>` as its next element, or opens the element that does.
fn just_after_article(node: &Handle) -> bool {
    let follows = |n: &Handle| {
        parent(n).is_some_and(|p| {
            let elements: Vec<Handle> = children(&p)
                .into_iter()
                .filter(|c| name(c).is_some())
                .collect();
            elements
                .iter()
                .position(|c| Rc::ptr_eq(c, n))
                .and_then(|at| at.checked_sub(1))
                .is_some_and(|before| is(&elements[before], "article"))
        })
    };
    let opens_parent = |n: &Handle| {
        parent(n).is_some_and(|p| {
            children(&p)
                .into_iter()
                .find(|c| name(c).is_some())
                .is_some_and(|first| Rc::ptr_eq(&first, n))
                && follows(&p)
        })
    };
    follows(node) || opens_parent(node)
}

/// An element whose links all lead to tag or topic pages (`/tag/…`, `/topics/…`): a tag list,
/// whatever its class (Medium's are obfuscated).
fn tag_links(node: &Handle) -> bool {
    if !matches!(name(node), Some("div" | "ul" | "p" | "section" | "nav")) {
        return false;
    }
    let links = find_all(node, &|n| is(n, "a"));
    let tagged = |a: &Handle| {
        attr(a, "href").is_some_and(|h| {
            let path = h.split(['?', '#']).next().unwrap_or("").to_lowercase();
            ["/tag/", "/tags/", "/topic/", "/topics/"]
                .iter()
                .any(|t| path.contains(t))
        })
    };
    !links.is_empty() && links.iter().all(tagged)
}

/// A box about a writer: "author", "bio" or "contributor" in its class, or a heading "About …",
/// with a paragraph long enough to be a bio.
fn author_box(node: &Handle) -> bool {
    if !matches!(
        name(node),
        Some("div" | "section" | "aside" | "footer" | "article" | "p")
    ) {
        return false;
    }
    // "author-card", "publication__authorinfo", "author-bio", "contributors".
    let named = class_words(node).iter().any(|w| {
        ["author", "bio", "contributor"]
            .iter()
            .any(|k| w.starts_with(k))
    });
    let headed = find_all(node, &|n| {
        matches!(name(n), Some("h2" | "h3" | "h4" | "h5" | "h6" | "strong"))
    })
    .first()
    .is_some_and(|h| {
        let heading = text_content(h).trim().to_lowercase();
        heading.starts_with("about")
            || heading.starts_with("written by")
            || matches!(
                heading.trim_end_matches(':'),
                "author" | "authors" | "the author" | "the authors" | "contributors"
            )
    });
    let has_bio = text_content(node).split_whitespace().count() >= 8;
    (named || headed) && has_bio
}

/// The tags a tag list names: its links, or its items, without the list's own label.
pub(super) fn tags_of(list: &Handle) -> Vec<String> {
    const LABELS: &str = "tags tagged topics topic keywords categories filed under";
    let links = find_all(list, &|n| is(n, "a"));
    let items = if links.is_empty() {
        find_all(list, &|n| is(n, "li"))
    } else {
        links
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let text = text_content(&item);
        let text = text.trim().trim_end_matches(':').trim().to_string();
        let label = text
            .to_lowercase()
            .split_whitespace()
            .all(|w| LABELS.split_whitespace().any(|l| l == w));
        if !text.is_empty()
            && !label
            && text.split_whitespace().count() <= 6
            && !out.contains(&text)
        {
            out.push(text);
        }
    }
    out
}

/// The post's category as a blog sets it by its text: a link marked as the post's category
/// (WordPress's `rel="category tag"`), or the link after "Filed under:", "Posted in",
/// "Categories:". A few words; `None` when the page marks none.
pub(super) fn category(body: &Handle) -> Option<String> {
    let short = |t: String| {
        let t = crate::text::one_line(&t);
        (1..=4).contains(&t.split_whitespace().count()).then_some(t)
    };
    let marked = find(body, &|n| {
        is(n, "a")
            && attr(n, "rel").is_some_and(|rel| rel.split_whitespace().any(|w| w == "category"))
    });
    if let Some(link) = marked {
        return short(text_content(&link));
    }
    let labelled = find(body, &|n| {
        let text = fold(text_content(n).trim());
        ["filed under", "posted in", "categories:", "category:"]
            .iter()
            .any(|label| text.starts_with(label))
            && text.split_whitespace().count() <= 8
            && children(n).iter().any(|c| is(c, "a"))
    })?;
    let link = children(&labelled).into_iter().find(|c| is(c, "a"))?;
    short(text_content(&link))
}
