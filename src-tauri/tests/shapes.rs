//! One shape on every face: the article the app's IPC hands the page is, value for value, the
//! one the CLI prints under `--json`, and so are their errors.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::call;
use serde_json::{Value, json};

/// The `copydesk` binary cargo built beside this test (target/…/deps/shapes-… → target/…).
fn cli() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the target folder");
    let cli = dir.join(format!("copydesk{}", std::env::consts::EXE_SUFFIX));
    assert!(
        cli.exists(),
        "{} is missing: `cargo test --workspace` builds it (or `cargo build -p copydesk`)",
        cli.display()
    );
    cli
}

fn cli_json(db: &std::path::Path, args: &[&str]) -> Value {
    let out = Command::new(cli())
        .arg("--db")
        .arg(db)
        .args(["--as", "Ines", "--json"])
        .args(args)
        .env_remove("COPYDESK_PASSPHRASE")
        .output()
        .expect("the CLI runs");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn the_cli_and_the_app_print_one_article_and_one_error_alike() {
    let desk = common::harbour_post();
    let window = desk.window.clone();
    let db = desk.dir.path().join("desk.db");
    let guest = json!({"contributor": {"display_name": "Amélie Faure", "kind": "guest",
        "bio": "Amélie Faure is a historian."}});
    let amelie = call(&window, "add_contributor", guest).expect("a guest");
    let new = json!({"article": {"headline": "The harbour wall", "standfirst": "Rebuilt, again.",
        "body": "The wall was **rebuilt** in 1904.", "section": "News", "tags": ["harbour"],
        "byline": [{"contributor": amelie["id"], "printed_bio": null}]}});
    let created = call(&window, "create_article", new).expect("a draft");
    let id = created["id"].as_str().expect("an id");

    let from_app = call(&window, "get_article", json!({"id": id})).expect("the article");
    let from_cli = cli_json(&db, &["article", "show", id]);
    assert_eq!(from_cli, from_app);
    assert!(
        from_app["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    assert_eq!(from_app["byline"][0]["name"], "Amélie Faure");

    let from_app = call(
        &window,
        "list_articles",
        json!({"filter": {}, "after": null, "limit": 5}),
    )
    .expect("a page");
    assert_eq!(
        cli_json(&db, &["article", "list", "--limit", "5"]),
        from_app
    );

    let refused = call(
        &window,
        "move_article",
        json!({"id": id, "action": "approve", "args": {}}),
    )
    .expect_err("a draft cannot be approved");
    let printed = cli_json(&db, &["article", "move", id, "approve"]);
    assert_eq!(printed["error"], refused);
    assert_eq!(refused["details"]["kind"], "not_ready");
}
