//! Rules learnt from rounds 16 and 17: a newsroom's status block above labelled headline parts,
//! and the other wrappings those rounds showed.

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
fn a_status_block_above_labelled_headline_parts_is_the_desks_and_files_the_piece() {
    let mut lines = vec![
        "SLUG: valley-buses\nSTATUS: Ready for subs\nWRITER: Ana Lopes\nCONTACT: \
         a.lopes@example.eu / ext. 12\nSECTION: Society\nTAGS: transport, villages\nPICTURE: \
         ask the picture desk\nNOTES: Figures checked. Check para 2 before publishing.",
        "=========================================",
        "HED: The bus that stopped and took the village with it",
        "DEK: Rural lines are cut when money is short. The places they served do not come back.",
        "BY ANA LOPES",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(
        rec.standfirst,
        "Rural lines are cut when money is short. The places they served do not come back."
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("a.lopes@example.eu"));
    assert_eq!(rec.section.as_deref(), Some("Society"), "{rec:#?}");
    assert_eq!(rec.tags, ["transport", "villages"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    for left_out in ["STATUS:", "PICTURE:", "BY ANA LOPES", "===="] {
        assert!(!rec.body.contains(left_out), "{}", rec.body);
    }
}

#[test]
fn status_lines_a_paragraph_each_above_a_rule_file_the_piece() {
    let mut lines = vec![
        "SLUG: valley-buses",
        "STATUS: FINAL",
        "WORDS: 640",
        "SECTION: Cities",
        "FILED BY: A. Lopes",
        "------------------------------",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(rec.section.as_deref(), Some("Cities"), "{rec:#?}");
}

#[test]
fn section_and_tags_lines_under_the_byline_file_the_piece_and_leave_the_body() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
        "Section: Society\nTags: transport; villages",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(rec.tags, ["transport", "villages"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    // A labelled line that says more than where the piece goes is not the desk's fields.
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
        "Summary: the buses went, then the shops.",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.section.is_none());
}

#[test]
fn a_suggested_image_line_after_the_text_is_a_note_to_the_desk() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.push("Suggested image: the empty bus shelter at Vale (own photo, free to use)");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_table_form_with_a_title_of_piece_row_ends_at_its_paste_below_heading() {
    let mut lines = vec![
        "The Courier – Contributor Submission Form",
        "Please complete all fields.",
        "Title of piece",
        "The bus that stopped and took the village with it",
        "Author(s)",
        "Ana Lopes",
        "Section",
        "Society",
        "Images supplied?",
        "No",
        "ARTICLE TEXT (paste below this line)",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline, "The bus that stopped and took the village with it",
        "{rec:#?}"
    );
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_row_of_ways_to_reach_the_writer_after_the_text_is_left_out_its_address_theirs() {
    assert!(furniture::is_contact_row(
        "Email: ana.lopes@example.eu | X: @alopes\\_pt"
    ));
    assert!(furniture::is_contact_row(
        "ana.lopes@example.eu · @alopes · example.eu/ana"
    ));
    // A sentence naming an address is copy.
    assert!(!furniture::is_contact_row(
        "Write to ana.lopes@example.eu · she answers every letter"
    ));
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.push("Email: ana.lopes@example.eu | X: @alopes");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("ana.lopes@example.eu")
    );
}

#[test]
fn a_forms_label_and_bracketed_instruction_above_the_piece_and_its_closing_words_are_the_forms() {
    let mut lines = vec![
        "THE COURIER – CONTRIBUTOR SUBMISSION FORM",
        "Working title",
        "The bus that stopped and took the village with it",
        "Author(s)",
        "Ana Lopes",
        "Section",
        "Society",
        "ARTICLE TEXT",
        "[Please paste the full text of your article below this line. Do not repeat your bio.]",
    ];
    lines.extend(COPY);
    lines.push(
        "Thank you for writing for us. By submitting this form you confirm the work is yours.",
    );
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}
