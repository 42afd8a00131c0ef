//! Import: a contributor's file (plain text, Markdown, Word or HTML) read into blocks, then the
//! newsroom structure of its copy recognised (headline, standfirst, byline, bios, furniture).
//!
//! Reading a file never touches the desk; `Desk::preview_import` and `Desk::commit_import`
//! match contributors and write the article, one transaction per file.

mod allowlist;
mod contact;
mod decode;
mod docx;
mod html;
mod inline;
mod markdown;
mod recognise;
mod txt;

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use allowlist::keep_to_allowlist;
pub use recognise::{FoundAuthor, Recognised, recognise};

/// A submission larger than this is refused before it is read.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// A .docx whose parts would expand beyond this is refused (a zip bomb, or not a submission).
pub(crate) const MAX_EXPANDED_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Markdown,
    Docx,
    Html,
}

impl Format {
    /// The format a file name's extension names, if it is one import reads.
    pub fn of(file_name: &str) -> Option<Format> {
        let ext = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The document's own title (a Word Title paragraph, an HTML `<h1>` of the article).
    Title,
    /// The document's own subtitle (a Word Subtitle paragraph, a page's dek): its standfirst.
    Subtitle,
    Heading(u8),
    Paragraph,
    ListItem {
        ordered: bool,
    },
    Quote,
    Code,
}

/// One block of the submission, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub kind: BlockKind,
    /// The block as Markdown, complete in itself: inline marks and links, a heading's `## `, a
    /// list item's `- ` or `1. `, a quote's `> ` on every line.
    pub markdown: String,
    /// The block's words without marks or markers, white space collapsed: what recognition reads.
    pub text: String,
    /// The whole block is set in italic or bold (how Word and HTML copy often set a standfirst).
    pub emphasised: bool,
}

impl Block {
    pub(crate) fn paragraph(text: &str) -> Block {
        let text = crate::text::one_line(text);
        Block {
            kind: BlockKind::Paragraph,
            markdown: text.clone(),
            text,
            emphasised: false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct MetaAuthor {
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub bio: Option<String>,
}

/// What a file says about itself: YAML front matter, HTML `<meta>`/`og:` tags, Word's properties.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub standfirst: Option<String>,
    pub authors: Vec<MetaAuthor>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Who publishes a web page (its JSON-LD publisher, its `og:site_name`).
    pub publisher: Option<String>,
}

/// A file read into blocks, before recognition.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub format: Format,
    pub(crate) meta: Meta,
    pub(crate) blocks: Vec<Block>,
    /// What the report must tell: a conversion from Windows-1252, footnotes, comments, images by
    /// name, page parts left out.
    pub(crate) warnings: Vec<String>,
}

/// Why a file cannot be imported, in words; the caller names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadFile(pub String);

impl BadFile {
    pub fn new(problem: impl Into<String>) -> BadFile {
        BadFile(problem.into())
    }
}

/// Reads a submission by its file name's extension. Checks shared by every format (empty, too
/// large, binary) come first.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Document, BadFile> {
    let format = Format::of(file_name)
        .ok_or_else(|| BadFile::new("is not a file import reads: use .txt, .md, .docx or .html"))?;
    if bytes.is_empty() {
        return Err(BadFile::new("is empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    match format {
        Format::Text => txt::read(bytes),
        Format::Markdown => markdown::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Html => html::read(bytes),
    }
}

/// Reads a submission from disk, refusing a folder or a file over the size limit before reading
/// more of it than the limit.
pub fn load_file(path: &Path) -> Result<Vec<u8>, BadFile> {
    let unreadable = |e: std::io::Error| BadFile::new(format!("cannot be read: {e}"));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(BadFile::new("is a folder, not a file"));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(unreadable)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(len: u64) -> BadFile {
    BadFile::new(format!(
        "is {:.1} MB, over the 10 MB import limit",
        len as f64 / (1024.0 * 1024.0)
    ))
}
