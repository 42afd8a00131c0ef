//! Markdown (.md) read into blocks: optional YAML front matter becomes `Meta`, and each top-level
//! block of the body keeps the Markdown its writer wrote (marks, links, list markers, quotes).

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};
use saphyr::{LoadableYamlNode, ScalarOwned, YamlOwned};

use super::decode::decode;
use super::inline::link_destination;
use super::{BadFile, Block, BlockKind, Document, Format, Meta, MetaAuthor};
use crate::text::one_line;

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (source, warning) = decode(bytes)?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let (meta, body) = match split_front_matter(&source) {
        Some((yaml, body)) => (front_matter(yaml, &mut warnings)?, body),
        None => (Meta::default(), source.as_str()),
    };
    let blocks = body_blocks(body, &mut warnings);
    if blocks.is_empty() {
        return Err(BadFile::new("has no text"));
    }
    Ok(Document {
        format: Format::Markdown,
        meta,
        blocks,
        warnings,
    })
}

/// The front matter's YAML and the body after it. The front matter opens with a first line `---`
/// and closes with a line `---` or `...`.
fn split_front_matter(source: &str) -> Option<(&str, &str)> {
    let first_end = source.find('\n')?;
    if source[..first_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_end + 1;
    while offset <= source.len() {
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[offset..end].trim_end();
        if line == "---" || line == "..." {
            let yaml = &source[first_end + 1..offset];
            let body = source.get(end + 1..).unwrap_or("");
            return Some((yaml, body));
        }
        if end == source.len() {
            break;
        }
        offset = end + 1;
    }
    None
}

fn front_matter(yaml: &str, warnings: &mut Vec<String>) -> Result<Meta, BadFile> {
    let documents = YamlOwned::load_from_str(yaml).map_err(|e| {
        BadFile::new(format!(
            "has front matter that is not valid YAML (line {}: {})",
            e.marker().line() + 1,
            e.info()
        ))
    })?;
    let mut meta = Meta::default();
    let Some(root) = documents.into_iter().next() else {
        return Ok(meta);
    };
    let YamlOwned::Mapping(map) = untag(root) else {
        return Err(BadFile::new(
            "has front matter that is not valid YAML (it is not a list of `key: value` lines)",
        ));
    };
    let mut unknown = Vec::new();
    let mut single = MetaAuthor::default();
    let mut single_keys = Vec::new();
    for (key, value) in map {
        let Some(key) = scalar(&key) else {
            continue;
        };
        let value = untag(value);
        match key.to_lowercase().as_str() {
            "title" => meta.title = meta.title.take().or(scalar(&value)),
            "standfirst" | "subtitle" | "description" | "dek" | "summary" | "excerpt" | "lede"
            | "lead" => {
                meta.standfirst = meta.standfirst.take().or(scalar(&value));
            }
            "author" | "authors" => meta.authors.extend(authors(value)),
            "email" => set_single(&mut single.email, &value, "email", &mut single_keys),
            "affiliation" => set_single(
                &mut single.affiliation,
                &value,
                "affiliation",
                &mut single_keys,
            ),
            "bio" => set_single(&mut single.bio, &value, "bio", &mut single_keys),
            "section" => meta.section = meta.section.take().or(first_scalar(&value)),
            "tags" | "tag" | "keywords" => meta.tags.extend(tags(&value)),
            _ => unknown.push(key),
        }
    }
    if !single_keys.is_empty() {
        if let [author] = meta.authors.as_mut_slice() {
            author.email = author.email.take().or(single.email);
            author.affiliation = author.affiliation.take().or(single.affiliation);
            author.bio = author.bio.take().or(single.bio);
        } else {
            warnings.push(format!(
                "left out front matter {}: {}",
                single_keys.join(", "),
                if meta.authors.is_empty() {
                    "no author is named"
                } else {
                    "there are several authors"
                }
            ));
        }
    }
    dedupe(&mut meta.tags);
    if !unknown.is_empty() {
        warnings.push(format!(
            "left out front matter keys: {}",
            unknown.join(", ")
        ));
    }
    Ok(meta)
}

/// Email, affiliation and bio given beside `author`: kept for a single author.
fn set_single(
    slot: &mut Option<String>,
    value: &YamlOwned,
    key: &'static str,
    keys: &mut Vec<&'static str>,
) {
    if let Some(text) = scalar(value) {
        *slot = Some(text);
        keys.push(key);
    }
}

fn untag(value: YamlOwned) -> YamlOwned {
    match value {
        YamlOwned::Tagged(_, inner) => untag(*inner),
        other => other,
    }
}

/// A scalar's text, trimmed; `None` for nulls, empty text and collections.
fn scalar(value: &YamlOwned) -> Option<String> {
    let text = match value {
        YamlOwned::Value(ScalarOwned::String(s)) => s.clone(),
        YamlOwned::Value(ScalarOwned::Integer(i)) => i.to_string(),
        YamlOwned::Value(ScalarOwned::FloatingPoint(f)) => f.to_string(),
        YamlOwned::Value(ScalarOwned::Boolean(b)) => b.to_string(),
        YamlOwned::Representation(s, _, _) => s.clone(),
        YamlOwned::Tagged(_, inner) => return scalar(inner),
        _ => return None,
    };
    let text = one_line(&text);
    (!text.is_empty()).then_some(text)
}

fn first_scalar(value: &YamlOwned) -> Option<String> {
    match value {
        YamlOwned::Sequence(items) => items.iter().find_map(scalar),
        other => scalar(other),
    }
}

/// `author: Name`, `authors: [A, B]`, or a list of maps with name, email, affiliation and bio.
fn authors(value: YamlOwned) -> Vec<MetaAuthor> {
    match value {
        YamlOwned::Sequence(items) => items.into_iter().flat_map(authors).collect(),
        YamlOwned::Mapping(map) => {
            let mut author = MetaAuthor::default();
            for (key, value) in map {
                let (Some(key), Some(value)) = (scalar(&key), scalar(&untag(value))) else {
                    continue;
                };
                match key.to_lowercase().as_str() {
                    "name" => author.name = value,
                    "email" => author.email = Some(value),
                    "affiliation" => author.affiliation = Some(value),
                    "bio" => author.bio = Some(value),
                    _ => {}
                }
            }
            if author.name.is_empty() {
                Vec::new()
            } else {
                vec![author]
            }
        }
        other => scalar(&other)
            .map(|name| MetaAuthor {
                name,
                ..MetaAuthor::default()
            })
            .into_iter()
            .collect(),
    }
}

/// A YAML list of tags, or one string of tags separated by commas.
fn tags(value: &YamlOwned) -> Vec<String> {
    match value {
        YamlOwned::Sequence(items) => items.iter().flat_map(tags).collect(),
        other => scalar(other)
            .map(|s| {
                s.split(',')
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn dedupe(items: &mut Vec<String>) {
    let mut seen = Vec::new();
    items.retain(|item| {
        let key = item.to_lowercase();
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// The body's top-level blocks, each with its own source text as Markdown.
fn body_blocks(body: &str, warnings: &mut Vec<String>) -> Vec<Block> {
    let arena = Arena::new();
    let root = parse_document(&arena, body, &Options::default());
    let lines: Vec<&str> = body.split('\n').collect();
    let mut blocks = Vec::new();
    let mut html_blocks = 0;
    for node in root.children() {
        let value = node.data().value.clone();
        match value {
            NodeValue::List(list) => {
                let ordered = list.list_type == ListType::Ordered;
                for item in node.children() {
                    push(
                        &mut blocks,
                        BlockKind::ListItem { ordered },
                        source(item, &lines),
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
            NodeValue::HtmlBlock(_) => html_blocks += 1,
            NodeValue::ThematicBreak => {}
            _ => push(
                &mut blocks,
                BlockKind::Paragraph,
                source(node, &lines),
                node,
            ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/import/baltic-grid.md"
        ))
        .unwrap();
        read(&bytes).unwrap()
    }

    #[test]
    fn the_sample_front_matter_becomes_meta() {
        let doc = sample();
        assert_eq!(
            doc.meta,
            Meta {
                title: Some("The Baltic grid is ready. Is Europe?".into()),
                standfirst: Some(
                    "Estonia, Latvia and Lithuania left the Russian power system this year. \
                     The hard part starts now."
                        .into()
                ),
                authors: vec![MetaAuthor {
                    name: "Ieva Kalniņa".into(),
                    email: Some("ieva.kalnina@example.org".into()),
                    affiliation: Some("Riga Centre for Energy Security".into()),
                    bio: Some(
                        "Ieva Kalniņa is director of the Riga Centre for Energy Security and a \
                         member of the EU's expert group on grid resilience."
                            .into()
                    ),
                }],
                section: Some("Opinion".into()),
                tags: vec!["energy".into(), "baltics".into(), "security".into()],
            }
        );
        assert_eq!(doc.warnings, Vec::<String>::new());
        assert_eq!(doc.format, Format::Markdown);
    }

    #[test]
    fn the_sample_body_keeps_its_markdown_block_by_block() {
        let doc = sample();
        let got: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    BlockKind::Paragraph,
                    "On a cold morning in February, the three Baltic states switched off from \
                     the **BRELL** ring and joined the continental European grid."
                ),
                (BlockKind::Heading(2), "## What the switch changed"),
                (
                    BlockKind::ListItem { ordered: false },
                    "- Frequency control now sits in Vilnius, Riga and Tallinn, not Moscow."
                ),
                (
                    BlockKind::ListItem { ordered: false },
                    "- Three new interconnectors carry *most* of the balancing power."
                ),
                (
                    BlockKind::ListItem { ordered: false },
                    "- The [synchronisation agreement](https://example.org/sync-agreement) sets \
                     out who pays for reserves."
                ),
                (
                    BlockKind::Quote,
                    "> A grid is only as secure as its weakest cable."
                ),
                (
                    BlockKind::Paragraph,
                    "The cables under the Baltic Sea have already been damaged twice. Repairs \
                     took weeks."
                ),
                (BlockKind::Heading(2), "## What Europe must do next"),
                (
                    BlockKind::Paragraph,
                    "Protecting undersea infrastructure is a European task, not a Baltic one. \
                     The next budget should treat it that way."
                ),
            ]
        );
        assert_eq!(
            doc.blocks[4].text,
            "The synchronisation agreement sets out who pays for reserves."
        );
        assert_eq!(doc.blocks[1].text, "What the switch changed");
        assert_eq!(
            doc.blocks[5].text,
            "A grid is only as secure as its weakest cable."
        );
        assert!(doc.blocks.iter().all(|b| !b.emphasised));
    }

    #[test]
    fn without_front_matter_a_first_level_one_heading_is_the_title() {
        let doc = read(b"# The headline\n\n*All of the standfirst.*\n\n# Later\n\nText").unwrap();
        assert_eq!(doc.meta, Meta::default());
        let got: Vec<(BlockKind, &str, bool)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.emphasised))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Title, "The headline", false),
                (BlockKind::Paragraph, "All of the standfirst.", true),
                (BlockKind::Heading(1), "Later", false),
                (BlockKind::Paragraph, "Text", false),
            ]
        );
        assert_eq!(doc.blocks[0].markdown, "# The headline");
    }

    #[test]
    fn setext_headings_are_written_as_atx() {
        let doc = read(b"Para first\n\nA *sub*\nheading\n-------\n\nText").unwrap();
        assert_eq!(doc.blocks[1].kind, BlockKind::Heading(2));
        assert_eq!(doc.blocks[1].markdown, "## A *sub* heading");
        assert_eq!(doc.blocks[1].text, "A sub heading");
    }

    #[test]
    fn ordered_items_and_multi_line_items_keep_their_source() {
        let doc = read(
            b"Intro\n\n3. third\n4. fourth, which\n   goes on\n   - with a sub-point\n\n\
              > quoted and\nlazily continued\n\n```\ncode *here*\n```\n",
        )
        .unwrap();
        let got: Vec<(BlockKind, &str, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str(), b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Paragraph, "Intro", "Intro"),
                (BlockKind::ListItem { ordered: true }, "3. third", "third"),
                (
                    BlockKind::ListItem { ordered: true },
                    "4. fourth, which\n   goes on\n   - with a sub-point",
                    "fourth, which goes on with a sub-point"
                ),
                (
                    BlockKind::Quote,
                    "> quoted and\n> lazily continued",
                    "quoted and lazily continued"
                ),
                (BlockKind::Code, "```\ncode *here*\n```", "code *here*"),
            ]
        );
    }

    #[test]
    fn reference_links_are_written_inline() {
        let doc = read(
            b"See [the report][r1], [Eurostat] and [inline](https://example.org/i) or \
              <https://example.org/auto>.\n\n- ![a chart][img] too\n\n\
              [r1]: https://example.org/report \"Title\"\n[eurostat]: https://example.org/e\n\
              [img]: https://example.org/c.png\n",
        )
        .unwrap();
        assert_eq!(
            markdown_of(&doc),
            vec![
                "See [the report](https://example.org/report), \
                 [Eurostat](https://example.org/e) and [inline](https://example.org/i) or \
                 <https://example.org/auto>.",
                "- ![a chart](https://example.org/c.png) too",
            ]
        );
        assert_eq!(
            doc.blocks[0].text,
            "See the report, Eurostat and inline or https://example.org/auto."
        );
    }

    fn markdown_of(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
    }

    #[test]
    fn html_blocks_and_rules_are_left_out() {
        let doc = read(b"One\n\n<div class=\"x\">raw</div>\n\n---\n\nTwo").unwrap();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["One", "Two"]);
        assert_eq!(
            doc.warnings,
            vec!["left out HTML in the Markdown: 1 block".to_owned()]
        );
    }

    #[test]
    fn crlf_never_survives() {
        let doc =
            read(b"---\r\ntitle: T\r\n---\r\n\r\nA line\r\nand more\r\n\r\n- item\r\n").unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.blocks[0].markdown, "A line\nand more");
        assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
    }

    #[test]
    fn front_matter_accepts_other_names_and_shapes() {
        let doc = read(
            "---\ntitle: T\ndek: The dek\nauthors:\n  - name: Ana Pereira\n    email: ana@example.org\n    affiliation: IPRI\n    bio: Ana is a researcher.\n  - Tomasz Wójcik\nsection: [Europe, World]\ntags: \"nato, defence,  nato\"\nlayout: post\ndate: 2024-05-01\n...\nBody"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(doc.meta.standfirst.as_deref(), Some("The dek"));
        assert_eq!(
            doc.meta.authors,
            vec![
                MetaAuthor {
                    name: "Ana Pereira".into(),
                    email: Some("ana@example.org".into()),
                    affiliation: Some("IPRI".into()),
                    bio: Some("Ana is a researcher.".into()),
                },
                MetaAuthor {
                    name: "Tomasz Wójcik".into(),
                    ..MetaAuthor::default()
                },
            ]
        );
        assert_eq!(doc.meta.section.as_deref(), Some("Europe"));
        assert_eq!(doc.meta.tags, vec!["nato".to_owned(), "defence".to_owned()]);
        assert_eq!(
            doc.warnings,
            vec!["left out front matter keys: layout, date".to_owned()]
        );
        assert_eq!(doc.blocks, vec![Block::paragraph("Body")]);
    }

    #[test]
    fn subtitle_and_description_are_standfirsts() {
        for key in [
            "subtitle",
            "description",
            "standfirst",
            "summary",
            "excerpt",
        ] {
            let doc = read(format!("---\n{key}: S\n---\nBody").as_bytes()).unwrap();
            assert_eq!(doc.meta.standfirst.as_deref(), Some("S"), "{key}");
        }
    }

    #[test]
    fn single_author_fields_need_a_single_author() {
        let doc =
            read(b"---\nauthors: [A, B]\nemail: a@example.org\nbio: A bio.\n---\nBody").unwrap();
        assert_eq!(
            doc.warnings,
            vec!["left out front matter email, bio: there are several authors".to_owned()]
        );
        assert!(doc.meta.authors.iter().all(|a| a.email.is_none()));
        let doc = read(b"---\nemail: a@example.org\n---\nBody").unwrap();
        assert_eq!(
            doc.warnings,
            vec!["left out front matter email: no author is named".to_owned()]
        );
    }

    #[test]
    fn broken_yaml_is_refused() {
        assert_eq!(
            read(b"---\ntitle: T\nauthor: x\n  bad: y\n---\nBody").unwrap_err(),
            BadFile::new(
                "has front matter that is not valid YAML \
                 (line 4: mapping values are not allowed in this context)"
            )
        );
        assert_eq!(
            read(b"---\n- just\n- a list\n---\nBody").unwrap_err(),
            BadFile::new(
                "has front matter that is not valid YAML (it is not a list of `key: value` lines)"
            )
        );
    }

    #[test]
    fn an_unclosed_front_matter_is_markdown() {
        let doc = read(b"---\nNot front matter\n\nText").unwrap();
        assert_eq!(doc.meta, Meta::default());
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Not front matter", "Text"]);
    }

    #[test]
    fn a_file_with_only_front_matter_has_no_text() {
        assert_eq!(
            read(b"---\ntitle: T\n---\n\n").unwrap_err(),
            BadFile::new("has no text")
        );
        assert_eq!(
            read(b"\x00\x01binary").unwrap_err(),
            BadFile::new("is binary, not text")
        );
    }

    #[test]
    fn windows_1252_markdown_is_converted() {
        let doc = read(b"Caf\xE9 **cr\xE8me**").unwrap();
        assert_eq!(doc.blocks[0].markdown, "Café **crème**");
        assert_eq!(
            doc.warnings,
            vec!["converted from Windows-1252 (the file was not UTF-8)".to_owned()]
        );
    }
}
