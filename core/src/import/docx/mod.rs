//! Word (.docx) read into blocks: paragraph styles (by id, and by name through styles.xml) give
//! titles, headings, quotes and lists; runs give bold, italic and links. Footnotes, endnotes,
//! comments, images and text boxes are not body copy: they are left out, and listed.

mod notes;
mod numbering;
mod package;
mod reader;
mod styles;
pub(in crate::import) mod table;
#[cfg(test)]
mod tests;
mod xml;

use std::collections::HashMap;

use self::notes::{comments_of, notes};
use self::numbering::Numbering;
use self::package::{Package, Rels, join, parse_xml};
use self::reader::Reader;
use self::styles::Styles;
use self::xml::local;
use super::{BadFile, BlockKind, Document, Format, Meta};
use crate::text::one_line;

const MAIN_PART: &str = "word/document.xml";

/// A standfirst set apart under a headline runs to at least this many words (a short italic
/// line under a bold one may be a kicker or a date).
const STANDFIRST_WORDS: usize = 12;

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
    let mut reader = Reader::new(&styles, &numbering, &rels);
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
    let mut warnings = reader.warnings(&footnotes, &endnotes, &comments);
    // The page header and footer are no copy, but the writer may have put their address only
    // there ("ivana.kovacevic@gmail.com | +385 …"): told, so that one spelling the writer's name
    // can be theirs.
    let mut margins = Vec::new();
    for name in rels
        .targets_of("header")
        .into_iter()
        .chain(rels.targets_of("footer"))
    {
        if let Some(xml) = package.part(&name)? {
            let doc = parse_xml(&name, &xml)?;
            let text: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
            margins.extend(crate::import::contact::find_emails(&text.join(" ")));
        }
    }
    margins.dedup();
    if !margins.is_empty() {
        warnings.push(format!(
            "left out the page header and footer, with the address(es): {}",
            margins.join(", ")
        ));
    }
    // The file's title property is a working title ("Pension op-ed v3"); it stands in only when
    // the copy has no headline of its own: a heading, or a short line set apart in bold or italic
    // just above a "By …" line (or above the standfirst above one), or just above a standfirst
    // set apart the same way (a longer paragraph all in italic or bold).
    let bold_over_byline = |i: usize| {
        let b = &reader.blocks[i];
        let next = reader.blocks.get(i + 1);
        b.emphasised
            && b.text.split_whitespace().count() <= 20
            && !b.text.trim_end().ends_with('.')
            && (reader.blocks[i + 1..]
                .iter()
                .take(2)
                .any(|n| n.text.trim_start().to_lowercase().starts_with("by "))
                || next.is_some_and(|n| {
                    n.emphasised
                        && n.kind == BlockKind::Paragraph
                        && n.text.split_whitespace().count() > b.text.split_whitespace().count()
                        && n.text.split_whitespace().count() >= STANDFIRST_WORDS
                }))
    };
    let has_heading = reader
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading(_)))
        || (0..reader.blocks.len()).any(bold_over_byline);
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
