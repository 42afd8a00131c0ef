//! The body of a Markdown file: its top-level blocks, each keeping the Markdown its writer wrote
//! (marks, links, list markers, quotes), links by reference written inline.

use std::sync::LazyLock;

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use regex::Regex;

use super::obsidian::{
    ADDRESSED_BY_NAME, FOR_THE_EDITOR, WIKI_LINKS_ONLY, addressed_label, callout, is_to_do,
};
use crate::import::inline::link_destination;
use crate::import::{Block, BlockKind};
use crate::text::one_line;

/// The body's top-level blocks, each with its own source text as Markdown. A writer's private
/// comments (Obsidian's `%% … %%`) are left out, and a callout (`> [!info] About the author`)
/// is read as its title and its text, not as a quotation.
pub(super) fn body_blocks(body: &str, warnings: &mut Vec<String>) -> Vec<Block> {
    let (body, comments) = without_comments(body);
    if comments > 0 {
        warnings.push(format!(
            "left out the writer's comments (%% … %%): {comments}"
        ));
    }
    let (body, tags) = without_liquid(&body);
    if tags > 0 {
        warnings.push(format!(
            "left out the site generator's tags ({{% … %}}, {{{{< … >}}}}, {{: … }}): {tags}"
        ));
    }
    let body = without_div_fences(&body);
    let mut blocks = blocks_of(&body, warnings);
    masthead_off(&mut blocks, warnings);
    // A section of the writer's own notes at the end ("## Sources / notes to self"): theirs, not
    // the piece's, down to the end of the file.
    if let Some(at) = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)) && OWN_NOTES.is_match(&b.text))
    {
        warnings.push(format!(
            "left out the writer's own notes “{}”",
            blocks[at].text.trim()
        ));
        blocks.truncate(at);
    }
    blocks
}

/// A newsletter's or site's name as a first `#` heading that is only a link to it ("# [Aegean
/// Notes](https://…)"), with its logo and a row of links around it, above the piece's own `#`
/// headline (as a Substack page saved as Markdown is): the masthead, not the piece. Everything
/// above the second `#` heading goes when none of it runs to a sentence of copy.
fn masthead_off(blocks: &mut Vec<Block>, warnings: &mut Vec<String>) {
    let top = |b: &Block| matches!(b.kind, BlockKind::Title | BlockKind::Heading(1));
    let mut tops = blocks.iter().enumerate().filter(|(_, b)| top(b));
    let (Some((first, masthead)), Some((second, _))) = (tops.next(), tops.next()) else {
        return;
    };
    if !LINK_ONLY_HEADING.is_match(masthead.markdown.trim())
        || blocks[..second]
            .iter()
            .any(|b| b.text.split_whitespace().count() > MASTHEAD_WORDS)
    {
        return;
    }
    warnings.push(format!(
        "left out the masthead above the headline “{}”",
        blocks[first].text.trim()
    ));
    blocks.drain(..second);
    blocks[0].kind = BlockKind::Title;
}

/// A masthead's parts (logo, name, links) are short; a paragraph longer than this is copy.
const MASTHEAD_WORDS: usize = 12;

/// "# [Aegean Notes](https://aegeannotes.substack.com/)": a heading that is a link and nothing
/// else.
static LINK_ONLY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^#\s+\[[^\]]+\]\([^)\s]+\)\s*#*$").unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// Pandoc's fenced divs (`::: {.bio}` … `:::`) are markup around their paragraphs, never text:
/// their fence lines go and what they hold is read as any paragraph is.
fn without_div_fences(body: &str) -> String {
    body.split_inclusive('\n')
        .filter(|line| !DIV_FENCE.is_match(line.trim_end()))
        .collect()
}

/// ":::", "::: {.bio}", "::: note": a fenced div's opening or closing line.
static DIV_FENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,3}:{3,}\s*(?:\{[^}\n]*\}|[\w-]+)?\s*:*\s*$")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// A heading over notes the writer keeps for themselves: "Notes to self", "Private notes".
static OWN_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:notes?\s+(?:to|for)\s+(?:self|myself|me)|private\s+notes?|my\s+notes|not\s+for\s+publication)\b")
        .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// Jekyll's Liquid tags (`{% include toc.html %}`, `{% comment %}…{% endcomment %}`), Hugo's
/// shortcodes (`{{< share-buttons >}}`, `{{% note %}}`) and kramdown's attribute lists.
static LIQUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{%-?[^%\n]{1,300}?-?%\}",
        r"|\{\{<[^\n]{1,300}?>\}\}|\{\{%[^\n]{1,300}?%\}\}",
        // kramdown's attribute lists: "{: .author-note}".
        r"|[ \t]*\{:[^}\n]{0,200}\}"
    ))
    .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// The template's tags taken out of the text, outside fenced code (a post about Jekyll shows
/// them there), and how many there were. Only a page generator reads them.
fn without_liquid(body: &str) -> (String, usize) {
    if !["{%", "{{<", "{{%", "{:"].iter().any(|t| body.contains(t)) {
        return (body.to_string(), 0);
    }
    let mut out = String::with_capacity(body.len());
    let mut count = 0;
    let mut prose = String::new();
    let mut fence: Option<&str> = None;
    let flush = |prose: &mut String, out: &mut String, count: &mut usize| {
        *count += LIQUID.find_iter(prose).count();
        out.push_str(&LIQUID.replace_all(prose, ""));
        prose.clear();
    };
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let mark = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, mark) {
            (None, Some(m)) => {
                flush(&mut prose, &mut out, &mut count);
                fence = Some(m);
                out.push_str(line);
            }
            (Some(open), Some(m)) if open == m => {
                fence = None;
                out.push_str(line);
            }
            (Some(_), _) => out.push_str(line),
            (None, None) => prose.push_str(line),
        }
    }
    flush(&mut prose, &mut out, &mut count);
    (out, count)
}

/// "- [ ] Legal read", "* [x] Bio confirmed": a list item with a box to tick.
fn is_task_item(item: &str) -> bool {
    let rest = item
        .trim_start()
        .trim_start_matches(|c: char| {
            matches!(c, '-' | '*' | '+') || c.is_ascii_digit() || c == '.'
        })
        .trim_start();
    ["[ ]", "[x]", "[X]"].iter().any(|b| rest.starts_with(b))
}

/// `%% … %%` spans taken out, and how many there were; an unclosed `%%` is left as text.
fn without_comments(body: &str) -> (String, usize) {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let mut count = 0;
    while let Some(start) = rest.find("%%") {
        let Some(len) = rest[start + 2..].find("%%") else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + 2 + len + 2..];
        count += 1;
    }
    out.push_str(rest);
    (out, count)
}

/// The paragraphs of an HTML block that holds text (not a comment, a script or an embed).
fn html_text(html: &str) -> Option<Vec<Block>> {
    let trimmed = html.trim_start();
    if trimmed.starts_with("<!--") || !trimmed.contains("<p") {
        return None;
    }
    // "<aside class="author-bio">": in the writer's own file an aside is their text (a bio box),
    // not a page's sidebar for the extractor to drop.
    let html = html.replace("<aside", "<div").replace("</aside>", "</div>");
    let doc = crate::import::html::read(html.as_bytes()).ok()?;
    let blocks: Vec<Block> = doc
        .blocks
        .into_iter()
        .filter(|b| !matches!(b.kind, BlockKind::Code))
        .map(|mut b| {
            if matches!(b.kind, BlockKind::Title | BlockKind::Subtitle) {
                b.kind = BlockKind::Paragraph;
            }
            b
        })
        .collect();
    (!blocks.is_empty()).then_some(blocks)
}

fn blocks_of(body: &str, warnings: &mut Vec<String>) -> Vec<Block> {
    let arena = Arena::new();
    let root = parse_document(&arena, body, &Options::default());
    let lines: Vec<&str> = body.split('\n').collect();
    let mut blocks = Vec::new();
    let mut html_blocks = 0;
    for node in root.children() {
        let value = node.data().value.clone();
        match value {
            NodeValue::List(list) => {
                // "- [ ] Legal read", "- [x] Bio confirmed": a checklist of the writer's or the
                // desk's tasks, never copy; with the heading standing right over it ("Editor
                // checklist").
                let items: Vec<String> = node.children().map(|i| source(i, &lines)).collect();
                if !items.is_empty() && items.iter().all(|i| is_task_item(i)) {
                    if blocks
                        .last()
                        .is_some_and(|b: &Block| matches!(b.kind, BlockKind::Heading(_)))
                        && node.next_sibling().is_none()
                    {
                        blocks.pop();
                    }
                    warnings.push(format!(
                        "left out a checklist of {} task(s) (“{}”)",
                        items.len(),
                        one_line(&items[0])
                    ));
                    continue;
                }
                let ordered = list.list_type == ListType::Ordered;
                for item in node.children() {
                    push(
                        &mut blocks,
                        BlockKind::ListItem { ordered },
                        bullet_as_dash(source(item, &lines), ordered),
                        item,
                    );
                }
            }
            NodeValue::Heading(heading) => {
                let kind = if heading.level == 1 && blocks.is_empty() {
                    BlockKind::Title
                } else {
                    BlockKind::Heading(heading.level)
                };
                let markdown = if heading.setext {
                    let text = source(node, &lines);
                    let content: Vec<&str> = text.lines().collect();
                    let content = &content[..content.len().saturating_sub(1)];
                    format!(
                        "{} {}",
                        "#".repeat(usize::from(heading.level)),
                        one_line(&content.join(" "))
                    )
                } else {
                    source(node, &lines)
                };
                push(&mut blocks, kind, markdown, node);
            }
            NodeValue::BlockQuote => {
                if let Some(inner) = callout(&source(node, &lines)) {
                    // "> [!note] For the editor": the writer's note to the desk, not copy; a
                    // "> [!todo]" list, the writer's own.
                    let title = inner.lines().next().unwrap_or("").trim();
                    if FOR_THE_EDITOR.is_match(title) || is_to_do(&source(node, &lines)) {
                        // An address in it is told, so that it can still reach the writer.
                        let emails = crate::import::contact::find_emails(&source(node, &lines));
                        warnings.push(if emails.is_empty() {
                            format!("left out the writer's note “{title}”")
                        } else {
                            format!(
                                "left out the writer's note “{title}” ({})",
                                emails.join(", ")
                            )
                        });
                    } else {
                        blocks.extend(blocks_of(&inner, warnings));
                    }
                    continue;
                }
                // "> 💡 Note for editor: …": a notes app's callout (its icon, then its text)
                // whose text opens by addressing the desk, the writer's note, not copy.
                if let Some(label) = addressed_label(&source(node, &lines))
                    && (FOR_THE_EDITOR.is_match(label) || ADDRESSED_BY_NAME.is_match(label))
                {
                    warnings.push(format!("left out the writer's note “{label}”"));
                    continue;
                }
                let markdown = source(node, &lines)
                    .lines()
                    .map(|line| {
                        if line.trim_start().starts_with('>') {
                            line.to_owned()
                        } else {
                            format!("> {line}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                push(&mut blocks, BlockKind::Quote, markdown, node);
            }
            NodeValue::CodeBlock(code) => {
                // "```{r}", "```{python}": a Quarto or R Markdown chunk the document runs to make
                // its figures, never copy (a code sample shown to readers is fenced "```r").
                if code.fenced && code.info.trim_start().starts_with('{') {
                    warnings.push(format!(
                        "left out a chunk of code the document runs (“{}”)",
                        code.info.trim()
                    ));
                    continue;
                }
                let text = one_line(&code.literal);
                if !text.is_empty() {
                    blocks.push(Block {
                        kind: BlockKind::Code,
                        markdown: source(node, &lines),
                        text,
                        emphasised: false,
                    });
                }
            }
            NodeValue::HtmlBlock(html) => match html_text(&html.literal) {
                // "<div class="author-bio"><p><strong>NAME</strong> is …</p></div>": text a
                // theme wanted styled; it is read as a page's paragraphs are.
                Some(read) => blocks.extend(read),
                None => html_blocks += 1,
            },
            NodeValue::ThematicBreak => {}
            _ => {
                let markdown = source(node, &lines);
                // "[[Submissions log]] · [[Slovakia – media notes]]": links to the writer's
                // other notes (Obsidian), which the desk does not have.
                if WIKI_LINKS_ONLY.is_match(markdown.trim()) {
                    warnings.push(format!(
                        "left out links to the writer's notes: {}",
                        markdown.trim()
                    ));
                    continue;
                }
                // A paragraph of images alone (a logo, a writer's avatar, a header picture,
                // linked or not) holds no words of the piece: its alt text is no paragraph.
                if let Some(images) = images_only(node) {
                    warnings.extend(images.iter().map(|u| format!("image left out: {u}")));
                    continue;
                }
                push(&mut blocks, BlockKind::Paragraph, markdown, node);
            }
        }
    }
    if html_blocks > 0 {
        warnings.push(format!(
            "left out HTML in the Markdown: {html_blocks} block{}",
            if html_blocks == 1 { "" } else { "s" }
        ));
    }
    blocks
}

/// "* item", "+ item": a bullet written as every reader of the desk writes it, "- item", as lists
/// from Word and web pages are.
fn bullet_as_dash(markdown: String, ordered: bool) -> String {
    match markdown
        .strip_prefix("* ")
        .or_else(|| markdown.strip_prefix("+ "))
    {
        Some(rest) if !ordered => format!("- {rest}"),
        _ => markdown,
    }
}

fn push<'a>(blocks: &mut Vec<Block>, kind: BlockKind, markdown: String, node: &'a AstNode<'a>) {
    let text = plain_text(node);
    if text.is_empty() || markdown.is_empty() {
        return;
    }
    blocks.push(Block {
        kind,
        markdown,
        text,
        emphasised: emphasised(node),
    });
}

/// A node's lines of source, unindented by its own column, without trailing white space. Links
/// and images that refer to a definition elsewhere (`[text][ref]`, `[ref]`) are written inline,
/// so the block is complete in itself.
fn source<'a>(node: &'a AstNode<'a>, lines: &[&str]) -> String {
    let pos = node.data().sourcepos;
    let (start, end) = (pos.start.line, pos.end.line);
    if start == 0 || end < start || end > lines.len() {
        return String::new();
    }
    let mut taken: Vec<String> = lines[start - 1..end]
        .iter()
        .map(|l| (*l).to_owned())
        .collect();
    let mut edits: Vec<(usize, usize, usize, String)> = node
        .descendants()
        .filter_map(|n| reference_link(n, lines))
        .collect();
    edits.sort_by_key(|(line, from, _, _)| std::cmp::Reverse((*line, *from)));
    for (line, from, to, inline) in edits {
        if let Some(text) = taken.get_mut(line - start)
            && from <= to
            && text.is_char_boundary(from)
            && text.is_char_boundary(to)
        {
            text.replace_range(from..to, &inline);
        }
    }
    let indent = pos.start.column.saturating_sub(1);
    let taken: Vec<&str> = taken
        .iter()
        .map(|line| {
            let spaces = line.bytes().take(indent).take_while(|b| *b == b' ').count();
            &line[spaces..]
        })
        .collect();
    taken.join("\n").trim_end().to_owned()
}

/// A link or image written by reference, on one line: its line, byte range, and the same link
/// written inline.
fn reference_link<'a>(
    node: &'a AstNode<'a>,
    lines: &[&str],
) -> Option<(usize, usize, usize, String)> {
    let (url, bang) = match &node.data().value {
        NodeValue::Link(link) => (link.url.clone(), ""),
        NodeValue::Image(link) => (link.url.clone(), "!"),
        _ => return None,
    };
    let pos = node.data().sourcepos;
    if pos.start.line != pos.end.line || pos.start.line == 0 {
        return None;
    }
    let line = lines.get(pos.start.line - 1)?;
    let (from, to) = (pos.start.column.checked_sub(1)?, pos.end.column);
    let span = line.get(from..to)?;
    let inner = span.strip_prefix(bang)?.strip_prefix('[')?;
    let mut depth = 1;
    let mut close = None;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if inner[close + 1..].starts_with('(') {
        return None;
    }
    let destination = link_destination(&url);
    Some((
        pos.start.line,
        from,
        to,
        format!("{bang}[{}]({destination})", &inner[..close]),
    ))
}

/// The words of a node: its text and code, breaks as spaces, white space collapsed.
/// The addresses of a paragraph's images when it holds nothing else (no word outside them).
fn images_only<'a>(node: &'a AstNode<'a>) -> Option<Vec<String>> {
    let mut images = Vec::new();
    for n in node.descendants() {
        match &n.data().value {
            NodeValue::Image(link) => images.push(link.url.clone()),
            NodeValue::Text(t) if !t.trim().is_empty() => {
                let in_image = n
                    .ancestors()
                    .any(|a| matches!(a.data().value, NodeValue::Image(_)));
                if !in_image {
                    return None;
                }
            }
            NodeValue::Code(_) => return None,
            _ => {}
        }
    }
    (!images.is_empty()).then_some(images)
}

fn plain_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match &n.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::CodeBlock(code) => {
                out.push(' ');
                out.push_str(&code.literal);
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::Item(_) => out.push(' '),
            _ => {}
        }
    }
    one_line(&out)
}

/// Every word of a paragraph or heading inside emphasis, or every word inside strong emphasis.
fn emphasised<'a>(node: &'a AstNode<'a>) -> bool {
    let inside = |n: &'a AstNode<'a>, strong: bool| {
        n.ancestors()
            .take_while(|a| !std::ptr::eq(*a, node))
            .any(|a| {
                matches!(
                    (&a.data().value, strong),
                    (NodeValue::Strong, true) | (NodeValue::Emph, false)
                )
            })
    };
    let words: Vec<&'a AstNode<'a>> = node
        .descendants()
        .filter(|n| match &n.data().value {
            NodeValue::Text(t) => !t.trim().is_empty(),
            NodeValue::Code(_) => true,
            _ => false,
        })
        .collect();
    !words.is_empty()
        && (words.iter().all(|n| inside(n, false)) || words.iter().all(|n| inside(n, true)))
}
