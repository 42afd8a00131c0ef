//! Walking the parsed page: element names, attributes, searches in document order, text, the
//! words of a class.

use html5ever::ns;
use markup5ever_rcdom::{Handle, NodeData};

use crate::text::one_line;

pub(super) fn name(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } if name.ns == ns!(html) => Some(&name.local),
        _ => None,
    }
}

pub(super) fn is(node: &Handle, tag: &str) -> bool {
    name(node) == Some(tag)
}

pub(super) fn attr(node: &Handle, key: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| (*a.name.local).eq_ignore_ascii_case(key))
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

pub(super) fn children(node: &Handle) -> Vec<Handle> {
    node.children.borrow().clone()
}

/// The first node, in document order, that matches (the node itself included).
pub(super) fn find(node: &Handle, test: &dyn Fn(&Handle) -> bool) -> Option<Handle> {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if test(&n) {
            return Some(n);
        }
        stack.extend(children(&n).into_iter().rev());
    }
    None
}

/// Every element that matches, in document order.
pub(super) fn find_all(node: &Handle, test: &dyn Fn(&Handle) -> bool) -> Vec<Handle> {
    let mut found = Vec::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if test(&n) {
            found.push(n.clone());
        }
        stack.extend(children(&n).into_iter().rev());
    }
    found
}

/// The first match outside `skip`, not inside navigation, sidebars, footers or scripts.
pub(super) fn find_outside(
    node: &Handle,
    skip: &Handle,
    test: &dyn Fn(&Handle) -> bool,
) -> Option<Handle> {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if std::rc::Rc::ptr_eq(&n, skip)
            || matches!(
                name(&n),
                Some("nav" | "aside" | "footer" | "script" | "style" | "template")
            )
        {
            continue;
        }
        if test(&n) {
            return Some(n);
        }
        stack.extend(children(&n).into_iter().rev());
    }
    None
}

/// A node's text, white space collapsed; scripts and styles not read.
pub(super) fn text_content(node: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { .. } => {
                if matches!(name(&n), Some("script" | "style" | "template")) {
                    continue;
                }
                if matches!(name(&n), Some("br" | "p" | "div" | "li")) {
                    out.push(' ');
                }
                stack.extend(children(&n).into_iter().rev());
            }
            _ => stack.extend(children(&n).into_iter().rev()),
        }
    }
    one_line(&out)
}

/// The words of a `class` and `id`, lowercased: `js-share-bar` gives js, share, bar. Classes
/// that name a post's tags, categories or topics (WordPress's `tag-social-media`) are not read.
pub(super) fn class_words(node: &Handle) -> Vec<String> {
    let mut words = Vec::new();
    for value in [attr(node, "class"), attr(node, "id")]
        .into_iter()
        .flatten()
    {
        for token in value.split_whitespace() {
            let token = token.to_lowercase();
            if ["tag-", "category-", "topic-"]
                .iter()
                .any(|p| token.starts_with(p))
            {
                continue;
            }
            words.extend(
                token
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    words
}

pub(super) fn within_article(node: &Handle) -> bool {
    let mut at = parent(node);
    while let Some(n) = at {
        if is(&n, "article") {
            return true;
        }
        at = parent(&n);
    }
    false
}

pub(super) fn parent(node: &Handle) -> Option<Handle> {
    // The parent link is a `Cell`: taken to look, and put back.
    let weak = node.parent.take();
    let up = weak.as_ref().and_then(|w| w.upgrade());
    node.parent.set(weak);
    up
}

/// Whether any element lies more than `limit` levels below `node`.
pub(super) fn deeper_than(node: &Handle, limit: usize) -> bool {
    let mut stack = vec![(node.clone(), 0usize)];
    while let Some((n, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(children(&n).into_iter().map(|c| (c, depth + 1)));
    }
    false
}
