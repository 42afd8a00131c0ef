//! Looking after the desk's file: init, backup, check.

mod common;

use common::TestDesk;

#[test]
fn backup_makes_a_checked_copy_and_never_overwrites() {
    let d = TestDesk::staffed();
    d.new_article("Eddie", &["--headline", "Keep me", "--byline", "Jane Roe"]);
    let copy = d.path("copy.db");
    let copy_arg = copy.to_str().expect("utf-8 path");
    let out = d.ok(Some("Claire"), &["backup", copy_arg]);
    assert!(out.contains("passed"), "{out}");
    assert!(copy.exists());
    assert!(!d.path("copy.db-wal").exists(), "the backup is one file");

    // The copy is a working desk with the same articles.
    let original = d.json(Some("Claire"), &["article", "list"]);
    let mut cmd = d.command(Some("Claire"), &["--json", "article", "list"]);
    cmd.env("COPYDESK_DB", &copy);
    let o = common::output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let copied: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON");
    assert_eq!(copied, original);

    let before = std::fs::read(&copy).expect("copy readable");
    let why = d.fails(Some("Claire"), &["backup", copy_arg]);
    assert!(why.contains("already exists"), "{why}");
    assert_eq!(std::fs::read(&copy).expect("copy readable"), before);
}

#[test]
fn check_says_ok_and_lists_what_is_wrong_with_a_damaged_file() {
    let d = TestDesk::staffed();
    d.new_article(
        "Eddie",
        &["--headline", "Zqxjv marker", "--byline", "Jane Roe"],
    );
    assert_eq!(d.ok(None, &["check"]).trim(), "ok");
    let v = d.json(None, &["check"]);
    assert_eq!(v["ok"], true);

    // Damage a copy: one letter of the article's slug, which is stored in the row and in the
    // slug index. Whichever copy is hit, the other no longer matches it.
    let copy = d.path("damaged.db");
    d.ok(None, &["backup", copy.to_str().expect("utf-8 path")]);
    let mut bytes = std::fs::read(&copy).expect("copy readable");
    let at = bytes
        .windows(12)
        .position(|w| w == b"zqxjv-marker")
        .expect("the slug is in the file");
    bytes[at + 1] = b'w';
    std::fs::write(&copy, &bytes).expect("copy written");

    let mut cmd = d.command(None, &["check"]);
    cmd.env("COPYDESK_DB", &copy);
    let o = common::output(cmd);
    common::assert_one_line_failure(&["check"], &o);
    assert!(o.stderr.contains("problem"), "{}", o.stderr);
    assert!(o.stdout.starts_with("integrity: "), "{}", o.stdout);

    let mut cmd = d.command(None, &["--json", "check"]);
    cmd.env("COPYDESK_DB", &copy);
    let o = common::output(cmd);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON error");
    assert_eq!(v["error"]["code"], "check_failed");
    assert!(
        !v["report"]["problems"]
            .as_array()
            .expect("problems")
            .is_empty()
    );
}

#[test]
fn init_refuses_a_second_time_and_leaves_the_desk_as_it_was() {
    let d = TestDesk::staffed();
    let before = d.fingerprint();
    let why = d.fails(
        None,
        &[
            "init",
            "--desk",
            "Again",
            "--tz",
            "Europe/Paris",
            "--chief",
            "Other",
        ],
    );
    assert!(why.contains("already set up"), "{why}");
    assert_eq!(d.fingerprint(), before);
    let s = d.json(Some("Claire"), &["settings", "show"]);
    assert_eq!(s["name"], "The Meridian");
    assert_eq!(s["timezone"], "Europe/Paris");
}

#[test]
fn the_default_desk_lives_in_the_data_folder() {
    let d = TestDesk::empty();
    let mut cmd = d.command(
        None,
        &[
            "init",
            "--desk",
            "Home",
            "--tz",
            "Europe/Paris",
            "--chief",
            "C",
        ],
    );
    cmd.env_remove("COPYDESK_DB");
    let o = common::output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(d.path("xdg/copydesk/desk.db").exists());
}

#[test]
fn bench_keep_leaves_the_benchmark_desk_and_names_it() {
    let d = TestDesk::empty();
    let dir = d.path("bench");
    let dir_arg = dir.to_str().expect("utf-8 path");
    let report = d.json(
        None,
        &["bench", "--articles", "40", "--dir", dir_arg, "--keep"],
    );
    assert_eq!(report["articles"], 40);
    let desk = std::path::PathBuf::from(report["desk"].as_str().expect("the desk's path"));
    assert!(desk.starts_with(&dir), "{desk:?} is not under {dir:?}");
    assert!(desk.is_file(), "{desk:?} was not kept");

    // The kept desk opens, with the bench's editor and its articles.
    let mut cmd = d.command(Some("Bench Editor"), &["--json", "article", "list"]);
    cmd.env("COPYDESK_DB", &desk);
    let o = common::output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let listed: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON");
    assert!(!listed["items"].as_array().expect("items").is_empty());

    // Without --keep nothing is left behind.
    let gone = d.path("gone");
    let report = d.json(
        None,
        &[
            "bench",
            "--articles",
            "40",
            "--dir",
            gone.to_str().expect("utf-8 path"),
        ],
    );
    assert!(report.get("desk").is_none(), "{report}");
    let left: Vec<_> = std::fs::read_dir(&gone).expect("dir").collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
