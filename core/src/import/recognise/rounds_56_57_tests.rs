//! Rules learnt from rounds 56 and 57 after they were scored (the fourth pre-registered pair).

use super::rounds_28_29_tests::COPY;
use super::rounds_54_55_tests::piece;
use super::tests::{names, read_as};

#[test]
fn a_blogs_line_filing_the_post_is_not_copy() {
    let text = piece(
        "# The island schools that kept their pupils\n\nBy Mikko Laine",
        "*Posted in [Archives](/categories/archives) · [Local history](/categories/local) · [Leave a comment](/contact)*",
    );
    let rec = read_as("post.md", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

/// Copy that opens with the same words goes on as a sentence.
#[test]
fn copy_opening_with_posted_in_or_filed_under_stays() {
    for line in [
        "Posted in Lagos for three years, she learnt the language before the ferry did.",
        "Filed under pressure, the report was late.",
    ] {
        let text = piece(
            "# The island schools that kept their pupils\n\nBy Mikko Laine",
            line,
        );
        let rec = read_as("post.md", &text);
        assert!(rec.body.ends_with(line), "{line}: {}", rec.body);
    }
}

#[test]
fn a_boxout_after_the_copy_is_a_box_apart_from_it() {
    let text = piece(
        "The island schools that kept their pupils\n\nBy Mikko Laine",
        "[BOXOUT - not in word count]\nHow to apply for the ferry grant\n- Ask the school office\n\
         - Send the form by March\n[END BOXOUT]",
    );
    let rec = read_as("schools.txt", &text);
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
    // A panel of a ship, or a sidebar in a sentence, is copy.
    let line = "Panel by panel, the old ferry's hull was rebuilt over one winter.";
    let rec = read_as(
        "schools.txt",
        &piece(
            "The island schools that kept their pupils\n\nBy Mikko Laine",
            line,
        ),
    );
    assert!(rec.body.ends_with(line), "{}", rec.body);
}

#[test]
fn a_joint_bio_of_known_writers_read_with_the_verbs_of_their_posts() {
    let text = format!(
        "---\ntitle: The island schools that kept their pupils\nauthor:\n  - name: Mikko Laine\n  \
         - name: Aino Berg\n---\n\n{}\n\n::: {{.callout-note}}\nMikko Laine coordinates the \
         island schools programme at the Archipelago Trust. Aino Berg is a volunteer with the \
         trust.\n:::\n",
        COPY.join("\n\n")
    );
    let rec = read_as("schools.md", &text);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Mikko Laine coordinates the island schools programme at the Archipelago Trust.")
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Aino Berg is a volunteer with the trust.")
    );
    assert!(rec.body.ends_with(COPY[5]), "{}", rec.body);
}

#[test]
fn a_colleagues_note_passing_a_press_release_on_is_the_mails() {
    let text = format!(
        "---------- Forwarded message ---------\nFrom: Tom Achebe <t.achebe@example.org>\n\
         Subject: FW: press release - island schools\nTo: newsdesk@example.org\n\nHi all,\n\n\
         Passing this on from the trust - they'd be happy for you to run it more or less as is. \
         Could be a nice one for the news pages.\n\nTom\n\n\
         *** EMBARGOED UNTIL 00:01 TUESDAY 8 DECEMBER 2026 ***\n\nPRESS RELEASE\n\n\
         The island schools that kept their pupils\n\n{}\n",
        COPY.join("\n\n")
    );
    let rec = read_as("fw.txt", &text);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
    assert!(names(&rec).is_empty() || !names(&rec).contains(&"Tom Achebe"));
}

fn word_file(lines: &[&str]) -> super::Recognised {
    use crate::import::BlockKind;
    let mut blocks: Vec<(BlockKind, &str)> =
        lines.iter().map(|l| (BlockKind::Paragraph, *l)).collect();
    blocks.extend(COPY.iter().map(|c| (BlockKind::Paragraph, *c)));
    super::recognise(&super::rounds_38_41_tests::word_file(&blocks)).expect("a piece")
}

#[test]
fn a_details_table_over_an_unstyled_headline_and_its_byline() {
    let rec = word_file(&[
        "Document",
        "Guest column – DRAFT FOR APPROVAL",
        "For",
        "Island Letters, January issue",
        "Contact",
        "Owen Pritchard, Senior Communications Officer, owen.pritchard@example.org",
        "word count: 640",
        "The island schools that kept their pupils",
        "By Mikko Laine",
    ]);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
    assert_eq!(names(&rec), ["Mikko Laine"]);
    assert!(rec.body.starts_with(COPY[0]), "{}", rec.body);
}

/// Lines of a piece's own head over its byline are no table: the headline stays the first.
#[test]
fn a_head_of_short_lines_over_a_byline_is_no_details_table() {
    let rec = word_file(&[
        "The island schools that kept their pupils",
        "Ferries, budgets and the families who stayed",
        "Education",
        "Winter 2026",
        "A note on the ferry timetable",
        "By Mikko Laine",
    ]);
    assert_eq!(rec.headline, "The island schools that kept their pupils");
}

#[test]
fn a_councillors_portfolio_in_the_byline_is_no_affiliation() {
    let text = piece(
        "The island schools that kept their pupils\n\n\
         By Cllr Aisha Rahman, Cabinet Member for Heritage, Culture and Leisure",
        "",
    );
    let rec = read_as("column.txt", &text);
    assert_eq!(names(&rec), ["Aisha Rahman"]);
    assert_eq!(rec.authors[0].affiliation, None);
    // A post at an organisation after the comma is still the organisation.
    let text = piece(
        "The island schools that kept their pupils\n\nBy Jane Roe, Senior Fellow, Carnegie Europe",
        "",
    );
    let rec = read_as("column.txt", &text);
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Carnegie Europe")
    );
}
