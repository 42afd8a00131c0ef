//! Rules learnt from rounds 50 and 51: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::read_as;

#[test]
fn a_mail_apps_footer_a_comments_prompt_a_cookie_line_and_notes_to_the_desk_are_no_copy() {
    for closing in [
        "Sent from Outlook for Android",
        "Comments are open below. Please keep them civil and on topic.",
        "This site uses cookies. By continuing to browse you agree to our use of cookies.",
        "[Anna – 1,010 words inc. bio. Photos of the boat available from me.]",
        "**Desk notes (Anna):** checked dates with the council 2/12 · image request sent",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{closing}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("piece.txt", &text);
        assert!(rec.body.ends_with(COPY[5]), "{closing}: {}", rec.body);
    }
    // "[Anna – the ferry's captain – kept the log.]" speaks to no one at the desk: it stays.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         [Anna – my grandmother, the ferry's captain – kept the log for forty years.]\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("for forty years.]"), "{}", rec.body);
}

#[test]
fn a_picture_note_over_the_copy_and_what_a_letter_answers_after_its_title_go() {
    let text = format!(
        "The island schools that kept their pupils (re: \"Why the ferry stopped\", Nov 19)\n\n\
         By Mikko Laine\n\n[PIC 1: the school boat at the quay – credit Mikko Laine]\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("letter.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(rec.standfirst, "");
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

#[test]
fn a_chart_note_a_word_count_note_and_a_like_widget_close_the_copy_a_hyphenated_title_goes() {
    for closing in [
        "[Chart 1: pupils by island - data attached separately]",
        "[word count 720 – contact mikko@example.org]",
        "Like this: Like Loading…",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{closing}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("piece.txt", &text);
        assert!(rec.body.ends_with(COPY[5]), "{closing}: {}", rec.body);
    }
    assert!(super::patterns::is_role_word("Director-General"));
    assert!(!super::patterns::is_role_word("Nagu-Korpo"));
    // "Like this, the boat waits." is the copy's sentence.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Like this, the boat waits for every child.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("for every child."), "{}", rec.body);
}
