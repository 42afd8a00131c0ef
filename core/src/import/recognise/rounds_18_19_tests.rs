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

    // Marks around copy whose head stands above them go, the head stays where it is; in
    // brackets as between rules.
    for (start, end) in [
        ("--- COPY STARTS ---", "--- COPY ENDS ---"),
        ("[ARTICLE BEGINS]", "[END OF ARTICLE]"),
    ] {
        let mut lines = vec![
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
            start,
        ];
        lines.extend(COPY);
        lines.push(end);
        let rec = recognise(&doc(&lines)).unwrap();
        assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
        assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    }
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

#[test]
fn lines_to_the_desk_after_the_piece_go_and_still_give_tags_and_addresses() {
    let closings: [&[&str]; 5] = [
        &[
            "*Declaration: I confirm that this article is my own original work and that it has \
             not been published elsewhere.*",
            "Signed: A. Lopes Date: 04.09.2025",
        ],
        &[
            "_Submitted to The Meridian, 2 May 2025. Word count 720. Corresponding author: Ana \
           Lopes, al@dps.example.org_",
        ],
        &[
            "*Got a tip about Europe's railways? Email ana.lopes@example.org or find Ana on \
           Bluesky at @analopes.bsky.social.*",
        ],
        &["Keywords: transport, villages, Spain"],
        &["Suggested image: the last bus at the depot (own photo).\nKeywords: transport, villages"],
    ];
    for closing in closings {
        let mut lines = vec![
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
        ];
        lines.extend(COPY);
        lines.extend(closing);
        let mut file = doc(&lines);
        // A paragraph's lines, as Markdown keeps them.
        if let Some(last) = file.blocks.last_mut() {
            last.markdown = closing[closing.len() - 1].to_string();
        }
        let rec = recognise(&file).unwrap();
        assert!(
            rec.body.ends_with("without a future."),
            "{closing:?}: {}",
            rec.body
        );
        assert_eq!(names(&rec), ["Ana Lopes"]);
        let email = rec.authors[0].email.as_deref();
        match closing[0] {
            c if c.contains("Corresponding") => assert_eq!(email, Some("al@dps.example.org")),
            c if c.contains("tip") => assert_eq!(email, Some("ana.lopes@example.org")),
            c if c.contains("Keywords") || c.contains("Suggested") => {
                assert_eq!(rec.tags[..2], ["transport", "villages"], "{closing:?}")
            }
            _ => {}
        }
    }
    // A sentence of the copy opening the same way stays.
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.push("Submitted to parliament in May, the bill has not been debated since.");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("debated since."), "{}", rec.body);
}

#[test]
fn an_address_under_a_bio_and_an_author_boxs_more_link_are_no_part_of_the_bio() {
    for bio in [
        "Ana Lopes is an economist at the Institute for Structural Research.\nana@ibs.example.org",
        "Ana Lopes is an economist at the Institute for Structural Research. More from this author",
    ] {
        let mut lines = vec![
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
        ];
        lines.extend(COPY);
        lines.push(bio);
        let rec = recognise(&doc(&lines)).unwrap();
        assert_eq!(
            rec.authors[0].bio.as_deref(),
            Some("Ana Lopes is an economist at the Institute for Structural Research."),
            "{bio}"
        );
    }
}

#[test]
fn a_cover_letter_signed_with_a_word_in_brackets_ends_above_the_piece() {
    let mut lines = vec![
        "Dear Ms Fischer,",
        "Please find below an article which my colleagues and I would like to submit for \
         publication. We are three researchers who have studied the ticket since 2023, and we \
         hope the piece may be of interest to your readers.",
        "Kind regards,",
        "Ana Lopes (on behalf of the authors)",
        "The bus that stopped and took the village with it",
        "Rural lines are cut when money is short. The places they served do not come back.",
        "Ana Lopes, Jonas Ek and Lena Roth",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(names(&rec), ["Ana Lopes", "Jonas Ek", "Lena Roth"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_form_with_rows_for_each_writer_gives_each_their_name_address_affiliation_and_bio() {
    let mut lines = vec![
        "The Meridian – Contributor submission form",
        "Please complete all fields and paste your article below the table.",
        "Author 1 – name",
        "Ana Lopes",
        "Author 1 – e-mail",
        "ana.lopes@example.org",
        "Author 1 – affiliation",
        "University of Porto",
        "Author 1 – short bio (max. 50 words)",
        "Ana Lopes is a geographer at the University of Porto.",
        "Author 2 – name",
        "Jonas Ek",
        "Author 2 – e-mail",
        "jek@example.org",
        "Author 2 – affiliation",
        "Lund University",
        "Author 2 – short bio (max. 50 words)",
        "Jonas Ek is a lecturer in sociology at Lund University.",
        "Proposed headline",
        "The bus that stopped and took the village with it",
        "Tags / keywords",
        "transport; villages",
        "ARTICLE TEXT",
        "The bus that stopped and took the village with it",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(names(&rec), ["Ana Lopes", "Jonas Ek"]);
    let emails: Vec<_> = rec.authors.iter().map(|a| a.email.as_deref()).collect();
    assert_eq!(
        emails,
        [Some("ana.lopes@example.org"), Some("jek@example.org")]
    );
    assert_eq!(
        rec.authors[1].affiliation.as_deref(),
        Some("Lund University")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Jonas Ek is a lecturer in sociology at Lund University.")
    );
    assert_eq!(rec.tags, ["transport", "villages"]);
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
}

#[test]
fn a_blogs_author_box_after_the_text_and_a_description_shortened_from_the_lead() {
    let lead = "Every time the city has an election, or a traffic jam, or a rainy week, somebody \
                declares that its cycling boom is over. This spring it was a columnist, so I \
                decided to look at the numbers.";
    let html = format!(
        "<html><head><title>Five years of bike lanes: what the counters actually say</title>\
         <meta property=\"og:description\" content=\"Every time the city has an election, or a \
         traffic jam, somebody declares that its cycling boom is over. So I looked at the \
         numbers.\"></head><body><article><h1>Five years of bike lanes: what the counters \
         actually say</h1><div class=\"entry-content\"><p>{lead}</p><p>{}</p>\
         <h2>What the counters say</h2><p>{}</p><p>{}</p>\
         <div class=\"author-bio\"><h2 class=\"author-title\">By Ana Lopes</h2>\
         <p class=\"author-description\">Ana Lopes is a data analyst who writes this blog.</p>\
         <a class=\"author-link\" href=\"/author/ana/\" rel=\"author\">View all of Ana Lopes's \
         posts.</a></div></div><footer><span class=\"byline\">By <a href=\"/author/ana/\" \
         rel=\"author\">Ana Lopes</a></span></footer></article></body></html>",
        COPY[0], COPY[1], COPY[2]
    );
    let rec = recognise(&crate::import::read("a.html", html.as_bytes()).unwrap()).unwrap();
    assert_eq!(rec.standfirst, "");
    assert_eq!(names(&rec), ["Ana Lopes"]);
    assert!(rec.body.starts_with("Every time the city"), "{}", rec.body);
    assert!(
        rec.body.contains("## What the counters say"),
        "{}",
        rec.body
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Ana Lopes is a data analyst who writes this blog.")
    );
}

#[test]
fn an_organisations_boilerplate_under_the_piece_ends_the_copy() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.extend([
        "Ana Lopes is a professor of geography at the University of Porto.",
        "About the University of Porto",
        "The University of Porto is a public research university founded in 1911. It has around \
         30,000 students. Follow us on LinkedIn.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(furniture::is_boilerplate_header(
        "ABOUT KU LEUVEN",
        "KU Leuven is Belgium's largest university."
    ));
    assert!(!furniture::is_boilerplate_header(
        "About the deal",
        "The deal was signed in May."
    ));
}

#[test]
fn a_line_above_the_headline_naming_the_paper_and_a_section_files_the_piece() {
    let mut lines = vec![
        "**For: The Meridian - Analysis**\n**Draft 2, 14 March - c. 800 words**",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    let mut file = doc(&lines);
    file.blocks[0].markdown = lines[0].to_string();
    file.blocks[0].text = "For: The Meridian - Analysis Draft 2, 14 March - c. 800 words".into();
    let rec = recognise(&file).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert_eq!(
        notes_above::section_in_label("For: The Courier | Opinion").as_deref(),
        Some("Opinion")
    );
    assert_eq!(notes_above::section_in_label("For: a better railway"), None);
}

#[test]
fn a_plain_text_subheading_in_quotation_marks_is_a_subheading() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.insert(3, "'They trust her'");
    lines.insert(5, "“Never again.”");
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(rec.body.contains("## 'They trust her'"), "{}", rec.body);
    assert!(!rec.body.contains("## “Never"), "{}", rec.body);
}

#[test]
fn a_short_name_for_the_pages_publisher_is_the_publisher() {
    for (publisher, bio) in [
        (
            "Institute for European Policy Analysis",
            "Ana Lopes is a fellow in the energy programme at IEPA, where she works on batteries.",
        ),
        (
            "The Midlands Courier",
            "Ana Lopes is the Courier’s agriculture correspondent.",
        ),
    ] {
        let mut lines = vec![
            "The bus that stopped and took the village with it",
            "By Ana Lopes",
        ];
        lines.extend(COPY);
        lines.push(bio);
        let mut page = doc(&lines);
        page.format = Format::Html;
        page.meta.publisher = Some(publisher.to_string());
        let rec = recognise(&page).unwrap();
        assert_eq!(
            rec.authors[0].affiliation.as_deref(),
            Some(publisher),
            "{bio}"
        );
    }
    assert!(patterns::short_for(
        "IEPA",
        "Institute for European Policy Analysis"
    ));
    assert!(!patterns::short_for("IEPA", "Institute for Energy"));
    assert!(!patterns::short_for("Courier", "Courier"));
}

#[test]
fn a_plain_text_subheading_over_a_short_paragraph_under_a_long_one() {
    let mut lines = vec![
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    lines.insert(3, "Why the plan is more credible");
    lines.insert(4, "There are three reasons to take the plan seriously.");
    // Between two short paragraphs, a short line is no subheading.
    lines.extend([
        "It did not work.",
        "Not this time",
        "Nobody came back.",
        "The council will vote on the new lines in May, and the villages will be watching every \
         word of the debate.",
    ]);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(
        rec.body.contains("## Why the plan is more credible"),
        "{}",
        rec.body
    );
    assert!(!rec.body.contains("## Not this time"), "{}", rec.body);
}

#[test]
fn a_press_offices_offer_in_its_own_third_person_above_the_piece_is_the_wrapping() {
    let mut lines = vec![
        "OP-ED OFFER - FOR PUBLICATION",
        "Dear editor,",
        "Ahead of the report's publication, the university's communications office is pleased to \
         offer The Meridian the following opinion piece by Professor Ana Lopes. The piece is \
         offered exclusively in English until 27 March. The author is available for interview.",
        "Word count: 640",
        "Images: a portrait photo of the author available on request.",
        "The bus that stopped and took the village with it",
        "By Ana Lopes",
    ];
    lines.extend(COPY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        rec.headline,
        "The bus that stopped and took the village with it"
    );
    assert!(rec.body.starts_with("When the bus stopped"), "{}", rec.body);
    assert!(furniture::is_desk_note("EXCLUSIVE OP-ED OFFER"));
    assert!(!furniture::is_desk_note("Images of the flood"));
}
