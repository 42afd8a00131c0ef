//! The wordings of newsroom copy: names, bylines, "…, writes NAME.", bios, labelled forms.
//! Each pattern is anchored to a whole block or sentence, so body prose rarely matches by chance.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::contact::has_contact;
use crate::text::{fold, one_line};

/// One word of a personal name: capitalised (with hyphens and apostrophes: Jean-Luc, O'Neill), an
/// initial ("J."), or an Arabic article joined to a capitalised word (al-Sayed).
const WORD: &str =
    r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]*|(?:al|el|d|l)['’\-]\p{Lu}[\p{L}\p{M}'’\-]*)";
/// Lower-case particles inside names (van der Berg, de Vries, da Silva, bin Salman; Spanish and
/// Catalan join two surnames with "y", "i": Ortega y Gasset, Ferrer i Soler).
const PARTICLE: &str =
    r"(?:van|von|der|den|de|da|di|du|del|della|dos|das|do|la|le|ten|ter|bin|ibn|y|i|zu|e)";
/// Titles copy puts before a name and a byline leaves out.
const TITLE: &str = r"(?:(?:(?:[Tt]he\s+)?(?:Rt\s+|Very\s+|Most\s+)?(?:Rev|Revd|Reverend)|Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Mx|Rev|Revd|Reverend|Canon|Deacon|Archdeacon|Bishop|Father|Fr|Pastor|Rabbi|Imam|Ambassador|Amb|Cllr|Councillor|Senator|Hon|His\s+Honour|Her\s+Honour|HHJ|Judge|District\s+Judge|Lord\s+Justice|Lady\s+Justice|Mr\s+Justice|Mrs\s+Justice|Ms\s+Justice)\.?\s+)";

/// Words that make a capitalised phrase a role or an institution rather than a person.
const NOT_A_PERSON: &str = "centre center institute university college school foundation council \
forum agency ministry group fund bank trust association office commission parliament society \
academy programme program network project initiative observatory press news times post review \
journal europe fellow senior professor director editor correspondent researcher analyst lecturer \
head chair president founder journalist reporter columnist economist adviser advisor minister \
ambassador member associate contributor writer author staff department research \
researcher lecturer phd planner accountant solicitor barrister architect physician pharmacist \
therapist psychologist historian curator campaigner practitioner consultant";

pub(super) fn name_pattern() -> String {
    // "Prof. Dr. Hans-Jürgen Köhler": titles may come in a row.
    format!(r"{TITLE}{{0,3}}{WORD}(?:\s+(?:{PARTICLE}\s+)*{WORD}){{1,4}}")
}

fn names_pattern() -> String {
    let name = name_pattern();
    format!(r"{name}(?:(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+|\s*&\s*){name})*")
}

pub(super) fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module; a test compiles every one of them.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern {pattern}: {e}"))
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{}$", name_pattern())));
static TITLES: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{TITLE}+")));
static NAME_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and|with)\s+|\s*&\s*"));
static BYLINE_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:by|words by|written by|text by|story by|reporting by|reviewed by|review by)\s*:?|(?i:words|text|authors?|byline|(?:words|text|story) and (?:photos|photographs|pictures)(?: by)?)\s*:)\s*(?P<rest>(?:the\s+Rev\S*\s+)?\p{Lu}.*)$",
    )
});
static POSTED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:Posted|Published|Updated)\s+(?:on|at|by)\b"));
/// "in Brussels", "from Kyiv" after the names of a byline.
static PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s+(?:in|from)\s+\p{Lu}[\p{L}\p{M}'’\- ]{0,40}$"));
static DATE_OR_READ_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\bmin(?:ute)?s?\s+read\b|^\s*\d{4}\s*$",
    )
});

/// "…, writes Jane Roe." / "…, argue A and B, both of Bruegel." at the end of a standfirst.
static WRITES_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"[,;–—]\s*(?:{VERBS})\s+(?P<names>{})(?:\s*,\s*[^,.!?]{{1,80}}|\s+(?:in|from)\s+[\p{{L}}\p{{M}}'’\- ]{{1,40}})?\s*[.!?]?[”’\x22']?\s*$",
        names_pattern()
    ))
});

/// "Olena Petrenko reports from Kyiv." as the standfirst's last sentence: a short verb phrase only,
/// so that "Angela Merkel argues for a bigger budget and…" is not taken for a byline.
static NAMES_WRITE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.!?]\s+)(?P<names>{})\s+(?:{VERBS})(?:\s+(?:from|in|on|about)\s+[\p{{L}}\p{{M}}'’\- ]{{1,40}})?\s*[.!?]\s*$",
        names_pattern()
    ))
});

/// "Rasmus Holm argues that…" opening a standfirst, or its second sentence after the scene is
/// set: the opinion writer names their own argument.
static NAMES_ARGUE_THAT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.!?]\s+)(?P<names>{})\s+(?:argues|argue|contends|contend|believes|believe|explains|explain|asks|ask|suggests|suggest|warns|warn|writes|write)\s+(?:that|why|how|what|whether)\b",
        names_pattern()
    ))
});

/// "Tiago Fonseca says the city's rent emergency…": a standfirst opening with a name and a verb
/// of saying. Whether that person wrote the piece, the copy must confirm (a bio, a signature).
static NAMES_SAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.!?]\s+)(?:(?:[Ff]ormer|[Ee]x-|[Vv]eteran|[Rr]etired|[Ss]enior)?\s*\p{{Ll}}[\p{{L}}-]*\s+)?(?P<names>{})\s+(?:says|say|argues|argue|writes|write|contends|contend|believes|believe|thinks|think|explains|explain|warns|warn|insists|insist|reckons|reckon|proposes|propose|ask|asks)\s+\p{{L}}",
        names_pattern()
    ))
});

/// The people a standfirst opens by naming as speaking ("NAME says …").
pub(super) fn standfirst_speakers(text: &str) -> Option<Vec<String>> {
    let caps = NAMES_SAY.captures(text.trim())?;
    let names = split_names(caps.name("names")?.as_str());
    names.iter().all(|n| is_person(n)).then_some(names)
}

const VERBS: &str = "writes|write|argues|argue|says|say|explains|explain|warns|warn|reports|report|\
contends|contend|suggests|suggest|asks|ask|believes|believe|insists|insist|reflects|reflect|\
finds|find|notes|note|concludes|conclude|observes|observe|proposes|propose|urges|urge";

/// What follows a person's name in a bio, for a name the copy has not already given as an author.
const BIO_VERBS_STRICT: &str = r"is\s+(?:\p{Lu}[\p{L}\-]+\s+(?:of|for|at|in|to|on)\b|\p{Lu}[\p{L}]*-at-\p{Lu}|a|an|the|director|professor|head|editor|chair|president|founder|co-founder|senior|deputy|lecturer|associate|assistant|research|executive|managing|chief|programme|program|former|formerly|currently|based|also|now|author|correspondent|reporter|journalist|columnist|fellow|analyst|researcher|partner|member|one)\b|was\s+(?:a|an|the|formerly|previously|until)\b|teaches\b|works\s+(?:as|at|for|on)\b|has\s+(?:reported|written|worked|covered|served|been|spent|taught|advised)\b|leads\b|heads\b|directs\b|served\b|serves\b|writes\s+(?:on|about|for)\b|covers\b|specialises\b|specializes\b|lectures\b|chairs\b|researches\b|edits\b|runs\b";

/// What follows an author's name in their bio, when the copy names them as an author elsewhere.
const BIO_VERBS_KNOWN: &str = r"(?:is|was|has|had|teaches|works|worked|leads|heads|directs|served|serves|writes|wrote|covers|covered|specialises|specializes|lectures|chairs|researches|edits|runs|lives|holds|founded|co-founded|joined|reports|reported|studied|taught|advises|advised|farms|owns|manages|practises|practices|coaches|represents|campaigns|volunteers|spent|spends|coordinates|co-ordinates|oversees|convenes|curates|organises|organizes)\b";

/// "About the author", "About the reviewer": a label naming the writer's part, over their bio.
const ABOUT_WRITER: &str = r"about the (?:authors?|writers?|contributors?|reviewers?|critics?|columnists?)|about this author";

/// A bio's opening: the name, then perhaps a handle in brackets or an apposition between commas
/// ("Jane Roe, a former ambassador to Japan, is…"), or their age between commas ("Lewis Roe, 19,
/// works …"), then the verb.
static BIO_START: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?i:{ABOUT_WRITER}|tagline|bio)\s*[:.–—\-]?\s*)?(?P<name>{})\s*(?:\([^)]*\)\s*)?(?:,\s*(?:a|an|the)\s[^,]{{1,80}},\s*|,\s*(?:aged\s+)?\d{{1,3}},\s*|,\s*(?:PhD|Ph\.D\.|DPhil|MD|MBA|MSc|MA|OBE|MBE|CBE|KC|QC|FRS)\.?,\s*|,\s*)?(?P<verb>{BIO_VERBS_KNOWN})",
        name_pattern()
    ))
});
static BIO_STRICT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^(?:{BIO_VERBS_STRICT})")));
/// "The author is a media lawyer…": a bio that does not name its writer.
static UNNAMED_BIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:about the (?:author|reviewer)\s*[:.–—\-]?\s*)?the (?:author|writer|columnist|reviewer))\s+(?:is|was|has|teaches|works|leads|heads)\b",
    )
});
static BIO_BOX_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\s*(?:(?i:(?:view|see|read)\s+all\s+(?:posts|articles|stories|pieces)\s+by|more\s+(?:posts|articles)\s+by)\s+.{1,60}|(?i:more\s+(?:posts|articles|stories)?\s*(?:from|by)\s+this\s+(?:author|writer|contributor)))$",
    )
});
/// "—Pavel Novák" or "-- Kadri Tamm, Tallinn University…": a signature closing the copy.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:--|—|–|-)\s*(?P<name>{})(?P<rest>.*)$",
        name_pattern()
    ))
});
/// "HEADLINE:", "Standfirst:", "BYLINE:": a submission form's labelled fields.
/// "Suggested tags:", "Proposed headline:": a writer offering a field's value to the desk
/// qualifies its label; the qualifier is the label's, not the end of the field before it.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|\s)(?:(?i:suggested|proposed|preferred|working)\s+)?(?P<label>(?i:headline|hed|title|standfirst|subtitle|subheading|sub|dek|deck|summary|byline|authors?|author\(s\)|affiliations?|affiliation\(s\)|organi[sz]ations?|institutions?|words|word count|length|section|category|tags|topics|keywords|e-?mails?|e-?mail\(s\)|bios?|author bios?|biography|biographies|text|body|images|photos|pictures|conflicts of interest|competing interests|declarations))\s*:\s*",
    )
});

/// One author as a byline names them, with what followed their name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Named {
    pub(super) name: String,
    pub(super) affiliation: Option<String>,
}

/// The name as the desk files it: titles left out, capitals as a name is written, no roles at
/// its end ("Kadri Tamm Researcher" is Kadri Tamm).
pub(super) fn tidy_name(name: &str) -> String {
    let name = one_line(name.trim_end_matches(['.', ',', ';', ':']));
    let name = TITLES.replace(&name, "").into_owned();
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2 && words.last().is_some_and(|w| not_a_person_word(w)) {
        words.pop();
    }
    let name = words.join(" ");
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    // "MARTINA HORVÁTHOVÁ" → "Martina Horváthová", hyphens and apostrophes kept.
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = c.is_whitespace() || c == '-' || c == '\'' || c == '’';
    }
    out
}

/// Words of a job title: "Senior Researcher", "Press Officer", "Associate Professor".
const ROLES: &str = "fellow senior professor director editor correspondent researcher analyst \
lecturer head chair president founder journalist reporter columnist economist adviser advisor \
minister ambassador member associate contributor writer author officer manager coordinator co-ordinator \
envoy secretary counsellor counselor consultant specialist scholar scientist lawyer partner \
chief deputy assistant executive spokesperson spokesman spokeswoman ceo cfo coo cto \
chairman chairwoman chairperson councillor cllr mep mp leader planner accountant solicitor barrister \
architect physician pharmacist therapist psychologist historian curator campaigner practitioner";

pub(super) fn is_role_word(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "Director-General", "Editor-in-Chief": a title joined by hyphens is a title.
    ROLES.split_whitespace().any(|k| k == w)
        || (w.contains('-')
            && w.split('-')
                .any(|part| ROLES.split_whitespace().any(|k| k == part)))
}

fn not_a_person_word(w: &str) -> bool {
    let w = w.to_lowercase();
    NOT_A_PERSON.split_whitespace().any(|k| k == w)
}

/// A name alone on its line, as a writer signs the end of a piece: "Rahel Mekonnen".
pub(super) fn is_lone_name(text: &str) -> bool {
    let text = text.trim();
    (2..=5).contains(&text.split_whitespace().count()) && is_person(text)
}

/// A personal name, not a role or an institution ("Senior Fellow", "Carnegie Europe").
pub(super) fn is_person(s: &str) -> bool {
    let s = s.trim();
    // "Professor Marcus Lyle": a title before the name is no role word in it.
    PERSON.is_match(s)
        && !TITLES
            .replace(s, "")
            .split_whitespace()
            .any(not_a_person_word)
}

pub(super) use crate::import::contact::find_email;

/// "Posted by Clara Whitfield": who put the piece on the page.
static POSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:posted|published|uploaded)\s+(?i:by)\s+(?P<name>{})\s*(?:[|·•,–—\-].*|\s+(?i:on|at)\s.*)?$",
        name_pattern()
    ))
});

/// "Posted on 22 August 2024 by NAME · 9 min read": a blog's line giving the date, then its
/// writer (as a blog theme prints the post's author), not only who put it on the page; "… by Dr
/// A and Dr B": its writers; "Posted on by NAME", its date a page part the page reader took out.
static POSTED_ON_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:posted|published)\s+(?i:on)(?:\s+[^·|•]{{3,40}}?)?\s+(?i:by)\s+(?P<name>{})\s*(?:[|·•,–—\-].*)?$",
        names_pattern()
    ))
});

pub(super) fn posted_on_by(text: &str) -> Option<String> {
    let caps = POSTED_ON_BY.captures(text.trim())?;
    Some(tidy_name(caps.name("name")?.as_str()))
}

pub(super) fn posted_by(text: &str) -> Option<String> {
    let caps = POSTED_BY.captures(text.trim())?;
    Some(tidy_name(caps.name("name")?.as_str()))
}

/// "Arben Krasniqi Mar 21, 2024": a month and a day after a name.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d")
});

/// A name followed by a job title without a comma: "Nomvula Dlamini Senior Researcher".
fn name_and_role(part: &str) -> Option<(String, String)> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let name_len = words.iter().position(|w| is_role_word(w))?;
    let name = words[..name_len].join(" ");
    (name_len >= 2 && is_person(&name)).then(|| (tidy_name(&name), words[name_len..].join(" ")))
}

/// The authors a standfirst names: "…, writes Jane Roe.", "Olena Petrenko reports from Kyiv.",
/// "Rasmus Holm argues that…".
pub(super) fn standfirst_authors(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    let caps = WRITES_NAMES
        .captures(text)
        .or_else(|| NAMES_WRITE.captures(text))
        .or_else(|| NAMES_ARGUE_THAT.captures(text))?;
    let names = split_names(caps.name("names")?.as_str());
    names.iter().all(|n| is_person(n)).then_some(names)
}

/// "A, B and C" into its names, in order, tidied.
pub(super) fn split_names(s: &str) -> Vec<String> {
    NAME_SEPARATOR
        .split(s.trim())
        .map(tidy_name)
        .filter(|n| !n.is_empty())
        .collect()
}

/// The name a bio paragraph starts with, if it reads as a bio of `known` (folded names of the
/// authors found elsewhere) — or, for a name not among them, with a bio's typical wording.
pub(super) fn bio_subject(text: &str, known: &[String]) -> Option<String> {
    if text.split_whitespace().count() > 150 {
        return None;
    }
    let text = unbracketed(text);
    // "Bethan is the director of Voices for Maternity.", "Tessa started Long Furrow in 2017": an
    // author card naming its writer by the first name alone, one writer's only.
    // "Kwame was more forgiving." in a joint review's copy names a writer but says nothing of
    // who they are: the verb and what follows it must be a bio's ("is a lecturer", "leads").
    // "Priya is the one who ordered the octopus" names no post anywhere: a card's bio names
    // where (a capitalised name after the verb, in its first sentence).
    let names_where = |after: &str| {
        let first_sentence = after.split(". ").next().unwrap_or(after);
        first_sentence.split_whitespace().skip(1).any(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
        })
    };
    if let Some(c) = FIRST_NAME_BIO.captures(text)
        && let Some(verb) = c.name("verb")
        && (BIO_STRICT.is_match(&text[verb.start()..]) || c.name("post").is_some())
        && names_where(&text[verb.start()..])
    {
        let first = fold(&c["first"]);
        let mut writers = known
            .iter()
            .filter(|k| k.split_whitespace().next() == Some(first.as_str()));
        if let (Some(writer), None) = (writers.next(), writers.next()) {
            return Some(writer.clone());
        }
    }
    // "Dr Mbugua is a consultant obstetrician at …": a writer named by title and surname, as a
    // paper sets the bio under a piece; the writer whose surname it is, one writer's only.
    if let Some(c) = SURNAME_BIO.captures(text)
        && let Some(verb) = c.name("verb")
        && BIO_STRICT.is_match(&text[verb.start()..])
    {
        let last = fold(&c["last"]);
        let mut writers = known
            .iter()
            .filter(|k| k.split_whitespace().last() == Some(last.as_str()));
        if let (Some(writer), None) = (writers.next(), writers.next()) {
            return Some(writer.clone());
        }
    }
    let caps = BIO_START.captures(text)?;
    let name = tidy_name(caps.name("name")?.as_str());
    if known.contains(&fold(&name)) {
        return Some(name);
    }
    let verb_at = caps.name("verb")?.start();
    BIO_STRICT.is_match(&text[verb_at..]).then_some(name)
}

/// "Dr Khan is a consultant psychiatrist at …": a bio naming its subject by title and surname
/// alone, which in the copy introduces a source as often as it closes a piece with its writer's
/// bio: taken as a bio only where bios stand.
pub(super) fn names_by_title_and_surname(text: &str) -> bool {
    SURNAME_BIO.is_match(unbracketed(text))
}

/// A title and a surname alone, then a verb a bio opens with.
static SURNAME_BIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Miss)\.?\s+(?P<last>\p{Lu}[\p{L}'’\-]+)\s+(?P<verb>is\s|was\s|has\s|leads\s|works\s|teaches\s|heads\s|directs\s|runs\s)",
    )
});

/// A first name alone, then a verb a bio opens with.
static FIRST_NAME_BIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<first>\p{Lu}[\p{L}'’\-]+)\s+(?P<verb>is\s|(?P<post>leads|started|founded|co-founded|runs|coordinates|directs|chairs|heads|manages|joined)\s)",
    )
});

/// "(Jane Roe is …)", "[Jane Roe is …]", or in plain text "*Jane Roe is …*": a bio set apart in
/// brackets or emphasis marks, without them.
fn unbracketed(text: &str) -> &str {
    let text = text.trim();
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = text
            .strip_prefix(mark)
            .and_then(|t| t.strip_suffix(mark))
            .filter(|inner| !inner.contains(mark))
        {
            return unbracketed(inner);
        }
    }
    match (text.chars().next(), text.chars().last()) {
        (Some('('), Some(')')) | (Some('['), Some(']')) => text[1..text.len() - 1].trim(),
        _ => text,
    }
}

/// "About the author:" labelling a bio on its own line.
static BIO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:{ABOUT_WRITER}|author'?s? bio(?:graphy)?|bio(?:graphy)?|tagline)\s*[:.–—\-]\s+",
    ))
});
/// "… Contact: m.lindgren@…" closing a bio: the author's address, not their bio.
static BIO_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\s*(?i:contact|e-?mail|email|tel|phone|twitter|bluesky|web(?:site)?)\s*:\s*\S.*$")
});

/// A bio paragraph's text without its label ("About the author:"), the author box's own links
/// ("View all posts by …") and a contact line run into it ("Contact: …").
pub(super) fn bio_text(text: &str) -> String {
    let text = unbracketed(text);
    let text = BIO_LABEL.replace(text, "");
    let text = BIO_BOX_LINK.replace(&text, "");
    let text = match BIO_CONTACT.find(&text) {
        Some(m)
            if has_contact(m.as_str())
                && m.start() > 0
                && m.as_str().split_whitespace().count() <= 16 =>
        {
            &text[..m.start()]
        }
        _ => &text,
    };
    // "… Casa Para Quem Cá Vive. The views expressed are her own.": the paper's disclaimer
    // closing the bio is no part of it.
    let text = OWN_VIEWS.replace(text.trim(), "");
    // "… distributional policy. anna@ibs.example": an address on the line under the bio.
    let text = BIO_ADDRESS.replace(text.trim(), "$end");
    text.trim().to_string()
}

/// An e-mail address alone after the bio's last sentence.
static BIO_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<end>[.!?])\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"));

static OWN_VIEWS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|\s+)(?:the\s+)?(?:views|opinions)\s+(?:expressed\s+)?(?:here\s+|in\s+this\s+\w+\s+)?(?:are|is)\s+(?:his|her|their|my|the\s+author['’]?s?['’]?)\s+own\.?$",
    )
});

pub(super) fn is_unnamed_bio(text: &str) -> bool {
    text.split_whitespace().count() <= 150 && UNNAMED_BIO.is_match(unbracketed(text))
}

/// A signature line: the name it signs, and an address in it.
pub(super) fn signature(text: &str) -> Option<(String, Option<String>)> {
    if text.split_whitespace().count() > 40 {
        return None;
    }
    let caps = SIGNATURE.captures(text.trim())?;
    let name = tidy_name(caps.name("name")?.as_str());
    Some((name, find_email(text)))
}

/// A submission form's fields ("HEADLINE: …", "BYLINE: …"), when the text starts with one.
/// One paragraph's labelled fields, however many ("SECTION: World" alone is one). Labels are
/// lower case, "(s)" written as "s": "AUTHOR(S)" is "authors".
pub(super) fn labelled(text: &str) -> Option<Vec<(String, String)>> {
    let starts: Vec<_> = LABEL.captures_iter(text).collect();
    let first = starts.first()?.get(0)?;
    if text[..first.start()].trim() != "" {
        return None;
    }
    let mut fields = Vec::new();
    for (i, caps) in starts.iter().enumerate() {
        let (Some(label), Some(whole)) = (caps.name("label"), caps.get(0)) else {
            continue;
        };
        let end = starts
            .get(i + 1)
            .and_then(|c| c.get(0))
            .map_or(text.len(), |m| m.start());
        let value = without_field_separator(&one_line(&text[whole.end()..end]));
        let label = label.as_str().to_lowercase().replace("(s)", "s");
        // "TOPICS: Energy security; Baltic states": the piece's tags by another name.
        let label = if label == "topics" {
            "tags".to_string()
        } else {
            label
        };
        fields.push((label, value));
    }
    Some(fields)
}

/// "Schools |" in "SLUG: … | SECTION: Schools | FOR: …": fields on one line parted by bars or
/// dots; the mark before the next label is no part of the value.
pub(super) fn without_field_separator(value: &str) -> String {
    value
        .trim_end_matches(|c: char| matches!(c, '|' | '·' | '•' | ';') || c.is_whitespace())
        .to_string()
}

mod affiliation;
mod byline;
use self::affiliation::is_place;
pub(super) use self::affiliation::{
    affiliation_in_bio, is_institution_word, is_organisation_kind, is_unit, names_institution,
    short_for, without_job_titles, without_trailing_place,
};
pub(super) use self::byline::{bare_byline, byline, card_bio};

#[cfg(test)]
mod tests;
