//! Affiliations: the institution a bio or a byline names, without job titles, towns or seats.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_role_word, re};
use crate::text::fold;

/// An institution a bio names its subject's place at ("a senior economist at the Danube Fiscal
/// Forum, where…", "chairs the …", "adviser to the …"): capitalised words joined by "of", "for",
/// "and", with a word such as Institute, University, Forum or Centre among them.
/// The small words inside an institution's name are those of its language too ("Fundación Agua
/// y Territorio", "Institut für Wirtschaft und Energie"): "Centro de Estudios Regionales", "Istituto
/// per il Diritto Digitale", "Zentrum für Osteuropastudien"; French names run on in small words
/// after "d'" ("Institut d'études urbaines européennes").
static INSTITUTION_IN_BIO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:at|with|of|for|from|in|to|chairs|heads|leads|runs|directs|advises|joined|has\s+(?:led|chaired|headed|run|directed))\s+(?:the\s+)?(?P<org>\p{Lu}[\p{L}\p{M}'’&\-]*(?:\s+(?:(?:of|for|and|y|e|i|et|und|en|on|the|de|del|della|delle|degli|dei|gli|di|des|du|da|do|dos|la|le|per|il|für|zur|zum|voor|för|&)\s+)*\p{Lu}[\p{L}\p{M}'’&\-]*|\s+d['’]\p{L}[\p{L}\p{M}]*(?:\s+\p{Ll}[\p{L}\p{M}]*)*)*)",
    )
});

/// "a researcher with the Freetown Health Equity Project", "leads the Marshall Project": a
/// project is an employer when the bio says the writer works there; "a history of the Manhattan
/// Project" names a subject, not a post, so "project" is no institution word.
fn project_worked_at(before: &str, org: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix("the").unwrap_or(before);
    // "at", "with", "for" say where someone works only after their post or a verb of work ("a
    // researcher with the …", "works for the …"): "his exhibition for the Eden Project" does not.
    let post_at = POST_AT.captures(before).is_some_and(|c| {
        let word = &c["word"];
        is_role_word(word) || WORK_VERB.is_match(word)
    });
    org.split_whitespace().count() >= 2
        && org.split_whitespace().last() == Some("Project")
        && (post_at || POST_BEFORE.is_match(before))
}

/// A verb leading a post ("joined the …"), ending before the organisation's name.
static POST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:joined|leads|heads|runs|directs|coordinates|co-ordinates)\s*$"));

/// "researcher with", "works for": the word before "at", "with" or "for".
static POST_AT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<word>[\p{L}-]+)\s+(?:at|with|for)\s*$"));

static WORK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:works|worked|working|volunteers|volunteered|volunteering|teaches|taught)$")
});

/// " district", " constituency": a seat named after a member's institution.
static SEAT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?i:district|constituency|ward|riding|electorate)\b"));

/// " – University Institute of Lisbon": a dash, then a name in capitals with its small words.
static ACRONYM_DASH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+[–—-]\s+(?P<name>\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:(?:of|for|and|the|de|da|do|di|des|du|la|le)\s+)*\p{Lu}[\p{L}\p{M}'’\-]*)*)",
    )
});

pub(in crate::import::recognise) fn affiliation_in_bio(bio: &str) -> Option<String> {
    // "the European Parliament for Belgium": the seat it is for is no part of the institution.
    let without_seat = |org: &str| -> String {
        match org.rsplit_once(" for ").or_else(|| org.rsplit_once(" in ")) {
            Some((name, place)) if is_place(place) && names_institution(name) => name.to_string(),
            _ => org.to_string(),
        }
    };
    // "… and a former economist at the European Central Bank": a past post is not the present
    // affiliation.
    let former = |at: usize| {
        let before = &bio[..at];
        let clause = [", ", "; ", " and "]
            .iter()
            .filter_map(|sep| before.rfind(sep).map(|i| i + sep.len()))
            .max()
            .map_or(before, |i| &before[i..]);
        FORMER.is_match(clause)
    };
    let mut found: Vec<(usize, String)> = INSTITUTION_IN_BIO
        .captures_iter(bio)
        .filter_map(|c| {
            let m = c.name("org")?;
            // "the Digital Governance Lab, University College Wexford": the university a lab
            // belongs to.
            // "the Wuppertal Institute for Climate, Environment and Energy": a list of what an
            // institution is for runs on after a comma to its "and".
            let listed = LIST_IN_NAME
                .find(&bio[m.end()..])
                .filter(|_| m.as_str().contains(" for ") || m.as_str().contains(" of "))
                .map_or(m.end(), |l| m.end() + l.end());
            // "at ISCTE – University Institute of Lisbon": a short name in capitals, a dash and
            // the full name are one institution's name.
            let listed = ACRONYM_DASH_NAME
                .captures(&bio[m.end()..])
                .filter(|_| is_acronym(m.as_str()))
                .and_then(|c| c.name("name"))
                .filter(|n| n.as_str().split_whitespace().any(is_institution_word))
                .map_or(listed, |n| m.end() + n.end());
            let org = UNIVERSITY_AFTER
                .captures(&bio[m.end()..])
                .and_then(|u| u.name("uni"))
                .map_or(&bio[m.start()..listed], |u| u.as_str());
            // "at Sciences Po in Paris", "at Fair Harvest Europe, based in Seville": a name
            // someone works at, in a city, is an institution whatever its words.
            let at_in_city = bio[..m.start()].trim_end().ends_with(" at")
                && IN_CITY
                    .captures(&bio[m.end()..])
                    .is_some_and(|c| is_place(&c[1]));
            // "the Zagreb City Assembly for the Trešnjevka district": the seat is the
            // member's, not the institution's name.
            let org = match org.rsplit_once(" for ") {
                Some((name, _)) if SEAT_AFTER.is_match(&bio[m.end()..]) => name,
                _ => org,
            };
            Some((m.start(), without_seat(&french_name_alone(org)), at_in_city))
        })
        .filter(|(at, org, at_in_city)| {
            *at_in_city
                || org.split_whitespace().any(is_institution_word)
                || short_name_and_town(org)
                || project_worked_at(&bio[..*at], org)
        })
        .map(|(at, org, _)| (at, org))
        .collect();
    // "the pensions consultancy Altmark Partners", "Herstelnet, a network of …": an
    // organisation the bio says what kind it is.
    for pattern in [
        &*KIND_THEN_NAME,
        &*NAME_THEN_KIND,
        &*NAME_BEFORE_KIND,
        &*PAPERS_OWN,
    ] {
        found.extend(
            pattern
                .captures_iter(bio)
                .filter_map(|c| c.name("org").map(|m| (m.start(), m.as_str().to_string()))),
        );
    }
    // "the Lisbon-based think tank …": where it is based, not what it is; "is Germany’s leading
    // commentator": a country's, not an employer's.
    found.retain(|(_, org)| {
        !org.ends_with("-based") && !is_place(org) && !REGIONS.contains(&org.as_str())
    });
    found.sort_by_key(|(at, _)| *at);
    // "Director of the Centre for Enlargement Studies at the Kraków Institute for European
    // Affairs": a name followed by "at" another is a part of that one (or a post held there).
    let part_of_next: Vec<usize> = INSTITUTION_IN_BIO
        .captures_iter(bio)
        .filter_map(|c| c.name("org"))
        .filter(|m| AT_ANOTHER.is_match(&bio[m.end()..]))
        .map(|m| m.start())
        .collect();
    let present: Vec<&String> = found
        .iter()
        .filter(|(at, _)| !former(*at))
        .filter(|(at, _)| !part_of_next.contains(at) || found.iter().all(|(other, _)| other <= at))
        .map(|(_, org)| org)
        .collect();
    // Only a former post named with an institution word ("… and a former coastal engineer with
    // Wrenfield Borough Council"): a present post at a name no such word marks ("a senior fellow
    // at Coastline Futures") is the affiliation first.
    if present.is_empty()
        && let Some(org) = organisation_run_or_led(bio)
        && !found.iter().any(|(_, f)| *f == org)
    {
        return Some(org);
    }
    let orgs = if present.is_empty() {
        found.iter().map(|(_, org)| org).collect()
    } else {
        present
    };
    // "the Laboratory of Hydraulics, … at ETH Zurich": a part named first ("Laboratory of …",
    // "School of …") belongs to the institution named after it.
    let unit = |org: &&String| {
        org.split_whitespace()
            .any(|w| UNITS.split_whitespace().any(|u| u == w.to_lowercase()))
            || org.split_whitespace().next().is_some_and(|w| {
                UNITS_FIRST
                    .split_whitespace()
                    .any(|u| u == w.to_lowercase())
            })
    };
    orgs.iter()
        .find(|org| !unit(org))
        .or(orgs.first())
        .map(|org| without_trailing_place(org))
        .or_else(|| organisation_run_or_led(bio))
}

/// "is chief executive of Hearthstone Kelsworth, which …", "is junior coordinator at Sedgeford
/// Cricket Club", "runs Pale Hill Press", "co-own Fenn & Adeyemi Books": a post at an
/// organisation, or the running of one, whose name no institution word marks. Read only when the
/// bio names no institution; the name is two capitalised words or more, so that a subject
/// ("professor of Law") or a place is not taken for it.
fn organisation_run_or_led(bio: &str) -> Option<String> {
    POST_OR_RUNNING
        .captures_iter(bio)
        .filter(|c| {
            c.name("verb").is_some()
                || c.name("role")
                    .is_some_and(|r| holds_post(r.as_str(), &c["prep"]))
        })
        // "a freelance writer and former editor of Country Walking magazine": a past post.
        .filter(|c| c.name("role").is_none_or(|r| !FORMER.is_match(r.as_str())))
        .filter_map(|c| c.name("org"))
        .filter(|org| !AT_ANOTHER.is_match(&bio[org.end()..]))
        .map(|org| org.as_str().trim_end_matches(['’', '\'']).to_string())
        .find(|org| {
            let words: Vec<&str> = org.split_whitespace().collect();
            words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                >= 2
                && !is_place(org)
                && !words.iter().any(|w| {
                    NOT_AN_ORGANISATION
                        .split_whitespace()
                        .any(|n| n == w.to_lowercase())
                })
        })
}

/// A post that names where it is held: any job title before "at" ("junior coordinator at"); before
/// "of", only a post that leads or serves an organisation ("director of", "chair of", "secretary
/// of"), not an academic one ("professor of Modern History" names a subject).
fn holds_post(role: &str, prep: &str) -> bool {
    let last = role.split_whitespace().last().unwrap_or("");
    let last = last.rsplit('-').next().unwrap_or(last);
    match prep {
        "at" => role
            .split_whitespace()
            .any(|w| is_role_word(w.rsplit('-').next().unwrap_or(w))),
        _ => LEADING_POSTS
            .split_whitespace()
            .any(|p| p == last.to_lowercase()),
    }
}

/// Posts that lead or serve an organisation, as the last word before "of" ("chief executive of").
const LEADING_POSTS: &str = "director directors chair chairman chairwoman chairperson president \
executive founder founders head secretary coordinator organiser organizer manager treasurer \
trustee trustees captain convenor convener editor owner owners leader member members officer";

/// Words that say a capitalised name is a committee, a subject or a programme, not an
/// organisation someone is from.
const NOT_AN_ORGANISATION: &str = "committee committees studies history law literature science \
sciences programme program";

/// A post (up to five words, inside its clause) then "of"/"at" and a capitalised name, or a verb of
/// running an organisation and the name.
static POST_OR_RUNNING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?P<role>[\p{L}\-]+(?:\s+(?:of\s+)?[\p{L}\-]+){0,4})\s+(?P<prep>of|at)|\b(?P<verb>runs|run|co-owns|co-own|owns|own|coordinates|coordinate|chairs|heads|leads|directs|manages|founded|co-founded|set\s+up))\s+(?:the\s+)?(?P<org>\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*\p{Lu}[\p{L}\p{M}'’\-]*)*)",
    )
});

/// "Institut d'études urbaines européennes in Paris": the small words after "d'" are the name's
/// until an English word of the sentence goes on.
fn french_name_alone(org: &str) -> String {
    if !(org.contains(" d'") || org.contains(" d’")) {
        return org.to_string();
    }
    let words: Vec<&str> = org.split_whitespace().collect();
    let end = words
        .iter()
        .position(|w| {
            matches!(
                *w,
                "in" | "and" | "at" | "where" | "who" | "which" | "since" | "with" | "on" | "for"
            )
        })
        .unwrap_or(words.len());
    words[..end].join(" ")
}

/// "KU Leuven", "ETH Zurich": a university's short name and its town.
fn short_name_and_town(org: &str) -> bool {
    let words: Vec<&str> = org.split_whitespace().collect();
    words.len() == 2 && is_acronym(words[0]) && words[0].chars().all(char::is_uppercase)
}

static FORMER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:former|formerly|previously|ex-|once|until \d{4})"));

static UNIVERSITY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,\s+(?:the\s+)?(?P<uni>(?i:univers|uniwers|univerz)\p{L}*(?:\s+(?:of|de|di|du|für|the|College|\p{Lu}[\p{L}\p{M}'’\-]*))*|\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*)*\s+(?i:university|universität|université|universidad|universidade|università|universiteit|universitet))",
    )
});

/// Kinds of organisation a bio names before or after its name.
const KINDS: &str = r"press|publisher|publishing house|network|charity|consultancy|firm|company|organisation|organization|ngo|co-?operative|collective|platform|start-?up|agency|think tank|newsroom|magazine";

/// "a board member of the Football Supporters Europe network", "advises the Eurocities network":
/// a name, then its kind in small letters.
static NAME_BEFORE_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:at|of|with|for|to|advises|joined)\s+the\s+(?P<org>\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*){{0,4}})\s+(?:{KINDS})\b"
    ))
});

/// "the Frankfurt pensions consultancy Altmark Partners".
static KIND_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:at|of|with|for|founded)\s+(?:the\s+|an?\s+)?(?:[\p{{L}}\-]+\s+){{0,3}}?(?i:{KINDS})\s+(?P<org>\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*(?:\s+(?:(?:de|del|da|do|di|du|des|la|le|y|e|et|und|&)\s+)?\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*){{0,4}})"
    ))
});

/// "charity", "network", "consultancy": a word naming a kind of organisation, as a bio calls one.
pub(in crate::import::recognise) fn is_organisation_kind(word: &str) -> bool {
    let word = word.to_lowercase();
    KINDS.split('|').any(|k| k == word)
}

/// "IEPA" for the Institute for European Policy Analysis (its capitals), "Courier" for The
/// Midlands Courier (its last word): a short name for an organisation.
pub(in crate::import::recognise) fn short_for(short: &str, full: &str) -> bool {
    let short = short.trim();
    let words: Vec<&str> = full.split_whitespace().collect();
    let capitals: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    let capitals_without_the: String = words
        .iter()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    words.len() >= 2
        && ((is_acronym(short) && (short == capitals || short == capitals_without_the))
            || (!short.contains(' ')
                && short.chars().next().is_some_and(char::is_uppercase)
                && words.last().is_some_and(|w| *w == short)))
}

/// " at the Kraków Institute …", " at ETH Zurich": another institution named right after one.
static AT_ANOTHER: LazyLock<Regex> = LazyLock::new(|| re(r"^,?\s+at\s+(?:the\s+)?\p{Lu}"));

/// Places a possessive may name that are no employer.
const REGIONS: [&str; 6] = ["Europe", "EU", "Africa", "Asia", "America", "Britain"];

/// " in Paris", ", based in Seville": the city an institution named just before is in.
static IN_CITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\s+|,\s+)(?:based\s+)?in\s+(\p{Lu}[\p{L}\p{M}\-]+)\b"));

/// "is The Meridian's Southern Europe correspondent", "is Euro Dispatch’s Iberia correspondent":
/// a paper's own staff, named by the paper's possessive.
static PAPERS_OWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:is|was|as)\s+(?:the\s+)?(?P<org>(?:The\s+)?\p{Lu}[\p{L}\p{M}&.\-]*(?:\s+\p{Lu}[\p{L}\p{M}&.\-]*){0,3})['’]s?\s+(?:[\p{L}\-]+\s+){0,3}?(?i:correspondent|editor|reporter|columnist|writer|critic|journalist|commentator|analyst)s?\b",
    )
});

/// "co-founder of Éditions du Phare, an independent press".
static NAME_THEN_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:at|of|with|for)\s+(?:the\s+)?(?P<org>\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*(?:\s+(?:(?:du|de|des|la|le|of|for|and|the|van|von|der|für)\s+)?\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]*)*),\s+(?:an?|the)\s+(?:[\p{{L}}\-]+\s+){{0,3}}?(?i:{KINDS})\b"
    ))
});

/// Words naming an institution, as an affiliation has them.
const INSTITUTIONS: &str = "university universität université universidad universidade \
università universiteit universitet uniwersytet univerzita instituto istituto institutet zentrum \
centrum centro fundación fundação fondazione fundacja akademie hochschule \
college school institute institut institution centre center forum foundation fondation stiftung \
ministry council agency academy observatory commission parliament assembly bank fund association society \
trust network tank embassy government authority court federation chamber chambers union \
laboratory lab company corporation alliance coalition group partnership initiative hospital \
clinic museum museums gallery galleries library libraries archive archives orchestra opera \
universities institutes foundations centres centers hospitals liceo lycée gymnasium politecnico \
polytechnic akademy akademia academia utilities ltd limited plc llp gmbh";
/// Institution words that name a part of an institution, or a state: an affiliation only when
/// nothing better is named ("Department of Government at Harrowgate University" is the university).
const UNITS: &str = "department faculty programme program government";
/// Institution words that name a part of one when they open its name ("Laboratory of Hydraulics",
/// "School of Economics and Business Administration"), not when they close it ("London School of
/// Economics" opens with its town, "Cork Energy Systems Lab" with its own name).
const UNITS_FIRST: &str = "laboratory lab school chair unit division";

/// ", Environment and Energy": the rest of a list in an institution's name, to its "and".
static LIST_IN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:,\s+\p{Lu}[\p{L}\p{M}'’\-]*)+,?\s+(?:and|&)\s+\p{Lu}[\p{L}\p{M}'’\-]*")
});

pub(in crate::import::recognise) fn is_institution_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "University’s": the possessive is no part of the word.
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(&w);
    // "Öko-Institut", "Max-Planck-Institut": a name joined to its institution word by hyphens.
    let joined = w
        .rsplit_once('-')
        .filter(|(name, _)| !name.is_empty())
        .map(|(_, last)| last)
        .filter(|_| is_capitalised_compound(word));
    INSTITUTIONS
        .split_whitespace()
        .any(|k| k == w || joined == Some(k))
}

/// A hyphenated name, each part capitalised ("Öko-Institut"), not a compound of common words
/// ("non-university", "think-tank").
fn is_capitalised_compound(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.contains('-')
        && word
            .split('-')
            .all(|part| part.chars().next().is_some_and(char::is_uppercase))
}

/// An affiliation's parts that are not job titles: "Chief Medical Officer, Nordic Health Access
/// Alliance" is the alliance; a part is a job title when it names a role and no institution.
pub(in crate::import::recognise) fn without_job_titles(affiliation: &str) -> Option<String> {
    // "Cabinet Member for Heritage, Culture and Leisure": a portfolio's list runs on after the
    // role's "for", its parts no organisation.
    let mut in_portfolio = false;
    let kept: Vec<&str> = affiliation
        .split(',')
        .map(str::trim)
        .map(institution_after_role)
        .filter(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            let role = words.iter().any(|w| is_role_word(w));
            let institution = words.iter().any(|w| is_institution_word(w));
            if role && !institution {
                in_portfolio = words.contains(&"for");
                return false;
            }
            if in_portfolio && !institution && words.len() <= 3 {
                return false;
            }
            in_portfolio = false;
            !part.is_empty()
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// "Member of the European Parliament", "Fellow at the Danube Forum": a role held at an
/// institution is the institution.
fn institution_after_role(part: &str) -> &str {
    let Some(caps) = ROLE_AT.captures(part) else {
        return part;
    };
    match (caps.name("role"), caps.name("org")) {
        (Some(role), Some(org))
            if role.as_str().split_whitespace().any(is_role_word)
                && !role.as_str().split_whitespace().any(is_institution_word)
                && names_institution(org.as_str()) =>
        {
            org.as_str()
        }
        _ => part,
    }
}

static ROLE_AT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<role>[\p{L} \-]{2,60}?)\s+(?:of|at|with)\s+(?:the\s+)?(?P<org>\p{Lu}.*)$")
});

/// An affiliation a desk would print: it names an institution (a university, an institute, a
/// forum), not only a programme or a brand.
pub(in crate::import::recognise) fn names_institution(affiliation: &str) -> bool {
    affiliation.split_whitespace().any(is_institution_word)
}

/// "School of Economics and Business Administration", "Department of Law": a part of an
/// institution, named first.
pub(in crate::import::recognise) fn is_unit(affiliation: &str) -> bool {
    affiliation.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        UNITS
            .split_whitespace()
            .chain(UNITS_FIRST.split_whitespace())
            .any(|u| u == w)
    })
}

/// "Istituto per gli Studi Mediterranei, Palermo": an institution and the town it is in; the
/// town is an address, not part of the affiliation. A part of an institution named before it
/// ("Department of Economics, University of Vienna") goes: the institution is the affiliation.
pub(in crate::import::recognise) fn without_trailing_place(affiliation: &str) -> String {
    // "the Institute for Global Resource Policy’s programme": not its possessive.
    let affiliation = affiliation
        .strip_suffix("’s")
        .or_else(|| affiliation.strip_suffix("'s"))
        .unwrap_or(affiliation);
    // "University of Northhaven’s Centre for European Studies": a university's centre is the
    // university, as an institute of a university is.
    if let Some((owner, _)) = affiliation
        .split_once("’s ")
        .or_else(|| affiliation.split_once("'s "))
        && owner
            .split_whitespace()
            .any(|w| fold(w).starts_with("univers"))
    {
        return owner.trim().to_string();
    }
    // "Institut für Wirtschaft und Energie (IfWE)": the short name in brackets is no part of it.
    // "Central European Governance Institute (Budapest)": nor is its city.
    let affiliation = match ACRONYM_AFTER.captures(affiliation) {
        Some(c) if c[1].chars().filter(|ch| ch.is_uppercase()).count() >= 2 || is_place(&c[1]) => {
            &affiliation[..c.get(0).map_or(affiliation.len(), |m| m.start())]
        }
        _ => affiliation,
    };
    // "School of Economics and Business Administration, University of Tartu": a part named
    // first, then the university it belongs to (a signature's order).
    let parts: Vec<&str> = affiliation.split(", ").map(str::trim).collect();
    if parts.len() >= 2
        && is_unit(parts[0])
        && let Some(uni) = parts[1..]
            .iter()
            .find(|p| p.split_whitespace().any(|w| fold(w).starts_with("univers")))
    {
        return (*uni).to_string();
    }
    // "Aarhus University, Department of Law": the institution, not its department.
    if let Some((org, unit)) = affiliation.split_once(", ")
        && names_institution(org)
        && unit
            .split_whitespace()
            .next()
            .is_some_and(|w| UNITS.split_whitespace().any(|u| u == w.to_lowercase()))
    {
        return org.trim().to_string();
    }
    // "INRAE – Centre Occitanie-Montpellier": the institution, then its site or unit; but
    // "ISCTE – University Institute of Lisbon" is a short name and the full one, a university
    // being no site of anything.
    if let Some((org, after)) = affiliation.split_once(" – ")
        && (is_acronym(org.trim()) || names_institution(org))
        && !after
            .split_whitespace()
            .any(|w| fold(w).starts_with("univers"))
    {
        return org.trim().to_string();
    }
    // "Institute of Social Sciences of the University of Lisbon": an institute of a university
    // is the university, as a lab or a business school is.
    if let Some(at) = affiliation.find(" of the University ")
        && names_institution(&affiliation[..at])
    {
        return affiliation[at + " of the ".len()..].trim().to_string();
    }
    // "Northgate University Business School": the school is part of the university.
    let words: Vec<&str> = affiliation.split_whitespace().collect();
    if let Some(at) = words.iter().position(|w| fold(w) == "university")
        && at > 0
        && at + 1 < words.len()
        && words.last().is_some_and(|w| fold(w) == "school")
    {
        return words[..=at].join(" ");
    }
    let Some((org, tail)) = affiliation.rsplit_once(',') else {
        return affiliation.to_string();
    };
    let tail = tail.trim();
    let words: Vec<&str> = tail.split_whitespace().collect();
    let town = (1..=2).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !names_institution(tail)
        && !tail.chars().any(|c| c.is_ascii_digit());
    if town && names_institution(org) {
        org.trim().to_string()
    } else {
        affiliation.to_string()
    }
}

/// "(IfWE)", "(RMI)": an institution's short name in brackets after its full name.
static ACRONYM_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\((\p{Lu}[\p{L}&.\-]{1,15})\)$"));

/// "INRAE", "CNRS", "LSE", "LSVb", "IfW": an institution's short name, in capitals for the most
/// part.
fn is_acronym(s: &str) -> bool {
    (2..=8).contains(&s.chars().count())
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
        && s.chars().all(|c| c.is_alphabetic() || c == '&')
}

/// European capitals and the cities datelines name most, for telling a place from an employer.
const PLACES: &str = "amsterdam andorra athens belgrade berlin bern bratislava brussels bucharest \
budapest chisinau copenhagen dublin edinburgh helsinki kyiv kiev lisbon ljubljana london \
luxembourg madrid minsk monaco moscow nicosia oslo paris podgorica prague pristina reykjavik riga \
rome sarajevo skopje sofia stockholm tallinn tbilisi tirana vaduz valletta vienna vilnius warsaw \
zagreb yerevan baku ankara istanbul geneva zurich strasbourg luxembourg frankfurt munich hamburg \
milan barcelona brussels lyon marseille rotterdam antwerp krakow gdansk lviv odesa kharkiv \
thessaloniki porto seville naples turin cologne gothenburg tartu kaunas cluj bruges hague \
washington beijing \
albania austria belgium bulgaria croatia cyprus czechia denmark estonia finland france germany \
greece hungary iceland ireland italy kosovo latvia lithuania malta moldova montenegro netherlands \
norway poland portugal romania serbia slovakia slovenia spain sweden switzerland turkey ukraine \
georgia armenia azerbaijan belarus";

pub(super) fn is_place(s: &str) -> bool {
    // Folded: "Chișinău" is chisinau.
    let lower = fold(s);
    !lower.is_empty() && PLACES.split_whitespace().any(|p| p == lower)
}

#[cfg(test)]
mod tests;
