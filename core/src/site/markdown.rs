//! Article bodies: Markdown rendered to HTML, then cut down to an allowlist, so nothing a
//! writer pasted (scripts, styles, frames) reaches a reader.

use std::collections::HashSet;

use comrak::{Options, markdown_to_html};

/// The body's Markdown as safe HTML: paragraphs, subheadings, emphasis, links, lists, quotes,
/// code and rules. Raw HTML in the Markdown is dropped; links keep http, https and mailto only.
pub fn body_html(markdown: &str) -> String {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    let html = markdown_to_html(markdown, &options);
    let tags: HashSet<&str> = [
        "p",
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
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(std::iter::once(("a", std::iter::once("href").collect())).collect())
        .generic_attributes(HashSet::new())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&crate::nesting::flatten_deep_html(
            &html,
            crate::nesting::MAX_HTML_DEPTH,
        ))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_structure_and_drops_what_is_not_allowed() {
        let html = body_html(
            "## A turn\n\nSome **bold** and *italic* with [a link](https://example.org).\n\n\
             > A quote\n\n- one\n- two\n\n<script>alert(1)</script>\n\n\
             <p style=\"color:red\" onclick=\"x()\">styled</p>\n\n[bad](javascript:alert(1))\n\n\
             ![an image](https://example.org/x.png)",
        );
        for kept in [
            "<h2>A turn</h2>",
            "<strong>bold</strong>",
            "<em>italic</em>",
            "<a href=\"https://example.org\" rel=\"noopener noreferrer\">a link</a>",
            "<blockquote>",
            "<li>one</li>",
        ] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
        for dropped in [
            "<script",
            "alert(1)</",
            "style=",
            "onclick",
            "javascript:",
            "<img",
        ] {
            assert!(!html.contains(dropped), "{dropped} survived in {html}");
        }
        // A heading level 1 belongs to the headline: the body's become plain text inside a heading
        // the allowlist drops, so the page keeps one h1.
        assert!(!body_html("# Big").contains("<h1"));
    }
}
