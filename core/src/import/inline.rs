//! Markdown written from formatted runs of text (a Word run, an HTML text node in its inline
//! elements), shared by the .docx and .html readers; and the link and escaping rules the
//! Markdown reader shares with them.

/// A stretch of a paragraph's text with its marks: a Word run, an HTML text node in its inline
/// elements. `link` is a URL the reader has already checked (http, https or mailto).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// A paragraph's spans written as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Inline {
    /// Marks and links as Markdown, characters that would be read as Markdown escaped.
    pub markdown: String,
    /// The words alone, white space collapsed.
    pub text: String,
    /// All the visible text is italic, or all of it bold.
    pub emphasised: bool,
}

/// Whether a URL may become a link: http, https and mailto only.
pub(super) fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    allowed.then(|| link_destination(url))
}

/// A URL written as a Markdown link's destination: control characters dropped, and the spaces,
/// brackets and angle brackets that would end it early percent-encoded.
pub(super) fn link_destination(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' ' => "%20".to_owned(),
            '(' => "%28".to_owned(),
            ')' => "%29".to_owned(),
            '<' => "%3C".to_owned(),
            '>' => "%3E".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// Writes spans as one line of Markdown: white space collapsed and trimmed, neighbouring spans
/// with the same marks merged, marks kept off the spaces at their ends, and the characters
/// Markdown would read as marks, links, HTML or (at the start) block markers escaped.
pub(super) fn render(spans: &[Span]) -> Inline {
    let spans = merge(collapse(spans));
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let visible: Vec<&Span> = spans.iter().filter(|s| s.text != " ").collect();
    let emphasised =
        !visible.is_empty() && (visible.iter().all(|s| s.italic) || visible.iter().all(|s| s.bold));

    let mut out = String::new();
    let mut open: Vec<&str> = Vec::new();
    let mut link: Option<&str> = None;
    for span in &spans {
        if span.text == " " {
            out.push(' ');
            continue;
        }
        let wanted: Vec<&str> = [(span.bold, "**"), (span.italic, "*")]
            .into_iter()
            .filter_map(|(on, mark)| on.then_some(mark))
            .collect();
        let new_link = span.link.as_deref() != link;
        if new_link {
            close_all(&mut out, &mut open);
            if let Some(url) = link {
                close_with(&mut out, &format!("]({url})"));
            }
            link = span.link.as_deref();
        } else {
            while open.iter().any(|m| !wanted.contains(m)) {
                let mark = open.pop().unwrap_or_default();
                close_with(&mut out, mark);
            }
        }
        let body = span.text.trim_start_matches(' ');
        for _ in 0..span.text.len() - body.len() {
            out.push(' ');
        }
        if new_link && link.is_some() {
            out.push('[');
        }
        for mark in wanted {
            if !open.contains(&mark) {
                out.push_str(mark);
                open.push(mark);
            }
        }
        escape_into(&mut out, body);
    }
    close_all(&mut out, &mut open);
    if let Some(url) = link {
        close_with(&mut out, &format!("]({url})"));
    }
    Inline {
        markdown: escape_block_start(out),
        text,
        emphasised,
    }
}

/// Whitespace collapsed to single spaces across spans, none at either end, empty spans dropped.
fn collapse(spans: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut after_space = true;
    for span in spans {
        let mut text = String::with_capacity(span.text.len());
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !after_space {
                    text.push(' ');
                }
                after_space = true;
            } else {
                text.push(c);
                after_space = false;
            }
        }
        if !text.is_empty() {
            out.push(Span {
                text,
                ..span.clone()
            });
        }
    }
    while let Some(last) = out.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
        }
        if last.text.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    out
}

/// Neighbouring spans with the same marks and link made one. A span of a lone space takes the
/// marks of the spans around it when they agree, and none otherwise.
fn merge(spans: Vec<Span>) -> Vec<Span> {
    let same = |a: &Span, b: &Span| a.bold == b.bold && a.italic == b.italic && a.link == b.link;
    let mut spans = spans;
    for i in 0..spans.len() {
        if spans[i].text == " " {
            let (before, after) = (i.checked_sub(1), spans.get(i + 1));
            let marks = match (before.map(|b| &spans[b]), after) {
                (Some(b), Some(a)) if same(b, a) => Some((b.bold, b.italic, b.link.clone())),
                _ => None,
            };
            let (bold, italic, link) = marks.unwrap_or((false, false, None));
            spans[i] = Span {
                text: " ".to_owned(),
                bold,
                italic,
                link,
            };
        }
    }
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if same(last, &span) => last.text.push_str(&span.text),
            _ => out.push(span),
        }
    }
    out
}

/// Appends a closing mark before any spaces the output ends with.
fn close_with(out: &mut String, mark: &str) {
    let body = out.trim_end_matches(' ').len();
    let spaces = out.len() - body;
    out.truncate(body);
    out.push_str(mark);
    for _ in 0..spaces {
        out.push(' ');
    }
}

fn close_all(out: &mut String, open: &mut Vec<&str>) {
    while let Some(mark) = open.pop() {
        close_with(out, mark);
    }
}

/// Plain text made safe inside Markdown: marks, code, links, HTML and entities escaped.
pub(super) fn escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            c => out.push(c),
        }
    }
}

/// A block's Markdown with what would open a heading, quote, list or fence at its start escaped.
pub(super) fn escape_block_start(markdown: String) -> String {
    if markdown.starts_with(['#', '>', '-', '+', '=', '|']) {
        return format!("\\{markdown}");
    }
    // "1. " starts a list; "71.8 per cent" does not.
    let digits = markdown.bytes().take_while(u8::is_ascii_digit).count();
    let after = &markdown[digits..];
    let marker =
        after.starts_with(['.', ')']) && after[1..].chars().next().is_none_or(char::is_whitespace);
    if digits > 0 && marker {
        return format!("{}\\{}", &markdown[..digits], &markdown[digits..]);
    }
    markdown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, bold: bool, italic: bool, link: Option<&str>) -> Span {
        Span {
            text: text.into(),
            bold,
            italic,
            link: link.map(str::to_owned),
        }
    }

    #[test]
    fn render_merges_runs_with_the_same_marks() {
        let inline = render(&[
            span("  fewer than ", false, false, None),
            span("t", true, false, None),
            span("en", true, false, None),
            span(".", false, false, None),
        ]);
        assert_eq!(inline.markdown, "fewer than **ten**.");
        assert_eq!(inline.text, "fewer than ten.");
        assert!(!inline.emphasised);
    }

    #[test]
    fn render_keeps_marks_off_spaces() {
        let inline = render(&[
            span("a", false, false, None),
            span(" bold ", true, false, None),
            span("b", false, false, None),
        ]);
        assert_eq!(inline.markdown, "a **bold** b");
        let inline = render(&[
            span("one ", true, false, None),
            span(" ", false, false, None),
            span("two", true, false, None),
        ]);
        assert_eq!(inline.markdown, "**one two**");
    }

    #[test]
    fn render_nests_bold_and_italic() {
        let inline = render(&[
            span("all ", true, false, None),
            span("of", true, true, None),
            span(" it", true, false, None),
        ]);
        assert_eq!(inline.markdown, "**all *of* it**");
        assert!(inline.emphasised);
        let inline = render(&[
            span("The Freeport lost half", false, true, None),
            span(" its cargo.", false, true, None),
        ]);
        assert_eq!(inline.markdown, "*The Freeport lost half its cargo.*");
        assert!(inline.emphasised);
    }

    #[test]
    fn render_writes_links() {
        let inline = render(&[
            span("military logistics for the ", false, false, None),
            span(
                "allied ",
                false,
                false,
                Some("https://example.org/nato-baltic"),
            ),
            span(
                "presence ",
                true,
                false,
                Some("https://example.org/nato-baltic"),
            ),
            span(";", false, false, None),
        ]);
        assert_eq!(
            inline.markdown,
            "military logistics for the [allied **presence**](https://example.org/nato-baltic) ;"
        );
        assert_eq!(inline.text, "military logistics for the allied presence ;");
    }

    #[test]
    fn render_escapes_what_markdown_would_read() {
        let inline = render(&[span(
            "2*3 = 6_a [x] `c` <b>&amp; ~s~ \\ & more",
            false,
            false,
            None,
        )]);
        assert_eq!(
            inline.markdown,
            "2\\*3 = 6\\_a \\[x\\] \\`c\\` \\<b>\\&amp; \\~s\\~ \\\\ & more"
        );
        for (text, markdown) in [
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("- not a list", "\\- not a list"),
            ("+ not a list", "\\+ not a list"),
            ("12. not a list", "12\\. not a list"),
            ("3) not a list", "3\\) not a list"),
            ("2024 was a year", "2024 was a year"),
        ] {
            assert_eq!(render(&[span(text, false, false, None)]).markdown, markdown);
        }
    }

    #[test]
    fn only_http_https_and_mailto_links_are_kept() {
        assert_eq!(
            safe_link(" https://example.org/a b(c) "),
            Some("https://example.org/a%20b%28c%29".into())
        );
        assert_eq!(
            safe_link("mailto:a@example.org"),
            Some("mailto:a@example.org".into())
        );
        assert_eq!(
            safe_link("HTTP://EXAMPLE.ORG"),
            Some("HTTP://EXAMPLE.ORG".into())
        );
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link("/relative/path"), None);
        assert_eq!(safe_link("https://"), None);
    }
}
