use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::package::REL_TYPES;
use super::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A zip archive of these parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn document_xml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:v=\"urn:schemas-microsoft-com:vml\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    )
}

fn rels_xml(rels: &[(&str, &str, &str, bool)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target, external) in rels {
        xml.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{REL_TYPES}{kind}\" Target=\"{target}\"{}/>",
            if *external {
                " TargetMode=\"External\""
            } else {
                ""
            }
        ));
    }
    xml.push_str("</Relationships>");
    xml
}

/// A .docx of this body and these other parts (names under word/ or anywhere).
fn docx(body: &str, others: &[(&str, String)]) -> Vec<u8> {
    let document = document_xml(body);
    let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
    for (name, xml) in others {
        parts.push((name, xml.as_bytes()));
    }
    zip_of(&parts)
}

fn p(style: &str, runs: &str) -> String {
    if style.is_empty() {
        format!("<w:p>{runs}</w:p>")
    } else {
        format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
    }
}

fn r(props: &str, text: &str) -> String {
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn read_ok(bytes: &[u8]) -> Document {
    read(bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn markdown(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
}

fn sample() -> Document {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/import/riga-port.docx"
    ))
    .unwrap();
    read_ok(&bytes)
}

#[test]
fn the_sample_reads_as_libreoffice_wrote_it() {
    let doc = sample();
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(
        markdown(&doc),
        vec![
            "# Riga's port needs a plan, not a bailout",
            "*The Freeport of Riga lost half its cargo when Russian transit stopped. Another \
             rescue package will not bring it back, writes Andris Ozols.*",
            "Andris Ozols is a transport economist at the Stockholm School of Economics in Riga.",
            "In 2021 the port handled more than twenty million tonnes. Last year it handled \
             fewer than **ten**.",
            "The government's answer has been to cover the losses. A better answer would be \
             to decide what the port is for:",
            "1. container traffic to the Nordics;",
            "2. military logistics for the [allied presence](https://example.org/nato-baltic);",
            "3. offshore wind assembly.",
            "Each path needs different investment. Choosing none of them is the most \
             expensive choice of all.",
        ]
    );
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    let item = BlockKind::ListItem { ordered: true };
    assert_eq!(
        kinds,
        vec![
            BlockKind::Heading(1),
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            item,
            item,
            item,
            BlockKind::Paragraph,
        ]
    );
    let emphasised: Vec<bool> = doc.blocks.iter().map(|b| b.emphasised).collect();
    assert_eq!(
        emphasised,
        vec![false, true, false, false, false, false, false, false, false]
    );
    assert_eq!(
        doc.blocks[6].text,
        "military logistics for the allied presence;"
    );
    // Its dc:title is "x" (from the HTML it was made from), and the body has a heading.
    assert_eq!(doc.meta, Meta::default());
    assert_eq!(doc.warnings, Vec::<String>::new());
}

#[test]
fn not_a_zip_is_refused() {
    assert_eq!(
        read(b"just some text, not a zip").unwrap_err(),
        BadFile::new("is not a Word document: it is not a zip archive")
    );
    assert_eq!(
        read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap_err(),
        BadFile::new(
            "is not a Word document: it is an old .doc or an encrypted file, not a zip \
             archive (save it as .docx without a password)"
        )
    );
}

#[test]
fn a_zip_without_a_document_is_refused() {
    let bytes = zip_of(&[("hello.txt", b"hello")]);
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new("is not a Word document: it has no word/document.xml")
    );
}

#[test]
fn broken_xml_is_refused_with_its_line() {
    let bytes = zip_of(&[(
        "word/document.xml",
        b"<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"x\">\n<w:body><w:p></w:body>\n</w:document>",
    )]);
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new(
            "has broken XML in word/document.xml (line 3: expected 'w:p' tag, not 'w:body')"
        )
    );
    let bytes = docx(
        &p("", &r("", "ok")),
        &[(
            "word/styles.xml",
            "<w:styles xmlns:w=\"x\"><w:style></w:styles>".into(),
        )],
    );
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new(
            "has broken XML in word/styles.xml (line 1: expected 'w:style' tag, not 'w:styles')"
        )
    );
    let bytes = zip_of(&[("word/document.xml", b"\xFF\xFF<not utf8")]);
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new("has broken XML in word/document.xml (it is not UTF-8 text)")
    );
}

#[test]
fn a_zip_bomb_is_refused() {
    let zeros = vec![0u8; 60 * 1024 * 1024];
    let document = document_xml(&p("", &r("", "hi")));
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/media/zeros.bin", &zeros),
    ]);
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new("would expand to more than 50 MB when unzipped")
    );
}

#[test]
fn a_part_larger_than_its_header_says_is_refused() {
    // The document itself is 60 MB of spaces, but its headers claim 10 bytes: the zip crate
    // stops there, and the reader's own limit on bytes read stands behind it.
    let mut document = document_xml("").into_bytes();
    document.truncate(document.len() - "<w:sectPr/></w:body></w:document>".len());
    document.resize(60 * 1024 * 1024, b' ');
    document.extend_from_slice(b"<w:sectPr/></w:body></w:document>");
    let mut bytes = zip_of(&[("word/document.xml", &document)]);
    let real = u32::try_from(document.len()).unwrap().to_le_bytes();
    let mut patched = 0;
    for at in 0..bytes.len() - 4 {
        if bytes[at..at + 4] == real {
            bytes[at..at + 4].copy_from_slice(&10u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "local and central headers");
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new(
            "has a damaged zip entry word/document.xml \
             (File is larger than its declared uncompressed size)"
        )
    );
}

#[test]
fn styles_are_found_by_id_and_by_name() {
    let styles = format!(
        "<w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Quotations\"><w:name w:val=\"Quotations\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My heading\"/><w:basedOn w:val=\"Heading3\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Untertitel\"><w:name w:val=\"Subtitle\"/></w:style>\
         </w:styles>"
    );
    let body = [
        p("Titel", &r("<w:b/>", "The headline")),
        p("Untertitel", &r("", "A dek")),
        p("berschrift2", &r("", "A section")),
        p("Mine", &r("", "A sub-section")),
        p("Heading4", &r("", "Deeper")),
        p("Quotations", &r("", "Quoted words")),
        p("IntenseQuote", &r("", "More quoted")),
        p("Unknown", &r("", "Body")),
    ]
    .concat();
    let doc = read_ok(&docx(&body, &[("word/styles.xml", styles)]));
    let got: Vec<(BlockKind, &str, bool)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str(), b.emphasised))
        .collect();
    assert_eq!(
        got,
        vec![
            (BlockKind::Title, "# The headline", false),
            (BlockKind::Subtitle, "A dek", false),
            (BlockKind::Heading(2), "## A section", false),
            (BlockKind::Heading(3), "### A sub-section", false),
            (BlockKind::Heading(4), "#### Deeper", false),
            (BlockKind::Quote, "> Quoted words", false),
            (BlockKind::Quote, "> More quoted", false),
            (BlockKind::Paragraph, "Body", false),
        ]
    );
}

#[test]
fn outline_levels_and_indented_paragraphs() {
    let body = "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Level two</w:t></w:r></w:p>\
                <w:p><w:pPr><w:ind w:left=\"567\" w:right=\"567\"/></w:pPr><w:r><w:t>Indented</w:t></w:r></w:p>\
                <w:p><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:r><w:t>Left only</w:t></w:r></w:p>";
    let doc = read_ok(&docx(body, &[]));
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Heading(2),
            BlockKind::Quote,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn runs_merge_and_marks_stay_off_spaces() {
    let body = p(
        "",
        &[
            r("", "Plain "),
            r("<w:b/>", "bo"),
            r("<w:b w:val=\"true\"/>", "ld "),
            r("<w:b w:val=\"false\"/>", "then "),
            r("<w:i/>", "italic"),
            r("<w:i w:val=\"0\"/>", " and * star"),
            "<w:r><w:t>a</w:t><w:tab/><w:t>tab</w:t><w:br/><w:t>break</w:t></w:r>".into(),
        ]
        .concat(),
    );
    let doc = read_ok(&docx(&body, &[]));
    assert_eq!(
        markdown(&doc),
        vec!["Plain **bold** then *italic* and \\* stara tab break"]
    );
    assert_eq!(
        doc.blocks[0].text,
        "Plain bold then italic and * stara tab break"
    );
    assert!(!doc.blocks[0].emphasised);
}

#[test]
fn character_styles_give_marks() {
    let styles = format!(
        "<w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>\
         </w:styles>"
    );
    let body = p(
        "",
        &(r("<w:rStyle w:val=\"Strong\"/>", "All") + &r("<w:rStyle w:val=\"Strong\"/>", " strong")),
    );
    let doc = read_ok(&docx(&body, &[("word/styles.xml", styles)]));
    assert_eq!(markdown(&doc), vec!["**All strong**"]);
    assert!(doc.blocks[0].emphasised);
}

#[test]
fn hyperlinks_resolve_through_relationships() {
    let rels = rels_xml(&[
        ("rId7", "hyperlink", "https://example.org/a", true),
        ("rId8", "hyperlink", "javascript:alert(1)", true),
    ]);
    let body = p(
        "",
        &[
            r("", "See "),
            "<w:hyperlink r:id=\"rId7\"><w:r><w:t>the report</w:t></w:r></w:hyperlink>".into(),
            r("", " and "),
            "<w:hyperlink r:id=\"rId8\"><w:r><w:t>this</w:t></w:r></w:hyperlink>".into(),
            r("", " and "),
            "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>that</w:t></w:r></w:hyperlink>".into(),
            r("", " and "),
            "<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org/b&quot; \"><w:r><w:t>simple</w:t></w:r></w:fldSimple>".into(),
            r("", " and "),
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
             <w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.org/c\" </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r><w:rPr><w:b/></w:rPr><w:t>complex</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>".into(),
            r("", "."),
        ]
        .concat(),
    );
    let doc = read_ok(&docx(&body, &[("word/_rels/document.xml.rels", rels)]));
    assert_eq!(
        markdown(&doc),
        vec![
            "See [the report](https://example.org/a) and this and that and \
             [simple](https://example.org/b) and [**complex**](https://example.org/c)."
        ]
    );
}

#[test]
fn numbered_and_bulleted_lists_follow_numbering_xml() {
    let numbering = format!(
        "<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl>\
         <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"20\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>\
         </w:numbering>"
    );
    let item = |num: &str, level: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>",
            r("", text)
        )
    };
    let body = [
        item("1", "0", "one"),
        item("1", "1", "one-a"),
        item("1", "1", "one-b"),
        item("1", "0", "two"),
        "<w:p/>".into(),
        item("1", "0", "three"),
        p("", &r("", "Between")),
        item("1", "0", "again one"),
        item("2", "0", "bullet"),
        item("1", "0", "new run"),
        p("ListParagraph", &r("", "Not a list")),
    ]
    .concat();
    let doc = read_ok(&docx(&body, &[("word/numbering.xml", numbering)]));
    assert_eq!(
        markdown(&doc),
        vec![
            "1. one",
            "1. one-a",
            "2. one-b",
            "2. two",
            "3. three",
            "Between",
            "1. again one",
            "- bullet",
            "1. new run",
            "Not a list",
        ]
    );
    assert_eq!(doc.blocks[7].kind, BlockKind::ListItem { ordered: false });
    assert_eq!(doc.blocks[9].kind, BlockKind::Paragraph);
}

#[test]
fn numbered_heading_styles_stay_headings() {
    let styles = format!(
        "<w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"Heading 1\"/>\
         <w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
         </w:styles>"
    );
    let numbering = format!(
        "<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"none\"/><w:lvlText w:val=\"\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
    );
    let body = [
        p("Heading1", &r("", "The headline")),
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\
         <w:r><w:t>Unnumbered outline text</w:t></w:r></w:p>"
            .into(),
    ]
    .concat();
    let doc = read_ok(&docx(
        &body,
        &[
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering),
        ],
    ));
    let got: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (BlockKind::Heading(1), "# The headline"),
            (BlockKind::Paragraph, "Unnumbered outline text"),
        ]
    );
}

#[test]
fn list_styles_without_numbering_are_lists() {
    let body = [
        p("ListBullet", &r("", "a point")),
        p("ListNumber", &r("", "a step")),
    ]
    .concat();
    let doc = read_ok(&docx(&body, &[]));
    assert_eq!(markdown(&doc), vec!["- a point", "1. a step"]);
}

#[test]
fn notes_comments_and_images_are_left_out_and_listed() {
    let footnotes = format!(
        "<w:footnotes xmlns:w=\"{W}\">\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"1\"><w:p><w:r><w:t>Source: Eurostat, 2024, table 3 and the annex that follows it.</w:t></w:r></w:p></w:footnote>\
         <w:footnote w:id=\"2\"><w:p><w:r><w:t>Ibid.</w:t></w:r></w:p></w:footnote>\
         </w:footnotes>"
    );
    let endnotes = format!(
        "<w:endnotes xmlns:w=\"{W}\"><w:endnote w:id=\"1\"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>"
    );
    let comments = format!(
        "<w:comments xmlns:w=\"{W}\">\
         <w:comment w:id=\"0\" w:author=\"Desk Editor\"><w:p><w:r><w:t>Check this figure</w:t></w:r></w:p></w:comment>\
         <w:comment w:id=\"1\"><w:p><w:r><w:t>Source?</w:t></w:r></w:p></w:comment>\
         </w:comments>"
    );
    let rels = rels_xml(&[
        ("rId1", "footnotes", "footnotes.xml", false),
        ("rId2", "endnotes", "endnotes.xml", false),
        ("rId3", "comments", "comments.xml", false),
        ("rId4", "image", "media/image1.png", false),
        ("rId5", "image", "media/image2.jpeg", false),
    ]);
    let body = [
        p(
            "",
            "<w:r><w:t>Trade fell.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>\
             <w:commentRangeStart w:id=\"0\"/><w:r><w:t xml:space=\"preserve\"> Again</w:t></w:r>\
             <w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>\
             <w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r>",
        ),
        "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"Picture 1\"/><a:graphic><a:graphicData>\
         <a:blip r:embed=\"rId4\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>\
         <w:r><w:pict><v:shape><v:imagedata r:id=\"rId5\"/></v:shape></w:pict></w:r>\
         <w:r><w:drawing><wp:anchor><w:txbxContent><w:p><w:r><w:t>A pull quote in a text box</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r>\
         <w:r><w:t>After the pictures.</w:t></w:r></w:p>".into(),
    ]
    .concat();
    let doc = read_ok(&docx(
        &body,
        &[
            ("word/_rels/document.xml.rels", rels),
            ("word/footnotes.xml", footnotes),
            ("word/endnotes.xml", endnotes),
            ("word/comments.xml", comments),
        ],
    ));
    assert_eq!(
        markdown(&doc),
        vec!["Trade fell. Again", "After the pictures."]
    );
    assert_eq!(
        doc.warnings,
        vec![
            "2 footnotes were left out of the body: \"Source: Eurostat, 2024, table 3 and the \
             annex…\", \"Ibid.\"",
            "1 endnote was left out of the body: \"An endnote.\"",
            "2 comments were left out: \"Check this figure\" (Desk Editor), \"Source?\"",
            "image left out: media/image1.png",
            "image left out: media/image2.jpeg",
            "text box left out: \"A pull quote in a text box\"",
        ]
    );
}

#[test]
fn deleted_and_hidden_text_is_not_read_and_tables_are_flattened() {
    let body = [
        p(
            "",
            "<w:r><w:t xml:space=\"preserve\">Kept </w:t></w:r>\
             <w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>\
             <w:ins><w:r><w:t xml:space=\"preserve\">inserted </w:t></w:r></w:ins>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>",
        ),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("", &r("", "Cell one")),
            p("", &r("", "Cell two"))
        ),
    ]
    .concat();
    let doc = read_ok(&docx(&body, &[]));
    assert_eq!(
        markdown(&doc),
        vec!["Kept inserted", "Cell one", "Cell two"]
    );
    assert_eq!(
        doc.warnings,
        vec!["1 table was read as plain paragraphs, cell by cell".to_owned()]
    );
}

#[test]
fn the_core_title_is_kept_only_without_a_heading() {
    let core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
                xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title> The  title </dc:title>\
                <dc:creator>jsmith</dc:creator></cp:coreProperties>"
        .to_owned();
    let doc = read_ok(&docx(
        &p("", &r("", "Body")),
        &[("docProps/core.xml", core.clone())],
    ));
    assert_eq!(
        doc.meta,
        Meta {
            title: Some("The title".into()),
            ..Meta::default()
        }
    );
    let body = p("Heading1", &r("", "Head")) + &p("", &r("", "Body"));
    let doc = read_ok(&docx(&body, &[("docProps/core.xml", core.clone())]));
    assert_eq!(doc.meta, Meta::default());
    // A headline set in bold in Normal style over its standfirst and byline is one too, under
    // a cover letter as much as at the top.
    let body = p("", &r("", "Dear Editor,"))
        + &p(
            "",
            &r(
                "<w:b/><w:sz w:val=\"36\"/>",
                "Europe should stop envying Sweden",
            ),
        )
        + &p(
            "",
            &r(
                "<w:i/>",
                "Sweden's reform is held up as a model. It has a cost",
            ),
        )
        + &p("", &r("", "By Karin Lindqvist and Jonas Ek"))
        + &p("", &r("", "Body"));
    let doc = read_ok(&docx(&body, &[("docProps/core.xml", core.clone())]));
    assert_eq!(doc.meta, Meta::default());
    // So is one over a standfirst set apart in italic, whatever the names under it are written
    // as ("Karin Lindqvist and Jonas Ek", without "By").
    let standfirst =
        "Sweden's pension reform is held up as a model across Europe. It has a cost nobody counts";
    let body = p("", &r("<w:b/>", "Europe should stop envying Sweden"))
        + &p("", &r("<w:i/>", standfirst))
        + &p("", &r("", "Karin Lindqvist and Jonas Ek"))
        + &p("", &r("", "Body"));
    let doc = read_ok(&docx(&body, &[("docProps/core.xml", core.clone())]));
    assert_eq!(doc.meta, Meta::default());
    // A short italic line under it (a date) is no standfirst: the property stands in.
    let body = p("", &r("<w:b/>", "Europe should stop envying Sweden"))
        + &p("", &r("<w:i/>", "March 2025"))
        + &p("", &r("", "Body"));
    let doc = read_ok(&docx(&body, &[("docProps/core.xml", core)]));
    assert_eq!(doc.meta.title.as_deref(), Some("The title"));
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let package_rels = rels_xml(&[("rId1", "officeDocument", "word/main.xml", false)]);
    let document = document_xml(&p("", &r("", "Elsewhere")));
    let bytes = zip_of(&[
        ("_rels/.rels", package_rels.as_bytes()),
        ("word/main.xml", document.as_bytes()),
    ]);
    assert_eq!(markdown(&read_ok(&bytes)), vec!["Elsewhere"]);
    let bytes = zip_of(&[("_rels/.rels", package_rels.as_bytes())]);
    assert_eq!(
        read(&bytes).unwrap_err(),
        BadFile::new("is not a Word document: it has no word/main.xml")
    );
}

#[test]
fn deep_nesting_is_cut_not_crashed() {
    let body = format!(
        "{}{}{}{}",
        p("", &r("", "Top")),
        "<w:sdt><w:sdtContent>".repeat(5_000),
        p("", &r("", "Deep")),
        "</w:sdtContent></w:sdt>".repeat(5_000)
    );
    let doc = read_ok(&docx(&body, &[]));
    assert_eq!(markdown(&doc), vec!["Top"]);
    assert_eq!(
        doc.warnings,
        vec!["left out text nested more than 100 elements deep".to_owned()]
    );
}

#[test]
fn an_empty_document_has_no_text() {
    let doc = docx("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>", &[]);
    assert_eq!(read(&doc).unwrap_err(), BadFile::new("has no text"));
}

#[test]
fn markdown_characters_in_word_text_are_escaped() {
    let body = p("", &r("", "# not a heading [x] *y* &lt;b&gt;"));
    let doc = read_ok(&docx(&body, &[]));
    assert_eq!(
        markdown(&doc),
        vec!["\\# not a heading \\[x\\] \\*y\\* \\<b>"]
    );
    let body = p("Heading2", &r("", "1. Start"));
    assert_eq!(markdown(&read_ok(&docx(&body, &[]))), vec!["## 1\\. Start"]);
}

#[test]
fn an_address_in_the_page_footer_is_told_not_read_as_copy() {
    let rels = rels_xml(&[("rId9", "footer", "footer1.xml", false)]);
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:ftr xmlns:w=\"{W}\">{}</w:ftr>",
        p("", &r("", "ana.lopes@example.org | +351 21 000 0000"))
    );
    let body = p("", &r("", "The bus that stopped."));
    let doc = read_ok(&docx(
        &body,
        &[
            ("word/_rels/document.xml.rels", rels),
            ("word/footer1.xml", footer),
        ],
    ));
    assert_eq!(markdown(&doc), vec!["The bus that stopped."]);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.contains("ana.lopes@example.org")),
        "{:?}",
        doc.warnings
    );
}
