//! Rules learnt from rounds 30 and 31: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{doc, names, read_as};
use super::*;

#[test]
fn a_forms_parts_named_between_rules_on_lines_of_their_own_its_questions_and_co_authors() {
    let text = format!(
        "ISLAND REVIEW – CONTRIBUTOR SUBMISSION FORM\n\
         Submission ID: IR-2026-0101\n\
         Status: NEW\n\
         \n\
         ==============================\n\
         CONTRIBUTOR DETAILS\n\
         ==============================\n\
         Full name: Dr. Mikko Laine\n\
         Email address: m.laine@example.org\n\
         Organisation / affiliation: Archipelago Institute\n\
         Have you written for Island Review before?: No\n\
         Phone: +358 40 000 0000\n\
         Co-author name(s): Anna Berg\n\
         Co-author email(s): a.berg@example.org\n\
         \n\
         ==============================\n\
         ARTICLE DETAILS\n\
         ==============================\n\
         Section: Society\n\
         Tags (comma-separated): islands, schools, ferries\n\
         Headline: The island schools that kept their pupils\n\
         Standfirst (max 40 words): Ferries decide who stays. Some islands have learnt to pay for them.\n\
         Word count: 640\n\
         \n\
         Article text:\n\
         {}\n\
         \n\
         Author bio(s): Mikko Laine is a researcher. || Anna Berg is a teacher.\n\
         \n\
         Photo supplied?: No\n\
         I agree to the contributor terms: Yes\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay for them."
    );
    // The co-author's fields name the second writer, with the address given there.
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert_eq!(rec.authors[1].email.as_deref(), Some("a.berg@example.org"));
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(rec.tags, ["islands", "schools", "ferries"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(
        rec.warnings.iter().all(|w| !w.contains("could not tell")),
        "{:?}",
        rec.warnings
    );
    // Nor, were the form's start lost, is its question a headline.
    assert!(!lost_start::could_be_a_headline(
        "Have you written for Island Review before?: No",
        &[]
    ));
}

#[test]
fn a_note_for_a_named_desk_and_a_kicker_over_the_headline_are_left_out() {
    let mut lines = vec![
        "Note for Island Review desk: second version after Anna's edits, changes accepted. \
         Photo credit if used: the coastguard's press office.",
        "Reportage",
        "The island schools are holding on. For how long?",
        "by Mikko Laine",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The island schools are holding on. For how long?"
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.section.as_deref(), Some("Reportage"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(furniture::is_desk_note(
        "Note to the Courier desk: the figures are checked."
    ));
}

#[test]
fn a_writers_chip_names_them_by_its_link_not_the_job_title_beside_it() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title></head><body>\
         <main><h1>The island schools that kept their pupils</h1>\
         <p class=\"lede\">Ferries decide who stays.</p>\
         <div class=\"authors\">\n\
         <div class=\"author\"><a href=\"/experts/mikko-laine\">Mikko Laine</a>\
         <span class=\"role\">Senior Fellow</span></div>\n\
         <div class=\"author\"><a href=\"/experts/anna-berg\">Anna Berg</a>\
         <span class=\"role\">Research Assistant</span></div>\n</div>\
         <div class=\"entry-content\">{}</div></main></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
}

#[test]
fn a_blog_pasted_as_text_its_topic_line_and_its_posted_on_by_line() {
    let text = format!(
        "Skip to content\n\
         Island notes — on the sea and the people who live by it\n\
         Home   About   Archive   Contact\n\
         \n\
         ANALYSIS · SCHOOLS\n\
         \n\
         The island schools that kept their pupils\n\
         \n\
         Posted on 2 November 2026 by Mikko Laine · 6 min read\n\
         \n\
         Share this: Facebook  X  Email\n\
         \n\
         {}\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(
        rec.warnings.iter().all(|w| !w.contains("could not tell")),
        "{:?}",
        rec.warnings
    );
}

#[test]
fn a_discussion_or_a_count_of_comments_heading_the_thread_after_the_piece_is_left_out() {
    for heading in ["## Discussion about this post", "Comments (2)"] {
        let text = format!(
            "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{heading}\n\n\
             **Anna Berg** · Mar 9 — Same on our island. Half an hour most mornings.\n",
            COPY.join("\n\n")
        );
        let rec = read_as("post.md", &text);
        assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    }
}

#[test]
fn a_forms_unanswered_field_its_about_you_field_and_the_rules_around_the_copy() {
    let text = format!(
        "=== Contribution form — submission #101 ===\n\
         Submitted: 2026-11-02 21:14 CET\n\
         \n\
         Name: Mikko Laine\n\
         Email: m.laine@example.org\n\
         Headline (suggested): The island schools that kept their pupils\n\
         Short summary (max 2 sentences): \n\
         About you (max 50 words): Mikko Laine is a retired teacher on Åland.\n\
         \n\
         Your text:\n\
         -----\n\
         {}\n\
         -----\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    assert!(doc.blocks.iter().all(|b| !b.text.contains("future. -----")));
    let rec = recognise(&doc).unwrap();
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine is a retired teacher on Åland.")
    );
    assert!(!rec.body.contains("Short summary"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_forms_instruction_above_its_fields_opens_the_form_with_no_title() {
    let mut lines = vec![
        "Please complete all fields and return to desk@example.org. Do not change the layout of \
         this form.",
        "Author: Mikko Laine",
        "Section: Society",
        "Title: The island schools that kept their pupils",
        "Summary: Ferries decide who stays. Some islands have learnt to pay for them.",
        "ARTICLE TEXT",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn a_writers_post_line_naming_the_publication_is_left_out() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title>\
         <meta name=\"author\" content=\"Mikko Laine\"></head><body><article>\
         <h1>The island schools that kept their pupils</h1>\
         <div class=\"pw-author\"><a href=\"/@mlaine\">Mikko Laine</a> &middot; \
         <span>Published in <a href=\"/island-review\">Island Review</a> &middot; 7 min read \
         &middot; Jan 28, 2025</span></div>{}</article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn an_internal_checklist_not_to_publish_after_the_piece_is_the_writers_own() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         ## Internal checklist (do not publish)\n\n- [x] Bio confirmed\n- [ ] Photo rights\n",
        COPY.join("\n\n")
    );
    let rec = read_as("note.md", &text);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}
