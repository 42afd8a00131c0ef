//! "Nothing hostile gets through", as a check on text the desk produces: shared by the property
//! tests (core/tests/readers_never_panic.rs) and the fuzz targets (fuzz/fuzz_targets/), which
//! include this file by path, so a violation fails a test or is a fuzzer crash alike.
//!
//! - [`markdown_problem`]: a body the allowlist returned (or import recognised) holds no raw HTML,
//!   no image and no link but to a web or mail address, read as Markdown by comrak with the
//!   import's options and with the site's; rendered with raw HTML let through, it passes
//!   [`html_problem`].
//! - [`html_problem`]: HTML, tokenized as a browser would (html5ever), holds only the site's elements
//!   and attributes, no `<script`, no `on…` handler, no URL of another scheme than http, https or
//!   mailto (so no `javascript:`, `data:`, `vbscript:`) however it is spelt.

// Each includer uses its own part of this.
#![allow(dead_code)]

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, markdown_to_html, parse_document};
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The elements a body may hold on the site (core/src/site/markdown.rs), and the document's frame
/// the HTML parser adds around a fragment. `h1` is there for a Markdown body rendered without the
/// site's allowlist (the allowlist's own output); the site's renderer never writes one.
const ELEMENTS: [&str; 22] = [
    "html",
    "head",
    "body",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "br",
    "hr",
];

/// Attributes by element: links' targets, their rel and title, a list's start, a code block's
/// language class. Nothing else (no style, no handler, no src).
fn attribute_allowed(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("a", "href" | "rel" | "title") | ("ol", "start") | ("code", "class")
    )
}

/// Whether a URL is one a reader's browser may follow: no scheme (a relative link), or http,
/// https or mailto. Read as a browser reads it: leading spaces and control characters dropped,
/// tabs and line breaks anywhere removed, any case.
pub fn url_allowed(url: &str) -> bool {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(colon) = url.find(':') else {
        return true;
    };
    // What stands before the colon is a scheme only when spelt as one (a letter, then letters,
    // digits, `+`, `-`, `.`); else the URL is a relative one ("--mailto:x", "a/b:c").
    let scheme = &url[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme || matches!(scheme, "http" | "https" | "mailto")
}

/// Whether a URL is of a scheme that runs code or carries a document: `javascript:`,
/// `vbscript:`, `data:`, read as a browser reads it.
pub fn url_runs_code(url: &str) -> bool {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| url.starts_with(s))
}

/// What is wrong with this HTML, if anything.
pub fn html_problem(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    for word in [
        "<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math",
    ] {
        if lower.contains(word) {
            return Some(format!("{word} in the HTML"));
        }
    }
    start_tags(html).iter().find_map(|(element, attrs)| {
        if element == DOCTYPE {
            return Some("a doctype".to_string());
        }
        tag_problem(element, attrs)
    })
}

/// A start tag as a browser's tokenizer reads it: the element and its attributes' names and
/// values. A doctype is given as the element [`DOCTYPE`], with no attributes.
pub type StartTag = (String, Vec<(String, String)>);

/// The element name a doctype is given under in [`start_tags`].
pub const DOCTYPE: &str = "!doctype";

/// Every start tag (and doctype) of `html`, in order, as a browser's tokenizer reads them (the
/// tree builder, quadratic in the depth of nesting, would time a check out on a deep body; it
/// makes no element without a tag).
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let tokenizer = Tokenizer::new(Collect(RefCell::new(Vec::new())), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

struct Collect(RefCell<Vec<StartTag>>);

impl TokenSink for Collect {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let attrs = tag
                    .attrs
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect();
                self.0.borrow_mut().push((tag.name.to_string(), attrs));
            }
            Token::DoctypeToken(_) => self.0.borrow_mut().push((DOCTYPE.to_string(), Vec::new())),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn tag_problem(element: &str, attrs: &[(String, String)]) -> Option<String> {
    if !ELEMENTS.contains(&element) {
        return Some(format!("<{element}> is outside the allowlist"));
    }
    for (attribute, value) in attrs {
        if attribute.starts_with("on") {
            return Some(format!("handler {attribute}= on <{element}>"));
        }
        if !attribute_allowed(element, attribute) {
            return Some(format!("attribute {attribute}= on <{element}>"));
        }
        if attribute == "href" && !url_allowed(value) {
            return Some(format!("link to {value:?}"));
        }
    }
    None
}

/// What is wrong with this Markdown body, if anything: see the module's comment.
pub fn markdown_problem(markdown: &str) -> Option<String> {
    let import = Options::default();
    let mut site = Options::default();
    site.extension.strikethrough = true;
    site.extension.autolink = true;
    // Links as the import reads them must be to web or mail addresses. GFM's autolinks (the
    // site's, the editor's: `www.…`, bare addresses) are made of running text, odd text included
    // ("_mailto:x@y", "a+mailto:x@y"), and must only never be of a scheme that runs code.
    for (options, commonmark) in [(&import, true), (&site, false)] {
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, options);
        for node in root.descendants() {
            match &node.data().value {
                NodeValue::HtmlInline(literal) => return Some(format!("raw HTML {literal:?}")),
                NodeValue::HtmlBlock(block) => {
                    return Some(format!("raw HTML block {:?}", block.literal));
                }
                NodeValue::Image(link) => return Some(format!("image {:?}", link.url)),
                NodeValue::Link(link)
                    if (commonmark && !(url_allowed(&link.url) && has_web_scheme(&link.url)))
                        || url_runs_code(&link.url) =>
                {
                    return Some(format!("link to {:?}", link.url));
                }
                _ => {}
            }
        }
    }
    // Rendered with whatever raw HTML it held let through, as a careless viewer might.
    let mut raw = import;
    raw.render.r#unsafe = true;
    html_problem(&markdown_to_html(markdown, &raw))
}

/// The allowlist keeps links to web and mail addresses only, never a relative one.
fn has_web_scheme(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod checker_tests {
    use super::*;

    #[test]
    fn the_checker_sees_what_it_must() {
        for bad in [
            "<p>x</p><script>alert(1)</script>",
            "<p onclick=\"x()\">x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVa\tScRiPt:alert(1)\">x</a>",
            "<a href=\"data:text/html,x\">x</a>",
            "<a href=\"vbscript:x\">x</a>",
            "<img src=x>",
            "<div>x</div>",
            "<p style=\"color:red\">x</p>",
        ] {
            assert!(html_problem(bad).is_some(), "{bad}");
        }
        for good in [
            "<p>A <a href=\"https://example.org\" rel=\"noopener noreferrer\">link</a></p>",
            "<p>javascript: is only words here &lt;script&gt;</p>",
            "<a href=\"/relative/path:x\">x</a>",
        ] {
            assert_eq!(html_problem(good), None, "{good}");
        }
        for bad in [
            "<b>x</b>",
            "[x](javascript:alert(1))",
            "[x]\n\n[x]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "![x](https://example.org/x.png)",
            "[x](relative)",
        ] {
            assert!(markdown_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(
            markdown_problem("A **b** [l](https://example.org) \\<script>"),
            None
        );
    }
}
