//! The page's main content, found by dom_smoothie (a port of Mozilla's Readability, the
//! extractor behind Firefox's reader view) rather than by hand-written rules of our own. Its
//! output is HTML of the article alone, classes kept so that our furniture rules can still tell a
//! share bar or an author box inside it.

use std::borrow::Cow;
use std::sync::LazyLock;

use dom_smoothie::{Config, Readability};
use regex::Regex;

/// A heading's class naming it a header (`<h2 class="header-anchor-post">`, as Substack and many
/// Markdown renderers write subheadings).
static HEADER_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(<h[1-6]\b[^>]*?)\s+class\s*=\s*(?:"[^"]*head(?:er|ing)[^"]*"|'[^']*head(?:er|ing)[^']*')"#)
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// The extractor drops any element whose class says "header" as a page's masthead, subheadings
/// among them: a heading is never one, so such a class is taken off it first.
fn unlabelled_headings(source: &str) -> Cow<'_, str> {
    HEADER_CLASS.replace_all(source, "$1")
}

/// Below this much text the extractor has not found an article (a bare page of a few
/// paragraphs, a newsletter table): the reader's own content rules take over.
const MIN_TEXT_CHARS: usize = 200;
/// The extractor's work grows faster than the page: a page with more elements than this (a news
/// page has a few thousand) is left to the reader's own rules, which are linear.
const MAX_ELEMENTS: usize = 30_000;

/// The article's HTML, or `None` when the extractor finds none.
pub(super) fn article_html(source: &str) -> Option<String> {
    let config = Config {
        keep_classes: true,
        // JSON-LD is read by jsonld.rs, which follows `@graph`s and `@id`s.
        disable_json_ld: true,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let source = unlabelled_headings(source);
    let mut readability = Readability::new(source.as_ref(), None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text_chars = article
        .text_content
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    (text_chars >= MIN_TEXT_CHARS).then(|| article.content.to_string())
}
