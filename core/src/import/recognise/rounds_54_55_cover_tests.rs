//! Rules learnt from rounds 54 and 55: the covers, forwards, releases and forms those rounds
//! showed above and below the piece.

use super::rounds_28_29_tests::COPY;
use super::tests::{names, read_as};

const SUB_HEADLINE: &str = "Pupils on the outer islands will reach school every day of the year under a \
     scheme paid from the education budget";

#[test]
fn an_issuers_name_dashed_before_press_release_is_letterhead_with_its_embargo_run_on() {
    let text = format!(
        "FOR IMMEDIATE RELEASE\n\n\
         NAGU ISLAND COUNCIL - PRESS RELEASE\nEmbargoed until 00:01 CET, Monday 7 December 2026\n\n\
         Island council keeps its school boat running all winter\n\n{SUB_HEADLINE}\n\n{}\n\n\
         ENDS\n",
        COPY.join("\n\n")
    );
    let rec = read_as("release.txt", &text);
    assert_eq!(
        rec.headline,
        "Island council keeps its school boat running all winter"
    );
    assert_eq!(rec.standfirst, SUB_HEADLINE);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

#[test]
fn a_headline_naming_a_press_release_without_a_mark_before_it_stays_the_headline() {
    let text = format!(
        "Why nobody reads the island council's press release\n\nBy Anna Berg\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(
        rec.headline,
        "Why nobody reads the island council's press release"
    );
    assert_eq!(names(&rec), ["Anna Berg"]);
}

#[test]
fn a_forwarders_note_signed_after_a_dash_under_the_headers_is_the_mails() {
    let text = format!(
        "---------- Forwarded message ---------\nFrom: Opinion desk <opinion@example.org>\n\
         Subject: Fwd: island schools\nTo: Subs <subs@example.org>\n\n\
         Could this go in Saturday's paper? Trim the end if it runs long. - Jo\n\n\
         ---------- Forwarded message ---------\nFrom: Mikko Laine <mikko@example.org>\n\
         Subject: island schools\nTo: <opinion@example.org>\n\n\
         The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("Fwd island schools.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(!rec.body.contains("Saturday's paper"), "{}", rec.body);
}

/// A headline under the headers with its kind after a dash ends no sentence before the dash: it
/// is no note signed by "Comment".
#[test]
fn a_headline_with_its_kind_after_a_dash_under_the_headers_stays_the_headline() {
    let text = format!(
        "From: Mikko Laine <mikko@example.org>\nSubject: island schools\n\n\
         The island schools that kept their pupils - Comment\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("island schools.txt", &text);
    assert_eq!(
        rec.headline,
        "The island schools that kept their pupils - Comment"
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
}

fn letter_from(from: &str, signed: &str) -> String {
    format!(
        "From: {from}\nDate: Thu, 3 Dec 2026 at 21:47\nSubject: Letter for publication - ferry\n\
         To: <letters@example.org>\n\nDear Sir or Madam,\n\n\
         Keep the island ferry running\n\n{}\n\nYours faithfully,\n\n{signed}\n",
        COPY[..4].join("\n\n")
    )
}

#[test]
fn a_signers_town_run_onto_the_name_is_cut_where_the_senders_header_name_ends() {
    let text = letter_from(
        "Gordon Tull <g.tull@example.org>",
        "Gordon Tull\nLittle Stenton",
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "Keep the island ferry running");
    assert_eq!(names(&rec), ["Gordon Tull"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("g.tull@example.org"));
}

/// A sender whose header gives a shorter name than the signature, the rest spelt in the address,
/// signs with the whole name: no town is cut from it.
#[test]
fn a_surname_the_senders_address_spells_is_no_town() {
    let text = letter_from("Mary Ann <maryann.smith@example.org>", "Mary Ann Smith");
    let rec = read_as("letter.txt", &text);
    assert_eq!(names(&rec), ["Mary Ann Smith"]);
}

#[test]
fn a_web_forms_notice_with_questions_as_labels_is_read_as_its_fields() {
    let text = format!(
        "New submission received via \"Write for us\" form\nForm: Contributor submissions\n\
         Submitted: 05/12/2026 18:32:07 UTC\nEntry ID: 20469\n\n---------------------\n\
         Full name: Mikko Laine\nEmail: mikko@example.org\nPhone: +358 40 000 1234\n\
         Organisation / affiliation: Archipelago Press Agency, Turku\n\
         Section: Analysis\nType of piece: Analysis\n\
         Headline: The island schools that kept their pupils\n\
         Standfirst / summary: Ferries decide which island schools survive the winter. Councils \
         should pay for the crossing from the schools budget.\n\
         Word count: 640\nHas this been published elsewhere?: No\n\
         Conflicts of interest: None\n\
         Short bio (max 50 words): Mikko Laine is a journalist based in Turku who has covered \
         the archipelago's schools for ten years.\n\
         How did you hear about us?: Newsletter\nConsent to privacy policy: Yes\n\n\
         Article text:\n{}\n\n---------------------\n\
         Attachments: laine.jpg (212 KB)\nIP: 203.0.113.54\n\
         This message was sent automatically by WPForms. Do not reply to this e-mail.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("submission.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide which island schools survive the winter. Councils should pay for the \
         crossing from the schools budget."
    );
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert_eq!(rec.authors[0].email.as_deref(), Some("mikko@example.org"));
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some(
            "Mikko Laine is a journalist based in Turku who has covered the archipelago's \
             schools for ten years."
        )
    );
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Archipelago Press Agency")
    );
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

/// A writer's questions answered on their lines are no form's labels: no colon follows the
/// question mark, and the lines stay one paragraph of the copy.
#[test]
fn questions_answered_on_their_lines_in_the_copy_stay_one_paragraph() {
    let questions = "Who pays for the boat? The schools\n\
                     Who runs it? The council\n\
                     How often? Twice a day\n\
                     For how long? Forty weeks a year\n\
                     Is it worth it? Ask the pupils";
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{questions}\n\n{}\n",
        COPY[..3].join("\n\n"),
        COPY[3..].join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(
        rec.body
            .contains("Who pays for the boat? The schools Who runs it? The council"),
        "{}",
        rec.body
    );
}

#[test]
fn a_cover_letter_under_the_senders_address_run_into_one_line_is_left_out_above_the_piece() {
    let text = format!(
        "Mikko Laine and Anna Berg c/o Island Schools Trust 14 Harbour Road, Turku\n\n\
         4 December 2026\n\nDear Commissioning Editor,\n\n\
         We attach a comment piece on the island schools, which we think will interest your \
         readers. It is 650 words.\n\n\
         Neither of us has any financial interest in the ferry company.\n\n\
         With thanks for your time,\n\nMikko Laine and Anna Berg\n\n\
         The island schools that kept their pupils\n\n\
         Ferries decide which island schools survive the winter.\n\n\
         Mikko Laine and Anna Berg\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("Cover letter and article.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(
        rec.standfirst,
        "Ferries decide which island schools survive the winter."
    );
    assert_eq!(names(&rec), ["Mikko Laine", "Anna Berg"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

/// A standfirst with a number in it over a dated post and the writer's greeting to readers is
/// the piece's own head, no sender's address: mostly small words, no street named.
#[test]
fn a_standfirst_with_a_number_over_a_date_and_a_greeting_is_no_senders_address() {
    let text = format!(
        "# Sarajevo's quiet revolution: the year small films won\n\n\
         ### At the festival's 32nd edition, the big names stayed home and the first-timers stole the show\n\n\
         Aug 25, 2026\n\n\
         *Hi friends — this one is long-ish, but I couldn't cut it. Thank you for reading. — M.*\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("post.md", &text);
    assert_eq!(
        rec.headline,
        "Sarajevo's quiet revolution: the year small films won"
    );
}

#[test]
fn a_project_a_writer_works_with_is_their_affiliation() {
    use super::patterns::affiliation_in_bio;
    for (bio, org) in [
        (
            "Rosa Hadley is a public health researcher with the Freetown Health Equity Project.",
            Some("Freetown Health Equity Project"),
        ),
        (
            "Mikko Laine is a reporter at the Archipelago Schools Project in Turku.",
            Some("Archipelago Schools Project"),
        ),
        // A project the bio names as a book's subject is no post.
        (
            "Anna Berg is a historian and the author of a book on the Manhattan Project.",
            None,
        ),
        (
            "Anna Berg is a historian and the author of a history of the Manhattan Project.",
            None,
        ),
    ] {
        assert_eq!(affiliation_in_bio(bio).as_deref(), org, "{bio}");
    }
}
