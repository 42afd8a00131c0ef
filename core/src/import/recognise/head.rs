//! The head of a piece: its headline (a Title, the file's own title, or the first line under
//! any section label), its standfirst, and the byline lines and post metadata around them; who
//! the copy names as its writer, against what a page's metadata says.

use std::sync::LazyLock;

use regex::Regex;

use super::cover::is_contact_line;
use super::{FoundAuthor, Recognised, furniture, patterns};
use crate::import::{BadFile, Block, BlockKind, Meta};
use crate::text::{fold, one_line};

/// A headline is one short line; a first paragraph longer than this is copy, not a headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// A headline is one short line: no paragraph longer than this is one.
pub(super) const HEADLINE_WORDS: usize = MAX_HEADLINE_WORDS;
const MAX_HEADLINE_CHARS: usize = 200;
/// A Title-styled headline is looked for among this many blocks at the top.
const TITLE_WITHIN: usize = 12;
/// A standfirst is a paragraph, not a page.
const MAX_STANDFIRST_WORDS: usize = 90;
/// "Standfirst:", "Dek:", "Summary:" opening the standfirst: the name of the field, not its text.
static STANDFIRST_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:standfirst|stand-first|dek|deck|subtitle|sub-?heading|summary|lede|lead|teaser|intro|sell)\s*:\s*",
    )
});

/// Picks the headline and returns the blocks after it. A Title block near the top wins (what
/// stands before it is a kicker or a date); then the file's own title; then the first line,
/// unless that is only a section label ("OPINION") above it.
pub(super) fn take_headline<'a>(
    meta: &Meta,
    blocks: &[&'a Block],
    rec: &mut Recognised,
) -> Result<Vec<&'a Block>, BadFile> {
    if blocks.is_empty() && meta.title.is_none() {
        return Err(BadFile::new("has no text"));
    }
    // A newsletter's name over the post ("# The Culture Letter" over "## HEADLINE"), named again
    // in its own short lines after the piece ("Thanks for reading The Culture Letter!", "© 2026
    // Culture Letter"): the publication's, not the headline.
    let blocks = if publication_over_headline(blocks, rec) {
        rec.dropped.push(blocks[0].text.clone());
        &blocks[1..]
    } else {
        blocks
    };
    // Word's Title style wins over whatever notes stand above it (an embargo line, a word count,
    // a contact block), as long as they are notes, not copy.
    let title_at = blocks
        .iter()
        .take(TITLE_WITHIN)
        .take_while(|b| b.kind == BlockKind::Title || b.text.split_whitespace().count() <= 60)
        .position(|b| b.kind == BlockKind::Title)
        .map(|at| second_title_under_notes(blocks, at).unwrap_or(at))
        .or_else(|| heading_under_a_table_of_details(blocks));
    let (headline, after) = match (title_at, &meta.title) {
        (Some(i), _) => {
            if let Some(label) = blocks[..i].iter().rev().find(|b| is_kicker(&b.text)) {
                file_under(rec, &label.text);
            }
            section_above(rec, &blocks[..i]);
            section_heading_over_title(rec, &blocks[..i]);
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
        // Notes to the desk above the headline, the byline under it ("*** FOR FRIDAY'S PAPER -
        // COLUMN - approx 560 words ***", a letterhead in capitals).
        (None, None) if super::notes_above::headline_under_notes(blocks) > 0 => {
            let at = super::notes_above::headline_under_notes(blocks);
            // "FOR THE MERIDIAN – Opinion – draft 4": the section among a note's parts.
            if let Some(label) = blocks[..at].iter().rev().find_map(|b| kicker_in(&b.text)) {
                file_under(rec, label);
            }
            section_above(rec, &blocks[..at]);
            rec.dropped
                .extend(blocks[..at].iter().map(|b| b.text.clone()));
            (blocks[at].text.clone(), at + 1)
        }
        // A draft's label above the headline ("ANALYSIS – draft for The Meridian (v3)"), however
        // the byline is written under it.
        (None, None) if super::notes_above::draft_labels(blocks) > 0 => {
            let at = super::notes_above::draft_labels(blocks);
            if let Some(label) = blocks[..at].iter().rev().find_map(|b| kicker_in(&b.text)) {
                file_under(rec, label);
            }
            section_above(rec, &blocks[..at]);
            rec.dropped
                .extend(blocks[..at].iter().map(|b| b.text.clone()));
            (blocks[at].text.clone(), at + 1)
        }
        (None, None) if blocks.len() > 2 && is_kicker(&blocks[0].text) => {
            file_under(rec, &blocks[0].text);
            rec.dropped.push(blocks[0].text.clone());
            (blocks[1].text.clone(), 2)
        }
        (None, None) => (blocks[0].text.clone(), 1),
    };
    // "OPINION: Lisbon's housing crisis…": the section label on the headline's own line. "Review:
    // The Long Descent, by …" and "Small Shoulders review: …" are a review's headline as papers
    // print it, naming the work.
    let headline = match headline.split_once(':') {
        Some((label, rest))
            if KICKERS
                .split_whitespace()
                .any(|k| k == label.trim().to_lowercase())
                && !label.trim().to_lowercase().ends_with("review")
                && !rest.trim().is_empty() =>
        {
            file_under(rec, label);
            rest.trim().to_string()
        }
        _ => headline,
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

/// "# Kinship carers - grandparents piece" (a notes app's page title) over a note to the editor,
/// the note's links and a rule, then "# Nobody asked if I was ready …": the second top-level
/// heading is the piece's headline when only such notes stand between the two.
fn second_title_under_notes(blocks: &[&Block], title_at: usize) -> Option<usize> {
    let next = blocks
        .iter()
        .enumerate()
        .skip(title_at + 1)
        .take(SECOND_TITLE_WITHIN)
        .find(|(_, b)| b.kind == BlockKind::Heading(1))
        .map(|(i, _)| i)
        // "# [On Air with Lorna](…)": a newsletter's name, linked to its home, is no headline.
        .filter(|&i| !blocks[i].markdown.contains("]("))?;
    let between = &blocks[title_at + 1..next];
    // "# Headline" straight over "# Background" is the headline over a section of the copy: the
    // piece's own headline stands apart from the page's title (a note, its links, a rule, which
    // the reader may already have left out) and reads as one, four words or more.
    (blocks[next].text.split_whitespace().count() >= 4
        && between.iter().all(|b| {
            let t = b.text.trim();
            super::cover::is_rule(b)
                || t.contains("[[")
                || (b.kind == BlockKind::Quote && t.split_whitespace().count() <= 80)
        }))
    .then_some(next)
}

/// How many blocks under a page's title its piece's own headline is looked for.
const SECOND_TITLE_WITHIN: usize = 5;

/// "# Green hydrogen at Port Selby: …" under a document's table of details ("Document", "Guest
/// opinion article", "Length", "c. 760 words", "Status", "Approved …", "Press contact", …): the
/// first top-level heading of a Word file, under short lines only (labels and values, none a
/// sentence of copy), is the headline, as Word's Title style is; the lines above are the file's.
fn heading_under_a_table_of_details(blocks: &[&Block]) -> Option<usize> {
    // The first H1 under it, or an unstyled headline with a byline under it ("By Cllr …").
    let within = blocks.len().min(TITLE_WITHIN + 4);
    let at = blocks
        .iter()
        .take(within)
        .position(|b| b.kind == BlockKind::Heading(1))
        .or_else(|| {
            (DETAILS_LINES..within).find(|&i| {
                blocks[i].kind == BlockKind::Paragraph
                    && blocks[i].text.split_whitespace().count() <= HEADLINE_WORDS
                    && !blocks[i].text.trim_end().ends_with(['.', '!', '?'])
                    && blocks
                        .get(i + 1)
                        .is_some_and(|b| patterns::byline(&b.text).is_some())
            })
        })?;
    let above = &blocks[..at];
    // A table's labels: "Length", "Status", "Press contact", "Submitted by" (a byline above the
    // heading makes the lines a head of the piece, not a table).
    let labels = above
        .iter()
        .filter(|b| {
            let t = b.text.trim().trim_end_matches(':');
            DETAIL_LABEL.is_match(t)
                || ((1..=3).contains(&t.split_whitespace().count())
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && !t.chars().any(|c| c.is_ascii_digit()))
        })
        .count();
    (above.len() >= DETAILS_LINES
        && labels >= 2
        // "By Jane Smith" (not a table's "author: …" cell) makes the lines the piece's head.
        && !above
            .iter()
            .any(|b| patterns::byline(&b.text).is_some() && !b.text.contains(':'))
        && above.iter().all(|b| {
            b.kind == BlockKind::Paragraph
                && b.text.split_whitespace().count() <= DETAIL_WORDS
                && !b.text.trim_end().ends_with(['.', '!', '?'])
        }))
    .then_some(at)
}

/// A details table's label cell: a word or three naming a field of the document.
static DETAIL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:document|title|length|word\s*count|words|status|type|version|approval|approved\s+by|date|deadline|author|authors|submitted\s+by|contact|press\s+contact|media\s+contact|images?|photos?|client|publication|embargo|section|owner|reviewer)\s*:?$",
    )
});

/// A table of a document's details runs to this many cells (labels and values) at least…
const DETAILS_LINES: usize = 4;
/// …each of a few words.
const DETAIL_WORDS: usize = 16;

fn publication_over_headline(blocks: &[&Block], rec: &Recognised) -> bool {
    let heading = |b: &Block| matches!(b.kind, BlockKind::Title | BlockKind::Heading(_));
    let ([first, second, ..], true) = (blocks, blocks.len() > 3) else {
        return false;
    };
    if !(matches!(first.kind, BlockKind::Title | BlockKind::Heading(1)) && heading(second)) {
        return false;
    }
    let name = fold(&clean_headline(&first.text));
    let name = name.strip_prefix("the ").unwrap_or(&name).to_string();
    if name.split_whitespace().count() < 2 {
        return false;
    }
    let short_line_naming_it =
        |text: &str| text.split_whitespace().count() <= 25 && fold(text).contains(name.as_str());
    // Named again at the end by the newsletter's own sign-off, not by a sentence of the piece
    // ("Heat pumps are not a luxury." under "# Heat Pumps" is copy).
    let tail = &blocks[blocks.len().saturating_sub(8).max(2)..];
    tail.iter()
        .any(|b| short_line_naming_it(&b.text) && NEWSLETTER_SIGN_OFF.is_match(&b.text))
        || rec.dropped.iter().any(|d| short_line_naming_it(d))
}

/// "Thanks for reading The Culture Letter!", "Subscribe to …", "© 2026 …": a newsletter's own
/// line after its post.
static NEWSLETTER_SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"(?i)\bthanks?\s+(?:you\s+)?for\s+reading\b|\bsubscribe\b|\bnewsletter\b|\bsign\s+up\b|©|\bcopyright\b|\bshare\s+this\b|\byou(?:'|’)?re\s+(?:reading|receiving)\b",
    )
});

/// How many blocks at the top are an author box set above the piece: an "About the author"
/// header, then bios and contact lines (0: none).
pub(super) fn bios_above(blocks: &[&Block]) -> usize {
    if !blocks
        .first()
        .is_some_and(|b| furniture::is_about_header(&b.text))
    {
        return 0;
    }
    let bio = |b: &&Block| {
        b.text.split_whitespace().count() > 5
            && (patterns::bio_subject(&b.text, &[]).is_some() || patterns::is_unnamed_bio(&b.text))
    };
    if !blocks.get(1).is_some_and(bio) {
        return 0;
    }
    1 + blocks[1..]
        .iter()
        .take_while(|b| bio(b) || is_contact_line(&b.text))
        .count()
}

/// Trailing dashes, underlines, bars, colons and spaces go; a Markdown `#` never reaches here.
fn clean_headline(s: &str) -> String {
    let line = one_line(s);
    // "Don't blame the contractors (re: "Why our hedges are going hungry", Nov 19)": what a
    // letter answers, said after its title for the desk, is no part of it.
    let line = REPLYING_TO.replace(&line, "");
    line.trim_end_matches(|c: char| c.is_whitespace() || "-–—―‒|:_=~*#".contains(c))
        .to_string()
}

/// " (re: "…", Nov 19)", " (in reply to …)": the piece a letter answers, in brackets at its end.
static REPLYING_TO: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"\s*\((?i:re\s*:|re\s|in\s+reply\s+to|responding\s+to|in\s+response\s+to)[^()]{1,160}\)$",
    )
});

/// The byline line, the standfirst and the page's post metadata, which stand in the first blocks
/// after the headline in any order.
pub(super) fn take_head(
    meta: &Meta,
    rest: &mut Vec<&Block>,
    rec: &mut Recognised,
    page: &mut bool,
    plain: bool,
) {
    // A page's controls or badge straight under the headline ("★ Member-only story"), or its
    // lead image's caption and credit ("… Photo: NAME / Flickr (CC BY 2.0)"), stand between it
    // and its dek or standfirst; they go here as they would from the body.
    while rest.first().is_some_and(|b| {
        b.kind == BlockKind::Paragraph
            && (super::furniture::is_page_control(&b.text) || super::furniture::is_notice(&b.text))
    }) {
        rec.dropped.push(rest.remove(0).text.clone());
    }
    // A heading straight under the headline that runs to a sentence is the standfirst, not a
    // subheading: Markdown writers set their dek as `## …`.
    let dek =
        meta.standfirst.is_none() && rest.len() > 2 && rest.first().is_some_and(|b| dek_heading(b));
    if dek {
        rec.standfirst = rest.remove(0).text.clone();
    }
    let before = rest.len();
    take_byline_lines(rest, rec, page);
    let under_headline = plain && rest.len() == before;
    // The file's own subtitle (Word's Subtitle style) is the standfirst wherever it stands in the
    // head.
    if dek {
        // Taken above, before the byline.
    } else if let Some(i) = rest
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
            Some(Described::Truncated) | None => take_copy_standfirst(rest, rec, under_headline),
            // The copy's own first paragraph naming the writers as a standfirst does ("A and B
            // argue that …") is the standfirst the page shows; the description only sums it up.
            Some(Described::Apart)
                if rest.first().is_some_and(|b| {
                    b.text.split_whitespace().count() <= MAX_STANDFIRST_WORDS
                        && patterns::standfirst_authors(&b.text).is_some()
                }) =>
            {
                take_copy_standfirst(rest, rec, under_headline);
            }
            // A short paragraph of prose over the post's date or reading time is the standfirst
            // the page sets above its metadata; the description is a rewording of it.
            Some(Described::Apart)
                if rest.len() > 2
                    && rest[0].kind == BlockKind::Paragraph
                    && rest[0].text.split_whitespace().count() <= 50
                    && rest[0].text.trim_end().ends_with(['.', '!', '?'])
                    && furniture::is_post_meta(&rest[1].text) =>
            {
                rec.standfirst = rest.remove(0).text.clone();
            }
            Some(Described::Apart) => rec.standfirst = given.unwrap_or_default(),
        }
    }
    // "Standfirst: …": the writer labelled the field; the label is no part of it.
    if let Some(m) = STANDFIRST_LABEL.find(&rec.standfirst) {
        rec.standfirst = rec.standfirst[m.end()..].to_string();
    }
    // "…, writes NAME": the standfirst names the writer. "NAME says …" names someone speaking,
    // who is the writer if the copy closes with their bio.
    let named = patterns::standfirst_authors(&rec.standfirst).or_else(|| {
        patterns::standfirst_speakers(&rec.standfirst)
            .filter(|names| (rec.authors.is_empty() || *page) && closing_bios(rest, names))
            // A byline line under the standfirst names the writers; the one speaking in it is
            // only quoted.
            .filter(|_| !rest.iter().take(3).any(|b| head_byline(&b.text).is_some()))
    });
    if let Some(named) = named {
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

/// "**For: The Meridian - Analysis**" on a line of a note left out above the headline: the
/// section the piece is for.
fn section_above(rec: &mut Recognised, above: &[&Block]) {
    if rec.section.is_none() {
        rec.section = above.iter().find_map(|b| {
            b.markdown.lines().find_map(|line| {
                super::notes_above::section_in_label(line.trim().trim_matches(['*', '_']))
            })
        });
    }
}

/// The words a paper's sections are named with.
const SECTION_WORDS: &str = "books culture arts art reviews review comment opinion features feature \
analysis news politics business money economy science health education sport sports travel food \
drink music film films television tv theatre environment climate technology tech world local \
letters essays essay interviews interview lifestyle history heritage society media obituaries \
property motoring";

/// "Books" in a heading style just over the Title-styled headline: the section the writer set the
/// piece in, as a paper's page sets its section over the headline: a word or three, each a
/// section's word ("Books", "Arts and Culture"); no paper's name ("The Meridian"), no note to the
/// desk ("Draft 2"), no issuer or writer.
fn section_heading_over_title(rec: &mut Recognised, above: &[&Block]) {
    let Some(last) = above.last() else {
        return;
    };
    let text = last.text.trim().trim_end_matches(':');
    let words: Vec<&str> = text.split_whitespace().collect();
    // A section's own words: a heading naming an issuer ("Riverside Health Trust") or the
    // writer ("Rosa Hadley") files nothing.
    let section_like = matches!(last.kind, BlockKind::Heading(_))
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.to_lowercase();
            w == "and" || w == "&" || SECTION_WORDS.split_whitespace().any(|s| s == w)
        });
    // "BOOKS" in capitals is written as a section name is when recognition ends (section_case).
    if rec.section.is_none() && section_like {
        rec.section = Some(text.to_string());
    }
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
    // A description that ends in an ellipsis was cut from something: never a standfirst. One
    // that credits the piece ("Commentary by A and B on …") is a catalogue's line about it.
    let truncated = given.trim_end().ends_with(['…'])
        || given.trim_end().ends_with("...")
        || CREDITS_THE_PIECE.is_match(given.trim());
    let given = fold(given);
    let cut = given
        .trim_end_matches(['.', '…', ' '])
        .trim_end_matches("...");
    for (i, b) in rest.iter().take(6).enumerate() {
        let text = fold(&b.text);
        // The copy's own lead, which the description repeats with a word changed or its full
        // stop dropped, is the standfirst.
        if text == given || near_copy(&text, &given) {
            return Described::Repeated(i);
        }
        if (cut.len() > 40 && text.starts_with(cut)) || shortened_from(&text, &given) {
            return Described::Truncated;
        }
    }
    if truncated {
        Described::Truncated
    } else {
        Described::Apart
    }
}

/// "Commentary by NAME …", "An op-ed by NAME …": a description crediting the piece to its
/// writers within its first words.
static CREDITS_THE_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:(?:an?\s+|new\s+)?(?:commentary|comment|op-ed|opinion(?:\s+piece)?|analysis|essay|column|article|piece|blog\s+post|post|policy\s+brief|written))\s+(?i:by)\s+\p{Lu}\p{Ll}",
    )
});

/// A description made from a paragraph by leaving words out ("Every time Brussels has an
/// election, or a traffic jam, somebody declares … So I looked at the numbers." from a paragraph
/// opening the same way and running on): it opens with the paragraph's first eight words, is
/// shorter, and has few words of its own.
fn shortened_from(paragraph: &str, description: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (p, d) = (words(paragraph), words(description));
    let opening = 8;
    let shared = d.iter().filter(|w| p.contains(w)).count();
    d.len() > opening
        && d.len() < p.len()
        && p[..opening] == d[..opening]
        && shared * 10 >= d.len() * 8
}

/// Two texts of about one length sharing nine words in ten.
fn near_copy(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let shared = short.iter().filter(|w| long.contains(w)).count();
    short.len() >= 12 && short.len() * 5 >= long.len() * 4 && shared * 10 >= long.len() * 9
}

/// Whether the second half of the copy holds a bio of each of these people.
fn closing_bios(rest: &[&Block], names: &[String]) -> bool {
    let closing = &rest[rest.len() / 2..];
    names.iter().all(|name| {
        let known = [fold(name)];
        closing
            .iter()
            .any(|b| patterns::bio_subject(&b.text, &known).is_some_and(|n| fold(&n) == known[0]))
    })
}

/// A heading that reads as a standfirst: a dozen words or more, or a sentence ended inside it.
fn dek_heading(b: &Block) -> bool {
    let text = b.text.trim();
    let words = text.split_whitespace().count();
    matches!(b.kind, BlockKind::Heading(_))
        && words <= MAX_STANDFIRST_WORDS
        && (words >= DEK_WORDS || SENTENCE_INSIDE.is_match(text))
}

/// A subheading is a few words; a heading this long under the headline is its standfirst.
const DEK_WORDS: usize = 12;
static SENTENCE_INSIDE: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"[.!?]\s+\p{Lu}"));

/// The copy's own standfirst: a short paragraph under the headline that names its writer, is set
/// apart in italic or bold, or stands above the byline.
fn take_copy_standfirst(rest: &mut Vec<&Block>, rec: &mut Recognised, under_headline: bool) {
    let Some(first) = rest.first() else {
        return;
    };
    let known: Vec<String> = rec.authors.iter().map(|a| fold(&a.name)).collect();
    let before_byline = rest.get(1).is_some_and(|b| head_byline(&b.text).is_some());
    // A block quote between the headline and the byline that quotes no one ("> Estonia runs
    // almost all of its public services online. …") is how a Markdown note sets its standfirst.
    let set_apart = first.kind == BlockKind::Quote
        && before_byline
        && !first
            .text
            .trim_start()
            .starts_with(['“', '"', '‘', '\'', '«', '„']);
    // A bio set at the top, as some writers do, is not the standfirst.
    let prose = (first.kind == BlockKind::Paragraph || set_apart)
        && first.text.split_whitespace().count() <= MAX_STANDFIRST_WORDS
        && patterns::bio_subject(&first.text, &known).is_none();
    let named = patterns::standfirst_authors(&first.text)
        .or_else(|| patterns::standfirst_speakers(&first.text));
    // Straight under the headline, before any byline, a paragraph of a sentence or three that is
    // followed by a longer one: how plain text sets a standfirst.
    let words = first.text.split_whitespace().count();
    let sentences = first.text.matches(['.', '!', '?']).count();
    let short_lead = under_headline
        && words <= 50
        && (1..=3).contains(&sentences)
        && first.text.trim_end().ends_with(['.', '!', '?'])
        && rest.len() > 2
        && rest.get(1).is_some_and(|b| {
            b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() > words
        });
    // A press release's sub-headline straight under its headline, no full stop ("Twelve
    // low-carbon flats … open in Kingsreach, as the charity calls on …"), over the copy.
    let sub_headline = under_headline
        && (8..=50).contains(&words)
        && sentences == 0
        && !first.text.trim_end().ends_with([':', ',', '…'])
        && rest.len() > 2
        && rest.get(1).is_some_and(|b| {
            b.kind == BlockKind::Paragraph
                && b.text.split_whitespace().count() > words
                && b.text.trim_end().ends_with(['.', '!', '?', '"', '”'])
        });
    if prose
        // "**Standfirst:** …": the writer labelled it, however it is set.
        && (named.is_some()
            || first.emphasised
            || before_byline
            || short_lead
            || sub_headline
            || STANDFIRST_LABEL.is_match(first.text.trim()))
        && rest.len() > 1
    {
        rec.standfirst = first.text.clone();
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
    // The copy's byline names all the page named and more ("Ewa Malinowska, Rui Fonseca" where
    // the page's data gave only Ewa): the copy's list, in its order, with what the page knew.
    let more = named.len() > rec.authors.len()
        && rec
            .authors
            .iter()
            .all(|a| named.iter().any(|n| fold(&n.name) == fold(&a.name)));
    if *page && more {
        let mut before = std::mem::take(&mut rec.authors);
        rec.authors = named
            .into_iter()
            .map(|n| {
                let mut a = match before.iter().position(|b| fold(&b.name) == fold(&n.name)) {
                    Some(i) => before.remove(i),
                    None => FoundAuthor::named(n.name.clone()),
                };
                a.name = n.name;
                a.affiliation = a.affiliation.or(n.affiliation);
                a
            })
            .collect();
        *page = false;
        return;
    }
    if rec.authors.is_empty() || (*page && strangers) {
        let page_names: Vec<String> = rec.authors.iter().map(|a| a.name.clone()).collect();
        if !page_names.is_empty() {
            let poster = page_names.join(", ");
            rec.warnings.push(format!(
                "the page credits {poster}, but the copy names its writer: {poster} is taken as the person who posted it; check the byline"
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

mod kicker;
mod lines;
pub(super) use self::kicker::KICKERS;
use self::kicker::{file_under, is_kicker, kicker_in};
use self::lines::take_byline_lines;
