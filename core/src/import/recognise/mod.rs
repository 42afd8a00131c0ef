//! Recognition: the headline, standfirst, byline, bios and site furniture of a submission, found
//! the way a desk editor finds them in copy that arrives without any markup.

mod cover;
mod furniture;
mod patterns;

use serde::Serialize;

use super::{BadFile, Block, BlockKind, Document, Format, Meta, MetaAuthor};
use crate::text::{fold, one_line};

/// A headline is one short line; a first paragraph longer than this is copy, not a headline.
const MAX_HEADLINE_WORDS: usize = 30;
const MAX_HEADLINE_CHARS: usize = 200;
/// A Title-styled headline is looked for among this many blocks at the top.
const TITLE_WITHIN: usize = 12;
/// A standfirst is a paragraph, not a page.
const MAX_STANDFIRST_WORDS: usize = 90;
/// Section labels a page or a form puts above the headline.
const KICKERS: &str = "opinion analysis comment commentary essay review interview news feature \
column editorial op-ed oped blog letter letters explainer long read perspective viewpoint";

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

pub fn recognise(doc: &Document) -> Result<Recognised, BadFile> {
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
    let tail_at = head_len + cover::tail(&all[head_len..]);
    let signature = cover::signature(&all[tail_at..]);
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
        .filter(|b| b.text.chars().any(char::is_alphanumeric))
        .collect();
    if blocks.is_empty() && meta.title.is_none() {
        meta.title = subject_title;
    }
    if let Some(fields) = blocks
        .first()
        .and_then(|b| patterns::labelled_fields(&b.text))
    {
        fill_from_form(&mut meta, &fields);
        blocks.remove(0);
    }
    rec.section = meta.section.clone();
    rec.tags = meta.tags.clone();
    let mut rest = take_headline(&meta, &blocks, &mut rec)?;
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
    take_head(&meta, &mut rest, &mut rec, &mut page_credit);
    let body = sort_body(&rest, &mut rec);
    sign(&mut rec, &signature, &cover_emails);
    for a in &mut rec.authors {
        if a.affiliation.is_none() {
            a.affiliation = a.bio.as_deref().and_then(patterns::affiliation_in_bio);
        }
    }
    let (kept, taken_out) = super::keep_to_allowlist(&join_markdown(&body));
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
    Ok(rec)
}

/// The e-mail's signature and cover give the byline when the copy has none, and its author's
/// address and employer; an address above the piece only when it spells the author's name (a
/// press officer's is not the author's).
fn sign(rec: &mut Recognised, sig: &cover::Signature, cover_emails: &[String]) {
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

/// "HEADLINE: … STANDFIRST: … BYLINE: …" as a submission form sends it.
fn fill_from_form(meta: &mut Meta, fields: &[(String, String)]) {
    for (label, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        match label.as_str() {
            "headline" | "title" => meta.title = Some(value.clone()),
            "standfirst" | "subtitle" | "subheading" | "dek" | "summary" => {
                meta.standfirst = Some(value.clone());
            }
            "byline" | "author" | "authors" => {
                let line = format!("By {value}");
                if let Some((named, email)) = patterns::byline(&line) {
                    meta.authors = named
                        .into_iter()
                        .map(|n| MetaAuthor {
                            name: n.name,
                            affiliation: n.affiliation,
                            ..MetaAuthor::default()
                        })
                        .collect();
                    if let [only] = meta.authors.as_mut_slice() {
                        only.email = email;
                    }
                }
            }
            "section" | "category" => meta.section = Some(value.clone()),
            "tags" | "keywords" => {
                meta.tags = value
                    .split([',', ';'])
                    .map(one_line)
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            "email" | "e-mail" => {
                if let [only] = meta.authors.as_mut_slice() {
                    only.email = patterns::find_email(value);
                }
            }
            "bio" | "biography" => {
                if let [only] = meta.authors.as_mut_slice() {
                    only.bio = Some(value.clone());
                }
            }
            _ => {}
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
    out
}

/// Picks the headline and returns the blocks after it. A Title block near the top wins (what
/// stands before it is a kicker or a date); then the file's own title; then the first line,
/// unless that is only a section label ("OPINION") above it.
fn take_headline<'a>(
    meta: &Meta,
    blocks: &[&'a Block],
    rec: &mut Recognised,
) -> Result<Vec<&'a Block>, BadFile> {
    if blocks.is_empty() && meta.title.is_none() {
        return Err(BadFile::new("has no text"));
    }
    // Word's Title style wins over whatever notes stand above it (an embargo line, a word count,
    // a contact block), as long as they are notes, not copy.
    let title_at = blocks
        .iter()
        .take(TITLE_WITHIN)
        .take_while(|b| b.kind == BlockKind::Title || b.text.split_whitespace().count() <= 60)
        .position(|b| b.kind == BlockKind::Title);
    let (headline, after) = match (title_at, &meta.title) {
        (Some(i), _) => {
            if let Some(label) = blocks[..i].iter().rev().find(|b| is_kicker(&b.text)) {
                file_under(rec, &label.text);
            }
            rec.dropped
                .extend(blocks[..i].iter().map(|b| b.text.clone()));
            (blocks[i].text.clone(), i + 1)
        }
        (None, Some(title)) => {
            let repeats = blocks
                .first()
                .is_some_and(|b| fold(&clean_headline(&b.text)) == fold(&clean_headline(title)));
            (title.clone(), usize::from(repeats))
        }
        (None, None) if blocks.len() > 2 && is_kicker(&blocks[0].text) => {
            file_under(rec, &blocks[0].text);
            rec.dropped.push(blocks[0].text.clone());
            (blocks[1].text.clone(), 2)
        }
        (None, None) => (blocks[0].text.clone(), 1),
    };
    let headline = clean_headline(&headline);
    let words = headline.split_whitespace().count();
    if !headline.chars().any(char::is_alphabetic) {
        return Err(BadFile::new(
            "has no recognisable headline: its first line has no words",
        ));
    }
    if words > MAX_HEADLINE_WORDS || headline.chars().count() > MAX_HEADLINE_CHARS {
        return Err(BadFile::new(format!(
            "has no recognisable headline: its first paragraph runs to {words} words, and a headline is one short line"
        )));
    }
    rec.headline = headline;
    Ok(blocks[after.min(blocks.len())..].to_vec())
}

/// A section label above the headline ("OPINION", "Commentary") files the piece, unless the file
/// says where already; a label in capitals is written as a section name is.
fn file_under(rec: &mut Recognised, label: &str) {
    let label = label.trim().trim_end_matches(':');
    let lower = label.to_lowercase();
    if rec.section.is_none() && KICKERS.split_whitespace().any(|k| k == lower) {
        let mut chars = lower.chars();
        rec.section = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect());
    }
}

fn is_kicker(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    words.len() <= 3
        && (KICKERS.split_whitespace().any(|k| k == lower)
            || (words.len() == 1 && !text.chars().any(char::is_lowercase)))
}

/// Trailing dashes, underlines, bars, colons and spaces go; a Markdown `#` never reaches here.
fn clean_headline(s: &str) -> String {
    one_line(s)
        .trim_end_matches(|c: char| c.is_whitespace() || "-–—―‒|:_=~*#".contains(c))
        .to_string()
}

/// The byline line, the standfirst and the page's post metadata, which stand in the first blocks
/// after the headline in any order.
fn take_head(meta: &Meta, rest: &mut Vec<&Block>, rec: &mut Recognised, page: &mut bool) {
    take_byline_lines(rest, rec, page);
    // The file's own subtitle (Word's Subtitle style) is the standfirst wherever it stands in the
    // head.
    if let Some(i) = rest
        .iter()
        .take(4)
        .position(|b| b.kind == BlockKind::Subtitle)
    {
        rec.standfirst = rest[i].text.clone();
        rest.remove(i);
    } else {
        let given = meta.standfirst.as_deref().map(one_line);
        match given.as_deref().map(|g| described(g, rest)) {
            Some(Described::Repeated(i)) => {
                rec.standfirst = rest[i].text.clone();
                rest.remove(i);
            }
            // A page's description cut from its first paragraph ("…") is no standfirst; the
            // copy decides whether it has one.
            Some(Described::Truncated) | None => take_copy_standfirst(rest, rec),
            Some(Described::Apart) => rec.standfirst = given.unwrap_or_default(),
        }
    }
    // "…, writes NAME": the standfirst names the writer.
    if let Some(named) = patterns::standfirst_authors(&rec.standfirst) {
        let named = named
            .into_iter()
            .map(|name| patterns::Named {
                name,
                affiliation: None,
            })
            .collect();
        credit(rec, named, page);
    }
    take_byline_lines(rest, rec, page);
}

enum Described {
    /// The copy has the description again as its block at this index.
    Repeated(usize),
    /// The description is the start of a block of the copy, cut short.
    Truncated,
    /// The description is not in the copy.
    Apart,
}

fn described(given: &str, rest: &[&Block]) -> Described {
    let given = fold(given);
    let cut = given
        .trim_end_matches(['.', '…', ' '])
        .trim_end_matches("...");
    for (i, b) in rest.iter().take(3).enumerate() {
        let text = fold(&b.text);
        if text == given {
            return Described::Repeated(i);
        }
        if cut.len() > 40 && text.starts_with(cut) {
            return Described::Truncated;
        }
    }
    Described::Apart
}

/// The copy's own standfirst: a short paragraph under the headline that names its writer, is set
/// apart in italic or bold, or stands above the byline.
fn take_copy_standfirst(rest: &mut Vec<&Block>, rec: &mut Recognised) {
    let Some(first) = rest.first() else {
        return;
    };
    let known: Vec<String> = rec.authors.iter().map(|a| fold(&a.name)).collect();
    // A bio set at the top, as some writers do, is not the standfirst.
    let prose = first.kind == BlockKind::Paragraph
        && first.text.split_whitespace().count() <= MAX_STANDFIRST_WORDS
        && patterns::bio_subject(&first.text, &known).is_none();
    let named = patterns::standfirst_authors(&first.text);
    let before_byline = rest.get(1).is_some_and(|b| head_byline(&b.text).is_some());
    if prose && (named.is_some() || first.emphasised || before_byline) && rest.len() > 1 {
        rec.standfirst = first.text.clone();
        rest.remove(0);
    }
}

/// Byline lines and post metadata ("Posted on 4 March 2025", an author's name alone, "and", a
/// date) at the top of what is left.
fn take_byline_lines(rest: &mut Vec<&Block>, rec: &mut Recognised, page: &mut bool) {
    while let Some(first) = rest.first() {
        if let Some(poster) = patterns::posted_by(&first.text) {
            rec.posted_by.get_or_insert(poster);
            rec.dropped.push(first.text.clone());
        } else if let Some((named, email)) = head_byline(&first.text) {
            take_byline(rec, named, email, page);
        } else if furniture::is_post_meta(&first.text)
            || furniture::is_page_control(&first.text)
            || rec
                .authors
                .iter()
                .any(|a| fold(&a.name) == fold(&first.text))
        {
            rec.dropped.push(first.text.clone());
        } else {
            return;
        }
        rest.remove(0);
    }
}

/// A byline as it stands under a headline: "By …", or the names alone on their line.
fn head_byline(text: &str) -> Option<(Vec<patterns::Named>, Option<String>)> {
    patterns::byline(text).or_else(|| patterns::bare_byline(text))
}

fn take_byline(
    rec: &mut Recognised,
    named: Vec<patterns::Named>,
    email: Option<String>,
    page: &mut bool,
) {
    credit(rec, named, page);
    if let [only] = rec.authors.as_mut_slice()
        && only.email.is_none()
    {
        only.email = email;
    }
}

/// The writers the copy names (a byline line, "…, writes NAME"). They are the byline when none
/// is known, or when the only one known is a page's author metadata naming someone else: that
/// person posted the piece. Otherwise the names confirm the byline and say where they work.
fn credit(rec: &mut Recognised, named: Vec<patterns::Named>, page: &mut bool) {
    let known = |rec: &Recognised, n: &patterns::Named| {
        rec.authors.iter().any(|a| fold(&a.name) == fold(&n.name))
    };
    let strangers = !named.is_empty() && !named.iter().any(|n| known(rec, n));
    if rec.authors.is_empty() || (*page && strangers) {
        let page_names: Vec<String> = rec.authors.iter().map(|a| a.name.clone()).collect();
        if !page_names.is_empty() {
            let poster = page_names.join(", ");
            rec.warnings.push(format!(
                "the page credits {poster}, but the copy names its writer: {poster} is taken as                  the person who posted it; check the byline"
            ));
            rec.posted_by.get_or_insert(poster);
        }
        rec.authors = named
            .into_iter()
            .map(|n| FoundAuthor {
                name: n.name,
                affiliation: n.affiliation,
                ..FoundAuthor::default()
            })
            .collect();
        *page = false;
        return;
    }
    for n in named {
        if let Some(a) = rec
            .authors
            .iter_mut()
            .find(|a| fold(&a.name) == fold(&n.name))
            && a.affiliation.is_none()
        {
            a.affiliation = n.affiliation;
        }
    }
}

/// Splits what follows the head into body, bios and furniture.
fn sort_body<'a>(rest: &[&'a Block], rec: &mut Recognised) -> Vec<&'a Block> {
    let byline_given = !rec.authors.is_empty();
    // The page's furniture starts at a "Related" or "About …" header in the second half.
    let tail = rest
        .iter()
        .enumerate()
        .position(|(i, b)| {
            i >= 1
                && i * 2 >= rest.len()
                && (furniture::is_related_header(&b.text) || furniture::is_about_header(&b.text))
        })
        .unwrap_or(rest.len());
    let known =
        |rec: &Recognised| -> Vec<String> { rec.authors.iter().map(|a| fold(&a.name)).collect() };
    let bio_of = |b: &Block, known: &[String]| {
        matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
            .then(|| patterns::bio_subject(&b.text, known))
            .flatten()
    };
    // Where the run of bios, signatures and furniture that closes the piece starts: read once,
    // from the end, so a long file is not read again for every block.
    let closing_names = known(rec);
    let closing_run = rest[..tail]
        .iter()
        .rposition(|b| {
            !(bio_of(b, &closing_names).is_some()
                || patterns::is_unnamed_bio(&b.text)
                || furniture::is_furniture(&b.text)
                || patterns::signature(&b.text).is_some())
        })
        .map_or(0, |last_body| last_body + 1);
    let mut body = Vec::new();
    for (i, block) in rest.iter().enumerate() {
        if furniture::is_copy_mark(&block.text) {
            rec.dropped.push(block.text.clone());
            continue;
        }
        let names = known(rec);
        // A name the copy gave no other way is taken as an author only where bios stand: just
        // after the head, or in the run of bios that closes the piece.
        let placed = i < 2 || i >= tail || i + 1 >= closing_run;
        if let Some(name) = bio_of(block, &names)
            && take_bio(rec, name, &block.text, byline_given, placed)
        {
            continue;
        }
        if placed && is_unnamed_bio_of_one(rec, &block.text) {
            rec.authors[0].bio = Some(patterns::bio_text(&block.text));
            continue;
        }
        if i >= tail || furniture::is_furniture(&block.text) || furniture::is_tags_line(&block.text)
        {
            if furniture::is_tags_line(&block.text) && rec.tags.is_empty() {
                rec.tags = tags_of_line(&block.text);
            }
            rec.dropped.push(block.text.clone());
        } else if let Some(email) = lone_email(&block.text) {
            attach_email(rec, email);
        } else if i + 3 >= rest.len()
            && let Some((name, email)) = patterns::signature(&block.text)
        {
            // "—Pavel Novák" closing the copy signs it.
            if rec.authors.is_empty() {
                rec.authors.push(FoundAuthor::named(name));
            }
            if let Some(email) = email {
                attach_email(rec, email);
            }
            rec.dropped.push(block.text.clone());
        } else {
            body.push(*block);
        }
    }
    split_shared_bios(rec);
    body
}

/// Records a bio; false when the paragraph is not taken as one (a second bio of the same author,
/// or a stranger's where the copy already has its byline).
fn take_bio(
    rec: &mut Recognised,
    name: String,
    text: &str,
    byline_given: bool,
    placed: bool,
) -> bool {
    let key = fold(&name);
    match rec.authors.iter_mut().find(|a| fold(&a.name) == key) {
        Some(a) if a.bio.is_none() => {
            a.bio = Some(patterns::bio_text(text));
            true
        }
        None if !byline_given && placed => {
            let excerpt: String = text.chars().take(60).collect();
            rec.warnings.push(format!(
                "no byline found: {name} was taken from a bio paragraph (“{excerpt}…”); check the byline"
            ));
            rec.authors.push(FoundAuthor {
                name,
                bio: Some(patterns::bio_text(text)),
                ..FoundAuthor::default()
            });
            true
        }
        _ => false,
    }
}

fn is_unnamed_bio_of_one(rec: &Recognised, text: &str) -> bool {
    matches!(rec.authors.as_slice(), [only] if only.bio.is_none()) && patterns::is_unnamed_bio(text)
}

/// One paragraph holding two authors' bios ("A is … . B is …") becomes one bio each.
fn split_shared_bios(rec: &mut Recognised) {
    let names: Vec<String> = rec.authors.iter().map(|a| a.name.clone()).collect();
    for i in 0..rec.authors.len() {
        let Some(bio) = rec.authors[i].bio.clone() else {
            continue;
        };
        for (j, other) in names.iter().enumerate() {
            let Some(at) = bio.find(&format!(". {other} ")) else {
                continue;
            };
            if j == i || rec.authors[j].bio.is_some() {
                continue;
            }
            rec.authors[i].bio = Some(bio[..=at].trim().to_string());
            rec.authors[j].bio = Some(bio[at + 2..].trim().to_string());
            break;
        }
    }
}

fn tags_of_line(text: &str) -> Vec<String> {
    let list = text.split_once(':').map_or("", |(_, l)| l);
    list.split([',', ';', '|'])
        .map(one_line)
        .filter(|t| !t.is_empty())
        .collect()
}

/// A line that is only an address ("jane@example.org", "Email: jane@example.org").
fn lone_email(text: &str) -> Option<String> {
    let email = patterns::find_email(text)?;
    (text.split_whitespace().count() <= 4).then_some(email)
}

/// An address goes to the one author, or to the author whose name it spells.
fn attach_email(rec: &mut Recognised, email: String) {
    let local = fold(email.split('@').next().unwrap_or(""));
    let single = rec.authors.len() == 1;
    let owner = rec.authors.iter_mut().find(|a| {
        single
            || fold(&a.name)
                .split_whitespace()
                .all(|part| local.contains(part))
    });
    if let Some(a) = owner
        && a.email.is_none()
    {
        a.email = Some(email);
    }
}

/// Blocks back into one Markdown text: list items of one list on consecutive lines.
fn join_markdown(blocks: &[&Block]) -> String {
    let mut out = String::new();
    let mut previous: Option<BlockKind> = None;
    for b in blocks {
        if let Some(p) = previous {
            let same_list = matches!(
                (p, b.kind),
                (BlockKind::ListItem { ordered: a }, BlockKind::ListItem { ordered: c }) if a == c
            );
            out.push_str(if same_list { "\n" } else { "\n\n" });
        }
        out.push_str(b.markdown.trim_end());
        previous = Some(b.kind);
    }
    out
}

#[cfg(test)]
mod tests;
