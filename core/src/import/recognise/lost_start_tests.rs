//! The last resort before refusing: a piece a person can see is imported, whatever hid its start.

use super::tests::doc;
use super::*;
use crate::import::BlockKind;

const PIECE: [&str; 6] = [
    "When the bus stopped running to the valley in 2019, the last shop closed a year later and \
     the school followed, because families with children could no longer reach the town.",
    "Regional councils have tried everything from subsidised taxis to volunteer drivers, and \
     none of it has lasted longer than the grant that paid for it, which is the pattern everywhere.",
    "In the Alentejo, a district council bought three minibuses in 2021 and runs them to a \
     timetable that the villages helped to write, with a phone line for the hours between.",
    "Ridership doubled in a year, the school reopened its second class, and the baker who had \
     moved to the coast came back to open a shop on the square.",
    "There is a better way, and it starts with treating a rural bus as a public service rather \
     than a commercial route that happens to lose money every year it runs.",
    "The lesson is that a village without a way out is a village without a future, and that the \
     cost of keeping it connected is far lower than the cost of letting it go.",
];

/// A form's fields exported run together into one paragraph: far too long to be a headline, in
/// a layout no rule knows.
const FIELDS: &str = "Reference: 4471 Received: 3 December Name: Ana Lopes Job title: Senior \
     Fellow Organisation: Rural Transport Institute Phone: +351 200 000 000 Title of the piece: \
     Why Rural Buses Matter Summary: Villages die when the bus stops. A council in the Alentejo \
     shows how to keep them alive. Word count: 650";

#[test]
fn a_piece_under_wrapping_not_met_before_is_imported_from_its_headline() {
    let mut lines = vec![
        FIELDS,
        "Text of the piece:",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(PIECE);
    let d = doc(&lines);
    assert!(recognise_as_sent(&d).is_err(), "the shape this rule is for");
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(tests::names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("letting it go."), "{}", rec.body);
    assert_eq!(rec.dropped[..2], [FIELDS, "Text of the piece:"]);
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.contains("where the piece starts")
                && w.contains("left out the 2 paragraphs above it")),
        "{:?}",
        rec.warnings
    );
}

#[test]
fn a_piece_under_a_forms_fields_takes_the_headline_and_standfirst_they_name() {
    let mut lines = vec![FIELDS, "Text of the piece:"];
    lines.extend(PIECE);
    let d = doc(&lines);
    assert!(recognise_as_sent(&d).is_err(), "the shape this rule is for");
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.headline, "Why Rural Buses Matter");
    assert_eq!(
        rec.standfirst,
        "Villages die when the bus stops. A council in the Alentejo shows how to keep them alive."
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("letting it go."), "{}", rec.body);
    assert!(
        rec.warnings
            .iter()
            .any(|w| w
                .contains("took its headline, “Why Rural Buses Matter”, from a field above it")),
        "{:?}",
        rec.warnings
    );
    // Fields run together that end as a sentence does are still fields, not the piece's prose.
    let ending =
        format!("== Article == {FIELDS} Notes: my first piece for you; I hope it fits the pages.");
    let mut lines = vec![ending.as_str(), "Text of the piece:"];
    lines.extend(PIECE);
    assert_eq!(lost_start::piece_start(&doc(&lines).blocks), Some(2));
}

#[test]
fn a_piece_whose_headline_cannot_be_told_is_imported_with_a_stand_in_named() {
    let fields = "Reference: 4471 Received: 3 December Name: Ana Lopes Organisation: Rural \
                  Transport Institute Phone: +351 200 000 000 Word count: 650 Deadline: Friday \
                  Invoice: yes Photographs: two, attached separately Payment: standard rate for \
                  guest contributors, by bank transfer within thirty days";
    let mut lines = vec![fields, "Text of the piece:"];
    lines.extend(PIECE);
    let d = doc(&lines);
    assert!(recognise_as_sent(&d).is_err(), "the shape this rule is for");
    let rec = recognise(&d).unwrap();
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.starts_with("no headline found") && w.contains("write the headline")),
        "{:?}",
        rec.warnings
    );
}

#[test]
fn a_file_without_a_piece_is_refused_as_before() {
    // A pitch in one paragraph: no run of prose.
    let pitch = "i have been meaning to send you something about the ferry strike and what it \
                 told us about how the islands are governed, because nobody on the mainland \
                 noticed that the ferries stopped for nine days, so let me know if you want it";
    let refused = recognise(&doc(&[pitch])).unwrap_err();
    assert!(refused.0.contains("no recognisable headline"), "{refused}");
    // Paragraphs, but too few and too short to be a piece.
    let refused = recognise(&doc(&[FIELDS, PIECE[0], PIECE[1]])).unwrap_err();
    assert!(refused.0.contains("no recognisable headline"), "{refused}");
}

#[test]
fn a_list_or_a_quotation_in_the_piece_does_not_cut_it_in_two() {
    let mut lines = vec![
        FIELDS,
        "Text of the piece:",
        "The bus that stopped and took the village with it",
    ];
    lines.extend(&PIECE[..2]);
    let mut d = doc(&lines);
    let item = |text: &str| Block {
        kind: BlockKind::ListItem { ordered: false },
        ..Block::paragraph(text)
    };
    d.blocks.push(Block::paragraph(
        "The council's own survey found three things:",
    ));
    d.blocks.push(item("fewer pupils"));
    d.blocks.push(item("fewer shops"));
    d.blocks
        .extend(PIECE[2..].iter().map(|p| Block::paragraph(p)));
    assert!(recognise_as_sent(&d).is_err(), "the shape this rule is for");
    let rec = recognise(&d).unwrap();
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.contains("fewer shops"), "{}", rec.body);
    assert!(rec.body.ends_with("letting it go."), "{}", rec.body);
}

#[test]
fn a_sentence_a_label_an_address_or_a_byline_is_no_headline() {
    assert!(lost_start::could_be_a_headline(
        "Why rural buses matter",
        &[]
    ));
    let sentence = "The council met on Tuesday to discuss the harbour wall, its cost to the town and \
                    the grant that might pay for it.";
    assert!(!lost_start::could_be_a_headline(sentence, &[]));
    assert!(!lost_start::could_be_a_headline(
        "Phone: +351 200 000 000",
        &[]
    ));
    assert!(!lost_start::could_be_a_headline("ana@example.org", &[]));
    assert!(!lost_start::could_be_a_headline("By Ana Lopes", &[]));
    let label = Block::paragraph("Text of the piece:");
    assert!(!lost_start::could_be_a_headline(
        "Text of the piece",
        &[label]
    ));
}
