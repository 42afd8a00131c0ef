//! Rules learnt from rounds 20 and 21: the wrappings and page furniture those rounds showed.

use super::tests::{doc, names};
use super::*;

const COPY: [&str; 3] = [
    "When the bus stopped running to the valley in 2019, the last shop closed a year later and \
     the school followed, because families with children could no longer reach the town.",
    "Regional councils have tried everything from subsidised taxis to volunteer drivers, and \
     none of it has lasted longer than the grant that paid for it.",
    "The lesson is that a village without a way out is a village without a future.",
];

fn with_copy(head: &[&'static str]) -> Vec<&'static str> {
    let mut lines = head.to_vec();
    lines.extend(COPY);
    lines
}

#[test]
fn a_section_the_cover_note_names_files_the_piece() {
    for (sentence, section) in [
        (
            "I think it would sit best in your Society section, but I leave that to you.",
            "Society",
        ),
        (
            "I am writing to offer the piece below for The Courier’s Features section.",
            "Features",
        ),
        (
            "Please find below an op-ed offered for your Opinion pages.",
            "Opinion",
        ),
    ] {
        let lines = with_copy(&[
            "Dear editors,",
            sentence,
            "Best wishes,",
            "Ana",
            "-----",
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
        ]);
        let rec = recognise(&doc(&lines)).unwrap();
        assert_eq!(rec.section.as_deref(), Some(section), "{sentence}");
        assert_eq!(names(&rec), ["Ana Lopes"]);
        assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    }
    // A section named without a capital is no section's name.
    let lines = with_copy(&[
        "Dear editors,",
        "I hope the piece below fits in the right section of the paper.",
        "Best wishes,",
        "Ana",
        "-----",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ]);
    assert_eq!(recognise(&doc(&lines)).unwrap().section, None);
}
