//! Runs the built `copydesk` on a desk in a temporary folder. HOME and XDG_DATA_HOME point into
//! the folder too, so nothing a test does can reach the real per-user desk.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct TestDesk {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl TestDesk {
    /// An empty folder with no desk in it yet.
    pub fn empty() -> TestDesk {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("desk.db");
        TestDesk { dir, db }
    }

    /// A desk with a chief (Claire), an editor (Eddie) and a contributor account (jane) writing
    /// as the guest contributor Jane Roe, who has a bio.
    pub fn staffed() -> TestDesk {
        let d = TestDesk::empty();
        d.ok(
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
        d.ok(
            Some("Claire"),
            &[
                "contributor",
                "add",
                "Jane Roe",
                "--email",
                "jane@example.org",
                "--affiliation",
                "Institute of Things",
                "--bio",
                "Jane Roe is a senior fellow at the Institute of Things.",
            ],
        );
        d.ok(
            Some("Claire"),
            &[
                "user",
                "add",
                "jane",
                "--role",
                "contributor",
                "--contributor",
                "Jane Roe",
            ],
        );
        d.ok(
            Some("Claire"),
            &["user", "add", "Eddie", "--role", "editor"],
        );
        d
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn command(&self, user: Option<&str>, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        cmd.args(args)
            .env("COPYDESK_DB", &self.db)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env_remove("COPYDESK_SERVER")
            .env_remove("COPYDESK_DATABASE")
            .env_remove("COPYDESK_USER")
            .env_remove("COPYDESK_PASSPHRASE")
            .env_remove("COPYDESK_NEW_PASSPHRASE")
            // Never the keyring of whoever runs the tests: the keyring's own test gives a bus.
            .env("COPYDESK_KEYRING", "off")
            .env_remove("COPYDESK_SETUP_CODE")
            .stdin(Stdio::null());
        if let Some(u) = user {
            cmd.env("COPYDESK_USER", u);
        }
        cmd
    }

    pub fn run(&self, user: Option<&str>, args: &[&str]) -> Out {
        output(self.command(user, args))
    }

    /// Runs with `input` on stdin.
    pub fn run_with_stdin(&self, user: Option<&str>, args: &[&str], input: &[u8]) -> Out {
        let mut cmd = self.command(user, args);
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("copydesk starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("stdin written");
        let o = child.wait_with_output().expect("copydesk runs");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Runs a command that must succeed, with nothing on stderr; returns stdout.
    pub fn ok(&self, user: Option<&str>, args: &[&str]) -> String {
        let o = self.run(user, args);
        assert_eq!(
            o.code, 0,
            "copydesk {args:?} as {user:?} failed: {}{}",
            o.stderr, o.stdout
        );
        assert!(o.stderr.is_empty(), "stderr of {args:?}: {}", o.stderr);
        o.stdout
    }

    /// Runs a command with --json that must succeed, and parses its one JSON value.
    pub fn json(&self, user: Option<&str>, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(user, &all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
    }

    /// Runs a command that must fail: non-zero exit, exactly one `error: …` line on stderr,
    /// nothing on stdout. Returns the message.
    pub fn fails(&self, user: Option<&str>, args: &[&str]) -> String {
        let o = self.run(user, args);
        assert_one_line_failure(args, &o);
        assert!(
            o.stdout.is_empty(),
            "stdout of failed {args:?}: {}",
            o.stdout
        );
        o.stderr
            .trim_end()
            .trim_start_matches("error: ")
            .to_string()
    }

    /// Everything a user could see change on the desk, as one string: users, contributors,
    /// articles with their versions, the audit log, settings.
    pub fn fingerprint(&self) -> String {
        let chief = Some("Claire");
        let mut parts = Vec::new();
        for args in [
            &["user", "list"][..],
            &["contributor", "list", "--limit", "500"],
            &["article", "list", "--limit", "500"],
            &["audit", "--limit", "500"],
            &["settings", "show"],
        ] {
            parts.push(self.json(chief, args).to_string());
        }
        let articles = self.json(chief, &["article", "list", "--limit", "500"]);
        for a in articles["items"].as_array().expect("items") {
            let id = a["id"].as_str().expect("id");
            parts.push(self.json(chief, &["article", "show", id]).to_string());
            parts.push(self.json(chief, &["article", "history", id]).to_string());
            parts.push(self.json(chief, &["note", "list", id]).to_string());
        }
        parts.join("\n")
    }

    /// Creates an article as `user` and returns its id.
    pub fn new_article(&self, user: &str, args: &[&str]) -> String {
        let mut all = vec!["article", "new"];
        all.extend_from_slice(args);
        let a = self.json(Some(user), &all);
        a["id"].as_str().expect("id").to_string()
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("file written");
        p
    }
}

pub fn output(mut cmd: Command) -> Out {
    let o = cmd.output().expect("copydesk runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn assert_one_line_failure(args: &[&str], o: &Out) {
    assert_ne!(o.code, 0, "{args:?} should have failed: {}", o.stdout);
    assert!(
        o.stderr.ends_with('\n') && o.stderr.lines().count() == 1,
        "{args:?}: stderr should be one line: {:?}",
        o.stderr
    );
    assert!(
        o.stderr.starts_with("error: "),
        "{args:?}: stderr should start with `error: `: {:?}",
        o.stderr
    );
}

/// `n` distinct words: a body of a known length.
pub fn words(n: usize) -> String {
    (0..n)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}"))
}
