//! Letters to the editor, learnt from rounds 38 to 41: every round has some, pasted from the
//! mail, forwarded by an office, or set as a letter in Word.

use super::tests::{names, read_as};

/// The letter's own paragraphs, invented: a reader on the harbour's new car park.
const LETTER: [&str; 4] = [
    "I have moored a boat at Wenmouth for twenty-two years, through two harbour masters and three sets of pontoons, and in all that time I have never seen the quay as empty as it was last Sunday.",
    "The new charges came in without a word to the people who use the harbour every week. Nobody asked the sailing club, the rowers or the crab boats.",
    "There are better ways to pay for the car park. A season ticket for residents would be a start, and the council could publish what it takes.",
    "Until then the quay will stay empty, and the cafés along it will close one by one.",
];

/// A reader's letter as pasted from the mail: headers, "Dear Editor,", the letter, a sign-off and
/// what stands under it.
fn mailed_letter(subject: &str, under: &str) -> String {
    format!(
        "Subject: {subject}\nFrom: Ruth Penhale <ruth.penhale@example.org>\n\nDear Editor,\n\n{}\n\nYours faithfully,\n\n{under}\n",
        LETTER.join("\n\n"),
    )
}

#[test]
fn a_letter_for_publication_names_itself_before_its_title_in_the_subject() {
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter for publication: The quay is empty on Sundays now",
            "Ruth Penhale",
        ),
    );
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter to the editor - Charges that empty a quay",
            "Ruth Penhale",
        ),
    );
    assert_eq!(rec.headline, "Charges that empty a quay");
    // A letter from a place is a column's title, the word "Letter" its own.
    let rec = read_as(
        "letter.txt",
        &mailed_letter("Letter from Wenmouth: the quay on Sundays", "Ruth Penhale"),
    );
    assert_eq!(rec.headline, "Letter from Wenmouth: the quay on Sundays");
    assert_eq!(names(&rec), ["Ruth Penhale"]);
}

#[test]
fn a_letter_signed_with_name_role_and_town_on_lines_of_their_own_names_its_writer() {
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter for publication: The quay is empty on Sundays now",
            "Ruth Penhale\nChair of Governors, Wenmouth Primary School\nWenmouth\n\n\
             (Please use my name and school if you print this, but not my street.)",
        ),
    );
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("ruth.penhale@example.org")
    );
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Wenmouth Primary School")
    );
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
    for left_out in ["Chair of Governors", "if you print this"] {
        assert!(!rec.body.contains(left_out), "{left_out}: {}", rec.body);
    }
    // A bio wrapped over two lines under the sign-off is prose, read as the writer's bio.
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter for publication: The quay is empty on Sundays now",
            "Ruth Penhale\n\nRuth Penhale is a retired\nharbour pilot and lives in Wenmouth.",
        ),
    );
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Ruth Penhale is a retired harbour pilot and lives in Wenmouth.")
    );
}

#[test]
fn a_letter_signed_by_two_each_over_their_role_names_both_and_their_organisation() {
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter for publication: The quay is empty on Sundays now",
            "Ruth Penhale\nSecretary, Wenmouth Sailing Club\n\n\
             Owen Tregear\nRace officer, Wenmouth Sailing Club",
        ),
    );
    assert_eq!(names(&rec), ["Ruth Penhale", "Owen Tregear"]);
    for a in &rec.authors {
        assert_eq!(
            a.affiliation.as_deref(),
            Some("Wenmouth Sailing Club"),
            "{:?}",
            rec.authors
        );
    }
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
    // A role then the town the signer lives in: no organisation.
    let rec = read_as(
        "letter.txt",
        &mailed_letter(
            "Letter for publication: The quay is empty on Sundays now",
            "Ruth Penhale\nParish councillor, Wenmouth",
        ),
    );
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    assert_eq!(rec.authors[0].affiliation, None);
}

#[test]
fn a_letter_signed_over_its_role_above_a_long_mail_signature_takes_the_organisation() {
    let text = format!(
        "Subject: Letter for publication - quay charges\nFrom: Ruth Penhale <secretary.wsc@example.org>\n\n\
         The quay is empty on Sundays now\n\n{}\n\nRuth Penhale\nSecretary, Wenmouth Sailing Club\n\n\
         --\nRuth Penhale | Club Secretary | Wenmouth Sailing Club\nTel: 01632 960 777 | Mob: 07700 900 777\n\
         Affiliated to the Royal Yachting Association\nRegistered charity no. 1234567\n\
         Clubhouse open Saturdays 10-4\nThis e-mail and any attachments are confidential.\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Wenmouth Sailing Club")
    );
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
}

#[test]
fn a_letter_signed_with_name_and_town_on_one_line_names_its_writer() {
    let text = format!(
        "From: Ruth Penhale <r.penhale@example.org>\nSubject: Letter from a sailor\n\n\
         The quay is empty on Sundays now\n\n{}\n\nRuth Penhale, Wenmouth\n\n\
         (I would rather you did not print my street, if that is all right.)\n\nSent from my iPad\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
    for left_out in ["Wenmouth\n", "my street", "iPad"] {
        assert!(!rec.body.contains(left_out), "{left_out}: {}", rec.body);
    }
    // A sentence naming someone and their town, closing the copy, is copy.
    let last = "Owen Tregear, the harbour master, agrees with every word of it.";
    let text = format!(
        "The quay is empty on Sundays now\n\n{}\n\n{last}\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert!(rec.body.ends_with(last), "{}", rec.body);
}

#[test]
fn a_letter_to_the_editor_that_speaks_of_the_piece_it_answers_is_copy_from_its_greeting() {
    let reply = "I read Martin Hale's piece on the harbour charges with dismay, and I hope you will allow a reply from somebody who has moored a boat at Wenmouth for twenty-two years and paid every charge.";
    let text = format!(
        "Subject: Letter for publication: The quay is empty on Sundays now\n\
         From: Ruth Penhale <ruth.penhale@example.org>\n\nDear Editor,\n\n\
         Re: \"Harbour charges are fair\" (opinion, 3 March)\n\n{reply}\n\n{}\n\n\
         Yours faithfully,\n\nRuth Penhale\n",
        LETTER[1..].join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(reply), "{}", rec.body);
    assert!(!rec.body.contains("Re:"), "{}", rec.body);
    // A note to the editor signed off at the top, then the piece: the note is the mail's.
    let text = format!(
        "Subject: Op-ed\nFrom: Ruth Penhale <ruth.penhale@example.org>\n\nDear Editor,\n\n\
         I would be grateful if you would consider the piece below for your opinion page.\n\n\
         Many thanks,\nRuth\n\nThe quay is empty on Sundays now\n\n{}\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
}

/// A letter's short first paragraph over a longer second, as a standfirst stands over the copy.
const SHORT_OPENING: &str = "I read Martin Hale's piece on the harbour charges with dismay, and I hope you will allow a reply from somebody who has moored a boat at Wenmouth for twenty-two years.";
const LONGER_SECOND: &str = "Mr Hale is right that the car park cost money and that somebody has to pay for it. Where he goes wrong is in assuming that the people who pay are the people who use it, when the sailing club, the rowers and the crab boats were never asked and now stay away on Sundays.";

#[test]
fn a_letter_headed_from_its_subject_line_has_no_standfirst_in_its_first_paragraph() {
    let text = format!(
        "Subject: Letter for publication: The quay is empty on Sundays now\n\
         From: Ruth Penhale <ruth.penhale@example.org>\n\nDear Editor,\n\n\
         {SHORT_OPENING}\n\n{LONGER_SECOND}\n\n{}\n\nYours faithfully,\n\nRuth Penhale\n",
        LETTER[2..].join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(SHORT_OPENING), "{}", rec.body);
    // The writer's own headline over the same paragraphs: the short one under it is the
    // standfirst, as plain text sets one.
    let text = format!(
        "The quay is empty on Sundays now\n\n{SHORT_OPENING}\n\n{LONGER_SECOND}\n\n{}\n",
        LETTER[2..].join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.standfirst, SHORT_OPENING);
}

#[test]
fn a_title_offered_in_the_senders_note_heads_the_forwarded_letter() {
    let forward = |note: &str| {
        format!(
            "Subject: FW: letter for the paper\nFrom: Jo Bright <jo.bright@example.org>\n\n\
             Good morning,\n\nCllr Hale asked me to pass this on for your letters page.\n\n\
             Kind regards,\n\nJo Bright\nCasework Officer\n\n\
             ---------- Forwarded message ---------\n\
             From: Ruth Penhale <ruth.penhale@example.org>\nSubject: letter\n\n\
             {note}\n\nDear Editor,\n\n{}\n\nYours faithfully,\n\nRuth Penhale\n",
            LETTER.join("\n\n"),
        )
    };
    let rec = read_as(
        "letter.txt",
        &forward(
            "Jo here is the letter I said about. Title if they want one: The quay is empty on Sundays now",
        ),
    );
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
    assert_eq!(names(&rec), ["Ruth Penhale"]);
    // A paragraph of copy naming a report's title speaks to no one: it is the copy.
    let copy = "The harbour board's plan for the quay has a working title, and it says everything about who wrote it and whom they think the harbour serves on a Sunday morning. Title: Wenmouth Quay Charges Phase Two";
    let text = format!(
        "Subject: The quay is empty on Sundays now\nFrom: Ruth Penhale <ruth.penhale@example.org>\n\n\
         {copy}\n\n{}\n",
        LETTER.join("\n\n")
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert!(rec.body.contains("Phase Two"), "{}", rec.body);
}

#[test]
fn a_headline_wrapped_over_two_lines_in_title_case_is_no_signature() {
    let text = format!(
        "Why Wenmouth's Quay\nStands Empty On Sundays Now\n\n{}\n",
        LETTER.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(
        rec.headline,
        "Why Wenmouth's Quay Stands Empty On Sundays Now"
    );
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
}

#[test]
fn a_cover_line_under_dear_editor_over_a_piece_signed_at_its_end_is_the_mails() {
    let text = format!(
        "Subject: The quay is empty on Sundays now\nFrom: Ruth Penhale <ruth.penhale@example.org>\n\n\
         Dear Editor,\n\nPlease find below my article for your opinion pages.\n\n{}\n\n\
         Best regards,\n\nRuth Penhale\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The quay is empty on Sundays now");
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
}
