//! Rules learnt from rounds 28 and 29: the wrappings those rounds showed.

use super::tests::{doc, names, read_as};
use super::*;

/// A piece's copy, shared with the later rounds' tests.
pub(super) const COPY: [&str; 6] = [
    "When the ferry to the island stopped running in winter, the school lost a third of its \
     pupils within two years, because families could no longer count on reaching the mainland.",
    "Regional councils have tried subsidised flights, volunteer boats and grants for remote \
     teaching, and none of it has lasted longer than the budget that paid for it.",
    "The islands that kept their schools did one thing differently: they treated the crossing \
     as part of the school day, paid for by the education budget, not the transport one.",
    "That choice cost little. A boat that runs twice a day for forty weeks a year is cheaper than \
     a new school on the mainland and the buses to reach it.",
    "It also kept teachers, who will not live where their own children cannot get to class.",
    "The lesson is that an island without a way out is an island without a future.",
];

#[test]
fn a_piece_under_a_rule_below_an_outlook_reply_is_the_copy() {
    let mut lines = vec![
        "Hi Anna,",
        "Here is the version with your cuts. Headline is just a suggestion.",
        "Section: Society",
        "Cheers, Mikko",
        "-----Original Message-----",
        "From: Anna Berg <a.berg@example.org>",
        "Sent: 2 November 2026 10:15",
        "To: Mikko Laine <m.laine@example.org>",
        "Subject: RE: Island schools",
        "Mikko, thanks - could you get it under 700 words? A.",
        "===============================",
        "HEADLINE: The island schools that kept their pupils",
        "STANDFIRST: Ferries decide who stays. Some islands have learnt to pay for them.",
        "by Mikko Laine",
    ];
    lines.extend(COPY);
    lines.extend([
        "Bio: Mikko Laine is a freelance journalist in Turku.",
        "===============================",
        "Sent from my iPad",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(!rec.body.contains("under 700 words"), "{}", rec.body);
    // A rule under the earlier message with no headline under it is no piece: the reply's own
    // text stays the piece.
    let mut reply = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    reply.extend(COPY);
    reply.extend([
        "-----Original Message-----",
        "From: Anna Berg <a.berg@example.org>",
        "Subject: RE: Island schools",
        "Mikko, thanks. A.",
        "===============================",
        "Anna Berg, Features desk",
    ]);
    let rec = recognise(&doc(&reply)).unwrap();
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_plain_text_forms_parts_and_own_labels_are_the_forms() {
    let text = format!(
        "ISLAND REVIEW – CONTRIBUTOR SUBMISSION FORM\n\
         Submission ID: IR-2026-0101\n\
         Status: New\n\
         \n\
         == Contributor details ==\n\
         Full name(s): Mikko Laine; Anna Berg\n\
         Email address: m.laine@example.org\n\
         Organisation / affiliation: Mikko Laine – Archipelago Institute; Anna Berg – Baltic Schools Network\n\
         Have you written for us before?: No\n\
         \n\
         == Article ==\n\
         Preferred section: Society\n\
         Keywords / tags: islands, schools, ferries\n\
         Headline: The island schools that kept their pupils\n\
         Standfirst (max 40 words): Ferries decide who stays. Some islands have learnt to pay for them.\n\
         \n\
         Article text:\n\
         \n\
         {}\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(rec.tags, ["islands", "schools", "ferries"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("Submission ID"), "{}", rec.body);
    // A subject naming a platform is no form's title, whatever word it holds.
    assert!(!form::names_itself(
        "Re: Platform workers piece - revised version"
    ));
}

#[test]
fn a_forwards_labelled_fields_over_the_copy_start_the_piece() {
    let mut lines = vec![
        "---------- Forwarded message ---------",
        "From: Anna Berg <press@example.org>",
        "Subject: Fwd: piece on island schools",
        "Hi Tomas,",
        "Here is the final text from our two researchers. Both have signed off.",
        "Kind regards, Anna",
        "Anna Berg | Head of Communications",
        "> ---------- Forwarded message --------- From: Mikko Laine <m.laine@example.org> \
         Subject: Re: piece on island schools > Anna – final version below. M.",
        "Title: The island schools that kept their pupils Summary: Ferries decide who stays. \
         Authors: Mikko Laine and Sara Holm",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.standfirst, "Ferries decide who stays.");
    assert_eq!(names(&rec), ["Mikko Laine", "Sara Holm"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("Forwarded"), "{}", rec.body);
    assert!(!rec.body.contains("Head of Communications"), "{}", rec.body);
}

#[test]
fn a_section_field_hedged_as_a_question_still_files_the_piece() {
    let note = "As discussed, here is the final text. Section: Economy, I think? Tags we'd \
                suggest: ports, shipping.";
    assert_eq!(notes_above::section_named(note).as_deref(), Some("Economy"));
    let note = "Here is the revised version. Title as agreed. Section Analysis, I suppose?";
    assert_eq!(
        notes_above::section_named(note).as_deref(),
        Some("Analysis")
    );
    // A section of something, as prose says it, is none.
    assert_eq!(
        notes_above::section_named("We cut the section on Porto, I think?"),
        None
    );
}

#[test]
fn a_first_name_after_a_dash_signs_the_note_above_the_headline() {
    let mut lines = vec![
        "Note to the editors: this is the piece we discussed. Mikko and I are happy for you to \
         trim it. Please do not use the photo from the university website.",
        "— Anna",
        "The island schools that kept their pupils",
        "Anna Berg and Mikko Laine",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Anna Berg", "Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn comments_signed_after_their_markers_are_left_out_though_the_copy_lost_the_markers() {
    let mut lines = vec!["The island schools that kept their pupils", "By Anna Berg"];
    lines.extend(COPY);
    lines.push(
        "[a]Mikko: should we mention the Åland ferries? [b]Anna: leave it, one example is enough",
    );
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(!rec.body.contains("Åland"), "{}", rec.body);
    // A bracketed letter opening a paragraph, signed by no one and nowhere in the copy, stays.
    let mut lines = vec!["The island schools that kept their pupils", "By Anna Berg"];
    lines.extend(COPY);
    lines.push("[a] the ferry timetable of 2019, as the council published it.");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.contains("ferry timetable"), "{}", rec.body);
}

#[test]
fn a_reviewers_comment_under_their_initials_is_a_note_to_the_desk() {
    assert!(finish::is_note_to_editor(
        "[Comment JM: Section – Opinion. Anna OK'd headline on the phone.]"
    ));
    assert!(finish::is_note_to_editor(
        "\\[Comment AL: add the inspection figures here? – JM: no, keep it general]"
    ));
    assert!(finish::is_note_to_editor(
        "[Comment AI2: should we add a standfirst?]"
    ));
    // Brackets in the copy that no reviewer signs stay the writer's.
    assert!(!finish::is_note_to_editor(
        "[Comments from readers have been edited for length.]"
    ));
    let mut lines = vec![
        "[Comment JM: Section – Opinion. Anna OK'd headline on the phone.]",
        "The island schools that kept their pupils",
        "Anna Berg",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Anna Berg"]);
}

#[test]
fn a_plain_text_forms_fields_run_line_by_line_and_its_bio_field_closes_it() {
    let text = format!(
        "ISLAND REVIEW - GUEST CONTRIBUTION FORM\n\
         Please fill in all fields and return to submissions@example.org\n\
         \n\
         Name(s) of author(s): Anna Berg\n\
         E-mail: a.berg@example.org\n\
         Organisation: Archipelago Institute\n\
         Proposed section: Society\n\
         Keywords: islands, schools\n\
         Has this piece been offered elsewhere? No\n\
         Conflict of interest: The author advises the island council on transport.\n\
         \n\
         Title of piece:\n\
         The island schools that kept their pupils\n\
         \n\
         Text of piece:\n\
         \n\
         {}\n\
         \n\
         Author bio (max. 40 words):\n\
         Anna Berg is a researcher at the Archipelago Institute in Turku.\n\
         \n\
         Declaration: I confirm that this text is my original work. [X]\n\
         Signature: A. Berg          Date: 12/10/2026\n\
         \n\
         FOR OFFICE USE ONLY\n\
         Received by: ____   Editor assigned: ____\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Anna Berg"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Anna Berg is a researcher at the Archipelago Institute in Turku.")
    );
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_press_offices_contact_lines_after_the_piece_are_left_out() {
    for line in [
        "Press contact: Jan Müller, assistant to Anna Berg MEP – j.mueller@example.org – +32 2 000 00 00",
        "For interview requests please contact press@example.org.",
        "For media enquiries, contact press@example.org",
    ] {
        let mut lines = vec!["The island schools that kept their pupils", "By Anna Berg"];
        lines.extend(COPY);
        lines.extend([
            "Anna Berg is a Member of the European Parliament for the islands.",
            line,
        ]);
        let rec = recognise(&doc(&lines)).unwrap();
        assert!(
            rec.body.ends_with("without a future."),
            "{line}: {}",
            rec.body
        );
        assert_eq!(rec.authors[0].email, None, "{line}");
    }
}

#[test]
fn a_tables_label_may_carry_a_qualifier() {
    use crate::import::docx::table::field_label;
    assert_eq!(field_label("Suggested tags").as_deref(), Some("tags"));
    assert_eq!(
        field_label("Proposed headline").as_deref(),
        Some("headline")
    );
    assert_eq!(
        field_label("Preferred section:").as_deref(),
        Some("section")
    );
    // A qualifier over no field the table knows labels nothing.
    assert_eq!(field_label("Suggested reading"), None);
}

#[test]
fn a_submission_labelled_to_the_paper_names_the_section_after_it() {
    assert_eq!(
        notes_above::section_in_label("SUBMISSION TO: The Island Review – Europe section")
            .as_deref(),
        Some("Europe")
    );
    assert_eq!(
        notes_above::section_in_label("Submission to The Island Review – Society section")
            .as_deref(),
        Some("Society")
    );
}

#[test]
fn a_callout_of_reminders_for_sending_the_piece_is_the_writers_own() {
    let md = format!(
        "> [!note] To send to Island Review\n\
         > Anna said 800 words max, due Friday. Remember to attach headshot.\n\n\
         # The island schools that kept their pupils\n\n\
         *Ferries decide who stays.*\n\n\
         **Mikko Laine**\n\n\
         {}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("a.md", &md);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("headshot"), "{}", rec.body);
    // A callout the piece sets for its readers stays.
    let md = format!(
        "# The island schools that kept their pupils\n\n{}\n\n\
         > [!info] Sending children to school by boat\n\
         > Twelve islands run a school ferry.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("a.md", &md);
    assert!(rec.body.contains("Twelve islands"), "{}", rec.body);
}

#[test]
fn a_final_label_asking_for_checks_before_sending_is_a_note_above_the_headline() {
    assert!(notes_above::is_draft_label(
        "FINAL?? - please check comments before sending to Island Review"
    ));
    assert!(notes_above::is_draft_label(
        "Read once more before sending to the desk"
    ));
    // A headline that opens with the word is none.
    assert!(!notes_above::is_draft_label(
        "Final offer: the island ferries"
    ));
    let mut lines = vec![
        "FINAL?? - please check comments before sending to Island Review",
        "The island schools that kept their pupils",
        "Anna Berg and Mikko Laine",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Anna Berg", "Mikko Laine"]);
}

#[test]
fn counts_run_together_are_bare_counts() {
    assert!(furniture::is_bare_counts("1.2K37"));
    assert!(furniture::is_bare_counts("3K 12"));
    assert!(!furniture::is_bare_counts("4K video"));
    assert!(!furniture::is_bare_counts("A4K"));
}

#[test]
fn a_web_page_pasted_as_text_opens_with_its_skip_link_and_chrome() {
    let text = format!(
        "Skip to main content\nHome | About | Research | Events\nSearch\n\n\
         Publications > Commentary\n\n\
         Commentary\nPublished 14 October 2026\nShare: Facebook | X | LinkedIn | Email\n\n\
         The island schools that kept their pupils\n\n\
         Ferries decide who stays. Some islands have learnt to pay for them.\n\n\
         Dr Anna Berg\n\n{}\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Anna Berg"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    // A headline that opens with "Skip" is no skip link.
    let headline =
        crate::import::Block::paragraph("Skip the ferry: how islands keep their schools");
    assert_eq!(furniture::page_chrome_above(&[&headline]), None);
}

#[test]
fn a_newsletters_name_over_its_links_is_its_masthead_not_the_headline() {
    let md = format!(
        "# The Island Letter\n\n\
         [Subscribe](https://example.org/subscribe) · [Archive](https://example.org/archive)\n\n\
         ---\n\n\
         # The island schools that kept their pupils\n\n\
         ### Ferries decide who stays. Some islands have learnt to pay for them.\n\n\
         [Anna Berg](https://example.org/@anna)\n\n\
         {}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("a.md", &md);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.standfirst.starts_with("Ferries decide"), "{rec:?}");
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    // A headline over a short line of copy and a subheading is the headline still.
    let md = format!(
        "# The island schools that kept their pupils\n\n\
         By Anna Berg\n\n\
         # Why the ferry matters\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("a.md", &md);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
}

#[test]
fn a_count_of_comments_is_post_metadata() {
    assert!(furniture::is_post_meta(
        "Posted on by Dr Anna Berg in Public health · 3 Comments"
    ));
    assert!(furniture::is_post_meta("12 responses"));
    assert!(furniture::is_post_meta("No comments"));
    assert!(!furniture::is_post_meta(
        "Comments from readers were mostly kind"
    ));
}

#[test]
fn a_blogs_category_link_files_the_piece() {
    let copy: String = COPY.iter().map(|p| format!("<p>{p}</p>")).collect();
    for mark in [
        r#"<div class="post-categories">Filed under: <a href="/c/society">Society</a></div>"#,
        r#"<div class="entry-meta">Posted by Anna Berg in <a href="/c/society" rel="category tag">Society</a></div>"#,
    ] {
        let page = format!(
            "<html><head><title>The island schools</title></head><body><article>\
             <h1>The island schools that kept their pupils</h1>{mark}\
             <p class=\"byline\">By Anna Berg</p>{copy}</article></body></html>"
        );
        let rec = read_as("a.html", &page);
        assert_eq!(rec.section.as_deref(), Some("Society"), "{mark}");
    }
}

#[test]
fn a_think_tanks_related_publications_head_its_teasers() {
    for header in [
        "Related publications",
        "Related research",
        "Related reports:",
    ] {
        assert!(furniture::is_related_header(header), "{header}");
    }
    assert!(!furniture::is_related_header(
        "Related research shows the ferries matter"
    ));
}
