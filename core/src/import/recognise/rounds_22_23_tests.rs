//! Rules learnt from rounds 22 and 23: the wrappings those rounds showed.

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
fn a_copy_templates_title_and_rules_over_its_status_lines_are_the_templates() {
    let mut lines = with_copy(&[
        "COURIER COPY TEMPLATE v2 (keep the labels, the system reads them) ---------------- \
         SLUG: valley-buses SECTION: Society TAGS: transport; villages FILED BY: Ana Lopes, \
         staff PHOTO: ask the picture desk ----------------",
        "HEADLINE: The bus that stopped and took the village with it",
        "STANDFIRST: Rural lines are cut when money is short, and the places they served do not come back",
        "BYLINE: Ana Lopes",
        "BODY:",
    ]);
    lines.push("BIO: (staff, no bio needed)");
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(rec.tags, ["transport", "villages"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_letters_sign_off_may_thank_the_editor_first() {
    let lines = with_copy(&[
        "Porto, 3 March 2026",
        "To the Opinion Editor",
        "The Courier",
        "Dear Editor,",
        "Please find enclosed an opinion article on rural bus lines, which I hope may interest \
         your readers. The piece is around 700 words.",
        "By way of introduction: I have worked for twenty years on rural transport, first for the \
         regional council and now at the university. I would be happy to adapt the text.",
        "With my thanks for your consideration and kind regards,",
        "Ana Lopes",
        "ana.lopes@example.org – 06 55 55 21 09",
        "THE BUS THAT STOPPED",
        "Ana Lopes",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "THE BUS THAT STOPPED");
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_final_text_mark_under_a_long_forwarded_thread_starts_the_piece() {
    let mut lines = vec![
        "---------- Forwarded message ---------",
        "From: Ana Lopes <ana@example.org>",
        "Subject: Fwd: Re: bus piece - final?",
        "Over to you for Friday's Analysis slot. This is the version we agreed. Tags I'd use: \
         transport, villages, Portugal.",
        "T.",
    ];
    lines.extend(std::iter::repeat_n(
        "> An earlier message in the thread, quoted at length, about the draft.",
        12,
    ));
    lines.extend([
        "=== FINAL TEXT ===",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ]);
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(!rec.body.contains("earlier message"), "{}", rec.body);
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert_eq!(rec.tags, ["transport", "villages", "Portugal"]);
}

#[test]
fn a_note_to_self_and_a_photo_offer_are_the_writers_not_the_pieces() {
    assert!(finish::is_note_to_editor(
        "[Annika - note to self: check the figure before sending!!]"
    ));
    assert!(furniture::is_furniture("Happy to provide a photo."));
    assert!(furniture::is_furniture("I can send a headshot if needed."));
    assert!(!furniture::is_furniture(
        "Happy to provide a photo of the village, the mayor said, but not of the bus."
    ));
}

#[test]
fn a_title_over_by_name_without_a_blank_line_is_headline_and_byline() {
    let text = "THE BUS THAT STOPPED?\nby Ana Lopes\n\n[Ana - note to self: check the 2019 figure]\n\n\
                When the bus stopped running to the valley in 2019, the last shop closed a year \
                later.\n\nThe lesson is that a village without a way out has no future.\n\nAna \
                Lopes worked as a bus driver in the valley for twenty years.\n\nHappy to provide a \
                photo.\n";
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "THE BUS THAT STOPPED?");
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("has no future."), "{}", rec.body);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Ana Lopes worked as a bus driver in the valley for twenty years.")
    );
}

#[test]
fn a_wires_start_and_end_of_message_codes_and_update_marks_are_the_wires() {
    let text = "ZCZC\nXYZ0101 3 POL /AFX\nBC-BUSES-VALLEY (UPDATE 1, adds mayor quote)\n\
                PRIORITY: URGENT\nSECTION: News\nKEYWORDS: transport, villages\n\n\
                Valley loses its last bus line after council cuts\n\nBy Ana Lopes\n\n\
                LISBON, March 3 (Wire) - The last bus line to the valley stopped on Friday, the \
                regional council said.\n\n\"It is a village without a way out,\" the mayor \
                said. (Adds quote)\n\nThe council said it would review the decision.\n\n\
                Keywords: BUSES/VALLEY\nCopyright Wire 2026. All rights reserved.\nNNNN\n";
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(
        rec.headline,
        "Valley loses its last bus line after council cuts"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.section.as_deref(), Some("News"));
    assert_eq!(rec.tags, ["transport", "villages"]);
    assert!(rec.body.starts_with("LISBON, March 3"), "{}", rec.body);
    assert!(
        rec.body.ends_with("would review the decision."),
        "{}",
        rec.body
    );
    assert!(!rec.body.contains("(Adds quote)"), "{}", rec.body);
    assert!(rec.body.contains("the mayor said."), "{}", rec.body);
}

#[test]
fn a_forms_fields_above_a_rule_are_no_note_and_its_parts_after_the_text_are_the_forms() {
    let mut lines = vec![
        "THE COURIER – CONTRIBUTOR SUBMISSION FORM",
        "Please complete all fields and paste your article below the line.",
        "author: Ana Lopes",
        "e-mail: ana.lopes@example.org",
        "Proposed section",
        "Society",
        "Proposed headline",
        "The bus that stopped and took the village with it",
        "keywords: transport; villages",
        "_____________________________",
        "ARTICLE TEXT",
        "The bus that stopped and took the village with it",
    ];
    lines.extend(COPY);
    lines.extend([
        "_____________________________",
        "DECLARATIONS",
        "Do you consent to editing for length and style?",
        "Yes",
        "Submitted via the Courier contributor portal on 4 December 2026 at 16:37.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn an_obsidian_notes_writers_as_links_and_its_links_list_after_the_piece() {
    let text = "---\nauthors: \"[[Ana Lopes]], [[Rui Costa|Rui M. Costa]]\"\n---\n\n\
                # The bus that stopped\n\nWhen the bus stopped running to the valley in 2019, \
                the last shop closed a year later.\n\nThe lesson is that a village without a way \
                out has no future.\n\n## Links\n\n- [[Pitch list Q4]]\n- [[Contacts#Council]]\n";
    let doc = crate::import::read("note.md", text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(names(&rec), ["Ana Lopes", "Rui M. Costa"]);
    assert!(rec.body.ends_with("has no future."), "{}", rec.body);
}

#[test]
fn a_pandoc_div_classed_as_the_dek_is_the_standfirst_and_a_footnote_to_the_desk_goes() {
    let text = "% The bus that stopped\n% Ana Lopes\n% 3 March 2026\n\n::: {.dek}\nRural lines are \
                cut when money is short. The places they served do not come back.\n:::\n\n\
                When the bus stopped running to the valley in 2019, the last shop closed a year \
                later.\n\nThe lesson is that a village without a way out has no future.\n\n\
                [^desk]: Desk: the map can be cut for web if needed.\n";
    let doc = crate::import::read("piece.md", text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(
        rec.standfirst,
        "Rural lines are cut when money is short. The places they served do not come back."
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("has no future."), "{}", rec.body);
}

#[test]
fn a_notes_apps_signed_comments_above_the_piece_are_notes() {
    let lines = with_copy(&[
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
        "💬 **Comment (Rui Costa):** Lovely piece. Can we get a figure for the valley?",
        "💬 Comment (Ana Lopes): Added, see para 2.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(!rec.body.contains("Comment"), "{}", rec.body);
}

#[test]
fn a_letter_signed_by_two_after_two_sign_offs_and_addressed_to_a_sections_editor() {
    let lines = with_copy(&[
        "Ana Lopes & Rui Costa",
        "ana.lopes@example.org",
        "1 December 2026",
        "To: The Society Editor, The Courier",
        "Dear Editor,",
        "We would like to offer The Courier the enclosed article on rural bus lines, which we \
         hope may interest your readers ahead of the council's vote.",
        "Thank you for considering it. We look forward to hearing from you.",
        "Yours sincerely,",
        "Ana Lopes and Rui Costa",
        "The bus that stopped and took the village with it",
        "Ana Lopes and Rui Costa",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(rec.standfirst, "");
    assert_eq!(names(&rec), ["Ana Lopes", "Rui Costa"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_forms_table_of_writers_and_its_numbered_parts() {
    let heading = |level: u8, text: &str| Block {
        kind: crate::import::BlockKind::Heading(level),
        text: text.to_string(),
        markdown: text.to_string(),
        emphasised: false,
    };
    let mut blocks = vec![
        heading(1, "Contributor submission form"),
        Block::paragraph("Please complete all fields. Add a row for each co-author."),
        heading(2, "1. About the authors"),
    ];
    for cell in [
        "Name (as it should appear)",
        "E-mail",
        "Affiliation",
        "Short bio (max. 40 words)",
        "Ana Lopes",
        "ana.lopes@example.org",
        "University of Porto",
        "Ana Lopes is a lecturer in transport at the University of Porto.",
        "Rui Costa",
        "rui.costa@example.org",
        "Rui Costa is a freelance journalist.",
    ] {
        blocks.push(Block::paragraph(cell));
    }
    blocks.push(heading(2, "2. About the piece"));
    for cell in [
        "Proposed section (News / Analysis / Opinion)",
        "Analysis",
        "Proposed headline",
        "The bus that stopped and took the village with it",
    ] {
        blocks.push(Block::paragraph(cell));
    }
    blocks.push(heading(2, "3. Article text"));
    blocks.extend(COPY.iter().map(|p| Block::paragraph(p)));
    blocks.push(heading(2, "4. Declaration"));
    blocks.push(Block::paragraph(
        "☒ I/we confirm that the work is original.",
    ));
    let mut d = doc(&[]);
    d.blocks = blocks;
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes", "Rui Costa"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("University of Porto")
    );
    assert_eq!(
        rec.authors[1].email.as_deref(),
        Some("rui.costa@example.org")
    );
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_pages_appeal_for_money_is_furniture() {
    assert!(furniture::is_furniture(
        "Independent reporting from the valley costs money. If you value this article, please \
         consider becoming a supporter from just €5 a month."
    ));
    assert!(!furniture::is_furniture(
        "The council will consider supporting the line again next year, the mayor said."
    ));
}

#[test]
fn a_blogs_cross_posting_note_recent_posts_and_own_views_are_furniture() {
    assert!(furniture::is_furniture(
        "Cross-posted from my column in the Courier’s “Valley Talk” series."
    ));
    assert!(furniture::is_related_header("Recent posts"));
    assert!(furniture::is_notice(
        "Fiscal Space is a blog about public finances. Views are my own, not my employer’s."
    ));
}

#[test]
fn a_sub_label_gives_the_standfirst_and_a_letter_to_a_sections_editor_files_the_piece() {
    let rec = recognise(&doc(&with_copy(&[
        "HEADLINE: The bus that stopped and took the village with it",
        "SUB: Rural lines are cut when money is short. The places they served do not come back.",
        "BYLINE: Ana Lopes",
    ])))
    .unwrap();
    assert_eq!(
        rec.standfirst,
        "Rural lines are cut when money is short. The places they served do not come back."
    );
    assert_eq!(
        notes_above::section_named("To the Society Editor").as_deref(),
        Some("Society")
    );
    assert_eq!(notes_above::section_named("To the Managing Editor"), None);
}

#[test]
fn an_organisation_named_in_the_bio_and_the_signature_is_the_writers() {
    let mut lines = with_copy(&[
        "Dear Editor,",
        "Please find below an opinion piece on rural buses for your consideration.",
        "Best regards,",
        "Ana Lopes",
        "Senior Researcher | ValleyLab vzw",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ]);
    lines
        .push("Ana Lopes is a senior researcher at ValleyLab, an independent transport institute.");
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert_eq!(rec.authors[0].affiliation.as_deref(), Some("ValleyLab"));
}
