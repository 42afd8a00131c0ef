//! Letters to the editor, learnt from rounds 42 to 49: what the rules taught by rounds 38 to 41
//! did not yet know of a letter's shape (its label over the greeting, its headline under it, a
//! signature with the town, the writer's private details under it).

use super::tests::{names, read_as};

/// The letter's own paragraphs, invented: a reader on the closing of a village library.
const LETTER: [&str; 4] = [
    "I read your report on the county's plans for the library at Ashworth Green with a heavy heart, because I have borrowed books there every week since the summer of 1979.",
    "The building is small and the heating is poor, but on a winter afternoon it is full. Children come in from the school across the road and pensioners read the papers.",
    "The county says that readers can use the mobile van instead. The van calls once a fortnight for forty minutes and does not stop at all in the school holidays.",
    "I would ask the councillors to visit on a Tuesday before they vote.",
];

/// The letter's own headline, set under the greeting as readers set it.
const TITLE: &str = "A library is more than a shelf of books";

/// A letter as a text file: `above` over the letter's paragraphs, then `under` them.
fn letter(above: &str, under: &str) -> String {
    format!("{above}\n\n{}\n\n{under}\n", LETTER.join("\n\n"))
}

/// A letter's short first paragraph, as a standfirst would stand under a headline.
const SHORT_OPENING: &str =
    "The library at Ashworth Green is to close in April, and nobody who uses it was asked.";

/// The letter pasted under a note to the desk and a rule, its own headline over it.
fn mailed(subject: &str, note: &str) -> String {
    letter(
        &format!(
            "From: Joan Whitworth <j.whitworth@example.org>\nSubject: {subject}\n\nDear Editor,\n\n\
             {note}\n\n----\n\n{TITLE}\n\n{SHORT_OPENING}"
        ),
        "Joan Whitworth\nAshworth Green",
    )
}

#[test]
fn a_letter_named_so_by_its_mail_has_no_standfirst_under_its_own_headline() {
    let rec = read_as(
        "letter.txt",
        &mailed(
            "Letter for publication - the library",
            "Please consider the letter below for your letters page.",
        ),
    );
    assert_eq!(rec.headline, TITLE);
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(SHORT_OPENING), "{}", rec.body);
    // An article sent for the opinion pages keeps the standfirst its writer set.
    let rec = read_as(
        "piece.txt",
        &mailed(
            "Opinion piece - the library",
            "Please consider the article below for your opinion pages.",
        ),
    );
    assert_eq!(rec.headline, TITLE);
    assert_eq!(rec.standfirst, SHORT_OPENING);
}

#[test]
fn a_label_over_the_greeting_names_the_letter_for_the_desk_and_is_no_headline() {
    for label in ["Letter for publication", "LETTER FOR PUBLICATION"] {
        for greeting in ["Dear Editor,", "Sir/Madam,"] {
            let rec = read_as(
                "letter.txt",
                &letter(
                    &format!("{label}\n\n{greeting}\n\n{TITLE}"),
                    "Yours faithfully,\n\nJoan Whitworth",
                ),
            );
            assert_eq!(rec.headline, TITLE, "{label} / {greeting}");
            assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
            assert!(!rec.body.contains(greeting), "{}", rec.body);
            assert_eq!(names(&rec), ["Joan Whitworth"]);
        }
    }
    // "To the editor," greets the editor as "Dear Editor," does, the piece it answers under it.
    let rec = read_as(
        "letter.txt",
        &letter(
            &format!(
                "Letter for publication\nSuggested headline: {TITLE}\n\nTo the editor,\n\n\
                 Re: \"Library hours to be cut\" (news, 2 March)"
            ),
            "Yours faithfully,\n\nJoan Whitworth",
        ),
    );
    assert_eq!(rec.headline, TITLE);
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
    // A column headed "Letter for publication" over its copy, greeting no editor, keeps it.
    let rec = read_as("piece.txt", &letter("Letter for publication", ""));
    assert_eq!(rec.headline, "Letter for publication");
}

#[test]
fn a_sign_off_over_the_signature_closes_the_letter_whatever_the_signature_reads() {
    // The writer's trade and town under the name, then a note to the desk in brackets and the
    // phone's line: the signature is found from the name, and the sign-off over it goes with it.
    let rec = read_as(
        "letter.txt",
        &letter(
            TITLE,
            "Yours faithfully,\n\nJoan Whitworth\nFreelance sub-editor, Dunmere\n\n\
             (I am writing in a personal capacity. Please don't print my phone number - 07700 900 123.)\n\n\
             --\nSent from my phone",
        ),
    );
    assert_eq!(names(&rec), ["Joan Whitworth"]);
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
    assert!(!rec.body.contains("Yours faithfully"), "{}", rec.body);
    // "Best wishes" closing a paragraph of copy, no signature under it, stays copy.
    let last = "With best wishes to everyone who keeps it open,";
    let rec = read_as("piece.txt", &letter(TITLE, last));
    assert!(rec.body.ends_with(last), "{}", rec.body);
}

#[test]
fn the_address_given_to_the_desk_under_the_signature_is_left_out_and_tells_the_town() {
    for under in [
        "Yours faithfully,\n\nJoan Whitworth\nAshworth Green\n\n\
         (Address and phone number supplied: 3 Mill Row, Ashworth Green, 01632 960 111 - not for publication)",
        "Yours faithfully,\n\nJoan Whitworth\nAshworth Green\n\n---\n\n\
         My full address is 3 Mill Row, Ashworth Green and my phone number is 01632 960 111, \
         but please print only my name and town.\n\nKind regards,\nJoan\n\n--\nSent from my iPad",
    ] {
        let rec = read_as("letter.txt", &letter(TITLE, under));
        assert_eq!(names(&rec), ["Joan Whitworth"], "{under}");
        assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
        for left_out in ["Mill Row", "960 111", "Yours faithfully"] {
            assert!(!rec.body.contains(left_out), "{left_out}: {}", rec.body);
        }
    }
    // An address and a number the copy gives its readers, asking nothing of the desk, is copy.
    let last = "Anyone who wants to help can write to the Friends of Ashworth Green Library at 3 Mill Row, Ashworth Green, or ring 01632 960 111.";
    let rec = read_as(
        "letter.txt",
        &letter(TITLE, &format!("{last}\n\nJoan Whitworth")),
    );
    assert!(rec.body.ends_with(last), "{}", rec.body);
}

#[test]
fn a_letter_signed_above_a_rule_with_the_mails_own_close_under_it_names_its_writer() {
    let text = format!(
        "From: Joan Whitworth <joan.whitworth@example.org>\nSubject: Letter for publication - the library\n\n\
         Dear Editor,\n\nPlease consider the letter below for your letters page.\n\n----\n\n{TITLE}\n\n{}\n\n\
         Joan Whitworth\nHolly Bank Farm, Ashworth Green\n\n----\n\nKind regards,\nJoan\n\n\
         Joan Whitworth | Holly Bank Farm\nTel: 01632 960 222\n\"Eggs from the yard since 1998\"\n\n\
         Sent from my iPad\n",
        LETTER.join("\n\n"),
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(names(&rec), ["Joan Whitworth"]);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("joan.whitworth@example.org")
    );
    assert!(rec.body.ends_with(LETTER[3]), "{}", rec.body);
    for left_out in ["Kind regards", "Eggs from the yard", "Holly Bank Farm"] {
        assert!(!rec.body.contains(left_out), "{left_out}: {}", rec.body);
    }
    // A rule breaking the copy into parts, a paragraph beginning "Thanks," under it, is copy.
    let last = "Thanks, then, to the volunteers who kept it open through the winter.";
    let rec = read_as(
        "piece.txt",
        &format!("{TITLE}\n\n{}\n\n----\n\n{last}\n", LETTER.join("\n\n")),
    );
    assert!(rec.body.ends_with(last), "{}", rec.body);
}

#[test]
fn a_greeting_to_the_editor_under_the_letters_headline_is_left_out() {
    let rec = read_as(
        "letter.txt",
        &letter(
            &format!("{TITLE}\n\nSir,"),
            "Yours faithfully,\n\nJoan Whitworth",
        ),
    );
    assert_eq!(rec.headline, TITLE);
    assert!(rec.body.starts_with(LETTER[0]), "{}", rec.body);
    // "Sir, the library was built in 1906 …": a sentence of copy opening with a word of address
    // is copy.
    let first = "Sir, the library was built in 1906 by subscription among the mill workers of Ashworth Green, and in a hundred and twenty years it has never closed its doors for a single working day, not even in the war.";
    let rec = read_as(
        "letter.txt",
        &letter(&format!("{TITLE}\n\n{first}"), "Joan Whitworth"),
    );
    assert!(rec.body.starts_with(first), "{}", rec.body);
}
