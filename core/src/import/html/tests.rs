use super::*;
use crate::import::{Meta, MetaAuthor};

fn read_ok(html: &str) -> Document {
    read(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn markdown(doc: &Document) -> Vec<&str> {
    doc.blocks.iter().map(|b| b.markdown.as_str()).collect()
}

fn sample() -> Document {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/import/reader/news-page.html"
    ))
    .unwrap();
    read(&bytes).unwrap()
}

#[test]
fn the_article_is_read_and_the_page_around_it_left_out() {
    let doc = sample();
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        markdown(&doc),
        vec![
            "# Why the Sahel’s water deals keep failing",
            "By Marta Lindqvist",
            "*Brussels has spent a decade funding dams and pipelines across the Sahel, yet \
             the region’s farmers are thirstier than ever.*",
            "When the European Union announced its latest package for the Niger basin in \
             March, the **headline figure** was **€2 billion**. Read the \
             [full report](https://example.org/report) or click here or there.",
            // The extractor writes the advert slot as a plain paragraph; recognition drops it.
            "Advertisement",
            "## Who decides",
            "Water is *local*: a 5\\*3 grid of canals\\_and\\_pipes \\[sic\\] \
             \\<script>alert(1)\\</script>.",
            "> A treaty is only as good as the village that keeps it.",
            "3. Fund the **basin authority**;",
            "4. Pay farmers directly.",
            "- one point",
            "- a sub-point",
            "```\nif water { share(); }\nelse { wait(); }\n```",
            "First line second line",
            "\\- not a list, # not a heading",
            "The agreements outlasted the governments that signed the original agreements.",
        ]
    );
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Title,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::Paragraph,
            BlockKind::Quote,
            BlockKind::ListItem { ordered: true },
            BlockKind::ListItem { ordered: true },
            BlockKind::ListItem { ordered: false },
            BlockKind::ListItem { ordered: false },
            BlockKind::Code,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::Paragraph,
        ]
    );
    assert!(doc.blocks[2].emphasised);
    assert!(!doc.blocks[3].emphasised);
    assert_eq!(
        doc.blocks[3].text,
        "When the European Union announced its latest package for the Niger basin in March, \
         the headline figure was €2 billion. Read the full report or click here or there."
    );
    assert_eq!(
        doc.warnings,
        vec![
            "left out page parts: cookie notice, page header, navigation, share buttons, \
             figure, advert, embedded frame, newsletter sign-up, sidebar, comments, page footer, \
             2 scripts",
            "image left out: https://example.org/media/dam.jpg",
        ]
    );
}

#[test]
fn the_page_meta_is_read() {
    assert_eq!(
        sample().meta,
        Meta {
            title: Some("Why the Sahel's water deals keep failing".into()),
            standfirst: Some("Brussels has spent a decade funding dams across the Sahel.".into()),
            authors: vec![MetaAuthor {
                name: "Marta Lindqvist".into(),
                ..MetaAuthor::default()
            }],
            section: Some("Opinion".into()),
            tags: vec!["water".into(), "Sahel".into()],
            // The site's name after the title tag's headline, no og:site_name given.
            publisher: Some("Europe Desk Daily".into()),
        }
    );
}

#[test]
fn the_title_tag_loses_its_site_name() {
    for (title, expected) in [
        ("Headline here | Site", "Headline here"),
        ("Headline here – The Site", "Headline here"),
        ("Headline - with dash - Site", "Headline - with dash"),
        (
            "Short | A much longer site name here",
            "Short | A much longer site name here",
        ),
        ("No separator", "No separator"),
    ] {
        let doc = read_ok(&format!(
            "<html><head><title>{title}</title></head><body><p>Text</p></body></html>"
        ));
        assert_eq!(doc.meta.title.as_deref(), Some(expected), "{title}");
    }
}

#[test]
fn meta_falls_back_to_description_keywords_and_bylines() {
    let doc = read_ok(
        "<html><head><meta name=\"description\" content=\" The  dek \">\
         <meta name=\"keywords\" content=\"nato, defence, ,NATO\">\
         <meta property=\"article:author\" content=\"https://example.org/a\">\
         </head><body><article><p class=\"byline\">by Ana Pereira</p><p>Text</p></article></body></html>",
    );
    assert_eq!(doc.meta.standfirst.as_deref(), Some("The dek"));
    assert_eq!(doc.meta.tags, vec!["nato".to_owned(), "defence".to_owned()]);
    assert_eq!(
        doc.meta.authors,
        vec![MetaAuthor {
            name: "Ana Pereira".into(),
            ..MetaAuthor::default()
        }]
    );
    assert_eq!(doc.meta.title, None);
}

#[test]
fn the_largest_article_is_the_content() {
    let doc = read_ok(
        "<body><article><p>Teaser.</p></article>\
         <article><p>The real article has more words in it.</p><p>And a second paragraph.</p></article></body>",
    );
    assert_eq!(
        markdown(&doc),
        vec![
            "The real article has more words in it.",
            "And a second paragraph."
        ]
    );
}

#[test]
fn without_an_article_main_or_a_content_class_is_used() {
    let doc = read_ok(
        "<body><div class=\"sidebar-text\"><p>Elsewhere on the site.</p></div>\
         <main><p>Main text.</p></main></body>",
    );
    assert_eq!(markdown(&doc), vec!["Main text."]);
    let doc = read_ok(
        "<body><div><p>Elsewhere on the site, and longer than the rest of it.</p></div>\
         <div class=\"td-post entry-content\"><p>Post text.</p></div></body>",
    );
    assert_eq!(markdown(&doc), vec!["Post text."]);
    let doc = read_ok(
        "<body><div itemprop=\"articleBody\"><p>Body text.</p></div><div><p>Other text \
         that is longer than the body text.</p></div></body>",
    );
    assert_eq!(markdown(&doc), vec!["Body text."]);
}

#[test]
fn otherwise_the_element_with_most_paragraph_text_is_the_content() {
    let doc = read_ok(
        "<body><div id=\"top\"><p>Short.</p></div>\
         <div id=\"story\"><h1>Headline</h1><p>The first paragraph of the story.</p>\
         <p>The second paragraph of the story.</p></div></body>",
    );
    assert_eq!(
        markdown(&doc),
        vec![
            "# Headline",
            "The first paragraph of the story.",
            "The second paragraph of the story."
        ]
    );
}

#[test]
fn a_headline_outside_the_content_becomes_its_title() {
    let doc = read_ok(
        "<body><nav><h1>Site</h1></nav><header class=\"entry-header\"><h1>The <b>headline</b></h1></header>\
         <div class=\"entry-content\"><p>Text.</p></div></body>",
    );
    assert_eq!(markdown(&doc), vec!["# The headline", "Text."]);
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    assert_eq!(
        doc.warnings,
        vec!["left out page parts: navigation".to_owned()]
    );
}

#[test]
fn only_the_first_h1_is_the_title() {
    let doc = read_ok("<article><h1>One</h1><p>x</p><h1>Two</h1><h3>Three</h3></article>");
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Title,
            BlockKind::Paragraph,
            BlockKind::Heading(1),
            BlockKind::Heading(3)
        ]
    );
    assert_eq!(markdown(&doc)[2], "# Two");
}

#[test]
fn only_allowed_links_survive_and_no_html_reaches_the_markdown() {
    let doc = read_ok(
        "<p><a href=\"mailto:desk@example.org\">Mail</a> <a href=\"data:text/html,x\">data</a> \
         <a href=\"vbscript:x\">vb</a> <a href=\"https://example.org/a b\">spaced</a> \
         <span style=\"color:red\" onclick=\"x()\">styled</span> <u>under</u> <code>`x`</code></p>",
    );
    assert_eq!(
        markdown(&doc),
        vec![
            "[Mail](mailto:desk@example.org) data vb [spaced](https://example.org/a%20b) \
             styled under \\`x\\`"
        ]
    );
}

#[test]
fn images_are_listed() {
    let doc = read_ok(
        "<article><p>Text <img src=\"/a.png\"> more <img src=\"data:image/png;base64,AAAA\">\
         <img data-src=\"lazy.jpg\"><img src=\"/a.png\"></p></article>",
    );
    assert_eq!(markdown(&doc), vec!["Text more"]);
    assert_eq!(
        doc.warnings,
        vec![
            "image left out: /a.png".to_owned(),
            "image left out: (an image embedded in the page)".to_owned(),
            "image left out: lazy.jpg".to_owned(),
        ]
    );
}

#[test]
fn bylines_lose_their_dates_and_kickers_tags_and_dates_are_furniture() {
    let doc = read_ok(
        "<article><header><span class=\"kicker\">Analysis</span><h1>Title</h1>\
         <p class=\"byline\">By <a rel=\"author\" href=\"/a\">Irina Ceban</a> · <time>14 March 2025</time></p>\
         <div class=\"entry-meta\"><span class=\"byline\"> by Nikos</span><span class=\"posted-on\">Posted on \
         <time>2 February</time></span></div></header>\
         <p>Text on <time>Monday</time>.</p>\
         <div id=\"jp-relatedposts\"><p>Another story</p></div>\
         <div class=\"tags\">Tags: <a href=\"/t\">x</a></div></article>",
    );
    assert_eq!(
        markdown(&doc),
        vec!["# Title", "By Irina Ceban", "by Nikos", "Text on Monday."]
    );
    assert_eq!(
        doc.warnings,
        vec![
            "left out page parts: kicker, 2 publication dates, related links, tag list".to_owned()
        ]
    );
    assert_eq!(
        doc.meta.authors,
        vec![MetaAuthor {
            name: "Irina Ceban".into(),
            ..MetaAuthor::default()
        }]
    );
}

#[test]
fn a_meta_author_may_name_several() {
    let doc = read_ok(
        "<head><meta name=\"author\" content=\"Lena Hoffmann, Pieter Janssens and Ana Pereira\">\
         </head><p>Text</p>",
    );
    let names: Vec<&str> = doc.meta.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Lena Hoffmann", "Pieter Janssens", "Ana Pereira"]
    );
}

#[test]
fn class_words_are_whole_words() {
    let doc = read_ok(
        "<article class=\"tag-social-media\"><div class=\"commentary\"><p>Kept.</p></div>\
         <div class=\"header-shares\"><p>Kept too.</p></div>\
         <div class=\"post-comments\"><p>Dropped.</p></div></article>",
    );
    assert_eq!(markdown(&doc), vec!["Kept.", "Kept too."]);
    assert_eq!(
        doc.warnings,
        vec!["left out page parts: comments".to_owned()]
    );
}

#[test]
fn a_declared_charset_is_honoured_when_the_bytes_are_not_utf8() {
    let mut page = b"<html><head><meta charset=\"iso-8859-2\"></head><body><p>".to_vec();
    page.extend([0xA3, b'o', b'd', 0xBF]); // Łódź without the diacritic on d: Łodż
    page.extend(b"</p></body></html>");
    let doc = read(&page).unwrap();
    assert_eq!(markdown(&doc), vec!["Łodż"]);
    assert_eq!(
        doc.warnings,
        vec!["converted from ISO-8859-2 (the file was not UTF-8)".to_owned()]
    );
    let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>Caf\xE9</p>";
    let doc = read(page).unwrap();
    assert_eq!(markdown(&doc), vec!["Café"]);
    assert_eq!(
        doc.warnings,
        vec!["converted from Windows-1252 (the file was not UTF-8)".to_owned()]
    );
    // UTF-8 bytes are UTF-8, whatever the page says.
    let doc = read("<meta charset=\"iso-8859-1\"><p>Café</p>".as_bytes()).unwrap();
    assert_eq!(markdown(&doc), vec!["Café"]);
    assert_eq!(doc.warnings, Vec::<String>::new());
}

#[test]
fn bad_pages_are_refused() {
    assert_eq!(
        read(b"<html><body><nav>Only navigation</nav><script>x()</script></body></html>")
            .unwrap_err(),
        BadFile::new("has no text")
    );
    assert_eq!(
        read(b"\x00\x00\x01\x02<html>").unwrap_err(),
        BadFile::new("is binary, not text")
    );
    assert_eq!(
        read(b"<p>\x81</p>").unwrap_err(),
        BadFile::new("is not valid text in UTF-8 or Windows-1252")
    );
}

#[test]
fn crlf_and_utf16_pages_read() {
    let mut page = vec![0xFF, 0xFE];
    page.extend(
        "<p>One\r\ntwo</p>\r<pre>a\r\nb</pre>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let doc = read(&page).unwrap();
    assert_eq!(markdown(&doc), vec!["One two", "```\na\nb\n```"]);
    assert_eq!(
        doc.warnings,
        vec!["converted from UTF-16 (the file was not UTF-8)".to_owned()]
    );
}

#[test]
fn deep_nesting_is_flattened_and_its_words_kept() {
    let page = format!(
        "<body><article><p>Top paragraph.</p>{}<p>Deep.</p></article></body>",
        "<div>".repeat(5_000)
    );
    let doc = read_ok(&page);
    assert_eq!(markdown(&doc), vec!["Top paragraph.", "Deep."]);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn nesting_the_flattening_does_not_count_is_cut_with_a_notice() {
    // Rows and cells close by themselves and are not counted before parsing, yet each table
    // adds four levels to the tree: 100 tables nest past what the reader reads.
    let page = format!(
        "<body><article><p>Top paragraph.</p>{}Deep.</article></body>",
        "<table><tr><td>".repeat(100)
    );
    let doc = read_ok(&page);
    assert_eq!(markdown(&doc), vec!["Top paragraph."]);
    assert_eq!(
        doc.warnings,
        vec!["left out text nested more than 200 elements deep".to_owned()]
    );
}

#[test]
fn an_articles_own_footer_keeps_its_bio_and_the_pages_footer_goes() {
    let doc = read_ok(
        "<body><article><h1>Grain at the border</h1><p>The lorries wait.</p>\
         <footer class=\"article-footer\"><p class=\"author-bio\"><em>Karolina Mazur is a \
         senior fellow.</em></p><div class=\"share\"><a href=\"#\">Facebook</a></div></footer>\
         </article><footer class=\"site-footer\"><p>© 2025 Central Europe Daily.</p></footer></body>",
    );
    assert_eq!(
        markdown(&doc),
        vec![
            "# Grain at the border",
            "The lorries wait.",
            "*Karolina Mazur is a senior fellow.*"
        ]
    );
    assert_eq!(
        doc.warnings,
        vec!["left out page parts: share buttons, page footer".to_owned()]
    );
}

#[test]
fn an_author_box_inside_the_article_is_read() {
    let doc = read_ok(
        "<body><article><h1>Gas storage</h1><p>Storage is full.</p>\
         <aside class=\"box\"><h3>About the author</h3><p>Anders Holm leads the energy \
         programme.</p></aside><aside class=\"related\"><p>More on gas</p></aside></article>\
         <aside><p>Newsletter</p></aside></body>",
    );
    assert_eq!(
        markdown(&doc),
        vec![
            "# Gas storage",
            "Storage is full.",
            "### About the author",
            "Anders Holm leads the energy programme."
        ]
    );
}

/// A page read and recognised, as import does.
fn recognised(html: &str) -> crate::import::Recognised {
    crate::import::recognise(&read_ok(html)).unwrap_or_else(|e| panic!("{e}"))
}

/// Paragraphs of body text long enough for a content extractor to see an article.
fn body_paragraphs(topic: &str, n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "<p>Paragraph {i} on {topic} runs long enough to be read as the article's own \
                 copy, with clauses, commas and a second sentence. It says what the writer thinks \
                 about {topic}, and why the desk should care about it this week.</p>"
            )
        })
        .collect()
}

#[test]
fn a_news_theme_page_whose_only_article_is_a_teaser_and_whose_author_is_the_poster() {
    let page = format!(
        "<html><head><title>Grain corridors - Daily Ledger</title>\
         <meta name=\"author\" content=\"Clara Whitfield\">\
         <meta name=\"description\" content=\"The corridor needs insurance, writes Olena Petrenko.\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Grain \
         corridors need insurance\",\"author\":{{\"@type\":\"Person\",\"name\":\"Clara Whitfield\"}},\
         \"articleSection\":\"Opinion\"}}</script></head><body>\
         <nav><a href=\"/\">Home</a></nav>\
         <div class=\"td-post-header\"><h1 class=\"entry-title\">Grain corridors need insurance</h1>\
         <p class=\"td-post-sub-title\">The corridor needs insurance, writes Olena Petrenko.</p>\
         <div class=\"td-module-meta-info\"><span class=\"byline\">Posted by \
         <a href=\"/author/cw\">Clara Whitfield</a></span> <time>3 May 2024</time> \
         <span class=\"td-post-views\">1,284</span></div></div>\
         <div class=\"td-post-content\">{}<p><em>Olena Petrenko is a correspondent in Odesa for \
         the Black Sea Review.</em></p></div>\
         <div class=\"author-box\"><h4>About Clara Whitfield</h4><p>Clara Whitfield is the opinion \
         editor of the Daily Ledger and joined from its foreign desk.</p></div>\
         <div class=\"td-more-articles-box\"><article><span>Check also</span><h3><a href=\"/x\">\
         Kosovo's energy deal is stuck</a></h3><p>A year after the roadmap, customers wait.</p>\
         </article></div></body></html>",
        body_paragraphs("the grain corridor", 5)
    );
    let rec = recognised(&page);
    assert_eq!(rec.headline, "Grain corridors need insurance");
    assert_eq!(
        rec.standfirst,
        "The corridor needs insurance, writes Olena Petrenko."
    );
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Olena Petrenko"]);
    assert_eq!(rec.posted_by.as_deref(), Some("Clara Whitfield"));
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some("Olena Petrenko is a correspondent in Odesa for the Black Sea Review.")
    );
    assert_eq!(rec.section.as_deref(), Some("Opinion"));
    assert!(
        rec.body.starts_with("Paragraph 1 on the grain corridor"),
        "{}",
        rec.body
    );
    assert!(rec.body.trim_end().ends_with("this week."), "{}", rec.body);
    for furniture in ["Kosovo", "Clara Whitfield", "1,284", "Check also"] {
        assert!(!rec.body.contains(furniture), "{furniture} in {}", rec.body);
    }
}

#[test]
fn a_think_tank_page_its_truncated_description_its_controls_and_its_author_section() {
    let page = format!(
        "<html><head><meta name=\"description\" content=\"Paragraph 1 on pensions runs long \
         enough to be read as the article's own copy, with...\"></head><body>\
         <main><div class=\"content-type\">Commentary</div>\
         <h1 class=\"page-title\">Raising the pension age is not a reform</h1>\
         <div class=\"byline-row\"><a class=\"author-link\" href=\"/experts/zk\">Zuzana Kollárová</a> \
         <span class=\"reading-time\">7 min read</span>\
         <div class=\"actions\"><a class=\"btn\" href=\"/x.pdf\">Download PDF</a>\
         <button>Cite this</button></div></div>\
         <div class=\"rich-text\">{}</div>\
         <div class=\"topics\"><h3>Topics</h3><ul><li><a href=\"/t/p\">Pensions</a></li>\
         <li><a href=\"/t/d\">Demography</a></li></ul></div>\
         <section class=\"author-section\"><h2>About the author</h2><h3>Zuzana Kollárová</h3>\
         <p class=\"role\">Senior Economist, Danube Fiscal Forum</p><p>Zuzana Kollárová is a senior \
         economist at the Danube Fiscal Forum, where she leads work on pensions.</p>\
         <a href=\"/experts/zk\">View profile</a></section>\
         <section class=\"related\"><h2>Related content</h2><p>The second pillar: what went wrong \
         and what the region should do next about it.</p></section></main></body></html>",
        body_paragraphs("pensions", 5)
    );
    let rec = recognised(&page);
    assert_eq!(rec.headline, "Raising the pension age is not a reform");
    assert_eq!(rec.standfirst, "");
    assert_eq!(rec.section.as_deref(), Some("Commentary"));
    assert_eq!(rec.tags, ["Pensions", "Demography"]);
    let a = &rec.authors[0];
    assert_eq!(a.name, "Zuzana Kollárová");
    assert_eq!(
        a.bio.as_deref(),
        Some(
            "Zuzana Kollárová is a senior economist at the Danube Fiscal Forum, where she leads \
             work on pensions."
        )
    );
    assert_eq!(a.affiliation.as_deref(), Some("Danube Fiscal Forum"));
    // The first paragraph, which the description cut short, stays.
    assert!(
        rec.body.starts_with("Paragraph 1 on pensions"),
        "{}",
        rec.body
    );
    assert!(rec.body.trim_end().ends_with("this week."), "{}", rec.body);
    for furniture in [
        "Download PDF",
        "Cite this",
        "7 min read",
        "View profile",
        "second pillar",
    ] {
        assert!(!rec.body.contains(furniture), "{furniture} in {}", rec.body);
    }
}

#[test]
fn an_about_box_naming_the_byline_author_is_the_bio_and_one_about_another_is_dropped() {
    let page = |who: &str| {
        format!(
            "<html><body><article><h1>Gas storage needs a winter rethink</h1>\
             <p class=\"byline\">By Anders Holm</p>{}</article>\
             <aside class=\"author-box\"><h3>About {who}</h3><p>{who} leads the energy markets \
             programme at the Nordic Energy Policy Institute in Oslo.</p></aside></body></html>",
            body_paragraphs("gas storage", 4)
        )
    };
    let rec = recognised(&page("Anders Holm"));
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some(
            "Anders Holm leads the energy markets programme at the Nordic Energy Policy Institute in Oslo."
        )
    );
    assert!(!rec.body.contains("About"), "{}", rec.body);

    let rec = recognised(&page("Marta Lindqvist"));
    assert_eq!(rec.authors.len(), 1);
    assert_eq!(rec.authors[0].name, "Anders Holm");
    assert_eq!(rec.authors[0].bio, None);
    assert!(!rec.body.contains("Marta Lindqvist"), "{}", rec.body);
}

#[test]
fn json_ld_gives_the_headline_and_authors_when_the_page_has_no_meta_tags() {
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@graph\":[{{\"@type\":\"BlogPosting\",\
         \"headline\":\"Minority governments work\",\"author\":[{{\"@id\":\"#a\"}},{{\"@id\":\"#b\"}}],\
         \"keywords\":[\"Nordics\",\"Parliaments\"]}},{{\"@type\":\"Person\",\"@id\":\"#a\",\"name\":\
         \"Freya Lindholm\"}},{{\"@type\":\"Person\",\"@id\":\"#b\",\"name\":\"Lars Eriksson\"}}]}}\
         </script></head><body><div class=\"post\">{}</div></body></html>",
        body_paragraphs("minority governments", 4)
    );
    let rec = recognised(&page);
    assert_eq!(rec.headline, "Minority governments work");
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Freya Lindholm", "Lars Eriksson"]);
    assert_eq!(rec.tags, ["Nordics", "Parliaments"]);
}

#[test]
fn a_substack_guest_post_its_subtitle_its_hosts_note_and_a_site_title_in_the_top_bar() {
    let page = format!(
        "<html><head><meta name=\"author\" content=\"Arben Krasniqi\">\
         <meta property=\"og:description\" content=\"Guest post: Eleven years on, the talks \
         produce communiqués\"></head><body>\
         <div class=\"main-menu\"><h1 class=\"navbar-title\"><a href=\"/\">Balkan Ledger</a></h1></div>\
         <div class=\"post-header\"><h1 class=\"post-title\">The Brussels dialogue has become a \
         ritual</h1><h3 class=\"subtitle\">Eleven years on, the talks produce communiqués</h3>\
         <div class=\"post-meta-wrap\"><a href=\"/@arbenk\">Arben Krasniqi</a> <div>Mar 21, 2024</div> \
         <div class=\"post-label\"><a href=\"/s/guest-posts\">Guest posts</a></div></div></div>\
         <div class=\"available-content\"><p><em>A note from Milica: I've been following Arben's \
         reporting for years. Regular programming resumes on Monday.</em></p>{}</div></body></html>",
        body_paragraphs("the dialogue", 5)
    );
    let rec = recognised(&page);
    assert_eq!(rec.headline, "The Brussels dialogue has become a ritual");
    assert_eq!(
        rec.standfirst,
        "Eleven years on, the talks produce communiqués"
    );
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Arben Krasniqi"]);
    assert!(
        rec.body.starts_with("Paragraph 1 on the dialogue"),
        "{}",
        rec.body
    );
    for furniture in ["Milica", "Guest posts", "Balkan Ledger"] {
        assert!(!rec.body.contains(furniture), "{furniture} in {}", rec.body);
    }
}

#[test]
fn a_label_above_the_headline_is_the_section_and_the_posters_box_after_the_piece_goes() {
    let page = format!(
        "<html><head><meta name=\"author\" content=\"Petra Lindqvist\"></head><body>\
         <article class=\"node node--type-expert-comment\"><div class=\"field--name-field-content-type\">\
         <a href=\"/x\">Expert Comment</a></div><h1>Hungary's gas contracts</h1>\
         <h2 class=\"entry-sub-title\">Budapest cannot leave Gazprom overnight, writes Gábor \
         Kertész.</h2><div class=\"entry-content\">{}<p><em>Gábor Kertész is an energy economist \
         at the Central European School of Economics.</em></p></div>\
         <div class=\"field--name-field-topics\"><span>Topics</span><a href=\"/t/1\">Energy</a>\
         <a href=\"/t/2\">Hungary</a></div></article>\
         <div class=\"author-box\"><h3><a href=\"/author/petra\">Petra Lindqvist</a></h3><p>Petra \
         Lindqvist is the opinion editor of Danube Dispatch. She reported from Vienna.</p></div>\
         </body></html>",
        body_paragraphs("gas contracts", 5)
    );
    let rec = recognised(&page);
    assert_eq!(rec.section.as_deref(), Some("Expert Comment"));
    assert_eq!(rec.tags, ["Energy", "Hungary"]);
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Gábor Kertész"]);
    assert_eq!(rec.posted_by.as_deref(), Some("Petra Lindqvist"));
    assert!(rec.body.trim_end().ends_with("this week."), "{}", rec.body);
    assert!(!rec.body.contains("Petra"), "{}", rec.body);
}

#[test]
fn a_label_before_the_date_above_the_headline_is_the_section() {
    let page = format!(
        "<html><body><article><header><div class=\"publication-header__meta\">\
         <span class=\"publication-type\">Commentary</span> <span class=\"sep\">|</span> \
         <time datetime=\"2025-03-04\">4 March 2025</time></div>\
         <h1>Europe needs workers</h1><p>By Amira Haddad</p></header>\
         <div class=\"body\">{}</div></article></body></html>",
        body_paragraphs("labour shortages", 4)
    );
    assert_eq!(recognised(&page).section.as_deref(), Some("Commentary"));
}

#[test]
fn a_page_with_meaningless_classes_its_read_time_its_tag_links_and_its_written_by_box() {
    let page = format!(
        "<html><body><div class=\"a b\"><a class=\"q r\" href=\"/\">Home</a></div><article>\
         <h1 class=\"pw-post-title am\">Greece went digital in a hurry</h1>\
         <h2 class=\"pw-subtitle-paragraph ar\">The next phase is less glamorous.</h2>\
         <div class=\"av aw\"><span class=\"bj\"><a href=\"/@dkouri\">Dimitra Kouri</a></span>\
         <button class=\"bp\">Follow</button></div>\
         <div class=\"bs\"><span>7 min read</span><span>·</span><span>Oct 18, 2024</span></div>\
         <div class=\"bu\"><button aria-label=\"clap\">clap</button><span>312</span></div>\
         {}</article>\
         <div class=\"dn\"><a href=\"https://medium.example.com/tag/digital-government?source=x\">\
         Digital Government</a> <a href=\"/tag/greece\">Greece</a></div>\
         <div class=\"dr\"><h2><a href=\"/@dkouri\">Written by Dimitra Kouri</a></h2>\
         <div>1.4K Followers · 212 Following</div><p><span>Dimitra Kouri is a policy analyst at \
         the Aegean Institute for Digital Policy in Athens.</span></p><button>Follow</button></div>\
         <div class=\"eg\"><h2>Responses (8)</h2><p>Very fair piece, and I work in a municipality \
         where we still print the digital applications.</p></div></body></html>",
        body_paragraphs("digital government", 5)
    );
    let rec = recognised(&page);
    assert_eq!(rec.standfirst, "The next phase is less glamorous.");
    assert_eq!(rec.tags, ["Digital Government", "Greece"]);
    assert_eq!(
        rec.authors[0].bio.as_deref(),
        Some(
            "Dimitra Kouri is a policy analyst at the Aegean Institute for Digital Policy in Athens."
        )
    );
    assert!(
        rec.body.starts_with("Paragraph 1 on digital government"),
        "{}",
        rec.body
    );
    assert!(rec.body.trim_end().ends_with("this week."), "{}", rec.body);
}

#[test]
fn person_cards_under_an_authors_heading_give_each_author_a_bio_and_controls_go() {
    let card = |name: &str, role: &str| {
        format!(
            "<div class=\"person-teaser\"><h3><a href=\"/people/x\">{name}</a></h3>\
             <p class=\"person-teaser__role\">{role}</p><p class=\"person-teaser__bio\">{name} is \
             a {} at the Centre for European Reform Studies.</p>\
             <a class=\"person-teaser__more\" href=\"/people/x\">View profile</a></div>",
            role.to_lowercase()
        )
    };
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\
         \"Enlargement needs majority voting\",\"author\":[{{\"@type\":\"Person\",\"name\":\"Irina \
         Ciobanu\"}},{{\"@type\":\"Person\",\"name\":\"Jakub Dvořák\"}}]}}</script></head><body>\
         <div class=\"publication__header\"><h1>Enlargement needs majority voting</h1>\
         <div class=\"publication__tools\"><a href=\"/x.pdf\">Download PDF</a> <a href=\"#cite\">Cite \
         this</a> <a href=\"#\">Print</a></div></div><div class=\"publication__body\">{}</div>\
         <section class=\"publication__authorinfo\"><h2>Authors</h2>{}{}</section></body></html>",
        body_paragraphs("majority voting", 5),
        card("Irina Ciobanu", "Senior Fellow"),
        card("Jakub Dvořák", "Research Fellow"),
    );
    let rec = recognised(&page);
    assert!(
        rec.authors.iter().all(|a| a.bio.is_some()),
        "{:?}",
        rec.authors
    );
    assert!(
        rec.authors
            .iter()
            .all(|a| a.affiliation.as_deref() == Some("Centre for European Reform Studies"))
    );
    assert!(
        rec.body.starts_with("Paragraph 1 on majority voting"),
        "{}",
        rec.body
    );
    assert!(!rec.body.contains("Authors"), "{}", rec.body);
}

#[test]
fn a_blog_admin_poster_gives_way_to_the_writers_the_lede_names_and_their_bios_confirm() {
    let page = format!(
        "<html><head><meta name=\"author\" content=\"Blog Admin\"></head><body><article>\
         <h1 class=\"entry-title\">Seven elections in three years</h1><div class=\"entry-content\">\
         <p><em>Bulgaria has voted seven times since 2021. <strong>Desislava Petrova</strong> and \
         <strong>Liam Hartigan</strong> explain why the cycle is so hard to break.</em></p>{}\
         <h3>About the authors</h3><p><strong>Desislava Petrova</strong> is Assistant Professor of \
         Comparative Politics at Harrowgate University.</p><p><strong>Liam Hartigan</strong> is a \
         PhD candidate in the Department of Government at Harrowgate University.</p>\
         <div class=\"support-box\"><h4>Support independent political journalism</h4><p>The blog \
         is funded by its readers. If you value our coverage, please consider a monthly \
         contribution.</p></div></div></article></body></html>",
        body_paragraphs("Bulgarian politics", 5)
    );
    let rec = recognised(&page);
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Desislava Petrova", "Liam Hartigan"]);
    assert_eq!(rec.posted_by.as_deref(), Some("Blog Admin"));
    assert!(rec.authors.iter().all(|a| a.bio.is_some()));
    assert_eq!(
        rec.authors[1].affiliation.as_deref(),
        Some("Harrowgate University")
    );
    assert!(rec.body.trim_end().ends_with("this week."), "{}", rec.body);
}

#[test]
fn a_byline_of_two_where_the_pages_data_names_one_and_a_primary_tag_above_the_headline() {
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\
         \"Night trains are running out of track\",\"author\":{{\"@type\":\"Person\",\"name\":\
         \"Ewa Malinowska\"}}}}</script></head><body><article><header>\
         <div class=\"article-tag post-card-tags\"><a href=\"/tag/transport/\">Transport</a></div>\
         <h1>Night trains are running out of track</h1>\
         <p class=\"article-excerpt\">Sleeper services are back. The revival will stall.</p>\
         <h4 class=\"author-name\"><a href=\"/author/ewa/\">Ewa Malinowska</a>, \
         <a href=\"/author/rui/\">Rui Fonseca</a></h4></header>\
         <section class=\"gh-content\">{}</section></article></body></html>",
        body_paragraphs("night trains", 5)
    );
    let rec = recognised(&page);
    let names: Vec<&str> = rec.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ewa Malinowska", "Rui Fonseca"]);
    assert_eq!(rec.posted_by, None);
    assert_eq!(rec.section.as_deref(), Some("Transport"));
    assert_eq!(
        rec.standfirst,
        "Sleeper services are back. The revival will stall."
    );
}

#[test]
fn a_category_label_above_the_headline_is_the_section_without_its_lists_label() {
    let page = format!(
        "<html><body><article><header><div class=\"entry-categories\">\
         <span class=\"screen-reader-text\">Categories</span> \
         <a href=\"/category/museums/\" rel=\"category tag\">Museums</a></div>\
         <h1>The Louvre's problem</h1><p>By Amira Haddad</p></header>\
         <div class=\"body\">{}</div></article></body></html>",
        body_paragraphs("museum crowds", 4)
    );
    assert_eq!(recognised(&page).section.as_deref(), Some("Museums"));
}
