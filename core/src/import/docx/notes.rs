//! Footnotes, endnotes and comments: not body copy, read only to be named in the warnings.

use std::collections::HashMap;

use super::xml::{attr, local, text_of};
use crate::text::one_line;

/// Footnotes or endnotes by id, their text in one line; the separator notes are skipped.
pub(super) fn notes(doc: &roxmltree::Document, kind: &str) -> HashMap<String, String> {
    doc.root_element()
        .children()
        .filter(|n| local(*n) == kind)
        .filter(|n| attr(*n, "type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((attr(n, "id")?.to_owned(), text_of(n))))
        .collect()
}

/// Comments in order: (author, text).
pub(super) fn comments_of(doc: &roxmltree::Document) -> Vec<(Option<String>, String)> {
    doc.root_element()
        .children()
        .filter(|n| local(*n) == "comment")
        .map(|n| {
            let author = attr(n, "author").map(one_line).filter(|a| !a.is_empty());
            (author, text_of(n))
        })
        .collect()
}

/// The first `count` words of a text, with an ellipsis when there are more.
pub(super) fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > count {
        format!("{}…", words[..count].join(" "))
    } else {
        words.join(" ")
    }
}
