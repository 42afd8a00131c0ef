//! The wrapping around a piece (e-mail headers, notes to the desk, letterheads, forms): rules
//! learnt from rounds 8 and 9, each with the shape that needs it.

use super::*;
use crate::import::{Format, Meta};

fn doc(paragraphs: &[&str]) -> Document {
    Document {
        format: Format::Text,
        meta: Meta::default(),
        blocks: paragraphs.iter().map(|p| Block::paragraph(p)).collect(),
        warnings: vec![],
    }
}

fn names(rec: &Recognised) -> Vec<&str> {
    rec.authors.iter().map(|a| a.name.as_str()).collect()
}

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
