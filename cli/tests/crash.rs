//! The database survives `kill -9` at any instant: acknowledged saves stay, nothing is torn.
mod common;

use std::process::Stdio;
use std::time::Duration;

use common::TestDesk;

/// Kill points spread over a writer's life, from before it opens the file to mid-batch.
const KILL_AFTER_MS: &[u64] = &[0, 1, 3, 7, 15, 30, 60, 120, 250];

/// Starts `copydesk args` as `user` and kills it with SIGKILL after `ms` milliseconds. The delay
/// is fault injection: it picks where in the writer's life the kill lands.
fn kill_after(d: &TestDesk, user: Option<&str>, args: &[&str], ms: u64) {
    let mut child = d
        .command(user, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("copydesk starts");
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

/// `article edit ID --base-version V --body-file F`.
fn edit_args<'a>(id: &'a str, version: &'a str, file: &'a str) -> [&'a str; 7] {
    [
        "article",
        "edit",
        id,
        "--base-version",
        version,
        "--body-file",
        file,
    ]
}

fn assert_healthy(d: &TestDesk) {
    let o = d.run(None, &["check"]);
    assert_eq!(o.code, 0, "check after a kill: {}{}", o.stdout, o.stderr);
}

#[test]
fn a_desk_killed_while_it_is_being_filled_stays_whole() {
    for (i, ms) in KILL_AFTER_MS.iter().enumerate() {
        let d = TestDesk::empty();
        kill_after(&d, None, &["demo", "--articles", "200"], *ms);
        if !d.db.exists() {
            continue;
        }
        assert_healthy(&d);
        // Whatever got in is readable through the engine, history included.
        let chief = d.run(
            Some("Chief Editor"),
            &["--json", "article", "list", "--limit", "500"],
        );
        if chief.code == 0 {
            let list: serde_json::Value = serde_json::from_str(&chief.stdout).expect("json");
            for a in list["items"].as_array().expect("items").iter().take(5) {
                let id = a["id"].as_str().expect("id");
                d.ok(Some("Chief Editor"), &["article", "history", id]);
                d.ok(Some("Chief Editor"), &["article", "show", id]);
            }
        }
        eprintln!("kill {i} after {ms} ms: healthy");
    }
}

#[test]
fn acknowledged_saves_survive_a_killed_writer() {
    let d = TestDesk::staffed();
    let id = d.new_article(
        "Eddie",
        &["--headline", "Crash test", "--byline", "Jane Roe"],
    );
    for (round, ms) in KILL_AFTER_MS.iter().enumerate() {
        let shown = d.json(Some("Eddie"), &["article", "show", &id]);
        let version = shown["version"].as_i64().expect("version").to_string();
        // One save that completes…
        let acknowledged = format!("Acknowledged text, round {round}.");
        let file = d.write("body.md", acknowledged.as_bytes());
        d.ok(
            Some("Eddie"),
            &edit_args(&id, &version, file.to_str().expect("path")),
        );
        // …then one killed mid-flight, whose save may or may not have landed.
        let shown = d.json(Some("Eddie"), &["article", "show", &id]);
        let version = shown["version"].as_i64().expect("version").to_string();
        let file = d.write(
            "killed.md",
            format!("Killed text, round {round}.").as_bytes(),
        );
        kill_after(
            &d,
            Some("Eddie"),
            &edit_args(&id, &version, file.to_str().expect("path")),
            *ms,
        );
        assert_healthy(&d);
        let now = d.json(Some("Eddie"), &["article", "show", &id]);
        let body = now["body"].as_str().expect("body");
        assert!(
            body == acknowledged || body == format!("Killed text, round {round}."),
            "round {round}: the body is {body:?}"
        );
        // The history agrees with the article: its newest revision is what the article shows.
        let history = d.json(Some("Eddie"), &["article", "history", &id, "--limit", "1"]);
        let newest = history["items"][0]["number"]
            .as_i64()
            .expect("number")
            .to_string();
        let revision = d.json(Some("Eddie"), &["article", "revision", &id, &newest]);
        assert_eq!(
            revision["text"]["body"].as_str(),
            Some(body),
            "round {round}"
        );
    }
}
