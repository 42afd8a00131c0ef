//! Rules learnt from rounds 34 and 35: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{doc, names, read_as};
use super::*;

#[test]
fn counts_of_what_readers_did_are_the_pages_not_copy() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
        "1.2K claps · 31 responses",
    ];
    paragraphs.extend(COPY);
    paragraphs.push("1.2K claps · 31 responses");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(furniture::is_reader_counts("412 claps"));
    assert!(!furniture::is_reader_counts("412 claps for the mayor"));
}

#[test]
fn a_block_of_notes_opened_and_closed_by_marks_is_the_desks_whole() {
    let mut paragraphs = vec![
        "[NOTES FOR THE DESK – delete before running]",
        "Section: Education",
        "Status: subbed once, waiting on photos - AK",
        "Words: 640",
        "[END NOTES FOR THE DESK]",
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("waiting on photos"), "{}", rec.body);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    // A block that does not say it is the desk's is not left out whole.
    let marked = doc(&["[TRANSCRIPT]", "Q: Why the ferry?", "[END TRANSCRIPT]"]);
    let blocks: Vec<&Block> = marked.blocks.iter().collect();
    assert_eq!(furniture::marked_block_end(&blocks, 10), None);
    let marked = doc(&["[EDITOR NOTES]", "Section: Education", "[END EDITOR NOTES]"]);
    let blocks: Vec<&Block> = marked.blocks.iter().collect();
    assert_eq!(furniture::marked_block_end(&blocks, 10), Some(2));
}

#[test]
fn a_list_of_emails_beside_the_writers_gives_each_writer_theirs_in_order() {
    let text = format!(
        "+++\ntitle = \"The island schools that kept their pupils\"\n\
         authors = [\"Mikko Laine\", \"Aino Virtanen\"]\n[params]\n  \
         author_emails = [\"mikko@example.org\", \"aino@example.org\"]\n+++\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("post.md", &text);
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    let emails: Vec<_> = rec.authors.iter().map(|a| a.email.as_deref()).collect();
    assert_eq!(
        emails,
        [Some("mikko@example.org"), Some("aino@example.org")]
    );
}

#[test]
fn a_form_exported_as_text_is_read_from_its_title_to_its_last_field() {
    let mut paragraphs = vec![
        "Entry 2291 - Opinion submission form",
        "Received: 2026-10-02 09:14 (UTC)",
        "Form: \"Pitch us\" (public)",
        "Status: New",
        "Full name(s): Mikko Laine",
        "Email address: mikko@example.org",
        "Proposed headline: The island schools that kept their pupils",
        "Summary (one sentence):",
        "Ferries decide who stays, and some islands have learnt to pay for them.",
        "Short bio (max 50 words): Mikko Laine is a teacher on Nagu.",
        "Article text:",
    ];
    paragraphs.extend(COPY);
    paragraphs.push("Attachments: none");
    paragraphs.push("How did you hear about us? A friend");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays, and some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine is a teacher on Nagu.")
    );
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    // The piece's own last lines, a label-like opening or a short question and its answer, stay.
    let len = paragraphs.len();
    paragraphs.truncate(len - 2);
    let lesson = "The lesson: a school is only as open as the ferry that reaches it.";
    let question = "So who pays? The islands do.";
    paragraphs.extend([lesson, question, "Attachments: none"]);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.ends_with(question), "{}", rec.body);
    assert!(rec.body.contains(lesson), "{}", rec.body);
}

#[test]
fn a_writers_label_for_the_file_naming_its_stage_among_dashes_is_no_headline() {
    for label in [
        "island schools piece - final-ish - ML",
        "Ferries column – v3 – ML",
    ] {
        let mut paragraphs = vec![
            label,
            "The island schools that kept their pupils",
            "Ferries decide who stays. Some islands have learnt to pay for them.",
            "Mikko Laine",
        ];
        paragraphs.extend(COPY);
        let rec = recognise(&doc(&paragraphs)).unwrap();
        assert_eq!(
            rec.headline, "The island schools that kept their pupils",
            "{label}"
        );
        assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
        assert_eq!(names(&rec), ["Mikko Laine"]);
    }
    // A headline with a dash in it is still the headline, a stage word after it included.
    for headline in [
        "Island schools - the final test",
        "Storm Amy – latest",
        "Euro 2025 – final",
    ] {
        assert!(!notes_above::is_draft_label(headline), "{headline}");
    }
    assert!(notes_above::is_draft_label("Ferries column – v3"));
}

#[test]
fn a_bio_naming_every_writer_in_its_opening_sentence_is_each_writers_whole() {
    for bio in [
        "*Mikko Laine and Anna Berg run a ferry café on Nagu. They opened it in 2019.*",
        "Mikko Laine is a teacher and Anna Berg is a statistician at the University of Turku.",
    ] {
        let mut paragraphs = vec![
            "The island schools that kept their pupils",
            "By Mikko Laine and Anna Berg",
        ];
        paragraphs.extend(COPY);
        paragraphs.push(bio);
        let rec = recognise(&doc(&paragraphs)).unwrap();
        assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
        let whole = bio.trim_matches('*');
        for a in &rec.authors {
            assert_eq!(a.bio.as_deref(), Some(whole), "{}", a.name);
        }
        assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    }
}

#[test]
fn a_headline_in_title_case_over_a_sentence_on_the_next_line_is_two_lines() {
    let text = format!(
        "Hi Tom,\n\nHere is the piece we talked about. Happy to cut it.\n\nMikko\n\n\
         The Island Schools That Kept Their Pupils\n\
         Ferries decide who stays, and some islands have learnt to pay for them.\n\n\
         By Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("reply.txt", &text);
    assert_eq!(rec.headline, "The Island Schools That Kept Their Pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays, and some islands have learnt to pay for them."
    );
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn a_posted_on_row_its_date_taken_out_names_the_writers_and_files_the_piece() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title>\
         <meta name=\"author\" content=\"Mikko Laine\"></head><body>\
         <article><h1>The island schools that kept their pupils</h1>\
         <p>Posted on <span class=\"date\">5 March 2026</span> by Dr Mikko Laine \
         &middot; Categories: Education</p>\
         <p><em>Ferries decide who stays. Some islands have learnt to pay for them.</em></p>{}\
         </article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay for them."
    );
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(patterns::posted_on_by("Posted on by Dr Mikko Laine").is_some());
}

#[test]
fn a_suggestion_to_the_desk_after_the_piece_is_not_copy() {
    for line in [
        "Suggested pull quote: \"An island without a way out is an island without a future.\"",
        "Suggested caption: The school at Nagu in winter.",
    ] {
        let mut paragraphs = vec![
            "The island schools that kept their pupils",
            "By Mikko Laine",
        ];
        paragraphs.extend(COPY);
        paragraphs.push(line);
        let rec = recognise(&doc(&paragraphs)).unwrap();
        assert!(
            rec.body.ends_with("without a future."),
            "{line}: {}",
            rec.body
        );
    }
}

#[test]
fn a_comment_marked_by_a_speech_balloon_after_the_piece_is_not_copy() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Mikko Laine is a teacher on Nagu.\n\n> 💬 Anna: bio ok? Need a photo by Friday.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("page.md", &text);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine is a teacher on Nagu.")
    );
}

#[test]
fn a_draft_note_after_the_piece_is_to_the_desk_and_files_it() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         *Draft 2 — for the Schools & Society section. Photos of the ferry available on request.*\n",
        COPY.join("\n\n")
    );
    let rec = read_as("draft.md", &text);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert_eq!(rec.section.as_deref(), Some("Schools & Society"));
    // An engine named in capitals opening a paragraph is copy, wherever it stands.
    let last = "V8 – and nothing smaller – was what the old ferry needed.";
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{last}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("draft.md", &text);
    assert!(rec.body.ends_with(last), "{}", rec.body);
}

#[test]
fn a_notes_apps_dek_property_is_the_standfirst() {
    let text = format!(
        "# The island schools that kept their pupils\n\n\
         Author: Mikko Laine\nDek: Ferries decide who stays. Some islands have learnt to pay.\n\
         Section: Education\nStatus: Ready for edit\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("page.md", &text);
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn an_author_cards_self_description_under_the_writers_name_is_their_bio() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title>\
         <meta name=\"author\" content=\"Mikko Laine\"></head><body><article>\
         <h1>The island schools that kept their pupils</h1>{}\
         <div class=\"author-card\"><h3>Written by Mikko Laine</h3><p>1.4K Followers</p>\
         <p>Teacher, sailor, reluctant statistician. I write about small places.</p>\
         <button>Follow</button></div></article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Teacher, sailor, reluctant statistician. I write about small places.")
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}
