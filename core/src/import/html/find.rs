//! Finding the element that holds the article in a page.

use markup5ever_rcdom::Handle;

use super::dom::{attr, children, find_all, is, text_content};
use super::furniture::furniture;

/// The length of the paragraph text inside a node, furniture not counted.
fn paragraph_text(node: &Handle) -> usize {
    let mut total = 0;
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if !std::rc::Rc::ptr_eq(&n, node) && furniture(&n).is_some() {
            continue;
        }
        if is(&n, "p") {
            total += text_content(&n).len();
            continue;
        }
        stack.extend(children(&n));
    }
    total
}

const CONTENT_CLASSES: [&str; 10] = [
    "entry-content",
    "post-content",
    "article-body",
    "articlebody",
    "article__body",
    "story-body",
    "article-content",
    "post-body",
    "story-content",
    "entry-body",
];

/// The element that holds the article: the largest `<article>`, else `<main>`, else the
/// `articleBody` or a common content class, else the element with the most paragraph text
/// directly in it; the body when nothing better is found.
pub(super) fn find_content(body: &Handle) -> Handle {
    let largest = |nodes: Vec<Handle>| {
        nodes
            .into_iter()
            .map(|n| (paragraph_text(&n), n))
            .filter(|(len, _)| *len > 0)
            .max_by_key(|(len, _)| *len)
            .map(|(_, n)| n)
    };
    if let Some(article) = largest(find_all(body, &|n| is(n, "article"))) {
        return article;
    }
    if let Some(main) = largest(find_all(body, &|n| {
        is(n, "main") || attr(n, "role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
    })) {
        return main;
    }
    if let Some(found) = largest(find_all(body, &|n| {
        attr(n, "itemprop").is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
            || attr(n, "class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|t| CONTENT_CLASSES.contains(&t.to_lowercase().as_str()))
            })
    })) {
        return found;
    }
    let mut best: Option<(usize, Handle)> = None;
    let mut stack = vec![body.clone()];
    while let Some(n) = stack.pop() {
        if !std::rc::Rc::ptr_eq(&n, body) && furniture(&n).is_some() {
            continue;
        }
        let direct: usize = children(&n)
            .iter()
            .filter(|c| is(c, "p"))
            .map(|c| text_content(c).len())
            .sum();
        if direct > best.as_ref().map_or(0, |(len, _)| *len) {
            best = Some((direct, n.clone()));
        }
        stack.extend(children(&n));
    }
    best.map_or_else(|| body.clone(), |(_, n)| n)
}
