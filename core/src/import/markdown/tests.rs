use super::*;
use crate::import::{Block, BlockKind, MetaAuthor};

fn sample() -> Document {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/import/baltic-grid.md"
    ))
    .unwrap();
    read(&bytes).unwrap()
}

#[test]
fn the_sample_front_matter_becomes_meta() {
    let doc = sample();
    assert_eq!(
        doc.meta,
        Meta {
            title: Some("The Baltic grid is ready. Is Europe?".into()),
            standfirst: Some(
                "Estonia, Latvia and Lithuania left the Russian power system this year. \
                 The hard part starts now."
                    .into()
            ),
            authors: vec![MetaAuthor {
                name: "Ieva Kalniņa".into(),
                email: Some("ieva.kalnina@example.org".into()),
                affiliation: Some("Riga Centre for Energy Security".into()),
                bio: Some(
                    "Ieva Kalniņa is director of the Riga Centre for Energy Security and a \
                     member of the EU's expert group on grid resilience."
                        .into()
                ),
            }],
            section: Some("Opinion".into()),
            tags: vec!["energy".into(), "baltics".into(), "security".into()],
            publisher: None,
        }
    );
    assert_eq!(doc.warnings, Vec::<String>::new());
    assert_eq!(doc.format, Format::Markdown);
}

#[test]
fn the_sample_body_keeps_its_markdown_block_by_block() {
    let doc = sample();
    let got: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                BlockKind::Paragraph,
                "On a cold morning in February, the three Baltic states switched off from \
                 the **BRELL** ring and joined the continental European grid."
            ),
            (BlockKind::Heading(2), "## What the switch changed"),
            (
                BlockKind::ListItem { ordered: false },
                "- Frequency control now sits in Vilnius, Riga and Tallinn, not Moscow."
            ),
            (
                BlockKind::ListItem { ordered: false },
                "- Three new interconnectors carry *most* of the balancing power."
            ),
            (
                BlockKind::ListItem { ordered: false },
                "- The [synchronisation agreement](https://example.org/sync-agreement) sets \
                 out who pays for reserves."
            ),
            (
                BlockKind::Quote,
                "> A grid is only as secure as its weakest cable."
            ),
            (
                BlockKind::Paragraph,
                "The cables under the Baltic Sea have already been damaged twice. Repairs \
                 took weeks."
            ),
            (BlockKind::Heading(2), "## What Europe must do next"),
            (
                BlockKind::Paragraph,
                "Protecting undersea infrastructure is a European task, not a Baltic one. \
                 The next budget should treat it that way."
            ),
        ]
    );
    assert_eq!(
        doc.blocks[4].text,
        "The synchronisation agreement sets out who pays for reserves."
    );
    assert_eq!(doc.blocks[1].text, "What the switch changed");
    assert_eq!(
        doc.blocks[5].text,
        "A grid is only as secure as its weakest cable."
    );
    assert!(doc.blocks.iter().all(|b| !b.emphasised));
}

#[test]
fn without_front_matter_a_first_level_one_heading_is_the_title() {
    let doc = read(b"# The headline\n\n*All of the standfirst.*\n\n# Later\n\nText").unwrap();
    assert_eq!(doc.meta, Meta::default());
    let got: Vec<(BlockKind, &str, bool)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.emphasised))
        .collect();
    assert_eq!(
        got,
        vec![
            (BlockKind::Title, "The headline", false),
            (BlockKind::Paragraph, "All of the standfirst.", true),
            (BlockKind::Heading(1), "Later", false),
            (BlockKind::Paragraph, "Text", false),
        ]
    );
    assert_eq!(doc.blocks[0].markdown, "# The headline");
}

#[test]
fn setext_headings_are_written_as_atx() {
    let doc = read(b"Para first\n\nA *sub*\nheading\n-------\n\nText").unwrap();
    assert_eq!(doc.blocks[1].kind, BlockKind::Heading(2));
    assert_eq!(doc.blocks[1].markdown, "## A *sub* heading");
    assert_eq!(doc.blocks[1].text, "A sub heading");
}

#[test]
fn ordered_items_and_multi_line_items_keep_their_source() {
    let doc = read(
        b"Intro\n\n3. third\n4. fourth, which\n   goes on\n   - with a sub-point\n\n\
          > quoted and\nlazily continued\n\n```\ncode *here*\n```\n",
    )
    .unwrap();
    let got: Vec<(BlockKind, &str, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str(), b.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (BlockKind::Paragraph, "Intro", "Intro"),
            (BlockKind::ListItem { ordered: true }, "3. third", "third"),
            (
                BlockKind::ListItem { ordered: true },
                "4. fourth, which\n   goes on\n   - with a sub-point",
                "fourth, which goes on with a sub-point"
            ),
            (
                BlockKind::Quote,
                "> quoted and\n> lazily continued",
                "quoted and lazily continued"
            ),
            (BlockKind::Code, "```\ncode *here*\n```", "code *here*"),
        ]
    );
}

#[test]
fn reference_links_are_written_inline() {
    let doc = read(
        b"See [the report][r1], [Eurostat] and [inline](https://example.org/i) or \
          <https://example.org/auto>.\n\n- ![a chart][img] too\n\n\
          [r1]: https://example.org/report \"Title\"\n[eurostat]: https://example.org/e\n\
          [img]: https://example.org/c.png\n",
    )
    .unwrap();
    assert_eq!(
        markdown_of(&doc),
        vec![
            "See [the report](https://example.org/report), \
             [Eurostat](https://example.org/e) and [inline](https://example.org/i) or \
             <https://example.org/auto>.",
            "- ![a chart](https://example.org/c.png) too",
        ]
    );
    assert_eq!(
        doc.blocks[0].text,
        "See the report, Eurostat and inline or https://example.org/auto."
    );
}

fn markdown_of(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
}

#[test]
fn html_blocks_and_rules_are_left_out() {
    let doc = read(b"One\n\n<div class=\"x\">raw</div>\n\n---\n\nTwo").unwrap();
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["One", "Two"]);
    assert_eq!(
        doc.warnings,
        vec!["left out HTML in the Markdown: 1 block".to_owned()]
    );
}

#[test]
fn crlf_never_survives() {
    let doc = read(b"---\r\ntitle: T\r\n---\r\n\r\nA line\r\nand more\r\n\r\n- item\r\n").unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("T"));
    assert_eq!(doc.blocks[0].markdown, "A line\nand more");
    assert!(doc.blocks.iter().all(|b| !b.markdown.contains('\r')));
}

#[test]
fn front_matter_accepts_other_names_and_shapes() {
    let doc = read(
        "---\ntitle: T\ndek: The dek\nauthors:\n  - name: Ana Pereira\n    email: ana@example.org\n    affiliation: IPRI\n    bio: Ana is a researcher.\n  - Tomasz Wójcik\nsection: [Europe, World]\ntags: \"nato, defence,  nato\"\nlayout: post\ndate: 2024-05-01\n...\nBody"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.meta.standfirst.as_deref(), Some("The dek"));
    assert_eq!(
        doc.meta.authors,
        vec![
            MetaAuthor {
                name: "Ana Pereira".into(),
                email: Some("ana@example.org".into()),
                affiliation: Some("IPRI".into()),
                bio: Some("Ana is a researcher.".into()),
            },
            MetaAuthor {
                name: "Tomasz Wójcik".into(),
                ..MetaAuthor::default()
            },
        ]
    );
    assert_eq!(doc.meta.section.as_deref(), Some("Europe"));
    assert_eq!(doc.meta.tags, vec!["nato".to_owned(), "defence".to_owned()]);
    assert_eq!(
        doc.warnings,
        vec!["left out front matter keys: layout, date".to_owned()]
    );
    assert_eq!(doc.blocks, vec![Block::paragraph("Body")]);
}

#[test]
fn subtitle_and_description_are_standfirsts() {
    for key in [
        "subtitle",
        "description",
        "standfirst",
        "summary",
        "excerpt",
    ] {
        let doc = read(format!("---\n{key}: S\n---\nBody").as_bytes()).unwrap();
        assert_eq!(doc.meta.standfirst.as_deref(), Some("S"), "{key}");
    }
}

#[test]
fn single_author_fields_need_a_single_author() {
    let doc = read(b"---\nauthors: [A, B]\nemail: a@example.org\nbio: A bio.\n---\nBody").unwrap();
    assert_eq!(
        doc.warnings,
        vec!["left out front matter email, bio: there are several authors".to_owned()]
    );
    assert!(doc.meta.authors.iter().all(|a| a.email.is_none()));
    let doc = read(b"---\nemail: a@example.org\n---\nBody").unwrap();
    assert_eq!(
        doc.warnings,
        vec!["left out front matter email: no author is named".to_owned()]
    );
}

#[test]
fn broken_yaml_is_refused() {
    assert_eq!(
        read(b"---\ntitle: T\nauthor: x\n  bad: y\n---\nBody").unwrap_err(),
        BadFile::new(
            "has front matter that is not valid YAML \
             (line 4: mapping values are not allowed in this context)"
        )
    );
    assert_eq!(
        read(b"---\n- just\n- a list\n---\nBody").unwrap_err(),
        BadFile::new(
            "has front matter that is not valid YAML (it is not a list of `key: value` lines)"
        )
    );
}

#[test]
fn an_unclosed_front_matter_is_markdown() {
    let doc = read(b"---\nNot front matter\n\nText").unwrap();
    assert_eq!(doc.meta, Meta::default());
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["Not front matter", "Text"]);
}

#[test]
fn a_file_with_only_front_matter_has_no_text() {
    assert_eq!(
        read(b"---\ntitle: T\n---\n\n").unwrap_err(),
        BadFile::new("has no text")
    );
    assert_eq!(
        read(b"\x00\x01binary").unwrap_err(),
        BadFile::new("is binary, not text")
    );
}

#[test]
fn windows_1252_markdown_is_converted() {
    let doc = read(b"Caf\xE9 **cr\xE8me**").unwrap();
    assert_eq!(doc.blocks[0].markdown, "Café **crème**");
    assert_eq!(
        doc.warnings,
        vec!["converted from Windows-1252 (the file was not UTF-8)".to_owned()]
    );
}

#[test]
fn hugo_toml_front_matter_is_read_like_yaml() {
    let doc = read(
        "+++\ntitle = \"What NATO's Eastern Flank Still Lacks\"\ndescription = \"Air defence \
         matters more than communiqués.\"\nauthors = [\"Kristīne Ozoliņa\", \"Mart Kask\"]\n\
         date = 2024-06-28T07:30:00+03:00\ndraft = false\ncategories = [\"Analysis\"]\n\
         tags = [\"NATO\", \"defence\"]\n+++\n\nSummits are good at producing headlines.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("What NATO's Eastern Flank Still Lacks")
    );
    assert_eq!(
        doc.meta.standfirst.as_deref(),
        Some("Air defence matters more than communiqués.")
    );
    let names: Vec<&str> = doc.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Kristīne Ozoliņa", "Mart Kask"]);
    assert_eq!(doc.meta.section.as_deref(), Some("Analysis"));
    assert_eq!(doc.meta.tags, ["NATO", "defence"]);
    assert_eq!(
        doc.warnings,
        ["left out front matter keys: date, draft".to_owned()]
    );
    let bad = read(b"+++\ntitle = \"unclosed\n+++\n\nText\n").unwrap_err();
    assert!(bad.0.contains("not valid TOML"), "{bad}");
}

#[test]
fn ghost_and_jekyll_keys_give_the_standfirst_and_section() {
    let doc = read(
        "---\ntitle: Rent caps\ncustom_excerpt: Where cities use it, it works.\nprimary_tag: Economy\n\
         ---\n\nText.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        doc.meta.standfirst.as_deref(),
        Some("Where cities use it, it works.")
    );
    assert_eq!(doc.meta.section.as_deref(), Some("Economy"));
    // Categories beside tags file the piece; without tags, several categories are the tags.
    let doc = read(b"---\ntitle: Quotas\ncategories: [Opinion]\ntags: [fisheries]\n---\n\nText.\n")
        .unwrap();
    assert_eq!(doc.meta.section.as_deref(), Some("Opinion"));
    let doc = read(
        "---\ntitle: Cables\ncategories: [Security, Baltic Sea]\nauthor:\n  - name: Laura \
         Jankauskaitė\n    affiliations:\n      - name: Klaipėda Maritime Security Centre\n---\n\nText.\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.meta.section, None);
    assert_eq!(doc.meta.tags, ["Security", "Baltic Sea"]);
    assert_eq!(
        doc.meta.authors[0].affiliation.as_deref(),
        Some("Klaipėda Maritime Security Centre")
    );
}

#[test]
fn obsidian_comments_are_left_out_and_a_callout_is_its_title_and_text() {
    let doc = read(
        b"# Border towns\n\n%% check the figures with Eleni %%\n\nThe pact was approved.\n\n\
          > [!info] About the author\n> Nikos Theodorakis is a fellow at the Aegean Policy Network.\n\n\
          > A real quotation stays a quotation.\n",
    )
    .unwrap();
    let got: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.markdown.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (BlockKind::Title, "# Border towns"),
            (BlockKind::Paragraph, "The pact was approved."),
            (BlockKind::Paragraph, "About the author"),
            (
                BlockKind::Paragraph,
                "Nikos Theodorakis is a fellow at the Aegean Policy Network."
            ),
            (BlockKind::Quote, "> A real quotation stays a quotation."),
        ]
    );
    assert_eq!(
        doc.warnings,
        ["left out the writer's comments (%% … %%): 1".to_owned()]
    );
}

#[test]
fn jekyll_liquid_tags_are_left_out_but_not_from_code() {
    let doc = read(
        b"# Wind auctions\n\n{% include toc.html %}\n\nNobody bid.\n\n\
          {% include related.html category=\"energy\" %}\n\n{{< share-buttons >}}\n\n\
          {% comment %}check the\nfigure{% endcomment %}\n\n\
          ```\n{% raw %}{{ page.title }}{% endraw %}\n```\n",
    )
    .unwrap();
    let got: Vec<&str> = doc.blocks.iter().map(|b| b.markdown.as_str()).collect();
    assert_eq!(
        got,
        [
            "# Wind auctions",
            "Nobody bid.",
            "```\n{% raw %}{{ page.title }}{% endraw %}\n```"
        ]
    );
    assert_eq!(
        doc.warnings,
        ["left out the site generator's tags ({% … %}, {{< … >}}, {: … }): 4".to_owned()]
    );
}

#[test]
fn a_callout_for_the_editor_and_a_line_of_wiki_links_are_left_out() {
    let doc = read(
        "# Broadcaster\n\n> [!note] For the editor\n> Final draft, 780 words.\n\n\
         The law passed.\n\n> [!info] About the author\n> Lucia Horváthová is a lawyer.\n\n\
         [[Submissions log]] · [[Slovakia – media notes]]\n"
            .as_bytes(),
    )
    .unwrap();
    let got: Vec<&str> = doc.blocks.iter().map(|b| b.markdown.as_str()).collect();
    assert_eq!(
        got,
        [
            "# Broadcaster",
            "The law passed.",
            "About the author",
            "Lucia Horváthová is a lawyer."
        ]
    );
    assert_eq!(doc.warnings.len(), 2, "{:?}", doc.warnings);
}

#[test]
fn zola_tables_and_a_themes_html_paragraphs_are_read() {
    let doc = read(
        "+++\ntitle = \"Glaciers\"\n\n[taxonomies]\ncategories = [\"Climate\"]\ntags = [\"ice\"]\n\n\
         [extra]\nauthor = \"Léa Rossi\"\nauthor_email = \"lea.rossi@example.org\"\n+++\n\n\
         The ice is going.\n\n<!-- more -->\n\n<div class=\"author-bio\">\n  <p><strong>Léa \
         Rossi</strong> is a glaciologist.</p>\n</div>\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.meta.section.as_deref(), Some("Climate"));
    assert_eq!(doc.meta.tags, ["ice"]);
    assert_eq!(doc.meta.authors[0].name, "Léa Rossi");
    assert_eq!(
        doc.meta.authors[0].email.as_deref(),
        Some("lea.rossi@example.org")
    );
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["The ice is going.", "Léa Rossi is a glaciologist."]);
}
