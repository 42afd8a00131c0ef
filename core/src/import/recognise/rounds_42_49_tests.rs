//! Rules learnt from rounds 42 to 49: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{names, read_as};

#[test]
fn a_kind_of_piece_over_the_headline_a_reverend_and_words_and_photos() {
    let text = format!(
        "RESTAURANT REVIEW\n\nThe island café that kept its pupils fed\n\n\
         By the Revd Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.txt", &text);
    assert_eq!(rec.headline, "The island café that kept its pupils fed");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    let text = format!(
        "The island schools that kept their pupils\n\n\
         Words and photos: Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("travel.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    // "Islands Apart review: …" on the headline's own line is the review's headline, whole.
    let text = format!(
        "Islands Apart review: the schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.txt", &text);
    assert_eq!(
        rec.headline,
        "Islands Apart review: the schools that kept their pupils"
    );
}
