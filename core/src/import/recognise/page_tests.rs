//! Web pages' furniture and author cards, rules learnt from rounds 10 and 11: an ad slot's label
//! between dashes, disclaimers worded for a series, "More commentary", a card's name run into its
//! bio and its job title alone, a content label among the byline lines, a description that
//! repeats the lead with a word changed, the tags a page shows over its keywords.

use super::tests::{doc, names};
use super::*;

const BODY: [&str; 3] = [
    "When the European Union’s reformed fiscal rules entered into force in April 2024, they \
     were presented as a clean break with a framework nobody had trusted for a decade.",
    "The old framework, with its structural deficits and its unobservable output gaps, had \
     become too complicated to enforce and too easy to argue around in any one year.",
    "On the evidence so far, the new framework is heading towards the second.",
];

fn page(head: &[&str], tail: &[&str]) -> Document {
    let lines: Vec<&str> = head.iter().chain(&BODY).chain(tail).copied().collect();
    let mut d = doc(&lines);
    d.format = Format::Html;
    d
}

#[test]
fn page_furniture_worded_in_new_ways() {
    assert!(furniture::is_page_control("- Advertisement -"));
    assert!(furniture::is_notice(
        "Opinions expressed in this section are those of the author and do not necessarily \
         reflect the views of Baltic Ledger."
    ));
    assert!(furniture::is_notice(
        "CELMS Commentaries give the views of the authors, not of CELMS as an institution."
    ));
    assert!(furniture::is_related_header("More commentary"));
    assert!(!furniture::is_related_header("More trains"));
}

#[test]
fn an_author_cards_name_run_into_its_bio_and_its_job_title_alone_are_the_card() {
    let rec = recognise(&page(
        &[
            "Europe’s new fiscal rules are being rewritten",
            "By Matthias Keller and Inês Carvalho",
        ],
        &[
            "Matthias Keller",
            "Senior Research Fellow",
            "Matthias Keller is a senior research fellow at the Centre for European Fiscal Studies.",
            "m.keller@example.org",
            "Inês Carvalho",
            "Research Analyst",
            "Inês Carvalho Inês Carvalho is a research analyst at the Centre for European Fiscal \
             Studies.",
        ],
    ))
    .unwrap();
    assert!(rec.body.ends_with("towards the second."), "{}", rec.body);
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Inês Carvalho is a research analyst at the Centre for European Fiscal Studies.")
    );
}

#[test]
fn a_content_label_among_the_byline_lines_files_the_piece() {
    let rec = recognise(&page(
        &[
            "Europe needs workers",
            "Amira Haddad, Jonas Weber",
            "Commentary",
            "Summary",
        ],
        &[],
    ))
    .unwrap();
    assert_eq!(names(&rec), ["Amira Haddad", "Jonas Weber"]);
    assert_eq!(rec.section.as_deref(), Some("Commentary"));
    assert!(rec.body.starts_with("When the European"), "{}", rec.body);
}

#[test]
fn a_description_repeating_the_lead_with_a_word_changed_is_the_copys_standfirst() {
    let lead = "The reformed framework was supposed to be simpler and more credible. One year \
                in, the escape clause and a wave of optimistic national plans suggest the old \
                habits have survived";
    let mut d = page(
        &["Europe’s new fiscal rules", "By Matthias Keller", lead],
        &[],
    );
    d.meta.standfirst = Some(
        "The reformed framework was supposed to be simpler and more credible. One year in, the \
         escape clause and a wave of optimistic plans suggest the old habits have survived."
            .into(),
    );
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.standfirst, lead);
    assert!(rec.body.starts_with("When the European"), "{}", rec.body);
}

#[test]
fn the_tags_a_page_shows_beat_its_keywords() {
    let html = r#"<html><head><title>Returning objects</title>
        <meta name="keywords" content="restitution, museums, Belgium"></head><body><article>
        <h1>Returning objects is the easy part</h1><p>By Ana Lobo</p>
        <p>Five years ago, restitution of colonial-era objects was still a debate among museum
        directors. Today it is a practice, and the hard questions have moved elsewhere.</p>
        <p>What comes next is slower and less photogenic than a ceremony, and it costs more.</p>
        <footer>Tagged <a href="/t/r" rel="tag">restitution</a>, <a href="/t/m" rel="tag">museums</a>
        </footer></article></body></html>"#;
    let rec = recognise(&crate::import::read("a.html", html.as_bytes()).unwrap()).unwrap();
    assert_eq!(rec.tags, ["restitution", "museums"]);
}
