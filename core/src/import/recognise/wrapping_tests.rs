//! The wrapping around a piece (e-mail headers, notes to the desk, letterheads, forms): rules
//! learnt from rounds 8 and 9, each with the shape that needs it.

use super::tests::{doc, names};
use super::*;

const LONG: &str = "I have lived in this town for more than thirty years and have never before \
     written to a newspaper, but the council's plan to close the swimming baths and replace them \
     with a hall for hire two evenings a week moves me to do so now.";

#[test]
fn a_letter_sent_as_an_email_takes_its_headline_from_the_subject_line() {
    let rec = recognise(&doc(&[
        "From: Ann Hollis-Evans <ann.hollis.evans@example.com>",
        "To: letters@example.com",
        "Date: Sun, 9 Feb 2025 21:47:13 +0000",
        "Subject: Closing the baths would cost more than it saves",
        "Dear Editor,",
        LONG,
        "The consultation closes on 28 February. I would urge every reader to respond.",
        "Yours faithfully,",
        "Ann Hollis-Evans",
        "14 Mill Lane",
        "Harwick",
        "HW3 7QP",
        "Sent from my iPad",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Closing the baths would cost more than it saves"
    );
    assert_eq!(names(&rec), ["Ann Hollis-Evans"], "{:?}", rec.dropped);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("ann.hollis.evans@example.com")
    );
    assert!(rec.body.starts_with("I have lived"), "{}", rec.body);
    assert!(
        rec.body.ends_with("every reader to respond."),
        "{}",
        rec.body
    );
}

#[test]
fn a_subject_line_does_not_displace_the_headline_the_copy_gives() {
    let rec = recognise(&doc(&[
        "Subject: Op-ed submission",
        "Dear Editor,",
        "Please find my piece below.",
        "Best, Ann",
        "Ann Hollis",
        "---",
        "The baths are worth keeping",
        LONG,
        "That is all I ask.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "The baths are worth keeping");
}

const PROSE: &str = "Walk down the high street on a Tuesday afternoon and count the empty units. \
     We did, last month, and got to fourteen between the market cross and the station.";

#[test]
fn notes_to_the_desk_above_the_headline_are_found_from_the_byline_up() {
    // A slot and a word count in capitals; a letterhead with its parts between bars and a
    // release line in capitals; a line for the editor's attention with a word count.
    let tops: [&[&str]; 3] = [
        &["*** FOR FRIDAY'S PAPER - \"TOWN HALL VIEW\" COLUMN - approx 560 words ***"],
        &[
            "OFFICE OF ANNA PEETERS MEP European Parliament | Rue Wiertz 60 | B-1047 Brussels",
            "OP-ED – FREE FOR PUBLICATION FROM 06:00 CET, TUESDAY 4 MARCH 2025",
        ],
        &[
            "For the attention of the Opinion Editor Submission – approx. 620 words – offered \
           exclusively, not published elsewhere",
        ],
    ];
    for top in tops {
        let mut paragraphs: Vec<&str> = top.to_vec();
        paragraphs.extend([
            "Free parking won't save the high street. Here's what will",
            "Two councillors from opposite sides of the chamber make a joint case for putting \
             people, not cars, back at the heart of the town centre",
            "By Anna Peeters",
            PROSE,
            "That is the case we will be making.",
        ]);
        let rec = recognise(&doc(&paragraphs)).unwrap();
        assert_eq!(
            rec.headline, "Free parking won't save the high street. Here's what will",
            "{top:?}"
        );
        assert!(rec.standfirst.starts_with("Two councillors"), "{top:?}");
        assert_eq!(names(&rec), ["Anna Peeters"], "{top:?}");
        assert!(rec.body.starts_with("Walk down"), "{}", rec.body);
    }
}

#[test]
fn a_headline_with_no_notes_above_it_stays_the_headline() {
    // A short standfirst without a full stop above the byline: the first line is still the
    // headline, since nothing above the standfirst reads as a note.
    let rec = recognise(&doc(&[
        "The high street can be saved",
        "Free parking is not the answer",
        "By Anna Peeters",
        PROSE,
        "That is the case we will be making.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "The high street can be saved");
}

#[test]
fn a_headline_in_capitals_over_a_standfirst_is_no_note() {
    let rec = recognise(&doc(&[
        "WHY EUROPE'S POOREST REGIONS STOP CATCHING UP",
        "Cohesion money built the motorways. It has not built the institutions, and the next \
         budget should say so.",
        "By Anna Peeters",
        PROSE,
        "That is the case we will be making.",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "WHY EUROPE'S POOREST REGIONS STOP CATCHING UP"
    );
}

#[test]
fn a_forward_in_german_outlook_through_two_notes_to_the_piece() {
    let rec = recognise(&doc(&[
        "Von: Presse Institut <presse@example.at>",
        "Gesendet: Donnerstag, 22. Mai 2025 10:47",
        "An: opinion@example.com",
        "Betreff: WG: Gastbeitrag / Op-ed on enlargement",
        "Dear Opinion team,",
        "please find below an op-ed by our director, offered exclusively to your publication.",
        "Kind regards / Mit freundlichen Grüßen",
        "Lukas Bauer",
        "Kommunikation | Communications",
        "Wiener Institut für Europapolitik | Vienna Institute for European Policy",
        "Schottengasse 4, 1010 Wien",
        "Von: Katharina Gross <k.gross@example.at>",
        "Gesendet: Mittwoch, 21. Mai 2025 18:03",
        "Betreff: Gastbeitrag final",
        "Lukas, anbei die finale Fassung für die Briten. Danke! KG",
        "The Western Balkans cannot wait forever",
        "By Katharina Gross",
        PROSE,
        "The Western Balkans have waited long enough.",
        "Katharina Gross is director of the Vienna Institute for European Policy.",
        "Diese E-Mail kann vertrauliche und/oder rechtlich geschützte Informationen enthalten.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "The Western Balkans cannot wait forever");
    assert_eq!(names(&rec), ["Katharina Gross"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("k.gross@example.at"));
    assert!(rec.body.starts_with("Walk down"), "{}", rec.body);
    assert!(rec.body.ends_with("waited long enough."), "{}", rec.body);
}

#[test]
fn a_press_office_forward_in_outlook_style_with_a_signed_signature_under_the_piece() {
    let rec = recognise(&doc(&[
        "From: Kasia Nowak <k.nowak@union.example.org>",
        "Subject: FW: Op-ed offer – heat and warehouse workers",
        "Hi all,",
        "Please see below the piece from our General Secretary. It's exclusive to you.",
        "Photos available on request.",
        "Best wishes,",
        "Kasia",
        "Kasia Nowak | Press and Campaigns Officer",
        "-----Original Message-----",
        "From: Bríd Nolan <b.nolan@union.example.org>",
        "Subject: final version",
        "Kasia – final text below, I’ve taken in Ruth’s comments on the HSE para. B.",
        "Heat is now a workplace hazard. The law should say so",
        "Warehouse workers are collapsing on shift every summer. A legal maximum temperature \
         is long overdue, argues Bríd Nolan",
        "By Bríd Nolan",
        PROSE,
        "They are asking not to be made ill by it.",
        "Bríd Nolan is general secretary of the Distribution Workers’ Union.",
        "Bríd Nolan",
        "General Secretary",
        "Distribution Workers' Union",
        "Head Office: 21 Carrow Road, London N7 9XX",
        "This email and any files transmitted with it are confidential.",
    ]))
    .unwrap();
    assert_eq!(
        rec.headline,
        "Heat is now a workplace hazard. The law should say so"
    );
    assert_eq!(names(&rec), ["Bríd Nolan"]);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("b.nolan@union.example.org")
    );
    assert!(rec.body.ends_with("made ill by it."), "{}", rec.body);
}

#[test]
fn an_end_mark_between_dashes_ends_the_piece_and_a_queries_line_is_a_contact() {
    let rec = recognise(&doc(&[
        "One ticket, one journey",
        "By Ilse Peeters, Member of the European Parliament",
        PROSE,
        "It really is that simple.",
        "Any queries to Democratic Services: services@example.gov.uk / 01632 960 118",
        "– ENDS –",
        "NOTES TO EDITORS",
        "1. The committee votes on 11 March.",
    ]))
    .unwrap();
    assert!(rec.body.ends_with("that simple."), "{}", rec.body);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("European Parliament")
    );
}

#[test]
fn the_bio_writes_the_institution_as_the_signature_does_not() {
    let rec = recognise(&doc(&[
        "Heat is a workplace hazard",
        "By Bríd Nolan",
        PROSE,
        "They are asking not to be made ill by it.",
        "Bríd Nolan is general secretary of the Distribution Workers’ Union.",
        "Best wishes,",
        "Bríd Nolan",
        "General Secretary, Distribution Workers' Union",
        "b.nolan@union.example.org",
    ]))
    .unwrap();
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Distribution Workers’ Union"),
        "{:?}",
        rec.authors
    );
}

#[test]
fn a_form_with_instructions_under_its_title_and_a_line_above_the_text() {
    let rec = recognise(&doc(&[
        "Contributor submission form",
        "Please complete every field. Standfirst max. 35 words; bio max. one sentence.",
        "Section: Culture",
        "Headline: The quiet death of the touring theatre",
        "Standfirst: Regional stages once brought the best new productions to every town.",
        "author: Morwenna Tregarthen",
        "email: morwenna.t@example.com",
        "bio: Morwenna Tregarthen is a theatre critic.",
        "images: None supplied – happy for the desk to use library pictures",
        "conflicts of interest: I was artistic director of a receiving venue until 2021.",
        "ARTICLE TEXT BELOW THIS LINE",
        PROSE,
        "It could disappear in a decade.",
    ]))
    .unwrap();
    assert_eq!(rec.headline, "The quiet death of the touring theatre");
    assert_eq!(rec.section.as_deref(), Some("Culture"));
    assert_eq!(names(&rec), ["Morwenna Tregarthen"]);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("morwenna.t@example.com")
    );
    assert!(rec.body.starts_with("Walk down"), "{}", rec.body);
    assert!(!rec.body.contains("artistic director"), "{}", rec.body);
}

#[test]
fn a_line_naming_an_institution_under_the_writers_name_is_their_affiliation() {
    let rec = recognise(&doc(&[
        "My Erasmus year should not start at an airport",
        "Lucía Fernández Ortega",
        "MA Journalism, University of Eastbridge",
        "lucia.fernandez@student.eastbridge.example.ac.uk",
        PROSE,
        "That is all I ask.",
    ]))
    .unwrap();
    assert_eq!(names(&rec), ["Lucía Fernández Ortega"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("University of Eastbridge")
    );
    assert!(rec.body.starts_with("Walk down"), "{}", rec.body);
}

#[test]
fn a_profile_link_marked_as_the_authors_is_no_author() {
    let authors = meta_authors(&[
        crate::import::MetaAuthor {
            name: "Bernadette Kinsella".into(),
            ..Default::default()
        },
        crate::import::MetaAuthor {
            name: "View my complete profile".into(),
            ..Default::default()
        },
    ]);
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Bernadette Kinsella"]);
}
