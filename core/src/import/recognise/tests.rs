use super::*;
use crate::import::{BlockKind, Format, Meta, MetaAuthor};

/// A plain-text document of these paragraphs (the recogniser's tests share it).
pub(super) fn doc(paragraphs: &[&str]) -> Document {
    Document {
        format: Format::Text,
        meta: Meta::default(),
        blocks: paragraphs.iter().map(|p| Block::paragraph(p)).collect(),
        warnings: vec![],
    }
}

/// What import makes of a file of this name and text, read as import reads it.
pub(super) fn read_as(name: &str, text: &str) -> Recognised {
    let doc = crate::import::read(name, text.as_bytes()).expect("a readable file");
    recognise(&doc).expect("a recognisable piece")
}

pub(super) fn names(rec: &Recognised) -> Vec<&str> {
    rec.authors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn standfirst_naming_the_author_bio_after_it_and_furniture_at_the_end() {
    let rec = recognise(&doc(&[
        "Why the water deals keep failing –",
        "Brussels has spent a decade on dams. The problem is who decides, writes Marta Lindqvist.",
        "Marta Lindqvist is a senior fellow at the Nordic Institute.",
        "When the EU announced its package, the press releases spoke of resilience.",
        "It is the only approach that has outlasted the governments.",
        "About Pieter de Vries",
        "Check Also",
        "Council extends sanctions regime",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "Why the water deals keep failing");
    assert!(rec.standfirst.ends_with("writes Marta Lindqvist."));
    assert_eq!(names(&rec), ["Marta Lindqvist"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Marta Lindqvist is a senior fellow at the Nordic Institute.")
    );
    assert_eq!(
        rec.body,
        "When the EU announced its package, the press releases spoke of resilience.\n\n\
         It is the only approach that has outlasted the governments."
    );
    assert_eq!(
        rec.dropped,
        [
            "About Pieter de Vries",
            "Check Also",
            "Council extends sanctions regime"
        ]
    );
    assert!(rec.warnings.is_empty(), "{:?}", rec.warnings);
}

#[test]
fn byline_line_of_two_and_their_bios_at_the_end() {
    let rec = recognise(&doc(&[
        "NATO at the crossroads",
        "By Ana Pereira and Tomasz Wójcik",
        "As the alliance prepares for its summit, the flanks want different things.",
        "A summit that funds the common enablers will strengthen both.",
        "Ana Pereira is a researcher at the Portuguese Institute.",
        "Tomasz Wójcik is an analyst at the Warsaw Security Forum.",
    ]))
    .unwrap();
    assert_eq!(rec.standfirst, "");
    assert_eq!(names(&rec), ["Ana Pereira", "Tomasz Wójcik"]);
    assert!(rec.authors.iter().all(|a| a.bio.is_some()));
    assert!(rec.body.ends_with("will strengthen both."));
}

#[test]
fn bios_alone_give_the_byline_when_nothing_else_names_the_author() {
    let rec = recognise(&doc(&[
        "A headline",
        "The body opens here and goes on for a while.",
        "It closes here.",
        "Siobhán O'Neill is director of the Dublin Centre for European Affairs.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Siobhán O'Neill"]);
    assert_eq!(rec.body.matches("\n\n").count(), 1);
}

#[test]
fn a_public_figure_in_the_body_is_not_an_author() {
    let rec = recognise(&doc(&[
        "A headline",
        "By Jane Roe",
        "The summit opened late.",
        "Emmanuel Macron is a president who likes a late night, and it showed.",
        "Nobody left before three.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Jane Roe"]);
    assert!(rec.body.contains("Emmanuel Macron"));
    assert_eq!(rec.warnings, ["no bio found for Jane Roe"]);
}

#[test]
fn the_files_own_title_and_standfirst_win_and_are_not_repeated_in_the_body() {
    let mut d = doc(&[
        "The Baltic grid is ready",
        "The hard part starts now.",
        "Body.",
    ]);
    d.meta.title = Some("The Baltic grid is ready".into());
    d.meta.standfirst = Some("The hard part starts now.".into());
    d.meta.authors = vec![MetaAuthor {
        name: "Ieva Kalniņa".into(),
        email: Some("ieva@example.org".into()),
        ..MetaAuthor::default()
    }];
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.headline, "The Baltic grid is ready");
    assert_eq!(rec.standfirst, "The hard part starts now.");
    assert_eq!(rec.body, "Body.");
    assert_eq!(rec.authors[0].email.as_deref(), Some("ieva@example.org"));
}

#[test]
fn share_prompts_promos_and_tags_lines_leave_the_body() {
    let rec = recognise(&doc(&[
        "Headline",
        "By Jane Roe, jane.roe@example.org",
        "First paragraph.",
        "Read more: Why the Sahel's water deals keep failing",
        "Second paragraph.",
        "Share this:",
        "Facebook Twitter LinkedIn Email",
        "Tags: energy, Baltics",
    ]))
    .unwrap();
    assert_eq!(rec.body, "First paragraph.\n\nSecond paragraph.");
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("jane.roe@example.org")
    );
    assert_eq!(rec.authors[0].affiliation, None);
    assert_eq!(rec.tags, ["energy", "Baltics"]);
    assert_eq!(rec.dropped.len(), 4);
}

#[test]
fn an_emphasised_first_paragraph_is_the_standfirst() {
    let mut d = doc(&["Headline", "A short italic summary.", "Body."]);
    d.blocks[1].emphasised = true;
    d.blocks[1].markdown = "*A short italic summary.*".into();
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.standfirst, "A short italic summary.");
    assert_eq!(rec.body, "Body.");
}

#[test]
fn list_items_stay_one_list() {
    let mut d = doc(&["Headline", "Intro.", "one", "two", "After."]);
    for (i, n) in [(2, 1), (3, 2)] {
        d.blocks[i].kind = BlockKind::ListItem { ordered: true };
        d.blocks[i].markdown = format!("{n}. {}", d.blocks[i].text);
    }
    assert_eq!(
        recognise(&d).unwrap().body,
        "Intro.\n\n1. one\n2. two\n\nAfter."
    );
}

#[test]
fn copy_without_a_headline_or_body_is_refused() {
    let long = "word ".repeat(120);
    let e = recognise(&doc(&[long.as_str(), "More."])).unwrap_err();
    assert!(e.to_string().contains("no recognisable headline"), "{e}");
    // Rules and dashes are not text.
    let e = recognise(&doc(&["— … —", "* * *"])).unwrap_err();
    assert_eq!(e.to_string(), "has no text");
    let e = recognise(&doc(&[])).unwrap_err();
    assert_eq!(e.to_string(), "has no text");
    let e = recognise(&doc(&["Only a headline"])).unwrap_err();
    assert!(e.to_string().contains("no body text"), "{e}");
}

#[test]
fn a_kicker_above_the_headline_and_a_signature_below_the_body() {
    let rec = recognise(&doc(&[
        "OPINION",
        "Prague's trams show the way",
        "Prague has added four new tram lines.",
        "Other capitals should take notes.",
        "—Pavel Novák",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "Prague's trams show the way");
    assert_eq!(names(&rec), ["Pavel Novák"]);
    assert_eq!(rec.dropped, ["OPINION", "—Pavel Novák"]);
    assert!(rec.body.ends_with("take notes."));
}

#[test]
fn a_submission_form_fills_the_fields() {
    let rec = recognise(&doc(&[
        "HEADLINE: Slovakia's media law STANDFIRST: A law that sounds dull is not. BYLINE: MARTINA HORVÁTHOVÁ WORDS: 800",
        "The law passed on a Tuesday.",
        "It will be tested in court.",
        "The author is a media lawyer in Bratislava.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "Slovakia's media law");
    assert_eq!(rec.standfirst, "A law that sounds dull is not.");
    assert_eq!(names(&rec), ["Martina Horváthová"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("The author is a media lawyer in Bratislava.")
    );
    assert!(rec.body.ends_with("tested in court."));
}

#[test]
fn metadata_names_two_people_in_one_field_and_one_paragraph_holds_both_bios() {
    let mut d = doc(&[
        "Headline",
        "Body.",
        "Lena Hoffmann is a fellow at the Hertie School. Pieter Janssens is an economist at Bruegel.",
    ]);
    d.meta.authors = vec![MetaAuthor {
        name: "Lena Hoffmann, Pieter Janssens".into(),
        ..MetaAuthor::default()
    }];
    let rec = recognise(&d).unwrap();
    assert_eq!(names(&rec), ["Lena Hoffmann", "Pieter Janssens"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Lena Hoffmann is a fellow at the Hertie School.")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Pieter Janssens is an economist at Bruegel.")
    );
    assert_eq!(rec.body, "Body.");
}

#[test]
fn notices_captions_and_post_metadata_leave_the_body() {
    let rec = recognise(&doc(&[
        "Headline",
        "By Jane Roe | 14 March 2025",
        "5 min read",
        "Photo: the port at dawn (Jane Roe)",
        "The port is quiet.",
        "This article was first published by the Danube Policy Review.",
        "The views expressed are the author's own.",
        "Follow Jane on X: @janeroe",
    ]))
    .unwrap();
    assert_eq!(rec.body, "The port is quiet.");
    assert_eq!(rec.dropped.len(), 5, "{:?}", rec.dropped);
}

#[test]
fn a_bio_alone_gives_the_byline_with_a_warning_to_check_it() {
    let rec = recognise(&doc(&[
        "Headline",
        "The body.",
        "More body.",
        "Kaja Kallas is the EU's top diplomat.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Kaja Kallas"]);
    assert!(
        rec.warnings[0].contains("check the byline"),
        "{:?}",
        rec.warnings
    );
}

#[test]
fn a_press_officers_note_above_a_rule_is_left_out_and_the_author_is_line_is_the_bio() {
    let rec = recognise(&doc(&[
        "Good afternoon,",
        "On behalf of Ambassador Eero Rautio, I am pleased to offer the article below for \
         exclusive publication in your outlet. The text has been cleared and may be edited for \
         length, but we would be grateful if any substantive changes could be shared with us before \
         publication, and we would like to hear by Friday whether you intend to run the piece.",
        "With best regards,",
        "Sofia Lindqvist",
        "Press and Public Diplomacy Officer",
        "Ministry for Foreign Affairs",
        "Tel. +358 50 555 7731",
        "sofia.lindqvist@example.net",
        "-----------------------------------------------------------------",
        "Ships are coming to the Arctic. The rules must come first",
        "Melting sea ice is opening routes faster than rules are written, argues Eero Rautio.",
        "Last September a bulk carrier sailed from the Barents Sea to the Bering Strait.",
        "We should treat its new shipping lanes the same way.",
        "The author is Special Envoy for Arctic Affairs at the Ministry for Foreign Affairs.",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Ships are coming to the Arctic. The rules must come first"
    );
    assert_eq!(names(&rec), ["Eero Rautio"]);
    // The press officer's address is hers, not the author's.
    assert_eq!(rec.authors[0].email, None);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("The author is Special Envoy for Arctic Affairs at the Ministry for Foreign Affairs.")
    );
    assert!(rec.body.starts_with("Last September"), "{}", rec.body);
    assert!(rec.body.ends_with("the same way."), "{}", rec.body);
    assert!(rec.dropped.iter().any(|d| d == "Sofia Lindqvist"));
}

#[test]
fn a_greeting_note_and_sign_off_above_the_headline_are_left_out() {
    let rec = recognise(&doc(&[
        "Dear Tom,",
        "Please find below a short comment piece on the regional fund, which I hope might suit \
         your Analysis section. It is a little under 800 words.",
        "Many thanks for considering it, Helena",
        "Why the regional fund reform will reward the regions that need it least",
        "By Helena Marčanová",
        "When the ministry unveiled its plan, the reaction in Prague was polite applause.",
        "Members of parliament should make sure their voices are heard.",
        "Helena Marčanová is an associate professor at the Moravian School of Governance.",
        "--",
        "Dr Helena Marčanová",
        "Associate Professor of Public Policy",
        "Moravian School of Governance",
        "Údolní 53, 602 00 Brno",
        "Tel.: +420 555 012 448",
        "h.marcanova@example.org",
        "www.msg.example.org",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Why the regional fund reform will reward the regions that need it least"
    );
    assert_eq!(rec.standfirst, "");
    let a = &rec.authors[0];
    assert_eq!(a.name, "Helena Marčanová");
    assert_eq!(a.email.as_deref(), Some("h.marcanova@example.org"));
    // The employer from the signature: not the job title, the street or the telephone number.
    assert_eq!(
        a.affiliation.as_deref(),
        Some("Moravian School of Governance")
    );
    assert!(a.bio.is_some());
    assert!(rec.body.ends_with("voices are heard."), "{}", rec.body);
}

#[test]
fn a_note_without_a_greeting_above_a_rule_and_a_phones_sign_off_are_left_out() {
    let rec = recognise(&doc(&[
        "Tom - pasting the finished piece in below, as the attachment bounced twice this morning. \
         It's just under 800 words. All quotes are from interviews I did in person last week, and \
         I'll send the invoice separately once you've confirmed.",
        "Paulina",
        "___",
        "At the border, farmers' anger has outlasted the blockade",
        "Words: Paulina Sokołowska",
        "The tractors left the road outside Bobrowniki in the spring.",
        "\"I'm more worried about what doesn't come from over here.\"",
        "Paulina Sokołowska is a freelance journalist based in Białystok.",
        "Sent from my iPhone",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "At the border, farmers' anger has outlasted the blockade"
    );
    assert_eq!(names(&rec), ["Paulina Sokołowska"]);
    assert!(rec.authors[0].bio.is_some());
    assert!(rec.body.starts_with("The tractors"), "{}", rec.body);
    assert!(rec.body.ends_with("over here.\""), "{}", rec.body);
}

#[test]
fn a_signature_under_a_sign_off_gives_its_author_an_address_and_employer_and_a_legal_notice_goes() {
    let rec = recognise(&doc(&[
        "A customs union built for the 1990s cannot carry trade in the 2020s",
        "Kerem Aydın & Ioanna Papadaki",
        "When the customs union took effect in 1996, it was ambitious.",
        "The committee rooms have been empty for too long.",
        "Kerem Aydın is a senior analyst at the Aegean Policy Forum in Izmir.",
        "Ioanna Papadaki is a research fellow at the Institute for South-East European Studies.",
        "Best wishes, Kerem",
        "Kerem Aydın | Senior Analyst | Aegean Policy Forum",
        "Cumhuriyet Bulvarı 118, 35210 Konak, Izmir",
        "+90 232 555 0146 | k.aydin@example.org",
        "CONFIDENTIALITY NOTICE: This e-mail message and any attachments are intended solely for \
         the use of the addressee(s) and may contain confidential information.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Kerem Aydın", "Ioanna Papadaki"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("k.aydin@example.org"));
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Aegean Policy Forum")
    );
    assert_eq!(rec.authors[1].email, None);
    assert!(rec.body.ends_with("for too long."), "{}", rec.body);
}

#[test]
fn a_first_person_paragraph_before_a_section_rule_is_copy_not_a_cover_note() {
    let rec = recognise(&doc(&[
        "What I learned from editing the AI Act",
        "By Jane Roe",
        "I spent two years on this law, and you will forgive me if I count every word of it.",
        "* * *",
        "The second part of the story begins in Strasbourg.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "What I learned from editing the AI Act");
    assert!(rec.body.starts_with("I spent two years"), "{}", rec.body);
}

#[test]
fn a_bio_set_above_the_piece_is_the_bio_not_the_standfirst() {
    let rec = recognise(&doc(&[
        "Our cities are still building for yesterday's heatwaves",
        "Ingrid Halvorsen, Senior Researcher, Climate Resilience",
        "Ingrid Halvorsen leads the urban adaptation programme at the Nordic Centre for Climate \
         Resilience in Bergen.",
        "It is a strange thing to write about heat from a city known for its rain.",
        "We only have to be willing to learn.",
    ]))
    .unwrap();
    assert_eq!(rec.standfirst, "");
    assert_eq!(names(&rec), ["Ingrid Halvorsen"]);
    assert!(rec.authors[0].bio.is_some());
    assert!(
        rec.body.starts_with("It is a strange thing"),
        "{}",
        rec.body
    );
}

fn styled(kind: BlockKind, text: &str) -> Block {
    Block {
        kind,
        ..Block::paragraph(text)
    }
}

#[test]
fn word_title_and_subtitle_win_over_the_notes_above_them() {
    let d = Document {
        format: Format::Docx,
        meta: Meta::default(),
        blocks: vec![
            Block::paragraph("EMBARGOED UNTIL 00:01 CET, TUESDAY 12 MARCH"),
            Block::paragraph("Word count: 812"),
            Block::paragraph("Author contact: rasa.vaitkute@example.org | +370 655 50 192"),
            Block::paragraph("Suggested section: Energy / Comment"),
            Block::paragraph("Draft 2, revised after Tom's notes of 4 September."),
            styled(
                BlockKind::Title,
                "Baltic offshore wind needs cables before it needs more auctions",
            ),
            Block::paragraph("By Rasa Vaitkutė"),
            styled(
                BlockKind::Subtitle,
                "Without a shared plan for the grid, many projects will never be built.",
            ),
            Block::paragraph("Every few months, another government announces an auction."),
            Block::paragraph("Rasa Vaitkutė is an energy analyst at the Baltic Grid Forum."),
        ],
        warnings: vec![],
    };
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.headline,
        "Baltic offshore wind needs cables before it needs more auctions"
    );
    assert_eq!(
        rec.standfirst,
        "Without a shared plan for the grid, many projects will never be built."
    );
    assert_eq!(names(&rec), ["Rasa Vaitkutė"]);
    // The contact line above the piece spells her name: it is her address.
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("rasa.vaitkute@example.org")
    );
    assert_eq!(
        rec.body,
        "Every few months, another government announces an auction."
    );
}

#[test]
fn a_description_cut_from_the_first_paragraph_is_no_standfirst_and_the_paragraph_stays() {
    let mut d = doc(&[
        "Raising the pension age is not a pension reform",
        "By Zuzana Kollárová",
        "Every few years, a Central European finance minister announces that the retirement age \
         must rise, and every few years the announcement is treated as the whole of pension policy.",
        "The larger problem is easy to state.",
    ]);
    d.meta.standfirst = Some(
        "Every few years, a Central European finance minister announces that the retirement age \
         must rise, and every few..."
            .into(),
    );
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with("Every few years"), "{}", rec.body);

    // A description that is the copy's first paragraph in full is its standfirst.
    d.meta.standfirst = Some(d.blocks[2].text.clone());
    let rec = recognise(&d).unwrap();
    assert!(rec.standfirst.starts_with("Every few years"));
    assert!(rec.body.starts_with("The larger problem"), "{}", rec.body);
}

fn page(meta_author: &str, paragraphs: &[&str]) -> Document {
    let mut d = doc(paragraphs);
    d.format = Format::Html;
    d.meta.authors = vec![MetaAuthor {
        name: meta_author.into(),
        ..MetaAuthor::default()
    }];
    d
}

#[test]
fn the_writer_the_copy_names_wins_over_a_pages_author_who_is_the_poster() {
    let rec = recognise(&page(
        "Clara Whitfield",
        &[
            "Europe's migration pact will be won or lost in small towns",
            "The pact will stand or fall in small towns, writes Nikos Andreadis.",
            "Posted by Clara Whitfield",
            "After almost a decade of negotiation, the Union has a pact.",
            "Whether it works will be decided far from Brussels.",
            "Nikos Andreadis is a researcher at the Hellenic Observatory in Thessaloniki.",
        ],
    ))
    .unwrap();
    assert_eq!(names(&rec), ["Nikos Andreadis"]);
    assert_eq!(rec.posted_by.as_deref(), Some("Clara Whitfield"));
    assert!(rec.authors[0].bio.is_some());
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Hellenic Observatory")
    );
    assert!(
        rec.warnings.iter().any(|w| w.contains("Clara Whitfield")),
        "{:?}",
        rec.warnings
    );
}

#[test]
fn a_poster_who_is_also_the_only_writer_named_stays_the_byline() {
    let rec = recognise(&page(
        "Marko Babić",
        &[
            "Croatia's euro year: prices, panic and the real numbers",
            "Posted by Marko Babić",
            "When Croatia adopted the euro, cafés raised the price of an espresso overnight.",
            "Bulgaria should learn the right lesson.",
            "Marko Babić is an economist at the Zagreb Institute of Economics.",
        ],
    ))
    .unwrap();
    assert_eq!(names(&rec), ["Marko Babić"]);
    assert_eq!(rec.posted_by.as_deref(), Some("Marko Babić"));
    assert!(rec.authors[0].bio.is_some());
}

#[test]
fn front_matter_authors_are_the_writers_own_and_not_overruled() {
    let mut d = page(
        "Ieva Kalniņa",
        &[
            "The Baltic grid",
            "The grid is ready, writes Jonas Petraitis.",
            "The body starts here.",
        ],
    );
    d.format = Format::Markdown;
    let rec = recognise(&d).unwrap();
    assert_eq!(names(&rec), ["Ieva Kalniņa"]);
    assert_eq!(rec.posted_by, None);
}

#[test]
fn a_section_label_above_the_headline_files_the_piece() {
    let rec = recognise(&doc(&[
        "OPINION",
        "Prague's trams show the way",
        "By Pavel Novák",
        "Prague has added four new tram lines.",
    ]))
    .unwrap();
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
    assert_eq!(rec.headline, "Prague's trams show the way");
}

#[test]
fn blog_and_newsletter_prompts_at_the_end_are_furniture() {
    let rec = recognise(&doc(&[
        "In praise of minority governments",
        "By Freya Lindholm",
        "When foreign journalists write about Scandinavian politics, they reach for one word.",
        "It may be the one best suited to an age of fragmented electorates.",
        "Thanks for reading The Northern Ledger! Subscribe for free to receive new posts.",
        "Sign up for our newsletter to get the week's analysis every Friday.",
        "Get the Balkan Ledger morning briefing in your inbox. No spam, unsubscribe at any time.",
        "Our morning briefing on Central and Eastern Europe, five days a week.",
        "Leave a comment",
        "Join the discussion",
    ]))
    .unwrap();
    assert!(
        rec.body.ends_with("fragmented electorates."),
        "{}",
        rec.body
    );
}

#[test]
fn plain_text_subheadings_become_headings_and_the_body_starts_at_level_two() {
    let prose = "This paragraph of prose runs on for long enough, more than fifteen words, to be \
                 read as the body of the piece and not as a label.";
    let rec = recognise(&doc(&[
        "Europe's cities have heat plans",
        "By Aoife Ní Bhriain",
        prose,
        "A plan on paper",
        prose,
        "What works",
        prose,
    ]))
    .unwrap();
    assert_eq!(rec.body.matches("\n\n## ").count(), 2, "{}", rec.body);
    assert!(rec.body.contains("## A plan on paper"));

    // Word's Heading 1 under a Title is a subheading: the body's top level is `##`.
    let mut d = doc(&["Title", prose]);
    d.format = Format::Docx;
    d.blocks[0].kind = BlockKind::Title;
    d.blocks.push(styled(
        BlockKind::Heading(1),
        "A court built for another era",
    ));
    d.blocks.push(styled(BlockKind::Heading(2), "Its judges"));
    d.blocks.push(Block::paragraph(prose));
    let rec = recognise(&d).unwrap();
    assert!(rec.body.contains("\n\n## A court built"), "{}", rec.body);
    assert!(rec.body.contains("\n\n### Its judges"), "{}", rec.body);
}

#[test]
fn what_follows_an_end_mark_is_not_the_piece_and_contact_lines_are_the_authors() {
    let rec = recognise(&doc(&[
        "Moldova's referendum was a warning",
        "Ioana Vlădescu | Chișinău",
        "mobile +373 69 555 012 | ioana.vladescu@example.org",
        "[Ioana Vlădescu is a political analyst and co-founder of Civic Ballot Lab, an \
         independent election-monitoring group.]",
        "The morning after Moldova voted, the mood was closer to relief than celebration.",
        "Moldova's friends should act on it now.",
        "Word count: 612",
        "ENDS",
        "Greta Lindahl",
        "Press Officer | Nordic Health Access Alliance",
    ]))
    .unwrap();
    let a = &rec.authors[0];
    assert_eq!(a.name, "Ioana Vlădescu");
    // A city after the bar is no employer; the bio names one.
    assert_eq!(a.affiliation.as_deref(), Some("Civic Ballot Lab"));
    assert_eq!(a.email.as_deref(), Some("ioana.vladescu@example.org"));
    assert!(rec.body.starts_with("The morning after"), "{}", rec.body);
    assert!(rec.body.ends_with("act on it now."), "{}", rec.body);
}

#[test]
fn bios_in_emphasis_one_a_line_and_a_contact_line_with_two_addresses() {
    let rec = recognise(&doc(&[
        "Heat plans need budgets",
        "By Aoife Ní Bhriain, Tomás Ortega Ruiz & Sanne van den Berg",
        "Last July, when temperatures in Seville passed 44 degrees, the city acted.",
        "Budgeting for it as though it were a surprise is a choice.",
        "*Aoife Ní Bhriain is a lecturer in public health at Western Atlantic University.*",
        "*Tomás Ortega Ruiz is a climate adaptation researcher in Seville.*",
        "*Sanne van den Berg is an urban planner.*",
        "Contact: aoife.nibhriain@example.org / t.ortega@example.net",
    ]))
    .unwrap();
    assert_eq!(
        names(&rec),
        [
            "Aoife Ní Bhriain",
            "Tomás Ortega Ruiz",
            "Sanne van den Berg"
        ]
    );
    assert!(
        rec.authors.iter().all(|a| a.bio.is_some()),
        "{:?}",
        rec.authors
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Tomás Ortega Ruiz is a climate adaptation researcher in Seville.")
    );
    assert_eq!(
        rec.authors[1].email.as_deref(),
        Some("t.ortega@example.net")
    );
    assert!(rec.body.ends_with("is a choice."), "{}", rec.body);
}

#[test]
fn sign_offs_with_a_signature_in_bars_or_a_job_title_line_end_the_email() {
    let rec = recognise(&doc(&[
        "Silence in Russian is not a media strategy",
        "Cutting public broadcasting in minority languages will hand the audience to others.",
        "Aistė Kazlauskienė | Vilnius",
        "The debate last week was about money, and about more than money.",
        "Whose channel do they think those residents will be watching instead?",
        "Aistė Kazlauskienė is a lecturer in media studies at the Vilnius Institute of Communication.",
        "Regards, Aistė",
        "Dr Aistė Kazlauskienė | Lecturer in Media Studies | Vilnius Institute of Communication",
        "+370 5 255 0173 | a.kazlauskiene@example.org",
    ]))
    .unwrap();
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("a.kazlauskiene@example.org")
    );
    assert!(rec.body.ends_with("watching instead?"), "{}", rec.body);

    let rec = recognise(&doc(&[
        "OPINION: Lisbon's housing crisis was built one short-term let at a time",
        "Tiago Fonseca says the city's rent emergency is the result of political choices.",
        "On the street where my grandmother lived, there are now nineteen doors.",
        "The key boxes do not talk to each other.",
        "Tiago Fonseca is a freelance journalist in Lisbon who covers housing.",
        "Cheers, Tiago",
        "Tiago Fonseca",
        "Freelance journalist",
        "tiagofonseca.example.com",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Lisbon's housing crisis was built one short-term let at a time"
    );
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
    assert!(rec.standfirst.starts_with("Tiago Fonseca says"));
    assert_eq!(names(&rec), ["Tiago Fonseca"]);
    assert!(rec.authors[0].bio.is_some());
    // The standfirst named him: no warning to check the byline.
    assert!(
        !rec.warnings.iter().any(|w| w.contains("check the byline")),
        "{:?}",
        rec.warnings
    );
    assert!(rec.body.ends_with("talk to each other."), "{}", rec.body);
}

#[test]
fn a_bio_with_a_capitalised_title_at_the_top_names_the_writer() {
    let rec = recognise(&doc(&[
        "Protecting the cables under the Baltic is everyone's business",
        "[Kristiina Saar is Ambassador-at-Large for Maritime Security. She previously served \
         as her country's permanent representative to NATO.]",
        "Most people never think about the cables that lie on the floor of the Baltic Sea.",
        "The seabed is out of sight. It must not be out of mind.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Kristiina Saar"]);
    assert!(rec.body.starts_with("Most people"), "{}", rec.body);
    let rec = recognise(&doc(&[
        "Frozen assets",
        "By Hélène Marchetti",
        "The law allows more than Europe admits.",
        "Hélène Marchetti is Professor of International Law at Whitcombe University.",
    ]))
    .unwrap();
    assert!(rec.authors[0].bio.is_some());
}

#[test]
fn an_address_under_an_about_the_author_heading_is_the_authors() {
    let mut d = doc(&[
        "The North Sea's fishing quotas are a bargain we keep breaking",
        "Every December, ministers set catch limits above the advice, writes Siobhán Keane.",
        "Each winter, fisheries ministers sit down to divide up the year's catch.",
        "But only if the people who manage it listen to the science.",
        "About the author",
        "Siobhán Keane is a marine policy researcher at the Celtic Sea Institute in Galway.",
        "Email: siobhan.keane@example.org",
        "ENDS",
    ]);
    d.blocks[4].kind = BlockKind::Heading(2);
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("siobhan.keane@example.org")
    );
    assert!(rec.body.ends_with("listen to the science."), "{}", rec.body);
}

#[test]
fn a_forwarded_email_with_its_headers_and_two_notes_above_the_piece() {
    let rec = recognise(&doc(&[
        "Hi all,",
        "Forwarding this from Marta, who chaired our panel last month. I think it's a good fit \
         for the Europe pages; she's fine with edits for length.",
        "Dan",
        "---------- Forwarded message ---------",
        "From: Marta Ilves <m.ilves@example.net>",
        "Date: Tue, 8 Oct 2024 at 21:14",
        "Subject: Op-ed for consideration - enlargement and QMV",
        "To: Daniel Whitcroft <d.whitcroft@example.com>",
        "Dear Dan,",
        "As promised after the panel, here is the piece. Do let me know if it needs trimming.",
        "Best, Marta",
        "Enlargement Will Fail Without an End to the Veto",
        "Marta Ilves, Professor of European Politics, Emajõe University",
        "The European Union is once again talking seriously about enlargement.",
        "The veto has to go.",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Enlargement Will Fail Without an End to the Veto"
    );
    assert_eq!(names(&rec), ["Marta Ilves"]);
    // Her address, from the forwarded headers; not the colleague's.
    assert_eq!(rec.authors[0].email.as_deref(), Some("m.ilves@example.net"));
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Emajõe University")
    );
    assert!(rec.body.starts_with("The European Union"), "{}", rec.body);
}

#[test]
fn a_dated_cover_letter_and_a_contact_line_naming_its_author() {
    let mut d = doc(&[
        "Bilbao, 18 September 2024",
        "Dear Editor,",
        "My colleague Katalin Szabó and I would like to offer you the enclosed article on the \
         future of EU cohesion policy.",
        "Kind regards,",
        "Ramón Iturbe",
        "Cohesion Money Built Europe's Roads. It Must Now Build Its Skills",
        "Ramón Iturbe & Katalin Szabó",
        "For more than three decades, cohesion policy has been one of the EU's achievements.",
        "The task for the next budget is to update that promise.",
        "Ramón Iturbe is professor of regional economics at the University of the Basque Coast.",
        "Katalin Szabó is a senior policy analyst at the Pannonia Institute.",
        "Contact: Ramón Iturbe, +34 944 555 210, r.iturbe@example.com",
    ]);
    d.format = Format::Docx;
    d.blocks[5].kind = BlockKind::Heading(1);
    let rec = recognise(&d).unwrap();
    assert_eq!(
        rec.headline,
        "Cohesion Money Built Europe's Roads. It Must Now Build Its Skills"
    );
    assert_eq!(names(&rec), ["Ramón Iturbe", "Katalin Szabó"]);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("r.iturbe@example.com")
    );
    assert!(rec.body.ends_with("update that promise."), "{}", rec.body);
}

#[test]
fn a_submission_form_with_a_field_a_paragraph() {
    let rec = recognise(&doc(&[
        "THE CIVIC LEDGER – CONTRIBUTOR SUBMISSION",
        "TITLE: Romania's Hungarian Party Has Become Indispensable",
        "STANDFIRST: It may now be losing the rights it secured.",
        "AUTHOR(S): Mihaela Popescu-Ionescu; Bence Farkas",
        "AFFILIATION(S): Babeș Centre for Minority Studies (both)",
        "E-MAIL: mihaela.popescu@example.org; bence.farkas@example.org",
        "SECTION: World",
        "TAGS: Romania, Hungary, minorities",
        "WORD COUNT: 690",
        "TEXT:",
        "Few parties in Europe have been in government as often as the UDMR.",
        "Being in every government is not the same as being needed.",
        "AUTHOR BIOS:",
        "Mihaela Popescu-Ionescu is a senior researcher at the Babeș Centre for Minority Studies.",
        "Bence Farkas is a doctoral researcher at the Babeș Centre for Minority Studies.",
        "Get Outlook for Android",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Romania's Hungarian Party Has Become Indispensable"
    );
    assert_eq!(
        rec.standfirst,
        "It may now be losing the rights it secured."
    );
    assert_eq!(names(&rec), ["Mihaela Popescu-Ionescu", "Bence Farkas"]);
    assert!(rec.authors.iter().all(|a| a.bio.is_some()
        && a.affiliation.as_deref() == Some("Babeș Centre for Minority Studies")));
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("mihaela.popescu@example.org")
    );
    assert_eq!(
        rec.authors[1].email.as_deref(),
        Some("bence.farkas@example.org")
    );
    assert_eq!(rec.section.as_deref(), Some("World"));
    assert_eq!(rec.tags, ["Romania", "Hungary", "minorities"]);
    assert!(rec.body.starts_with("Few parties"), "{}", rec.body);
    assert!(rec.body.ends_with("being needed."), "{}", rec.body);
}

#[test]
fn a_publication_note_a_titled_writer_and_a_plain_standfirst_under_the_headline() {
    let rec = recognise(&doc(&[
        "For publication in The Civic Ledger, week of 14 October Word count: 705",
        "OPINION: Europe's Deals With Morocco Need More Than Border Control",
        "Former ambassador Ana Rita Couto argues that the EU's partnerships will keep failing.",
        "Ana Rita Couto, former Portuguese Ambassador to Morocco",
        "When European leaders talk about Morocco, the conversation turns to migration.",
        "(Ana Rita Couto is a former ambassador and a senior fellow at the Lisbon Atlantic \
         Council.)",
        "ENDS",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Europe's Deals With Morocco Need More Than Border Control"
    );
    assert!(rec.standfirst.starts_with("Former ambassador"));
    assert_eq!(names(&rec), ["Ana Rita Couto"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Lisbon Atlantic Council")
    );

    let rec = recognise(&doc(&[
        "Turkey's Central Bank Has Earned Some Credibility",
        "Interest rates are doing their job again. The test is whether Ankara tolerates the pain.",
        "For most of the past decade, Turkey ran one of the strangest economic experiments in \
         the world, cutting rates as inflation rose and telling everyone it would work.",
        "The central bank deserves credit for the turn.",
        "© 2024 Kerem Aydın. Not for republication without permission.",
    ]))
    .unwrap();
    assert!(rec.standfirst.starts_with("Interest rates"), "{rec:?}");
    assert!(rec.body.starts_with("For most of"), "{}", rec.body);
    assert!(rec.body.ends_with("for the turn."), "{}", rec.body);
}

#[test]
fn an_address_writes_out_german_letters_and_a_signature_needs_no_sign_off() {
    assert!(cover::email_spells(
        "Henrike Baumgärtner",
        "h.baumgaertner@example.org"
    ));
    assert!(!cover::email_spells(
        "Henrike Baumgärtner",
        "h.baum@example.org"
    ));
    let rec = recognise(&doc(&[
        "The flood wall is not the end of the story",
        "When the river burst its banks, the water reached the church steps for the first time.",
        "We can decide whether we build our defences for the last flood or for the next one.",
        "Cllr Deirdre Ní Mhaoláin",
        "Green Party, Ballymore Municipal District",
        "Clinic every Saturday 11am-1pm, Ballymore Library",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Deirdre Ní Mhaoláin"]);
    assert!(rec.body.ends_with("or for the next one."), "{}", rec.body);
}
