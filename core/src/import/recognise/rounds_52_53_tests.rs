//! Rules learnt from rounds 52 and 53: the wrappings those rounds showed.

use super::rounds_28_29_tests::COPY;
use super::tests::{names, read_as};

#[test]
fn a_notes_page_title_over_a_note_links_and_a_rule_gives_way_to_the_pieces_own_headline() {
    let text = format!(
        "---\ntags: [writing]\nstatus: sent\n---\n\n# Island schools piece\n\n\
         > [!note] For the editor\n> Hi - this is the piece I mentioned. - Mikko\n\n\
         Related: [[Pitch list 2026]]\n\n---\n\n\
         # The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         #### Scratch\n- check the ferry's name\n- follow-up idea: island nurseries\n",
        COPY.join("\n\n")
    );
    let rec = read_as("Island schools piece.md", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_newsletters_linked_name_under_the_title_is_no_headline() {
    let text = format!(
        "# The island schools that kept their pupils\n\n---\n\n\
         # [Island Letters](https://islandletters.example.org/)\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("post.md", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
}

#[test]
fn ends_with_the_count_and_the_desks_notes_after_it_and_a_contact_for_queries_close_the_copy() {
    for closing in [
        "ENDS. 612 words. The writer has asked to remain anonymous. Contact via the desk only: ref A-2026-118.",
        "Contact for queries: Mikko Laine, mikko.laine@example.org, 0115 496 0732",
    ] {
        let text = format!(
            "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n{closing}\n",
            COPY.join("\n\n")
        );
        let rec = read_as("piece.txt", &text);
        assert!(rec.body.ends_with(COPY[5]), "{closing}: {}", rec.body);
    }
    // "Ends. The boat sails at six." is no end mark in capitals: the copy's own short sentence.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine\n\n{}\n\n\
         Ends. The boat sails at six, and the children are on it.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert!(rec.body.ends_with("children are on it."), "{}", rec.body);
}

/// Negatives from the review of this session's rules: ordinary copy each broad rule would eat.
#[test]
fn the_reviews_cases_stay_copy() {
    let piece = |head: &str, tail: &str| {
        format!(
            "{head}\n\nBy Mikko Laine and Anna Berg\n\n{}\n\n{tail}\n\n{}\n",
            COPY[..3].join("\n\n"),
            COPY[3..].join("\n\n")
        )
    };
    // A letter opening on what it answers under "Dear Editor," keeps that opening.
    let text = format!(
        "Keep the island school open\n\nDear Editor,\n\nYour editorial on the ferry cuts was \
         right to question the figures.\n\n{}\n\nYours faithfully,\n\nMikko Laine\nNagu\n",
        COPY.join("\n\n")
    );
    let rec = read_as("letter.txt", &text);
    // Kept, in the body or as the standfirst the letter's short first paragraph is read as.
    assert!(
        rec.body.starts_with("Your editorial on the ferry cuts")
            || rec
                .standfirst
                .starts_with("Your editorial on the ferry cuts"),
        "{} / {}",
        rec.standfirst,
        rec.body
    );
    // "# Headline" straight over "# Background" is the headline over a section.
    let text = format!(
        "# The island schools that kept their pupils\n\n# Background\n\nBy Mikko Laine\n\n{}\n",
        COPY.join("\n\n")
    );
    assert_eq!(
        read_as("piece.md", &text).headline,
        "The island schools that kept their pupils"
    );
    // A headline naming a kind of piece, and one naming a press office, stay headlines.
    for head in [
        "My final column: why I'm leaving the islands",
        "Is the council's press office out of control?",
    ] {
        assert_eq!(read_as("piece.txt", &piece(head, COPY[0])).headline, head);
    }
    // An invoice in a consumer piece and a box office's row are the copy's.
    for line in [
        "If you receive an unexpected invoice, forward it to report@example.org at once.",
        "Until 14 March | boxoffice@example.org",
    ] {
        let rec = read_as("piece.txt", &piece("The island schools", line));
        assert!(rec.body.contains(line), "{line}: {}", rec.body);
    }
    // A co-writer who lives there has no post there; a former editor has no affiliation.
    let text = format!(
        "The island schools that kept their pupils\n\nBy Mikko Laine and Anna Berg\n\n{}\n\n\
         Mikko Laine is a researcher at the Nagu Island Institute.\n\n\
         Anna Berg is a nurse in Turku and has lived there since 2001.\n",
        COPY.join("\n\n")
    );
    let rec = read_as("piece.txt", &text);
    assert_eq!(rec.authors[1].affiliation, None);
    assert_eq!(
        super::patterns::affiliation_in_bio(
            "Anna Berg is a freelance writer and former editor of Country Walking magazine."
        ),
        None
    );
}
