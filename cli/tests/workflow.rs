//! The desk's whole workflow driven through the command line, as a small newsroom would.

mod common;

use common::{TestDesk, str_of, words};

#[test]
fn a_piece_goes_from_draft_to_published() {
    let d = TestDesk::staffed();
    let body = d.write("body.md", words(40).as_bytes());
    let body = body.to_str().expect("utf-8 path");

    // The author writes; with no --byline a contributor account is put on its own byline.
    let id = d.new_article(
        "jane",
        &[
            "--headline",
            "Why the treaty matters",
            "--body-file",
            body,
            "--section",
            "News",
        ],
    );
    let a = d.json(Some("jane"), &["article", "show", &id]);
    assert_eq!(a["state"], "draft");
    assert_eq!(a["byline"][0]["name"], "Jane Roe");
    d.ok(Some("jane"), &["article", "move", &id, "submit"]);

    // The editor claims it and asks for changes, with a note the author reads.
    d.ok(Some("Eddie"), &["article", "move", &id, "claim"]);
    let a = d.json(Some("Eddie"), &["article", "show", &id]);
    assert_eq!(a["state"], "in_review");
    assert_eq!(a["assigned_editor"], "Eddie");
    d.ok(
        Some("Eddie"),
        &[
            "article",
            "move",
            &id,
            "request-changes",
            "--note",
            "Please add a standfirst",
        ],
    );
    let notes = d.ok(Some("jane"), &["note", "list", &id]);
    assert!(notes.contains("Please add a standfirst"), "{notes}");

    // The author fixes it on the version they read, and resubmits.
    let v = d.json(Some("jane"), &["article", "show", &id])["version"]
        .as_i64()
        .expect("version");
    let saved = d.json(
        Some("jane"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            &v.to_string(),
            "--standfirst",
            "A short one",
        ],
    );
    assert_eq!(saved["version"], v + 1);
    d.ok(Some("jane"), &["article", "move", &id, "resubmit"]);

    // Approval is refused while the piece is too short for News, and says so.
    d.ok(Some("Eddie"), &["article", "move", &id, "claim"]);
    let checks = d.ok(Some("Eddie"), &["article", "checks", &id, "approve"]);
    assert!(checks.contains("too few for News"), "{checks}");
    assert!(checks.contains("✓ a standfirst"), "{checks}");
    let why = d.fails(Some("Eddie"), &["article", "move", &id, "approve"]);
    assert!(
        why.contains("cannot approve") && why.contains("News"),
        "{why}"
    );

    // The editor lengthens it and approves; the chief publishes.
    let long = d.write("long.md", words(300).as_bytes());
    let v = d.json(Some("Eddie"), &["article", "show", &id])["version"]
        .as_i64()
        .expect("version");
    d.ok(
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            &v.to_string(),
            "--body-file",
            long.to_str().expect("utf-8 path"),
        ],
    );
    let checks = d.json(Some("Eddie"), &["article", "checks", &id, "approve"]);
    assert_eq!(checks["allowed"], true, "{checks}");
    d.ok(Some("Eddie"), &["article", "move", &id, "approve"]);
    // Publishing is the chief's move: the editor is refused, the chief is not.
    let why = d.fails(Some("Eddie"), &["article", "move", &id, "publish-now"]);
    assert!(why.contains("may not publish now"), "{why}");
    let done = d.ok(Some("Claire"), &["article", "move", &id, "publish-now"]);
    assert!(done.contains("published"), "{done}");

    let a = d.json(Some("Claire"), &["article", "show", &id]);
    assert_eq!(a["state"], "published");
    assert_eq!(a["word_count"], 300);
    assert_eq!(a["approved_by"], "Eddie");
    assert!(a["published_at"].is_string());

    // Every move is in the audit log, newest first, with the note.
    let log = d.json(Some("Claire"), &["audit", "--article", &id]);
    // Compared as the command line spells actions; the core's JSON writes them in snake_case.
    let actions: Vec<String> = log["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| str_of(r, "action").replace('_', "-"))
        .collect();
    assert_eq!(
        actions,
        [
            "publish-now",
            "approve",
            "claim",
            "resubmit",
            "request-changes",
            "claim",
            "submit"
        ]
    );
    let human = d.ok(Some("Claire"), &["audit", "--article", &id]);
    assert!(human.contains("Please add a standfirst"), "{human}");
}

#[test]
fn history_diff_and_restore() {
    let d = TestDesk::staffed();
    let first = d.write("a.md", b"The old words stay here.");
    let id = d.new_article(
        "Eddie",
        &[
            "--headline",
            "Draft",
            "--byline",
            "Jane Roe",
            "--body-file",
            first.to_str().expect("utf-8 path"),
        ],
    );
    let second = d.write("b.md", b"The new words stay here.");
    d.ok(
        Some("Eddie"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "1",
            "--body-file",
            second.to_str().expect("utf-8 path"),
            "--autosave",
        ],
    );
    let history = d.json(Some("Eddie"), &["article", "history", &id]);
    let reasons: Vec<&str> = history["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| str_of(r, "reason"))
        .collect();
    assert_eq!(reasons, ["autosave", "save"]);

    let diff = d.ok(Some("Eddie"), &["article", "diff", &id, "1", "2"]);
    assert!(
        diff.contains("The [-old-]{+new+} words stay here."),
        "{diff}"
    );

    let restored = d.json(Some("Eddie"), &["article", "restore", &id, "1"]);
    assert_eq!(restored["body"], "The old words stay here.");
    assert_eq!(restored["version"], 3);
    let history = d.ok(Some("Eddie"), &["article", "history", &id]);
    assert!(history.contains("restore of #1"), "{history}");
}

#[test]
fn notes_thread_and_resolve() {
    let d = TestDesk::staffed();
    let id = d.new_article("jane", &["--headline", "Notes piece"]);
    let n = d.json(
        Some("Eddie"),
        &["note", "add", &id, "Check this figure", "--anchor", "42%"],
    );
    let note = str_of(&n, "id").to_string();
    d.ok(
        Some("jane"),
        &[
            "note",
            "add",
            &id,
            "It is from the 2025 survey",
            "--reply-to",
            &note,
        ],
    );
    let notes = d.json(Some("jane"), &["note", "list", &id]);
    let notes = notes.as_array().expect("array");
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1]["depth"], 1);
    d.ok(Some("Eddie"), &["note", "resolve", &note]);
    let listed = d.ok(Some("jane"), &["note", "list", &id]);
    assert!(listed.contains("[resolved by Eddie]"), "{listed}");
    assert!(listed.contains("on “42%”"), "{listed}");
}

#[test]
fn contributors_edit_show_merge_and_delete() {
    let d = TestDesk::staffed();
    d.ok(
        Some("Eddie"),
        &[
            "contributor",
            "add",
            "J. Roe",
            "--email",
            "jroe@example.org",
        ],
    );
    d.ok(
        Some("Eddie"),
        &[
            "contributor",
            "edit",
            "Jane Roe",
            "--bio",
            "Jane Roe writes on treaties.",
        ],
    );
    let c = d.json(Some("Eddie"), &["contributor", "show", "jane@example.org"]);
    assert_eq!(c["bio"], "Jane Roe writes on treaties.");
    assert_eq!(
        c["bio_history"][0]["bio"],
        "Jane Roe is a senior fellow at the Institute of Things."
    );
    let found = d.json(Some("Eddie"), &["contributor", "find", "jane"]);
    assert_eq!(found.as_array().expect("array").len(), 1);

    let id = d.new_article("Eddie", &["--headline", "By J", "--byline", "J. Roe"]);
    let why = d.fails(Some("Eddie"), &["contributor", "delete", "J. Roe"]);
    assert!(why.contains("merge"), "{why}");
    d.ok(
        Some("Eddie"),
        &["contributor", "merge", "J. Roe", "Jane Roe"],
    );
    let a = d.json(Some("Eddie"), &["article", "show", &id]);
    assert_eq!(a["byline"][0]["name"], "Jane Roe");

    d.ok(Some("Eddie"), &["contributor", "add", "Nobody Yet"]);
    d.ok(Some("Eddie"), &["contributor", "delete", "Nobody Yet"]);
    let list = d.json(Some("Eddie"), &["contributor", "list"]);
    assert_eq!(list["items"].as_array().expect("items").len(), 1);
}

#[test]
fn passphrases_come_from_the_environment() {
    let d = TestDesk::staffed();
    let mut cmd = d.command(Some("Claire"), &["user", "passphrase", "Eddie"]);
    cmd.env("COPYDESK_NEW_PASSPHRASE", "correct horse");
    let o = common::output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);

    let why = d.fails(Some("Eddie"), &["user", "list"]);
    assert!(why.contains("passphrase"), "{why}");
    let mut cmd = d.command(Some("Eddie"), &["user", "list"]);
    cmd.env("COPYDESK_PASSPHRASE", "wrong");
    let o = common::output(cmd);
    common::assert_one_line_failure(&["user", "list"], &o);
    let mut cmd = d.command(Some("Eddie"), &["user", "list"]);
    cmd.env("COPYDESK_PASSPHRASE", "correct horse");
    let o = common::output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("Eddie"));
}

#[test]
fn settings_and_search() {
    let d = TestDesk::staffed();
    d.ok(
        Some("Claire"),
        &[
            "settings",
            "set",
            "section",
            "Opinion",
            "--max-words",
            "1800",
        ],
    );
    let s = d.json(Some("Claire"), &["settings", "show"]);
    let opinion = s["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|x| x["name"] == "Opinion")
        .expect("Opinion")
        .clone();
    // Changing one limit keeps the other.
    assert_eq!(opinion["min_words"], 500);
    assert_eq!(opinion["max_words"], 1800);
    d.ok(
        Some("Claire"),
        &["settings", "set", "timezone", "America/New_York"],
    );
    assert_eq!(
        d.json(Some("Eddie"), &["settings", "show"])["timezone"],
        "America/New_York"
    );

    let body = d.write("b.md", "El señor Boussoís habló de la reforma.".as_bytes());
    d.new_article(
        "Eddie",
        &[
            "--headline",
            "A reform",
            "--byline",
            "Jane Roe",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    let hits = d.ok(Some("Eddie"), &["search", "senor boussois"]);
    assert!(
        hits.contains("[señor]") && hits.contains("[Boussoís]"),
        "{hits}"
    );
    let hits = d.json(Some("Eddie"), &["search", "fellow", "--contributors"]);
    assert_eq!(hits[0]["display_name"], "Jane Roe");
}

#[test]
fn times_are_typed_and_shown_in_the_desk_zone() {
    let d = TestDesk::staffed();
    let id = d.new_article(
        "Eddie",
        &["--headline", "Embargoed", "--embargo", "2031-12-01 08:00"],
    );
    let a = d.json(Some("Eddie"), &["article", "show", &id]);
    // 08:00 in Paris in winter is 07:00 UTC.
    assert!(
        str_of(&a, "embargo_until").starts_with("2031-12-01T07:00:00"),
        "{a}"
    );
    let shown = d.ok(Some("Eddie"), &["article", "show", &id]);
    assert!(shown.contains("2031-12-01 08:00 CET"), "{shown}");

    let why = d.fails(
        Some("Eddie"),
        &[
            "article",
            "new",
            "--headline",
            "Gap",
            "--embargo",
            "2031-03-30 02:30",
        ],
    );
    assert!(why.contains("does not exist in Europe/Paris"), "{why}");
    let why = d.fails(
        Some("Eddie"),
        &[
            "article",
            "new",
            "--headline",
            "Twice",
            "--embargo",
            "2031-10-26 02:30",
        ],
    );
    assert!(why.contains("+01:00"), "{why}");
    d.ok(
        Some("Eddie"),
        &[
            "article",
            "new",
            "--headline",
            "Twice",
            "--embargo",
            "2031-10-26 02:30 +01:00",
        ],
    );
}
