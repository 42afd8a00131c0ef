//! The document body read into blocks: paragraph styles and numbering give titles, headings,
//! quotes and list items; runs, hyperlinks and fields give bold, italic and links; notes,
//! comments, drawings and tables are counted for the warnings.

use std::collections::{HashMap, HashSet};

use roxmltree::Node;

use super::notes::first_words;
use super::numbering::{Numbering, num_pr};
use super::package::Rels;
use super::styles::{Style, StyleKind, Styles};
use super::xml::{attr, child, local, on_off, text_of, val};
use crate::import::inline::{Span, render, safe_link};
use crate::import::{Block, BlockKind};

/// Tables, content controls and links nested deeper than this are not read.
const MAX_DEPTH: usize = 100;

/// A complex field (`w:fldChar`) being read: its instruction, and whether its result is shown.
struct Field {
    instruction: String,
    in_result: bool,
    link: Option<String>,
}

/// `HYPERLINK "https://…"` (without the `\l` switch, which links inside the document).
fn hyperlink_instruction(instruction: &str) -> Option<String> {
    let rest = instruction.trim().strip_prefix("HYPERLINK")?;
    if rest.contains("\\l") {
        return None;
    }
    let rest = rest.trim_start();
    let url = match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => rest.split_whitespace().next()?,
    };
    safe_link(url)
}

pub(super) struct Reader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    rels: &'a Rels,
    pub(super) blocks: Vec<Block>,
    /// The list being numbered: its `numId` and the count at each level.
    list: Option<(String, Vec<u32>)>,
    footnotes: Vec<String>,
    endnotes: Vec<String>,
    comment_references: usize,
    images: Vec<String>,
    text_boxes: Vec<String>,
    drawings: usize,
    tables: usize,
    contents: usize,
    depth: usize,
    too_deep: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(styles: &'a Styles, numbering: &'a Numbering, rels: &'a Rels) -> Reader<'a> {
        Reader {
            styles,
            numbering,
            rels,
            blocks: Vec::new(),
            list: None,
            footnotes: Vec::new(),
            endnotes: Vec::new(),
            comment_references: 0,
            images: Vec::new(),
            text_boxes: Vec::new(),
            drawings: 0,
            tables: 0,
            contents: 0,
            depth: 0,
            too_deep: false,
        }
    }

    /// The body, a table cell, a content control: paragraphs and tables in order.
    pub(super) fn container(&mut self, node: Node) {
        if self.enter() {
            self.container_inner(node);
        }
        self.depth -= 1;
    }

    /// One level deeper into the XML; false when that is too deep to read.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.too_deep = true;
            return false;
        }
        true
    }

    fn container_inner(&mut self, node: Node) {
        for child in node.children().filter(|n| n.is_element()) {
            match local(child) {
                "p" => self.paragraph(child),
                "tbl" => {
                    self.tables += 1;
                    self.container(child);
                }
                "sdt" => {
                    let gallery = child
                        .descendants()
                        .find(|n| local(*n) == "docPartGallery")
                        .and_then(|n| attr(n, "val"))
                        .unwrap_or_default();
                    if gallery.contains("Table of Contents") {
                        self.contents += 1;
                    } else if let Some(content) = self::child(child, "sdtContent") {
                        self.container(content);
                    }
                }
                "tr" => {
                    let before = self.blocks.len();
                    self.container(child);
                    self.labelled_row(before);
                }
                "tc" | "sdtContent" | "customXml" | "ins" | "moveTo" => self.container(child),
                "AlternateContent" => {
                    if let Some(choice) = self::child(child, "Choice") {
                        self.container(choice);
                    }
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let ppr = child(p, "pPr");
        let style_id = val(ppr.and_then(|n| child(n, "pStyle")));
        let style_kind = style_id.and_then(|id| self.styles.kind(id));
        let num = match ppr.and_then(|n| child(n, "numPr")).and_then(num_pr) {
            Some(num) => Some(num),
            None => style_id.and_then(|id| self.styles.find(id, |s| s.num.clone())),
        }
        .filter(|(id, _)| id != "0");
        let outline = val(ppr.and_then(|n| child(n, "outlineLvl")))
            .and_then(|v| v.parse::<u8>().ok())
            .or_else(|| style_id.and_then(|id| self.styles.find(id, |s| s.outline)));

        let mut spans = Vec::new();
        let mut fields = Vec::new();
        self.inline(p, &mut spans, None, &mut fields);

        // A heading, title or quote style wins over numbering (LibreOffice numbers its heading
        // styles for outlines, with no number shown).
        let numbered =
            num.as_ref().and_then(
                |(num_id, level)| match self.numbering.level(num_id, *level) {
                    Some(level) if !level.shown => None,
                    Some(level) => Some(level.ordered),
                    None => Some(style_kind == Some(StyleKind::List { ordered: true })),
                },
            );
        let num = num.filter(|_| numbered.is_some());
        let kind = match (style_kind, numbered) {
            (Some(StyleKind::Title), _) => BlockKind::Title,
            (Some(StyleKind::Subtitle), _) => BlockKind::Subtitle,
            (Some(StyleKind::Heading(n)), _) => BlockKind::Heading(n),
            (Some(StyleKind::Quote), _) => BlockKind::Quote,
            (_, Some(ordered)) => BlockKind::ListItem { ordered },
            (Some(StyleKind::List { ordered }), None) => BlockKind::ListItem { ordered },
            _ => match outline {
                Some(n @ 0..=8) => BlockKind::Heading((n + 1).min(6)),
                _ if indented_both_sides(ppr) => BlockKind::Quote,
                _ => BlockKind::Paragraph,
            },
        };
        if matches!(kind, BlockKind::Title | BlockKind::Heading(_)) {
            for span in &mut spans {
                span.bold = false;
            }
        }
        let inline = render(&spans);
        if inline.text.is_empty() {
            return;
        }
        let prefix = match kind {
            BlockKind::Title => "# ".to_owned(),
            BlockKind::Heading(n) => format!("{} ", "#".repeat(usize::from(n))),
            BlockKind::Quote => "> ".to_owned(),
            BlockKind::ListItem { ordered } => {
                let (num_id, level) = num
                    .clone()
                    .unwrap_or_else(|| (format!("style {}", style_id.unwrap_or_default()), 0));
                let number = self.number(&num_id, level);
                if ordered {
                    format!("{number}. ")
                } else {
                    "- ".to_owned()
                }
            }
            _ => String::new(),
        };
        if !matches!(kind, BlockKind::ListItem { .. }) {
            self.list = None;
        }
        self.blocks.push(Block {
            kind,
            markdown: format!("{prefix}{}", inline.markdown),
            text: inline.text,
            emphasised: inline.emphasised,
        });
    }

    /// The number of the next item at `level` of list `num_id`, counting from the level's start
    /// within a run of consecutive items of that list.
    fn number(&mut self, num_id: &str, level: u8) -> u32 {
        let level = usize::from(level.min(8));
        if self.list.as_ref().is_none_or(|(id, _)| id != num_id) {
            self.list = Some((num_id.to_owned(), Vec::new()));
        }
        let starts: Vec<u32> = (0..=level)
            .map(|l| {
                self.numbering
                    .level(num_id, l as u8)
                    .map_or(1, |level| level.start)
            })
            .collect();
        let Some((_, counts)) = self.list.as_mut() else {
            return 1;
        };
        if counts.len() > level {
            counts.truncate(level + 1);
            counts[level] += 1;
        } else {
            while counts.len() <= level {
                counts.push(starts[counts.len()]);
            }
        }
        counts[level]
    }

    /// A paragraph's runs, hyperlinks and fields into spans.
    fn inline(
        &mut self,
        node: Node,
        spans: &mut Vec<Span>,
        link: Option<&str>,
        fields: &mut Vec<Field>,
    ) {
        if self.enter() {
            self.inline_inner(node, spans, link, fields);
        }
        self.depth -= 1;
    }

    fn inline_inner(
        &mut self,
        node: Node,
        spans: &mut Vec<Span>,
        link: Option<&str>,
        fields: &mut Vec<Field>,
    ) {
        for child in node.children().filter(|n| n.is_element()) {
            match local(child) {
                "r" => self.run(child, spans, link, fields),
                "hyperlink" => {
                    let url = attr(child, "id")
                        .and_then(|id| self.rels.written(id))
                        .and_then(safe_link);
                    self.inline(child, spans, url.as_deref().or(link), fields);
                }
                "fldSimple" => {
                    let url = attr(child, "instr").and_then(hyperlink_instruction);
                    self.inline(child, spans, url.as_deref().or(link), fields);
                }
                "smartTag" | "customXml" | "sdt" | "sdtContent" | "ins" | "moveTo" | "bdo"
                | "dir" => self.inline(child, spans, link, fields),
                "AlternateContent" => {
                    if let Some(choice) = self::child(child, "Choice") {
                        self.inline(choice, spans, link, fields);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: Node, spans: &mut Vec<Span>, link: Option<&str>, fields: &mut Vec<Field>) {
        let rpr = child(r, "rPr");
        let hidden = on_off(rpr.and_then(|n| child(n, "vanish"))).unwrap_or(false);
        let char_style = val(rpr.and_then(|n| child(n, "rStyle")));
        let mark = |name: &str, get: fn(&Style) -> Option<bool>| {
            on_off(rpr.and_then(|n| child(n, name)))
                .or_else(|| char_style.and_then(|id| self.styles.find(id, get)))
                .unwrap_or(false)
        };
        let bold = mark("b", |s| s.bold);
        let italic = mark("i", |s| s.italic);
        for item in r.children().filter(|n| n.is_element()) {
            let text = match local(item) {
                "t" => item.text().unwrap_or_default(),
                "tab" | "br" | "cr" | "ptab" => " ",
                "noBreakHyphen" => "-",
                "footnoteReference" => {
                    self.footnotes
                        .push(attr(item, "id").unwrap_or_default().to_owned());
                    continue;
                }
                "endnoteReference" => {
                    self.endnotes
                        .push(attr(item, "id").unwrap_or_default().to_owned());
                    continue;
                }
                "commentReference" => {
                    self.comment_references += 1;
                    continue;
                }
                "drawing" | "pict" | "object" => {
                    self.drawing(item);
                    continue;
                }
                "AlternateContent" => {
                    if let Some(choice) = child(item, "Choice") {
                        self.drawing(choice);
                    }
                    continue;
                }
                "fldChar" => {
                    match attr(item, "fldCharType") {
                        Some("begin") => fields.push(Field {
                            instruction: String::new(),
                            in_result: false,
                            link: None,
                        }),
                        Some("separate") => {
                            if let Some(field) = fields.last_mut() {
                                field.in_result = true;
                                field.link = hyperlink_instruction(&field.instruction);
                            }
                        }
                        Some("end") => {
                            fields.pop();
                        }
                        _ => {}
                    }
                    continue;
                }
                "instrText" => {
                    if let Some(field) = fields.last_mut() {
                        field.instruction.push_str(item.text().unwrap_or_default());
                    }
                    continue;
                }
                _ => continue,
            };
            if hidden || fields.iter().any(|f| !f.in_result) {
                continue;
            }
            let field_link = fields.iter().rev().find_map(|f| f.link.as_deref());
            spans.push(Span {
                text: text.to_owned(),
                bold,
                italic,
                link: field_link.or(link).map(str::to_owned),
            });
        }
    }

    /// An image, text box or other drawing: left out, and noted.
    fn drawing(&mut self, node: Node) {
        let text_box = node
            .descendants()
            .find(|n| local(*n) == "txbxContent")
            .map(text_of)
            .filter(|t| !t.is_empty());
        let images: Vec<String> = node
            .descendants()
            .filter_map(|n| match local(n) {
                "blip" => attr(n, "embed").or_else(|| attr(n, "link")),
                "imagedata" => attr(n, "id"),
                _ => None,
            })
            .filter_map(|id| self.rels.written(id).map(str::to_owned))
            .collect();
        match text_box {
            Some(text) => self.text_boxes.push(text),
            None if images.is_empty() => self.drawings += 1,
            None => {}
        }
        self.images.extend(images);
    }

    pub(super) fn warnings(
        &self,
        footnotes: &HashMap<String, String>,
        endnotes: &HashMap<String, String>,
        comments: &[(Option<String>, String)],
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        for (references, texts, singular, plural) in [
            (&self.footnotes, footnotes, "footnote", "footnotes"),
            (&self.endnotes, endnotes, "endnote", "endnotes"),
        ] {
            if references.is_empty() {
                continue;
            }
            let quoted: Vec<String> = references
                .iter()
                .filter_map(|id| texts.get(id))
                .map(|t| format!("\"{}\"", first_words(t, 8)))
                .collect();
            let mut warning = if references.len() == 1 {
                format!("1 {singular} was left out of the body")
            } else {
                format!("{} {plural} were left out of the body", references.len())
            };
            if !quoted.is_empty() {
                warning.push_str(": ");
                warning.push_str(&quoted.join(", "));
            }
            warnings.push(warning);
        }
        let count = comments.len().max(self.comment_references);
        if count > 0 {
            let mut warning = if count == 1 {
                "1 comment was left out".to_owned()
            } else {
                format!("{count} comments were left out")
            };
            let quoted: Vec<String> = comments
                .iter()
                .map(|(author, text)| match author {
                    Some(author) => format!("\"{}\" ({author})", first_words(text, 30)),
                    None => format!("\"{}\"", first_words(text, 30)),
                })
                .collect();
            if !quoted.is_empty() {
                warning.push_str(": ");
                warning.push_str(&quoted.join(", "));
            }
            warnings.push(warning);
        }
        let mut seen = HashSet::new();
        for image in &self.images {
            if seen.insert(image) {
                warnings.push(format!("image left out: {image}"));
            }
        }
        for text in &self.text_boxes {
            warnings.push(format!("text box left out: \"{}\"", first_words(text, 8)));
        }
        match self.drawings {
            0 => {}
            1 => warnings.push("1 drawing was left out".to_owned()),
            n => warnings.push(format!("{n} drawings were left out")),
        }
        match self.tables {
            0 => {}
            1 => warnings.push("1 table was read as plain paragraphs, cell by cell".to_owned()),
            n => warnings.push(format!(
                "{n} tables were read as plain paragraphs, cell by cell"
            )),
        }
        if self.contents > 0 {
            warnings.push("table of contents left out".to_owned());
        }
        if self.too_deep {
            warnings.push(format!(
                "left out text nested more than {MAX_DEPTH} elements deep"
            ));
        }
        warnings
    }
}

/// Indented from both margins, as LibreOffice sets its "Quotations" paragraphs.
fn indented_both_sides(ppr: Option<Node>) -> bool {
    let Some(ind) = ppr.and_then(|n| child(n, "ind")) else {
        return false;
    };
    let twips = |a: &str, b: &str| {
        attr(ind, a)
            .or_else(|| attr(ind, b))
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let hanging = twips("hanging", "hanging");
    twips("left", "start") >= 283 && twips("right", "end") >= 283 && hanging == 0
}
