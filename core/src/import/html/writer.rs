//! The article's elements written as blocks of Markdown, furniture inside it left out and counted.

use markup5ever_rcdom::{Handle, NodeData};

use super::MAX_DEPTH;

use super::dom::{attr, children, class_words, find_all, is, name, text_content};
use super::furniture::{LeftOut, Part, article_part, furniture};
use super::page::tags_of;
use crate::import::inline::{Span, render, safe_link};
use crate::import::{Block, BlockKind};
use crate::text::one_line;

/// What the spans read so far become, and the marks of the text being read.
#[derive(Clone)]
pub(super) struct Ctx {
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
pub(super) struct Writer {
    pub(super) blocks: Vec<Block>,
    spans: Vec<Span>,
    pub(super) left_out: LeftOut,
    pub(super) images: Vec<String>,
    /// The tags of a tag list met in the article (left out of the body).
    pub(super) tags: Vec<String>,
    /// Writing the head a page sets above its article: an element classed as the subtitle or the
    /// standfirst is one.
    pub(super) head: bool,
    /// Writing an author box: its person cards ("person-teaser") are not teasers of other pieces.
    pub(super) author_box: bool,
    /// In an extracted article, an element holding more text than this holds the article itself,
    /// whatever its class says ("newsletter-post"); 0: no such element.
    pub(super) article_chars: usize,
    title_seen: bool,
    pub(super) too_deep: bool,
    /// How many images had been met when the last block was written.
    images_before: usize,
}

/// An image's caption is a line, not a paragraph.
const CAPTION_WORDS: usize = 20;

impl Writer {
    pub(super) fn walk(&mut self, node: &Handle, ctx: &Ctx, depth: usize) {
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
            && !self.holds_the_article(node)
            && !(self.author_box && part == Part::Related)
        {
            self.left_out.add(part);
            if part == Part::Tags {
                self.tags.extend(tags_of(node));
            }
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
            && byline_line(node)
        {
            marked = Ctx {
                byline: true,
                ..outer.clone()
            };
            &marked
        } else {
            outer
        };
        // A subtitle stands in the head, or in an article before its first paragraph.
        let before_text = !self.blocks.iter().any(|b| b.kind == BlockKind::Paragraph);
        if (self.head || before_text)
            && !ctx.byline
            && ctx.kind == BlockKind::Paragraph
            && is_subtitle(node)
        {
            self.flush(outer);
            let inner = Ctx {
                kind: BlockKind::Subtitle,
                ..ctx.clone()
            };
            self.children(node, &inner, depth);
            self.flush(&inner);
            return;
        }
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
                // Inside a list item or a byline, blocks are parts of one line ("By" · name · date).
                if ctx.in_item || outer.byline {
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

    fn holds_the_article(&self, node: &Handle) -> bool {
        self.article_chars > 0 && text_content(node).len() > self.article_chars
    }

    /// Takes another writer's blocks after its own, with what it left out.
    pub(super) fn absorb(&mut self, other: Writer) {
        self.blocks.extend(other.blocks);
        for (part, count) in other.left_out.0 {
            for _ in 0..count {
                self.left_out.add(part);
            }
        }
        self.images.extend(other.images);
        self.tags.extend(other.tags);
        self.too_deep |= other.too_deep;
    }

    /// The spans read so far as a block of the context's kind.
    pub(super) fn flush(&mut self, ctx: &Ctx) {
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
        // A short line in italic straight after an image is its caption, not copy (Blogger sets
        // it in a `<div>` of its own, not a `<figcaption>`).
        let after_image = self.images.len() > self.images_before;
        self.images_before = self.images.len();
        if after_image
            && ctx.kind == BlockKind::Paragraph
            && inline.emphasised
            && inline.text.split_whitespace().count() <= CAPTION_WORDS
        {
            return;
        }
        let prefix = match ctx.kind {
            BlockKind::Title => "# ".to_owned(),
            BlockKind::Heading(n) => format!("{} ", "#".repeat(usize::from(n))),
            BlockKind::Quote => "> ".to_owned(),
            BlockKind::ListItem { ordered: true } => format!("{}. ", ctx.number),
            BlockKind::ListItem { ordered: false } => "- ".to_owned(),
            BlockKind::Paragraph | BlockKind::Subtitle | BlockKind::Code => String::new(),
        };
        self.blocks.push(Block {
            kind: ctx.kind,
            markdown: format!("{prefix}{}", inline.markdown),
            text: inline.text,
            emphasised: inline.emphasised,
        });
    }
}

mod kinds;
use self::kinds::{byline_line, is_subtitle};
