//! HTML nested deeper than a browser shows, flattened before it is parsed. html5ever's tree
//! builder looks through the open elements at every tag, so its time grows with the square of the
//! depth: 50,000 nested `<div>`s held an import for over a minute, and a body of 50,000 nested
//! quotes a publish as long. Browsers stop nesting at 512 for the same reason. Past the limit,
//! start tags and their end tags are taken out and the text inside them stays, so nothing a
//! reader could see is lost, only structure no reader could follow.

use std::borrow::Cow;
use std::collections::HashMap;

/// WebKit's and Blink's own limit on the depth of the tree they build.
pub const MAX_HTML_DEPTH: usize = 512;

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out because the next of their kind closes them: they do
/// not nest by repetition, so they are not counted (a page of unclosed `<p>`s is flat).
const CLOSED_BY_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements an end tag of another name never closes past (the tree builder's "special" ones):
/// `</span>` with a `<div>` open inside the span is ignored, and the div stays open.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
    "svg",
    "math",
];

/// How far down the open elements an end tag is looked for; past it, the end tag is taken to
/// close nothing (counting too deep is safe, and the walk stays bounded).
const CLOSE_SEARCH: usize = 64;

/// Elements whose content is text up to their end tag: a `<div>` inside a script is not one.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with every element past `limit` levels reduced to its content; borrowed, unchanged,
/// when nothing is nested that deep. Linear in the length of `html`.
pub fn flatten_deep_html(html: &str, limit: usize) -> Cow<'_, str> {
    let cuts = Scan::new(html.as_bytes(), limit).cuts();
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in cuts {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

struct Scan<'a> {
    bytes: &'a [u8],
    limit: usize,
    /// The open elements, each with whether its tags are taken out.
    open: Vec<(String, bool)>,
    /// How many of each name are open, so an end tag with none open costs nothing to skip.
    open_by_name: HashMap<String, usize>,
    /// Open `<svg>` and `<math>` elements: inside them a `<style>` or `<script>` holds tags.
    foreign: usize,
    cuts: Vec<(usize, usize)>,
}

impl<'a> Scan<'a> {
    fn new(bytes: &'a [u8], limit: usize) -> Self {
        Scan {
            bytes,
            limit,
            open: Vec::new(),
            open_by_name: HashMap::new(),
            foreign: 0,
            cuts: Vec::new(),
        }
    }

    /// The byte ranges of the tags to take out, in order. Each starts at a `<` and ends after a
    /// `>` (or at the end), so cutting them keeps UTF-8 whole.
    fn cuts(mut self) -> Vec<(usize, usize)> {
        let bytes = self.bytes;
        let mut at = 0;
        while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
            let start = at + offset;
            let rest = &bytes[start..];
            if rest.starts_with(b"<!--") {
                at = end_of_comment(bytes, start + 4);
                continue;
            }
            if matches!(rest.get(1), Some(b'!' | b'?')) {
                at = find(bytes, start + 1, b">").map_or(bytes.len(), |end| end + 1);
                continue;
            }
            let is_end = rest.get(1) == Some(&b'/');
            let name_start = start + if is_end { 2 } else { 1 };
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                at = start + 1;
                continue;
            }
            let name_end = bytes[name_start..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .map_or(bytes.len(), |n| name_start + n);
            let name = String::from_utf8_lossy(&bytes[name_start..name_end]).to_ascii_lowercase();
            let end = end_of_tag(bytes, name_end);
            at = end;
            if is_end {
                self.close(&name, start, end);
            } else if self.foreign == 0 && RAW_TEXT.contains(&name.as_str()) {
                at = find_end_tag(bytes, end, &name).unwrap_or(bytes.len());
            } else if name == "plaintext" {
                break;
            } else if !VOID.contains(&name.as_str()) && !CLOSED_BY_SIBLINGS.contains(&name.as_str())
            {
                self.open(name, start, end);
            }
        }
        self.cuts
    }

    fn open(&mut self, name: String, start: usize, end: usize) {
        let too_deep = self.open.len() >= self.limit;
        if too_deep {
            self.cuts.push((start, end));
        }
        if matches!(name.as_str(), "svg" | "math") {
            self.foreign += 1;
        }
        *self.open_by_name.entry(name.clone()).or_default() += 1;
        self.open.push((name, too_deep));
    }

    /// An end tag closes the innermost open element of its name and every one inside it, as the
    /// tree builder does, unless a special element (a `<div>`, a `<p>`…) stands between: then,
    /// as there, it closes nothing. Never closing more than the tree builder keeps the count of
    /// open elements at or above the tree's depth, which is what keeps the parse bounded.
    fn close(&mut self, name: &str, start: usize, end: usize) {
        if self.open_by_name.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        let Some(found) = self
            .open
            .iter()
            .rev()
            .take(CLOSE_SEARCH)
            .position(|(open, _)| open == name || SPECIAL.contains(&open.as_str()))
        else {
            return;
        };
        let at = self.open.len() - 1 - found;
        if self.open[at].0 != name {
            return;
        }
        for (open, taken_out) in self.open.drain(at..).rev() {
            if let Some(count) = self.open_by_name.get_mut(&open) {
                *count = count.saturating_sub(1);
            }
            if matches!(open.as_str(), "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
            if open == name && taken_out {
                self.cuts.push((start, end));
            }
        }
    }
}

/// Where `needle` next starts in `bytes` from `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

/// Just past the end of a comment whose text starts at `from` (after `<!--`), as the HTML
/// tokenizer ends one: `<!-->` and `<!--->` are whole empty comments, and `--!>` ends one as
/// `-->` does. An unended comment runs to the end.
fn end_of_comment(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let dashes = find(bytes, from, b"-->").map(|end| end + 3);
    let bang = find(bytes, from, b"--!>").map(|end| end + 4);
    match (dashes, bang) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => bytes.len(),
    }
}

/// Just past the `>` that ends a tag whose name ends at `from`, read as the HTML tokenizer reads
/// attributes: a `>` inside a quoted value does not end the tag, and a quote is a value's only
/// after an attribute's name and its `=` (in `<div =">`, the `=` and the quote are a name).
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    // Whether an attribute's name has been read since the last value or space.
    let mut named = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'>' => return at + 1,
            b'=' if named => {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        at = find(bytes, at + 1, &[quote]).map_or(bytes.len(), |close| close + 1);
                    }
                    // An unquoted value runs to a space or the tag's end.
                    _ => {
                        while bytes
                            .get(at)
                            .is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>')
                        {
                            at += 1;
                        }
                    }
                }
                named = false;
            }
            b'/' => {
                named = false;
                at += 1;
            }
            c if c.is_ascii_whitespace() => {
                // Spaces between a name and its `=` keep the name: `a = "x"`.
                let mut next = at;
                while bytes.get(next).is_some_and(u8::is_ascii_whitespace) {
                    next += 1;
                }
                if bytes.get(next) != Some(&b'=') {
                    named = false;
                }
                at = next;
            }
            _ => {
                named = true;
                at += 1;
            }
        }
    }
    bytes.len()
}

/// Where the end tag `</name` of a raw-text element starts, its case ignored, the name ending
/// there (`</scriptx` is not a script's end).
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let start = find(bytes, at, b"</")?;
        let candidate = bytes.get(start + 2..start + 2 + name.len())?;
        let after = bytes.get(start + 2 + name.len());
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && after.is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        {
            return Some(start);
        }
        at = start + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, depth: usize, inner: &str) -> String {
        format!(
            "{}{inner}{}",
            format!("<{tag}>").repeat(depth),
            format!("</{tag}>").repeat(depth)
        )
    }

    fn depth_of(html: &str) -> usize {
        html.match_indices("<div>").count()
    }

    #[test]
    fn a_page_within_the_limit_is_left_as_it_is() {
        let page = format!("<html><body>{}</body></html>", nested("div", 512, "words"));
        assert!(matches!(
            flatten_deep_html(&page, MAX_HTML_DEPTH),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn elements_past_the_limit_lose_their_tags_and_keep_their_text() {
        let page = nested("div", 50_000, "<b>deep</b> words");
        let flat = flatten_deep_html(&page, 512);
        assert_eq!(depth_of(&flat), 512);
        assert_eq!(flat.matches("</div>").count(), 512);
        assert!(flat.contains(">deep words<"), "{}", &flat[..200]);
    }

    #[test]
    fn the_end_tags_of_what_was_taken_out_go_with_it_and_later_siblings_stay() {
        let page = format!("{}<p>after</p>", nested("section", 3, "x"));
        let flat = flatten_deep_html(&page, 2);
        assert_eq!(flat, "<section><section>x</section></section><p>after</p>");
    }

    #[test]
    fn void_elements_unclosed_paragraphs_comments_and_scripts_do_not_count() {
        let page = format!(
            "<div>{}{}<!-- {} --><script>{}</SCRIPT><div>kept</div></div>",
            "<p>para".repeat(20),
            "<br><img src=x>".repeat(20),
            "<div>".repeat(20),
            "<div>".repeat(20),
        );
        assert!(matches!(flatten_deep_html(&page, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn a_closing_bracket_inside_a_quoted_attribute_does_not_end_the_tag() {
        let page = r#"<div title="a > b"><div data-x='>'><div>text</div></div></div>"#;
        assert_eq!(
            flatten_deep_html(page, 2),
            r#"<div title="a > b"><div data-x='>'>text</div></div>"#
        );
    }

    #[test]
    fn an_end_tag_closes_what_is_open_inside_it_and_a_stray_one_closes_nothing() {
        // The <span>s left open inside the first <div> close with it: the second <div> is at depth 1.
        let page = "</em><div><span><span></div><div><i>kept</i></div>";
        assert!(matches!(flatten_deep_html(page, 3), Cow::Borrowed(_)));
        assert_eq!(
            flatten_deep_html(page, 1),
            "</em><div></div><div>kept</div>"
        );
    }

    /// Each way past the count a review found: the tree builder nests deeper than a scan that
    /// closes too much, ends a comment sooner, or reads tags as text where it does not.
    #[test]
    fn nesting_hidden_from_a_naive_scan_is_still_counted() {
        let limit = 10;
        let kept_opens = |html: &str| html.matches("<div").count() + html.matches("<span>").count();
        for (what, page) in [
            (
                "an end tag a special element blocks",
                "<span><div></span>".repeat(1_000),
            ),
            (
                "an empty comment",
                format!("<!-->{}", "<div>".repeat(1_000)),
            ),
            (
                "a comment ended by --!>",
                format!("<!-- x --!>{}", "<div>".repeat(1_000)),
            ),
            (
                "a style inside svg",
                format!("<svg><style>{}", "<div>".repeat(1_000)),
            ),
            (
                "an = that starts a name",
                format!("<div =\">{}\"", "<div>".repeat(1_000)),
            ),
        ] {
            let flat = flatten_deep_html(&page, limit);
            assert!(matches!(flat, Cow::Owned(_)), "{what}: not flattened");
            assert!(
                kept_opens(&flat) <= limit + 1,
                "{what}: {} kept",
                kept_opens(&flat)
            );
        }
        // A script's text runs to its own end tag, not to one that only starts the same.
        let script = format!(
            "<script></scriptx>{}</script><p>after</p>",
            "<div>".repeat(1_000)
        );
        assert!(matches!(
            flatten_deep_html(&script, limit),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn broken_markup_never_panics_and_keeps_multibyte_text_whole() {
        for page in [
            "<",
            "<div",
            "<div a=\"",
            "<!--",
            "</",
            "<a<b<c",
            "é<é>ü</é>",
            "<div>é",
        ] {
            let _ = flatten_deep_html(page, 0);
            let _ = flatten_deep_html(page, 1);
        }
        assert_eq!(flatten_deep_html("<b>é</b>ü", 0), "éü");
    }
}
