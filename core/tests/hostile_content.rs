//! Hostile content end to end, the desk's half (issue 15, item 6): every string of
//! tests/fixtures/xss/payloads.txt (the classic cross-site-scripting vectors) imported in each
//! format, and typed into headlines, standfirsts, bodies, tags, sections, contributors' names and
//! bios, then published. What import keeps holds no raw HTML, script or dangerous link; what the
//! site writes (pages, RSS, Atom, JSON Feed) holds no element or attribute the site's own
//! templates and the body's allowlist do not, no handler, and no URL that runs code, in any field
//! a browser or a feed reader reads as HTML.

mod common;
#[path = "support/files.rs"]
mod files;
#[path = "support/safe_output.rs"]
mod safe_output;

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use common::{TestDesk, desk, words};
use copydesk_core::desk::{BylineEntry, NewArticle, NewContributor, When};
use copydesk_core::import;
use copydesk_core::model::{Action, ContributorKind, Section};
use safe_output::{html_problem, markdown_problem, start_tags, url_runs_code};

fn payloads() -> Vec<String> {
    let text = include_str!("../../tests/fixtures/xss/payloads.txt");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("\\n", "\n"))
        .collect()
}

#[test]
fn the_corpus_holds_at_least_a_hundred_payloads() {
    let all = payloads();
    let distinct: BTreeSet<&String> = all.iter().collect();
    assert!(distinct.len() >= 100, "{} payloads", distinct.len());
}

// ---- import ----

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A Word file of these paragraphs, the first in the Title style.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == 0 {
                "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>"
            } else {
                ""
            };
            format!(
                "<w:p>{style}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape_xml(p)
            )
        })
        .collect();
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                .to_string(),
        ),
        (
            "word/document.xml",
            format!(
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
            ),
        ),
    ];
    files::zip_of(&parts)
}

/// The payload as a contributor's file in each format: in the headline, the standfirst, the
/// body and the bio.
fn submissions(payload: &str) -> Vec<(&'static str, Vec<u8>)> {
    let para = "The council met on Tuesday to discuss the harbour wall and its cost to the town.";
    let headline = format!("The harbour wall {payload}");
    let bio = format!("Jane Roe is a writer. {payload}");
    vec![
        (
            "piece.txt",
            format!("{headline}\n\nBy Jane Roe\n\n{para}\n\n{payload}\n\n{para}\n\n{bio}\n")
                .into_bytes(),
        ),
        (
            "piece.md",
            format!(
                "# {headline}\n\n*{payload}*\n\nBy Jane Roe\n\n{para}\n\n{payload}\n\n{para}\n\n{bio}\n"
            )
            .into_bytes(),
        ),
        (
            "piece.html",
            format!(
                "<html><head><title>{payload}</title><meta name=\"author\" content=\"{payload}\">\
                 </head><body>{payload}<article><h1>{headline}</h1><p class=\"dek\">{payload}</p>\
                 <p>By Jane Roe</p><p>{para}</p>{payload}<p>{para}</p><p>{bio}</p></article>\
                 </body></html>"
            )
            .into_bytes(),
        ),
        (
            "piece.docx",
            docx(&[&headline, payload, "By Jane Roe", para, payload, para, &bio]),
        ),
    ]
}

#[test]
fn every_payload_imported_in_every_format_leaves_a_body_without_html_or_code() {
    let mut read = 0;
    let mut failures = Vec::new();
    for payload in payloads() {
        for (name, bytes) in submissions(&payload) {
            let Ok(doc) = import::read(name, &bytes) else {
                continue;
            };
            let Ok(found) = import::recognise(&doc) else {
                continue;
            };
            read += 1;
            if let Some(problem) = markdown_problem(&found.body) {
                failures.push(format!("{name} with {payload:?}: {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Nearly every submission is a piece a person sees and is read; none is lost quietly.
    assert!(read >= payloads().len() * 4 * 9 / 10, "only {read} read");
}

// ---- publishing ----

/// The (element, attribute) pairs of `html`; an element with no attribute as (element, "").
fn shapes(html: &str) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (element, attrs) in start_tags(html) {
        out.insert((element.clone(), String::new()));
        for (name, _) in attrs {
            out.insert((element.clone(), name));
        }
    }
    out
}

/// What is wrong with a published page: a shape the site never writes, a handler, a URL that
/// runs code.
fn page_problem(html: &str, known: &BTreeSet<(String, String)>) -> Option<String> {
    for (element, attrs) in start_tags(html) {
        if !known.contains(&(element.clone(), String::new())) {
            return Some(format!("<{element}> the site never writes"));
        }
        for (name, value) in attrs {
            if name.starts_with("on") {
                return Some(format!("handler {name}= on <{element}>"));
            }
            if !known.contains(&(element.clone(), name.clone())) {
                return Some(format!(
                    "{name}= on <{element}>, which the site never writes"
                ));
            }
            if url_runs_code(&value) {
                return Some(format!("{name}={value:?} on <{element}>"));
            }
        }
    }
    None
}

/// Publishes one approved piece per `text`, with `text` in every field a writer or an editor
/// types, each under a contributor named and described with it, in a section named with it.
fn publish_all(t: &TestDesk, texts: &[String]) {
    for (i, text) in texts.iter().enumerate() {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = format!("{one_line} {i}");
        let section = format!("Section {i} {one_line}");
        t.desk
            .put_section(
                &t.chief,
                &Section {
                    name: section.clone(),
                    min_words: None,
                    max_words: None,
                },
            )
            .unwrap_or_else(|e| panic!("section {section:?}: {e}"));
        t.desk
            .add_contributor(
                &t.chief,
                &NewContributor {
                    display_name: name.clone(),
                    sort_name: None,
                    email: None,
                    affiliation: text.clone(),
                    kind: ContributorKind::Guest,
                    bio: format!("A writer. {text}"),
                    links: vec![],
                    private_notes: text.clone(),
                },
            )
            .unwrap_or_else(|e| panic!("contributor {name:?}: {e}"));
        let headline: String = format!("Piece {i} {one_line}").chars().take(100).collect();
        let a = t
            .desk
            .create_article(
                &t.editor,
                &NewArticle {
                    headline,
                    standfirst: format!("A standfirst for the piece. {text}"),
                    body: format!("{}\n\n{text}\n\n{}", words(300), words(300)),
                    section: Some(section),
                    tags: vec![one_line.clone()],
                    byline: vec![BylineEntry::named(name)],
                    ..Default::default()
                },
            )
            .unwrap_or_else(|e| panic!("article with {text:?}: {e}"));
        t.desk
            .add_note(&t.editor, &a.id, text, None, None)
            .unwrap_or_else(|e| panic!("note {text:?}: {e}"));
        let a = t.mv(&t.editor, &a, Action::Submit, None).unwrap();
        let a = t.mv(&t.editor, &a, Action::Claim, None).unwrap();
        let a = t
            .mv(&t.editor, &a, Action::Approve, None)
            .unwrap_or_else(|e| panic!("approving the piece with {text:?}: {e}"));
        t.desk
            .schedule_article(&t.editor, &a.id, &When::At("2026-11-03 08:00".into()), None)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    t.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 3, 7, 0, 1).unwrap());
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), texts.len(), "{report:?}");
}

#[test]
fn every_payload_typed_into_every_field_is_published_as_text() {
    // The site's own shapes, from a piece with nothing hostile in it (and links in its body).
    let benign = desk();
    let benign_dir = tempfile::tempdir().unwrap();
    let benign_site = benign_dir.path().join("site");
    benign
        .desk
        .set_publish_folder(&benign.chief, &benign_site)
        .unwrap();
    publish_all(
        &benign,
        &[
            "A [link](https://example.org/x) and **bold** text.\n\n> quoted\n\n- a list"
                .to_string(),
        ],
    );
    let mut known = BTreeSet::new();
    for (path, text) in files::text_files_under(&benign_site) {
        if path.ends_with(".html") {
            known.extend(shapes(&text));
        }
    }
    // And what a body may hold on the site, whichever the benign piece used.
    for (element, attribute) in [
        ("p", ""),
        ("h2", ""),
        ("h3", ""),
        ("h4", ""),
        ("h5", ""),
        ("h6", ""),
        ("strong", ""),
        ("em", ""),
        ("del", ""),
        ("a", ""),
        ("a", "href"),
        ("a", "rel"),
        ("ul", ""),
        ("ol", ""),
        ("li", ""),
        ("blockquote", ""),
        ("code", ""),
        ("pre", ""),
        ("br", ""),
        ("hr", ""),
    ] {
        known.insert((element.to_string(), attribute.to_string()));
    }
    assert!(
        !known.iter().any(|(e, _)| e == "script"),
        "the site writes no script of its own"
    );

    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    t.desk.set_publish_folder(&t.chief, &site).unwrap();
    let all = payloads();
    publish_all(&t, &all);
    t.desk.rebuild_site(&t.editor).unwrap();

    let mut failures = Vec::new();
    let mut checked = 0;
    for (path, text) in files::text_files_under(&site) {
        let problem = if path.ends_with(".html") {
            page_problem(&text, &known)
        } else if path == "feed.xml" {
            rss_problem(&text)
        } else if path == "atom.xml" {
            atom_problem(&text)
        } else if path == "feed.json" {
            json_feed_problem(&text)
        } else {
            None
        };
        checked += 1;
        if let Some(problem) = problem {
            failures.push(format!("{path}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > all.len() * 2, "only {checked} files");
}

/// RSS 2.0 readers render an item's description as HTML, and its content too.
fn rss_problem(xml: &str) -> Option<String> {
    let channel = match rss::Channel::read_from(xml.as_bytes()) {
        Ok(channel) => channel,
        Err(e) => return Some(format!("not a feed: {e}")),
    };
    channel.items().iter().find_map(|item| {
        let html = [item.description(), item.content()];
        html.into_iter()
            .flatten()
            .find_map(|h| html_problem(h).map(|p| format!("{:?}: {p} in {h:?}", item.title())))
    })
}

/// Atom's text constructs are HTML when they say so.
fn atom_problem(xml: &str) -> Option<String> {
    let feed = match atom_syndication::Feed::read_from(xml.as_bytes()) {
        Ok(feed) => feed,
        Err(e) => return Some(format!("not a feed: {e}")),
    };
    feed.entries().iter().find_map(|entry| {
        let mut html = Vec::new();
        for text in [Some(entry.title()), entry.summary()].into_iter().flatten() {
            if text.r#type != atom_syndication::TextType::Text {
                html.push(text.value.clone());
            }
        }
        if let Some(content) = entry.content()
            && content.content_type() != Some("text")
        {
            html.extend(content.value().map(str::to_string));
        }
        html.iter()
            .find_map(|h| html_problem(h).map(|p| format!("{p} in {h:?}")))
    })
}

/// JSON Feed: `content_html` is HTML; `title` and `summary` are plain text.
fn json_feed_problem(json: &str) -> Option<String> {
    let feed: serde_json::Value = match serde_json::from_str(json) {
        Ok(feed) => feed,
        Err(e) => return Some(format!("not JSON: {e}")),
    };
    feed["items"].as_array()?.iter().find_map(|item| {
        let html = item["content_html"].as_str()?;
        html_problem(html).map(|p| format!("{p} in {html:?}"))
    })
}
