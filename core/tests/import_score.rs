//! The round scorer: how many of a fresh round's expected fields import gets right, per file, per
//! format, and for web pages alone. Run it with `scripts/import-score.sh ROUND_FOLDER`; it is an
//! ignored test here so that it builds with the core and needs no binary of its own. How fields
//! are counted is in import_fields/mod.rs and IMPORT.md.
//!
//! The ignored test reads `IMPORT_ROUND` (the folder: submissions and expected.json) and, when
//! `IMPORT_SCORE_JSON` names a file, writes there what import made of each file (for the
//! trafilatura comparison, scripts/import-compare-trafilatura.py).

mod import_fields;

use std::collections::BTreeMap;
use std::path::Path;

use import_fields::{check_file, field_count, import_bytes};
use serde_json::{Map, Value, json};

/// A round's folder holds these besides its submissions.
const NOT_SUBMISSIONS: [&str; 5] = [
    "README.md",
    "expected.json",
    "make-docx.py",
    "make-docx.sh",
    "make-bad-files.py",
];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
    }
    fn percent(self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        100.0 * self.right as f64 / self.total as f64
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{} ({:.1} %)", self.right, self.total, self.percent())
    }
}

struct FileScore {
    file: String,
    tally: Tally,
    refused: Option<String>,
    /// Counted fields that were wrong, then checks that are not counted.
    wrong: Vec<String>,
    notes: Vec<String>,
    result: Value,
}

struct RoundScore {
    files: Vec<FileScore>,
    /// Files in the folder that the answer key does not name.
    unkeyed: Vec<String>,
}

impl RoundScore {
    fn total(&self) -> Tally {
        self.tally_of(|_| true)
    }
    fn tally_of(&self, keep: impl Fn(&str) -> bool) -> Tally {
        let mut t = Tally::default();
        for f in self.files.iter().filter(|f| keep(&f.file)) {
            t.add(f.tally);
        }
        t
    }
    fn by_format(&self) -> BTreeMap<String, Tally> {
        let mut out = BTreeMap::new();
        for f in &self.files {
            out.entry(extension(&f.file))
                .or_insert_with(Tally::default)
                .add(f.tally);
        }
        out
    }
}

fn extension(file: &str) -> String {
    file.rsplit_once('.')
        .map_or_else(String::new, |(_, e)| e.to_lowercase())
}

fn is_web_page(file: &str) -> bool {
    matches!(extension(file).as_str(), "html" | "htm")
}

fn score_round(dir: &Path) -> Result<RoundScore, String> {
    let key_path = dir.join("expected.json");
    let text = std::fs::read_to_string(&key_path)
        .map_err(|e| format!("cannot read {}: {e}", key_path.display()))?;
    let Value::Object(key) = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not valid JSON: {e}", key_path.display()))?
    else {
        return Err(format!("{} is not an object", key_path.display()));
    };
    let mut files = Vec::new();
    for (file, want) in &key {
        let want = want
            .as_object()
            .ok_or_else(|| format!("{file}: its entry is not an object"))?;
        files.push(score_file(dir, file, want));
    }
    let mut unkeyed = Vec::new();
    let listing = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in listing.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let plain_file = entry.file_type().is_ok_and(|t| t.is_file());
        if plain_file
            && !name.starts_with('.')
            && !NOT_SUBMISSIONS.contains(&name.as_str())
            && !key.contains_key(&name)
        {
            unkeyed.push(name);
        }
    }
    unkeyed.sort();
    Ok(RoundScore { files, unkeyed })
}

fn score_file(dir: &Path, file: &str, want: &Map<String, Value>) -> FileScore {
    let got = match std::fs::read(dir.join(file)) {
        Ok(bytes) => import_bytes(file, &bytes),
        Err(e) => Err(format!("cannot be read: {e}")),
    };
    let checks = check_file(want, &got);
    let counted: Vec<_> = checks.iter().filter(|c| c.counted).collect();
    let tally = Tally {
        right: counted.iter().filter(|c| c.ok).count(),
        total: counted.len().max(field_count(want)),
    };
    let wrong = counted
        .iter()
        .filter(|c| !c.ok)
        .map(|c| format!("{}: {}", c.key, c.detail))
        .collect();
    let notes = checks
        .iter()
        .filter(|c| !c.counted && !c.ok)
        .map(|c| format!("{}: {}", c.key, c.detail))
        .collect();
    let refused = got
        .as_ref()
        .err()
        .filter(|_| !want.contains_key("error_contains"))
        .cloned();
    let result = match &got {
        Ok(rec) => json!({
            "headline": rec.headline,
            "standfirst": rec.standfirst,
            "authors": rec.authors.iter().map(|a| json!({
                "name": a.name, "email": a.email, "affiliation": a.affiliation, "bio": a.bio,
            })).collect::<Vec<_>>(),
            "section": rec.section,
            "tags": rec.tags,
            "body": rec.body,
            "dropped": rec.dropped,
            "warnings": rec.warnings,
        }),
        Err(problem) => json!({ "error": problem }),
    };
    FileScore {
        file: file.to_string(),
        tally,
        refused,
        wrong,
        notes,
        result,
    }
}

fn report(score: &RoundScore) -> String {
    let mut out = String::new();
    for f in &score.files {
        out.push_str(&format!(
            "{:>7}  {}\n",
            format!("{}/{}", f.tally.right, f.tally.total),
            f.file
        ));
        if let Some(problem) = &f.refused {
            out.push_str(&format!(
                "         REFUSED: {problem} (all {} fields wrong)\n",
                f.tally.total
            ));
            continue;
        }
        for w in &f.wrong {
            out.push_str(&format!("         wrong  {w}\n"));
        }
        for n in &f.notes {
            out.push_str(&format!("         note   {n}\n"));
        }
    }
    for u in &score.unkeyed {
        out.push_str(&format!(
            "         (not in the answer key, not scored: {u})\n"
        ));
    }
    out.push_str(&format!("\noverall    {}\n", score.total()));
    for (ext, tally) in score.by_format() {
        out.push_str(&format!(".{ext:<9} {tally}\n"));
    }
    out.push_str(&format!("web pages  {}\n", score.tally_of(is_web_page)));
    let refused: Vec<&str> = score
        .files
        .iter()
        .filter(|f| f.refused.is_some())
        .map(|f| f.file.as_str())
        .collect();
    out.push_str(&format!("refused    {} {refused:?}\n", refused.len()));
    out
}

#[test]
#[ignore = "scores a round's folder: run scripts/import-score.sh ROUND_FOLDER"]
fn score_a_round() {
    let dir = std::env::var("IMPORT_ROUND")
        .unwrap_or_else(|_| panic!("set IMPORT_ROUND to a round's folder"));
    let score = score_round(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", report(&score));
    if let Ok(path) = std::env::var("IMPORT_SCORE_JSON") {
        let results: Map<String, Value> = score
            .files
            .iter()
            .map(|f| {
                let mut r = f.result.clone();
                if let Value::Object(m) = &mut r {
                    m.insert("right".into(), json!(f.tally.right));
                    m.insert("total".into(), json!(f.tally.total));
                }
                (f.file.clone(), r)
            })
            .collect();
        let text =
            serde_json::to_string_pretty(&Value::Object(results)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}

#[test]
fn a_refused_file_scores_nothing_of_all_its_fields() {
    let want: Map<String, Value> = serde_json::from_value(json!({
        "headline": "H", "standfirst": null, "byline": ["A B", "C D"],
        "bios": {"A B": "A B is x.", "C D": null}, "email": {"A B": "a@example.org"},
        "body_starts": "x", "body_ends": "y", "body_contains": ["p", "q", "r"],
        "body_excludes": ["s"], "dropped_contains": ["not counted"], "note": "not counted"
    }))
    .unwrap();
    assert_eq!(field_count(&want), 12);
    let checks = check_file(&want, &Err("has no text".into()));
    assert_eq!(checks.len(), 12);
    assert!(checks.iter().all(|c| c.counted && !c.ok));
}

#[test]
fn a_round_is_scored_per_field_per_format_and_for_web_pages() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "piece.txt",
        "The headline\n\nBy Jane Roe\n\nThe body's only paragraph.\n\nJane Roe is a fellow.\n",
    );
    write(
        "page.html",
        "<h1>Page headline</h1><p>By Ana Pereira</p><p>Page body.</p>",
    );
    write("empty.md", "");
    write("stray.txt", "Not in the key");
    write(
        "expected.json",
        &json!({
            "piece.txt": {
                "headline": "The headline", "byline": ["Jane Roe"],
                "bios": {"Jane Roe": "Jane Roe is a fellow."},
                "body_starts": "The body's", "body_excludes": ["fellow", "headline"],
                "standfirst": "wrong on purpose"
            },
            "page.html": {"headline": "Page headline", "byline": ["Someone Else"]},
            "empty.md": {"headline": "x", "body_contains": ["a", "b"]}
        })
        .to_string(),
    );
    let score = score_round(dir.path()).unwrap();
    let of = |file: &str| score.files.iter().find(|f| f.file == file).unwrap();
    assert_eq!(of("piece.txt").tally, Tally { right: 6, total: 7 });
    assert_eq!(of("page.html").tally, Tally { right: 1, total: 2 });
    assert_eq!(of("empty.md").tally, Tally { right: 0, total: 3 });
    assert!(of("empty.md").refused.is_some());
    assert_eq!(
        score.total(),
        Tally {
            right: 7,
            total: 12
        }
    );
    assert_eq!(score.tally_of(is_web_page), Tally { right: 1, total: 2 });
    assert_eq!(score.by_format()["txt"], Tally { right: 6, total: 7 });
    assert_eq!(score.unkeyed, vec!["stray.txt".to_string()]);
    let text = report(&score);
    assert!(text.contains("overall    7/12 (58.3 %)"), "{text}");
    assert!(text.contains("web pages  1/2 (50.0 %)"), "{text}");
}
