//! Word (.docx) read into blocks: paragraph styles (by id, and by name through styles.xml) give
//! titles, headings, quotes and lists; runs give bold, italic and links. Footnotes, endnotes,
//! comments, images and text boxes are not body copy: they are left out, and listed.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use roxmltree::{Node, ParsingOptions};
use zip::ZipArchive;
use zip::result::ZipError;

use super::inline::{Span, render, safe_link};
use super::{BadFile, Block, BlockKind, Document, Format, MAX_EXPANDED_BYTES, Meta};
use crate::text::one_line;

const MAIN_PART: &str = "word/document.xml";
/// Tables, content controls and links nested deeper than this are not read.
const MAX_DEPTH: usize = 100;
const REL_TYPES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL_TYPES: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(BadFile::new(
            "is not a Word document: it is an old .doc or an encrypted file, not a zip archive \
             (save it as .docx without a password)",
        ));
    }
    let mut package = Package::open(bytes)?;

    let package_rels = match package.part("_rels/.rels")? {
        Some(xml) => Rels::parse("_rels/.rels", "", &xml)?,
        None => Rels::default(),
    };
    let main_name = package_rels
        .target_of("officeDocument")
        .unwrap_or_else(|| MAIN_PART.to_owned());
    let main = package
        .part(&main_name)?
        .ok_or_else(|| BadFile::new(format!("is not a Word document: it has no {main_name}")))?;
    let (dir, file) = main_name.rsplit_once('/').unwrap_or(("", &main_name));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let rels = match package.part(&rels_name)? {
        Some(xml) => Rels::parse(&rels_name, dir, &xml)?,
        None => Rels::default(),
    };
    let mut part_of = |kind: &str, fallback: &str| -> Result<Option<(String, String)>, BadFile> {
        let name = rels.target_of(kind).unwrap_or_else(|| join(dir, fallback));
        Ok(package.part(&name)?.map(|xml| (name, xml)))
    };
    let styles_xml = part_of("styles", "styles.xml")?;
    let numbering_xml = part_of("numbering", "numbering.xml")?;
    let footnotes_xml = part_of("footnotes", "footnotes.xml")?;
    let endnotes_xml = part_of("endnotes", "endnotes.xml")?;
    let comments_xml = part_of("comments", "comments.xml")?;
    let core_name = package_rels
        .target_of("metadata/core-properties")
        .unwrap_or_else(|| "docProps/core.xml".to_owned());
    let core_xml = package.part(&core_name)?;

    let styles = match &styles_xml {
        Some((name, xml)) => Styles::parse(&parse_xml(name, xml)?),
        None => Styles::default(),
    };
    let numbering = match &numbering_xml {
        Some((name, xml)) => Numbering::parse(&parse_xml(name, xml)?),
        None => Numbering::default(),
    };
    let footnotes = match &footnotes_xml {
        Some((name, xml)) => notes(&parse_xml(name, xml)?, "footnote"),
        None => HashMap::new(),
    };
    let endnotes = match &endnotes_xml {
        Some((name, xml)) => notes(&parse_xml(name, xml)?, "endnote"),
        None => HashMap::new(),
    };
    let comments = match &comments_xml {
        Some((name, xml)) => comments_of(&parse_xml(name, xml)?),
        None => Vec::new(),
    };
    let title = match &core_xml {
        Some(xml) => parse_xml(&core_name, xml)?
            .descendants()
            .find(|n| n.has_tag_name(("http://purl.org/dc/elements/1.1/", "title")))
            .map(|n| one_line(n.text().unwrap_or_default()))
            .filter(|t| !t.is_empty()),
        None => None,
    };

    let document = parse_xml(&main_name, &main)?;
    let mut reader = Reader {
        styles: &styles,
        numbering: &numbering,
        rels: &rels,
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
    };
    if let Some(body) = document
        .root_element()
        .children()
        .find(|n| local(*n) == "body")
    {
        reader.container(body);
    }
    if reader.blocks.is_empty() {
        return Err(BadFile::new("has no text"));
    }
    let warnings = reader.warnings(&footnotes, &endnotes, &comments);
    let has_heading = reader
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading(_)));
    Ok(Document {
        format: Format::Docx,
        meta: Meta {
            title: title.filter(|_| !has_heading),
            ..Meta::default()
        },
        blocks: reader.blocks,
        warnings,
    })
}

fn too_big() -> BadFile {
    BadFile::new(format!(
        "would expand to more than {} MB when unzipped",
        MAX_EXPANDED_BYTES / (1024 * 1024)
    ))
}

/// The zip archive, read part by part within the expansion limit.
struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unzipped: parts whose headers understate their size are caught
    /// when they are read.
    budget: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Package<'a>, BadFile> {
        let mut zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| BadFile::new("is not a Word document: it is not a zip archive"))?;
        let mut declared: u64 = 0;
        for index in 0..zip.len() {
            let entry = zip.by_index_raw(index).map_err(|e| {
                BadFile::new(format!(
                    "is not a Word document: its zip archive is damaged ({e})"
                ))
            })?;
            declared = declared.saturating_add(entry.size());
        }
        if declared > MAX_EXPANDED_BYTES {
            return Err(too_big());
        }
        Ok(Package {
            zip,
            budget: MAX_EXPANDED_BYTES,
        })
    }

    /// A part's text, or `None` when the archive has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, BadFile> {
        let damaged = |e: &dyn std::fmt::Display| {
            BadFile::new(format!("has a damaged zip entry {name} ({e})"))
        };
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(&e)),
        };
        let mut bytes = Vec::new();
        entry
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(&e))?;
        let read = bytes.len() as u64;
        if read > self.budget {
            return Err(too_big());
        }
        self.budget -= read;
        xml_text(name, bytes).map(Some)
    }
}

/// A part's bytes as text: UTF-8 (a byte order mark dropped) or UTF-16 with a byte order mark.
fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, BadFile> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|t| t.into_owned())
            .ok_or_else(|| BadFile::new(format!("has broken XML in {name} (not UTF-16 text)")));
    }
    let bytes = bytes
        .strip_prefix(&[0xEF, 0xBB, 0xBF])
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes)
        .map_err(|_| BadFile::new(format!("has broken XML in {name} (it is not UTF-8 text)")))
}

fn parse_xml<'x>(name: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, BadFile> {
    roxmltree::Document::parse_with_options(xml, ParsingOptions::default()).map_err(|e| {
        let message = e.to_string();
        let pos = e.pos();
        let at = format!(" at {pos}");
        let problem = match message.find(&at) {
            Some(i) => format!(
                "line {}: {}{}",
                pos.row,
                &message[..i],
                &message[i + at.len()..]
            ),
            None => message,
        };
        BadFile::new(format!("has broken XML in {name} ({problem})"))
    })
}

/// A package path joined to a relationship target, `..` and `.` resolved.
fn join(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

fn local<'a>(node: Node<'a, '_>) -> &'a str {
    node.tag_name().name()
}

/// An attribute by its local name, whatever its namespace.
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

fn child<'a, 'x>(node: Node<'a, 'x>, name: &str) -> Option<Node<'a, 'x>> {
    node.children()
        .find(|n| n.is_element() && local(*n) == name)
}

fn val<'a>(node: Option<Node<'a, '_>>) -> Option<&'a str> {
    node.and_then(|n| attr(n, "val"))
}

/// An on/off property such as `<w:b/>`: on unless its value says off.
fn on_off(node: Option<Node<'_, '_>>) -> Option<bool> {
    node.map(|n| !matches!(attr(n, "val"), Some("false" | "0" | "off" | "none")))
}

/// A part's relationships: id to target, and targets by type.
#[derive(Default)]
struct Rels {
    /// Id → (type, target as written, target resolved in the package, external).
    by_id: HashMap<String, (String, String, String, bool)>,
}

impl Rels {
    fn parse(name: &str, dir: &str, xml: &str) -> Result<Rels, BadFile> {
        let doc = parse_xml(name, xml)?;
        let mut by_id = HashMap::new();
        for rel in doc.descendants().filter(|n| local(*n) == "Relationship") {
            let (Some(id), Some(target)) = (attr(rel, "Id"), attr(rel, "Target")) else {
                continue;
            };
            let kind = attr(rel, "Type").unwrap_or_default();
            let kind = kind
                .strip_prefix(REL_TYPES)
                .or_else(|| kind.strip_prefix(STRICT_REL_TYPES))
                .or_else(|| {
                    kind.rsplit_once("/package/2006/relationships/")
                        .map(|p| p.1)
                })
                .unwrap_or(kind);
            let external = attr(rel, "TargetMode") == Some("External");
            let resolved = if external {
                target.to_owned()
            } else {
                join(dir, target)
            };
            by_id.insert(
                id.to_owned(),
                (kind.to_owned(), target.to_owned(), resolved, external),
            );
        }
        Ok(Rels { by_id })
    }

    /// The package path of the (first) part related by this type.
    fn target_of(&self, kind: &str) -> Option<String> {
        let mut found: Vec<(&String, &String)> = self
            .by_id
            .iter()
            .filter(|(_, (k, _, _, external))| k == kind && !external)
            .map(|(id, (_, _, resolved, _))| (id, resolved))
            .collect();
        found.sort();
        found.first().map(|(_, resolved)| (*resolved).clone())
    }

    /// A target as written in the relationship (`media/image1.png`, `https://…`).
    fn written(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|(_, target, _, _)| target.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StyleKind {
    Title,
    Subtitle,
    Heading(u8),
    Quote,
    List { ordered: bool },
    ListParagraph,
}

/// What a style's id or name says, compared without case, spaces, hyphens and underscores.
fn style_kind(id_or_name: &str) -> Option<StyleKind> {
    let key: String = id_or_name
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "title" => return Some(StyleKind::Title),
        "subtitle" => return Some(StyleKind::Subtitle),
        "quote" | "intensequote" | "quotations" | "quotation" | "blocktext" => {
            return Some(StyleKind::Quote);
        }
        "listparagraph" => return Some(StyleKind::ListParagraph),
        _ => {}
    }
    if let Some(level) = key.strip_prefix("heading") {
        return match level.parse::<u8>() {
            Ok(n @ 1..=9) => Some(StyleKind::Heading(n.min(6))),
            _ => None,
        };
    }
    let numbered = key.strip_prefix("listnumber");
    let bulleted = key.strip_prefix("listbullet");
    match (numbered, bulleted) {
        (Some(rest), _) if rest.chars().all(|c| c.is_ascii_digit()) => {
            Some(StyleKind::List { ordered: true })
        }
        (_, Some(rest)) if rest.chars().all(|c| c.is_ascii_digit()) => {
            Some(StyleKind::List { ordered: false })
        }
        _ => None,
    }
}

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    num: Option<(String, u8)>,
    outline: Option<u8>,
}

#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn parse(doc: &roxmltree::Document) -> Styles {
        let mut by_id = HashMap::new();
        for style in doc.descendants().filter(|n| local(*n) == "style") {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            let ppr = child(style, "pPr");
            let rpr = child(style, "rPr");
            by_id.insert(
                id.to_owned(),
                Style {
                    name: val(child(style, "name")).unwrap_or_default().to_owned(),
                    based_on: val(child(style, "basedOn")).map(str::to_owned),
                    bold: on_off(rpr.and_then(|r| child(r, "b"))),
                    italic: on_off(rpr.and_then(|r| child(r, "i"))),
                    num: ppr.and_then(|p| child(p, "numPr")).and_then(num_pr),
                    outline: val(ppr.and_then(|p| child(p, "outlineLvl")))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        Styles { by_id }
    }

    /// The style and those it is based on, nearest first (a loop is cut).
    fn chain<'s>(&'s self, id: &'s str) -> Vec<(&'s str, Option<&'s Style>)> {
        let mut out = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            if out.len() >= 16 || out.iter().any(|(seen, _)| *seen == id) {
                break;
            }
            let style = self.by_id.get(id);
            out.push((id, style));
            next = style.and_then(|s| s.based_on.as_deref());
        }
        out
    }

    /// A paragraph style's kind: by its id when the id is a known one, else by its name, else by
    /// the style it is based on.
    fn kind(&self, id: &str) -> Option<StyleKind> {
        self.chain(id).into_iter().find_map(|(id, style)| {
            style_kind(id).or_else(|| style.and_then(|s| style_kind(&s.name)))
        })
    }

    fn find<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        self.chain(id)
            .into_iter()
            .find_map(|(_, style)| style.and_then(&get))
    }
}

/// `w:numPr`: the numbering id and level; `numId` 0 means no numbering.
fn num_pr(node: Node) -> Option<(String, u8)> {
    let id = val(child(node, "numId"))?;
    let level = val(child(node, "ilvl"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_owned(), level))
}

#[derive(Debug, Clone, Copy)]
struct Level {
    ordered: bool,
    start: u32,
    /// `numFmt` "none": the level shows no number or bullet (LibreOffice's outline numbering of
    /// headings), so its paragraphs are not list items.
    shown: bool,
}

#[derive(Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    nums: HashMap<String, String>,
}

impl Numbering {
    fn parse(doc: &roxmltree::Document) -> Numbering {
        let mut numbering = Numbering::default();
        for node in doc.root_element().children().filter(|n| n.is_element()) {
            match local(node) {
                "abstractNum" => {
                    let Some(id) = attr(node, "abstractNumId") else {
                        continue;
                    };
                    let levels = node
                        .children()
                        .filter(|n| local(*n) == "lvl")
                        .filter_map(|lvl| {
                            let level: u8 = attr(lvl, "ilvl")?.parse().ok()?;
                            let format = val(child(lvl, "numFmt"));
                            let ordered = match format {
                                Some(format) => !matches!(format, "bullet" | "none"),
                                None => val(child(lvl, "lvlText")).is_some_and(|t| t.contains('%')),
                            };
                            let start = val(child(lvl, "start"))
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1);
                            let shown = format != Some("none");
                            Some((
                                level,
                                Level {
                                    ordered,
                                    start,
                                    shown,
                                },
                            ))
                        })
                        .collect();
                    numbering.abstracts.insert(id.to_owned(), levels);
                }
                "num" => {
                    if let (Some(id), Some(abstract_id)) =
                        (attr(node, "numId"), val(child(node, "abstractNumId")))
                    {
                        numbering.nums.insert(id.to_owned(), abstract_id.to_owned());
                    }
                }
                _ => {}
            }
        }
        numbering
    }

    fn level(&self, num_id: &str, level: u8) -> Option<Level> {
        self.abstracts
            .get(self.nums.get(num_id)?)?
            .get(&level)
            .copied()
    }
}

/// Footnotes or endnotes by id, their text in one line; the separator notes are skipped.
fn notes(doc: &roxmltree::Document, kind: &str) -> HashMap<String, String> {
    doc.root_element()
        .children()
        .filter(|n| local(*n) == kind)
        .filter(|n| attr(*n, "type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((attr(n, "id")?.to_owned(), text_of(n))))
        .collect()
}

/// Comments in order: (author, text).
fn comments_of(doc: &roxmltree::Document) -> Vec<(Option<String>, String)> {
    doc.root_element()
        .children()
        .filter(|n| local(*n) == "comment")
        .map(|n| {
            let author = attr(n, "author").map(one_line).filter(|a| !a.is_empty());
            (author, text_of(n))
        })
        .collect()
}

/// The text of a part of the document: its `w:t`, paragraphs and tabs as spaces.
fn text_of(node: Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match local(n) {
            "t" if n.is_element() => out.push_str(n.text().unwrap_or_default()),
            "p" | "tab" | "br" => out.push(' '),
            _ => {}
        }
    }
    one_line(&out)
}

/// The first `count` words of a text, with an ellipsis when there are more.
fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > count {
        format!("{}…", words[..count].join(" "))
    } else {
        words.join(" ")
    }
}

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

struct Reader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    rels: &'a Rels,
    blocks: Vec<Block>,
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

impl Reader<'_> {
    /// The body, a table cell, a content control: paragraphs and tables in order.
    fn container(&mut self, node: Node) {
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
                "tr" | "tc" | "sdtContent" | "customXml" | "ins" | "moveTo" => {
                    self.container(child)
                }
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
            emphasised: inline.emphasised || style_kind == Some(StyleKind::Subtitle),
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

    fn warnings(
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// A zip archive of these parts, deflated.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        for (name, bytes) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn document_xml(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" \
             xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
             xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
             xmlns:v=\"urn:schemas-microsoft-com:vml\">\
             <w:body>{body}<w:sectPr/></w:body></w:document>"
        )
    }

    fn rels_xml(rels: &[(&str, &str, &str, bool)]) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        for (id, kind, target, external) in rels {
            xml.push_str(&format!(
                "<Relationship Id=\"{id}\" Type=\"{REL_TYPES}{kind}\" Target=\"{target}\"{}/>",
                if *external {
                    " TargetMode=\"External\""
                } else {
                    ""
                }
            ));
        }
        xml.push_str("</Relationships>");
        xml
    }

    /// A .docx of this body and these other parts (names under word/ or anywhere).
    fn docx(body: &str, others: &[(&str, String)]) -> Vec<u8> {
        let document = document_xml(body);
        let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
        for (name, xml) in others {
            parts.push((name, xml.as_bytes()));
        }
        zip_of(&parts)
    }

    fn p(style: &str, runs: &str) -> String {
        if style.is_empty() {
            format!("<w:p>{runs}</w:p>")
        } else {
            format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
        }
    }

    fn r(props: &str, text: &str) -> String {
        format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    fn read_ok(bytes: &[u8]) -> Document {
        read(bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    fn markdown(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
    }

    fn sample() -> Document {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/import/riga-port.docx"
        ))
        .unwrap();
        read_ok(&bytes)
    }

    #[test]
    fn the_sample_reads_as_libreoffice_wrote_it() {
        let doc = sample();
        assert_eq!(doc.format, Format::Docx);
        assert_eq!(
            markdown(&doc),
            vec![
                "# Riga's port needs a plan, not a bailout",
                "*The Freeport of Riga lost half its cargo when Russian transit stopped. Another \
                 rescue package will not bring it back, writes Andris Ozols.*",
                "Andris Ozols is a transport economist at the Stockholm School of Economics in Riga.",
                "In 2021 the port handled more than twenty million tonnes. Last year it handled \
                 fewer than **ten**.",
                "The government's answer has been to cover the losses. A better answer would be \
                 to decide what the port is for:",
                "1. container traffic to the Nordics;",
                "2. military logistics for the [allied presence](https://example.org/nato-baltic);",
                "3. offshore wind assembly.",
                "Each path needs different investment. Choosing none of them is the most \
                 expensive choice of all.",
            ]
        );
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        let item = BlockKind::ListItem { ordered: true };
        assert_eq!(
            kinds,
            vec![
                BlockKind::Heading(1),
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                item,
                item,
                item,
                BlockKind::Paragraph,
            ]
        );
        let emphasised: Vec<bool> = doc.blocks.iter().map(|b| b.emphasised).collect();
        assert_eq!(
            emphasised,
            vec![false, true, false, false, false, false, false, false, false]
        );
        assert_eq!(
            doc.blocks[6].text,
            "military logistics for the allied presence;"
        );
        // Its dc:title is "x" (from the HTML it was made from), and the body has a heading.
        assert_eq!(doc.meta, Meta::default());
        assert_eq!(doc.warnings, Vec::<String>::new());
    }

    #[test]
    fn not_a_zip_is_refused() {
        assert_eq!(
            read(b"just some text, not a zip").unwrap_err(),
            BadFile::new("is not a Word document: it is not a zip archive")
        );
        assert_eq!(
            read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap_err(),
            BadFile::new(
                "is not a Word document: it is an old .doc or an encrypted file, not a zip \
                 archive (save it as .docx without a password)"
            )
        );
    }

    #[test]
    fn a_zip_without_a_document_is_refused() {
        let bytes = zip_of(&[("hello.txt", b"hello")]);
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new("is not a Word document: it has no word/document.xml")
        );
    }

    #[test]
    fn broken_xml_is_refused_with_its_line() {
        let bytes = zip_of(&[(
            "word/document.xml",
            b"<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"x\">\n<w:body><w:p></w:body>\n</w:document>",
        )]);
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new(
                "has broken XML in word/document.xml (line 3: expected 'w:p' tag, not 'w:body')"
            )
        );
        let bytes = docx(
            &p("", &r("", "ok")),
            &[(
                "word/styles.xml",
                "<w:styles xmlns:w=\"x\"><w:style></w:styles>".into(),
            )],
        );
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new(
                "has broken XML in word/styles.xml (line 1: expected 'w:style' tag, not 'w:styles')"
            )
        );
        let bytes = zip_of(&[("word/document.xml", b"\xFF\xFF<not utf8")]);
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new("has broken XML in word/document.xml (it is not UTF-8 text)")
        );
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        let zeros = vec![0u8; 60 * 1024 * 1024];
        let document = document_xml(&p("", &r("", "hi")));
        let bytes = zip_of(&[
            ("word/document.xml", document.as_bytes()),
            ("word/media/zeros.bin", &zeros),
        ]);
        assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new("would expand to more than 50 MB when unzipped")
        );
    }

    #[test]
    fn a_part_larger_than_its_header_says_is_refused() {
        // The document itself is 60 MB of spaces, but its headers claim 10 bytes: the zip crate
        // stops there, and the reader's own limit on bytes read stands behind it.
        let mut document = document_xml("").into_bytes();
        document.truncate(document.len() - "<w:sectPr/></w:body></w:document>".len());
        document.resize(60 * 1024 * 1024, b' ');
        document.extend_from_slice(b"<w:sectPr/></w:body></w:document>");
        let mut bytes = zip_of(&[("word/document.xml", &document)]);
        let real = u32::try_from(document.len()).unwrap().to_le_bytes();
        let mut patched = 0;
        for at in 0..bytes.len() - 4 {
            if bytes[at..at + 4] == real {
                bytes[at..at + 4].copy_from_slice(&10u32.to_le_bytes());
                patched += 1;
            }
        }
        assert_eq!(patched, 2, "local and central headers");
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new(
                "has a damaged zip entry word/document.xml \
                 (File is larger than its declared uncompressed size)"
            )
        );
    }

    #[test]
    fn styles_are_found_by_id_and_by_name() {
        let styles = format!(
            "<w:styles xmlns:w=\"{W}\">\
             <w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Quotations\"><w:name w:val=\"Quotations\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My heading\"/><w:basedOn w:val=\"Heading3\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Untertitel\"><w:name w:val=\"Subtitle\"/></w:style>\
             </w:styles>"
        );
        let body = [
            p("Titel", &r("<w:b/>", "The headline")),
            p("Untertitel", &r("", "A dek")),
            p("berschrift2", &r("", "A section")),
            p("Mine", &r("", "A sub-section")),
            p("Heading4", &r("", "Deeper")),
            p("Quotations", &r("", "Quoted words")),
            p("IntenseQuote", &r("", "More quoted")),
            p("Unknown", &r("", "Body")),
        ]
        .concat();
        let doc = read_ok(&docx(&body, &[("word/styles.xml", styles)]));
        let got: Vec<(BlockKind, &str, bool)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str(), b.emphasised))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Title, "# The headline", false),
                (BlockKind::Paragraph, "A dek", true),
                (BlockKind::Heading(2), "## A section", false),
                (BlockKind::Heading(3), "### A sub-section", false),
                (BlockKind::Heading(4), "#### Deeper", false),
                (BlockKind::Quote, "> Quoted words", false),
                (BlockKind::Quote, "> More quoted", false),
                (BlockKind::Paragraph, "Body", false),
            ]
        );
    }

    #[test]
    fn outline_levels_and_indented_paragraphs() {
        let body = "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Level two</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:ind w:left=\"567\" w:right=\"567\"/></w:pPr><w:r><w:t>Indented</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:r><w:t>Left only</w:t></w:r></w:p>";
        let doc = read_ok(&docx(body, &[]));
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Heading(2),
                BlockKind::Quote,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn runs_merge_and_marks_stay_off_spaces() {
        let body = p(
            "",
            &[
                r("", "Plain "),
                r("<w:b/>", "bo"),
                r("<w:b w:val=\"true\"/>", "ld "),
                r("<w:b w:val=\"false\"/>", "then "),
                r("<w:i/>", "italic"),
                r("<w:i w:val=\"0\"/>", " and * star"),
                "<w:r><w:t>a</w:t><w:tab/><w:t>tab</w:t><w:br/><w:t>break</w:t></w:r>".into(),
            ]
            .concat(),
        );
        let doc = read_ok(&docx(&body, &[]));
        assert_eq!(
            markdown(&doc),
            vec!["Plain **bold** then *italic* and \\* stara tab break"]
        );
        assert_eq!(
            doc.blocks[0].text,
            "Plain bold then italic and * stara tab break"
        );
        assert!(!doc.blocks[0].emphasised);
    }

    #[test]
    fn character_styles_give_marks() {
        let styles = format!(
            "<w:styles xmlns:w=\"{W}\">\
             <w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>\
             </w:styles>"
        );
        let body = p(
            "",
            &(r("<w:rStyle w:val=\"Strong\"/>", "All")
                + &r("<w:rStyle w:val=\"Strong\"/>", " strong")),
        );
        let doc = read_ok(&docx(&body, &[("word/styles.xml", styles)]));
        assert_eq!(markdown(&doc), vec!["**All strong**"]);
        assert!(doc.blocks[0].emphasised);
    }

    #[test]
    fn hyperlinks_resolve_through_relationships() {
        let rels = rels_xml(&[
            ("rId7", "hyperlink", "https://example.org/a", true),
            ("rId8", "hyperlink", "javascript:alert(1)", true),
        ]);
        let body = p(
            "",
            &[
                r("", "See "),
                "<w:hyperlink r:id=\"rId7\"><w:r><w:t>the report</w:t></w:r></w:hyperlink>".into(),
                r("", " and "),
                "<w:hyperlink r:id=\"rId8\"><w:r><w:t>this</w:t></w:r></w:hyperlink>".into(),
                r("", " and "),
                "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>that</w:t></w:r></w:hyperlink>".into(),
                r("", " and "),
                "<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org/b&quot; \"><w:r><w:t>simple</w:t></w:r></w:fldSimple>".into(),
                r("", " and "),
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.org/c\" </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
                 <w:r><w:rPr><w:b/></w:rPr><w:t>complex</w:t></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>".into(),
                r("", "."),
            ]
            .concat(),
        );
        let doc = read_ok(&docx(&body, &[("word/_rels/document.xml.rels", rels)]));
        assert_eq!(
            markdown(&doc),
            vec![
                "See [the report](https://example.org/a) and this and that and \
                 [simple](https://example.org/b) and [**complex**](https://example.org/c)."
            ]
        );
    }

    #[test]
    fn numbered_and_bulleted_lists_follow_numbering_xml() {
        let numbering = format!(
            "<w:numbering xmlns:w=\"{W}\">\
             <w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl>\
             <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"20\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>\
             </w:numbering>"
        );
        let item = |num: &str, level: &str, text: &str| {
            format!(
                "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>",
                r("", text)
            )
        };
        let body = [
            item("1", "0", "one"),
            item("1", "1", "one-a"),
            item("1", "1", "one-b"),
            item("1", "0", "two"),
            "<w:p/>".into(),
            item("1", "0", "three"),
            p("", &r("", "Between")),
            item("1", "0", "again one"),
            item("2", "0", "bullet"),
            item("1", "0", "new run"),
            p("ListParagraph", &r("", "Not a list")),
        ]
        .concat();
        let doc = read_ok(&docx(&body, &[("word/numbering.xml", numbering)]));
        assert_eq!(
            markdown(&doc),
            vec![
                "1. one",
                "1. one-a",
                "2. one-b",
                "2. two",
                "3. three",
                "Between",
                "1. again one",
                "- bullet",
                "1. new run",
                "Not a list",
            ]
        );
        assert_eq!(doc.blocks[7].kind, BlockKind::ListItem { ordered: false });
        assert_eq!(doc.blocks[9].kind, BlockKind::Paragraph);
    }

    #[test]
    fn numbered_heading_styles_stay_headings() {
        let styles = format!(
            "<w:styles xmlns:w=\"{W}\">\
             <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"Heading 1\"/>\
             <w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
             </w:styles>"
        );
        let numbering = format!(
            "<w:numbering xmlns:w=\"{W}\">\
             <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"none\"/><w:lvlText w:val=\"\"/></w:lvl></w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
        );
        let body = [
            p("Heading1", &r("", "The headline")),
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\
             <w:r><w:t>Unnumbered outline text</w:t></w:r></w:p>"
                .into(),
        ]
        .concat();
        let doc = read_ok(&docx(
            &body,
            &[
                ("word/styles.xml", styles),
                ("word/numbering.xml", numbering),
            ],
        ));
        let got: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.markdown.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(1), "# The headline"),
                (BlockKind::Paragraph, "Unnumbered outline text"),
            ]
        );
    }

    #[test]
    fn list_styles_without_numbering_are_lists() {
        let body = [
            p("ListBullet", &r("", "a point")),
            p("ListNumber", &r("", "a step")),
        ]
        .concat();
        let doc = read_ok(&docx(&body, &[]));
        assert_eq!(markdown(&doc), vec!["- a point", "1. a step"]);
    }

    #[test]
    fn notes_comments_and_images_are_left_out_and_listed() {
        let footnotes = format!(
            "<w:footnotes xmlns:w=\"{W}\">\
             <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
             <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\
             <w:footnote w:id=\"1\"><w:p><w:r><w:t>Source: Eurostat, 2024, table 3 and the annex that follows it.</w:t></w:r></w:p></w:footnote>\
             <w:footnote w:id=\"2\"><w:p><w:r><w:t>Ibid.</w:t></w:r></w:p></w:footnote>\
             </w:footnotes>"
        );
        let endnotes = format!(
            "<w:endnotes xmlns:w=\"{W}\"><w:endnote w:id=\"1\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>"
        );
        let comments = format!(
            "<w:comments xmlns:w=\"{W}\">\
             <w:comment w:id=\"0\" w:author=\"Desk Editor\"><w:p><w:r><w:t>Check this figure</w:t></w:r></w:p></w:comment>\
             <w:comment w:id=\"1\"><w:p><w:r><w:t>Source?</w:t></w:r></w:p></w:comment>\
             </w:comments>"
        );
        let rels = rels_xml(&[
            ("rId1", "footnotes", "footnotes.xml", false),
            ("rId2", "endnotes", "endnotes.xml", false),
            ("rId3", "comments", "comments.xml", false),
            ("rId4", "image", "media/image1.png", false),
            ("rId5", "image", "media/image2.jpeg", false),
        ]);
        let body = [
            p(
                "",
                "<w:r><w:t>Trade fell.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>\
                 <w:commentRangeStart w:id=\"0\"/><w:r><w:t xml:space=\"preserve\"> Again</w:t></w:r>\
                 <w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>\
                 <w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r>",
            ),
            "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\"/><a:graphic><a:graphicData>\
             <a:blip r:embed=\"rId4\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>\
             <w:r><w:pict><v:shape><v:imagedata r:id=\"rId5\"/></v:shape></w:pict></w:r>\
             <w:r><w:drawing><wp:anchor><w:txbxContent><w:p><w:r><w:t>A pull quote in a text box</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r>\
             <w:r><w:t>After the pictures.</w:t></w:r></w:p>".into(),
        ]
        .concat();
        let doc = read_ok(&docx(
            &body,
            &[
                ("word/_rels/document.xml.rels", rels),
                ("word/footnotes.xml", footnotes),
                ("word/endnotes.xml", endnotes),
                ("word/comments.xml", comments),
            ],
        ));
        assert_eq!(
            markdown(&doc),
            vec!["Trade fell. Again", "After the pictures."]
        );
        assert_eq!(
            doc.warnings,
            vec![
                "2 footnotes were left out of the body: \"Source: Eurostat, 2024, table 3 and the \
                 annex…\", \"Ibid.\"",
                "1 endnote was left out of the body: \"An endnote.\"",
                "2 comments were left out: \"Check this figure\" (Desk Editor), \"Source?\"",
                "image left out: media/image1.png",
                "image left out: media/image2.jpeg",
                "text box left out: \"A pull quote in a text box\"",
            ]
        );
    }

    #[test]
    fn deleted_and_hidden_text_is_not_read_and_tables_are_flattened() {
        let body = [
            p(
                "",
                "<w:r><w:t xml:space=\"preserve\">Kept </w:t></w:r>\
                 <w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>\
                 <w:ins><w:r><w:t xml:space=\"preserve\">inserted </w:t></w:r></w:ins>\
                 <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>",
            ),
            format!(
                "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
                p("", &r("", "Cell one")),
                p("", &r("", "Cell two"))
            ),
        ]
        .concat();
        let doc = read_ok(&docx(&body, &[]));
        assert_eq!(
            markdown(&doc),
            vec!["Kept inserted", "Cell one", "Cell two"]
        );
        assert_eq!(
            doc.warnings,
            vec!["1 table was read as plain paragraphs, cell by cell".to_owned()]
        );
    }

    #[test]
    fn the_core_title_is_kept_only_without_a_heading() {
        let core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
                    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title> The  title </dc:title>\
                    <dc:creator>jsmith</dc:creator></cp:coreProperties>"
            .to_owned();
        let doc = read_ok(&docx(
            &p("", &r("", "Body")),
            &[("docProps/core.xml", core.clone())],
        ));
        assert_eq!(
            doc.meta,
            Meta {
                title: Some("The title".into()),
                ..Meta::default()
            }
        );
        let body = p("Heading1", &r("", "Head")) + &p("", &r("", "Body"));
        let doc = read_ok(&docx(&body, &[("docProps/core.xml", core)]));
        assert_eq!(doc.meta, Meta::default());
    }

    #[test]
    fn the_main_part_is_found_through_the_package_relationships() {
        let package_rels = rels_xml(&[("rId1", "officeDocument", "word/main.xml", false)]);
        let document = document_xml(&p("", &r("", "Elsewhere")));
        let bytes = zip_of(&[
            ("_rels/.rels", package_rels.as_bytes()),
            ("word/main.xml", document.as_bytes()),
        ]);
        assert_eq!(markdown(&read_ok(&bytes)), vec!["Elsewhere"]);
        let bytes = zip_of(&[("_rels/.rels", package_rels.as_bytes())]);
        assert_eq!(
            read(&bytes).unwrap_err(),
            BadFile::new("is not a Word document: it has no word/main.xml")
        );
    }

    #[test]
    fn deep_nesting_is_cut_not_crashed() {
        let body = format!(
            "{}{}{}{}",
            p("", &r("", "Top")),
            "<w:sdt><w:sdtContent>".repeat(5_000),
            p("", &r("", "Deep")),
            "</w:sdtContent></w:sdt>".repeat(5_000)
        );
        let doc = read_ok(&docx(&body, &[]));
        assert_eq!(markdown(&doc), vec!["Top"]);
        assert_eq!(
            doc.warnings,
            vec!["left out text nested more than 100 elements deep".to_owned()]
        );
    }

    #[test]
    fn an_empty_document_has_no_text() {
        let doc = docx("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>", &[]);
        assert_eq!(read(&doc).unwrap_err(), BadFile::new("has no text"));
    }

    #[test]
    fn markdown_characters_in_word_text_are_escaped() {
        let body = p("", &r("", "# not a heading [x] *y* &lt;b&gt;"));
        let doc = read_ok(&docx(&body, &[]));
        assert_eq!(
            markdown(&doc),
            vec!["\\# not a heading \\[x\\] \\*y\\* \\<b>"]
        );
        let body = p("Heading2", &r("", "1. Start"));
        assert_eq!(markdown(&read_ok(&docx(&body, &[]))), vec!["## 1\\. Start"]);
    }
}
