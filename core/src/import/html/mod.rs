//! HTML (.html) read into blocks: the article is found in the page, page furniture (navigation,
//! scripts, share buttons, comments, adverts) is left out, and only an allowlist of constructs
//! becomes Markdown: paragraphs, headings, list items, quotes, code, bold, italic and http(s) or
//! mailto links. `<meta>` and `og:` tags give the title, standfirst, authors, section and tags.
mod charset;
mod dom;
mod find;
mod furniture;
mod meta;
#[cfg(test)]
mod tests;
mod writer;

use std::collections::HashSet;

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::RcDom;

use self::charset::decode;
use self::dom::{find, find_outside, is, text_content};
use self::find::find_content;
use self::furniture::count_furniture;
use self::meta::read_meta;
use self::writer::{Ctx, Writer};
use super::inline::{Span, render};
use super::{BadFile, Block, BlockKind, Document, Format};

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
