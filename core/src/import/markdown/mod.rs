//! Markdown (.md) read into blocks: optional YAML front matter becomes `Meta`, and each top-level
//! block of the body keeps the Markdown its writer wrote (marks, links, list markers, quotes).
mod body;
mod front_matter;
#[cfg(test)]
mod tests;

use self::body::body_blocks;
use self::front_matter::{front_matter, split_front_matter};
use super::decode::decode;
use super::{BadFile, Document, Format, Meta};

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (source, warning) = decode(bytes)?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let (meta, body) = match split_front_matter(&source) {
        Some((syntax, matter, body)) => (front_matter(syntax, matter, &mut warnings)?, body),
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
