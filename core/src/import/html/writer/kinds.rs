//! What an element of the article is by its size and class: a byline line, a subtitle.

use markup5ever_rcdom::Handle;

use super::super::dom::{class_words, find_all, is, name, text_content};

/// A byline line runs to a few names, a title, a date; an author box is longer.
const BYLINE_WORDS: usize = 30;
/// A subtitle is a sentence or three.
const SUBTITLE_WORDS: usize = 80;

/// A byline or an entry's meta line: short, without headings or paragraphs of prose, unlike an
/// author box that shares its class.
pub(super) fn byline_line(node: &Handle) -> bool {
    text_content(node).split_whitespace().count() <= BYLINE_WORDS
        && find_all(node, &|n| {
            matches!(name(n), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
                || (is(n, "p") && text_content(n).split_whitespace().count() >= 12)
        })
        .is_empty()
}

/// A page's subtitle or standfirst, by the words of its class ("subtitle", "standfirst", "dek",
/// Drupal's "field--name-field-summary", a theme's "td-post-sub-title"), and as short as one: a
/// wrapper whose class says "summary" around a whole article is not.
pub(super) fn is_subtitle(node: &Handle) -> bool {
    if text_content(node).split_whitespace().count() > SUBTITLE_WORDS {
        return false;
    }
    let words = class_words(node);
    let has = |w: &str| words.iter().any(|x| x == w);
    [
        "subtitle",
        "standfirst",
        "dek",
        "deck",
        "lede",
        "excerpt",
        "summary",
        "subheadline",
        "strapline",
    ]
    .iter()
    .any(|w| has(w))
        || (has("sub") && (has("title") || has("heading")))
        // "p.article-lead", "p.story-intro": a paragraph classed as the lead or intro (not a
        // lead image's figure, not a wrapper around the first paragraphs).
        || (is(node, "p") && (has("lead") || has("intro")))
}
