//! Rules learnt from rounds 36 and 37: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{doc, names, read_as};
use super::*;

#[test]
fn a_form_with_each_answer_under_its_label_is_read_from_its_title_to_its_footer() {
    let text = format!(
        "Island Letters - Send us your piece\nForm response #4410\nSubmitted: 02/10/2026 09:14:05\n\
         ------------------------------\n\n\
         Your name:\nMikko Laine\n\n\
         Organisation (if any):\nNagu School Parents' Group\n\n\
         Email address:\nmikko@example.org\n\n\
         Which section is this for?\nEducation\n\n\
         Headline for your article:\nThe island schools that kept their pupils\n\n\
         Short summary (one or two sentences):\nFerries decide who stays, and some islands have \
         learnt to pay for them.\n\n\
         Your piece (max 800 words):\n{} {}\n\n{}\n\n\
         Short bio (optional):\nMikko Laine teaches at the school on Nagu.\n\n\
         Photos attached:\nferry.jpg\n\n\
         I confirm this is my own work and I agree to the terms of submission:\nYes\n\n\
         ------------------------------\n\
         This response was generated automatically by Island Letters forms. Do not reply to this email.\n",
        COPY[0],
        COPY[1],
        COPY[2..].join("\n\n"),
    );
    let rec = read_as("form.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide who stays, and some islands have learnt to pay for them."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("mikko@example.org"));
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Nagu School Parents' Group")
    );
    assert_eq!(rec.section.as_deref(), Some("Education"));
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
    assert!(!rec.body.contains("Short bio"), "{}", rec.body);
}

#[test]
fn a_quoted_note_naming_who_it_is_for_before_a_dash_is_the_senders_not_the_headline() {
    let text = format!(
        "---------- Forwarded message ---------\nFrom: Press Office <press@example.org>\n\
         Subject: FW: island schools piece\nTo: Desk <desk@example.org>\n\n\
         Hi all,\n\nPassing this on from our chair.\n\nBest\nAnna\n\n\
         > ---------- Original message ---------\n> From: Mikko Laine <mikko@example.org>\n\
         > Subject: final\n>\n> Anna - final below, Aino has read it. M\n\n\
         The island schools that kept their pupils\n\n\
         Ferries decide who stays, and some islands have learnt to pay for them.\n\n\
         By Mikko Laine and Aino Virtanen\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("forward.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
}

#[test]
fn a_clergy_title_before_a_name_is_no_part_of_it() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "Rev. Canon Mikko Laine and Deacon Aino Virtanen",
    ];
    paragraphs.extend(COPY);
    paragraphs
        .push("Canon Mikko Laine is vicar of Nagu. Aino Virtanen is a deacon at Korpo church.");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Canon Mikko Laine is vicar of Nagu.")
    );
    assert_eq!(patterns::tidy_name("Father Piotr Nowak"), "Piotr Nowak");
}

#[test]
fn a_label_naming_the_copy_for_publication_is_a_note_to_the_desk() {
    let mut paragraphs = vec![
        "Article for publication – opinion / comment",
        "Date: 2 October 2026",
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(furniture::is_desk_note("Op-ed for publication"));
    assert!(!furniture::is_desk_note("Articles for sale"));
}

#[test]
fn a_writers_age_between_commas_after_their_name_opens_their_bio() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.push("*Mikko Laine, 19, works on his family's ferry and studies in Turku.*");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine, 19, works on his family's ferry and studies in Turku.")
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_bio_may_open_with_what_the_writer_farms_owns_or_manages() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.push(
        "Mikko Laine farms sheep on Nagu and chairs the island branch of the Archipelago \
         Farmers' Union.",
    );
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(
        rec.authors[0]
            .bio
            .as_deref()
            .is_some_and(|b| b.starts_with("Mikko Laine farms sheep")),
        "{:?}",
        rec.authors[0].bio
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn letters_after_a_writers_name_are_no_part_of_it_in_a_by_field() {
    let mut paragraphs = vec![
        "TITLE: The island schools that kept their pupils",
        "BY: Mikko Laine MP and Cllr Aino Virtanen",
        "WORDS: 640",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    let (named, _) = patterns::byline("By Mikko Laine MSP and Aino Virtanen OBE").unwrap();
    let named: Vec<_> = named.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(named, ["Mikko Laine", "Aino Virtanen"]);
}

#[test]
fn a_bio_may_open_with_the_years_the_writer_spent_somewhere() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs
        .push("Mikko Laine spent eleven years on the ferry desk and now writes the Island Letter.");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(
        rec.authors[0]
            .bio
            .as_deref()
            .is_some_and(|b| b.starts_with("Mikko Laine spent eleven years")),
        "{:?}",
        rec.authors[0].bio
    );
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_title_before_a_name_is_no_role_word_of_it() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "Dr Mikko Laine and Professor Aino Virtanen",
        "Turku Island College",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Virtanen"]);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(patterns::is_person("Professor Aino Virtanen"));
    assert!(!patterns::is_person("Professor of Law"));
}

#[test]
fn a_callout_for_the_paper_is_the_writers_note_to_the_desk() {
    let text = format!(
        "# The island schools that kept their pupils\n\n\
         > [!note] For the paper\n> Sent to the desk 2/10. Photo in the shared folder.\n\n\
         By Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("note.md", &text);
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(!rec.body.contains("shared folder"), "{}", rec.body);
}

#[test]
fn a_line_naming_the_desk_it_is_for_is_a_note_to_the_desk() {
    let mut paragraphs = vec![
        "FOR THE COMMENT DESK",
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.body.starts_with("When the ferry"), "{}", rec.body);
    assert!(furniture::is_desk_note("For the Opinion & Analysis editor"));
    assert!(!furniture::is_desk_note("For the many, not the few"));
}

#[test]
fn a_last_line_telling_readers_whom_to_contact_is_not_copy() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.push("For more information or to help out contact: ferries@example.org");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn an_internal_note_after_the_piece_is_to_the_desk() {
    let mut paragraphs = vec![
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ];
    paragraphs.extend(COPY);
    paragraphs.push("Internal: legal have cleared the ferry figures. Do not name the operator.");
    let rec = recognise(&doc(&paragraphs)).unwrap();
    assert!(rec.body.ends_with("without a future."), "{}", rec.body);
}

#[test]
fn a_cowriters_post_at_the_other_writers_organisation_named_by_its_kind_or_there() {
    for (second, first_org) in [
        (
            "Tariq Bashir is the charity's volunteer coordinator and a dialysis patient.",
            "chair of Kelsworth Patients' Voice",
        ),
        (
            "Tariq Bashir is a researcher there, specialising in lobbying rules.",
            "director of Kelsworth Patients' Voice",
        ),
        (
            "Tariq Bashir is the Voice's panel coordinator and farms at Polgrath.",
            "chair of Kelsworth Patients' Voice",
        ),
    ] {
        let text = format!(
            "Parking fees are a tax on the sick\n\nBy Rosalind Achebe and Tariq Bashir\n\n{}\n\n\
             Rosalind Achebe is {first_org}.\n\n{second}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("parking.txt", &text);
        assert_eq!(names(&rec), ["Rosalind Achebe", "Tariq Bashir"], "{second}");
        for a in &rec.authors {
            assert_eq!(
                a.affiliation.as_deref(),
                Some("Kelsworth Patients' Voice"),
                "{}: {second}",
                a.name
            );
        }
    }
    // A co-writer at somewhere else named by kind keeps none of the other's.
    let text = format!(
        "Parking fees are a tax on the sick\n\nBy Rosalind Achebe and Tariq Bashir\n\n{}\n\n\
         Rosalind Achebe is chair of Kelsworth Patients' Voice.\n\n\
         Tariq Bashir is the council's former parking manager.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("parking.txt", &text);
    assert_eq!(rec.authors[1].affiliation, None);
}
