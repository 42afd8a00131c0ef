//! The .docx package: a zip archive read part by part within the expansion limit, its XML parts
//! parsed, and the relationships that say which part is which.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::ParsingOptions;
use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{attr, local};
use crate::import::{BadFile, MAX_EXPANDED_BYTES};

pub(super) const REL_TYPES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_REL_TYPES: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

fn too_big() -> BadFile {
    BadFile::new(format!(
        "would expand to more than {} MB when unzipped",
        MAX_EXPANDED_BYTES / (1024 * 1024)
    ))
}

/// The zip archive, read part by part within the expansion limit.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unzipped: parts whose headers understate their size are caught
    /// when they are read.
    budget: u64,
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8]) -> Result<Package<'a>, BadFile> {
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
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, BadFile> {
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

pub(super) fn parse_xml<'x>(name: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, BadFile> {
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
pub(super) fn join(dir: &str, target: &str) -> String {
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

/// A part's relationships: id to target, and targets by type.
#[derive(Default)]
pub(super) struct Rels {
    /// Id → (type, target as written, target resolved in the package, external).
    by_id: HashMap<String, (String, String, String, bool)>,
}

impl Rels {
    pub(super) fn parse(name: &str, dir: &str, xml: &str) -> Result<Rels, BadFile> {
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
    pub(super) fn target_of(&self, kind: &str) -> Option<String> {
        let mut found: Vec<(&String, &String)> = self
            .by_id
            .iter()
            .filter(|(_, (k, _, _, external))| k == kind && !external)
            .map(|(id, (_, _, resolved, _))| (id, resolved))
            .collect();
        found.sort();
        found.first().map(|(_, resolved)| (*resolved).clone())
    }

    /// Every part of a kind, in the order of their ids (a section's headers, its footers).
    pub(super) fn targets_of(&self, kind: &str) -> Vec<String> {
        let mut found: Vec<(&String, &String)> = self
            .by_id
            .iter()
            .filter(|(_, (k, _, _, external))| k == kind && !external)
            .map(|(id, (_, _, resolved, _))| (id, resolved))
            .collect();
        found.sort();
        found.into_iter().map(|(_, r)| r.clone()).collect()
    }

    /// A target as written in the relationship (`media/image1.png`, `https://…`).
    pub(super) fn written(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|(_, target, _, _)| target.as_str())
    }
}
