//! Rules learnt from rounds 54 and 55: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::read_as;

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
