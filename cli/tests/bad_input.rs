//! The issue's "Bad input" list, each through the command line: a non-zero exit, one line on
//! stderr saying what was wrong, and a desk exactly as it was before.

mod common;

use common::{TestDesk, str_of, words};

/// A staffed desk with one submitted article, and the fingerprint to compare against.
fn desk_with_article() -> (TestDesk, String, String) {
    let d = TestDesk::staffed();
    let body = d.write("body.md", words(50).as_bytes());
    let id = d.new_article(
        "jane",
        &[
            "--headline",
            "A piece",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    d.ok(Some("jane"), &["article", "move", &id, "submit"]);
    let before = d.fingerprint();
    (d, id, before)
}

/// Runs a command that must fail, checks that nothing changed, and returns the message.
fn refused(d: &TestDesk, before: &str, user: Option<&str>, args: &[&str]) -> String {
    let why = d.fails(user, args);
    assert_eq!(d.fingerprint(), before, "{args:?} changed the desk");
    why
}

#[test]
fn unknown_user() {
    let (d, id, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("Nobody"),
        &["article", "move", &id, "claim"],
    );
    assert!(why.contains("no user matches “Nobody”"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["user", "role", "Nobody", "editor"],
    );
    assert!(why.contains("Nobody"), "{why}");
}

#[test]
fn unknown_role() {
    let (d, _, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["user", "add", "Zed", "--role", "boss"],
    );
    assert!(why.contains("unknown role “boss”"), "{why}");
    assert!(why.contains("contributor, editor, chief"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["user", "role", "Eddie", "king"],
    );
    assert!(why.contains("unknown role"), "{why}");
}

#[test]
fn unknown_time_zone() {
    let (d, _, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["settings", "set", "timezone", "Mars/Olympus_Mons"],
    );
    assert!(why.contains("unknown time zone"), "{why}");

    // A refused init leaves no database file behind.
    let fresh = TestDesk::empty();
    let why = fresh.fails(
        None,
        &[
            "init",
            "--desk",
            "X",
            "--tz",
            "Mars/Olympus_Mons",
            "--chief",
            "C",
        ],
    );
    assert!(why.contains("unknown time zone"), "{why}");
    assert!(!fresh.db.exists(), "init left a file behind");
}

#[test]
fn empty_headline() {
    let (d, id, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "new", "--headline", "  "],
    );
    assert!(why.contains("headline is empty"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "2",
            "--headline",
            "",
        ],
    );
    assert!(why.contains("headline is empty"), "{why}");
}

#[test]
fn body_over_one_megabyte() {
    let (d, id, before) = desk_with_article();
    let big = d.write("big.md", &vec![b'a'; 1024 * 1024 + 1]);
    let big = big.to_str().expect("utf-8 path");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "new", "--headline", "Big", "--body-file", big],
    );
    assert!(why.contains("1 MB"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "2",
            "--body-file",
            big,
        ],
    );
    assert!(why.contains("1 MB"), "{why}");
}

#[test]
fn byline_naming_nobody() {
    let (d, id, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "new",
            "--headline",
            "X",
            "--byline",
            "Nobody Atall",
        ],
    );
    assert!(
        why.contains("no contributor matches “Nobody Atall”"),
        "{why}"
    );
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "2",
            "--byline",
            "Ghost",
        ],
    );
    assert!(why.contains("Ghost"), "{why}");
}

#[test]
fn invalid_utf8_in_a_body_file() {
    let (d, id, before) = desk_with_article();
    let bad = d.write("latin1.md", b"Un caf\xe9 au lait");
    let bad = bad.to_str().expect("utf-8 path");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "new", "--headline", "X", "--body-file", bad],
    );
    assert!(why.contains("latin1.md"), "{why}");
    assert!(why.contains("not valid UTF-8"), "{why}");
    assert!(why.contains("offset 6"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "2",
            "--body-file",
            bad,
        ],
    );
    assert!(why.contains("offset 6"), "{why}");

    // The same from stdin.
    let o = d.run_with_stdin(
        Some("Eddie"),
        &["article", "new", "--headline", "X", "--body-file", "-"],
        b"ok\xff",
    );
    common::assert_one_line_failure(&["article", "new"], &o);
    assert!(
        o.stderr.contains("stdin") && o.stderr.contains("offset 2"),
        "{}",
        o.stderr
    );

    // A missing file is named.
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "new",
            "--headline",
            "X",
            "--body-file",
            "no-such.md",
        ],
    );
    assert!(why.contains("no-such.md"), "{why}");
    assert_eq!(d.fingerprint(), before);
}

#[test]
fn stale_base_version() {
    let (d, id, before) = desk_with_article();
    // The article is at version 2 (created, then submitted): an edit based on 1 is stale.
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "Mine",
        ],
    );
    assert!(why.contains("changed elsewhere"), "{why}");
    assert!(why.contains("version 2"), "{why}");

    // With --json, the error object carries the current text for the user to merge.
    let o = d.run(
        Some("Eddie"),
        &[
            "--json",
            "article",
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "Mine",
        ],
    );
    common::assert_one_line_failure(&["article", "edit"], &o);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON error");
    assert_eq!(v["error"]["code"], "conflict");
    assert_eq!(v["error"]["details"]["kind"], "conflict");
    assert_eq!(v["error"]["details"]["base_version"], 1);
    assert_eq!(v["error"]["details"]["current_version"], 2);
    assert_eq!(v["error"]["details"]["current"]["headline"], "A piece");
    assert_eq!(d.fingerprint(), before);
}

#[test]
fn a_transition_the_user_may_not_make() {
    let (d, id, before) = desk_with_article();
    let why = refused(
        &d,
        &before,
        Some("jane"),
        &["article", "move", &id, "claim"],
    );
    assert!(why.contains("jane may not claim"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "move", &id, "reopen", "--note", "why not"],
    );
    assert!(why.contains("may not reopen"), "{why}");
    // A move from the wrong state names the state.
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "move", &id, "approve"],
    );
    assert!(why.contains("cannot approve"), "{why}");
    // A note that is required but missing.
    d.ok(Some("Eddie"), &["article", "move", &id, "claim"]);
    let before = d.fingerprint();
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "move", &id, "reject"],
    );
    assert!(why.contains("no note saying why"), "{why}");
    // The scheduler's own move, a schedule without a time, and a move that does not exist.
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["article", "move", &id, "publish"],
    );
    assert!(why.contains("scheduler"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["article", "move", &id, "schedule"],
    );
    assert!(why.contains("schedule needs a time"), "{why}");
    let why = refused(
        &d,
        &before,
        Some("Claire"),
        &["article", "move", &id, "fly"],
    );
    assert!(why.contains("unknown action"), "{why}");
}

#[test]
fn a_cursor_that_the_cli_did_not_issue() {
    let (d, _, before) = desk_with_article();
    for _ in 0..3 {
        d.new_article("Eddie", &["--headline", "Filler"]);
    }
    let before_more = d.fingerprint();
    assert_ne!(before, before_more);
    let page = d.json(Some("Eddie"), &["article", "list", "--limit", "2"]);
    let real = str_of(&page, "next").to_string();

    let mut forged = real.clone();
    let last = forged.pop().expect("non-empty");
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let contributors_cursor = {
        d.ok(Some("Eddie"), &["contributor", "add", "Second Person"]);
        let p = d.json(Some("Eddie"), &["contributor", "list", "--limit", "1"]);
        str_of(&p, "next").to_string()
    };
    let before = d.fingerprint();
    for cursor in ["bogus", "", &forged, &contributors_cursor] {
        let why = refused(
            &d,
            &before,
            Some("Eddie"),
            &["article", "list", "--limit", "2", "--after", cursor],
        );
        assert!(
            why.contains("was not issued for this list"),
            "{cursor}: {why}"
        );
    }
    // A cursor of one filter is not accepted for another.
    let why = refused(
        &d,
        &before,
        Some("Eddie"),
        &["article", "list", "--state", "draft", "--after", &real],
    );
    assert!(why.contains("was not issued"), "{why}");
    let why = refused(&d, &before, Some("Eddie"), &["audit", "--after", &real]);
    assert!(why.contains("was not issued"), "{why}");
}

#[test]
fn no_acting_user() {
    let (d, id, before) = desk_with_article();
    let why = refused(&d, &before, None, &["article", "move", &id, "claim"]);
    assert!(why.contains("--as"), "{why}");
}

#[test]
fn malformed_command_lines_fail_in_one_line() {
    let (d, _, before) = desk_with_article();
    for args in [
        &["article", "lst"][..],
        &["user", "add", "x"],
        &["article", "list", "--limit", "many"],
        &[],
        &["article"],
    ] {
        let o = d.run(Some("Claire"), args);
        common::assert_one_line_failure(args, &o);
        assert_eq!(o.code, 2, "{args:?}");
    }
    let o = d.run(Some("Claire"), &["--json", "user", "add", "x"]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON error");
    assert_eq!(v["error"]["code"], "usage");
    assert_eq!(d.fingerprint(), before);
}

#[test]
fn a_missing_desk_is_not_created_by_accident() {
    let d = TestDesk::empty();
    let why = d.fails(Some("Claire"), &["article", "list"]);
    assert!(why.contains("there is no desk at"), "{why}");
    assert!(!d.db.exists());
}
