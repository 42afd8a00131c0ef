//! Rules learnt from rounds 24 and 25: the wrappings those rounds showed.

use super::tests::{doc, names};
use super::*;

const COPY: [&str; 3] = [
    "When the bus stopped running to the valley in 2019, the last shop closed a year later and \
     the school followed, because families with children could no longer reach the town.",
    "Regional councils have tried everything from subsidised taxis to volunteer drivers, and \
     none of it has lasted longer than the grant that paid for it.",
    "The lesson is that a village without a way out is a village without a future.",
];

fn heading(level: u8, text: &str) -> Block {
    Block {
        kind: crate::import::BlockKind::Heading(level),
        text: text.to_string(),
        markdown: text.to_string(),
        emphasised: false,
    }
}

#[test]
fn a_forms_lettered_parts_and_starred_labels_are_the_forms() {
    let mut blocks = vec![
        heading(1, "Contributor Submission Form"),
        Block::paragraph("Please complete all fields marked *. Paste your article in section B."),
        heading(3, "A. About you and your piece"),
    ];
    for cell in [
        "Name of author(s) *",
        "Ana Lopes",
        "E-mail *",
        "ana.lopes@example.org",
        "Section *",
        "Opinion",
        "Headline *",
        "The bus that stopped and took the village with it",
    ] {
        blocks.push(Block::paragraph(cell));
    }
    blocks.push(heading(3, "B. Article text"));
    blocks.push(Block::paragraph(
        "(Paste below. Use Heading 2 for subheadings.)",
    ));
    blocks.extend(COPY.iter().map(|p| Block::paragraph(p)));
    blocks.push(heading(
        3,
        "C. Author biography (max. 30 words, as it should appear)",
    ));
    blocks.push(Block::paragraph(
        "Ana Lopes is a lecturer in transport at the University of Porto.",
    ));
    blocks.push(heading(3, "D. Declaration"));
    blocks.push(Block::paragraph(
        "☒ I have read and accept the contributor terms.",
    ));
    blocks.push(Block::paragraph(
        "FOR OFFICE USE ONLY – Received: ______ Editor: ______",
    ));
    let mut d = doc(&[]);
    d.blocks = blocks;
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(!rec.body.contains("Paste below"), "{}", rec.body);
}

#[test]
fn a_letter_from_two_places_has_its_head_above_the_greeting() {
    let mut lines = vec![
        "Porto / Vigo, 30 November 2026",
        "To: The Features Editor, The Courier",
        "Dear Editor,",
        "We would like to propose the attached feature on rural buses for your Features section. \
         It is based on interviews we carried out in the valley in October.",
        "With kind regards,",
        "Ana Lopes and Rui Costa",
        "ana.lopes@example.org",
        "The bus that stopped and took the village with it",
        "By Ana Lopes and Rui Costa",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes", "Rui Costa"]);
    assert_eq!(rec.section.as_deref(), Some("Features"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_reviewers_comment_signed_after_its_label_is_a_note() {
    assert!(finish::is_note_to_editor(
        "*[Comment – P. Achterberg, desk: table ok to run as is? Check the 2025 number.]*"
    ));
    assert!(finish::is_note_to_editor(
        "[Comment: cut this paragraph for web?]"
    ));
    assert!(!finish::is_note_to_editor(
        "[Comment sections were closed in 2019, the paper said.]"
    ));
}

#[test]
fn a_forms_full_name_short_bio_and_text_of_the_piece_labels() {
    let mut blocks = vec![
        heading(1, "Contributor submission form"),
        Block::paragraph("Please complete all fields."),
    ];
    for cell in [
        "Full name",
        "Ana Lopes",
        "Proposed section",
        "Opinion",
        "Headline",
        "The bus that stopped and took the village with it",
        "Short bio (one sentence)",
        "Ana Lopes is a lecturer in transport at the University of Porto.",
    ] {
        blocks.push(Block::paragraph(cell));
    }
    blocks.push(heading(2, "Text of the piece (paste below this line)"));
    blocks.extend(COPY.iter().map(|p| Block::paragraph(p)));
    let mut d = doc(&[]);
    d.blocks = blocks;
    let rec = recognise(&d).unwrap();
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Ana Lopes is a lecturer in transport at the University of Porto.")
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_label_naming_the_files_stage_last_is_the_drafts() {
    let mut lines = vec![
        "Courier – features pitch / full text",
        "The bus that stopped and took the village with it",
        "By Ana Lopes and Rui Costa",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(rec.standfirst, "");
    assert!(!notes_above::is_draft_label(
        "Rent caps / full text of the ruling"
    ));
}

#[test]
fn a_version_named_between_rules_starts_the_copy() {
    assert!(furniture::is_copy_start("=== v3 ==="));
    assert!(furniture::is_copy_start("--- version 2 ---"));
    assert!(!furniture::is_copy_start("v3"));
}

#[test]
fn an_end_mark_over_a_rule_run_into_the_wires_trailer_ends_the_copy() {
    assert!(furniture::is_end_mark(
        "ENDS ====================== (c) 2026 Wirenews. All rights reserved. Republication is \
         prohibited without prior written consent."
    ));
    assert!(!furniture::is_end_mark(
        "Ends meet only barely, the mayor said, and the budget will not stretch further."
    ));
}

#[test]
fn a_notes_apps_links_may_be_glossed_or_run_onto_their_label() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    let mut d = doc(&lines);
    d.blocks.push(heading(2, "Links"));
    d.blocks.push(Block::paragraph("[[Bus sources]]"));
    d.blocks
        .push(Block::paragraph("[[Rui Costa]] – editor contact"));
    let rec = recognise(&d).unwrap();
    assert!(
        rec.body.trim_end().ends_with("without a future."),
        "{:?}",
        rec.body
    );

    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.push("Related notes: [[Bus sources]], [[Invoices 2026]] #courier #submitted");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(
        rec.body.trim_end().ends_with("without a future."),
        "{:?}",
        rec.body
    );
}

#[test]
fn a_letter_to_a_sections_desk_names_the_section_without_the() {
    assert_eq!(
        notes_above::section_named("To: Features desk, The Courier").as_deref(),
        Some("Features")
    );
    assert_eq!(
        notes_above::section_named("To: Opinion Desk <opinion@courier.example.org>").as_deref(),
        Some("Opinion")
    );
    assert_eq!(notes_above::section_named("To: Courier desk"), None);
}

#[test]
fn a_section_field_may_be_a_sentence_of_the_note() {
    assert_eq!(
        notes_above::section_named(
            "Hi all - final version below. Ana has checked the quotes. Section: Features. Tags: \
             buses, villages"
        )
        .as_deref(),
        Some("Features")
    );
}
