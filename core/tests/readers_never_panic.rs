//! Fuzzed readers, the short version that runs in `make test` (issue 15, item 1; the long one is
//! `make soak`, scripts/soak-fuzz.sh, with the cargo-fuzz targets in fuzz/).
//!
//! Properties, over generated input:
//! - any bytes given to each reader (.txt, .md, .html, .docx), then to recognition, are read or
//!   refused with a `BadFile` (the desk's `bad_file`), never a panic;
//! - .docx: the corpus's real Word files with bytes flipped, cut, dropped or repeated, and
//!   re-zipped with one part (document.xml half the time) mutated the same ways;
//! - whatever the allowlist returns, and whatever body recognition keeps, holds no raw HTML, image,
//!   script, handler or link but to a web or mail address; the site's Markdown renderer writes
//!   only its allowlist's elements and attributes, no `javascript:`/`data:`/`vbscript:` URL
//!   (tests/support/safe_output.rs says exactly what is checked).
//!
//! 256 cases a property (64 for the Word ones); for a longer run,
//! `PROPTEST_CASES=100000 cargo test -p copydesk-core --test readers_never_panic`. Inputs the fuzzers or these tests once broke on are
//! kept in tests/fixtures/import/crashes/ and [`REGRESSIONS`], and read on every run.

#[path = "support/files.rs"]
mod files;
#[path = "support/safe_output.rs"]
mod safe_output;

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use copydesk_core::import;
use proptest::prelude::*;
use proptest::sample::Index;
use safe_output::{html_problem, markdown_problem};

/// `cases` for a property unless PROPTEST_CASES says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    // Inputs that once failed are kept by hand in REGRESSIONS and crashes/, not in files
    // proptest would write beside the sources.
    config.failure_persistence = None;
    config
}

const READERS: [&str; 4] = ["piece.txt", "piece.md", "piece.html", "piece.docx"];

/// Reads and recognises a file as the desk's import does: refused with words, or recognised
/// into a body that keeps to the allowlist.
fn import_holds(file_name: &str, bytes: &[u8]) -> Result<(), String> {
    let doc = match import::read(file_name, bytes) {
        Ok(doc) => doc,
        Err(bad) if bad.0.trim().is_empty() => return Err("refused without a reason".into()),
        Err(_) => return Ok(()),
    };
    match import::recognise(&doc) {
        Ok(rec) => match markdown_problem(&rec.body) {
            Some(problem) => Err(format!("recognised body: {problem}\nin {:?}", rec.body)),
            None => Ok(()),
        },
        Err(bad) if bad.0.trim().is_empty() => Err("refused without a reason".into()),
        Err(_) => Ok(()),
    }
}

fn allowlist_holds(markdown: &str) -> Result<(), String> {
    let (kept, _) = import::keep_to_allowlist(markdown);
    match markdown_problem(&kept) {
        Some(problem) => Err(format!("allowlist kept {problem}\nin {kept:?}")),
        None => Ok(()),
    }
}

fn renderer_holds(markdown: &str) -> Result<(), String> {
    let html = copydesk_core::body_html(markdown);
    match html_problem(&html) {
        Some(problem) => Err(format!("site renderer wrote {problem}\nin {html:?}")),
        None => Ok(()),
    }
}

/// Pieces of the formats read, of newsroom copy and of hostile payloads: random text made of
/// them reaches much further into the readers than random bytes.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u{feff}",
    "\u{0}",
    "\u{200b}",
    "\u{202e}",
    "\u{a0}",
    "é",
    "—",
    "–",
    "“",
    "”",
    "’",
    "🙂",
    "İ",
    "ß",
    "\u{301}",
    "---\n",
    "+++\n",
    "title: ",
    "author: ",
    "authors:\n  - name: ",
    "tags: [",
    "bio: ",
    "email: ",
    "section: ",
    "# ",
    "## ",
    "###### ",
    "===\n",
    "> ",
    "- ",
    "* ",
    "1. ",
    "99999999999. ",
    "*",
    "_",
    "**",
    "__",
    "~~",
    "`",
    "```",
    "    ",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "<",
    ">",
    "\\",
    "|",
    "&",
    "&amp;",
    "&#",
    "&#x0;",
    "&lt;script&gt;",
    "[^1]",
    "[^1]: ",
    "[x]: ",
    "[x]",
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:x",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "https://example.org",
    "www.example.org",
    "mailto:a@example.org",
    "a@example.org",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    "<meta charset=\"windows-1252\">",
    "<meta property=\"og:title\" content=\"",
    "<meta name=\"author\" content=\"",
    "\">",
    "<title>",
    "</title>",
    "<body>",
    "<article>",
    "</article>",
    "<main>",
    "<div class=\"entry-content\">",
    "</div>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<p>",
    "</p>",
    "<em>",
    "<i>",
    "<b>",
    "<br>",
    "<ul><li>",
    "<ol start=\"-1\"><li>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<blockquote>",
    "<pre><code>",
    "<style>",
    "<iframe src=x>",
    "<template>",
    "<noscript>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"",
    "\"}}</script>",
    "By ",
    "by ",
    "BY ",
    "By: ",
    " and ",
    ", ",
    "Jane Doe",
    "Jan de Vries",
    "Łukasz Nowak",
    "O'Neill",
    ", writes Jane Doe.",
    "is a professor at the University of Nowhere.",
    "About the author",
    "About the authors",
    "Share this:",
    "Related",
    "Read more",
    "ENDS",
    "Notes to editors",
    "Fwd: ",
    "From: Jane Doe <a@example.org>",
    "Subject: ",
    "Sent: ",
    "-------- Forwarded message --------",
    "-- \n",
    "Best wishes,",
    "Dear Editor,",
    "Headline: ",
    "Standfirst: ",
    "Word count: 800",
    "Article:",
    "ARTICLE TEXT BELOW THIS LINE",
    "(Doe)",
    "The minister said the plan would work.",
    "A sentence of the body, long enough to be one.",
];

fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(TOKENS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z ]{1,40}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// Text made of tokens, or any bytes at all, or text with stray bytes (an odd encoding).
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => texty().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..2048),
        1 => (texty(), prop::collection::vec((any::<Index>(), any::<u8>()), 1..8)).prop_map(
            |(text, strays)| {
                let mut bytes = text.into_bytes();
                for (at, byte) in strays {
                    let at = if bytes.is_empty() { 0 } else { at.index(bytes.len() + 1) };
                    bytes.insert(at, byte);
                }
                bytes
            }
        ),
    ]
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Truncate(Index),
    Delete(Index, usize),
    Repeat(Index, usize, usize),
    Insert(Index, String),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        4 => (any::<Index>(), 1..=255u8).prop_map(|(at, x)| Mutation::Flip(at, x)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), 1..512usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<Index>(), 1..256usize, 1..200usize)
            .prop_map(|(at, n, times)| Mutation::Repeat(at, n, times)),
        3 => (any::<Index>(), prop::sample::select(XML_TOKENS).prop_map(str::to_string))
            .prop_map(|(at, s)| Mutation::Insert(at, s)),
    ];
    prop::collection::vec(one, 1..6)
}

/// Pieces of WordprocessingML and XML, to splice into a part.
const XML_TOKENS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "<w:t xml:space=\"preserve\"> x </w:t>",
    "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>A title</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"99999999999\"/><w:numId w:val=\"-1\"/></w:numPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:rPr><w:i/><w:b w:val=\"0\"/></w:rPr>",
    "<w:tab/>",
    "<w:br/>",
    "<w:cr/>",
    "<w:hyperlink r:id=\"rId999\">",
    "<w:hyperlink r:id=\"rId1\">",
    "</w:hyperlink>",
    "<w:footnoteReference w:id=\"-1\"/>",
    "<w:footnoteReference w:id=\"1\"/>",
    "<w:commentReference w:id=\"0\"/>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>",
    "<w:gridSpan w:val=\"0\"/>",
    "<w:vMerge/>",
    "<w:sdt><w:sdtContent>",
    "<w:fldSimple w:instr=\"HYPERLINK javascript:x\">",
    "<w:instrText> HYPERLINK \"javascript:alert(1)\" </w:instrText>",
    "<w:fldChar w:fldCharType=\"begin\"/>",
    "<mc:AlternateContent>",
    "<w:drawing>",
    "<w:ins>",
    "<w:del><w:r><w:delText>x</w:delText></w:r></w:del>",
    "<Relationship Id=\"rId999\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"javascript:alert(1)\" TargetMode=\"External\"/>",
    "&#0;",
    "&#xD800;",
    "&amp;",
    "&lt;script&gt;",
    "<![CDATA[<script>]]>",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
    "&b;",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u{feff}",
    "\u{0}",
    "é",
    "\"",
    "'",
    "<",
    ">",
    "/>",
    "=",
    " ",
    "\n",
];

fn apply(bytes: &[u8], changes: &[Mutation]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for change in changes {
        let len = out.len();
        let at = |i: &Index| if len == 0 { 0 } else { i.index(len) };
        match change {
            Mutation::Flip(i, x) if len > 0 => out[at(i)] ^= x,
            Mutation::Flip(..) => {}
            Mutation::Truncate(i) => out.truncate(at(i)),
            Mutation::Delete(i, n) => {
                let from = at(i);
                out.drain(from..(from + n).min(len));
            }
            Mutation::Repeat(i, n, times) => {
                let from = at(i);
                let piece = out[from..(from + n).min(len)].to_vec();
                let tail = out.split_off(from);
                for _ in 0..*times {
                    out.extend_from_slice(&piece);
                }
                out.extend_from_slice(&tail);
            }
            Mutation::Insert(i, s) => {
                let from = if len == 0 { 0 } else { i.index(len + 1) };
                out.splice(from..from, s.bytes());
            }
        }
    }
    out
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import")
}

/// A .docx of the corpus: its bytes, and its parts by name.
struct Docx {
    name: String,
    bytes: Vec<u8>,
    parts: Vec<(String, Vec<u8>)>,
}

/// The corpus's Word files that are whole (its bad ones, a zip bomb among them, are left out).
static DOCX: LazyLock<Vec<Docx>> = LazyLock::new(|| {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the import corpus")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    files.sort();
    let whole: Vec<Docx> = files.iter().filter_map(|path| whole_docx(path)).collect();
    assert!(whole.len() >= 10, "the corpus's .docx files: {files:?}");
    whole
});

fn whole_docx(path: &Path) -> Option<Docx> {
    let bytes = std::fs::read(path).expect("a corpus .docx");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).ok()?;
    let mut parts = Vec::new();
    let mut total = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).ok()?;
        total += entry.size();
        if total > 16 * 1024 * 1024 {
            return None;
        }
        let name = entry.name().ok()?.into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).ok()?;
        parts.push((name, data));
    }
    parts
        .iter()
        .any(|(n, _)| n == "word/document.xml")
        .then(|| Docx {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            bytes,
            parts,
        })
}

/// A corpus .docx, re-zipped with one part mutated: document.xml half the time.
fn mutated_part(file: &Index, part: &Index, main: bool, changes: &[Mutation]) -> Vec<u8> {
    let docx = &DOCX[file.index(DOCX.len())];
    let mut parts = docx.parts.clone();
    let which = main
        .then(|| parts.iter().position(|(n, _)| n == "word/document.xml"))
        .flatten()
        .unwrap_or_else(|| part.index(parts.len()));
    parts[which].1 = apply(&parts[which].1, changes);
    files::zip_of(&parts)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_input_to_any_reader_is_read_or_refused(reader in 0..READERS.len(), bytes in any_input()) {
        import_holds(READERS[reader], &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_allowlist_keeps_nothing_hostile(markdown in texty()) {
        allowlist_holds(&markdown).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_site_renderer_writes_nothing_hostile(markdown in texty()) {
        renderer_holds(&markdown).map_err(TestCaseError::fail)?;
    }
}

// A Word file is read in a few milliseconds unoptimised, not microseconds: fewer cases.
proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_damaged_word_file_is_read_or_refused(file in any::<Index>(), changes in mutations()) {
        let docx = &DOCX[file.index(DOCX.len())];
        let bytes = apply(&docx.bytes, &changes);
        import_holds(&docx.name, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_word_file_with_a_mutated_part_is_read_or_refused(
        file in any::<Index>(),
        part in any::<Index>(),
        main in any::<bool>(),
        changes in mutations(),
    ) {
        let bytes = mutated_part(&file, &part, main, &changes);
        import_holds("mutated.docx", &bytes).map_err(TestCaseError::fail)?;
    }
}

/// Inputs that once broke a reader, the allowlist or the renderer (found by the fuzzers or by
/// the properties above): each must now hold. Files too large or binary to write here are in
/// tests/fixtures/import/crashes/.
const REGRESSIONS: &[(&str, &[u8])] = &[
    ("empty.txt", b""),
    // The allowlist's last resort escaped an already escaped `\<` into `\\<`: a backslash,
    // then the raw tag.
    (
        "allowlist-escaped-lt.md",
        b"\"}}</script>\\<script>alert(1)</script><javascript:alert(1)>",
    ),
    // A web address ending at a backtick: GFM's autolink (the site's, the editor's) takes the
    // backtick into the link, so the code span after it is none and its tag is raw HTML.
    (
        "allowlist-autolink-backtick.md",
        b"x <b>\n\nhttps://example.org`<script>alert(1)</script> `",
    ),
    (
        "autolink-backtick.txt",
        b"&amp;\n\nhttps://example.org`<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\" `",
    ),
    // A web address ending at a backslash: GFM's autolink takes it into the link, so the `<`
    // it escaped opens an autolink of a script.
    (
        "allowlist-autolink-backslash.md",
        b"https://example.org\\<javascript:alert(1)>",
    ),
    // A reference-style link: no `<` or `](` for the last resort to escape.
    (
        "allowlist-reference-link.md",
        b"<b>x</b> [a]\n\n[a]: javascript:alert(1)",
    ),
];

#[test]
fn inputs_that_once_broke_a_reader_hold() {
    let mut failures = Vec::new();
    let dir = corpus_dir().join("crashes");
    let mut files: Vec<(String, Vec<u8>)> = REGRESSIONS
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect();
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/import/crashes/") {
        let path = entry.expect("a crashes/ entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != "README.md" {
            files.push((name, std::fs::read(&path).expect("a crash input")));
        }
    }
    for (name, bytes) in &files {
        // The file's target is the start of its name: allowlist-…, render-…, else a reader.
        let held = if name.starts_with("allowlist-") {
            allowlist_holds(&String::from_utf8_lossy(bytes))
        } else if name.starts_with("render-") {
            renderer_holds(&String::from_utf8_lossy(bytes))
        } else {
            import_holds(name, bytes)
        };
        if let Err(problem) = held {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Very deep nesting is the classic way to overflow a reader's stack, which no panic handler
/// catches: each format gets a deeply nested document.
#[test]
fn deeply_nested_input_is_read_or_refused() {
    // 3,000 keeps this test under a second or two: Markdown's links and the Word tables still take
    // time growing with the square of the depth (RELIABILITY.md); `DEEP=50000` for the deep end.
    // HTML's is flattened first, and tried at 50,000 below.
    let deep: usize = std::env::var("DEEP")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(3_000);
    let cases: Vec<(&str, String)> = vec![
        (
            "deep.html",
            format!(
                "<h1>A headline</h1><p>By Jane Doe</p>{}x",
                "<div>".repeat(deep)
            ),
        ),
        (
            "deep-b.html",
            format!("<h1>A headline</h1>{}x", "<b><i>".repeat(deep)),
        ),
        (
            "deep.md",
            format!("# A headline\n\nBy Jane Doe\n\n{}x", "> ".repeat(deep)),
        ),
        (
            "deep-list.md",
            format!("# A headline\n\n{}x", "- ".repeat(deep)),
        ),
        (
            "deep-em.md",
            format!(
                "# A headline\n\n{}x{}",
                "*_".repeat(deep),
                "_*".repeat(deep)
            ),
        ),
        (
            "deep-link.md",
            format!(
                "# A headline\n\n{}x{}",
                "[".repeat(deep),
                "](https://example.org)".repeat(deep)
            ),
        ),
        ("deep.txt", format!("A headline\n\n{}", "> ".repeat(deep))),
    ];
    for (name, text) in &cases {
        for held in [
            import_holds(name, text.as_bytes()),
            allowlist_holds(text),
            renderer_holds(text),
        ] {
            if let Err(problem) = held {
                panic!("{name}: {problem}");
            }
        }
    }
    // Word: a table nested in a table, as deep, in the corpus's first file.
    let docx = &DOCX[0];
    let mut parts = docx.parts.clone();
    let main = parts
        .iter()
        .position(|(n, _)| n == "word/document.xml")
        .expect("document.xml");
    let xml = String::from_utf8(parts[main].1.clone()).expect("UTF-8 XML");
    let nested = format!(
        "{}<w:p><w:r><w:t>x</w:t></w:r></w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(deep),
        "</w:tc></w:tr></w:tbl>".repeat(deep)
    );
    parts[main].1 = xml
        .replacen("<w:body>", &format!("<w:body>{nested}"), 1)
        .into_bytes();
    import_holds("deep.docx", &files::zip_of(&parts)).unwrap_or_else(|p| panic!("deep.docx: {p}"));
}

/// HTML nested past what a browser shows is flattened before it is parsed, in time linear in its
/// length (50,000 nested `<div>`s once held an import for over a minute, and a body of as many
/// quotes a publish as long): read at that depth, its deepest words are kept.
#[test]
fn html_nested_fifty_thousand_deep_is_read_with_its_deepest_words() {
    let deepest = "The deepest words of the piece.";
    for (name, page) in [
        (
            "deep.html",
            format!(
                "<h1>A headline</h1><p>By Jane Doe</p>{}<p>{deepest}</p>",
                "<div>".repeat(50_000)
            ),
        ),
        (
            "deep-b.html",
            format!(
                "<h1>A headline</h1><p>By Jane Doe</p><p>{}{deepest}</p>",
                "<b><i>".repeat(25_000)
            ),
        ),
    ] {
        let doc =
            import::read(name, page.as_bytes()).unwrap_or_else(|bad| panic!("{name}: {}", bad.0));
        let rec = import::recognise(&doc).unwrap_or_else(|bad| panic!("{name}: {}", bad.0));
        assert!(rec.body.contains("deepest words"), "{name}: {}", rec.body);
        assert_eq!(markdown_problem(&rec.body), None, "{name}");
    }
    let quotes = format!("{}{deepest}", "> ".repeat(50_000));
    let html = copydesk_core::body_html(&quotes);
    assert!(
        html.contains("deepest words"),
        "{}",
        &html[html.len().saturating_sub(300)..]
    );
    assert!(html.matches("<blockquote>").count() <= 512);
    assert_eq!(html_problem(&html), None);
}
