//! HTML (.html) read into blocks: the article is found in the page by a proven content extractor
//! (dom_smoothie, after Mozilla's Readability); the article's own parts that it leaves out (the
//! headline, the standfirst and byline between the headline and the text, an author box, tags)
//! are taken from the page around it; page furniture (navigation, scripts, share buttons,
//! comments, adverts) is left out, and only an allowlist of constructs becomes Markdown:
//! paragraphs, headings, list items, quotes, code, bold, italic and http(s) or mailto links.
//! `<meta>`, `og:` tags and schema.org JSON-LD give the title, standfirst, authors, section and
//! tags.
#[cfg(test)]
mod caption_tests;
mod charset;
mod dom;
mod find;
mod furniture;
mod jsonld;
mod meta;
mod page;
mod readable;
#[cfg(test)]
mod tests;
mod writer;

use std::collections::HashSet;
use std::rc::Rc;

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, RcDom};

use self::charset::decode;
use self::dom::{attr, deeper_than, find, find_all, find_outside, is, text_content};
use self::find::find_content;
use self::furniture::{LeftOut, count_furniture};
use self::jsonld::ArticleLd;
use self::meta::read_meta;
use self::page::Order;
use self::writer::{Ctx, Writer};
use super::inline::{Span, render};
use super::{BadFile, Block, BlockKind, Document, Format, Meta, MetaAuthor};
use crate::text::one_line;

/// An author box the extractor cut is looked for after this many of the last blocks it kept.
const BOX_CUT_WITHIN: usize = 4;
/// Elements nested deeper than this are not read (a page built to exhaust the stack).
const MAX_DEPTH: usize = 200;

pub(super) fn read(bytes: &[u8]) -> Result<Document, BadFile> {
    let (source, warning) = decode(bytes)?;
    // Flattened a little short of the reader's own depth, so a page nested deeper keeps its words
    // (and parses in time linear in its length: src/nesting.rs).
    let source = crate::nesting::flatten_deep_html(&source, MAX_DEPTH - 8);
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(&*source);
    let root = dom.document.clone();
    let head = find(&root, &|n| is(n, "head"));
    let body = find(&root, &|n| is(n, "body")).unwrap_or_else(|| root.clone());

    let (mut meta, keywords_only) = read_meta(head.as_ref(), &body);
    if let Some(ld) = jsonld::read(&root) {
        merge_json_ld(&mut meta, ld);
    }
    // A page nested deeper than the reader reads is built to exhaust, not to be read: the
    // extractor, whose work grows with depth, is not given it.
    let article = (!deeper_than(&body, MAX_DEPTH))
        .then(|| readable::article_html(&source))
        .flatten();
    let mut writer = match article {
        Some(article) => read_around_article(&article, &body, &mut meta),
        None => read_with_own_rules(&body),
    };
    // The tags the page shows under the piece beat the keywords it declares for search engines
    // when the keywords hold them all: the page's own choice and spelling ("Prisons", not the
    // keywords' "prisons" and one more).
    let shown_within_declared = keywords_only
        && !writer.tags.is_empty()
        && writer.tags.iter().all(|t| {
            meta.tags
                .iter()
                .any(|m| m.to_lowercase() == t.to_lowercase())
        });
    if meta.tags.is_empty() || shown_within_declared {
        let mut seen = HashSet::new();
        meta.tags = std::mem::take(&mut writer.tags);
        meta.tags.retain(|t| seen.insert(t.to_lowercase()));
    }
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
    // An address the page links to outside the text it kept ("Contact the reporter: <a
    // href=mailto:…>", a footer's desk address) is told, so that one spelling the writer's
    // name can be theirs; recognition gives none to anyone else.
    let kept: String = writer.blocks.iter().map(|b| b.markdown.as_str()).collect();
    let mut linked: Vec<String> = find_all(&body, &|n| {
        is(n, "a") && attr(n, "href").is_some_and(|h| h.trim_start().starts_with("mailto:"))
    })
    .iter()
    .filter_map(|a| attr(a, "href"))
    .flat_map(|h| super::contact::find_emails(&h))
    .filter(|e| !kept.contains(e.as_str()))
    .collect();
    linked.dedup();
    if !linked.is_empty() {
        warnings.push(format!(
            "left out the page's contact address(es): {}",
            linked.join(", ")
        ));
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

/// The page's JSON-LD article fills what the meta tags leave open; its people are the authors
/// when it names any (an organisation is the publisher, not a byline).
fn merge_json_ld(meta: &mut Meta, ld: ArticleLd) {
    meta.title = ld.headline.or(meta.title.take());
    meta.standfirst = meta.standfirst.take().or(ld.description);
    if let Some(name) = &ld.publisher {
        meta.publisher = Some(name.clone());
    }
    let publisher = ld.publisher.map(|p| p.to_lowercase());
    let people: Vec<String> = ld
        .authors
        .into_iter()
        .filter(|a| publisher.as_deref() != Some(a.to_lowercase().as_str()))
        .collect();
    if !people.is_empty() {
        meta.authors = people
            .into_iter()
            .map(|name| MetaAuthor {
                affiliation: ld
                    .affiliations
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, org)| org.clone()),
                name,
                ..MetaAuthor::default()
            })
            .collect();
    }
    meta.section = meta.section.take().or(ld.section);
    if meta.tags.is_empty() {
        meta.tags = ld.keywords;
    }
}

/// The extractor's article, with the head the page sets above it (from the headline to the first
/// paragraph), and the author boxes and tag lists it sets after it.
fn read_around_article(article: &str, body: &Handle, meta: &mut Meta) -> Writer {
    let content_dom = parse_document(RcDom::default(), ParseOpts::default()).one(article);
    let mut content = Writer::default();
    content.article_chars = text_content(&content_dom.document).len() / 2;
    content.walk(&content_dom.document, &Ctx::default(), 0);
    content.flush(&Ctx::default());

    let order = Order::of(body);
    let h1 = page::headline(body, meta.title.as_deref());
    // The extractor sets the page's headline, when it keeps it, as a subheading: it is the title.
    if let Some(h1) = &h1 {
        let title = crate::text::fold(&text_content(h1));
        if let Some(b) = content.blocks.iter_mut().take(4).find(|b| {
            matches!(b.kind, BlockKind::Heading(_)) && crate::text::fold(&b.text) == title
        }) {
            b.kind = BlockKind::Title;
            b.markdown = format!("# {}", b.markdown.trim_start_matches('#').trim_start());
        }
    }
    let first = content
        .blocks
        .first()
        .and_then(|b| page::elements_reading(body, &b.text).into_iter().next());
    let last = content
        .blocks
        .last()
        .and_then(|b| page::elements_reading(body, &b.text).into_iter().next());
    // The blocks before the last, nearest first: an author box the extractor cut may stand
    // after any of them (after the "About the authors" heading it kept, before the box it kept).
    let before_last: Vec<Handle> = content
        .blocks
        .iter()
        .rev()
        .skip(1)
        .take(BOX_CUT_WITHIN)
        .filter_map(|b| page::elements_reading(body, &b.text).into_iter().next())
        .collect();

    let mut out = Writer::default();
    out.head = true;
    let title_in_content = content.blocks.iter().any(|b| b.kind == BlockKind::Title);
    if let Some(label) = h1.as_ref().and_then(page::label_above) {
        // A short label set just above the headline files the piece, unless the page says.
        let text = one_line(&label);
        if meta.section.is_none()
            && text.chars().any(char::is_alphabetic)
            && !text.chars().any(|c| c.is_ascii_digit())
        {
            meta.section = Some(text.trim_end_matches(':').to_string());
        }
    }
    // "Filed under: Education", a link marked as the post's category: the blog files the piece.
    if meta.section.is_none() {
        meta.section = page::category(body);
    }
    if !title_in_content && let Some(h1) = h1 {
        let head = first
            .as_ref()
            .map(|f| page::between(&h1, f, &order))
            .filter(|zone| !zone.is_empty())
            .unwrap_or_else(|| vec![h1.clone()]);
        for node in head {
            out.walk(&node, &Ctx::default(), 1);
            out.flush(&Ctx::default());
        }
    }
    out.head = false;
    out.absorb(content);
    // What was left out is told of the page as a whole: the extractor's cleaning has no names.
    out.left_out = LeftOut::default();
    count_furniture(body, None, &mut out.left_out);
    if let Some(last) = last {
        let (mut boxes, tag_lists) = page::footer_parts(body, order.end(&last), &order);
        // An author box the extractor cut from between the text and its last paragraph (a
        // disclaimer it kept) is the article's too.
        if boxes.is_empty() {
            let kept: Vec<String> = out
                .blocks
                .iter()
                .map(|b| crate::text::fold(&b.text))
                .collect();
            for before in &before_last {
                let (inside, _) = page::footer_parts(body, order.end(before), &order);
                for b in inside {
                    let text = crate::text::fold(&one_line(&text_content(&b)));
                    let cut = order.end(&b) <= order.end(&last)
                        && !kept
                            .iter()
                            .any(|k| !k.is_empty() && text.contains(k.as_str()));
                    if cut && !boxes.iter().any(|x| Rc::ptr_eq(x, &b)) {
                        boxes.push(b);
                    }
                }
                if !boxes.is_empty() {
                    break;
                }
            }
        }
        out.author_box = true;
        for b in boxes {
            out.walk(&b, &Ctx::default(), 0);
            out.flush(&Ctx::default());
        }
        out.author_box = false;
        for list in tag_lists {
            out.tags.extend(page::tags_of(&list));
        }
    }
    out
}

/// Without an article the extractor can find (a bare page of a few paragraphs, a newsletter):
/// the largest `<article>`, `<main>` or content element, and the page's `<h1>` above it.
fn read_with_own_rules(body: &Handle) -> Writer {
    let content = find_content(body);
    let mut writer = Writer::default();
    writer.walk(&content, &Ctx::default(), 0);
    writer.flush(&Ctx::default());
    if !writer.blocks.iter().any(|b| b.kind == BlockKind::Title)
        && let Some(h1) = find_outside(body, &content, &|n| is(n, "h1"))
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
    count_furniture(body, Some(&content), &mut writer.left_out);
    writer
}
