//! The body an import stores keeps to the desk's allowlist: Markdown's own marks, and links to web
//! and mail addresses. Raw HTML, images and links of other schemes (`javascript:`) are taken out,
//! each reported, whatever format the file came in and whatever was typed in the review.

use std::sync::LazyLock;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, parse_document};
use regex::Regex;

use super::inline::safe_link;

/// What a body holds beyond the allowlist.
#[derive(Default)]
struct Outside {
    html: Vec<String>,
    images: Vec<String>,
    links: Vec<String>,
}

impl Outside {
    /// What is outside the allowlist read as CommonMark, or else as GFM reads it (the site's
    /// renderer and the editor's take `https://…` in running text for a link, and may then see
    /// a tag where CommonMark sees a code span).
    /// GFM's own links are made of running text (`_mailto:x@y` among them) and count only when
    /// they run code: its autolink can take a backslash into the address before it and so
    /// unescape a `\<javascript:…>` that CommonMark reads as text.
    fn of(markdown: &str) -> Outside {
        let found = Outside::read(markdown, &Options::default());
        if !found.is_empty() {
            return found;
        }
        let mut gfm = Options::default();
        gfm.extension.autolink = true;
        gfm.extension.strikethrough = true;
        let mut found = Outside::read(markdown, &gfm);
        found.links.retain(|url| runs_code(url));
        found
    }

    fn read(markdown: &str, options: &Options) -> Outside {
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, options);
        let mut found = Outside::default();
        for node in root.descendants() {
            match &node.data().value {
                NodeValue::HtmlInline(literal) => found.html.push(literal.clone()),
                NodeValue::HtmlBlock(block) => found.html.push(block.literal.clone()),
                NodeValue::Image(link) => found.images.push(link.url.clone()),
                NodeValue::Link(link) if safe_link(&link.url).is_none() => {
                    found.links.push(link.url.clone());
                }
                _ => {}
            }
        }
        found
    }

    fn is_empty(&self) -> bool {
        self.html.is_empty() && self.images.is_empty() && self.links.is_empty()
    }
}

/// A link a browser would run rather than follow, as browsers read its scheme: leading spaces
/// and control characters skipped, tabs and line breaks inside it ignored, any case.
fn runs_code(url: &str) -> bool {
    let scheme: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| *c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && ["javascript", "vbscript", "data"].contains(&scheme.as_str())
}

static BLANK_LINES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\n[ \t]*\n(?:[ \t]*\n)+").unwrap_or_else(|e| panic!("blank lines: {e}"))
});

static DOUBLE_SPACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<a>\S)[ \t]{2,}(?P<b>\S)").unwrap_or_else(|e| panic!("double space: {e}"))
});

/// `markdown` cut down to the allowlist, and what was taken out, in words. Unchanged when it
/// holds nothing outside it.
pub fn keep_to_allowlist(markdown: &str) -> (String, Vec<String>) {
    let found = Outside::of(markdown);
    if found.is_empty() {
        return (markdown.to_string(), Vec::new());
    }
    let mut out = markdown.to_string();
    for literal in &found.html {
        out = out.replacen(literal.trim_end(), "", 1);
    }
    for url in &found.images {
        out = replace_link(&out, "!", url, "");
    }
    for url in &found.links {
        out = replace_link(&out, "", url, "$text");
    }
    let out = BLANK_LINES.replace_all(out.trim(), "\n\n");
    // A tag cut from between two words leaves their two spaces.
    let mut out = DOUBLE_SPACE.replace_all(&out, "$a $b").into_owned();
    // Whatever the cuts could not reach (an autolink, a tag split over lines) is made plain text,
    // and if that is not enough (a reference link), every link's bracket too. As character
    // references, not backslashes: GFM's autolink can take a backslash into the address before
    // it, and a reference is never markup.
    if !Outside::of(&out).is_empty() {
        out = out.replace('<', "&lt;").replace("](", "]&#40;");
    }
    if !Outside::of(&out).is_empty() {
        out = out.replace('[', "&#91;");
    }
    let mut said = Vec::new();
    if !found.html.is_empty() {
        let n = found.html.len();
        said.push(format!(
            "left out HTML in the text: {n} tag{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    said.extend(found.images.iter().map(|u| format!("image left out: {u}")));
    said.extend(
        found
            .links
            .iter()
            .map(|u| format!("link left out, its words kept (not a web or mail address): {u}")),
    );
    (out, said)
}

/// `[text](url "title")` (or `![…](…)`) written with this url, replaced by `with` (`$text` keeps
/// the link's words).
fn replace_link(markdown: &str, bang: &str, url: &str, with: &str) -> String {
    let pattern = format!(
        r#"{}\[(?P<text>[^\]]*)\]\(\s*<?{}>?(?:\s+"[^"]*")?\s*\)"#,
        regex::escape(bang),
        regex::escape(url)
    );
    match Regex::new(&pattern) {
        Ok(re) => re.replacen(markdown, 1, with).into_owned(),
        Err(_) => markdown.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_markdown_is_untouched() {
        let body =
            "A **bold** and *italic* [link](https://example.org).\n\n> A quote.\n\n- one\n- two";
        assert_eq!(keep_to_allowlist(body), (body.to_string(), vec![]));
    }

    #[test]
    fn html_images_and_script_links_are_taken_out_and_reported() {
        let body = "A paragraph with <img src=x onerror=alert(1)> and <b onclick=\"x()\">bold</b> text.\n\n\
                    <div>block html</div>\n\n![chart](https://example.org/c.png)\n\n\
                    End [here](javascript:alert(1)) and [there](https://example.org).";
        let (out, said) = keep_to_allowlist(body);
        assert_eq!(
            out,
            "A paragraph with and bold text.\n\nEnd here and [there](https://example.org)."
        );
        assert_eq!(
            said,
            [
                "left out HTML in the text: 4 tags",
                "image left out: https://example.org/c.png",
                "link left out, its words kept (not a web or mail address): javascript:alert(1)",
            ]
        );
        assert!(Outside::of(&out).is_empty());
    }

    #[test]
    fn what_cannot_be_cut_becomes_plain_text() {
        let (out, said) = keep_to_allowlist("Go to <javascript:alert(1)> now.");
        assert!(Outside::of(&out).is_empty(), "{out}");
        assert!(out.contains("javascript:alert(1)"), "{out}");
        assert_eq!(said.len(), 1);
    }

    /// Found by the property tests (tests/readers_never_panic.rs): an escaped `\<` the last
    /// resort escaped again into a backslash and a tag; a reference link it could not reach; a
    /// web address whose GFM autolink takes a backtick and a backslash, leaving a tag bare; one
    /// whose autolink takes the backslash before `<javascript:…>`, leaving a script link.
    #[test]
    fn the_last_resort_leaves_nothing_outside() {
        for body in [
            "\"}}</script>\\<script>alert(1)</script><javascript:alert(1)>",
            "<b>x</b> [a]\n\n[a]: javascript:alert(1)",
            "x <b>\n\nhttps://example.org`<script>alert(1)</script> `",
            "https://example.org\\<javascript:alert(1)>",
        ] {
            let (out, said) = keep_to_allowlist(body);
            assert!(Outside::of(&out).is_empty(), "{body:?} kept as {out:?}");
            assert!(!said.is_empty(), "{body:?}");
        }
    }
}
