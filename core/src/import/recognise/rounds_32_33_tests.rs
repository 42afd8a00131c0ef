//! Rules learnt from rounds 32 and 33: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{doc, names, read_as};
use super::*;

#[test]
fn a_callout_titled_with_the_desk_alone_is_the_writers_note_to_it() {
    let text = format!(
        "---\ntitle: \"The island schools that kept their pupils\"\nauthor: \"Mikko Laine\"\n---\n\n\
         # The island schools that kept their pupils\n\n\
         > [!note] Editor\n> Filed from the train. Bio at the bottom. ~600 words.\n\n\
         *Ferries decide who stays. Some islands have learnt to pay for them.*\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("note.md", &text);
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays. Some islands have learnt to pay for them."
    );
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("Filed from the train"), "{}", rec.body);
    assert_eq!(names(&rec), ["Mikko Laine"]);
}

#[test]
fn a_line_of_hashtags_alone_after_the_piece_is_the_writers_filing() {
    let text = format!(
        "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         #to-edit #opinion-queue\n",
        COPY.join("\n\n")
    );
    let rec = read_as("note.md", &text);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    // A hashtag inside a sentence is the writer's copy.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Islanders shared it under #KeepOurFerry within a day.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("note.txt", &text);
    assert!(rec.body.ends_with("within a day."), "{}", rec.body);
}

#[test]
fn an_office_use_line_after_the_piece_is_the_offices_not_copy() {
    for line in [
        "Office use only: received 10/03/26 – passed to the opinion editor",
        "[Office use: cleared by AK 03/02. Do not alter quotes without approval.]",
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
        assert_eq!(names(&rec), ["Mikko Laine"]);
    }
}

#[test]
fn fields_on_one_line_parted_by_bars_leave_the_bar_out_of_their_values() {
    let mut paragraphs = vec![
        "SLUG: island-schools | SECTION: Education | FOR: Sat web + Mon print",
        "TAGS: islands, schools, ferries",
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert_eq!(rec.tags, ["islands", "schools", "ferries"]);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
}

#[test]
fn a_job_title_in_the_plural_after_the_writers_names_is_no_writer() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine and Anna Berg, Education Reporters",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    // A writer whose surname reads as a job in the plural is a writer.
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Anna Berg and Tom Fellows",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(names(&rec), ["Anna Berg", "Tom Fellows"]);
}

#[test]
fn an_end_mark_in_capitals_with_notes_after_a_dash_ends_the_copy() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.extend([
        "ENDS – pics: the harbour shots from last week are OK to use",
        "Mikko, can you check the ferry figure before Monday?",
    ]);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_box_of_facts_labelled_as_one_after_the_piece_is_not_its_copy() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.extend([
        "FACTBOX – Pupils on the islands: 2015: 410 | 2020: 350 | 2025: 330. Source: the \
         regional council's school census.",
        "ENDS",
    ]);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    // Mid-copy, a paragraph opening "Key facts:" is the writer's.
    let key_facts = "Key facts: the ferry carries about 400 pupils a day, and none of them can \
                     reach school when it stops.";
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(&COPY[..3]);
    paragraphs.push(key_facts);
    paragraphs.extend(&COPY[3..]);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.contains(key_facts), "{}", rec.body);
}

#[test]
fn a_web_forms_title_over_its_own_lines_opens_the_form() {
    let text = format!(
        "Island Review - Submit a letter or opinion piece\n\
         Form submission received: 27/01/2026 21:47\n\
         Form ID: opinion-submission-v2\n\
         =============================================\n\
         \n\
         Your name:\nMikko Laine\n\
         \n\
         Email address:\nm.laine@example.org\n\
         \n\
         Postcode area (not for publication):\nKW4\n\
         \n\
         Are you writing on behalf of an organisation?\nIsland Parents' Group (chair)\n\
         \n\
         Type of submission:\n[ ] Letter (up to 300 words)\n[x] Opinion piece (up to 800 words)\n\
         \n\
         Headline (optional):\nThe island schools that kept their pupils\n\
         \n\
         Your submission:\n{}\n\
         \n\
         Short biography (optional, max 50 words):\nMikko Laine is a retired teacher on Utö.\n\
         \n\
         May we edit your submission for length? Yes\n\
         I confirm this is my own work: Yes\n\
         \n\
         =============================================\n\
         This message was generated automatically by the Island Review website. Do not reply.\n",
        COPY.join("\n\n")
    );
    let doc = crate::import::txt::read(text.as_bytes()).unwrap();
    let rec = recognise(&doc).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine is a retired teacher on Utö.")
    );
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_joint_bio_a_sentence_on_each_writer_is_parted_between_them() {
    let mut paragraphs = vec!["The island schools that kept their pupils"];
    paragraphs.extend(COPY);
    paragraphs.push(
        "Dr Mikko Laine is a lecturer in education policy at the University of Turku. \
         Professor Anna Berg is professor of statistics at the same university.",
    );
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Dr Mikko Laine is a lecturer in education policy at the University of Turku.")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Professor Anna Berg is professor of statistics at the same university.")
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_forms_topics_are_the_pieces_tags() {
    let mut paragraphs = vec![
        "TITLE: The island schools that kept their pupils",
        "AUTHOR: Mikko Laine",
        "TOPICS: Islands; Schools; Ferries",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.tags, ["Islands", "Schools", "Ferries"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn a_blogs_meta_row_and_reading_time_under_the_headline_are_the_posts() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title></head><body>\
         <article><h1>The island schools that kept their pupils</h1>\
         <p>By Mikko Laine</p>\
         <p>November 8th, 2026 | Education, Islands | 0 comments</p>\
         <p>Estimated reading time: 4 minutes</p>{}</article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn posted_on_a_date_by_two_writers_names_them_both() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils</title></head><body>\
         <article><h1>The island schools that kept their pupils</h1>\
         <p>Posted on 5 March 2026 by Dr Mikko Laine and Dr Anna Berg</p>{}</article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn a_newsletters_name_over_the_post_named_again_after_it_is_no_headline() {
    let text = format!(
        "# The Island Letter\n\n## The island schools that kept their pupils\n\n\
         ### Two island teachers on why the ferry subsidy decides which schools survive\n\n**Mikko Laine and Anna Berg**\n\nFeb 20, 2026\n\n{}\n\n\
         Thanks for reading The Island Letter! Subscribe for free to receive new posts.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("post.md", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Two island teachers on why the ferry subsidy decides which schools survive"
    );
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    // A headline whose words come back in the piece's last sentence is the headline still.
    let text = format!(
        "# Island Schools\n\n## What the ferry decides\n\nBy Mikko Laine\n\n{}\n\n\
         Island schools are worth a ferry.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("post.md", &text);
    assert_eq!(rec.headline, "Island Schools");
}

#[test]
fn the_site_named_after_the_pages_title_is_the_publisher_a_bio_names_by_its_short_name() {
    let page = format!(
        "<html><head><title>The island schools that kept their pupils – The Island Gazette\
         </title></head><body><article><h1>The island schools that kept their pupils</h1>\
         <p>By Mikko Laine</p>{}<p>Mikko Laine is the Gazette’s education correspondent.</p>\
         </article></body></html>",
        COPY.iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let rec = read_as("page.html", &page);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("The Island Gazette")
    );
}
