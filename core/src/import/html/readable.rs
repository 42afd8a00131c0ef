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

/// An inline element whose class names an author or a byline, with the text before it: a
/// sentence's end or a word.
static AUTHOR_CLASS_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?P<before>[.!?,;]\s+|\b(?P<word>\p{Ll}{2,})\s+)(?P<open><(?:span|a|strong|em|b|i|cite)\b[^>]*?)\s+class\s*=\s*(?:"[^"]*(?:author|byline)[^"]*"|'[^']*(?:author|byline)[^']*')"#,
    )
    .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// The extractor takes the first element whose class says "author" or "byline" out of the text
/// as the byline. A name so marked inside a sentence ("… each year. <span class="author-names">
/// NAME</span> and … argue that …") is part of that sentence: its class is taken off first. One
/// after "by" (in the languages bylines are written in) is a byline and keeps it.
fn names_in_sentences(source: &str) -> Cow<'_, str> {
    AUTHOR_CLASS_INLINE.replace_all(source, |c: &regex::Captures| {
        let by = c.name("word").is_some_and(|w| {
            matches!(
                w.as_str(),
                "by" | "von" | "par" | "por" | "door" | "di" | "da" | "de" | "av" | "af" | "przez"
            )
        });
        if by {
            c[0].to_string()
        } else {
            format!("{}{}", &c["before"], &c["open"])
        }
    })
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
    let source = names_in_sentences(&source);
    let mut readability = Readability::new(source.as_ref(), None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text_chars = article
        .text_content
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    (text_chars >= MIN_TEXT_CHARS).then(|| article.content.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_marked_inside_a_sentence_loses_its_author_class_a_byline_keeps_it() {
        let page = r#"<p>Fewer children learn them. <span class="author-names">Ana Lobo</span> and <span class="author-names">Jan Maes</span> argue that …</p><p>By <a class="author" href="/a">Eva Roe</a></p>"#;
        assert_eq!(
            names_in_sentences(page),
            r#"<p>Fewer children learn them. <span>Ana Lobo</span> and <span>Jan Maes</span> argue that …</p><p>By <a class="author" href="/a">Eva Roe</a></p>"#
        );
    }
}
