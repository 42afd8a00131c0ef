//! The body written back as one Markdown text: notes to the editor left out, subheadings made
//! headings, list items joined into their lists.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns;
use crate::import::{Block, BlockKind, Format};

/// The body as the desk keeps it: notes to the editor in brackets left out (and told in
/// `warnings`); subheadings marked as such ("[Crosshead] …"), set alone in bold, or in plain text
/// a short line standing alone between paragraphs, made headings; the top level of subheadings
/// made `##` (the headline is the one `#`).
pub(super) fn finish(body: &[&Block], format: Format, warnings: &mut Vec<String>) -> String {
    let mut blocks: Vec<Block> = Vec::with_capacity(body.len());
    let mut notes = Vec::new();
    let markers = comment_markers(body);
    for b in body {
        let mut b = (*b).clone();
        if !markers.is_empty() {
            // A comment's text goes; its marker in the copy goes with it.
            if is_comment(&b.text, &markers) {
                notes.push(b.text.trim().to_string());
                continue;
            }
            for m in &markers {
                b.text = b.text.replace(m.as_str(), "");
                b.markdown = b
                    .markdown
                    .replace(&m.replace('[', "\\[").replace(']', "\\]"), "")
                    .replace(m.as_str(), "");
            }
        }
        if !matches!(b.kind, BlockKind::Code) && EDITOR_NOTE.is_match(&b.markdown) {
            notes.extend(
                EDITOR_NOTE
                    .find_iter(&b.text)
                    .map(|m| m.as_str().trim().to_string()),
            );
            b.markdown = tidy_spaces(&EDITOR_NOTE.replace_all(&b.markdown, ""));
            b.text = tidy_spaces(&EDITOR_NOTE.replace_all(&b.text, ""));
            if !b.text.chars().any(char::is_alphanumeric) {
                continue;
            }
        }
        // "… she said. (Adds quote)": an agency's note of what its update changed, ending a
        // paragraph it changed; no part of the copy.
        if !matches!(b.kind, BlockKind::Code)
            && let Some(m) = WIRE_UPDATE.find(&b.text)
        {
            notes.push(m.as_str().trim().to_string());
            b.text = WIRE_UPDATE.replace(&b.text, "").trim_end().to_string();
            b.markdown = WIRE_UPDATE.replace(&b.markdown, "").trim_end().to_string();
            if !b.text.chars().any(char::is_alphanumeric) {
                continue;
            }
        }
        marked_subheading(&mut b);
        blocks.push(b);
    }
    if !notes.is_empty() {
        warnings.push(format!(
            "left out notes to the editor: {}",
            notes
                .iter()
                .map(|n| format!("“{n}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    unbolded_headings(&mut blocks);
    bold_subheadings(&mut blocks);
    typed_lists(&mut blocks);
    if format == Format::Text {
        mark_subheadings(&mut blocks);
    }
    // A piece never ends on a heading: one after the last paragraph heads a page's furniture
    // ("Never miss an argument", an author card's name); nor on a post's bare counts ("12", "4")
    // left over the comments' heading once the bio and the subscribe box above them went.
    while blocks.last().is_some_and(|b| {
        matches!(b.kind, BlockKind::Heading(_) | BlockKind::Title)
            || (body.len() > 1 && super::body::counts_alone(b))
    }) {
        blocks.pop();
    }
    let top = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading(_) | BlockKind::Title => Some(heading_level(b)),
            _ => None,
        })
        .min();
    if let Some(top) = top {
        for b in &mut blocks {
            if matches!(b.kind, BlockKind::Heading(_) | BlockKind::Title) {
                let level = (heading_level(b) + 2).saturating_sub(top).clamp(2, 6);
                b.kind = BlockKind::Heading(level);
                b.markdown = format!(
                    "{} {}",
                    "#".repeat(usize::from(level)),
                    b.markdown.trim_start_matches('#').trim_start()
                );
            }
        }
    }
    join_markdown(&blocks)
}

/// "[a]Jordi – can we cite …": a comment as Google Docs exports it with the text, its marker
/// ("[a]") also standing in the copy where it was made. The markers the body's comments use.
fn comment_markers(body: &[&Block]) -> Vec<String> {
    // Comments exported one after another may share a paragraph: "[a]… [b]…".
    let mut markers: Vec<String> = body
        .iter()
        .filter(|b| COMMENT.is_match(b.text.trim()))
        .flat_map(|b| MARKER_IN.captures_iter(&b.text).map(|c| c[1].to_string()))
        .collect();
    markers.sort();
    markers.dedup();
    // Only markers that stand in the copy too: "[a]" alone opening a line is no proof. Or
    // markers each comment's writer signs after ("[a]Dorota: should we …? [b]Ingrid: leave
    // it"), when the export left none in the copy: a thread between the writers.
    let signed: Vec<String> = body
        .iter()
        .filter(|b| COMMENT.is_match(b.text.trim()))
        .flat_map(|b| {
            SIGNED_MARKER
                .captures_iter(&b.text)
                .map(|c| c[1].to_string())
        })
        .collect();
    markers.retain(|m| {
        signed.contains(m)
            || body.iter().any(|b| {
                b.text.contains(m.as_str()) && !is_comment(&b.text, std::slice::from_ref(m))
            })
    });
    markers
}

/// The paragraph opens with one of the comments' markers.
fn is_comment(text: &str, markers: &[String]) -> bool {
    COMMENT
        .captures(text.trim())
        .is_some_and(|c| markers.iter().any(|m| m == &c[1]))
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"^(\[[a-z]{1,2}\])\S"));
static SIGNED_MARKER: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"(?:^|\s)(\[[a-z]{1,2}\])\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?:\s"));
static MARKER_IN: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"(?:^|\s)(\[[a-z]{1,2}\])\S"));

/// "[Editor: please check …]", "[check: 2023 or 2024?]", "[TK]", "[Note for Ruth: …]", "[AUTHOR
/// NOTE – delete before publication: …]": a writer's note to the desk (or to its editor by name)
/// in square brackets, in the copy or between its paragraphs; and the co-writers' or reviewers'
/// notes to each other, signed with their initials ("[ZK: Tomáš, can we double-check …]"); a
/// writer's note to themselves left in the draft ("[Annika - note to self: check the figure]"); a
/// reviewer's comment signed after its label ("[Comment – P. Achterberg, desk: table ok?]").
static EDITOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\s*\\?\[\s*(?:\p{Lu}{2,3}\s*:[^\[\]]*?\\?\]|\p{Lu}\p{Ll}+\s+[-–—]\s+[^\[\]]{0,400}?\b(?:I'?ve|I['’]ve|please|invoice|spelled|spelt|let\s+me\s+know|happy\s+to|available\s+from\s+me|can\s+we|could\s+(?:you|we)|check)\b[^\[\]]{0,400}?\\?\]|(?:\p{Lu}\p{Ll}+\s*[-–—,]\s*)?(?i:note\s+to\s+(?:self|myself))\s*[:\-–—][^\[\]]*?\\?\]|(?i:(?:ed|eds|editor|editors|subs?|desk|comments?(?:\s+[A-Z]{1,4}\d{0,2})?|check|fact[- ]?check|query|(?:nb|n\.b\.)(?:\s+(?:for|to)\s+(?:the\s+)?(?:editor|desk|subs|\p{Lu}\p{Ll}+))?|(?:(?:author|writer|contributor)['’]?s?\s+)?note(?:\s+(?:to|for)\s+(?:the\s+)?(?:editor|desk|subs|\p{Lu}\p{Ll}+))?|photo|picture|image|pic|caption|graphic|chart|graph|map|figure|table|word\s*count)\s*\d{0,2}\s*[:\-–—][^\[\]]*?\\?\]|(?:tk|tbc|tbd)\s*\\?\])|(?i:(?:c\.|ca\.|approx\.?|about)\s*)?\d[\d,]*\s+(?i:words)\b[^\[\]]*?\\?\]|(?i:word\s*count)\s+\d[^\[\]]*?\\?\])",
    )
});
/// "(Adds quote)", "(Updates with minister's comments, paragraphs 5-7)", "(Recasts)": an agency's
/// mark of what an update changed, at the end of a paragraph.
static WIRE_UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"(?:^|\s)\((?:Adds|Updates\s+with|Recasts|Rewrites|Refiles|Writes\s+through|Corrects)\b[^()]{0,80}\)$",
    )
});
/// A paragraph that is a note to the editor in brackets and nothing else ("[PHOTO: … credit …]").
pub(super) fn is_note_to_editor(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| matches!(c, '*' | '_'));
    EDITOR_NOTE
        .find(t)
        .is_some_and(|m| m.start() == 0 && m.end() == t.len())
        || (t.split_whitespace().count() <= 80 && SIGNED_COMMENT.is_match(t))
}

/// "💬 **Comment (Sebastian Kranz):** Can we get a figure …?": a notes app's comment thread,
/// each comment signed with its writer's name, exported as a line of its own.
static SIGNED_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"^(?:💬\s*)?[*_]*(?i:comment|reply)\s*\([^()]{2,40}\)\s*:?[*_]*\s*:?\s+\S")
});

/// "[Crosshead] Cheap to break", "[Subhead: Beyond naval patrols]": a subheading marked as one.
static SUBHEADING_MARK: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^\\?\[(?i:cross-?head(?:ing)?|sub-?head(?:ing)?|inter-?title|heading|h2|h3)\s*(?::\s*(?P<inner>[^\[\]]+?))?\\?\]\s*(?P<rest>.*)$",
    )
});

fn tidy_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(
            &line
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out.trim().to_string()
}

/// A paragraph that marks itself a subheading becomes one.
fn marked_subheading(b: &mut Block) {
    if b.kind != BlockKind::Paragraph {
        return;
    }
    let Some(caps) = SUBHEADING_MARK.captures(b.markdown.trim()) else {
        return;
    };
    let heading = caps
        .name("inner")
        .or_else(|| caps.name("rest"))
        .map_or("", |m| m.as_str())
        .trim()
        .to_string();
    if heading.is_empty() || heading.split_whitespace().count() > 20 {
        return;
    }
    b.kind = BlockKind::Heading(2);
    b.text = crate::text::one_line(&heading.replace(['*', '_', '\\'], ""));
    b.markdown = format!("## {heading}");
}

/// A short paragraph set wholly in bold, standing alone between paragraphs of the body and not
/// ending as a sentence does: a subheading (".md" `**…**`, Word's bold Normal paragraphs, a page's
/// `<p><strong>`).
/// "### **The problem of provenance**", as Google Docs exports a heading set in bold: the heading
/// is the mark, so the bold around all of it goes.
fn unbolded_headings(blocks: &mut [Block]) {
    for b in blocks
        .iter_mut()
        .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
    {
        let md = b.markdown.trim();
        let hashes = md.len() - md.trim_start_matches('#').len();
        let (marks, rest) = md.split_at(hashes);
        let rest = rest.trim();
        let inner = rest
            .strip_prefix("**")
            .and_then(|m| m.strip_suffix("**"))
            .or_else(|| rest.strip_prefix("__").and_then(|m| m.strip_suffix("__")))
            .filter(|i| !i.is_empty() && !i.contains("**") && !i.contains("__"));
        if let Some(inner) = inner {
            b.markdown = if marks.is_empty() {
                inner.trim().to_string()
            } else {
                format!("{marks} {}", inner.trim())
            };
        }
    }
}

fn bold_subheadings(blocks: &mut [Block]) {
    for i in 1..blocks.len().saturating_sub(1) {
        let b = &blocks[i];
        let md = b.markdown.trim();
        let inner = md
            .strip_prefix("**")
            .and_then(|m| m.strip_suffix("**"))
            .or_else(|| md.strip_prefix("__").and_then(|m| m.strip_suffix("__")));
        let Some(inner) = inner.filter(|i| !i.contains("**") && !i.contains("__")) else {
            continue;
        };
        let words = b.text.split_whitespace().count();
        let line = b.kind == BlockKind::Paragraph
            && (1..=14).contains(&words)
            && !b.text.trim_end().ends_with(['.', ':', ';', ','])
            && b.text.chars().next().is_some_and(char::is_uppercase);
        let prose = |b: &Block| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem { .. }
            ) && !b.markdown.trim_start().starts_with("**")
        };
        if line && prose(&blocks[i + 1]) && !matches!(blocks[i - 1].kind, BlockKind::Title) {
            let heading = format!("## {}", inner.trim());
            let b = &mut blocks[i];
            b.kind = BlockKind::Heading(2);
            b.markdown = heading;
        }
    }
}

/// "• Conditions must be specific …", "1. Give student housing priority …": list items typed
/// into plain paragraphs (Word's Normal style, a pasted list) are the list they read as. A
/// bullet mark makes an item alone; a number only in a run of two or more, so a paragraph that
/// happens to open with "1." stays one.
pub(super) fn typed_lists(blocks: &mut [Block]) {
    let numbered = |b: &Block| b.kind == BlockKind::Paragraph && TYPED_NUMBER.is_match(&b.text);
    let runs: Vec<bool> = (0..blocks.len())
        .map(|i| {
            numbered(&blocks[i])
                && ((i > 0 && numbered(&blocks[i - 1])) || blocks.get(i + 1).is_some_and(&numbered))
        })
        .collect();
    for (b, in_run) in blocks.iter_mut().zip(runs) {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        if let Some(c) = TYPED_BULLET.captures(&b.markdown) {
            let rest = c["rest"].to_string();
            b.kind = BlockKind::ListItem { ordered: false };
            b.text = TYPED_BULLET.replace(&b.text, "$rest").to_string();
            b.markdown = format!("- {rest}");
        } else if in_run && let Some(c) = TYPED_NUMBER.captures(&b.markdown) {
            let (n, rest) = (c["n"].to_string(), c["rest"].to_string());
            b.kind = BlockKind::ListItem { ordered: true };
            b.text = TYPED_NUMBER.replace(&b.text, "$rest").to_string();
            b.markdown = format!("{n}. {rest}");
        }
    }
}

static TYPED_BULLET: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^\s*[•▪◦●]\s*(?P<rest>\S.*)$"));
static TYPED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^\s*(?P<n>\d{1,2})\\?[.)]\s+(?P<rest>\S.*)$"));

fn heading_level(b: &Block) -> u8 {
    match b.kind {
        BlockKind::Heading(n) => n,
        _ => 1,
    }
}

/// A line of at most ten words, without a sentence's end, alone between two paragraphs of prose:
/// how plain text sets a subheading.
fn mark_subheadings(blocks: &mut [Block]) {
    let prose = |b: &Block, words: usize| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem { .. }
        ) && b.text.split_whitespace().count() >= words
            && b.text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '’', ')', ';', ':'])
    };
    for i in 1..blocks.len().saturating_sub(1) {
        let b = &blocks[i];
        // "'They trust her'": a subheading quoting someone, inside its quotation marks.
        let text = quoted(b.text.trim()).unwrap_or(b.text.trim());
        let words = text.split_whitespace().count();
        let line = b.kind == BlockKind::Paragraph
            && (1..=10).contains(&words)
            && !text.ends_with(['.', '!', '?', ':', ';', ',', '…', '"', '”'])
            && text.chars().next().is_some_and(char::is_uppercase);
        // Under it, a paragraph of prose; a short one ("There are three reasons …") will do when
        // a long one stands above.
        let under =
            prose(&blocks[i + 1], 15) || (prose(&blocks[i + 1], 8) && prose(&blocks[i - 1], 15));
        if line && prose(&blocks[i - 1], 5) && under {
            let b = &mut blocks[i];
            b.kind = BlockKind::Heading(2);
            b.markdown = format!("## {}", b.markdown);
        }
    }
}

/// What a line says inside the quotation marks around the whole of it.
fn quoted(text: &str) -> Option<&str> {
    [('\'', '\''), ('"', '"'), ('‘', '’'), ('“', '”')]
        .into_iter()
        .find_map(|(open, close)| text.strip_prefix(open)?.strip_suffix(close))
        .filter(|inner| !inner.contains(['"', '“', '”']))
        .map(str::trim)
}

/// Blocks back into one Markdown text: list items of one list on consecutive lines.
fn join_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<BlockKind> = None;
    for b in blocks {
        if let Some(p) = previous {
            let same_list = matches!(
                (p, b.kind),
                (BlockKind::ListItem { ordered: a }, BlockKind::ListItem { ordered: c }) if a == c
            );
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        out.push_str(b.markdown.trim_end());
        previous = Some(b.kind);
    }
    out
}
