//! The CLI on a team desk: `copydesk serve`, `login`/`logout` and `--server` give the same
//! answers and exit codes as on a desk file; `push` moves a desk file into a team database and
//! checks it; a server that is not there is said so in one line.
mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Command, Stdio};

use common::*;

const PASS: &str = "a passphrase for tests";

/// A new schema on the cluster scripts/with-postgres.sh starts.
fn database() -> String {
    let base = std::env::var("COPYDESK_TEST_PG").expect(
        "the team desk's CLI tests need a PostgreSQL cluster: run them through \
         scripts/with-postgres.sh (make test does)",
    );
    let schema = format!(
        "t_cli_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let out = Command::new("psql")
        .args([&base, "-qAtc", &format!("CREATE SCHEMA {schema}")])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!("{base} options='-csearch_path={schema},public'")
}

/// `copydesk serve` running on a free port; stopped with SIGTERM when dropped.
struct Serving {
    child: Child,
    url: String,
}

impl Serving {
    fn start(d: &TestDesk, database: &str) -> Serving {
        Serving::start_with(d, database, &[]).0
    }

    /// Starts with `extra` arguments; the second value is the rest of the log line that says the
    /// server waits for a desk file, when one does.
    fn start_with(d: &TestDesk, database: &str, extra: &[&str]) -> (Serving, Option<String>) {
        let mut cmd = d.command(None, &[]);
        cmd.args([
            "serve",
            "--database",
            database,
            "--listen",
            "127.0.0.1:0",
            "--publish-folder",
        ])
        .arg(d.path("site"))
        .args(extra)
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("copydesk serve starts");
        let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
        let mut next_line = || {
            lines
                .next()
                .expect("copydesk serve said where it listens")
                .expect("a log line")
        };
        let url = loop {
            let line = next_line();
            if let Some(at) = line.find("serving the team desk at ") {
                let rest = &line[at + "serving the team desk at ".len()..];
                break rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
            }
        };
        let waiting = extra.contains(&"--accept-push").then(|| {
            let line = next_line();
            let at = line
                .find("waits for a desk file")
                .unwrap_or_else(|| panic!("no word of waiting for a desk file: {line}"));
            line[at..].to_string()
        });
        // The log goes on being read, so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        (Serving { child, url }, waiting)
    }

    fn stop(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().expect("copydesk serve stops")
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn remote(d: &TestDesk, url: &str, user: Option<&str>, args: &[&str]) -> Out {
    let mut cmd = d.command(user, args);
    cmd.env("COPYDESK_SERVER", url);
    output(cmd)
}

fn login(d: &TestDesk, url: &str, user: &str, pass: &str) -> Out {
    let mut cmd = d.command(Some(user), &["login"]);
    cmd.env("COPYDESK_SERVER", url)
        .env("COPYDESK_PASSPHRASE", pass);
    output(cmd)
}

#[test]
fn the_cli_works_a_team_desk_through_its_server_as_it_works_a_file() {
    let file = TestDesk::empty();
    file.ok(
        None,
        &[
            "init",
            "--desk",
            "The Meridian",
            "--tz",
            "Europe/Paris",
            "--chief",
            "Claire",
        ],
    );
    let team = TestDesk::empty();
    let database = database();
    let mut init = team.command(
        None,
        &[
            "init",
            "--desk",
            "The Meridian",
            "--tz",
            "Europe/Paris",
            "--chief",
            "Claire",
        ],
    );
    init.env("COPYDESK_DATABASE", &database)
        .env("COPYDESK_NEW_PASSPHRASE", PASS);
    let o = output(init);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let mut server = Serving::start(&team, &database);
    let url = server.url.clone();

    let o = login(&team, &url, "Claire", "not the passphrase");
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("wrong passphrase for Claire"),
        "{}",
        o.stderr
    );
    let o = login(&team, &url, "Claire", PASS);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("signed in to"), "{}", o.stdout);
    let kept = team.path("config/copydesk/sessions.json");
    let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the session file is the user's alone");

    // The same commands, on the file and through the server.
    let same = |args: &[&str]| -> (Out, Out) {
        (
            file.run(Some("Claire"), args),
            remote(&team, &url, Some("Claire"), args),
        )
    };
    let (a, b) = same(&[
        "contributor",
        "add",
        "Jane Roe",
        "--email",
        "jane@example.org",
        "--affiliation",
        "Institute of Things",
        "--bio",
        "Jane Roe is a senior fellow at the Institute of Things.",
    ]);
    assert_eq!((a.code, b.code), (0, 0), "{} / {}", a.stderr, b.stderr);
    assert_eq!(a.stdout.lines().count(), b.stdout.lines().count());
    let (a, b) = same(&[
        "--json",
        "article",
        "new",
        "--headline",
        "Water, not weapons",
        "--byline",
        "Jane Roe",
    ]);
    assert_eq!((a.code, b.code), (0, 0), "{} / {}", a.stderr, b.stderr);
    let (on_file, on_server): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&a.stdout).unwrap(),
        serde_json::from_str(&b.stdout).unwrap(),
    );
    for key in ["headline", "state", "version", "word_count", "access"] {
        assert_eq!(on_file[key], on_server[key], "{key}");
    }
    // Two desks, two ids for Jane: the rest of the byline reads the same.
    for key in ["name", "printed_bio", "bio_is_own"] {
        assert_eq!(
            on_file["byline"][0][key], on_server["byline"][0][key],
            "{key}"
        );
    }
    let (a, b) = same(&["article", "list"]);
    assert_eq!((a.code, b.code), (0, 0));
    assert_eq!(
        a.stdout.lines().count(),
        b.stdout.lines().count(),
        "{}\n---\n{}",
        a.stdout,
        b.stdout
    );
    assert!(b.stdout.contains("Water, not weapons"));
    // A refusal reads and exits the same.
    let (a, b) = same(&["article", "show", "no-such-article"]);
    assert_eq!((a.code, b.code), (1, 1));
    assert_eq!(a.stderr, b.stderr);
    let (a, b) = same(&["settings", "set", "timezone", "Mars/Olympus"]);
    assert_eq!((a.code, b.code), (1, 1));
    assert_eq!(a.stderr, b.stderr);
    // What only a desk file does is said so.
    let o = remote(&team, &url, Some("Claire"), &["backup", "copy.db"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("pg_dump"), "{}", o.stderr);
    // --as names someone else than the session's user.
    let o = remote(&team, &url, Some("Eddie"), &["article", "list"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("signed in to"), "{}", o.stderr);

    let o = remote(&team, &url, None, &["logout"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let o = remote(&team, &url, None, &["article", "list"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("not signed in"), "{}", o.stderr);

    // A server that has gone away is said so, in one line.
    assert!(server.stop().success(), "serve stops cleanly on SIGTERM");
    let o = login(&team, &url, "Claire", PASS);
    assert_eq!(o.code, 1);
    assert_one_line_failure(&["login"], &o);
    assert!(o.stderr.contains("does not answer"), "{}", o.stderr);
}

/// A server that goes away in the middle of answering: the command says so in one line, and that
/// the request was either done whole or not at all (the server's transaction is one).
#[test]
fn a_server_that_goes_away_mid_answer_is_said_so_in_one_line() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = stream.read(&mut request);
        // The head of a JSON answer, then the connection drops.
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{\"token\":\"",
        );
        let _ = stream.flush();
    });
    let d = TestDesk::empty();
    let o = login(&d, &url, "Claire", PASS);
    server.join().unwrap();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_one_line_failure(&["login"], &o);
    assert!(
        o.stderr.contains("broke during the request"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("done whole or not at all"),
        "{}",
        o.stderr
    );
    // Nothing was kept as a session.
    assert!(!d.path("config/copydesk/sessions.json").exists());
}

#[test]
fn push_moves_a_desk_file_into_an_empty_team_database_and_checks_it() {
    let file = TestDesk::staffed();
    let id = file.new_article(
        "Claire",
        &[
            "--headline",
            "Kept with its history",
            "--byline",
            "Jane Roe",
        ],
    );
    file.ok(
        Some("Claire"),
        &[
            "article",
            "edit",
            &id,
            "--base-version",
            "1",
            "--headline",
            "Kept with all its history",
        ],
    );
    file.ok(Some("Claire"), &["note", "add", &id, "Check the figures."]);
    let body = file.write("body.md", words(700).as_bytes());
    for i in 0..12 {
        let other = file.new_article(
            "jane",
            &[
                "--headline",
                &format!("Piece {i}"),
                "--body-file",
                body.to_str().unwrap(),
            ],
        );
        file.ok(Some("jane"), &["article", "move", &other, "submit"]);
        if i % 2 == 0 {
            file.ok(Some("Eddie"), &["article", "move", &other, "claim"]);
        }
    }
    file.ok(
        Some("Claire"),
        &[
            "contributor",
            "edit",
            "Jane Roe",
            "--bio",
            "Jane Roe writes on water and borders.",
        ],
    );
    let database = database();

    // Nobody could sign in to a team desk whose chief has no passphrase.
    let o = file.run(None, &["push", "--database", &database]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("no chief of this desk has one"),
        "{}",
        o.stderr
    );
    let mut set = file.command(Some("Claire"), &["user", "passphrase", "Claire"]);
    set.env("COPYDESK_NEW_PASSPHRASE", PASS);
    assert_eq!(output(set).code, 0);

    let report = file.json(Some("Claire"), &["push", "--database", &database]);
    let tables = report["tables"].as_array().unwrap();
    let rows = |name: &str| {
        tables
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| t["rows"].as_u64().unwrap())
            .unwrap()
    };
    assert!(rows("articles") >= 13, "{report}");
    assert!(
        rows("revisions") > rows("articles"),
        "every revision is copied"
    );
    assert_eq!(report["articles_verified"].as_u64(), Some(rows("articles")));
    // A second push finds the database taken and changes nothing.
    let o = file.run(None, &["push", "--database", &database]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("already holds a desk"), "{}", o.stderr);

    // Through the server, the desk reads exactly as the file does.
    let team = TestDesk::empty();
    let server = Serving::start(&team, &database);
    assert_eq!(login(&team, &server.url, "Claire", PASS).code, 0);
    let mut seen_remotely = Vec::new();
    for args in [
        &["user", "list"][..],
        &["contributor", "list", "--limit", "500"],
        &["article", "list", "--limit", "500"],
        &["audit", "--limit", "500"],
        &["article", "show", &id],
        &["article", "history", &id],
        &["note", "list", &id],
    ] {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let o = remote(&team, &server.url, Some("Claire"), &all);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
        let mut local = file.command(Some("Claire"), &all);
        local.env("COPYDESK_PASSPHRASE", PASS);
        let local = output(local);
        assert_eq!(local.code, 0, "{args:?}: {}", local.stderr);
        let on_file: serde_json::Value = serde_json::from_str(&local.stdout).unwrap();
        let on_server: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        assert_eq!(on_file, on_server, "{args:?}");
        seen_remotely.push(on_server);
    }
    // And it goes on from there: a new piece gets a key after the copied ones.
    let o = remote(
        &team,
        &server.url,
        Some("Claire"),
        &["article", "new", "--headline", "Written on the team desk"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let found = remote(&team, &server.url, Some("Claire"), &["search", "history"]);
    assert!(
        found.stdout.contains("Kept with all its history"),
        "{}",
        found.stdout
    );
}

#[test]
fn push_through_a_server_waiting_on_an_empty_database_needs_its_setup_code_and_checks_the_copy() {
    let file = TestDesk::staffed();
    let id = file.new_article(
        "Claire",
        &["--headline", "Sent whole", "--byline", "Jane Roe"],
    );
    file.ok(Some("Claire"), &["note", "add", &id, "Mind the figures."]);
    let mut set = file.command(Some("Claire"), &["user", "passphrase", "Claire"]);
    set.env("COPYDESK_NEW_PASSPHRASE", PASS);
    assert_eq!(output(set).code, 0);
    let database = database();
    let team = TestDesk::empty();
    let site = team.path("site");
    let site = site.to_str().unwrap();

    // An empty database is not served unless the server is told to wait for a desk file.
    let o = team.run(
        None,
        &[
            "serve",
            "--database",
            &database,
            "--listen",
            "127.0.0.1:0",
            "--publish-folder",
            site,
        ],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("--accept-push"), "{}", o.stderr);

    let (server, waiting) = Serving::start_with(&team, &database, &["--accept-push"]);
    let waiting = waiting.unwrap();
    let code = waiting
        .split("the setup code is ")
        .nth(1)
        .unwrap_or_else(|| panic!("the log gives the setup code: {waiting}"))
        .trim()
        .to_string();
    assert!(
        waiting.contains(&format!("copydesk push --server {}", server.url)),
        "{waiting}"
    );
    let push = |code: Option<&str>, extra: &[&str]| {
        let mut args = vec!["--json", "push"];
        args.extend_from_slice(extra);
        let mut cmd = file.command(None, &args);
        cmd.env("COPYDESK_SERVER", &server.url);
        if let Some(code) = code {
            cmd.env("COPYDESK_SETUP_CODE", code);
        }
        output(cmd)
    };

    // Nobody can sign in yet: there is no one.
    assert_eq!(login(&team, &server.url, "Claire", PASS).code, 1);
    // A wrong code, or none, is refused and nothing is kept.
    let o = push(Some("WRONG-CODE-WRONG-CODE"), &[]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert!(
        o.stdout.contains("not this server's setup code"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("\"field\":\"setup_code\""),
        "{}",
        o.stdout
    );
    let o = push(None, &[]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert!(o.stdout.contains("give the setup code"), "{}", o.stdout);
    // One team desk at a time.
    let o = push(Some(&code), &["--database", &database]);
    assert_eq!(o.code, 2, "{}", o.stdout);
    assert!(o.stdout.contains("not both"), "{}", o.stdout);
    assert_eq!(login(&team, &server.url, "Claire", PASS).code, 1);

    // With its code (typed as read, spaces for dashes), the file goes over and is checked there.
    let o = push(Some(&code.replace('-', " ").to_lowercase()), &[]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let report: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let articles = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "articles")
        .map(|t| t["rows"].as_u64().unwrap())
        .unwrap();
    assert!(articles >= 1, "{report}");
    assert_eq!(report["articles_verified"].as_u64(), Some(articles));

    // The desk is open on the server at once, as it is in the file.
    assert_eq!(login(&team, &server.url, "Claire", PASS).code, 0);
    let o = remote(
        &team,
        &server.url,
        Some("Claire"),
        &["--json", "article", "show", &id],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let mut local = file.command(Some("Claire"), &["--json", "article", "show", &id]);
    local.env("COPYDESK_PASSPHRASE", PASS);
    let local = output(local);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&local.stdout).unwrap(),
        serde_json::from_str::<serde_json::Value>(&o.stdout).unwrap()
    );
    // The code is spent: a second push finds the desk taken.
    let o = push(Some(&code), &[]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    assert!(o.stdout.contains("already holds a desk"), "{}", o.stdout);
}

/// The team desk's benchmark, small: the bench desk built and measured on PostgreSQL, then
/// editors played against two instances while pieces fall due. The figures are not judged here
/// (BENCHMARKS.md is where they are), but what the load checks is: no error, no lost update,
/// every due piece published once.
#[test]
fn the_team_bench_builds_on_postgresql_and_plays_editors_against_two_instances() {
    let d = TestDesk::empty();
    let database = database();
    let dir = d.path("bench");
    let report = d.json(
        None,
        &[
            "bench",
            "--articles",
            "60",
            "--dir",
            dir.to_str().expect("utf-8 path"),
            "--database",
            &database,
        ],
    );
    assert_eq!(report["articles"], 60);
    let store = report["machine"]["store"].as_str().unwrap_or_default();
    assert!(store.starts_with("PostgreSQL"), "{report}");
    assert!(report["queue_p99_ms"].as_f64().is_some(), "{report}");
    assert!(report.get("bare_queue_p99_ms").is_none(), "{report}");

    let (one, two) = (Serving::start(&d, &database), Serving::start(&d, &database));
    let mut cmd = d.command(
        None,
        &[
            "--json",
            "bench",
            "--instance",
            &one.url,
            "--instance",
            &two.url,
            "--editors",
            "3",
            "--seconds",
            "2",
            "--due-pieces",
            "4",
        ],
    );
    cmd.env("COPYDESK_PASSPHRASE", "bench passphrase");
    let o = output(cmd);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let load: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON");
    assert_eq!(load["errors"], 0, "{load}");
    assert_eq!(load["lost_updates"], 0, "{load}");
    assert_eq!(load["save_n"], 6, "{load}");
    assert_eq!(load["due_published"], 4, "{load}");
    assert_eq!(load["due_published_twice"], 0, "{load}");
}
