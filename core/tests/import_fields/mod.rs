//! What an answer key (expected.json, as in tests/fixtures/import/) says of one file, checked
//! against what import made of it: one result a field, shared by the corpus test (every check must
//! hold) and the round scorer (fields counted; IMPORT.md says how).
//!
//! Counted fields, one each: `headline`, `standfirst`, `byline`, `section`, `tags`, `body_starts`,
//! `body_ends`, and for a bad file `error_contains`; one a name in `bios`, `email` and
//! `affiliation`; one an item in `body_contains` and `body_excludes`. Checked but not counted (they
//! are about the import report, not the article): `dropped_contains`, `warnings_contains`, and
//! that the body never repeats the standfirst or a bio, nor holds a `\r`.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use copydesk_core::import::{self, FoundAuthor, Recognised};
use serde_json::{Map, Value};

/// One check of one file.
pub struct Check {
    /// The expected.json key it comes from.
    pub key: String,
    /// Counted in the score (a field of the article), or only checked.
    pub counted: bool,
    pub ok: bool,
    /// What was wrong, in words; empty when it held.
    pub detail: String,
}

/// Reads and recognises one file, as import does; the error is the problem in words.
pub fn import_bytes(file_name: &str, bytes: &[u8]) -> Result<Recognised, String> {
    let doc = import::read(file_name, bytes).map_err(|e| e.to_string())?;
    import::recognise(&doc).map_err(|e| e.to_string())
}

pub fn short(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}…")
    }
}

/// A list of strings (or one string) from the key; an entry of another shape is a broken key.
fn strings(v: &Value) -> Result<Vec<String>, String> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("not a list of strings: {v}"))
            })
            .collect(),
        Value::String(s) => Ok(vec![s.clone()]),
        _ => Err(format!("not a list of strings: {v}")),
    }
}

/// Name → text; `null` says the author has none ("no bio found").
fn string_map(v: &Value) -> Result<Vec<(String, Option<String>)>, String> {
    let map = v
        .as_object()
        .ok_or_else(|| format!("not a map of name to text: {v}"))?;
    map.iter()
        .map(|(k, v)| match v {
            Value::Null => Ok((k.clone(), None)),
            Value::String(s) => Ok((k.clone(), Some(s.clone()))),
            _ => Err(format!("{k}: not a string or null: {v}")),
        })
        .collect()
}

#[derive(Default)]
struct Checks(Vec<Check>);

impl Checks {
    fn push(&mut self, key: &str, counted: bool, problem: Option<String>) {
        self.0.push(Check {
            key: key.to_string(),
            counted,
            ok: problem.is_none(),
            detail: problem.unwrap_or_default(),
        });
    }
    fn field(&mut self, key: &str, problem: Option<String>) {
        self.push(key, true, problem);
    }
    fn extra(&mut self, key: &str, problem: Option<String>) {
        self.push(key, false, problem);
    }
}

/// How many counted fields an entry has: what a refused file scores zero of.
pub fn field_count(want: &Map<String, Value>) -> usize {
    let mut n = 0;
    for (key, v) in want {
        n += match key.as_str() {
            "headline" | "standfirst" | "byline" | "section" | "tags" | "body_starts"
            | "body_ends" | "error_contains" => 1,
            "bios" | "email" | "affiliation" => v.as_object().map_or(1, Map::len),
            "body_contains" | "body_excludes" => strings(v).map_or(1, |l| l.len()),
            _ => 0,
        };
    }
    n
}

/// Every check of one file against its entry.
pub fn check_file(want: &Map<String, Value>, got: &Result<Recognised, String>) -> Vec<Check> {
    let mut checks = Checks::default();
    match (want.get("error_contains"), got) {
        (Some(words), Err(problem)) => {
            let words = words.as_str().unwrap_or_default();
            let ok = problem.to_lowercase().contains(&words.to_lowercase());
            checks.field(
                "error_contains",
                (!ok).then(|| format!("expected one saying {words:?}, got {problem:?}")),
            );
        }
        (Some(words), Ok(rec)) => checks.field(
            "error_contains",
            Some(format!(
                "expected one saying {words}, but it imported with headline {:?}",
                rec.headline
            )),
        ),
        (None, Err(problem)) => {
            for _ in 0..field_count(want) {
                checks.field("refused", Some(format!("not imported: {problem}")));
            }
        }
        (None, Ok(rec)) => check_recognised(want, rec, &mut checks),
    }
    checks.0
}

fn check_recognised(want: &Map<String, Value>, got: &Recognised, checks: &mut Checks) {
    if let Some(h) = want.get("headline") {
        let h = h.as_str().unwrap_or_default();
        checks.field(
            "headline",
            (got.headline != h).then(|| format!("expected {h:?}, got {:?}", got.headline)),
        );
    }
    if let Some(s) = want.get("standfirst") {
        let s = s.as_str().unwrap_or("");
        checks.field(
            "standfirst",
            (got.standfirst != s)
                .then(|| format!("expected {}, got {}", short(s), short(&got.standfirst))),
        );
    }
    let names: Vec<&str> = got.authors.iter().map(|a| a.name.as_str()).collect();
    if let Some(b) = want.get("byline") {
        let problem = match strings(b) {
            Ok(b) => (names != b).then(|| format!("expected {b:?}, got {names:?}")),
            Err(e) => Some(e),
        };
        checks.field("byline", problem);
    }
    per_author(want, got, "bios", |a| a.bio.as_deref(), checks);
    per_author(want, got, "email", |a| a.email.as_deref(), checks);
    per_author(
        want,
        got,
        "affiliation",
        |a| a.affiliation.as_deref(),
        checks,
    );

    if let Some(s) = want.get("section") {
        let s = s.as_str();
        checks.field(
            "section",
            (got.section.as_deref() != s).then(|| format!("expected {s:?}, got {:?}", got.section)),
        );
    }
    if let Some(t) = want.get("tags") {
        let problem = match strings(t) {
            Ok(t) => (got.tags != t).then(|| format!("expected {t:?}, got {:?}", got.tags)),
            Err(e) => Some(e),
        };
        checks.field("tags", problem);
    }
    check_body(want, got, checks);
    check_report(want, got, checks);
}

fn per_author(
    want: &Map<String, Value>,
    got: &Recognised,
    key: &str,
    field: fn(&FoundAuthor) -> Option<&str>,
    checks: &mut Checks,
) {
    let Some(m) = want.get(key) else {
        return;
    };
    let entries = match string_map(m) {
        Ok(entries) => entries,
        Err(e) => return checks.field(key, Some(e)),
    };
    let names: Vec<&str> = got.authors.iter().map(|a| a.name.as_str()).collect();
    for (name, value) in entries {
        let problem = match got.authors.iter().find(|a| a.name == name) {
            None => Some(format!("{name}: no such author among {names:?}")),
            Some(a) if field(a) != value.as_deref() => Some(format!(
                "{name}: expected {}, got {}",
                value.as_deref().map_or_else(|| "none".into(), short),
                field(a).map_or_else(|| "none".into(), short)
            )),
            Some(_) => None,
        };
        checks.field(key, problem);
    }
}

fn check_body(want: &Map<String, Value>, got: &Recognised, checks: &mut Checks) {
    let body = got.body.trim();
    if let Some(s) = want.get("body_starts").and_then(Value::as_str) {
        let head: String = body.chars().take(s.chars().count() + 40).collect();
        checks.field(
            "body_starts",
            (!body.starts_with(s)).then(|| format!("expected {s:?}, body starts {head:?}")),
        );
    }
    if let Some(s) = want.get("body_ends").and_then(Value::as_str) {
        let n = body.chars().count();
        let tail: String = body
            .chars()
            .skip(n.saturating_sub(s.chars().count() + 40))
            .collect();
        checks.field(
            "body_ends",
            (!body.ends_with(s)).then(|| format!("expected {s:?}, body ends {tail:?}")),
        );
    }
    for (key, present) in [("body_contains", true), ("body_excludes", false)] {
        let Some(list) = want.get(key) else {
            continue;
        };
        let items = match strings(list) {
            Ok(items) => items,
            Err(e) => {
                checks.field(key, Some(e));
                continue;
            }
        };
        for s in items {
            let problem = match (got.body.find(&s), present) {
                (None, true) => Some(format!("{s:?} is not in the body")),
                (Some(at), false) => {
                    let from = got.body[..at]
                        .char_indices()
                        .rev()
                        .nth(30)
                        .map_or(0, |(i, _)| i);
                    let around: String = got.body[from..].chars().take(80).collect();
                    Some(format!("{s:?} is in the body: …{around:?}…"))
                }
                _ => None,
            };
            checks.field(key, problem);
        }
    }
}

/// What the import report must say, and what the body must never hold.
fn check_report(want: &Map<String, Value>, got: &Recognised, checks: &mut Checks) {
    if let Some(s) = want.get("standfirst").and_then(Value::as_str)
        && !s.is_empty()
        && got.body.contains(s)
    {
        checks.extra("body", Some(format!("repeats the standfirst {}", short(s))));
    }
    if let Some(Ok(bios)) = want.get("bios").map(string_map) {
        for (name, bio) in bios {
            if let Some(bio) = bio
                && got.body.contains(&bio)
            {
                checks.extra("body", Some(format!("repeats {name}'s bio")));
            }
        }
    }
    if got.body.contains('\r') {
        checks.extra("body", Some("contains a carriage return".into()));
    }
    if let Some(list) = want.get("dropped_contains") {
        for s in strings(list).unwrap_or_default() {
            let dropped = got.dropped.iter().any(|d| d.contains(&s));
            checks.extra(
                "dropped_contains",
                (!dropped).then(|| format!("{s:?} is not dropped; dropped: {:?}", got.dropped)),
            );
        }
    }
    if let Some(list) = want.get("warnings_contains") {
        for s in strings(list).unwrap_or_default() {
            let needle = s.to_lowercase();
            let warned = got
                .warnings
                .iter()
                .any(|w| w.to_lowercase().contains(&needle));
            checks.extra(
                "warnings_contains",
                (!warned).then(|| format!("no warning says {s:?}; warnings: {:?}", got.warnings)),
            );
        }
    }
}
