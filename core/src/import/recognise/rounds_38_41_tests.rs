//! Rules learnt from rounds 38 to 41: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{names, read_as};
use super::*;
use crate::import::{BlockKind, Format, Meta};

/// A Word file read into these blocks: (kind, text).
pub(super) fn word_file(blocks: &[(BlockKind, &str)]) -> Document {
    Document {
        format: Format::Docx,
        meta: Meta::default(),
        blocks: blocks
            .iter()
            .map(|(kind, text)| Block {
                kind: *kind,
                ..Block::paragraph(text)
            })
            .collect(),
        warnings: vec![],
    }
}

/// A web form's export as plain text, each label on its line over its answer, no colons: the
/// entry's number under the form's title, the copy under a label naming it, the bios under theirs,
/// the form's questions after them.
fn form_export(summary: &str) -> String {
    format!(
        "Island Letters - Contributor submission form\nEntry #5120\nSubmitted: 02/10/2026 09:14\n\
         IP: [redacted]\n--------------------------------\n\n\
         Your name(s)\nMikko Laine and Aino Virtanen\n\n\
         Email address\nmikko@example.org\n\n\
         Phone (not for publication)\n07700 900 111\n\n\
         Which section are you submitting to?\nEducation\n\n\
         Proposed headline\nThe island schools that kept their pupils\n\n\
         Summary (one or two sentences)\n{summary}\n\n\
         Your piece (paste text here)\n{}\n\n{}\n\n\
         About the author(s) (2-3 sentences each)\nMikko Laine teaches at the school on Nagu.\n\
         Aino Virtanen chairs the island's parents' association.\n\n\
         Photo(s) attached?\nYes - 2 files (ferry.jpg, school.jpg)\n\n\
         Have you submitted this piece elsewhere?\nNo\n\n\
         I confirm this is my own work and I agree to the contributor terms\nYes\n\n\
         How did you hear about us?\nFriend / word of mouth\n\n\
         --------------------------------\n\
         This export was generated automatically. Do not reply to this message.\n",
        COPY[0],
        COPY[1..].join("\n\n"),
    )
}

#[test]
fn a_form_whose_labels_stand_over_their_answers_without_colons_is_read_field_by_field() {
    let rec = read_as(
        "entry.txt",
        &form_export("Ferries decide who stays, and some islands have learnt to pay for them."),
    );
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays, and some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    // One address for two writers, spelling neither surname: the first writer's.
    assert_eq!(rec.authors[0].email.as_deref(), Some("mikko@example.org"));
    assert_eq!(rec.authors[1].email, None);
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Aino Virtanen chairs the island's parents' association.")
    );
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    for furniture in [
        "07700",
        "Photo(s)",
        "word of mouth",
        "contributor terms",
        "automatically",
    ] {
        assert!(!rec.body.contains(furniture), "{furniture}: {}", rec.body);
    }
}

#[test]
fn a_forms_summary_left_empty_means_no_standfirst_not_the_copys_first_paragraph() {
    const LEAD: &str = "Your report on the island ferries (\"Last boat home\", 12 September) \
                        described the problem well, but it was too kind to the council that cut them.";
    let text = format!(
        "=== Contribution form — submission #4471 ===\n\nSubmitted: 2026-09-18 21:14 CET\n\n\
         Name: Mikko Laine\n\nEmail: mikko@example.org\n\nSection (if known): Letters\n\n\
         Headline (suggested): The island schools that kept their pupils\n\n\
         Short summary (max 2 sentences):\n\n\
         About you (max 50 words): Mikko Laine teaches at the school on Nagu.\n\n\
         Your text:\n-----\n{LEAD}\n\n{}\n\n-----\n\n\
         I agree to the terms of publication: Yes\n",
        COPY.join("\n\n")
    );
    let rec = read_as("entry.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(LEAD), "{}", rec.body);
}

#[test]
fn an_organisations_boilerplate_under_a_bio_label_is_no_bio() {
    let text = format!(
        "ISLAND SCHOOLS NETWORK – MEDIA CONTRIBUTION FORM\n\nauthor: Mikko Laine\n\n\
         e-mail: mikko@example.org\n\nsection: Education\n\nARTICLE TEXT\n\n\
         The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         About the author\n\nMikko Laine teaches at the school on Nagu.\n\n---\n\n\
         The Island Schools Network is an association of teachers in the archipelago. For media \
         enquiries contact press@example.org.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("form.txt", &text);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine teaches at the school on Nagu.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_notes_page_whose_writer_labelled_the_head_is_read_from_the_labels() {
    let text = format!(
        "# Island schools feature – Island Letters\n\n\
         Status: Filed\nWriter: Mikko Laine\nEditor: Anna Berg\nTags: schools, ferries, islands\n\n\
         ---\n\n\
         > Notes for Anna: headline and standfirst below are suggestions.\n\n\
         ## HEADLINE: The island schools that kept their pupils\n\n\
         **Standfirst:** Ferries decide who stays, and some islands have learnt to pay for them.\n\n\
         By Mikko Laine\n\n---\n\n{}\n\n---\n\n\
         *Mikko Laine teaches at the school on Nagu.*\n\n---\n\n\
         Word count (body): 640\n\nInvoice: sent 4 Dec, INV-ML-2026-031\n",
        COPY.join("\n\n")
    );
    let rec = read_as("Island schools feature 9c41e2a7.md", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays, and some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.tags, ["schools", "ferries", "islands"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_title_field_below_the_headline_is_no_labelled_head() {
    // "Title: …" as the name of a book under review, below the piece's own headline and byline,
    // is the copy's: the rule reads only a field alone on its block above the copy, and a
    // headline that stands first wins.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n\
         Title: Islands Apart, by Sanna Holm (Nordic Press, 2026)\n\n{}\n",
        COPY.join("\n\n"),
    );
    let rec = read_as("review.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    // "Fee: …" mid-copy, a sentence of the piece with more after it, stays.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Fee: the council pays the ferry company a fixed sum each term, whatever the weather, and \
         the company keeps the boat in the harbour for the pupils on school days.\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.contains("Fee: the council pays"), "{}", rec.body);
}

#[test]
fn a_notes_callout_to_the_desk_and_a_checklist_are_the_writers_not_copy() {
    for note in [
        "> 💡 Note for editor: I sat on the ferry board for ten years. Please keep the subheads.",
        "> 💡 Note for the desk: quotes checked by phone. Photos in the shared folder.",
        "> Notes for Anna: headline and standfirst are suggestions.",
    ] {
        let text = format!(
            "# The island schools that kept their pupils\n\n\
             Author: Mikko Laine\nStatus: Ready for editor\nSection: Comment\n\n{note}\n\n\
             **Ferries decide who stays, and some islands have learnt to pay for them.**\n\n\
             ---\n\n{}\n\n## Editor checklist\n\n- [ ] Legal read\n- [x] Bio confirmed\n",
            COPY.join("\n\n")
        );
        let rec = read_as("The island schools 9c41e2a7.md", &text);
        assert_eq!(
            rec.standfirst,
            "Ferries decide who stays, and some islands have learnt to pay for them.",
            "{note}"
        );
        assert!(rec.body.starts_with(COPY[0]), "{note}: {}", rec.body);
        assert!(rec.body.ends_with(COPY[5]), "{note}: {}", rec.body);
    }
}

#[test]
fn a_quoted_note_to_readers_and_a_plain_list_stay_in_the_copy() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         > Note to readers: the ferry timetable quoted here changed on 3 May.\n\n\
         - The boat runs twice a day.\n- The council pays for it.\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("piece.md", &text);
    assert!(rec.body.contains("> Note to readers"), "{}", rec.body);
    assert!(
        rec.body.contains("- The boat runs twice a day."),
        "{}",
        rec.body
    );
}

#[test]
fn a_review_credited_reviewed_by_names_its_writer() {
    let text = format!(
        "The island schools that kept their pupils\n\n\
         Sanna Holm's history of the archipelago's schools is patient and exact.\n\n\
         Reviewed by Professor Mikko Laine\n\n{}\n\n\
         Mikko Laine is professor of education at the University of Turku.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    // "Reviewed by the council in March, …" opens a sentence of the copy, naming no one.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Reviewed by the council in March, the ferry contract now runs to 2030.\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.contains("Reviewed by the council"), "{}", rec.body);
}

#[test]
fn a_heading_under_a_table_of_the_documents_details_is_the_headline() {
    let p = BlockKind::Paragraph;
    let mut blocks = vec![
        (p, "Document"),
        (p, "Guest opinion article – Island Letters"),
        (p, "Length"),
        (p, "c. 640 words"),
        (p, "Status"),
        (p, "Approved (Legal 01/12)"),
        (
            BlockKind::Heading(1),
            "The island schools that kept their pupils",
        ),
        (p, "By Mikko Laine"),
    ];
    blocks.extend(COPY.iter().map(|c| (p, *c)));
    blocks.push((p, "Mikko Laine is Chief Executive of Island Ferries Nord."));
    blocks.push((p, "About Island Ferries Nord (not for publication)"));
    blocks.push((
        p,
        "Island Ferries Nord runs eleven routes and employs 300 people.",
    ));
    let rec = recognise(&word_file(&blocks)).expect("recognised");
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Island Ferries Nord")
    );
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // A top-level heading set mid-copy as a crosshead is no headline: sentences stand above it.
    let mut blocks = vec![
        (p, "The island schools that kept their pupils"),
        (p, "By Mikko Laine"),
    ];
    blocks.extend(COPY[..3].iter().map(|c| (p, *c)));
    blocks.push((BlockKind::Heading(1), "What the boats cost"));
    blocks.extend(COPY[3..].iter().map(|c| (p, *c)));
    let rec = recognise(&word_file(&blocks)).expect("recognised");
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

#[test]
fn a_judges_title_notes_to_the_desk_and_a_call_for_readers_stories_are_no_copy() {
    let text = format!(
        "The island schools that kept their pupils\n\n\
         By Her Honour Judge Mikko Laine\n\n{}\n\n\
         [c. 640 words. The figure in paragraph 3 is from the council – please check.]\n\n\
         [NB for editor: the full dataset is on our website from Tuesday.]\n\n\
         Have you been affected by the ferry cuts? Contact our newsroom at news@example.org\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // Mid-copy, a question to readers that asks nothing of them stays.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Have you been affected by a winter without a boat? Then you know what the islanders mean.\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.contains("Then you know"), "{}", rec.body);
}

#[test]
fn a_reviews_headline_keeps_its_review_label_a_section_label_goes() {
    let piece =
        |headline: &str| format!("# {headline}\n\nBy Mikko Laine\n\n{}\n", COPY.join("\n\n"));
    let rec = read_as("review.md", &piece("Review: Islands Apart, by Sanna Holm"));
    assert_eq!(rec.headline, "Review: Islands Apart, by Sanna Holm");
    let rec = read_as(
        "piece.md",
        &piece("OPINION: The island schools that kept their pupils"),
    );
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
}

#[test]
fn a_word_count_under_the_authors_field_is_no_part_of_the_affiliation() {
    let text = format!(
        "ISLAND COUNCIL\nCommunications Team\n\n\
         Author: Cllr Mikko Laine, Leader of Nagu Island Council\nApprox. 640 words\n\n\
         ==========\n\n\
         Headline: The island schools that kept their pupils\n\n\
         By Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("op-ed.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Nagu Island Council")
    );
}

#[test]
fn a_chunk_of_code_the_document_runs_is_no_copy_a_sample_shown_to_readers_is() {
    let text = format!(
        "---\ntitle: \"The island schools that kept their pupils\"\nauthor: Mikko Laine\n---\n\n\
         ```{{r}}\n#| label: setup\nlibrary(tidyverse)\n```\n\n{}\n\n\
         ```r\nboats <- c(2, 2, 1)\n```\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("schools.md", &text);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(!rec.body.contains("tidyverse"), "{}", rec.body);
    assert!(rec.body.contains("boats <- c(2, 2, 1)"), "{}", rec.body);
}

#[test]
fn the_writers_offer_of_pictures_after_the_piece_is_to_the_desk() {
    for offer in [
        "Happy to supply a photo of the school boat being loaded properly!",
        "Images: drone stills of the crossing are available on request, credit © Island Letters.",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{offer}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("piece.txt", &text);
        assert!(rec.body.ends_with(COPY[5]), "{offer}: {}", rec.body);
    }
    // The copy's own sentence about pictures, ending a piece, stays.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Photographs of those winters show children in lifejackets, laughing.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("laughing."), "{}", rec.body);
}

#[test]
fn a_forms_bio_label_with_a_long_hint_and_its_footer_naming_the_form_are_the_forms() {
    let text = format!(
        "New submission: Contribute a comment piece\nForm: Contribute\nSubmission ID: 8841\n\
         -------------------------------------------\n\n\
         Full name:\nMikko Laine\n\nEmail address:\n\nmikko@example.org\n\n\
         Which section is this for?\nAnalysis\n\n\
         Proposed headline:\nThe island schools that kept their pupils\n\n\
         Your article (paste text, max 1,200 words):\n{}\n\n\
         Short bio (max 50 words, will be printed with the article):\n\
         Mikko Laine teaches at the school on Nagu.\n\n\
         Twitter/X or Bluesky handle (optional):\n@mikko_nagu\n\n\
         Anything else the editor should know?\n\n\
         Please don't link to the council's draft yet. Happy to discuss edits by email.\n\n\
         Consent: I confirm this is my own original work. [x]\n\
         Consent: I agree to the contributor terms. [x]\n\
         -------------------------------------------\n\
         This email was sent by the Contribute form on the website.\nManage notifications | Unsubscribe\n",
        COPY.join("\n\n")
    );
    let rec = read_as("submission.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine teaches at the school on Nagu.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    for furniture in [
        "@mikko_nagu",
        "council's draft",
        "Consent",
        "Contribute form",
    ] {
        assert!(!rec.body.contains(furniture), "{furniture}: {}", rec.body);
    }
}

#[test]
fn a_link_to_the_full_report_after_the_piece_is_the_pages() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         **Read the full report:** [Boats and schools](https://example.org/boats) (PDF, 2.1 MB)\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.md", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_bio_label_in_the_forms_own_words_and_a_declaration_over_its_tick_are_the_forms() {
    let text =
        form_export("Ferries decide who stays, and some islands have learnt to pay for them.")
            .replace(
                "About the author(s) (2-3 sentences each)",
                "Short biography for each contributor",
            )
            .replace(
                "I confirm this is my own work and I agree to the contributor terms\nYes",
                "Word count (approx.)\n640\n\nI agree to the contributor terms\nYes",
            );
    let rec = read_as("entry.txt", &text);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine teaches at the school on Nagu.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_details_tables_cell_may_run_to_a_line_of_sixteen_words() {
    let p = BlockKind::Paragraph;
    let mut blocks = vec![
        (p, "Submitted by"),
        (p, "Anna Berg, Senior Communications Officer"),
        (p, "Images"),
        (
            p,
            "Two photographs of the school boat at the quay, credit Nagu Island Council press office",
        ),
        (
            BlockKind::Heading(1),
            "The island schools that kept their pupils",
        ),
        (p, "By Mikko Laine"),
    ];
    blocks.extend(COPY.iter().map(|c| (p, *c)));
    let rec = recognise(&word_file(&blocks)).expect("recognised");
    assert_eq!(rec.headline, "The island schools that kept their pupils");
}
