//! Recognition: the headline, standfirst, byline, bios and site furniture of a submission, found
//! the way a desk editor finds them in copy that arrives without any markup.

mod body;
mod cover;
mod finish;
mod footnotes;
mod form;
mod furniture;
mod head;
mod lost_start;
mod notes_above;
mod numbered;
mod patterns;

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use self::body::{attach_email, sort_body};
use self::finish::finish;
use self::head::{take_head, take_headline};

use super::{BadFile, Block, Document, Format, MetaAuthor};
use crate::text::{fold, one_line};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FoundAuthor {
    pub name: String,
    pub email: Option<String>,
    pub affiliation: Option<String>,
    pub bio: Option<String>,
}

impl FoundAuthor {
    fn named(name: String) -> FoundAuthor {
        FoundAuthor {
            name,
            ..FoundAuthor::default()
        }
    }
}

/// What import recognised in one submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recognised {
    pub headline: String,
    /// Empty when the copy has none.
    pub standfirst: String,
    /// The byline, in order.
    pub authors: Vec<FoundAuthor>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Markdown.
    pub body: String,
    /// Site furniture left out of the body, block by block.
    pub dropped: Vec<String>,
    pub warnings: Vec<String>,
    /// Who a web page says posted the piece ("Posted by"): the site's editor, not the byline,
    /// unless the copy names no other writer.
    pub posted_by: Option<String>,
}

/// A newsletter's masthead and its links are this many blocks at most, its name among them.
const MASTHEAD_WITHIN: usize = 6;
/// The words of a newsletter's links under its name, when they are not links ("Subscribe Sign
/// in", "Share this post").
const MASTHEAD_WORDS: [&str; 16] = [
    "subscribe",
    "sign",
    "in",
    "up",
    "log",
    "share",
    "this",
    "post",
    "archive",
    "about",
    "home",
    "menu",
    "search",
    "",
    "·",
    "|",
];

/// Blocks a copy sheet's mark needs under it (a headline, a standfirst, the copy) to mark where
/// the piece starts.
const COPY_UNDER_MARK: usize = 5;
/// A block of notes opened and closed by marks is a few lines, not a page.
const MARKED_BLOCK_WITHIN: usize = 20;

/// What import recognises in `doc`; a file is refused only when no piece can be seen in it.
pub fn recognise(doc: &Document) -> Result<Recognised, BadFile> {
    recognise_as_sent(doc).or_else(|refused| lost_start::recognise_within(doc, refused))
}

/// Recognition from the top of the file, the wrapping found by its shapes.
fn recognise_as_sent(doc: &Document) -> Result<Recognised, BadFile> {
    let all: Vec<&Block> = doc.blocks.iter().collect();
    let mut meta = doc.meta.clone();
    let mut rec = Recognised {
        warnings: doc.warnings.clone(),
        ..Recognised::default()
    };
    // The e-mail around the piece: a cover note above it, a signature below it.
    let (mut head_len, subject_title) = cover::head(&all);
    if head_len >= all.len() {
        head_len = 0;
    }
    // A web page pasted as plain text: its skip link, menu, breadcrumb, post metadata and share
    // line above the headline are the page's.
    if head_len == 0
        && let Some(n) = furniture::page_chrome_above(&all)
        && n < all.len()
    {
        head_len = n;
    }
    // A newsletter's masthead: its name as the file's first heading over a line or two of its
    // links ("Subscribe · Archive · About", "Subscribe Sign in"), then the post's own headline at
    // the same level. The name is the newsletter's, not the headline.
    if head_len == 0
        && all
            .first()
            .is_some_and(|b| b.kind == super::BlockKind::Title)
        && let Some(j) = (1..all.len().min(MASTHEAD_WITHIN)).find(|&j| {
            matches!(
                all[j].kind,
                super::BlockKind::Heading(1) | super::BlockKind::Title
            )
        })
        && j >= 2
        && all[1..j].iter().all(|b| {
            let nav = b.text.split_whitespace().all(|w| {
                MASTHEAD_WORDS.contains(
                    &w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric()),
                )
            });
            b.kind == super::BlockKind::Paragraph
                && b.text.split_whitespace().count() <= 8
                && !b.text.trim_end().ends_with(['.', '!', '?'])
                && patterns::byline(&b.text).is_none()
                && (b.markdown.contains("](") || nav)
        })
        && all.len() > j + COPY_UNDER_MARK
    {
        head_len = j;
    }
    // "ZCZC" opening the file: a wire's start of message, and the routing codes and the story's
    // catch-line under it ("EUW0412 4 POL /AFX-EUNW", "BC-EU-BALTIC-CABLE (UPDATE 2, …)") are
    // the wire's, down to its labelled fields.
    let mut wire_codes = 0;
    if all.first().is_some_and(|b| b.text.trim() == "ZCZC") {
        let codes = all
            .iter()
            .skip(1)
            .take_while(|b| {
                b.text.split_whitespace().count() <= 12 && !form::opens_with_status_label(&b.text)
            })
            .count();
        let fields = all
            .iter()
            .skip(1 + codes)
            .take_while(|b| form::opens_with_status_label(&b.text))
            .count();
        head_len = head_len.max(1 + codes + fields);
        wire_codes = 1 + codes;
    }
    // "[EDITOR NOTES - remove before publication]" … "[END EDITOR NOTES]": a block of the
    // desk's notes opened by a mark and closed by the same mark's end, above the copy, is the
    // desk's whole, whatever its lines; its fields still file the piece.
    let mut notes_mark = 0;
    if head_len == 0
        && let Some(close) = furniture::marked_block_end(&all, MARKED_BLOCK_WITHIN)
        && all.len() > close + COPY_UNDER_MARK
    {
        head_len = close + 1;
        notes_mark = 1;
    }
    // "---- OP-ED BEGINS ----" with a headline and the copy under it: a copy sheet's mark, and
    // whatever stands above it (an offer, a banner, a cover note, a long forwarded thread) is the
    // wrapping.
    if let Some(i) = all[..all.len().saturating_sub(COPY_UNDER_MARK)]
        .iter()
        .position(|b| furniture::is_copy_start(&b.text))
        && i >= head_len
        && all[i + 1..]
            .iter()
            .find(|b| b.text.chars().any(char::is_alphanumeric))
            .is_some_and(|b| b.text.split_whitespace().count() <= head::HEADLINE_WORDS)
    {
        head_len = i + 1;
    }
    // A reply from Outlook quotes nothing, so the earlier message runs to the end; a rule under
    // it with a headline and the copy under that is the piece, set below the thread.
    if let Some(i) = cover::piece_below_original(&all[head_len..], COPY_UNDER_MARK) {
        head_len += i;
    }
    // A forward of the piece: under the messages' headers, notes and quoted messages, the
    // piece's own labelled fields opening with its headline, the copy under them.
    if let Some(i) = cover::fields_below_mail(&all, COPY_UNDER_MARK)
        && i > head_len
    {
        head_len = i;
    }
    // An e-mail reply ends with the messages it quotes; its own end comes before them.
    let thread_at = cover::quoted_thread(&all[head_len..]).map_or(all.len(), |i| head_len + i);
    let tail_at = head_len + cover::tail(&all[head_len..thread_at]);
    let mut signature = cover::signature(&all[tail_at..thread_at]);
    cover::name_before_town_by_sender(&mut signature, &all[..head_len]);
    let wrapping = all[..head_len].iter().chain(&all[tail_at..]);
    rec.dropped.extend(
        wrapping
            .filter(|b| !cover::is_rule(b))
            .map(|b| b.text.clone()),
    );
    // Rules ("-----", "* * *") and empty blocks carry nothing to recognise or keep.
    let mut blocks: Vec<&Block> = all[head_len..tail_at]
        .iter()
        .copied()
        .filter(|b| b.text.chars().any(char::is_alphanumeric) || furniture::is_end_mark(&b.text))
        .collect();
    // The subject line is the headline when the copy has none of its own: no text at all, or a
    // message that opens straight into its prose (a reader's letter sent as an e-mail).
    let opens_in_prose = blocks.first().is_none_or(|b| {
        b.kind != super::BlockKind::Title
            && b.text.split_whitespace().count() > head::HEADLINE_WORDS
    });
    // A headline from the subject line stands over no paragraph of the copy: the letter's first
    // paragraph is its opening, never a standfirst the writer set under a headline.
    let headline_from_subject = opens_in_prose && meta.title.is_none() && subject_title.is_some();
    // A reader's letter, as the mail or the label above it says, has no standfirst either: the
    // short first paragraph under the writer's own headline is where the letter starts.
    let letter = cover::names_a_letter(&all[..head_len]);
    if opens_in_prose && meta.title.is_none() {
        meta.title = subject_title;
    }
    // A note to the editor in brackets standing alone is no part of the piece, wherever it is.
    blocks.retain(|b| {
        let note = finish::is_note_to_editor(&b.text);
        if note {
            rec.warnings.push(format!(
                "left out a note to the editor: “{}”",
                b.text.trim()
            ));
        }
        !note
    });
    // A newsroom's status block left out above the copy (as a cover is) still files the piece,
    // its lines in one paragraph or a paragraph each, down to the rule under it.
    let status: Vec<&str> = all[wire_codes.max(notes_mark).min(head_len)..head_len]
        .iter()
        .take_while(|b| !cover::is_rule(b) && !furniture::is_block_end_mark(&b.text))
        .map(|b| b.text.as_str())
        .collect();
    if let Some(fields) = form::status_block(&status.join("\n")) {
        form::fill_from_form(&mut meta, &fields);
    }
    // "Section: Technology / Tags: …" under the byline: the writer's fields for the desk.
    let head_end = blocks.len().min(HEAD_FIELDS_WITHIN);
    if let Some(i) = (0..head_end).find(|&i| desk_fields(&blocks[i].text).is_some()) {
        if let Some(fields) = desk_fields(&blocks[i].text) {
            let fields: Vec<(String, String)> = fields
                .into_iter()
                .filter(|(label, _)| match label.as_str() {
                    "section" | "category" => meta.section.is_none(),
                    "tags" | "keywords" => meta.tags.is_empty(),
                    _ => false,
                })
                .collect();
            form::fill_from_form(&mut meta, &fields);
        }
        rec.dropped.push(blocks.remove(i).text.clone());
    }
    // A form's title left out above the copy as the desk's label ("Submission #4471 - Contributor
    // pitch form") still opens the form under it ("Received: DATE", "Form: …", its fields).
    let form_found = form::take_form(&blocks).or_else(|| {
        let title = *all[..head_len].last()?;
        if !form::names_itself(&title.text) {
            return None;
        }
        let titled: Vec<&Block> = std::iter::once(title)
            .chain(blocks.iter().copied())
            .collect();
        form::take_form(&titled).and_then(|(fields, taken)| Some((fields, taken.checked_sub(1)?)))
    });
    if let Some((fields, taken)) = form_found {
        rec.dropped
            .extend(blocks.drain(..taken).map(|b| b.text.clone()));
        form::fill_from_form(&mut meta, &fields);
        // "Author bio(s): …" after the text: the form's field for the writers' bios, and the
        // fields under it (a declaration, a signature, the office's) the form's, from there on.
        let last = blocks.len().saturating_sub(FORM_PARTS_WITHIN);
        if let Some(i) = (last..blocks.len()).find(|&i| form::bio_field(&blocks[i].text).is_some())
            && let Some(bio) = form::bio_field(&blocks[i].text)
        {
            form::fill_from_form(&mut meta, &[("bio".to_string(), bio)]);
            rec.dropped
                .extend(blocks.drain(i..).map(|b| b.text.clone()));
        }
        // "About the author(s) (2-3 sentences each)" alone over the bios, the form's questions
        // or the organisation's boilerplate after them: the bios are the field's value, and the
        // rest the form's, from there on.
        if let Some(i) = (last..blocks.len()).find(|&i| form::bio_label(&blocks[i].text))
            && i + 1 < blocks.len()
        {
            // Each bio names its writer; "The Baltic Health Network is …" under them is the
            // organisation's boilerplate, no bio. With no writer known yet, one paragraph.
            let names_a_writer = |text: &str| {
                meta.authors.iter().any(|a| {
                    a.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|surname| text.contains(surname))
                })
            };
            let end = (i + 1..blocks.len())
                .find(|&j| {
                    !form::bio_under_label(&blocks[j].text)
                        || if meta.authors.is_empty() {
                            j > i + 1
                        } else {
                            !names_a_writer(&blocks[j].text)
                        }
                })
                .unwrap_or(blocks.len());
            let bio = blocks[i + 1..end]
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if !bio.is_empty() {
                form::fill_from_form(&mut meta, &[("bio".to_string(), bio)]);
                rec.dropped
                    .extend(blocks.drain(i..).map(|b| b.text.clone()));
            }
        }
        // The form's own parts after the text ("DECLARATIONS", "FOR OFFICE USE ONLY") and its
        // questions under them are the form's, from there on.
        let last = blocks.len().saturating_sub(FORM_PARTS_WITHIN);
        if let Some(i) = (last..blocks.len()).find(|&i| FORM_PART.is_match(blocks[i].text.trim())) {
            rec.dropped
                .extend(blocks.drain(i..).map(|b| b.text.clone()));
        }
        // The form's fields after the piece ("Attachments: none", "How did you hear about us?
        // Newsletter", "Consent to be contacted: Yes"), each its label and its answer, down to
        // the end (the form's own closing words with them) are the form's, from there on.
        let last = blocks.len().saturating_sub(FORM_PARTS_WITHIN).max(1);
        if let Some(i) = (last..blocks.len()).find(|&i| form::fields_to_the_end(&blocks[i..])) {
            rec.dropped
                .extend(blocks.drain(i..).map(|b| b.text.clone()));
        }
        // The form's own closing words ("By submitting this form you confirm …") are the form's.
        if blocks
            .last()
            .is_some_and(|b| form::speaks_of_the_form(&b.text))
        {
            rec.dropped.extend(blocks.pop().map(|b| b.text.clone()));
        }
    }
    // A notes app's page properties under the title: the piece's fields where nothing else gave
    // them (front matter wins), and none of its copy.
    if let Some(i) = (1..blocks.len().min(HEAD_FIELDS_WITHIN))
        .find(|&i| form::property_sheet(&blocks[i].markdown).is_some())
        && let Some(fields) = form::property_sheet(&blocks[i].markdown)
    {
        let fields: Vec<(String, String)> = fields
            .into_iter()
            .filter(|(label, _)| match label.as_str() {
                "headline" | "title" => meta.title.is_none(),
                // "Dek:", "Subtitle:": the standfirst under the names notes apps' templates
                // give it.
                "standfirst" | "subtitle" | "dek" | "deck" => meta.standfirst.is_none(),
                "author" | "authors" | "byline" => meta.authors.is_empty(),
                "section" => meta.section.is_none(),
                "tags" | "keywords" => meta.tags.is_empty(),
                _ => false,
            })
            .collect();
        form::fill_from_form(&mut meta, &fields);
        rec.dropped.push(blocks.remove(i).text.clone());
    }
    // "## HEADLINE: …" and "**Standfirst:** …" under a notes app's page title or the writer's
    // notes: the writer labelled the piece's own head, so the headline is the field's, and what
    // stands above it (the page's title, a note to the desk) is the file's, not the piece's.
    // "Title: …" may name a book under review below the piece's own headline and byline: only
    // "HEADLINE:" is the writer's label wherever it stands.
    let labels_the_head = |i: usize| {
        labelled_head_field(&blocks[i].text, &["headline", "hed"]).is_some()
            || (labelled_head_field(&blocks[i].text, &["title"]).is_some()
                && !blocks[..i].iter().any(|b| {
                    matches!(
                        b.kind,
                        super::BlockKind::Title | super::BlockKind::Heading(1)
                    ) || patterns::byline(&b.text).is_some()
                }))
    };
    if meta.title.is_none()
        && let Some(i) = (1..blocks.len().min(HEAD_FIELDS_WITHIN)).find(|&i| labels_the_head(i))
        && let Some(headline) = labelled_head_field(&blocks[i].text, HEADLINE_FIELDS)
    {
        meta.title = Some(headline);
        let mut end = i + 1;
        if meta.standfirst.is_none()
            && let Some(standfirst) = blocks
                .get(i + 1)
                .and_then(|b| labelled_head_field(&b.text, STANDFIRST_FIELDS))
        {
            meta.standfirst = Some(standfirst);
            end += 1;
        }
        rec.dropped
            .extend(blocks.drain(..end).map(|b| b.text.clone()));
    }
    // An academic byline: names with markers, their affiliations under it by marker.
    if meta.authors.is_empty()
        && let Some((authors, taken)) = numbered::numbered_byline(&blocks)
    {
        meta.authors = authors;
        for i in taken.into_iter().rev() {
            rec.dropped.push(blocks.remove(i).text.clone());
        }
    }
    // An "About the author" box set above the piece is read where bios stand, after it.
    let above = head::bios_above(&blocks);
    if above > 0 && above < blocks.len() {
        blocks.rotate_left(above);
    }
    // A paywall's badge over the headline ("★ Member-only story") files the piece nowhere.
    rec.section = meta
        .section
        .clone()
        .filter(|s| !furniture::is_page_control(s));
    // "Submission to The Meridian – Society section" among the lines left out above the copy:
    // the section after the paper's name.
    if rec.section.is_none() {
        rec.section = all[..head_len]
            .iter()
            .find_map(|b| notes_above::section_in_label(&b.text));
    }
    // "Reportage" alone on the last of those lines, over the headline: the section's name as a
    // kicker, left out with the note above it.
    if rec.section.is_none()
        && let Some(kicker) = all[..head_len].last().map(|b| b.text.trim().to_lowercase())
        && head::KICKERS.split_whitespace().any(|k| k == kicker)
    {
        let mut chars = kicker.chars();
        rec.section = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect());
    }
    // "## Notes (don't send)" among the last lines: the writer's own notes from there on.
    let last = blocks.len().saturating_sub(PRIVATE_NOTES_WITHIN);
    if let Some(i) = (last..blocks.len()).find(|&i| {
        PRIVATE_NOTES.is_match(blocks[i].text.trim())
            || NOT_FOR_PUBLICATION.is_match(blocks[i].text.trim())
    }) {
        rec.dropped
            .extend(blocks.drain(i..).map(|b| b.text.clone()));
    }
    // "Office use only: received 10/03/26 – passed to …", "[Office use: cleared by …]" among the
    // last lines, in a form or not: the receiving office's note, and what follows it, not copy.
    let last = blocks.len().saturating_sub(PRIVATE_NOTES_WITHIN);
    if let Some(i) = (last..blocks.len()).find(|&i| OFFICE_USE.is_match(blocks[i].text.trim())) {
        rec.dropped
            .extend(blocks.drain(i..).map(|b| b.text.clone()));
    }
    // "## Links" over a list of links to the writer's other notes ("- [[Pitch list Q4]]"): a notes
    // app's links, not the reader's.
    let last = blocks.len().saturating_sub(PRIVATE_NOTES_WITHIN);
    // The list may gloss a link ("[[Clara Ferrant]] – editor contact") or hold a short note of the
    // writer's own ("word count: ~740") among the links. "Related notes: [[…]], [[…]]" over the
    // note's tags ("#meridian #submitted") is the same list run onto its label's line.
    if let Some(i) = (last..blocks.len()).find(|&i| {
        let wiki = |b: &&Block| b.text.trim().starts_with("[[");
        let short = |b: &&Block| b.text.split_whitespace().count() <= 8;
        let listed = NOTE_LINKS.is_match(blocks[i].text.trim())
            && blocks.len() > i + 1
            && blocks[i + 1..].iter().any(wiki)
            && blocks[i + 1..].iter().all(|b| wiki(b) || short(b));
        listed
            || (links_run_on(&blocks[i].text)
                && blocks[i + 1..]
                    .iter()
                    .all(|b| links_run_on(&b.text) || !b.text.chars().any(char::is_alphanumeric)))
    }) {
        rec.dropped
            .extend(blocks.drain(i..).map(|b| b.text.clone()));
    }
    // "#to-edit #opinion-queue" as the last line: a notes app's tags for the writer's own filing,
    // each word a hashtag, not the reader's copy.
    // "For more information or to volunteer contact: ADDRESS" as the last line: where readers
    // may reach the sender, not the piece's copy.
    if blocks.len() > 1
        && blocks.last().is_some_and(|b| {
            b.text.split_whitespace().count() <= 30
                && CONTACT_LINE.is_match(b.text.trim())
                && (!crate::import::contact::find_emails(&b.text).is_empty()
                    || b.text.contains("www.")
                    || b.text.contains("://"))
        })
    {
        rec.dropped.extend(blocks.pop().map(|b| b.text.clone()));
    }
    while blocks.last().is_some_and(|b| only_hashtags(&b.text)) {
        rec.dropped.extend(blocks.pop().map(|b| b.text.clone()));
    }
    // The writer's footnotes typed after the text: the notes of a paper, not the piece's copy.
    let notes = footnotes::take_footnotes(&mut blocks, doc.format == Format::Html);
    if !notes.is_empty() {
        rec.warnings
            .push(format!("left out {} footnote(s) at the end", notes.len()));
        rec.dropped.extend(notes);
    }
    // "Suggested section: Climate" among the last lines: the writer's field for the desk.
    let last = blocks.len().saturating_sub(SECTION_FIELD_WITHIN);
    if let Some(i) = (last..blocks.len())
        .rev()
        .find(|&i| section_field(&blocks[i].text).is_some())
    {
        if rec.section.is_none() {
            rec.section = section_field(&blocks[i].text);
        }
        rec.dropped.push(blocks.remove(i).text.clone());
    }
    // "Note to editor: figures are from …", signed, among the last lines: to the desk, not the
    // reader.
    let last = blocks.len().saturating_sub(SECTION_FIELD_WITHIN);
    if let Some(i) = (last..blocks.len()).find(|&i| CLOSING_NOTE.is_match(blocks[i].text.trim())) {
        let note = blocks.remove(i);
        // "Keywords: a, b, c" on a line of its own under the note still tags the piece.
        if meta.tags.is_empty()
            && let Some(line) = note
                .markdown
                .lines()
                .map(|l| l.trim().trim_matches(['*', '_']))
                .find(|l| furniture::is_tags_line(l))
        {
            meta.tags = body::tags_of_line(line);
        }
        rec.dropped.push(note.text.clone());
    }
    rec.tags = meta.tags.clone();
    let mut rest = take_headline(&meta, &blocks, &mut rec)?;
    // "Sir," under the letter's own headline: the letter greets the editor there, as it would
    // above it, and the greeting is no line of the copy.
    if rest.len() > 1 && rest.first().is_some_and(|b| cover::to_the_editor(&b.text)) {
        rec.dropped.push(rest.remove(0).text.clone());
    }
    // Addresses in what was left out so far: the cover, the notes above the headline, the
    // signature.
    let cover_emails: Vec<String> = rec
        .dropped
        .iter()
        .filter_map(|d| patterns::find_email(d))
        .collect();
    rec.authors = meta_authors(&meta.authors);
    // A page's author metadata names whoever posted it; the writer the copy names comes first.
    let mut page_credit = doc.format == Format::Html && !rec.authors.is_empty();
    take_head(
        &meta,
        &mut rest,
        &mut rec,
        &mut page_credit,
        doc.format == Format::Text && !headline_from_subject && !letter,
    );
    // "Aldbury Sinfonia / Ilse Varga / St Aidan's Hall, Saturday 28 November / Rating: 4/5" over
    // a rule, straight under the head: a review's details box, set apart from the copy by the
    // writer's rule; no sentence of it is copy.
    if rest.len() > 3 && is_details_box(&rest[0].text) {
        let with_rule = usize::from(rest.get(1).is_some_and(|b| cover::is_rule(b)));
        rec.dropped
            .extend(rest.drain(..1 + with_rule).map(|b| b.text.clone()));
    }
    // "The Givers: Power, Money and the Making of Modern Aid" / "by Cecilia Vandermeer" /
    // "Halloran Press, 368pp, £25" under the byline: the book a review is of, not its standfirst
    // or copy.
    let details = if is_review(&rec, &blocks) {
        book_details(&rest)
    } else {
        0
    };
    if details > 0 {
        // The book's title taken for the standfirst: its author's "by …" stood under it, naming
        // someone other than the review's writer.
        let writers: Vec<String> = rec.authors.iter().map(|a| fold(&a.name)).collect();
        let by_under = |b: &&Block| {
            let text = b.text.trim();
            text.to_lowercase().starts_with("by ")
                && !writers.iter().any(|w| fold(text).contains(w.as_str()))
        };
        let titled = blocks
            .iter()
            .position(|b| !rec.standfirst.is_empty() && b.text.trim() == rec.standfirst.trim())
            .and_then(|at| blocks.get(at + 1))
            .is_some_and(by_under);
        if titled && is_book_title(&rec.standfirst) {
            rec.dropped.push(std::mem::take(&mut rec.standfirst));
        }
        rec.dropped
            .extend(rest.drain(..details).map(|b| b.text.clone()));
    }
    let body = sort_body(&rest, &mut rec);
    sign(&mut rec, &signature, &cover_emails);
    // A section the cover note or a label left out around the piece names files it, when
    // nothing nearer the copy did.
    if rec.section.is_none() {
        rec.section = rec
            .dropped
            .iter()
            .find_map(|d| notes_above::section_named(d));
    }
    if rec.tags.is_empty()
        && let Some(tags) = rec.dropped.iter().find_map(|d| notes_above::tags_named(d))
    {
        rec.tags = tags;
    }
    body::bios_left_out(&mut rec);
    // An address anywhere in what was left out (notes to editors, a contact box), or behind a
    // link ("Email" in an author card), that spells an author's name is that author's; a press
    // office's is nobody's.
    let linked = all
        .iter()
        .filter(|b| b.markdown.contains("mailto:"))
        .flat_map(|b| crate::import::contact::find_emails(&b.markdown));
    // So does one a reader left out and told of (a note to the editor, a theme's own key).
    let left_out: Vec<String> = rec
        .dropped
        .iter()
        .chain(&doc.warnings)
        .flat_map(|d| crate::import::contact::find_emails(d))
        .chain(linked)
        .collect();
    // "Corresponding author: Mette Sørensen, ms@…": an address right after a writer's name is
    // theirs, whatever it spells.
    let named: Vec<(usize, String)> = rec
        .dropped
        .iter()
        .flat_map(|d| {
            rec.authors
                .iter()
                .enumerate()
                .filter_map(|(i, a)| Some((i, email_after_name(d, &a.name)?)))
        })
        .collect();
    for (i, email) in named {
        if rec.authors[i].email.is_none() {
            rec.authors[i].email = Some(email);
        }
    }
    for email in left_out {
        if rec
            .authors
            .iter()
            .any(|a| a.email.as_deref() == Some(email.as_str()))
        {
            continue;
        }
        if let Some(a) = rec
            .authors
            .iter_mut()
            .find(|a| a.email.is_none() && cover::email_spells(&a.name, &email))
        {
            a.email = Some(email);
        }
    }
    // "Author: Cllr NAME, Leader of Wrenfield Borough Council" among the lines left out above
    // the piece: the writer's post and organisation, for the writer the byline names.
    for dropped in &rec.dropped {
        let Some(fields) = patterns::labelled(dropped) else {
            continue;
        };
        for (label, value) in fields {
            if !matches!(label.as_str(), "author" | "authors" | "byline") {
                continue;
            }
            let Some((named, _)) = patterns::byline(&format!("By {value}")) else {
                continue;
            };
            for n in named {
                if let (Some(org), Some(a)) = (
                    n.affiliation,
                    rec.authors
                        .iter_mut()
                        .find(|a| a.affiliation.is_none() && fold(&a.name) == fold(&n.name)),
                ) {
                    a.affiliation = patterns::without_job_titles(&org);
                }
            }
        }
    }
    // The institution a bio names beats none, or one that names only a programme or a brand,
    // or only a part of an institution (a signature's "School of Economics …" line).
    for a in &mut rec.authors {
        a.affiliation = a
            .affiliation
            .as_deref()
            .map(patterns::without_trailing_place);
        if a.affiliation
            .as_deref()
            .is_none_or(|aff| !patterns::names_institution(aff) || patterns::is_unit(aff))
            && let Some(org) = a
                .bio
                .as_deref()
                .and_then(patterns::affiliation_in_bio)
                .filter(|org| !patterns::is_unit(org))
        {
            a.affiliation = Some(org);
        }
        // The same institution as the bio writes it (the copy's "Workers’ Union", not the
        // signature's "Workers' Union").
        if let (Some(aff), Some(org)) = (
            a.affiliation.as_deref(),
            a.bio.as_deref().and_then(patterns::affiliation_in_bio),
        ) && aff != org
            && fold(&aff.replace('\'', "’")) == fold(&org.replace('\'', "’"))
        {
            a.affiliation = Some(org);
        }
    }
    // "is a senior researcher at HavenLab, an independent …" with "Senior Researcher | HavenLab
    // vzw" in the signature left out: a name no institution word marks, the writer's own
    // organisation twice over.
    for a in &mut rec.authors {
        if a.affiliation.is_none()
            && let Some(org) = a
                .bio
                .as_deref()
                .and_then(|bio| ORG_AT.captures(bio))
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_string())
            && rec.dropped.iter().any(|d| {
                d.lines().any(|line| {
                    line.split('|')
                        .skip(1)
                        .any(|part| part.trim().starts_with(org.as_str()))
                })
            })
        {
            a.affiliation = Some(org);
        }
    }
    shared_institution(&mut rec.authors);
    // "at IEPA", "the Courier’s correspondent" on the page of the Institute for European Policy
    // Analysis or The Midlands Courier: the publisher, by its short name.
    if let Some(publisher) = doc.meta.publisher.as_deref() {
        for a in &mut rec.authors {
            // The bio's "at IEPA" names no institution word, so no affiliation was read from it.
            let named_at = || {
                a.bio.as_deref().is_some_and(|bio| {
                    bio.split(" at ").skip(1).any(|after| {
                        let word = after
                            .trim_start_matches("the ")
                            .split(|c: char| !c.is_alphanumeric())
                            .next()
                            .unwrap_or("");
                        !word.is_empty() && patterns::short_for(word, publisher)
                    })
                })
            };
            let short = match a.affiliation.as_deref() {
                Some(aff) => aff != publisher && patterns::short_for(aff, publisher),
                None => named_at(),
            };
            if short {
                a.affiliation = Some(publisher.to_string());
            }
        }
    }
    let finished = finish(&body, doc.format, &mut rec.warnings);
    let (kept, taken_out) = super::keep_to_allowlist(&finished);
    rec.body = kept;
    rec.warnings.extend(taken_out);
    if rec.body.trim().is_empty() {
        return Err(BadFile::new(
            "has a headline but no body text after it, so there is nothing to import",
        ));
    }
    if rec.authors.is_empty() {
        rec.warnings
            .push("no byline found: name the contributor before importing".into());
    }
    for a in rec.authors.iter().filter(|a| a.bio.is_none()) {
        rec.warnings.push(format!("no bio found for {}", a.name));
    }
    rec.section = rec.section.as_deref().map(section_case);
    Ok(rec)
}

/// "OPINION", "WORLD NEWS": a section set in capitals is a label's type, not its name ("Opinion",
/// "World news"); a short name in capitals ("EU", "AI") is kept.
fn section_case(section: &str) -> String {
    let letters = section.chars().filter(|c| c.is_alphabetic()).count();
    if letters <= 4 || section.chars().any(char::is_lowercase) {
        return section.to_string();
    }
    let lower = section.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "Anneliese Vogt is an energy economist at the same institute", "… an analyst at the
/// foundation": a bio that names its institution only by kind shares a co-writer's.
fn shared_institution(authors: &mut [FoundAuthor]) {
    let known: Vec<Option<String>> = authors.iter().map(|a| a.affiliation.clone()).collect();
    for (i, a) in authors.iter_mut().enumerate() {
        let Some(bio) = a.bio.as_deref() else {
            continue;
        };
        if a.affiliation.is_some() {
            continue;
        }
        let by_kind = BY_KIND
            .captures(bio)
            .is_some_and(|c| patterns::is_institution_word(&c[1]))
            || SAME_PLACE.is_match(bio);
        // "is the lab's director of research", "is the charity's volunteer coordinator", "is a
        // researcher there", "coordinates the Trust's citizen science programme": a co-writer's
        // post at the organisation the other writer's bio has named.
        let others = (0..known.len())
            .filter(|&j| j != i)
            .filter_map(|j| known[j].as_deref());
        let referred = |org: &str| {
            THERE.is_match(bio)
                || POSSESSIVE_KIND.captures_iter(bio).any(|c| {
                    let word = &c[1];
                    let last = org.split_whitespace().last().unwrap_or("");
                    // "the lab's" for the Baltic Policy Lab; "the charity's" for a name that says
                    // no kind ("Kelsworth Patients' Voice"), but "the council's" not for it.
                    word.eq_ignore_ascii_case(last)
                        || (word.chars().all(char::is_lowercase)
                            && patterns::is_organisation_kind(word)
                            && !patterns::is_institution_word(word)
                            && !patterns::names_institution(org))
                })
        };
        a.affiliation = if by_kind {
            others.into_iter().next().map(str::to_string)
        } else {
            others
                .into_iter()
                .find(|org| referred(org))
                .map(str::to_string)
        };
    }
}

/// How many blocks at the top give the book a review is of: a few short lines, no sentence among
/// them, down to the one with its pages or price ("Halloran Press, 368pp, £25").
fn book_details(rest: &[&Block]) -> usize {
    let run = rest
        .iter()
        .take(BOOK_DETAILS_LINES)
        .take_while(|b| is_book_title(&b.text) || is_pages_line(&b.text))
        .position(|b| BOOK_PRICE.is_match(&b.text))
        .map_or(0, |at| at + 1);
    // A price alone could be copy ("A single adult fare rises to £3"): a book's details give its
    // pages or ISBN, or its publisher beside the price.
    let a_book = rest[..run]
        .iter()
        .any(|b| BOOK_PAGES.is_match(&b.text) || PUBLISHER.is_match(&b.text));
    if a_book { run } else { 0 }
}

/// "Halloran Press", "Fourth Estate Books", "Greywater Publishing": a publisher's name.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"\p{Lu}[\p{L}&'’ ]{0,40}\b(?:Press|Books|Publishing|Publishers|Editions)\b")
});

/// A review, by what the file says of itself: "review" in its headline, a "Reviewed by" line near
/// the top, or a section or tag of reviews or books.
fn is_review(rec: &Recognised, blocks: &[&Block]) -> bool {
    files_as_review(rec)
        || blocks.iter().take(REVIEW_LINE_WITHIN).any(|b| {
            let t = b.text.trim().trim_matches(['*', '_']).to_lowercase();
            t.starts_with("reviewed by ") || t.starts_with("review by ")
        })
}

/// "review" in the headline, or a section or tag of reviews or books.
pub(super) fn files_as_review(rec: &Recognised) -> bool {
    let reviews = |t: &str| {
        matches!(
            t.trim().to_lowercase().as_str(),
            "books" | "review" | "reviews" | "book reviews"
        )
    };
    REVIEW_WORD.is_match(&rec.headline)
        || rec.section.as_deref().is_some_and(reviews)
        || rec.tags.iter().any(|t| reviews(t))
}

static REVIEW_WORD: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"(?i)\breview(?:ed|s)?\b"));

/// A review's "Reviewed by" line stands among this many blocks at the top.
const REVIEW_LINE_WITHIN: usize = 8;

/// A line a book's details are made of: short, no sentence.
fn is_book_title(text: &str) -> bool {
    let text = text.trim();
    (1..=16).contains(&text.split_whitespace().count())
        && !text.ends_with(['.', '!', '?'])
        && !text.contains(". ")
}

/// "Piecework: A History of Insecure Labour by Eleanor Marsh-Whitley. Harbour Press, 344pp,
/// 24.99": a book's details run into one line, its page count or ISBN saying what it is, set as
/// a label (no full stop at its end). Written as a sentence ("… Fernleigh Press, 312pp,
/// £24.99."), the writer made it the copy's first line.
fn is_pages_line(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 30 && !text.ends_with('.') && BOOK_PAGES.is_match(text)
}

static BOOK_PAGES: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"(?i)\b\d{2,4}\s*pp\b|\bISBN\b"));

/// "368pp", "368 pages", "£25", "$28.99", "ISBN 978…": a book's pages or price.
static BOOK_PRICE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"(?i)\b\d{2,4}\s*pp\b|\b\d{2,4}\s+pages\b|[£$€]\s?\d{1,3}(?:[.,]\d{2})?\b|\bISBN\b",
    )
});

/// A review's book details run to this many lines at most.
const BOOK_DETAILS_LINES: usize = 4;

/// A box of a review's details: short, no sentence in it, a rating or a date and place.
fn is_details_box(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= DETAILS_BOX_WORDS
        && !text.contains(". ")
        && !text.ends_with(['.', '!', '?'])
        && RATING.is_match(text)
}

/// "Rating: 4/5", "★★★★☆", "4 stars": a reviewer's verdict in a details box.
static RATING: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(r"(?i)\brating\s*:|[★☆]{3,}|\b[1-5]\s*/\s*5\b|\b[1-5]\s+stars?\b")
});

/// A review's details box runs to this many words at most.
const DETAILS_BOX_WORDS: usize = 30;

/// The labels of the writer's own field for the headline, and for the standfirst.
const HEADLINE_FIELDS: &[&str] = &["headline", "hed", "title"];
const STANDFIRST_FIELDS: &[&str] = &["standfirst", "dek", "deck", "summary", "subtitle"];

/// "HEADLINE: The seaweed farmers …": a block that is one field alone, with one of these labels;
/// its value.
fn labelled_head_field(text: &str, labels: &[&str]) -> Option<String> {
    match patterns::labelled(text)?.as_slice() {
        [(label, value)] if labels.contains(&label.as_str()) && !value.is_empty() => {
            Some(value.clone())
        }
        _ => None,
    }
}

/// A section field is looked for among this many blocks at the end.
const SECTION_FIELD_WITHIN: usize = 4;

/// The writer's own notes are looked for among this many blocks at the end.
const PRIVATE_NOTES_WITHIN: usize = 10;

static NOTE_LINKS: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^(?i:links|backlinks|related notes|see also)\s*:?$"));

/// "For more information or to volunteer contact:", "For further details, e-mail": a line telling
/// readers where to reach the sender.
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:for\s+(?:more|further)\s+(?:information|info|details)|for\s+(?:enquiries|inquiries|information|details))\b[^.]{0,80}?\b(?i:contact|e-?mail|visit|write\s+to|call)\b",
    )
});

static WIKI_LINK: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"\[\[[^\[\]]{1,80}\]\]"));
static NOTE_TAG: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"(?:^|\s)#[\p{L}\d_-]+"));

/// "#to-edit #opinion-queue": a line of hashtags alone, every word a tag with a letter in it.
fn only_hashtags(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.strip_prefix('#').is_some_and(|tag| {
                tag.chars().any(char::is_alphabetic)
                    && tag
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/'))
            })
        })
}

/// "Related notes: [[Sources]], [[Interview 12-11]]" (then "#meridian #submitted"): a notes app's
/// links on their label's line, nothing else but the note's tags.
fn links_run_on(text: &str) -> bool {
    let rest = WIKI_LINK.replace_all(text, "");
    let rest = NOTE_TAG.replace_all(&rest, "");
    let rest = rest.replace(',', " ");
    let label = rest.trim();
    WIKI_LINK.is_match(text) && (label.is_empty() || NOTE_LINKS.is_match(label))
}

/// "at HavenLab,", "at Railwatch Europe, a Brussels-based …": a capitalised name after "at".
static ORG_AT: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\bat\s+(\p{Lu}[\p{L}&\-]*(?:\s+\p{Lu}[\p{L}&\-]*){0,3})(?:[,.;]|\s+(?:in|on|and|where|who)\b)",
    )
});

/// How far from the end a form's own part after the text is looked for.
const FORM_PARTS_WITHIN: usize = 16;

/// "DECLARATIONS", "4. Declaration", "D. Declaration", "FOR OFFICE USE ONLY – Received by: …": a
/// submission form's part after the article text, numbered or lettered.
static FORM_PART: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?:(?:\d{1,2}|[A-H])\\?[.)]\s*)?(?:(?i:declarations?)|DECLARATIONS?\s+(?:AND|&)\s+[A-Z ]{3,30}|(?i:for\s+office\s+use(?:\s+only)?)(?:\s*[–—:\-].*)?)$",
    )
});

/// "Office use only: …", "FOR OFFICE USE", "[Office use: cleared by …]": a line the receiving
/// office fills in, alone or opening with its label.
static OFFICE_USE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^\\?[\[(]?\s*(?i:(?:for\s+)?office\s+use(?:\s+only)?)\s*(?:[:–—-]\s*\S.{0,300}|[\])]?)$",
    )
});

/// "Notes (don't send)", "Notes – not for publication", "Notes to self", "Private notes",
/// "Internal checklist (do not publish)": the heading over the writer's own notes.
static PRIVATE_NOTES: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:my\s+|working\s+)?notes?\s*[(\[–—:-]\s*(?:don['’]?t|do not|not)\s+(?:send|publish|print|for publication)[^)\]]{0,20}[)\]]?|notes?\s+to\s+self|scratch(?:\s*pad)?|(?:private|internal)\s+notes?|(?:internal|private|my|working)\s+(?:checklist|to-?do(?:\s+list)?)\s*[(\[]\s*(?:don['’]?t|do not|not)\s+(?:send|publish|print|for publication)\s*[)\]])\s*:?$",
    )
});

/// "About Halcyon Energy (not for publication)", "Background – do not publish": a heading the
/// writer marked as not for print, over what is for the desk alone.
static NOT_FOR_PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^[^.!?
]{2,80}?\s*[(\[–—-]\s*(?i:not\s+for\s+(?:publication|print|publishing)|do\s+not\s+(?:publish|print)|not\s+to\s+be\s+published)\s*[)\]]?\s*:?$",
    )
});

/// "Note to editor:", "Note for the desk –", "Editor notes:", "Suggested image: …": a note to the desk closing the
/// copy (what to illustrate it with is the desk's choice, not the reader's text).
static CLOSING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^[*_]*(?i:(?:a\s+)?notes?\s+(?:to|for)\s+(?:the\s+)?(?:editors?|desk|subs|sub-editors?)|(?:editor|desk)(?:['’]?s)?\s+notes?(?:\s*\([^)]{1,30}\))?|(?:suggested|proposed|possible)\s+(?:images?|pictures?|photos?|illustrations?)|(?:image|picture|photo)\s+(?:ideas?|suggestions?)|internal(?:\s+(?:notes?|only|comments?))?)\s*[:—–-]",
    )
});

/// "Suggested section: Climate", "Proposed section – Society", "Section: Economy".
static SECTION_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:suggested|proposed|preferred|intended|target)\s+)?(?i:section)(?:\s*[:–—-]\s*|\s+)(\p{Lu}[\p{L}&' -]{1,30}?)\s*(?:\.|,?\s+(?i:I\s+(?:think|suppose|guess|believe|assume)|maybe|perhaps|probably|presumably)\s*\??)?$",
    )
});

fn section_field(text: &str) -> Option<String> {
    SECTION_FIELD
        .captures(text.trim())
        .map(|c| c[1].trim().to_string())
}

/// "the lab's", "the charity's", "the Trust's": an organisation named by its kind alone, as a
/// co-writer's bio names the other writer's.
static POSSESSIVE_KIND: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"\b(?:the|The)\s+(\p{L}+)['’]s\s+\p{Ll}"));

/// "is a researcher there", "has worked there since 2019": a post where the other writer is.
static THERE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\b(?:works|worked|has\s+worked|serves|volunteers|teaches|(?:is|are)\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,4}?(?:researcher|fellow|lecturer|officer|director|manager|coordinator|co-ordinator|analyst|member|trustee|volunteer|head|chair|editor|adviser|advisor|economist|scientist))\s+there\b",
    )
});

/// "at the same institute", "at the foundation": an institution named by its kind alone.
static BY_KIND: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"\bat the (?:same )?(\p{Ll}+)\s*[.,;]"));

/// "is a salaried GP at the same practice and a trustee of …": a post at the workplace the other
/// writer's bio gave ("were pupils at the same school" is no post).
static SAME_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\b(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,4}?|(?:works|worked|teaches|taught|practises|practices|volunteers)\s+)at the same (?:practice|surgery|clinic|hospital|school|firm|paper|newspaper|company|charity|university|institute|centre|center|trust|lab|laboratory|department|faculty|organi[sz]ation)\b",
    )
});

/// The e-mail's signature and cover give the byline when the copy has none, and its author's
/// address and employer; an address above the piece only when it spells the author's name (a
/// press officer's is not the author's).
fn sign(rec: &mut Recognised, sig: &cover::Signature, cover_emails: &[String]) {
    // A letter signed by several under its sign-off, no byline above it: each signer writes it,
    // in the organisation their role names.
    if rec.authors.is_empty() && sig.signers.len() >= 2 {
        rec.authors
            .extend(sig.signers.iter().map(|(name, org)| FoundAuthor {
                affiliation: org.clone(),
                ..FoundAuthor::named(name.clone())
            }));
    }
    if rec.authors.is_empty()
        && let Some(name) = &sig.name
    {
        rec.authors.push(FoundAuthor::named(name.clone()));
    }
    let signer = match (&sig.name, &sig.first_name) {
        (Some(name), _) => rec.authors.iter().position(|a| fold(&a.name) == fold(name)),
        (None, Some(first)) => {
            let first = fold(first);
            let matching: Vec<usize> = (0..rec.authors.len())
                .filter(|&i| fold(&rec.authors[i].name).split_whitespace().next() == Some(&first))
                .collect();
            (matching.len() == 1).then(|| matching[0])
        }
        (None, None) => (rec.authors.len() == 1).then_some(0),
    };
    if let Some(a) = signer.map(|i| &mut rec.authors[i]) {
        if a.email.is_none() {
            a.email = sig.email.clone();
        }
        if a.affiliation.is_none() {
            a.affiliation = sig.affiliation.clone();
        }
    } else if let Some(email) = &sig.email
        && rec
            .authors
            .iter()
            .any(|a| cover::email_spells(&a.name, email))
    {
        attach_email(rec, email.clone());
    }
    for email in cover_emails {
        if let Some(a) = rec
            .authors
            .iter_mut()
            .find(|a| a.email.is_none() && cover::email_spells(&a.name, email))
        {
            a.email = Some(email.clone());
        }
    }
}

/// Authors a file's metadata names, tidied: "View all posts by Marko Babić" is Marko Babić, and
/// "Lena Hoffmann, Pieter Janssens" in one field is two people.
fn meta_authors(given: &[MetaAuthor]) -> Vec<FoundAuthor> {
    let mut out = Vec::new();
    for a in given {
        let name = one_line(&a.name);
        let name = name
            .split_once(" posts by ")
            .or_else(|| name.split_once(" articles by "))
            .map_or(name.as_str(), |(_, n)| n);
        // "View all of Julien Mertens's posts": the same link, worded the other way.
        let name = ALL_POSTS_OF
            .captures(name)
            .and_then(|c| c.get(1))
            .map_or(name, |m| m.as_str());
        // "View my complete profile": the link to a profile, marked as the author's.
        if furniture::is_page_control(name) {
            continue;
        }
        // In a metadata field, commas separate people as "and" does.
        let people = patterns::split_names(name);
        let several = people.len() > 1
            && name
                .split([',', '&'])
                .flat_map(|p| p.split(" and "))
                .all(patterns::is_person);
        match several {
            true => out.extend(people.into_iter().map(FoundAuthor::named)),
            false => out.push(FoundAuthor {
                // "João Carvalho 20 Jan 2025 • 4 min read" is João Carvalho.
                name: patterns::byline(&format!("By {name}"))
                    .and_then(|(named, _)| named.into_iter().next())
                    .map_or_else(|| patterns::tidy_name(name), |n| n.name),
                email: a.email.clone(),
                affiliation: a.affiliation.clone(),
                bio: a.bio.as_deref().map(one_line),
            }),
        }
    }
    // The same writer named twice (a byline link and an author box's link) is one writer.
    let mut seen = Vec::new();
    out.retain(|a: &FoundAuthor| {
        let name = fold(&a.name);
        let first = !seen.contains(&name);
        seen.push(name);
        first
    });
    out
}

/// "NAME, name@host", "NAME (name@host)", "NAME <name@host>": the address standing right after
/// a name.
fn email_after_name(text: &str, name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return None;
    }
    let at = text.find(name)? + name.len();
    let rest = text[at..].trim_start_matches([',', ':', ';', '(', '<', ' ', '-', '–']);
    let email = crate::import::contact::find_emails(rest)
        .into_iter()
        .next()?;
    rest.starts_with(&email).then_some(email)
}

/// "View all of NAME's posts", "See all of NAME’s articles".
static ALL_POSTS_OF: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:view|see|read)\s+(?:all\s+)?(?:of\s+)?)(.{2,60}?)['’]s?\s+(?i:posts|articles|stories)\.?$",
    )
});

/// The writer's fields for the desk are looked for among this many blocks at the top.
const HEAD_FIELDS_WITHIN: usize = 8;

/// "Section: Technology  Tags: a; b; c": a paragraph of labelled lines that file the piece
/// (section, tags, a word count) and say nothing else, with a section or tags among them.
fn desk_fields(text: &str) -> Option<Vec<(String, String)>> {
    let fields = patterns::labelled(text)?;
    let files = |l: &str| {
        matches!(
            l,
            "section" | "category" | "tags" | "keywords" | "words" | "word count" | "length"
        )
    };
    (fields.iter().all(|(l, v)| files(l) && !v.is_empty())
        && fields
            .iter()
            .any(|(l, _)| matches!(l.as_str(), "section" | "category" | "tags" | "keywords")))
    .then_some(fields)
}

#[cfg(test)]
mod bios_forms_tests;
#[cfg(test)]
mod fresh_rounds_tests;
#[cfg(test)]
mod late_rounds_tests;
#[cfg(test)]
mod lost_start_tests;
#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod rounds_18_19_tests;
#[cfg(test)]
mod rounds_20_21_tests;
#[cfg(test)]
mod rounds_22_23_tests;
#[cfg(test)]
mod rounds_24_25_tests;
#[cfg(test)]
mod rounds_26_27_tests;
#[cfg(test)]
mod rounds_28_29_tests;
#[cfg(test)]
mod rounds_30_31_tests;
#[cfg(test)]
mod rounds_32_33_tests;
#[cfg(test)]
mod rounds_34_35_tests;
#[cfg(test)]
mod rounds_36_37_tests;
#[cfg(test)]
mod rounds_38_41_letters_tests;
#[cfg(test)]
mod rounds_38_41_tests;
#[cfg(test)]
mod rounds_42_49_letters_tests;
#[cfg(test)]
mod rounds_42_49_tests;
#[cfg(test)]
mod rounds_50_51_tests;
#[cfg(test)]
mod rounds_52_53_tests;
#[cfg(test)]
mod rounds_54_55_cover_tests;
#[cfg(test)]
mod rounds_54_55_tests;
#[cfg(test)]
mod rounds_56_57_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wrapping_labels_tests;
#[cfg(test)]
mod wrapping_more_tests;
#[cfg(test)]
mod wrapping_tests;
