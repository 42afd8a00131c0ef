//! A Pandoc title block, Obsidian to-do callouts, bios in HTML asides.

use super::*;

#[test]
fn pandoc_title_block_gives_the_title_and_the_authors() {
    let doc = read(
        "% Pension savings should build Europe\n% Matthias Kühn; Ana Ruiz\n% 17 November 2025\n\nEurope is rich in savings.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Pension savings should build Europe")
    );
    let names: Vec<&str> = doc.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Matthias Kühn", "Ana Ruiz"]);
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn a_to_do_callout_is_the_writers_own_note() {
    let doc = read(
        b"> [!todo] Before sending\n> - double-check the figure\n\n# The headline\n\nThe text.\n",
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["The headline", "The text."]);
    assert!(doc.warnings.iter().any(|w| w.contains("Before sending")));
}

#[test]
fn a_bio_in_an_html_aside_is_read() {
    let doc = read(
        b"# The headline\n\nThe text.\n\n<aside class=\"author-bio\">\n  <img src=\"/a.jpg\" alt=\"\">\n  <p>Mirela Dobre is a curator at the Nordic Museum.</p>\n</aside>\n",
    )
    .unwrap();
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.text == "Mirela Dobre is a curator at the Nordic Museum."),
        "{:?}",
        doc.blocks
    );
}

#[test]
fn dataview_inline_fields_at_the_top_are_the_notes_front_matter() {
    let doc = read(
        "author:: [[Mira Kovač]]\nsection:: Transport\ntags:: #rail #night-trains\n\
         status:: ready for edit\n\n# Night trains\n\nThe sleeper is back.\n\n---\n\
         Related notes: [[Rail ticketing]] · [[Track access]]\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.meta.authors[0].name, "Mira Kovač");
    assert_eq!(doc.meta.section.as_deref(), Some("Transport"));
    assert_eq!(doc.meta.tags, ["rail", "night-trains"]);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(!texts.iter().any(|t| t.contains("::")), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("Related notes")),
        "{texts:?}"
    );
    // A field in the copy below the top is the writer's text.
    let doc = read("# Title\n\nThe rule:: keep it.\n".as_bytes()).unwrap();
    assert!(doc.meta.authors.is_empty());
    assert!(doc.blocks.iter().any(|b| b.text.contains("rule::")));
}

#[test]
fn pandoc_fenced_div_fences_are_markup_their_paragraphs_stay() {
    let doc = read(
        "# Title\n\nThe last paragraph.\n\n::: {.bio}\nAna Ruiz is an economist.\n\nLeo Berg is a lawyer.\n:::\n"
            .as_bytes(),
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Title",
            "The last paragraph.",
            "Ana Ruiz is an economist.",
            "Leo Berg is a lawyer."
        ]
    );
}

#[test]
fn a_callout_to_the_desk_by_the_papers_name_is_left_out_its_address_told() {
    let doc = read(
        "> [!note] For the Meridian desk\n> Our joint piece. Questions to me: ana.ruiz@example.org. \
         Ana\n\n# Glaciers are going\n\nThe ice is going.\n\n> [!quote] For the record\n> \
         The valley remembers.\n"
            .as_bytes(),
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Glaciers are going",
            "The ice is going.",
            "For the record",
            "The valley remembers."
        ]
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("ana.ruiz@example.org")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn a_bullet_written_with_a_star_or_a_plus_is_written_with_a_dash() {
    let doc = read("# Title\n\n* first;\n* second.\n\n+ third\n\n1. one\n".as_bytes()).unwrap();
    let got: Vec<&str> = doc.blocks.iter().map(|b| b.markdown.as_str()).collect();
    assert_eq!(
        got,
        ["# Title", "- first;", "- second.", "- third", "1. one"]
    );
}

#[test]
fn a_newsletters_name_as_a_linked_first_heading_above_the_pieces_own_is_its_masthead() {
    let doc = read(
        "[![Notes](https://cdn.example.org/logo.png)](https://notes.example.org/)\n\n\
         # [Island Notes](https://notes.example.org/)\n\n\
         [Subscribe](https://notes.example.org/subscribe) · [Archive](https://notes.example.org/archive)\n\n\
         ---\n\n# The islands are running dry\n\n### The real problem is how the water is used.\n\n\
         The tanker is pumping water into the network.\n"
            .as_bytes(),
    )
    .unwrap();
    let got: Vec<(&crate::import::BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (&b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        got[0],
        (
            &crate::import::BlockKind::Title,
            "The islands are running dry"
        )
    );
    assert_eq!(got.len(), 3, "{got:?}");
    // A piece that opens with a linked heading of its own and has no second one keeps it.
    let doc =
        read("# [Island Notes](https://notes.example.org/)\n\nThe tanker is here.\n".as_bytes())
            .unwrap();
    assert_eq!(doc.blocks.len(), 2);
}

#[test]
fn a_paragraph_of_images_alone_is_no_paragraph_its_images_reported() {
    let doc = read(
        "# Title\n\n[![Ana Ruiz’s avatar](https://cdn.example.org/a.jpg)](https://example.org/@ana)\n\n\
         [Ana Ruiz](https://example.org/@ana)\n\nThe tanker is here ![a chart](https://cdn.example.org/c.png).\n"
            .as_bytes(),
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts[1], "Ana Ruiz");
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w == "image left out: https://cdn.example.org/a.jpg")
    );
}

/// Quarto lets a title carry Markdown: the headline is its words, not its marks.
#[test]
fn a_front_matter_title_loses_its_markdown_marks_and_keeps_everything_else() {
    let title = |t: &str| {
        let doc = read(format!("---\ntitle: {t}\n---\n\nThe text.\n").as_bytes()).unwrap();
        doc.meta.title.unwrap_or_default()
    };
    assert_eq!(
        title("\"Review: *The Long Afternoon* asks what we owe the very old\""),
        "Review: The Long Afternoon asks what we owe the very old"
    );
    assert_eq!(
        title("\"Why **nobody** reads `README` files\""),
        "Why nobody reads README files"
    );
    // No emphasis, nothing taken: an intraword underscore, a star that marks nothing, a list's
    // number.
    assert_eq!(title("snake_case and me"), "snake_case and me");
    assert_eq!(title("\"5 * 3 is not 15\""), "5 * 3 is not 15");
    assert_eq!(title("\"1. *Why* it matters\""), "1. *Why* it matters");
}
