//! Scheduling and publishing from the terminal: section slots, `article move … schedule`, the
//! calendar, `publish-due` as cron runs it, the jobs, the site and the iCalendar export; and every
//! bad input refused with one line, the desk unchanged.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use common::{TestDesk, assert_one_line_failure, str_of, words};
use serde_json::Value;

const EDITOR: Option<&str> = Some("Eddie");
const CHIEF: Option<&str> = Some("Claire");

/// An Opinion piece by Jane Roe, approved by Eddie; returns its id.
fn approved(d: &TestDesk, headline: &str) -> String {
    let body = d.write("body.md", words(700).as_bytes());
    let id = d.new_article(
        "jane",
        &[
            "--headline",
            headline,
            "--standfirst",
            "Why it matters",
            "--section",
            "Opinion",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    d.ok(Some("jane"), &["article", "move", &id, "submit"]);
    d.ok(EDITOR, &["article", "move", &id, "claim"]);
    d.ok(EDITOR, &["article", "move", &id, "approve"]);
    id
}

fn instant(v: &Value) -> DateTime<Utc> {
    let text = v.as_str().unwrap_or_else(|| panic!("not a time: {v}"));
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .with_timezone(&Utc)
}

fn rfc(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

/// The time as typed in the desk's zone (Paris), "2026-12-01 08:00".
fn in_paris(t: DateTime<Utc>) -> String {
    t.with_timezone(&Paris).format("%Y-%m-%d %H:%M").to_string()
}

fn state_of(d: &TestDesk, id: &str) -> String {
    str_of(&d.json(EDITOR, &["article", "show", id]), "state").to_string()
}

/// A time to schedule at: noon in Paris, two days from now (never near a clock change).
fn in_two_days() -> DateTime<Utc> {
    let day = (Utc::now() + Duration::days(2))
        .with_timezone(&Paris)
        .date_naive();
    let noon = day.and_hms_opt(12, 0, 0).expect("noon");
    Paris
        .from_local_datetime(&noon)
        .single()
        .expect("noon exists once")
        .with_timezone(&Utc)
}

/// The HTML pages under the site's articles folder.
fn article_pages(site: &std::path::Path) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(site.join("articles")) else {
        return Vec::new();
    };
    dir.map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("page"))
        .collect()
}

#[test]
fn a_working_day_from_slot_to_site() {
    let d = TestDesk::staffed();
    let site = d.path("public");

    // The chief sets the desk up for publishing.
    d.ok(
        CHIEF,
        &[
            "settings",
            "set",
            "publish-folder",
            site.to_str().expect("utf-8"),
        ],
    );
    d.ok(
        CHIEF,
        &[
            "settings",
            "set",
            "site-url",
            "https://meridian.example.org/",
        ],
    );
    let out = d.ok(
        CHIEF,
        &[
            "settings",
            "set",
            "section",
            "Opinion",
            "--slot",
            "Mon-Fri 08:00",
        ],
    );
    assert!(out.contains("Mon-Fri 08:00"), "{out}");
    let s = d.json(EDITOR, &["settings", "show"]);
    assert_eq!(s["publish_folder"], site.to_str().expect("utf-8"));
    assert_eq!(s["site_url"], "https://meridian.example.org/");
    let opinion = s["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|x| x["name"] == "Opinion")
        .expect("Opinion")
        .clone();
    assert_eq!(
        opinion["slots"],
        serde_json::json!([
            "Mon 08:00",
            "Tue 08:00",
            "Wed 08:00",
            "Thu 08:00",
            "Fri 08:00"
        ])
    );
    // Word limits stay as they were when only the slots change.
    assert_eq!(opinion["min_words"], 500);
    assert_eq!(opinion["max_words"], 1500);
    let shown = d.ok(EDITOR, &["settings", "show"]);
    assert!(shown.contains("publish folder"), "{shown}");
    assert!(shown.contains("Mon-Fri 08:00"), "{shown}");

    // The editor schedules an approved piece into the section's next free slot.
    let id = approved(&d, "Water, not weapons");
    let a = d.json(
        EDITOR,
        &[
            "article",
            "move",
            &id,
            "schedule",
            "--slot",
            "next",
            "--note",
            "first free slot",
        ],
    );
    assert_eq!(a["state"], "scheduled");
    let due = instant(&a["scheduled_at"]);
    assert!(due > Utc::now());
    let local = due.with_timezone(&Paris);
    assert_eq!(local.format("%H:%M").to_string(), "08:00", "{local}");
    assert!(
        !["Sat", "Sun"].contains(&local.format("%a").to_string().as_str()),
        "{local}"
    );

    // The calendar shows it, in both forms, and its slot is no longer free.
    let cal = d.json(EDITOR, &["calendar", "list"]);
    let entries = cal["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "{cal}");
    assert_eq!(entries[0]["article_id"], id.as_str());
    assert_eq!(entries[0]["state"], "scheduled");
    assert_eq!(entries[0]["conflict"], false);
    assert_eq!(instant(&entries[0]["at"]), due);
    assert_eq!(entries[0]["byline"][0]["name"], "Jane Roe");
    let free = cal["free_slots"].as_array().expect("free slots");
    assert!(!free.is_empty());
    assert!(free.iter().all(|f| instant(&f["at"]) != due), "{cal}");
    let from = in_paris(due - Duration::days(1));
    let to = in_paris(due + Duration::days(1));
    let text = d.ok(EDITOR, &["calendar", "list", "--from", &from, "--to", &to]);
    let line = text
        .lines()
        .find(|l| l.contains("Water, not weapons"))
        .unwrap_or_else(|| panic!("{text}"));
    for part in [
        local.format("%Y-%m-%d 08:00 CE").to_string().as_str(),
        "scheduled",
        "Opinion",
        "Jane Roe",
    ] {
        assert!(line.contains(part), "{part} in {line}");
    }
    assert!(!line.contains("⚠"), "{line}");
    assert!(text.contains("free slots"), "{text}");

    // Cron runs a minute early: nothing is due.
    let early = d.ok(
        None,
        &["publish-due", "--now", &rfc(due - Duration::minutes(1))],
    );
    assert!(early.contains("nothing was due"), "{early}");
    assert_eq!(state_of(&d, &id), "scheduled");
    assert!(article_pages(&site).is_empty());
    let pending = d.json(EDITOR, &["jobs", "list", "--state", "pending"]);
    assert_eq!(pending["items"].as_array().expect("items").len(), 1);

    // The machine was off: the run 2 h 5 min after the slot publishes it, flagged late. --now is
    // typed in the desk's zone here.
    let late = due + Duration::minutes(125);
    let report = d.ok(None, &["publish-due", "--now", &in_paris(late)]);
    assert!(report.contains("published"), "{report}");
    assert!(report.contains("Water, not weapons"), "{report}");
    assert!(report.contains("late by 2 h 5 min"), "{report}");
    let again = d.json(None, &["publish-due", "--now", &rfc(late)]);
    assert_eq!(again["done"], serde_json::json!([]), "published once");
    let a = d.json(EDITOR, &["article", "show", &id]);
    assert_eq!(a["state"], "published");
    assert_eq!(instant(&a["published_at"]), late);
    let pages = article_pages(&site);
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("Water, not weapons"));
    assert!(site.join("index.html").exists());

    let done = d.json(EDITOR, &["jobs", "list", "--state", "done"]);
    let items = done["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{done}");
    assert_eq!(items[0]["article_id"], id.as_str());
    assert_eq!(items[0]["state"], "done");
    assert_eq!(items[0]["late_ms"], 125 * 60 * 1000);
    assert_eq!(instant(&items[0]["due_at"]), due);
    assert!(done["next"].is_null());
    let text = d.ok(EDITOR, &["jobs", "list"]);
    assert!(text.contains("late by 2 h 5 min"), "{text}");

    // The calendar as iCalendar: the publication at its UTC instant.
    let ics = d.path("meridian.ics");
    let out = d.ok(EDITOR, &["export", "ics", ics.to_str().expect("utf-8")]);
    assert!(out.contains("wrote 1 event"), "{out}");
    let text = std::fs::read_to_string(&ics).expect("ics written");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    let start = format!("DTSTART:{}", late.format("%Y%m%dT%H%M%SZ"));
    assert!(text.contains(&start), "{start} in {text}");
    assert!(text.contains("Water\\, not weapons"), "{text}");
    // Exported again over the old file, whole, with nothing left beside it.
    d.ok(EDITOR, &["export", "ics", ics.to_str().expect("utf-8")]);
    let leftovers: Vec<_> = std::fs::read_dir(d.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    // The whole site again from the desk.
    std::fs::remove_dir_all(&site).expect("site removed");
    let built = d.json(EDITOR, &["site", "build"]);
    assert!(built["pages"].as_u64().expect("pages") >= 2, "{built}");
    assert_eq!(article_pages(&site).len(), 1);
    let text = d.ok(EDITOR, &["site", "build"]);
    assert!(
        text.starts_with("wrote ") && text.contains("public"),
        "{text}"
    );
}

#[test]
fn two_pieces_in_one_slot_are_both_flagged() {
    let d = TestDesk::staffed();
    let at = in_paris(in_two_days());
    for headline in ["First take", "Second take"] {
        let id = approved(&d, headline);
        let out = d.ok(EDITOR, &["article", "move", &id, "schedule", "--at", &at]);
        assert!(out.contains("scheduled for"), "{out}");
    }
    let text = d.ok(EDITOR, &["calendar", "list"]);
    let flagged = text.lines().filter(|l| l.contains("⚠ shares its slot"));
    assert_eq!(flagged.count(), 2, "{text}");
    let cal = d.json(EDITOR, &["calendar", "list"]);
    let conflicts: Vec<&Value> = cal["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["conflict"])
        .collect();
    assert_eq!(conflicts, [&Value::Bool(true), &Value::Bool(true)]);
    // No section has slots yet, so there are none free.
    assert_eq!(cal["free_slots"], serde_json::json!([]));
}

#[test]
fn a_failed_job_fails_the_run_after_the_report_and_is_retried() {
    let d = TestDesk::staffed();
    let site = d.path("site");
    d.ok(
        CHIEF,
        &[
            "settings",
            "set",
            "publish-folder",
            site.to_str().expect("utf-8"),
        ],
    );
    let id = approved(&d, "Against the odds");
    let due = in_two_days();
    d.ok(
        EDITOR,
        &["article", "move", &id, "schedule", "--at", &rfc(due)],
    );
    // Something took the publish folder's place.
    std::fs::remove_dir(&site).expect("folder removed");
    std::fs::write(&site, b"not a folder").expect("file written");

    let args = ["publish-due", "--now", &rfc(due + Duration::minutes(1))];
    let o = d.run(None, &args);
    assert_one_line_failure(&args, &o);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("a publishing job failed"), "{}", o.stderr);
    assert!(o.stderr.contains("Against the odds"), "{}", o.stderr);
    assert!(o.stdout.contains("failed"), "{}", o.stdout);
    assert!(o.stdout.contains("tried again later"), "{}", o.stdout);
    assert_eq!(state_of(&d, &id), "scheduled");

    // With --json the error object carries the report.
    let args = [
        "--json",
        "publish-due",
        "--now",
        &rfc(due + Duration::minutes(10)),
    ];
    let o = d.run(None, &args);
    assert_one_line_failure(&args, &o);
    let v: Value = serde_json::from_str(&o.stdout).expect("one JSON value");
    assert_eq!(v["error"]["code"], "publish_failed");
    assert_eq!(v["report"]["failed"][0]["article_id"], id.as_str());
    assert!(v["report"]["failed"][0]["error"].is_string());

    let failed = d.json(EDITOR, &["jobs", "list", "--state", "failed"]);
    let job = str_of(&failed["items"][0], "id").to_string();
    assert_eq!(failed["items"][0]["attempts"], 2);
    let text = d.ok(EDITOR, &["jobs", "list", "--state", "failed"]);
    assert!(text.contains("next try"), "{text}");

    // The folder is put right; the editor retries, and the next run publishes.
    std::fs::remove_file(&site).expect("file removed");
    let retried = d.json(EDITOR, &["jobs", "retry", &job]);
    // Due again at once, or at its own time if that is later (never before it).
    assert!(
        instant(&retried["next_try_at"]) <= Utc::now().max(due),
        "{retried}"
    );
    let text = d.ok(EDITOR, &["jobs", "retry", &job]);
    assert!(
        text.contains("due again at "),
        "its own time is still to come: {text}"
    );
    let report = d.json(
        None,
        &["publish-due", "--now", &rfc(due + Duration::minutes(20))],
    );
    assert_eq!(report["done"][0]["article_id"], id.as_str());
    assert_eq!(report["failed"], serde_json::json!([]));
    assert_eq!(state_of(&d, &id), "published");
    assert_eq!(article_pages(&site).len(), 1);
    let why = d.fails(EDITOR, &["jobs", "retry", &job]);
    assert!(why.contains("only a failed job is retried"), "{why}");
}

/// Runs a command that must fail with exit `code`, checks the desk did not change, and returns
/// the message.
fn refused(d: &TestDesk, before: &str, code: i32, user: Option<&str>, args: &[&str]) -> String {
    let o = d.run(user, args);
    assert_one_line_failure(args, &o);
    assert_eq!(o.code, code, "{args:?}: {}", o.stderr);
    assert!(o.stdout.is_empty(), "{args:?}: {}", o.stdout);
    assert_eq!(d.fingerprint(), before, "{args:?} changed the desk");
    o.stderr
        .trim_end()
        .trim_start_matches("error: ")
        .to_string()
}

#[test]
fn bad_scheduling_input_is_refused_and_changes_nothing() {
    let d = TestDesk::staffed();
    let id = approved(&d, "Still approved");
    let body = d.write("short.md", words(700).as_bytes());
    let submitted = d.new_article(
        "jane",
        &[
            "--headline",
            "Only submitted",
            "--section",
            "Opinion",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    d.ok(Some("jane"), &["article", "move", &submitted, "submit"]);
    let before = d.fingerprint();
    let schedule = |at: &str| ["article", "move", &id, "schedule", "--at", at].map(String::from);
    let run = |args: &[String], code: i32| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(&d, &before, code, EDITOR, &args)
    };

    // Times: one the clocks skip, one they repeat, one past, and one that is no time at all.
    let why = run(&schedule("2030-03-31 02:30"), 1);
    assert!(why.contains("does not exist in Europe/Paris"), "{why}");
    let why = run(&schedule("2030-10-27 02:30"), 1);
    assert!(why.contains("happens twice"), "{why}");
    let why = run(&schedule("2020-01-01 08:00"), 1);
    assert!(
        why.contains("has passed: choose a time still to come"),
        "{why}"
    );
    let why = run(&schedule("next tuesday"), 1);
    assert!(why.contains("is not a time"), "{why}");
    // No slots in the section, so no next free one.
    let slot = ["article", "move", &id, "schedule", "--slot", "next"].map(String::from);
    let why = run(&slot, 1);
    assert!(why.contains("no free publication slot"), "{why}");
    // A piece that is not approved.
    let at = in_paris(in_two_days());
    let not_approved = ["article", "move", &submitted, "schedule", "--at", &at].map(String::from);
    let why = run(&not_approved, 1);
    assert!(why.contains("cannot schedule"), "{why}");
    assert!(why.contains("approved"), "{why}");
    // A contributor schedules nothing.
    let args = ["article", "move", &id, "schedule", "--at", &at];
    let why = refused(&d, &before, 1, Some("jane"), &args);
    assert!(why.contains("schedule"), "{why}");
    assert_eq!(state_of(&d, &id), "approved");

    // Malformed command lines: exit 2.
    let why = run(&["article", "move", &id, "schedule"].map(String::from), 2);
    assert!(why.contains("--at"), "{why}");
    let why = run(
        &["article", "move", &id, "unschedule", "--at", &at].map(String::from),
        2,
    );
    assert!(why.contains("go with schedule"), "{why}");
    let why = run(
        &["article", "move", &id, "schedule", "--slot", "first"].map(String::from),
        2,
    );
    assert!(why.contains("first"), "{why}");
    let why = run(
        &[
            "article", "move", &id, "schedule", "--at", &at, "--slot", "next",
        ]
        .map(String::from),
        2,
    );
    assert!(why.contains("cannot be used with"), "{why}");
    // `publish` stays the scheduler's.
    let why = run(&["article", "move", &id, "publish"].map(String::from), 1);
    assert!(why.contains("scheduler"), "{why}");
    assert_eq!(state_of(&d, &id), "approved");
}

#[test]
fn bad_settings_are_refused_and_change_nothing() {
    let d = TestDesk::staffed();
    d.ok(
        CHIEF,
        &[
            "settings",
            "set",
            "section",
            "Opinion",
            "--slot",
            "Mon-Fri 08:00",
        ],
    );
    let before = d.fingerprint();

    let why = refused(
        &d,
        &before,
        1,
        CHIEF,
        &["settings", "set", "timezone", "Mars/Olympus_Mons"],
    );
    assert!(why.contains("unknown time zone"), "{why}");
    // A slot that does not parse, among good ones: neither the slots nor the limits change.
    let why = refused(
        &d,
        &before,
        1,
        CHIEF,
        &[
            "settings",
            "set",
            "section",
            "Opinion",
            "--max-words",
            "900",
            "--slot",
            "Sat 10:00",
            "--slot",
            "Funday 25:00",
        ],
    );
    assert!(why.contains("is not a slot"), "{why}");
    assert!(why.contains("Funday"), "{why}");
    // Nor is a new section created with it.
    let why = refused(
        &d,
        &before,
        1,
        CHIEF,
        &["settings", "set", "section", "Culture", "--slot", "Mon 8am"],
    );
    assert!(why.contains("is not a slot"), "{why}");
    // Only the chief sets slots.
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &["settings", "set", "section", "Opinion", "--no-slots"],
    );
    assert!(why.contains("may not change the desk's sections"), "{why}");
    // A publish folder under a file cannot be created.
    let file = d.write("plain.txt", b"x");
    let under = file.join("site");
    let why = refused(
        &d,
        &before,
        1,
        CHIEF,
        &[
            "settings",
            "set",
            "publish-folder",
            under.to_str().expect("utf-8"),
        ],
    );
    assert!(why.contains("cannot be created"), "{why}");
    let why = refused(
        &d,
        &before,
        1,
        CHIEF,
        &["settings", "set", "site-url", "meridian"],
    );
    assert!(why.contains("not a web address"), "{why}");

    // --no-slots clears them.
    let s = d.json(
        CHIEF,
        &["settings", "set", "section", "Opinion", "--no-slots"],
    );
    let opinion = s["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|x| x["name"] == "Opinion")
        .expect("Opinion")
        .clone();
    assert_eq!(opinion["slots"], serde_json::json!([]));
}

#[test]
fn bad_windows_files_and_times_are_refused() {
    let d = TestDesk::staffed();
    let id = approved(&d, "On the calendar");
    d.ok(
        EDITOR,
        &[
            "article",
            "move",
            &id,
            "schedule",
            "--at",
            &in_paris(in_two_days()),
        ],
    );
    let before = d.fingerprint();

    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &[
            "calendar",
            "list",
            "--from",
            "2026-12-10",
            "--to",
            "2026-12-01",
        ],
    );
    assert!(why.contains("--from") && why.contains("--to"), "{why}");
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &[
            "calendar",
            "list",
            "--from",
            "2026-12-01",
            "--to",
            "2027-06-01",
        ],
    );
    assert!(why.contains("at most 100 days"), "{why}");
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &["calendar", "list", "--from", "someday"],
    );
    assert!(why.contains("is not a time"), "{why}");
    let why = refused(&d, &before, 1, Some("jane"), &["calendar", "list"]);
    assert!(why.contains("calendar"), "{why}");

    // The export: a window backwards, a folder for a file, a folder that does not exist.
    let ics = d.path("cal.ics");
    let ics = ics.to_str().expect("utf-8");
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &[
            "export",
            "ics",
            ics,
            "--from",
            "2026-12-10 08:00",
            "--to",
            "2026-12-10 07:00",
        ],
    );
    assert!(why.contains("--from"), "{why}");
    assert!(!d.path("cal.ics").exists());
    let folder = d.dir.path().to_str().expect("utf-8").to_string();
    let why = refused(&d, &before, 1, EDITOR, &["export", "ics", &folder]);
    assert!(why.contains("is a folder"), "{why}");
    let missing = d.path("nowhere/cal.ics");
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &["export", "ics", missing.to_str().expect("utf-8")],
    );
    assert!(why.contains("does not exist"), "{why}");

    // The scheduler's clock and the jobs.
    let why = refused(&d, &before, 1, None, &["publish-due", "--now", "soon"]);
    assert!(why.contains("is not a time"), "{why}");
    let why = refused(
        &d,
        &before,
        1,
        None,
        &["publish-due", "--now", "2030-03-31 02:30"],
    );
    assert!(why.contains("does not exist"), "{why}");
    let why = refused(
        &d,
        &before,
        1,
        EDITOR,
        &["jobs", "list", "--state", "stuck"],
    );
    assert!(why.contains("unknown job state “stuck”"), "{why}");
    assert!(
        why.contains("pending, running, done, failed, cancelled"),
        "{why}"
    );
    let why = refused(&d, &before, 1, EDITOR, &["jobs", "retry", "no-such-job"]);
    assert!(why.contains("no-such-job"), "{why}");
    let why = refused(&d, &before, 1, Some("jane"), &["jobs", "list"]);
    assert!(why.contains("jobs"), "{why}");
    let why = refused(&d, &before, 1, Some("jane"), &["site", "build"]);
    assert!(why.contains("rebuild"), "{why}");
    assert_eq!(state_of(&d, &id), "scheduled");
}

/// The WordPress target from the terminal, against the real WordPress that
/// scripts/with-wordpress.sh starts (make test does): the password read from standard input, kept
/// in a 0600 file beside the desk (the keyring is off in these tests; tests/keyring.rs has one) and
/// never printed or stored in the desk file; the connection
/// tested in words; a wrong password refused with WordPress's reason.
#[test]
fn the_wordpress_target_is_set_from_stdin_tested_and_its_password_never_shown() {
    let env = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} is not set: run the tests through scripts/with-wordpress.sh")
        })
    };
    let (url, user, password) = (
        env("COPYDESK_TEST_WP_URL"),
        env("COPYDESK_TEST_WP_USER"),
        env("COPYDESK_TEST_WP_PASSWORD"),
    );
    let d = TestDesk::staffed();
    let set = [
        "settings",
        "set",
        "target",
        "wordpress",
        "--url",
        &url,
        "--user",
        &user,
    ];
    let o = d.run_with_stdin(EDITOR, &set, format!("{password}\n").as_bytes());
    assert_ne!(o.code, 0, "only the chief changes where pieces go");
    let o = d.run_with_stdin(CHIEF, &set, format!("{password}\n").as_bytes());
    assert_eq!(o.code, 0, "{}{}", o.stderr, o.stdout);
    assert!(
        o.stdout.contains(&format!("WordPress at {url}/ as {user}")),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains(&format!(
            "its application password kept in {} (readable only by its owner)",
            d.path("desk.db.wordpress-password").display()
        )),
        "{}",
        o.stdout
    );
    for shown in [&o.stdout, &o.stderr] {
        assert!(!shown.contains(&password), "the password is never printed");
    }
    let settings = d.json(CHIEF, &["settings", "show"]);
    assert_eq!(settings["target"]["kind"], "wordpress");
    assert_eq!(settings["target"]["password_saved"], true);
    assert!(!settings.to_string().contains(&password));

    let file = d.path("desk.db.wordpress-password");
    let kept = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    assert_eq!(kept, password);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only its owner reads it");
    }
    let db = std::fs::read(&d.db).unwrap();
    assert!(
        !db.windows(password.len()).any(|w| w == password.as_bytes()),
        "the password is not in the desk file"
    );

    let tested = d.ok(EDITOR, &["settings", "test-target"]);
    assert!(tested.contains("who can publish posts"), "{tested}");

    let o = d.run_with_stdin(CHIEF, &set, b"not the password\n");
    assert_eq!(o.code, 0, "{}", o.stderr);
    let why = d.fails(EDITOR, &["settings", "test-target"]);
    assert!(
        why.contains(&format!("does not accept the user “{user}”")),
        "{why}"
    );

    d.ok(CHIEF, &["settings", "set", "target", "folder"]);
    assert!(!file.exists(), "a password no longer used does not linger");
    assert_eq!(
        d.json(CHIEF, &["settings", "show"])["target"]["kind"],
        "folder"
    );
}

/// `article diff ID --submitted --published`: the piece as the writer sent it against the piece
/// as readers have it, word by word; a milestone not reached yet is refused in words.
#[test]
fn the_piece_as_submitted_compares_with_the_piece_as_published() {
    let d = TestDesk::staffed();
    let id = approved(&d, "Wells before walls");
    let why = d.fails(
        EDITOR,
        &["article", "diff", &id, "--submitted", "--published"],
    );
    assert!(why.contains("has not been published"), "{why}");
    let due = in_two_days();
    d.ok(
        EDITOR,
        &["article", "move", &id, "schedule", "--at", &rfc(due)],
    );
    d.ok(
        None,
        &["publish-due", "--now", &rfc(due + Duration::minutes(1))],
    );
    let live = d.json(EDITOR, &["article", "show", &id]);
    let body = d.write(
        "fixed.md",
        format!("{}\n\nA corrected ending.", str_of(&live, "body")).as_bytes(),
    );
    let version = live["version"].to_string();
    d.ok(
        EDITOR,
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            &version,
            "--body-file",
            body.to_str().unwrap(),
        ],
    );
    d.ok(
        EDITOR,
        &[
            "article",
            "move",
            &id,
            "republish",
            "--note",
            "The ending was corrected.",
        ],
    );
    let text = d.ok(
        EDITOR,
        &["article", "diff", &id, "--submitted", "--published"],
    );
    assert!(
        text.contains("{+A corrected ending.+}") || text.contains("{+A+}"),
        "{text}"
    );
    assert!(text.contains("corrected"), "{text}");
    let why = d.fails(EDITOR, &["article", "diff", &id, "--submitted"]);
    assert!(why.contains("name two texts to compare"), "{why}");
}
