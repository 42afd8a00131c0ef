use super::super::decode::FROM_WINDOWS_1252;
use super::super::inline::escape_block_start;
use super::*;

fn kinds_and_markdown(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str()))
        .collect()
}

#[test]
fn plain_text_written_in_markdown_is_read_as_markdown() {
    let doc = read(
        b"# Fado houses\n\n_Tourists fill the seats._\n\nby **Jo\xc3\xa3o Pedro**\n\n---\n\n\
          The owner dims the lights.\n\n## A music born in poverty\n\nIt grew up by the docks.\n",
    )
    .unwrap();
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Heading(2)));
    // One heading sign is not Markdown enough: "# 1 in the polls" opening a plain note.
    let plain = read(b"# 1 in the polls\n\nThe party leads again.\n").unwrap();
    assert_eq!(plain.format, Format::Text);
}

#[test]
fn binary_is_refused() {
    assert_eq!(
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap_err(),
        BadFile::new("is binary, not text")
    );
}

#[test]
fn crlf_and_lone_cr_are_paragraph_breaks() {
    let doc = read(b"One\r\nline\r\n\r\nTwo\rlines\r\rThree").unwrap();
    assert_eq!(
        kinds_and_markdown(&doc),
        vec![
            (BlockKind::Paragraph, "One line"),
            (BlockKind::Paragraph, "Two lines"),
            (BlockKind::Paragraph, "Three"),
        ]
    );
    assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
}

#[test]
fn paragraphs_are_separated_by_blank_lines_and_their_lines_joined() {
    let doc = read(b"\n\nFirst line\nsecond   line\n   \t\nNext\n\n\n").unwrap();
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.meta, Meta::default());
    assert_eq!(doc.warnings, Vec::<String>::new());
    assert_eq!(
        doc.blocks,
        vec![
            Block {
                kind: BlockKind::Paragraph,
                markdown: "First line second line".into(),
                text: "First line second line".into(),
                emphasised: false,
            },
            Block::paragraph("Next"),
        ]
    );
}

#[test]
fn without_any_blank_line_each_line_is_a_paragraph() {
    let doc = read(b"Headline\nStandfirst here.\nBody text.").unwrap();
    assert_eq!(
        kinds_and_markdown(&doc),
        vec![
            (BlockKind::Paragraph, "Headline"),
            (BlockKind::Paragraph, "Standfirst here."),
            (BlockKind::Paragraph, "Body text."),
        ]
    );
}

#[test]
fn markdown_characters_are_kept_literally() {
    let doc = read(b"Use *stars* and _lines_ and # hashes").unwrap();
    assert_eq!(
        doc.blocks[0].markdown,
        "Use *stars* and _lines_ and # hashes"
    );
    assert_eq!(doc.blocks[0].text, "Use *stars* and _lines_ and # hashes");
}

#[test]
fn list_items_are_blocks_of_their_own() {
    let doc = read(
        "The port could serve:\n- container traffic;\n* military\n  logistics;\n• wind.\n\n\
         Steps:\n1. first\n2) second\n\n1989. The wall fell.\n\n* * *"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        kinds_and_markdown(&doc),
        vec![
            (BlockKind::Paragraph, "The port could serve:"),
            (
                BlockKind::ListItem { ordered: false },
                "- container traffic;"
            ),
            (
                BlockKind::ListItem { ordered: false },
                "- military logistics;"
            ),
            (BlockKind::ListItem { ordered: false }, "- wind."),
            (BlockKind::Paragraph, "Steps:"),
            (BlockKind::ListItem { ordered: true }, "1. first"),
            (BlockKind::ListItem { ordered: true }, "2. second"),
            (BlockKind::Paragraph, "1989. The wall fell."),
            (BlockKind::Paragraph, "* * *"),
        ]
    );
    assert_eq!(doc.blocks[2].text, "military logistics;");
}

#[test]
fn a_signatures_lines_stay_apart_and_wrapped_prose_is_joined() {
    let doc = read(
        "Body text that runs on\nover two lines.\n\n--\nDr Helena Marčanová\nMoravian School \
         of Governance\nTel.: +420 555 012 448\n\nBest wishes,\nKerem\n\nKerem Aydın | Aegean \
         Policy Forum\nk.aydin@example.org"
            .as_bytes(),
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Body text that runs on over two lines.",
            "--",
            "Dr Helena Marčanová",
            "Moravian School of Governance",
            "Tel.: +420 555 012 448",
            "Best wishes, Kerem",
            "Kerem Aydın | Aegean Policy Forum",
            "k.aydin@example.org",
        ]
    );
}

#[test]
fn bios_one_a_line_are_blocks_of_their_own_and_wrapped_prose_is_not() {
    let doc = read(
        "About the authors\nEszter Halmi is a senior researcher at the Institute.\n\
         Jonas Petraitis is a policy analyst at the Institute.\n\n\
         *Aoife Ní Bhriain is a lecturer in public health.*\n\
         *Tomás Ortega Ruiz is a climate adaptation researcher.*\n\n\
         A paragraph wrapped at the width of the\nline, which breaks mid-sentence.\n"
            .as_bytes(),
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "About the authors",
            "Eszter Halmi is a senior researcher at the Institute.",
            "Jonas Petraitis is a policy analyst at the Institute.",
            "*Aoife Ní Bhriain is a lecturer in public health.*",
            "*Tomás Ortega Ruiz is a climate adaptation researcher.*",
            "A paragraph wrapped at the width of the line, which breaks mid-sentence.",
        ]
    );
}

#[test]
fn whitespace_only_text_is_refused() {
    assert_eq!(read(b" \r\n\t\n").unwrap_err(), BadFile::new("has no text"));
}

#[test]
fn the_windows_1252_warning_reaches_the_document() {
    let doc = read(b"Caf\xE9").unwrap();
    assert_eq!(doc.blocks, vec![Block::paragraph("Café")]);
    assert_eq!(doc.warnings, vec![FROM_WINDOWS_1252.to_owned()]);
}

#[test]
fn the_samples_read() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/import/nato-two-authors.txt"
    ))
    .unwrap();
    let doc = read(&bytes).unwrap();
    assert_eq!(doc.blocks.len(), 8);
    assert_eq!(
        doc.blocks[7].text,
        "Tomasz Wójcik is an analyst at the Warsaw Security Forum and writes on NATO’s \
         eastern flank."
    );
    assert_eq!(
        doc.blocks[0].text,
        "NATO at the crossroads: a view from Lisbon"
    );
    assert_eq!(doc.blocks[1].text, "By Ana Pereira and Tomasz Wójcik");
    assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
}

#[test]
fn quoted_lines_are_one_block_quote_and_figures_are_not_list_markers() {
    let doc = read(
        b"Headline\n\n> Ownership matters.\n> The fund cannot vote.\n\n71.8 per cent said no.\n",
    )
    .unwrap();
    assert_eq!(
        kinds_and_markdown(&doc),
        vec![
            (BlockKind::Paragraph, "Headline"),
            (
                BlockKind::Quote,
                "> Ownership matters. The fund cannot vote."
            ),
            (BlockKind::Paragraph, "71.8 per cent said no."),
        ]
    );
    assert_eq!(escape_block_start("71.8 per cent".into()), "71.8 per cent");
    assert_eq!(
        escape_block_start("1. not a list".into()),
        "1\\. not a list"
    );
}

#[test]
fn a_name_over_a_postal_address_is_read_line_by_line() {
    let doc = read(b"Yours faithfully,\n\nGwen Hollis\n14 Mill Lane\nHarwick\nHW3 7QP\n").unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Yours faithfully,",
            "Gwen Hollis",
            "14 Mill Lane",
            "Harwick",
            "HW3 7QP"
        ]
    );
    // A paragraph wrapped at a line's width stays one paragraph.
    let prose = read(
        b"Dear Editor,\n\nThe council says the library\ncosts a great deal\nand 14 Mill Lane\nis for sale.\n",
    )
    .unwrap();
    assert_eq!(prose.blocks.len(), 2);
}

#[test]
fn a_rule_right_above_a_bio_is_a_block_of_its_own() {
    let doc = read(
        b"Headline\n\nThe text ends here.\n\n---\nAnna Berg is a professor at the Baltic University.\nContact: a.berg@example.org | +48 58 555 0142\n",
    )
    .unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Headline",
            "The text ends here.",
            "---",
            "Anna Berg is a professor at the Baltic University.",
            "Contact: a.berg@example.org | +48 58 555 0142"
        ]
    );
}

#[test]
fn a_line_underlined_with_equals_signs_is_the_title_under_a_note_above_it() {
    let doc = read(
        "[Submitted to The Courier - 2 Dec 2024 - revised version]\n\n\nTen years of e-residency\n\
         ========================\n\nKadri Tamm\n\nThe first paragraph of the piece runs on.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.format, Format::Text);
    let title: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(title, ["Ten years of e-residency"]);
}
