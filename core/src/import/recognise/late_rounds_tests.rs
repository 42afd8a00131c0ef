//! Wrapping learnt from rounds 12–15: a table form under its title with no labelled line, the
//! writers' footnotes typed at the end, bylines in a page's action line, bios run together.

use super::tests::{doc, names};
use super::*;

const BODY: [&str; 2] = [
    "Every spring, buses leave towns in Romania and Bulgaria for the fruit and vegetable belts \
     of Europe, and without the people on board much of the harvest would rot.",
    "Consumers like to think their strawberries are grown on family farms under the sun, but \
     the price on the shelf is also shaped by the wages of the people who pick them.",
];

#[test]
fn a_table_form_under_its_title_is_read_though_no_line_is_labelled() {
    let mut lines = vec![
        "The Ledger – Opinion submission form",
        "Please complete the form and paste your article below the line.",
        "Author name(s)",
        "Ana Petrescu; Dirk Maes",
        "Contact e-mail",
        "a.petrescu@example.org",
        "organisation: Network for Farmworkers (NFW)",
        "Proposed section",
        "Society",
        "Has this article been published or offered elsewhere?",
        "No",
        "ARTICLE TEXT BELOW THIS LINE",
        "Who picks the strawberries?",
        "Ana Petrescu and Dirk Maes",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.headline, "Who picks the strawberries?");
    assert_eq!(names(&rec), ["Ana Petrescu", "Dirk Maes"]);
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(
        rec.authors[0].email.as_deref(),
        Some("a.petrescu@example.org")
    );
    assert_eq!(
        rec.authors[0].affiliation.as_deref(),
        Some("Network for Farmworkers")
    );
    // One organisation for two writers is the first one's, who fills in the form.
    assert_eq!(rec.authors[1].affiliation, None);
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn a_description_crediting_the_piece_is_no_standfirst_and_the_lead_is() {
    let lead = "European governments are spending more on defence than at any time since the \
                Cold War. Unless they buy together, much of it will go on duplication.";
    let mut lines = vec![
        "Buying together",
        lead,
        "Sebastian Kroll, Aino Virtanen Download PDF (312 KB)",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    let mut d = doc(&lines);
    d.format = Format::Html;
    d.meta.standfirst =
        Some("Commentary by Sebastian Kroll and Aino Virtanen on joint procurement.".into());
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.standfirst, lead);
    assert_eq!(names(&rec), ["Sebastian Kroll", "Aino Virtanen"]);
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn a_section_in_capitals_is_named_in_words() {
    assert_eq!(section_case("OPINION"), "Opinion");
    assert_eq!(section_case("WORLD NEWS"), "World news");
    assert_eq!(section_case("EU"), "EU");
    assert_eq!(section_case("Society"), "Society");
}

#[test]
fn an_author_box_between_the_text_and_a_closing_disclaimer_is_read() {
    let html = format!(
        r#"<html><head><title>Buying together</title></head><body><main class="publication">
        <h1>Buying together</h1><p class="authors">By Sebastian Kroll</p>
        <div class="pub-body">{}</div>
        <aside class="pub-authors"><h3>About the authors</h3><div class="author-card">
        <p><strong>Sebastian Kroll</strong> is a senior research fellow at the Centre for
        European Security Policy in Berlin.</p></div></aside>
        <div class="pub-disclaimer"><p>The views expressed in this commentary are those of the
        authors and do not necessarily reflect the position of the centre.</p></div>
        </main></body></html>"#,
        "<p>Fragmentation is expensive in three ways, and small national orders mean short production runs that push up unit prices for every army in Europe. Fragmentation is expensive in three ways, and small national orders mean short production runs that push up unit prices for every army in Europe.</p>".repeat(6)
    );
    let rec = recognise(&crate::import::read("a.html", html.as_bytes()).unwrap()).unwrap();
    assert_eq!(names(&rec), ["Sebastian Kroll"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some(
            "Sebastian Kroll is a senior research fellow at the Centre for European Security \
             Policy in Berlin."
        ),
        "{rec:#?}"
    );
}

#[test]
fn three_writers_a_catalan_name_among_them_and_their_bios_in_one_paragraph() {
    let mut lines = vec![
        "Short-term rentals: Europe finally has the data",
        "A new EU regulation forces platforms to share booking data with cities.",
        "By Noemi Szabó, Pau Ferrer i Soler and Annika Virtanen",
        "[AUTHOR NOTE – delete before publication: figures from city portals, May 2024]",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    lines.push(
        "Noemi Szabó is a housing policy researcher in Budapest. Pau Ferrer i Soler is a former \
         housing councillor in Barcelona. Annika Virtanen is an urban geographer at the \
         University of Helsinki.",
    );
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(
        names(&rec),
        ["Noemi Szabó", "Pau Ferrer i Soler", "Annika Virtanen"]
    );
    assert_eq!(
        rec.authors[1].bio.as_deref(),
        Some("Pau Ferrer i Soler is a former housing councillor in Barcelona.")
    );
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn a_bracketed_label_at_the_top_files_the_piece() {
    let mut lines = vec![
        "The night train is back. Now make it work",
        "By Sophie Brenner and Jakub Horák",
        "[Analysis – approx. 500 words]",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.section.as_deref(), Some("Analysis"));
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn the_tags_a_page_shows_beat_the_keywords_that_hold_them() {
    let html = r#"<html><head><title>Prisons</title>
        <meta name="keywords" content="prisons, Belgium, criminal justice, pre-trial detention">
        </head><body><article><h1>Belgium's prisons are full</h1><p>By Ana Lobo</p>
        <p>Five years ago, prison overcrowding in Belgium was still a debate among judges and
        ministers. Today it is a daily fact, and the hard questions have moved elsewhere.</p>
        <p>What comes next is slower and less photogenic than a new building, and costs more.</p>
        </article><div class="tags"><strong>Topics:</strong> <a href="/topics/prisons/">Prisons</a>
        <a href="/topics/belgium/">Belgium</a> <a href="/topics/criminal-justice/">Criminal
        justice</a></div></body></html>"#;
    let rec = recognise(&crate::import::read("a.html", html.as_bytes()).unwrap()).unwrap();
    assert_eq!(rec.tags, ["Prisons", "Belgium", "Criminal justice"]);
}

#[test]
fn a_blogs_categories_line_files_the_piece_and_is_no_affiliation() {
    let mut lines = vec![
        "Europe’s small languages are disappearing from the classroom first",
        "Categories: Society | 1 Comment | Estimated reading time: 5 minutes",
        "By Matthias Nowak",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(names(&rec), ["Matthias Nowak"]);
    assert_eq!(rec.authors[0].affiliation, None);
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn a_short_paragraph_over_the_posts_date_is_the_standfirst_over_a_reworded_description() {
    let lead = "The 2021 reform sharply reduced temporary hiring. But Spain still has the highest \
                youth unemployment rate in the EU.";
    let mut lines = vec![
        "Spain's labour reform cut temporary contracts",
        lead,
        "18 February 2025 6 minute read",
    ];
    lines.extend(BODY);
    lines.extend(BODY);
    let mut d = doc(&lines);
    d.format = Format::Html;
    d.meta.standfirst = Some(
        "The 2021 reform cut temporary hiring in Spain. But youth unemployment remains the \
         highest in the EU, and new contracts raise questions."
            .into(),
    );
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.standfirst, lead);
    assert!(rec.body.starts_with("Every spring"), "{}", rec.body);
}

#[test]
fn a_disclaimer_closing_a_bio_is_no_part_of_it() {
    assert_eq!(
        patterns::bio_text(
            "Inês Duarte is a geographer at the University of the Algarve. The views expressed \
             are her own."
        ),
        "Inês Duarte is a geographer at the University of the Algarve."
    );
}

#[test]
fn a_caption_closed_by_its_credit_is_furniture() {
    assert!(furniture::is_notice(
        "Visitors on the Avenida dos Descobrimentos in Lagos in August. Photo: Courier archive"
    ));
    assert!(!furniture::is_notice(
        "The photo shows what the council did not say. Nobody asked the residents."
    ));
}

#[test]
fn list_items_typed_into_paragraphs_are_a_list() {
    let mut lines = vec!["Conditions that work", "By Eszter Horváth"];
    lines.extend(BODY);
    lines.extend([
        "• Conditions must be specific and verifiable.",
        "• Decisions must be insulated from bargaining.",
        "1. Give student housing priority in zoning decisions.",
        "2. Fund it.",
    ]);
    lines.extend(BODY);
    let rec = recognise(&doc(&lines)).unwrap();
    assert!(
        rec.body.contains(
            "- Conditions must be specific and verifiable.\n- Decisions must be insulated"
        ),
        "{}",
        rec.body
    );
    assert!(
        rec.body
            .contains("1. Give student housing priority in zoning decisions.\n2. Fund it."),
        "{}",
        rec.body
    );
    // A paragraph that opens with a number, alone, stays a paragraph.
    let mut alone = vec![Block::paragraph("1. A paragraph that opens with a number.")];
    finish::typed_lists(&mut alone);
    assert_eq!(alone[0].kind, crate::import::BlockKind::Paragraph);
}

#[test]
fn a_submission_line_above_a_word_title_names_the_section() {
    let mut lines = vec![
        Block::paragraph("Submission to The Meridian – Society section"),
        Block::paragraph("Word count: 590"),
        Block::paragraph("Europe is asking fact-checkers to save its elections"),
    ];
    lines[2].kind = crate::import::BlockKind::Title;
    lines.push(Block::paragraph("By Tomasz Kowalczyk"));
    for _ in 0..2 {
        lines.extend(BODY.iter().map(|p| Block::paragraph(p)));
    }
    let mut d = doc(&[]);
    d.format = Format::Docx;
    d.blocks = lines;
    let rec = recognise(&d).unwrap();
    assert_eq!(rec.section.as_deref(), Some("Society"));
    assert_eq!(
        rec.headline,
        "Europe is asking fact-checkers to save its elections"
    );
}
