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

#[test]
fn a_press_release_under_its_issuers_letterhead_with_a_sub_headline_and_notes_after_ends() {
    let text = format!(
        "PRESS RELEASE\n\nEMBARGOED UNTIL 00:01 TUESDAY 8 DECEMBER 2026\n\n\
         Nagu Island Council\nCommunications Team\n\nFor immediate use after embargo\n\n\
         Island council keeps its school boat running all winter\n\n\
         Pupils on the outer islands will reach school every day of the year under a scheme \
         paid from the education budget\n\n{}\n\nENDS\n\nNotes to editors\n\n\
         1. Nagu Island Council serves eleven inhabited islands.\n\n\
         2. Photographs of the boat are available on request.\n\n\
         3. The council leader is available for interview.\n\n\
         4. The scheme's figures are in the council's annual report.\n\n\
         5. The ferry company is a council-owned firm.\n\n\
         6. The boat carries 40 pupils a day.\n\n\
         Media contact\n\nAnna Berg, Communications Manager\n\nanna.berg@example.org\n",
        COPY.join("\n\n")
    );
    let rec = read_as("press release.txt", &text);
    assert_eq!(
        rec.headline,
        "Island council keeps its school boat running all winter"
    );
    assert!(
        rec.standfirst.starts_with("Pupils on the outer islands"),
        "{}",
        rec.standfirst
    );
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_second_line_that_is_copy_or_a_crosshead_is_no_sub_headline() {
    // A first paragraph ending its sentence, under the headline, stays the copy's when a shorter
    // one follows; a scene-break "###" in the middle of a feature is no end mark.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n###\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("feature.txt", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // A first paragraph trailing off in an ellipsis under the headline is the copy's opening.
    let lead =
        "When the ferry stopped, the island held its breath, and then the school began to empty…";
    let text = format!(
        "The island schools that kept their pupils\n\n{lead}\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("feature.txt", &text);
    assert_eq!(rec.standfirst, "");
    assert!(
        rec.body.starts_with("When the ferry stopped"),
        "{}",
        rec.body
    );
}

#[test]
fn a_piece_forwarded_inside_a_quote_is_read_as_the_mails_own_text() {
    let quoted: String = std::iter::once("The island schools that kept their pupils".to_string())
        .chain(std::iter::once("Mikko Laine".to_string()))
        .chain(COPY.iter().map(|c| c.to_string()))
        .chain(COPY.iter().map(|c| c.to_string()))
        .chain(std::iter::once(
            "Mikko Laine is the head teacher of the school on Nagu.".to_string(),
        ))
        .map(|p| format!("> {p}"))
        .collect::<Vec<_>>()
        .join("\n>\n");
    let text = format!(
        "Subject: Fwd: island schools\nFrom: Anna Berg <press@example.org>\n\n\
         Hello,\n\nForwarding the piece below from one of our schools.\n\nKind regards,\nAnna\n\n\
         ---------- Forwarded message ---------\nFrom: Mikko Laine <mikko.laine@example.org>\n\
         Subject: island schools\n\nHi Anna,\n\nHere's the piece I mentioned.\n\nM\n\n{quoted}\n"
    );
    let rec = read_as("Fwd_ island schools.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(!rec.body.contains("> "), "{}", rec.body);
}

#[test]
fn an_old_message_quoted_under_a_reply_stays_the_replys_history() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{}\n\n\
         On Tue, Anna Berg wrote:\n> Could you send it by Friday?\n> Thanks, Anna\n",
        COPY.join("\n\n"),
        COPY.join("\n\n"),
    );
    let rec = read_as("reply.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

#[test]
fn a_desks_status_block_names_the_writer_a_reviews_details_box_and_a_note_to_the_editor_go() {
    let text = format!(
        "FOR: Island Letters - music reviews\nFROM: Mikko Laine (freelance)\n\
         FILED: 29/11/2026\nWORDS: 640\n\n\
         HEADLINE: A school concert that earns its ending\n\n\
         STANDFIRST: The island choir makes a confident case for Sibelius.\n\n\
         Nagu School Choir / Anna Berg\nSt Olaf's Hall, Nagu, Saturday 28 November\nRating: 4/5\n\n\
         ---\n\n{}\n\n\
         Mikko Laine writes about music for Island Letters.\n\n\
         [Anna - I've spelled Sibelius's title in Finnish, please keep it. Invoice to follow. M]\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.txt", &text);
    assert_eq!(rec.headline, "A school concert that earns its ending");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // A slug's initial names no one; a bracketed label to the desk without "I" or "please" is
    // still read for its section.
    let text = format!(
        "SLUG: schools\nFROM: M. Laine\nSECTION: Education\n\n\
         The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine"]);
}

#[test]
fn an_author_card_naming_its_writer_by_the_first_name_is_the_bio() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine and Anna Berg\n\n{}\n\n\
         Mikko is the head teacher of the school on Nagu.\n\n\
         Anna leads the Nagu Island Council's education programme.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko is the head teacher of the school on Nagu.")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Anna leads the Nagu Island Council's education programme.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // "Anna runs out of patience …" in the copy names no post: no bio.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine and Anna Berg\n\n{}\n\n\
         Anna runs out of patience with the ferry every winter, and so do I.\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n"),
    );
    let rec = read_as("piece.txt", &text);
    assert!(
        rec.body.contains("Anna runs out of patience"),
        "{}",
        rec.body
    );
    assert_eq!(rec.authors[1].bio, None);
}

#[test]
fn a_bare_word_count_and_the_writers_address_with_their_billing_close_the_copy() {
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n640 words\n\n\
         Mikko Laine – mikko.laine@example.org – invoice to follow under separate cover\n",
        COPY.join("\n\n")
    );
    let rec = read_as("review.txt", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("mikko.laine@example.org")
    );
    // "600 words a day" in a sentence of copy is no count.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         The pupils write 600 words a day, and the boat waits.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("the boat waits."), "{}", rec.body);
}

#[test]
fn a_forms_co_author_field_names_the_second_writer_with_the_address_and_organisation() {
    let text = format!(
        "=== New submission: Contribute a piece ===\nForm: Contributor submissions\n\
         Entry ID: 4471\n\n--- Contact details ---\nYour name: Mikko Laine\n\
         Your email: mikko@example.org\n\
         Co-author(s): Anna Berg (anna.berg@example.org), Nagu Island Council\n\n\
         --- Your piece ---\nProposed headline: The island schools that kept their pupils\n\n\
         Article text:\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("form.txt", &text);
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert_eq!(
        rec.authors[1].email.as_deref(),
        Some("anna.berg@example.org")
    );
    assert_eq!(
        rec.authors[1].affiliation.as_deref(),
        Some("Nagu Island Council")
    );
}

#[test]
fn a_contact_row_with_an_address_and_writing_in_a_personal_capacity_close_the_copy() {
    for closing in [
        "mikko@example.org · Nagu School, Harbour Road, Nagu",
        "Both write in a personal capacity.",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine and Anna Berg\n\n{}\n\n{closing}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("piece.txt", &text);
        assert!(rec.body.ends_with(COPY[5]), "{closing}: {}", rec.body);
    }
    // "Both wrote to the council in May." closing the copy says nothing of capacity.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Both wrote to the council in May, and neither has had an answer.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("had an answer."), "{}", rec.body);
}
