//! `copydesk import`: files become submitted articles with their contributors, a refused file
//! writes nothing and does not stop the others, and --dry-run writes nothing at all.

mod common;

use std::path::PathBuf;

use common::TestDesk;

fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "tests",
        "fixtures",
        "import",
        name,
    ]
    .iter()
    .collect();
    assert!(path.is_file(), "missing fixture {}", path.display());
    path.to_string_lossy().into_owned()
}

const JANE_MD: &str = "---\n\
title: Why the grid needs a plan\n\
author: Jane Roe\n\
email: JANE@example.org\n\
bio: Jane Roe is a senior fellow at the Institute of Things and a former grid engineer.\n\
---\n\nThe grid is old. It needs a plan.\n";

#[test]
fn files_become_submitted_articles_with_new_guest_contributors() {
    let d = TestDesk::staffed();
    let sahel = fixture("sahel-water.txt");
    let nato = fixture("nato-two-authors.txt");
    let v = d.json(Some("Eddie"), &["import", &sahel, &nato]);
    assert_eq!(v["imported"], 2, "{v}");
    assert_eq!(v["refused"], 0);
    let first = &v["files"][0];
    assert_eq!(
        first["recognised"]["headline"],
        "Why the Sahel's water deals keep failing"
    );
    let id = first["imported"]["article_id"]
        .as_str()
        .unwrap()
        .to_string();
    let article = d.json(Some("Eddie"), &["article", "show", &id]);
    assert_eq!(article["state"], "submitted");
    assert_eq!(article["byline"][0]["name"], "Marta Lindqvist");
    assert!(
        article["byline"][0]["printed_bio"]
            .as_str()
            .unwrap()
            .starts_with("Marta Lindqvist is a senior fellow")
    );
    let marta = d.json(Some("Eddie"), &["contributor", "show", "Marta Lindqvist"]);
    assert_eq!(marta["kind"], "guest");
    let second = &v["files"][1]["imported"]["contributors"];
    assert_eq!(second[0]["name"], "Ana Pereira");
    assert_eq!(second[1]["name"], "Tomasz Wójcik");
    assert_eq!(second[1]["created"], true);
}

#[test]
fn a_contributor_on_file_keeps_their_bio_unless_the_update_is_accepted() {
    let d = TestDesk::staffed();
    let md = d.write("grid.md", JANE_MD.as_bytes());
    let md = md.to_str().unwrap();
    let v = d.json(Some("Eddie"), &["import", md]);
    let byline = &v["files"][0]["recognised"]["byline"][0];
    assert_eq!(byline["existing"]["matched_by"], "email");
    assert_eq!(byline["existing"]["bio_differs"], true);
    let jane = d.json(Some("Eddie"), &["contributor", "show", "Jane Roe"]);
    assert_eq!(
        jane["bio"],
        "Jane Roe is a senior fellow at the Institute of Things."
    );
    let id = v["files"][0]["imported"]["article_id"].as_str().unwrap();
    let article = d.json(Some("Eddie"), &["article", "show", id]);
    assert_eq!(article["byline"][0]["bio_is_own"], true);
    assert!(
        article["byline"][0]["printed_bio"]
            .as_str()
            .unwrap()
            .contains("former grid engineer")
    );
    // The text said it: the human report offers the update.
    let text = d.ok(Some("Eddie"), &["import", "--dry-run", md]);
    assert!(text.contains("--update-bios"), "{text}");
    assert!(
        text.contains("Institute of Things{+ and a former grid engineer+}."),
        "{text}"
    );

    let v = d.json(Some("Eddie"), &["import", "--update-bios", md]);
    assert_eq!(
        v["files"][0]["imported"]["contributors"][0]["profile_bio_updated"],
        true
    );
    let jane = d.json(Some("Eddie"), &["contributor", "show", "Jane Roe"]);
    assert!(
        jane["bio"]
            .as_str()
            .unwrap()
            .contains("former grid engineer")
    );
}

#[test]
fn a_refused_file_writes_nothing_and_the_others_still_import() {
    let d = TestDesk::staffed();
    let empty = d.write("empty.txt", b"");
    let binary = d.write(
        "photo.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
    );
    let sahel = fixture("sahel-water.txt");
    let o = d.run(
        Some("Eddie"),
        &[
            "--json",
            "import",
            empty.to_str().unwrap(),
            &sahel,
            binary.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert_eq!(
        o.stderr.trim(),
        "error: 2 of 3 files were refused",
        "{}",
        o.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let report = &v["report"];
    assert_eq!(report["imported"], 1);
    assert_eq!(report["files"][0]["error"]["code"], "bad_file");
    assert_eq!(report["files"][0]["error"]["message"], "empty.txt is empty");
    assert!(
        report["files"][2]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("photo.txt is binary"),
        "{report}"
    );
    let listed = d.json(Some("Eddie"), &["article", "list", "--state", "submitted"]);
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
}

#[test]
fn a_dry_run_and_a_contributor_change_nothing() {
    let d = TestDesk::staffed();
    let before = d.fingerprint();
    let sahel = fixture("sahel-water.txt");
    let text = d.ok(Some("Eddie"), &["import", "--dry-run", &sahel]);
    assert!(text.contains("would be imported"), "{text}");
    assert!(
        text.lines().any(|l| {
            let l = l.trim();
            l.starts_with("dropped") && l.ends_with(" Check Also")
        }),
        "{text}"
    );
    let message = d.fails(Some("jane"), &["import", &sahel]);
    assert!(message.contains("may not import submissions"), "{message}");
    assert_eq!(d.fingerprint(), before);
}
