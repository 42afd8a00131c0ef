//! Rules learnt from rounds 18 and 19: copy-sheet marks, closing lines to the desk, and the other
//! wrappings those rounds showed.

use super::tests::{doc, names};
use super::*;

const COPY: [&str; 3] = [
    "When the bus stopped running to the valley in 2019, the last shop closed a year later and \
     the school followed, because families with children could no longer reach the town.",
    "Regional councils have tried everything from subsidised taxis to volunteer drivers, and \
     none of it has lasted longer than the grant that paid for it.",
    "The lesson is that a village without a way out is a village without a future.",
];

#[test]
fn a_copy_sheets_marks_go_and_what_stands_above_a_start_mark_is_the_wrapping() {
    let mut lines = vec![
        "OP-ED OFFER - FOR PUBLICATION",
        "Dear editor,",
        "Our communications office is pleased to offer you the following piece by Professor \
         Ana Lopes. It is offered exclusively in English; a Spanish version has been offered \
         elsewhere. The author is available for interview.",
        "Word count: 640",
        "---- OP-ED BEGINS ----",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.push("---- OP-ED ENDS ----");
    lines.push("Please consider the environment before printing this e-mail.");
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);

    // Marks around copy whose head stands above them go, the head stays where it is.
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
        "--- COPY STARTS ---",
    ];
    lines.extend(COPY);
    lines.push("--- COPY ENDS ---");
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_bracketed_end_mark_with_notes_to_the_subs_and_a_bracketed_word_count_end_the_copy() {
    for last in [
        "[ENDS - 812 words incl. standfirst] [NB subs: check the 15 GW figure - TR]",
        "[Word count: 718]",
    ] {
        let mut lines = vec![
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
        ];
        lines.extend(COPY);
        lines.push(last);
        let rec = recognise(&doc(&lines)).unwrap();
        assert!(
            rec.body.ends_with("without a future."),
            "{last}: {}",
            rec.body
        );
    }
}
