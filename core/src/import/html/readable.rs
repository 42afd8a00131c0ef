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

/// An `<h2>` and what it holds, and the page's own titles (`<h1>`, `<title>`).
static H2: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<h2\b(?P<attrs>[^>]*)>(?P<inner>.*?)</h2\s*>")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(?:h1|title)\b[^>]*>(?P<inner>.*?)</(?:h1|title)\s*>")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>").unwrap_or_else(|e| panic!("bad pattern: {e}")));

/// The extractor drops the first `<h2>` whose words are all in the page's title, taking it for the
/// title repeated ("What the counters say" under "Five years of Good Move: what the bike counters
/// actually say"). A subheading that is not the title itself is set one level down (`<h3>`) for
/// the extractor, and back up in what it returns; the words of those so set are returned too.
fn subheadings_kept(source: &str) -> (Cow<'_, str>, Vec<String>) {
    let titles: Vec<String> = TITLE
        .captures_iter(source)
        .map(|c| words(&c["inner"]))
        .filter(|t| !t.is_empty())
        .collect();
    let mut lowered = Vec::new();
    if titles.is_empty() {
        return (Cow::Borrowed(source), lowered);
    }
    let kept = H2.replace_all(source, |c: &regex::Captures| {
        let heading = words(&c["inner"]);
        let the_title = titles
            .iter()
            .any(|t| t.starts_with(&heading) || heading.starts_with(t.as_str()));
        if heading.is_empty() || the_title {
            c[0].to_string()
        } else {
            lowered.push(heading);
            format!("<h3{}>{}</h3>", &c["attrs"], &c["inner"])
        }
    });
    (kept, lowered)
}

/// The `<h3>`s set down by `subheadings_kept`, `<h2>`s again.
fn subheadings_restored(html: &str, lowered: &[String]) -> String {
    if lowered.is_empty() {
        return html.to_string();
    }
    H3.replace_all(html, |c: &regex::Captures| {
        if lowered.contains(&words(&c["inner"])) {
            format!("<h2{}>{}</h2>", &c["attrs"], &c["inner"])
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

static H3: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<h3\b(?P<attrs>[^>]*)>(?P<inner>.*?)</h3\s*>")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// An element's words, folded, without its tags.
fn words(html: &str) -> String {
    crate::text::fold(&TAG.replace_all(html, " "))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    let (source, lowered) = subheadings_kept(&source);
    let mut readability = Readability::new(source.as_ref(), None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text_chars = article
        .text_content
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    (text_chars >= MIN_TEXT_CHARS).then(|| subheadings_restored(&article.content, &lowered))
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
