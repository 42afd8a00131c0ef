//! Rules learnt from rounds 54 and 55: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{names, read_as};

#[test]
fn a_labelled_bio_about_the_reviewer_is_the_reviewers_bio() {
    let text = format!(
        "# Review: the island schools\n\nBy Mikko Laine\n\n{}\n\n---\n\n\
         **About the reviewer:** Mikko Laine is a senior lecturer in education at the University \
         of Turku.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.md", &text);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine is a senior lecturer in education at the University of Turku.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_short_note_with_a_sentence_giving_the_word_count_alone_is_the_writers_not_copy() {
    let text = format!(
        "---\ntitle: The island schools that kept their pupils\nauthor: Mikko Laine\n---\n\n\
         Draft for the Education pages. Word count c. 620. Photo credits at the end.\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("schools.md", &text);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.dropped.iter().any(|d| d.contains("Word count c. 620")));
}

/// A count inside a sentence of copy, or a length that is not of words, is copy.
#[test]
fn a_count_or_a_length_inside_a_sentence_of_copy_stays() {
    for line in [
        "The council's report runs to 40,000 words. Few councillors read it.",
        "Length: 12 metres. The boat was the smallest the island had ever owned.",
        "Word count mattered less than the ferry times, the head told me.",
    ] {
        let text = format!(
            "# The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{line}\n\n{}\n",
            COPY[..3].join("\n\n"),
            COPY[3..].join("\n\n")
        );
        let rec = read_as("schools.md", &text);
        assert!(rec.body.contains(line), "{line:?} lost from {}", rec.body);
    }
}

#[test]
fn a_byline_with_a_trade_after_the_comma_names_one_writer() {
    for trade in [
        "Chartered Financial Planner",
        "Consultant Psychologist",
        "Local Historian",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine, {trade}\n\n{}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("schools.txt", &text);
        assert_eq!(names(&rec), ["Mikko Laine"], "{trade}");
    }
}

#[test]
fn a_signature_of_name_and_firm_and_the_firms_regulatory_notice_close_the_copy() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Mikko Laine | Laine & Berg Wealth Management\n\
         mikko@example.org | 01632 960 221\n\
         Laine & Berg Wealth Management is authorised and regulated by the Financial Conduct \
         Authority.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("schools.txt", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    assert_eq!(rec.authors[0].email.as_deref(), Some("mikko@example.org"));
}

/// A regulator named inside copy, or a line of the copy with a bar in it, stays.
#[test]
fn a_regulator_or_a_barred_line_in_the_copy_stays() {
    for line in [
        "The ferry company is authorised and regulated by the Maritime Agency, and yet no one checked the winter timetable.",
        "Water companies are regulated by Ofwat.",
        "Mikko Laine | a note on sources",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{line}\n\n{}\n",
            COPY[..3].join("\n\n"),
            COPY[3..].join("\n\n")
        );
        let rec = read_as("schools.txt", &text);
        assert!(rec.body.contains(line), "{line:?} lost from {}", rec.body);
    }
}

#[test]
fn a_co_writer_at_the_same_practice_shares_the_other_writers_and_a_qualified_phone_is_contact() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine and Aino Berg\n\n{}\n\n\
         Mikko Laine is a teacher at Saaristo School, Turku. Aino Berg is a supply teacher at the \
         same school and a trustee of a local charity.\n\nSchool tel: 02 496 0588\n",
        COPY.join("\n\n")
    );
    let rec = read_as("schools.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine", "Aino Berg"]);
    assert_eq!(rec.authors[1].affiliation, rec.authors[0].affiliation);
    assert!(rec.authors[1].affiliation.is_some());
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

/// "at the same time" names no place.
#[test]
fn at_the_same_time_names_no_workplace() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine and Aino Berg\n\n{}\n\n\
         Mikko Laine is a teacher at Saaristo School, Turku. Aino Berg is a novelist and, at the \
         same time, a volunteer ferry pilot.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("schools.txt", &text);
    assert_eq!(rec.authors[1].affiliation, None);
}
