//! The body of a piece, sorted from the bios, signatures and furniture around it, and written
//! back as one Markdown text.

use std::sync::LazyLock;

use regex::Regex;

use super::cover::is_contact_line;
use super::cover::{self, email_spells};
use super::{FoundAuthor, Recognised, furniture, patterns};
use crate::import::contact::{find_emails, has_contact};
use crate::import::{Block, BlockKind};
use crate::text::{fold, one_line};

/// Splits what follows the head into body, bios and furniture.
pub(super) fn sort_body<'a>(rest: &[&'a Block], rec: &mut Recognised) -> Vec<&'a Block> {
    let byline_given = !rec.authors.is_empty();
    // The page's furniture starts at a "Related" or "About …" header in the second half.
    // So does everything after an end mark ("ENDS", "-30-", "###") closing the copy, and, wherever
    // it stands, an "About the authors" header with a bio or an author's name under it.
    let known =
        |rec: &Recognised| -> Vec<String> { rec.authors.iter().map(|a| fold(&a.name)).collect() };
    let bio_of = |b: &Block, known: &[String]| {
        matches!(b.kind, BlockKind::Paragraph | BlockKind::Quote)
            .then(|| patterns::bio_subject(&b.text, known))
            .flatten()
    };
    let names_now = known(rec);
    let heads_bios = |i: usize| {
        rest.get(i + 1).is_some_and(|next| {
            bio_of(next, &names_now).is_some() || names_now.contains(&fold(&next.text))
        })
    };
    let tail = rest
        .iter()
        .enumerate()
        .position(|(i, b)| {
            let second_half = i >= 1 && i * 2 >= rest.len();
            (second_half
                && (furniture::is_related_header(&b.text)
                    || furniture::is_about_header(&b.text)
                    || furniture::is_end_mark(&b.text)
                    || rest
                        .get(i + 1)
                        .is_some_and(|next| furniture::is_boilerplate_header(&b.text, &next.text))))
                || (i >= 2 && furniture::is_about_header(&b.text) && heads_bios(i))
                // "[BOXOUT - not in word count] How to cancel …" after the copy: a box the page
                // sets apart, from its label on.
                || (second_half && BOX_LABEL.is_match(b.text.trim()))
                // "ENDS" in words, in a press release whose notes to editors run long after it,
                // closes the copy wherever it stands below the first paragraphs.
                || (i >= 3 && ENDS_IN_WORDS.is_match(b.text.trim()))
        })
        .unwrap_or(rest.len());
    // Where the run of bios, signatures and furniture that closes the piece starts: read once,
    // from the end, so a long file is not read again for every block.
    let closing_names = known(rec);
    let closing_run = rest[..tail]
        .iter()
        .rposition(|b| {
            !(bio_of(b, &closing_names).is_some()
                || patterns::is_unnamed_bio(&b.text)
                || furniture::is_furniture(&b.text)
                || furniture::is_fact_box(&b.text)
                || counts_alone(b)
                || patterns::signature(&b.text).is_some()
                || role_alone(&b.text)
                || is_contact_line(&b.text)
                || (has_contact(&b.text) && b.text.split_whitespace().count() <= 6)
                || closing_names.contains(&fold(&b.text))
                || signed_with_firm(&b.text, &closing_names)
                || signature_block(&b.text, &closing_names)
                || furniture::is_count_note(&b.text)
                || closing_byline(&b.text).is_some()
                || (b.kind == BlockKind::Paragraph && patterns::is_lone_name(&b.text)))
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
        // The person who posted a page is not its writer: their box (name, bio) is furniture.
        let poster = rec.posted_by.as_deref().map(fold);
        let about_poster = poster.as_deref().is_some_and(|p| {
            fold(&block.text) == p || bio_of(block, &[p.to_string()]).is_some_and(|n| fold(&n) == p)
        });
        if about_poster && !names.iter().any(|n| Some(n.as_str()) == poster.as_deref()) {
            rec.dropped.push(block.text.clone());
            continue;
        }
        // "A and B co-own SHOP in TOWN. …", "A is a research fellow and B is professor of … at
        // …": a bio whose opening sentence names every writer, not a sentence each, is each
        // writer's whole.
        if placed && block.kind == BlockKind::Paragraph && joint_bio(rec, &block.text) {
            let bio = patterns::bio_text(&block.text);
            for a in &mut rec.authors {
                a.bio.get_or_insert_with(|| bio.clone());
            }
            continue;
        }
        if let Some(name) = bio_of(block, &names)
            && (placed || !patterns::names_by_title_and_surname(&block.text))
            && take_bio(rec, name, &block.text, byline_given, placed)
        {
            continue;
        }
        // An author card: the name, then the bio, run together.
        let carded = patterns::card_bio(&block.text, &names);
        if carded.len() < block.text.len()
            && let Some(name) = patterns::bio_subject(carded, &names)
            && take_bio(rec, name, carded, byline_given, placed)
        {
            continue;
        }
        // "Written by NAME" over "2.1K Followers" over "Book critic. Formerly …": an author
        // card's self-description, under the writer's name and the card's counts, is their bio.
        if i >= tail
            && block.kind == BlockKind::Paragraph
            && block.text.split_whitespace().count() <= 80
            && !furniture::is_reader_counts(&block.text)
            && !counts_alone(block)
            && let Some(owner) = card_owner(&rest[..i])
            && let Some(a) = rec
                .authors
                .iter_mut()
                .find(|a| a.bio.is_none() && fold(&a.name) == fold(&owner))
        {
            a.bio = Some(patterns::bio_text(&block.text));
            continue;
        }
        if placed && is_unnamed_bio_of_one(rec, &block.text) {
            rec.authors[0].bio = Some(patterns::bio_text(&block.text));
            continue;
        }
        // A name alone after the last paragraph signs the piece ("Rahel Mekonnen", then her bio):
        // the byline at the end.
        if i >= closing_run
            && block.kind == BlockKind::Paragraph
            && patterns::is_lone_name(&block.text)
        {
            let name = patterns::tidy_name(&block.text);
            let its_bio = rest.get(i + 1).is_some_and(|next| {
                bio_of(next, &[fold(&name)]).is_some_and(|n| fold(&n) == fold(&name))
            });
            let last = rest[i + 1..]
                .iter()
                .all(|b| furniture::is_furniture(&b.text));
            if rec.authors.is_empty() && (its_bio || last) {
                rec.authors.push(FoundAuthor::named(name));
            }
            rec.dropped.push(block.text.clone());
            continue;
        }
        // "Reviewed by Dr Patrick Oyelaran" after the last paragraph: the byline, set at the end.
        // On a page that is no review, "Reviewed by" names whoever checked it (a health page's
        // clinician), not its writer: the line goes, crediting no one.
        if i >= closing_run
            && let Some(named) = closing_byline(&block.text)
        {
            let checker = block
                .text
                .trim()
                .trim_matches(['*', '_'])
                .to_lowercase()
                .starts_with("reviewed by")
                && !super::files_as_review(rec);
            if rec.authors.is_empty() && !checker {
                rec.authors
                    .extend(named.into_iter().map(|n| FoundAuthor::named(n.name)));
            }
            rec.dropped.push(block.text.clone());
            continue;
        }
        // An author's name alone (an author card's heading) is not copy.
        let name_alone = rec
            .authors
            .iter()
            .any(|a| fold(&a.name) == fold(&block.text));
        // "Press contact: NAME, assistant to … – ADDRESS – NUMBER", "For interview requests
        // please contact ADDRESS.": a press office's line for the press, whatever else it says.
        let press_line = (cover::is_press_contact(&block.text) && has_contact(&block.text))
            || PLEASE_CONTACT.is_match(block.text.trim());
        if is_contact_line(&block.text) || press_line {
            // A press office's line gives only an address that spells the writer's name.
            // So does a place's line ("Surgery tel: … | reception@…").
            let press = cover::is_press_contact(&block.text)
                || press_line
                || cover::is_place_contact(&block.text);
            for email in find_emails(&block.text) {
                if !press || rec.authors.iter().any(|a| email_spells(&a.name, &email)) {
                    attach_email(rec, email);
                }
            }
            rec.dropped.push(block.text.clone());
        } else if name_alone
            || i >= tail
            || (i >= closing_run
                && (role_alone(&block.text)
                    || signed_with_firm(&block.text, &known(rec))
                    || signature_block(&block.text, &known(rec))
                    || furniture::is_count_note(&block.text)
                    || counts_alone(block)
                    || furniture::is_fact_box(&block.text)))
            || furniture::is_furniture(&block.text)
            || furniture::is_tags_line(&block.text)
        {
            if furniture::is_tags_line(&block.text) && rec.tags.is_empty() {
                rec.tags = tags_of_line(&block.text);
            }
            rec.dropped.push(block.text.clone());
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

/// "[BOXOUT - not in word count]", "BOXOUT:", "[Factbox]", "SIDEBAR –": the label of a box set
/// apart from the copy.
static BOX_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?:\\?\[\s*(?i:box-?out|fact-?box|side-?bar|panel|info-?box)\b[^\]]{0,60}\\?\]|(?:BOX-?OUT|FACT-?BOX|SIDEBAR|PANEL)\s*[:–—-])",
    )
});

/// "For interview requests please contact press@…", "For media enquiries, contact …": a press
/// office's line after the piece, an address closing it.
static PLEASE_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    patterns::re(
        r"^(?i:for\s+(?:all\s+)?(?:interview|media|press)?\s*(?:requests?|enquiries|inquiries|interviews?|comment)[^.]{0,40}?,?\s+(?:please\s+)?(?:contact|e-?mail|write\s+to)\s+)\S+@\S+?\.?$",
    )
});

/// "Margaret Hollins MCIEEM Freelance Ecologist Tel: 01632 960418 | Mob: …": a mail's signature
/// run into one paragraph, the writer's name opening it, then their letters and post in
/// capitals, then a number or an address ("Mikko Laine would like to hear from …" is copy).
fn signature_block(text: &str, names: &[String]) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > SIGNATURE_BLOCK_WORDS || !has_contact(text) {
        return false;
    }
    let Some(n) = names.iter().find_map(|name| {
        let n = name.split_whitespace().count();
        (words.len() > n && fold(&words[..n].join(" ")).trim_end_matches(',') == name).then_some(n)
    }) else {
        return false;
    };
    let contact_at = words[n..].iter().position(|w| {
        let bare = w.trim_end_matches(':').to_lowercase();
        w.contains('@')
            || w.chars().any(|c| c.is_ascii_digit())
            || matches!(
                bare.as_str(),
                "tel"
                    | "tel."
                    | "mob"
                    | "mob."
                    | "mobile"
                    | "phone"
                    | "email"
                    | "e-mail"
                    | "t"
                    | "m"
                    | "e"
            )
    });
    contact_at.is_some_and(|at| {
        at <= 8
            && words[n..n + at].iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "&" | "and" | "of" | "|" | "·")
            })
    })
}

/// A signature run into one paragraph is this many words at most.
const SIGNATURE_BLOCK_WORDS: usize = 60;

/// "By Jane Roe", "Reviewed by Dr Patrick Oyelaran": a byline on a short line of its own.
fn closing_byline(text: &str) -> Option<Vec<patterns::Named>> {
    let text = text.trim().trim_matches(['*', '_']);
    if text.split_whitespace().count() > 12 || text.ends_with(['.', '!', '?']) {
        return None;
    }
    patterns::byline(text)
        .map(|(named, _)| named)
        .filter(|named| !named.is_empty() && named.iter().all(|n| patterns::is_person(&n.name)))
}

/// "Gareth Ellery | Ellery & Stone Wealth Management": a signature's first line, the writer's
/// name and their firm or post between bars or dots, no sentence.
fn signed_with_firm(text: &str, names: &[String]) -> bool {
    let items: Vec<&str> = text
        .trim()
        .trim_start_matches('#')
        .split(['|', '·', '•'])
        .map(str::trim)
        .collect();
    (2..=3).contains(&items.len())
        && names.contains(&fold(items[0]))
        && items[1..].iter().all(|item| {
            (1..=8).contains(&item.split_whitespace().count()) && !item.ends_with(['.', '!', '?'])
        })
}

/// "Senior Research Fellow", "Research Analyst": an author card's job title alone on its line.
fn role_alone(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().any(|w| patterns::is_role_word(w))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.len() <= 3)
        && !text.trim_end().ends_with(['.', '!', '?'])
}

/// Bios of the byline's writers in what was left out as furniture: a press release's "Notes to
/// editors" after its end mark ("1. NAME is director of …"), a press office's "Author notes".
/// Wherever the sender's wrapping put them, they are the writers' bios.
pub(super) fn bios_left_out(rec: &mut Recognised) {
    let known: Vec<String> = rec.authors.iter().map(|a| fold(&a.name)).collect();
    let found: Vec<(String, String)> = rec
        .dropped
        .iter()
        .filter_map(|d| {
            let text = LIST_MARK.replace(d.trim(), "").to_string();
            let text = patterns::card_bio(&text, &known).to_string();
            let name = patterns::bio_subject(&text, &known)?;
            Some((name, text))
        })
        .collect();
    for (name, text) in found {
        if let Some(a) = rec
            .authors
            .iter_mut()
            .find(|a| a.bio.is_none() && fold(&a.name) == fold(&name))
        {
            a.bio = Some(patterns::bio_text(&text));
        }
    }
    split_shared_bios(rec);
}

/// "ENDS", "– ends –", "[ENDS]": a press release's end mark written as the word.
static ENDS_IN_WORDS: LazyLock<Regex> =
    LazyLock::new(|| patterns::re(r"^(?:\\?\[\s*)?[-–—*=\s]*(?i:ends)[-–—*=\s]*(?:\\?\])?$"));

/// "1. ", "2) ", "- ", "• ": a note's number or bullet.
static LIST_MARK: LazyLock<Regex> = LazyLock::new(|| patterns::re(r"^(?:\d{1,2}[.)]|[-•*–])\s+"));

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
    // "Dr A is a lecturer at the University of X. Professor B is professor of … at the same
    // university.": a joint bio, a sentence on each writer; each writer's own from their name on.
    let known: Vec<String> = rec.authors.iter().map(|a| fold(&a.name)).collect();
    let second = text.match_indices(". ").find_map(|(at, _)| {
        let rest = &text[at + 2..];
        patterns::bio_subject(rest, &known)
            .filter(|other| fold(other) != key)
            .map(|other| (at + 1, other))
    });
    if let Some((at, other)) = second {
        let (own, theirs) = (text[..at].trim(), text[at..].trim());
        let fits = |n: &str| known.contains(&fold(n)) || (!byline_given && placed);
        if fits(&name) && fits(&other) && take_bio(rec, name.clone(), own, byline_given, placed) {
            take_bio(rec, other, theirs, byline_given, placed);
            // An address closing the joint bio goes to the writer whose name it spells.
            for email in find_emails(text) {
                for a in &mut rec.authors {
                    if a.email.as_deref() == Some(email.as_str()) {
                        a.email = None;
                    }
                }
                attach_email(rec, email);
            }
            return true;
        }
    }
    // "… Contact: m.lindgren@…" run into the bio: the address is the author's.
    let email = crate::import::contact::find_email(text);
    // The bio the file gave already (its front matter, a box above), set again where the piece
    // ends: the same words, once.
    let repeated = |bio: &str| {
        let bare = |t: &str| fold(t.trim().trim_matches(['*', '_', ' ']));
        bare(bio) == bare(&patterns::bio_text(text))
    };
    match rec.authors.iter_mut().find(|a| fold(&a.name) == key) {
        Some(a) if placed && a.bio.as_deref().is_some_and(repeated) => true,
        Some(a) if a.bio.is_none() => {
            a.bio = Some(patterns::bio_text(text));
            if a.email.is_none() {
                a.email = email;
            }
            true
        }
        None if !byline_given && placed => {
            // A standfirst that opens with the name ("NAME says …") confirms it.
            if !fold(&rec.standfirst).starts_with(&key) {
                let excerpt: String = text.chars().take(60).collect();
                rec.warnings.push(format!(
                    "no byline found: {name} was taken from a bio paragraph (“{excerpt}…”); check the byline"
                ));
            }
            rec.authors.push(FoundAuthor {
                name,
                bio: Some(patterns::bio_text(text)),
                email,
                ..FoundAuthor::default()
            });
            true
        }
        _ => false,
    }
}

/// Whether a paragraph is the writers' joint bio: two or more writers, none with a bio yet, all
/// named in its opening sentence, which opens with one of them.
fn joint_bio(rec: &Recognised, text: &str) -> bool {
    if rec.authors.len() < 2 || rec.authors.iter().any(|a| a.bio.is_some()) {
        return false;
    }
    let text = patterns::bio_text(text);
    if text.split_whitespace().count() > 120 {
        return false;
    }
    let first = fold(text.split(". ").next().unwrap_or(&text));
    let opens = rec.authors.iter().any(|a| {
        first.starts_with(&fold(&a.name))
            || first
                .split_once(' ')
                .is_some_and(|(_, rest)| rest.starts_with(&fold(&a.name)))
    });
    opens && rec.authors.iter().all(|a| first.contains(&fold(&a.name)))
}

/// The writer an author card above names ("Written by NAME", "About NAME"), its counts
/// ("2.1K Followers") between it and the block under them.
fn card_owner(above: &[&Block]) -> Option<String> {
    let header = above
        .iter()
        .rev()
        .find(|b| !(furniture::is_reader_counts(&b.text) || counts_alone(b)))?;
    let text = header.text.trim().trim_end_matches(':');
    if !furniture::is_about_header(text) {
        return None;
    }
    let name = [
        "Written by ",
        "written by ",
        "About ",
        "about ",
        "By ",
        "by ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p))?;
    patterns::is_person(name).then(|| patterns::tidy_name(name))
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

pub(super) fn tags_of_line(text: &str) -> Vec<String> {
    let list = text.split_once(':').map_or("", |(_, l)| l);
    list.split([',', ';', '|'])
        .map(one_line)
        .filter(|t| !t.is_empty())
        .collect()
}

/// An address goes to the one author, or to the author whose name it spells.
pub(super) fn attach_email(rec: &mut Recognised, email: String) {
    let single = rec.authors.len() == 1;
    let owner = rec
        .authors
        .iter_mut()
        .find(|a| single || email_spells(&a.name, &email));
    if let Some(a) = owner
        && a.email.is_none()
    {
        a.email = Some(email);
    }
}

/// "1.3K 41", "12", "412 claps · 18 responses" in a paragraph of their own after the text: a
/// post's claps, likes or comments (a table's figures, in the copy, are no paragraphs of their
/// own after it).
pub(super) fn counts_alone(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph
        && ((b.text.split_whitespace().count() <= 4 && furniture::is_bare_counts(&b.text))
            || furniture::is_reader_counts(&b.text))
}
