//! Markdown (.md) read into blocks: optional YAML front matter becomes `Meta`, and each top-level
//! block of the body keeps the Markdown its writer wrote (marks, links, list markers, quotes).
mod body;
mod front_matter;
#[cfg(test)]
mod more_tests;
mod obsidian;
#[cfg(test)]
mod tests;

use self::body::body_blocks;
use self::front_matter::{front_matter, split_front_matter};
use super::decode::decode;
use super::{BadFile, Document, Format, Meta, MetaAuthor};

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (source, warning) = decode(bytes)?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    let (meta, body) = match split_front_matter(&source) {
        Some((syntax, matter, body)) => (front_matter(syntax, matter, &mut warnings)?, body),
        None => title_block(&source)
            .or_else(|| obsidian::inline_fields(&source))
            .unwrap_or((Meta::default(), source.as_str())),
    };
    let (mut meta, body) = (meta, body.to_string());
    // Pandoc's div classed as the dek ("::: {.dek}" … ":::") over the piece: the standfirst,
    // where the file gave none.
    let body = match DEK_DIV.captures(&body) {
        Some(c) if meta.standfirst.is_none() => {
            let inner = c.name("inner").map_or("", |m| m.as_str());
            let dek = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            if dek.is_empty() {
                body.clone()
            } else {
                meta.standfirst = Some(dek);
                DEK_DIV.replace(&body, "").into_owned()
            }
        }
        _ => body.clone(),
    };
    let blocks = body_blocks(&body, &mut warnings);
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

/// "::: {.dek}", "::: {.standfirst}", "::: {.subtitle .lead}": a fenced div holding one paragraph
/// the writer marked as the standfirst.
static DEK_DIV: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?m)^[ ]{0,3}:{3,}[ \t]*\{[^}\n]*\.(?:dek|deck|standfirst|subtitle|lead|summary)\b[^}\n]*\}[ \t]*\n(?P<inner>[^:]+?)\n[ ]{0,3}:{3,}[ \t]*$",
    )
    .unwrap_or_else(|e| panic!("bad pattern: {e}"))
});

/// Pandoc's title block: "% Title", "% Author; Author", "% Date", the first lines of the file.
fn title_block(source: &str) -> Option<(Meta, &str)> {
    let source = source.trim_start_matches('\u{feff}');
    if !source.starts_with("% ") {
        return None;
    }
    let mut fields = Vec::new();
    let mut rest = source;
    while fields.len() < 3
        && let Some(line) = rest.strip_prefix('%')
    {
        let (line, after) = line.split_once('\n').unwrap_or((line, ""));
        fields.push(line.trim().to_string());
        rest = after;
    }
    let title = fields.first().filter(|t| !t.is_empty()).cloned()?;
    let authors = fields
        .get(1)
        .map(|names| {
            names
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|name| MetaAuthor {
                    name: name.to_string(),
                    ..MetaAuthor::default()
                })
                .collect()
        })
        .unwrap_or_default();
    let meta = Meta {
        title: Some(title),
        authors,
        ..Meta::default()
    };
    Some((meta, rest))
}
