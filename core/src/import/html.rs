//! HTML (.html) read into blocks: the article is found in the page, page furniture (navigation,
//! scripts, share buttons, comments, adverts) is left out, and only an allowlist of constructs
//! becomes Markdown: paragraphs, headings, list items, quotes, code, bold, italic and http(s) or
//! mailto links. `<meta>` and `og:` tags give the title, standfirst, authors, section and tags.

use std::collections::HashSet;

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, ns, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::decode::{self, binary, clean, looks_binary};
use super::inline::{Span, render, safe_link};
use super::{BadFile, Block, BlockKind, Document, Format, Meta, MetaAuthor};
use crate::text::one_line;

/// Elements nested deeper than this are not read (a page built to exhaust the stack).
const MAX_DEPTH: usize = 200;

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (source, warning) = decode(bytes)?;
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(source);
    let root = dom.document.clone();
    let head = find(&root, &|n| is(n, "head"));
    let body = find(&root, &|n| is(n, "body")).unwrap_or_else(|| root.clone());

    let meta = read_meta(head.as_ref(), &body);
    let content = find_content(&body);

    let mut writer = Writer::default();
    writer.walk(&content, &Ctx::default(), 0);
    writer.flush(&Ctx::default());
    if !writer.blocks.iter().any(|b| b.kind == BlockKind::Title)
        && let Some(h1) = find_outside(&body, &content, &|n| is(n, "h1"))
    {
        let inline = render(&[Span {
            text: text_content(&h1),
            ..Span::default()
        }]);
        if !inline.text.is_empty() {
            writer.blocks.insert(
                0,
                Block {
                    kind: BlockKind::Title,
                    markdown: format!("# {}", inline.markdown),
                    text: inline.text,
                    emphasised: false,
                },
            );
        }
    }
    count_furniture(&body, &content, &mut writer.left_out);
    if writer.blocks.is_empty() {
        return Err(BadFile::new("has no text"));
    }

    let mut warnings: Vec<String> = warning.into_iter().collect();
    if let Some(parts) = writer.left_out.summary() {
        warnings.push(format!("left out page parts: {parts}"));
    }
    let mut seen = HashSet::new();
    for image in &writer.images {
        if seen.insert(image) {
            warnings.push(format!("image left out: {image}"));
        }
    }
    if writer.too_deep {
        warnings.push(format!(
            "left out text nested more than {MAX_DEPTH} elements deep"
        ));
    }
    Ok(Document {
        format: Format::Html,
        meta,
        blocks: writer.blocks,
        warnings,
    })
}

/// The page's text: as `decode::decode` does, except that a page that is not UTF-8 and declares
/// another charset than Windows-1252 (`<meta charset>`) is read in that charset.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), BadFile> {
    let has_bom = encoding_rs::Encoding::for_bom(bytes).is_some();
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return decode::decode(bytes);
    }
    match declared_charset(bytes) {
        Some(encoding)
            if encoding != encoding_rs::UTF_8
                && encoding != encoding_rs::WINDOWS_1252
                && encoding != encoding_rs::UTF_16LE
                && encoding != encoding_rs::UTF_16BE =>
        {
            if looks_binary(bytes.iter().map(|&b| u32::from(b))) {
                return Err(binary());
            }
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or_else(|| BadFile::new(format!("is not valid text in {}", encoding.name())))?;
            Ok((
                clean(&text),
                Some(format!(
                    "converted from {} (the file was not UTF-8)",
                    encoding.name()
                )),
            ))
        }
        _ => decode::decode(bytes),
    }
}

/// The charset a page declares in its first 2 KB (`<meta charset=…>` or `content="…; charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let start = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = start.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

fn name(node: &Handle) -> Option<&str> {
    match &node.data {
        NodeData::Element { name, .. } if name.ns == ns!(html) => Some(&name.local),
        _ => None,
    }
}

fn is(node: &Handle, tag: &str) -> bool {
    name(node) == Some(tag)
}

fn attr(node: &Handle, key: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| (*a.name.local).eq_ignore_ascii_case(key))
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

fn children(node: &Handle) -> Vec<Handle> {
    node.children.borrow().clone()
}

/// The first node, in document order, that matches (the node itself included).
fn find(node: &Handle, test: &dyn Fn(&Handle) -> bool) -> Option<Handle> {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if test(&n) {
            return Some(n);
        }
        stack.extend(children(&n).into_iter().rev());
    }
    None
}

/// Every element that matches, in document order.
fn find_all(node: &Handle, test: &dyn Fn(&Handle) -> bool) -> Vec<Handle> {
    let mut found = Vec::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if test(&n) {
            found.push(n.clone());
        }
        stack.extend(children(&n).into_iter().rev());
    }
    found
}

/// The first match outside `skip`, not inside navigation, sidebars, footers or scripts.
fn find_outside(node: &Handle, skip: &Handle, test: &dyn Fn(&Handle) -> bool) -> Option<Handle> {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if std::rc::Rc::ptr_eq(&n, skip)
            || matches!(
                name(&n),
                Some("nav" | "aside" | "footer" | "script" | "style" | "template")
            )
        {
            continue;
        }
        if test(&n) {
            return Some(n);
        }
        stack.extend(children(&n).into_iter().rev());
    }
    None
}

/// A node's text, white space collapsed; scripts and styles not read.
fn text_content(node: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { .. } => {
                if matches!(name(&n), Some("script" | "style" | "template")) {
                    continue;
                }
                if matches!(name(&n), Some("br" | "p" | "div" | "li")) {
                    out.push(' ');
                }
                stack.extend(children(&n).into_iter().rev());
            }
            _ => stack.extend(children(&n).into_iter().rev()),
        }
    }
    one_line(&out)
}

/// The words of a `class` and `id`, lowercased: `js-share-bar` gives js, share, bar. Classes
/// that name a post's tags, categories or topics (WordPress's `tag-social-media`) are not read.
fn class_words(node: &Handle) -> Vec<String> {
    let mut words = Vec::new();
    for value in [attr(node, "class"), attr(node, "id")]
        .into_iter()
        .flatten()
    {
        for token in value.split_whitespace() {
            let token = token.to_lowercase();
            if ["tag-", "category-", "topic-"]
                .iter()
                .any(|p| token.starts_with(p))
            {
                continue;
            }
            words.extend(
                token
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    words
}

/// What page furniture an element is, by its tag or the words of its class and id.
fn furniture(node: &Handle) -> Option<Part> {
    let part = match name(node)? {
        "script" | "noscript" => Part::Script,
        "style" => Part::Style,
        "template" | "svg" | "canvas" | "object" | "embed" | "select" | "input" | "textarea"
        | "dialog" => Part::Silent,
        "iframe" => Part::Frame,
        "form" => Part::Form,
        "button" => Part::Button,
        "nav" => Part::Navigation,
        "header" => Part::Header,
        "footer" => Part::Footer,
        "aside" => Part::Sidebar,
        "figure" => Part::Figure,
        "video" => Part::Video,
        "audio" => Part::Audio,
        "menu" => Part::Menu,
        _ => {
            if attr(node, "hidden").is_some()
                || attr(node, "aria-hidden").is_some_and(|v| v == "true")
            {
                return Some(Part::Silent);
            }
            let words = class_words(node);
            let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
            if has(&["share", "sharing", "social", "sharebar"]) {
                Part::Share
            } else if has(&["comment", "comments", "disqus", "respond"]) {
                Part::Comments
            } else if has(&["recommended", "teaser", "teasers"])
                || words.iter().any(|w| w.starts_with("related"))
            {
                Part::Related
            } else if has(&["newsletter", "subscribe", "subscription", "signup"]) {
                Part::Newsletter
            } else if has(&[
                "ad",
                "ads",
                "advert",
                "adverts",
                "advertisement",
                "adsbygoogle",
                "sponsored",
                "promo",
                "promotion",
            ]) {
                Part::Advert
            } else if has(&["breadcrumb", "breadcrumbs"]) {
                Part::Breadcrumbs
            } else if has(&["cookie", "cookies", "consent", "gdpr"]) {
                Part::Cookie
            } else if has(&["menu", "navbar"]) {
                Part::Menu
            } else if has(&[
                "posted",
                "dateline",
                "timestamp",
                "date",
                "published",
                "updated",
            ]) {
                Part::Date
            } else if has(&["tags", "tagcloud", "categories"]) {
                Part::Tags
            } else if has(&["kicker", "eyebrow"]) {
                Part::Kicker
            } else {
                return None;
            }
        }
    };
    Some(part)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Script,
    Style,
    Frame,
    Form,
    Button,
    Navigation,
    Header,
    Footer,
    Sidebar,
    Figure,
    Video,
    Audio,
    Menu,
    Share,
    Comments,
    Related,
    Newsletter,
    Advert,
    Breadcrumbs,
    Cookie,
    Date,
    Tags,
    Kicker,
    /// Left out without a word: templates, graphics, form fields.
    Silent,
}

impl Part {
    /// How the part is named in the warning: one, and several (the same word when the part is
    /// not counted).
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Part::Script => ("script", "scripts"),
            Part::Style => ("style sheet", "style sheets"),
            Part::Frame => ("embedded frame", "embedded frames"),
            Part::Form => ("form", "forms"),
            Part::Button => ("button", "buttons"),
            Part::Navigation => ("navigation", "navigation"),
            Part::Header => ("page header", "page headers"),
            Part::Footer => ("page footer", "page footers"),
            Part::Sidebar => ("sidebar", "sidebars"),
            Part::Figure => ("figure", "figures"),
            Part::Video => ("video", "videos"),
            Part::Audio => ("audio", "audio"),
            Part::Menu => ("menu", "menus"),
            Part::Share => ("share buttons", "share buttons"),
            Part::Comments => ("comments", "comments"),
            Part::Related => ("related links", "related links"),
            Part::Newsletter => ("newsletter sign-up", "newsletter sign-ups"),
            Part::Advert => ("advert", "adverts"),
            Part::Breadcrumbs => ("breadcrumbs", "breadcrumbs"),
            Part::Cookie => ("cookie notice", "cookie notices"),
            Part::Date => ("publication date", "publication dates"),
            Part::Tags => ("tag list", "tag lists"),
            Part::Kicker => ("kicker", "kickers"),
            Part::Silent => ("", ""),
        }
    }
}

/// Page parts left out, counted, in the order first met.
#[derive(Default)]
struct LeftOut(Vec<(Part, usize)>);

impl LeftOut {
    fn add(&mut self, part: Part) {
        if part == Part::Silent {
            return;
        }
        match self.0.iter_mut().find(|(p, _)| *p == part) {
            Some((_, count)) => *count += 1,
            None => self.0.push((part, 1)),
        }
    }

    fn summary(&self) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let words: Vec<String> = self
            .0
            .iter()
            .map(|(part, count)| {
                let (one, several) = part.words();
                if one == several || *count == 1 {
                    one.to_owned()
                } else {
                    format!("{count} {several}")
                }
            })
            .collect();
        Some(words.join(", "))
    }
}

/// A `<header>` that holds the page's `<h1>` is the article's own header, not furniture.
fn article_header(node: &Handle) -> bool {
    is(node, "header") && find(node, &|n| is(n, "h1")).is_some()
}

/// An article's own header (its title), footer or author box (its author's bio, often), not the
/// page's.
fn article_part(node: &Handle) -> bool {
    article_header(node)
        || (is(node, "footer") && within_article(node))
        || (is(node, "aside") && within_article(node) && author_box(node))
}

/// An aside about the writer: "author" or "bio" in its class, or a heading "About the author".
fn author_box(node: &Handle) -> bool {
    let words = class_words(node);
    let named = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "author" | "authors" | "bio" | "byline" | "contributor"
        )
    });
    named
        || find(node, &|n| {
            matches!(name(n), Some("h2" | "h3" | "h4" | "h5" | "h6" | "strong"))
        })
        .is_some_and(|h| text_content(&h).trim().to_lowercase().starts_with("about"))
}

fn within_article(node: &Handle) -> bool {
    let mut at = parent(node);
    while let Some(n) = at {
        if is(&n, "article") {
            return true;
        }
        at = parent(&n);
    }
    false
}

fn parent(node: &Handle) -> Option<Handle> {
    // The parent link is a `Cell`: taken to look, and put back.
    let weak = node.parent.take();
    let up = weak.as_ref().and_then(|w| w.upgrade());
    node.parent.set(weak);
    up
}

/// Counts the furniture of the page outside the article (what is inside it is counted as it is
/// read).
fn count_furniture(body: &Handle, content: &Handle, left_out: &mut LeftOut) {
    let mut stack = children(body);
    stack.reverse();
    while let Some(n) = stack.pop() {
        if std::rc::Rc::ptr_eq(&n, content) {
            continue;
        }
        if let Some(part) = furniture(&n)
            && !article_part(&n)
        {
            left_out.add(part);
            continue;
        }
        stack.extend(children(&n).into_iter().rev());
    }
}

/// The length of the paragraph text inside a node, furniture not counted.
fn paragraph_text(node: &Handle) -> usize {
    let mut total = 0;
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if !std::rc::Rc::ptr_eq(&n, node) && furniture(&n).is_some() {
            continue;
        }
        if is(&n, "p") {
            total += text_content(&n).len();
            continue;
        }
        stack.extend(children(&n));
    }
    total
}

const CONTENT_CLASSES: [&str; 10] = [
    "entry-content",
    "post-content",
    "article-body",
    "articlebody",
    "article__body",
    "story-body",
    "article-content",
    "post-body",
    "story-content",
    "entry-body",
];

/// The element that holds the article: the largest `<article>`, else `<main>`, else the
/// `articleBody` or a common content class, else the element with the most paragraph text
/// directly in it; the body when nothing better is found.
fn find_content(body: &Handle) -> Handle {
    let largest = |nodes: Vec<Handle>| {
        nodes
            .into_iter()
            .map(|n| (paragraph_text(&n), n))
            .filter(|(len, _)| *len > 0)
            .max_by_key(|(len, _)| *len)
            .map(|(_, n)| n)
    };
    if let Some(article) = largest(find_all(body, &|n| is(n, "article"))) {
        return article;
    }
    if let Some(main) = largest(find_all(body, &|n| {
        is(n, "main") || attr(n, "role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
    })) {
        return main;
    }
    if let Some(found) = largest(find_all(body, &|n| {
        attr(n, "itemprop").is_some_and(|v| v.split_whitespace().any(|t| t == "articleBody"))
            || attr(n, "class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|t| CONTENT_CLASSES.contains(&t.to_lowercase().as_str()))
            })
    })) {
        return found;
    }
    let mut best: Option<(usize, Handle)> = None;
    let mut stack = vec![body.clone()];
    while let Some(n) = stack.pop() {
        if !std::rc::Rc::ptr_eq(&n, body) && furniture(&n).is_some() {
            continue;
        }
        let direct: usize = children(&n)
            .iter()
            .filter(|c| is(c, "p"))
            .map(|c| text_content(c).len())
            .sum();
        if direct > best.as_ref().map_or(0, |(len, _)| *len) {
            best = Some((direct, n.clone()));
        }
        stack.extend(children(&n));
    }
    best.map_or_else(|| body.clone(), |(_, n)| n)
}

/// What the spans read so far become, and the marks of the text being read.
#[derive(Clone)]
struct Ctx {
    kind: BlockKind,
    bold: bool,
    italic: bool,
    link: Option<String>,
    /// Inside a list item: paragraphs in it are joined, not blocks of their own.
    in_item: bool,
    /// The list item's number, in an ordered list.
    number: u32,
    /// The list being read is an `<ol>`.
    ordered: bool,
    /// Inside a byline or an entry's meta line: its `<time>` and the separator before it are
    /// left out.
    byline: bool,
}

impl Default for Ctx {
    fn default() -> Ctx {
        Ctx {
            kind: BlockKind::Paragraph,
            bold: false,
            italic: false,
            link: None,
            in_item: false,
            number: 1,
            ordered: false,
            byline: false,
        }
    }
}

#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    left_out: LeftOut,
    images: Vec<String>,
    title_seen: bool,
    too_deep: bool,
}

impl Writer {
    fn walk(&mut self, node: &Handle, ctx: &Ctx, depth: usize) {
        match &node.data {
            NodeData::Text { contents } => self.spans.push(Span {
                text: contents.borrow().to_string(),
                bold: ctx.bold,
                italic: ctx.italic,
                link: ctx.link.clone(),
            }),
            NodeData::Element { .. } => self.element(node, ctx, depth),
            NodeData::Document => self.children(node, ctx, depth),
            _ => {}
        }
    }

    fn children(&mut self, node: &Handle, ctx: &Ctx, depth: usize) {
        for child in children(node) {
            self.walk(&child, ctx, depth + 1);
        }
    }

    fn element(&mut self, node: &Handle, outer: &Ctx, depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let Some(tag) = name(node) else {
            // SVG and MathML.
            return;
        };
        if depth > 0
            && let Some(part) = furniture(node)
            && !article_part(node)
        {
            self.left_out.add(part);
            for image in find_all(node, &|n| is(n, "img")) {
                self.image(&image);
            }
            return;
        }
        let marked;
        let ctx = if !outer.byline
            && class_words(node)
                .iter()
                .any(|w| matches!(w.as_str(), "byline" | "author" | "dateline" | "meta"))
        {
            marked = Ctx {
                byline: true,
                ..outer.clone()
            };
            &marked
        } else {
            outer
        };
        match tag {
            "time" if ctx.byline => self.left_out.add(Part::Date),
            "br" => self.spans.push(Span {
                text: " ".into(),
                ..Span::default()
            }),
            "img" => self.image(node),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(outer);
                let level = tag.as_bytes()[1] - b'0';
                let kind = if level == 1 && !self.title_seen {
                    self.title_seen = true;
                    BlockKind::Title
                } else {
                    BlockKind::Heading(level)
                };
                let inner = Ctx {
                    kind,
                    in_item: false,
                    ..ctx.clone()
                };
                self.children(node, &inner, depth);
                self.flush(&inner);
            }
            "li" => {
                self.flush(outer);
                let inner = Ctx {
                    kind: BlockKind::ListItem {
                        ordered: ctx.ordered,
                    },
                    in_item: true,
                    ..ctx.clone()
                };
                self.children(node, &inner, depth);
                self.flush(&inner);
            }
            "ul" | "ol" => {
                self.flush(outer);
                let ordered = tag == "ol";
                let mut number = attr(node, "start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                for child in children(node) {
                    let inner = Ctx {
                        kind: BlockKind::Paragraph,
                        in_item: false,
                        ordered,
                        number,
                        ..ctx.clone()
                    };
                    if is(&child, "li") {
                        number = number.saturating_add(1);
                    }
                    self.walk(&child, &inner, depth + 1);
                }
                self.flush(&Ctx {
                    kind: BlockKind::Paragraph,
                    ..ctx.clone()
                });
            }
            "blockquote" => {
                self.flush(outer);
                let inner = Ctx {
                    kind: BlockKind::Quote,
                    ..ctx.clone()
                };
                self.children(node, &inner, depth);
                self.flush(&inner);
            }
            "pre" => {
                self.flush(outer);
                self.code(node);
            }
            "strong" | "b" => self.children(
                node,
                &Ctx {
                    bold: true,
                    ..ctx.clone()
                },
                depth,
            ),
            "em" | "i" => self.children(
                node,
                &Ctx {
                    italic: true,
                    ..ctx.clone()
                },
                depth,
            ),
            "a" => {
                let link = attr(node, "href")
                    .and_then(|href| safe_link(&href))
                    .or_else(|| ctx.link.clone());
                self.children(
                    node,
                    &Ctx {
                        link,
                        ..ctx.clone()
                    },
                    depth,
                );
            }
            "p" | "div" | "section" | "article" | "main" | "header" | "address" | "center"
            | "details" | "summary" | "dl" | "dt" | "dd" | "table" | "thead" | "tbody"
            | "tfoot" | "tr" | "td" | "th" | "caption" | "hgroup" | "fieldset" | "legend"
            | "hr" | "body" | "html" => {
                if ctx.in_item {
                    self.spans.push(Span {
                        text: " ".into(),
                        ..Span::default()
                    });
                    self.children(node, ctx, depth);
                    self.spans.push(Span {
                        text: " ".into(),
                        ..Span::default()
                    });
                } else {
                    self.flush(outer);
                    self.children(node, ctx, depth);
                    self.flush(ctx);
                }
            }
            "head" | "title" | "meta" | "link" | "base" => {}
            _ => self.children(node, ctx, depth),
        }
    }

    fn image(&mut self, node: &Handle) {
        let src = attr(node, "src")
            .filter(|s| !s.trim().is_empty() && !s.trim_start().starts_with("data:"))
            .or_else(|| attr(node, "data-src"))
            .map(|s| one_line(&s));
        let described = match src {
            Some(src) if !src.is_empty() => src,
            _ if attr(node, "src").is_some_and(|s| s.trim_start().starts_with("data:")) => {
                "(an image embedded in the page)".to_owned()
            }
            _ => return,
        };
        self.images.push(described);
    }

    /// A `<pre>` as a fenced code block, its text as written.
    fn code(&mut self, node: &Handle) {
        let mut raw = String::new();
        let mut stack = vec![node.clone()];
        while let Some(n) = stack.pop() {
            match &n.data {
                NodeData::Text { contents } => raw.push_str(&contents.borrow()),
                NodeData::Element { .. } if is(&n, "br") => raw.push('\n'),
                _ => stack.extend(children(&n).into_iter().rev()),
            }
        }
        let raw = raw.trim_start_matches('\n').trim_end();
        let text = one_line(raw);
        if text.is_empty() {
            return;
        }
        let longest = raw.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        self.blocks.push(Block {
            kind: BlockKind::Code,
            markdown: format!("{fence}\n{raw}\n{fence}"),
            text,
            emphasised: false,
        });
    }

    /// The spans read so far as a block of the context's kind.
    fn flush(&mut self, ctx: &Ctx) {
        let mut spans = std::mem::take(&mut self.spans);
        if matches!(ctx.kind, BlockKind::Title | BlockKind::Heading(_)) {
            for span in &mut spans {
                span.bold = false;
            }
        }
        let mut inline = render(&spans);
        if ctx.byline {
            let separators = |c: char| c.is_whitespace() || "·•|–—-/,".contains(c);
            inline.text = inline.text.trim_end_matches(separators).to_owned();
            inline.markdown = inline.markdown.trim_end_matches(separators).to_owned();
        }
        if inline.text.is_empty() {
            return;
        }
        let prefix = match ctx.kind {
            BlockKind::Title => "# ".to_owned(),
            BlockKind::Heading(n) => format!("{} ", "#".repeat(usize::from(n))),
            BlockKind::Quote => "> ".to_owned(),
            BlockKind::ListItem { ordered: true } => format!("{}. ", ctx.number),
            BlockKind::ListItem { ordered: false } => "- ".to_owned(),
            BlockKind::Paragraph | BlockKind::Code => String::new(),
        };
        self.blocks.push(Block {
            kind: ctx.kind,
            markdown: format!("{prefix}{}", inline.markdown),
            text: inline.text,
            emphasised: inline.emphasised,
        });
    }
}

/// The page's own account of itself: title, description, authors, section and tags.
fn read_meta(head: Option<&Handle>, body: &Handle) -> Meta {
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut title_tag = None;
    if let Some(head) = head {
        for node in find_all(head, &|n| is(n, "meta") || is(n, "title")) {
            if is(&node, "title") {
                title_tag = title_tag.or(Some(text_content(&node)));
                continue;
            }
            let key = attr(&node, "property")
                .or_else(|| attr(&node, "name"))
                .map(|k| k.trim().to_lowercase());
            if let (Some(key), Some(content)) = (key, attr(&node, "content")) {
                let content = one_line(&content);
                if !content.is_empty() {
                    metas.push((key, content));
                }
            }
        }
    }
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    };
    let all = |key: &str| -> Vec<String> {
        metas
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };

    let title = first(&["og:title", "twitter:title"]).or_else(|| {
        title_tag
            .map(|t| strip_site_name(&t))
            .filter(|t| !t.is_empty())
    });
    let standfirst = first(&["og:description", "description", "twitter:description"]);

    // `<meta name="author" content="A, B and C">` names several.
    let mut names: Vec<String> = all("author")
        .iter()
        .flat_map(|a| {
            a.split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .flat_map(|p| p.split(" & "))
                .map(one_line)
                .collect::<Vec<_>>()
        })
        .collect();
    names.extend(
        all("article:author")
            .into_iter()
            .filter(|a| !a.contains("://") && !a.starts_with("www.")),
    );
    if names.is_empty() {
        names.extend(
            find_all(body, &|n| {
                is(n, "a")
                    && attr(n, "rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("author"))
                    })
            })
            .iter()
            .map(text_content),
        );
    }
    let byline = |n: &Handle| {
        furniture(n).is_none()
            && (attr(n, "itemprop").is_some_and(|v| v == "author")
                || class_words(n)
                    .iter()
                    .any(|w| w == "byline" || w == "author"))
    };
    if names.is_empty()
        && let Some(byline) = find(body, &byline)
    {
        names.push(text_content(&byline));
    }
    let mut authors: Vec<MetaAuthor> = Vec::new();
    for name in names {
        let name = strip_by(&name);
        if name.is_empty() || name.chars().count() > 100 {
            continue;
        }
        if !authors.iter().any(|a| a.name.eq_ignore_ascii_case(&name)) {
            authors.push(MetaAuthor {
                name,
                ..MetaAuthor::default()
            });
        }
    }

    let mut tags = all("article:tag");
    if tags.is_empty() {
        tags = first(&["keywords", "news_keywords"])
            .map(|k| {
                k.split(',')
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default();
    }
    let mut seen = HashSet::new();
    tags.retain(|t| seen.insert(t.to_lowercase()));

    Meta {
        title,
        standfirst,
        authors,
        section: first(&["article:section"]),
        tags,
    }
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(name: &str) -> String {
    let name = one_line(name);
    match name.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => name[3..].trim().to_owned(),
        _ => name,
    }
}

/// "Headline | Site name" → "Headline" (also " – ", " — ", " - ", " :: ", " · "): the last
/// part is dropped when it is shorter than what comes before it.
fn strip_site_name(title: &str) -> String {
    let title = one_line(title);
    let cut = [" | ", " – ", " — ", " - ", " :: ", " · "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|(at, _)| *at);
    match cut {
        Some((at, len)) if title[at + len..].chars().count() < title[..at].chars().count() => {
            title[..at].trim().to_owned()
        }
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(html: &str) -> Document {
        read(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn markdown(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
    }

    fn sample() -> Document {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/import/reader/news-page.html"
        ))
        .unwrap();
        read(&bytes).unwrap()
    }

    #[test]
    fn the_article_is_read_and_the_page_around_it_left_out() {
        let doc = sample();
        assert_eq!(doc.format, Format::Html);
        assert_eq!(
            markdown(&doc),
            vec![
                "# Why the Sahel’s water deals keep failing",
                "By Marta Lindqvist",
                "*Brussels has spent a decade funding dams and pipelines across the Sahel, yet \
                 the region’s farmers are thirstier than ever.*",
                "When the European Union announced its latest package for the Niger basin in \
                 March, the **headline figure** was **€2 billion**. Read the \
                 [full report](https://example.org/report) or click here or there.",
                "## Who decides",
                "Water is *local*: a 5\\*3 grid of canals\\_and\\_pipes \\[sic\\] \
                 \\<script>alert(1)\\</script>.",
                "> A treaty is only as good as the village that keeps it.",
                "3. Fund the **basin authority**;",
                "4. Pay farmers directly.",
                "- one point",
                "- a sub-point",
                "```\nif water { share(); }\nelse { wait(); }\n```",
                "First line second line",
                "\\- not a list, # not a heading",
                "The agreements outlasted the governments that signed the original agreements.",
                // The article's own footer stays (its bio, its tags); recognition sorts it.
                "Tags: water, Sahel",
            ]
        );
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Heading(2),
                BlockKind::Paragraph,
                BlockKind::Quote,
                BlockKind::ListItem { ordered: true },
                BlockKind::ListItem { ordered: true },
                BlockKind::ListItem { ordered: false },
                BlockKind::ListItem { ordered: false },
                BlockKind::Code,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
            ]
        );
        assert!(doc.blocks[2].emphasised);
        assert!(!doc.blocks[3].emphasised);
        assert_eq!(
            doc.blocks[3].text,
            "When the European Union announced its latest package for the Niger basin in March, \
             the headline figure was €2 billion. Read the full report or click here or there."
        );
        assert_eq!(
            doc.warnings,
            vec![
                "left out page parts: share buttons, figure, advert, embedded frame, newsletter \
                 sign-up, cookie notice, page header, navigation, sidebar, comments, page footer, \
                 2 scripts",
                "image left out: https://example.org/media/dam.jpg",
            ]
        );
    }

    #[test]
    fn the_page_meta_is_read() {
        assert_eq!(
            sample().meta,
            Meta {
                title: Some("Why the Sahel's water deals keep failing".into()),
                standfirst: Some(
                    "Brussels has spent a decade funding dams across the Sahel.".into()
                ),
                authors: vec![MetaAuthor {
                    name: "Marta Lindqvist".into(),
                    ..MetaAuthor::default()
                }],
                section: Some("Opinion".into()),
                tags: vec!["water".into(), "Sahel".into()],
            }
        );
    }

    #[test]
    fn the_title_tag_loses_its_site_name() {
        for (title, expected) in [
            ("Headline here | Site", "Headline here"),
            ("Headline here – The Site", "Headline here"),
            ("Headline - with dash - Site", "Headline - with dash"),
            (
                "Short | A much longer site name here",
                "Short | A much longer site name here",
            ),
            ("No separator", "No separator"),
        ] {
            let doc = read_ok(&format!(
                "<html><head><title>{title}</title></head><body><p>Text</p></body></html>"
            ));
            assert_eq!(doc.meta.title.as_deref(), Some(expected), "{title}");
        }
    }

    #[test]
    fn meta_falls_back_to_description_keywords_and_bylines() {
        let doc = read_ok(
            "<html><head><meta name=\"description\" content=\" The  dek \">\
             <meta name=\"keywords\" content=\"nato, defence, ,NATO\">\
             <meta property=\"article:author\" content=\"https://example.org/a\">\
             </head><body><article><p class=\"byline\">by Ana Pereira</p><p>Text</p></article></body></html>",
        );
        assert_eq!(doc.meta.standfirst.as_deref(), Some("The dek"));
        assert_eq!(doc.meta.tags, vec!["nato".to_owned(), "defence".to_owned()]);
        assert_eq!(
            doc.meta.authors,
            vec![MetaAuthor {
                name: "Ana Pereira".into(),
                ..MetaAuthor::default()
            }]
        );
        assert_eq!(doc.meta.title, None);
    }

    #[test]
    fn the_largest_article_is_the_content() {
        let doc = read_ok(
            "<body><article><p>Teaser.</p></article>\
             <article><p>The real article has more words in it.</p><p>And a second paragraph.</p></article></body>",
        );
        assert_eq!(
            markdown(&doc),
            vec![
                "The real article has more words in it.",
                "And a second paragraph."
            ]
        );
    }

    #[test]
    fn without_an_article_main_or_a_content_class_is_used() {
        let doc = read_ok(
            "<body><div class=\"sidebar-text\"><p>Elsewhere on the site.</p></div>\
             <main><p>Main text.</p></main></body>",
        );
        assert_eq!(markdown(&doc), vec!["Main text."]);
        let doc = read_ok(
            "<body><div><p>Elsewhere on the site, and longer than the rest of it.</p></div>\
             <div class=\"td-post entry-content\"><p>Post text.</p></div></body>",
        );
        assert_eq!(markdown(&doc), vec!["Post text."]);
        let doc = read_ok(
            "<body><div itemprop=\"articleBody\"><p>Body text.</p></div><div><p>Other text \
             that is longer than the body text.</p></div></body>",
        );
        assert_eq!(markdown(&doc), vec!["Body text."]);
    }

    #[test]
    fn otherwise_the_element_with_most_paragraph_text_is_the_content() {
        let doc = read_ok(
            "<body><div id=\"top\"><p>Short.</p></div>\
             <div id=\"story\"><h1>Headline</h1><p>The first paragraph of the story.</p>\
             <p>The second paragraph of the story.</p></div></body>",
        );
        assert_eq!(
            markdown(&doc),
            vec![
                "# Headline",
                "The first paragraph of the story.",
                "The second paragraph of the story."
            ]
        );
    }

    #[test]
    fn a_headline_outside_the_content_becomes_its_title() {
        let doc = read_ok(
            "<body><nav><h1>Site</h1></nav><header class=\"entry-header\"><h1>The <b>headline</b></h1></header>\
             <div class=\"entry-content\"><p>Text.</p></div></body>",
        );
        assert_eq!(markdown(&doc), vec!["# The headline", "Text."]);
        assert_eq!(doc.blocks[0].kind, BlockKind::Title);
        assert_eq!(
            doc.warnings,
            vec!["left out page parts: navigation".to_owned()]
        );
    }

    #[test]
    fn only_the_first_h1_is_the_title() {
        let doc = read_ok("<article><h1>One</h1><p>x</p><h1>Two</h1><h3>Three</h3></article>");
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Heading(1),
                BlockKind::Heading(3)
            ]
        );
        assert_eq!(markdown(&doc)[2], "# Two");
    }

    #[test]
    fn only_allowed_links_survive_and_no_html_reaches_the_markdown() {
        let doc = read_ok(
            "<p><a href=\"mailto:desk@example.org\">Mail</a> <a href=\"data:text/html,x\">data</a> \
             <a href=\"vbscript:x\">vb</a> <a href=\"https://example.org/a b\">spaced</a> \
             <span style=\"color:red\" onclick=\"x()\">styled</span> <u>under</u> <code>`x`</code></p>",
        );
        assert_eq!(
            markdown(&doc),
            vec![
                "[Mail](mailto:desk@example.org) data vb [spaced](https://example.org/a%20b) \
                 styled under \\`x\\`"
            ]
        );
    }

    #[test]
    fn images_are_listed() {
        let doc = read_ok(
            "<article><p>Text <img src=\"/a.png\"> more <img src=\"data:image/png;base64,AAAA\">\
             <img data-src=\"lazy.jpg\"><img src=\"/a.png\"></p></article>",
        );
        assert_eq!(markdown(&doc), vec!["Text more"]);
        assert_eq!(
            doc.warnings,
            vec![
                "image left out: /a.png".to_owned(),
                "image left out: (an image embedded in the page)".to_owned(),
                "image left out: lazy.jpg".to_owned(),
            ]
        );
    }

    #[test]
    fn bylines_lose_their_dates_and_kickers_tags_and_dates_are_furniture() {
        let doc = read_ok(
            "<article><header><span class=\"kicker\">Analysis</span><h1>Title</h1>\
             <p class=\"byline\">By <a rel=\"author\" href=\"/a\">Irina Ceban</a> · <time>14 March 2025</time></p>\
             <div class=\"entry-meta\"><span class=\"byline\"> by Nikos</span><span class=\"posted-on\">Posted on \
             <time>2 February</time></span></div></header>\
             <p>Text on <time>Monday</time>.</p>\
             <div id=\"jp-relatedposts\"><p>Another story</p></div>\
             <div class=\"tags\">Tags: <a href=\"/t\">x</a></div></article>",
        );
        assert_eq!(
            markdown(&doc),
            vec!["# Title", "By Irina Ceban", "by Nikos", "Text on Monday."]
        );
        assert_eq!(
            doc.warnings,
            vec![
                "left out page parts: kicker, 2 publication dates, related links, tag list"
                    .to_owned()
            ]
        );
        assert_eq!(
            doc.meta.authors,
            vec![MetaAuthor {
                name: "Irina Ceban".into(),
                ..MetaAuthor::default()
            }]
        );
    }

    #[test]
    fn a_meta_author_may_name_several() {
        let doc = read_ok(
            "<head><meta name=\"author\" content=\"Lena Hoffmann, Pieter Janssens and Ana Pereira\">\
             </head><p>Text</p>",
        );
        let names: Vec<&str> = doc.meta.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["Lena Hoffmann", "Pieter Janssens", "Ana Pereira"]
        );
    }

    #[test]
    fn class_words_are_whole_words() {
        let doc = read_ok(
            "<article class=\"tag-social-media\"><div class=\"commentary\"><p>Kept.</p></div>\
             <div class=\"header-shares\"><p>Kept too.</p></div>\
             <div class=\"post-comments\"><p>Dropped.</p></div></article>",
        );
        assert_eq!(markdown(&doc), vec!["Kept.", "Kept too."]);
        assert_eq!(
            doc.warnings,
            vec!["left out page parts: comments".to_owned()]
        );
    }

    #[test]
    fn a_declared_charset_is_honoured_when_the_bytes_are_not_utf8() {
        let mut page = b"<html><head><meta charset=\"iso-8859-2\"></head><body><p>".to_vec();
        page.extend([0xA3, b'o', b'd', 0xBF]); // Łódź without the diacritic on d: Łodż
        page.extend(b"</p></body></html>");
        let doc = read(&page).unwrap();
        assert_eq!(markdown(&doc), vec!["Łodż"]);
        assert_eq!(
            doc.warnings,
            vec!["converted from ISO-8859-2 (the file was not UTF-8)".to_owned()]
        );
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Caf\xE9</p>";
        let doc = read(page).unwrap();
        assert_eq!(markdown(&doc), vec!["Café"]);
        assert_eq!(
            doc.warnings,
            vec!["converted from Windows-1252 (the file was not UTF-8)".to_owned()]
        );
        // UTF-8 bytes are UTF-8, whatever the page says.
        let doc = read("<meta charset=\"iso-8859-1\"><p>Café</p>".as_bytes()).unwrap();
        assert_eq!(markdown(&doc), vec!["Café"]);
        assert_eq!(doc.warnings, Vec::<String>::new());
    }

    #[test]
    fn bad_pages_are_refused() {
        assert_eq!(
            read(b"<html><body><nav>Only navigation</nav><script>x()</script></body></html>")
                .unwrap_err(),
            BadFile::new("has no text")
        );
        assert_eq!(
            read(b"\x00\x00\x01\x02<html>").unwrap_err(),
            BadFile::new("is binary, not text")
        );
        assert_eq!(
            read(b"<p>\x81</p>").unwrap_err(),
            BadFile::new("is not valid text in UTF-8 or Windows-1252")
        );
    }

    #[test]
    fn crlf_and_utf16_pages_read() {
        let mut page = vec![0xFF, 0xFE];
        page.extend(
            "<p>One\r\ntwo</p>\r<pre>a\r\nb</pre>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let doc = read(&page).unwrap();
        assert_eq!(markdown(&doc), vec!["One two", "```\na\nb\n```"]);
        assert_eq!(
            doc.warnings,
            vec!["converted from UTF-16 (the file was not UTF-8)".to_owned()]
        );
    }

    #[test]
    fn deep_nesting_is_cut_not_crashed() {
        let page = format!(
            "<body><article><p>Top paragraph.</p>{}<p>Deep.</p></article></body>",
            "<div>".repeat(5_000)
        );
        let doc = read_ok(&page);
        assert_eq!(markdown(&doc), vec!["Top paragraph."]);
        assert_eq!(
            doc.warnings,
            vec!["left out text nested more than 200 elements deep".to_owned()]
        );
    }

    #[test]
    fn an_articles_own_footer_keeps_its_bio_and_the_pages_footer_goes() {
        let doc = read_ok(
            "<body><article><h1>Grain at the border</h1><p>The lorries wait.</p>\
             <footer class=\"article-footer\"><p class=\"author-bio\"><em>Karolina Mazur is a \
             senior fellow.</em></p><div class=\"share\"><a href=\"#\">Facebook</a></div></footer>\
             </article><footer class=\"site-footer\"><p>© 2025 Central Europe Daily.</p></footer></body>",
        );
        assert_eq!(
            markdown(&doc),
            vec![
                "# Grain at the border",
                "The lorries wait.",
                "*Karolina Mazur is a senior fellow.*"
            ]
        );
        assert_eq!(
            doc.warnings,
            vec!["left out page parts: share buttons, page footer".to_owned()]
        );
    }

    #[test]
    fn an_author_box_inside_the_article_is_read() {
        let doc = read_ok(
            "<body><article><h1>Gas storage</h1><p>Storage is full.</p>\
             <aside class=\"box\"><h3>About the author</h3><p>Anders Holm leads the energy \
             programme.</p></aside><aside class=\"related\"><p>More on gas</p></aside></article>\
             <aside><p>Newsletter</p></aside></body>",
        );
        assert_eq!(
            markdown(&doc),
            vec![
                "# Gas storage",
                "Storage is full.",
                "### About the author",
                "Anders Holm leads the energy programme."
            ]
        );
    }
}
