//! The import corpus: every submission in tests/fixtures/import/ is read and recognised, and what
//! import finds is compared with what a desk editor says is there (expected.json beside the files;
//! its README.md describes each file). All differences across all files are gathered and reported
//! in one failure, so one run shows everything.
//!
//! expected.json, per file:
//! - a submission: `headline`, `standfirst` (null when there is none), `byline` (names in order),
//!   `bios` (name → exact bio), optional `email` / `affiliation` (name → value), `section`,
//!   `tags`, `body_starts` / `body_ends` (the body's first and last sentence, the body trimmed),
//!   `body_contains`, `body_excludes`, `dropped_contains` (some dropped piece of furniture
//!   contains it), `warnings_contains` (some warning contains it, ignoring case); whatever the
//!   entry says, the body never repeats the standfirst or a bio, and never holds a `\r`;
//! - a bad file: `error_contains`, words the error must include (ignoring case).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use copydesk_core::import::{self, Recognised};
use serde_json::{Map, Value};

/// Files in the corpus folder that are not submissions.
const NOT_SUBMISSIONS: [&str; 4] = [
    "README.md",
    "expected.json",
    "make-docx.sh",
    "make-bad-files.py",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import")
}

fn expected() -> Map<String, Value> {
    let path = corpus_dir().join("expected.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => panic!("expected.json is not an object"),
        Err(e) => panic!("expected.json is not valid JSON: {e}"),
    }
}

/// Reads and recognises one file, as import does; the error is the problem in words.
fn import_bytes(file_name: &str, bytes: &[u8]) -> Result<Recognised, String> {
    let doc = import::read(file_name, bytes).map_err(|e| e.to_string())?;
    import::recognise(&doc).map_err(|e| e.to_string())
}

fn short(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}…")
    }
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .expect("a list of strings in expected.json")
                    .to_string()
            })
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => panic!("expected a list of strings in expected.json, got {v}"),
    }
}

/// Name → text; `null` says the author has none ("no bio found").
fn string_map(v: &Value) -> Vec<(String, Option<String>)> {
    v.as_object()
        .expect("a map of name to text in expected.json")
        .iter()
        .map(|(k, v)| {
            let text = (!v.is_null()).then(|| v.as_str().expect("a string or null").to_string());
            (k.clone(), text)
        })
        .collect()
}

/// Compares one file's recognition with its expected entry; each difference is pushed.
fn check(file: &str, want: &Map<String, Value>, got: &Recognised, failures: &mut Vec<String>) {
    let mut fail = |field: &str, what: String| failures.push(format!("{file}: {field}: {what}"));

    if let Some(h) = want.get("headline").and_then(Value::as_str)
        && got.headline != h
    {
        fail(
            "headline",
            format!("expected {h:?}, got {:?}", got.headline),
        );
    }
    if let Some(s) = want.get("standfirst") {
        let s = s.as_str().unwrap_or("");
        if got.standfirst != s {
            fail(
                "standfirst",
                format!("expected {}, got {}", short(s), short(&got.standfirst)),
            );
        }
    }
    let names: Vec<&str> = got.authors.iter().map(|a| a.name.as_str()).collect();
    if let Some(b) = want.get("byline") {
        let b = strings(b);
        if names != b {
            fail("byline", format!("expected {b:?}, got {names:?}"));
        }
    }
    let author = |name: &str| got.authors.iter().find(|a| a.name == name);
    let per_author = |key: &str,
                      field: fn(&import::FoundAuthor) -> Option<&str>,
                      fail: &mut dyn FnMut(&str, String)| {
        if let Some(m) = want.get(key) {
            for (name, value) in string_map(m) {
                match author(&name) {
                    None => fail(key, format!("{name}: no such author among {names:?}")),
                    Some(a) if field(a) != value.as_deref() => fail(
                        key,
                        format!(
                            "{name}: expected {}, got {}",
                            value.as_deref().map(short).unwrap_or_else(|| "none".into()),
                            field(a).map(short).unwrap_or_else(|| "none".into())
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    };
    per_author("bios", |a| a.bio.as_deref(), &mut fail);
    per_author("email", |a| a.email.as_deref(), &mut fail);
    per_author("affiliation", |a| a.affiliation.as_deref(), &mut fail);

    if let Some(s) = want.get("section").and_then(Value::as_str)
        && got.section.as_deref() != Some(s)
    {
        fail("section", format!("expected {s:?}, got {:?}", got.section));
    }
    if let Some(t) = want.get("tags") {
        let t = strings(t);
        if got.tags != t {
            fail("tags", format!("expected {t:?}, got {:?}", got.tags));
        }
    }

    let body = got.body.trim();
    if let Some(s) = want.get("body_starts").and_then(Value::as_str)
        && !body.starts_with(s)
    {
        let head: String = body.chars().take(s.chars().count() + 40).collect();
        fail(
            "body_starts",
            format!("expected {s:?}, body starts {head:?}"),
        );
    }
    if let Some(s) = want.get("body_ends").and_then(Value::as_str)
        && !body.ends_with(s)
    {
        let n = body.chars().count();
        let tail: String = body
            .chars()
            .skip(n.saturating_sub(s.chars().count() + 40))
            .collect();
        fail("body_ends", format!("expected {s:?}, body ends {tail:?}"));
    }
    if let Some(list) = want.get("body_contains") {
        for s in strings(list) {
            if !got.body.contains(&s) {
                fail("body_contains", format!("{s:?} is not in the body"));
            }
        }
    }
    if let Some(list) = want.get("body_excludes") {
        for s in strings(list) {
            if let Some(at) = got.body.find(&s) {
                let from = got.body[..at]
                    .char_indices()
                    .rev()
                    .nth(30)
                    .map_or(0, |(i, _)| i);
                let around: String = got.body[from..].chars().take(80).collect();
                fail(
                    "body_excludes",
                    format!("{s:?} is in the body: …{around:?}…"),
                );
            }
        }
    }
    // What was recognised as standfirst or bio is not repeated in the body.
    if let Some(s) = want.get("standfirst").and_then(Value::as_str)
        && got.body.contains(s)
    {
        fail("body", format!("repeats the standfirst {}", short(s)));
    }
    if let Some(m) = want.get("bios") {
        for (name, bio) in string_map(m) {
            if let Some(bio) = bio
                && got.body.contains(&bio)
            {
                fail("body", format!("repeats {name}'s bio"));
            }
        }
    }
    if got.body.contains('\r') {
        fail("body", "contains a carriage return".into());
    }
    if let Some(list) = want.get("dropped_contains") {
        for s in strings(list) {
            if !got.dropped.iter().any(|d| d.contains(&s)) {
                fail(
                    "dropped_contains",
                    format!("{s:?} is not dropped; dropped: {:?}", got.dropped),
                );
            }
        }
    }
    if let Some(list) = want.get("warnings_contains") {
        for s in strings(list) {
            let needle = s.to_lowercase();
            if !got
                .warnings
                .iter()
                .any(|w| w.to_lowercase().contains(&needle))
            {
                fail(
                    "warnings_contains",
                    format!("no warning says {s:?}; warnings: {:?}", got.warnings),
                );
            }
        }
    }
}

#[test]
fn every_file_of_the_corpus_is_recognised_as_a_desk_editor_would() {
    let dir = corpus_dir();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, want) in expected() {
        let want = want
            .as_object()
            .unwrap_or_else(|| panic!("{file}: entry is not an object"));
        let bytes = match std::fs::read(dir.join(&file)) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{file}: cannot be read from the corpus: {e}"));
                continue;
            }
        };
        checked += 1;
        let got = import_bytes(&file, &bytes);
        match (want.get("error_contains").and_then(Value::as_str), got) {
            (Some(words), Err(problem)) => {
                if !problem.to_lowercase().contains(&words.to_lowercase()) {
                    failures.push(format!(
                        "{file}: error: expected one saying {words:?}, got {problem:?}"
                    ));
                }
            }
            (Some(words), Ok(rec)) => failures.push(format!(
                "{file}: error: expected one saying {words:?}, but it imported with headline {:?}",
                rec.headline
            )),
            (None, Err(problem)) => {
                failures.push(format!("{file}: not imported: {problem:?}"));
            }
            (None, Ok(rec)) => check(&file, want, &rec, &mut failures),
        }
    }
    assert!(checked > 0, "the corpus is empty");
    assert!(
        failures.is_empty(),
        "{} difference(s) over {checked} corpus files:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_file_over_ten_megabytes_is_refused_whatever_its_format() {
    let paragraph = "Brussels has spent a decade funding dams and pipelines across the Sahel. ";
    let mut text = String::from("A headline that is fine\n\n");
    while text.len() <= import::MAX_FILE_BYTES {
        text.push_str(paragraph);
    }
    let mut bytes = text.into_bytes();
    bytes.truncate(10 * 1024 * 1024 + 1);
    assert_eq!(bytes.len(), 10 * 1024 * 1024 + 1);
    for name in ["huge.txt", "huge.md", "huge.html", "huge.docx"] {
        match import_bytes(name, &bytes) {
            Ok(rec) => panic!(
                "{name}: a 10 MiB + 1 byte file imported, headline {:?}",
                rec.headline
            ),
            Err(problem) => assert!(
                problem.contains("10 MB"),
                "{name}: the error should name the 10 MB limit, got {problem:?}"
            ),
        }
    }
}

/// The corpus cannot shrink silently: every file has an entry, every entry a file, and there are
/// enough of each kind.
#[test]
fn every_corpus_file_has_an_expected_entry() {
    let dir = corpus_dir();
    let expected = expected();
    let mut files = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            continue; // sources/: what make-docx.sh converts; reader/: pages the readers' own tests read
        }
        let name = entry.file_name().into_string().unwrap();
        if name.starts_with('.') || NOT_SUBMISSIONS.contains(&name.as_str()) {
            continue;
        }
        files.insert(name);
    }
    let entries: BTreeSet<String> = expected.keys().cloned().collect();
    let missing: Vec<_> = files.difference(&entries).collect();
    let orphans: Vec<_> = entries.difference(&files).collect();
    assert!(
        missing.is_empty(),
        "corpus files without an entry in expected.json: {missing:?}"
    );
    assert!(
        orphans.is_empty(),
        "expected.json entries without a file: {orphans:?}"
    );

    let good: Vec<&String> = expected
        .iter()
        .filter(|(_, v)| v.get("error_contains").is_none())
        .map(|(k, _)| k)
        .collect();
    let bad = expected.len() - good.len();
    assert!(
        good.len() >= 22,
        "only {} submissions in the corpus",
        good.len()
    );
    assert!(bad >= 7, "only {bad} bad files in the corpus");
    for ext in [".txt", ".md", ".html", ".docx"] {
        let n = good.iter().filter(|f| f.ends_with(ext)).count();
        assert!(n >= 4, "only {n} {ext} submissions in the corpus");
    }
    for (file, want) in &expected {
        if want.get("error_contains").is_some() {
            continue;
        }
        for key in [
            "headline",
            "standfirst",
            "byline",
            "bios",
            "body_starts",
            "body_ends",
        ] {
            assert!(
                want.get(key).is_some(),
                "{file}: expected.json has no {key}"
            );
        }
    }
}
