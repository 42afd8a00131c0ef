//! The commands through Tauri's IPC with the app's real permissions (mock runtime, no window),
//! on a desk file named by COPYDESK_DB in a temporary folder.

mod common;

use common::invoke;
use serde_json::{Value, json};

#[test]
fn a_new_desk_is_created_signed_into_and_listed() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let db = dir.path().join("data").join("desk.db");
    // SAFETY: this is the only test in this binary, and it sets the variable before any thread
    // of its own (or Tauri's) reads the environment.
    unsafe { std::env::set_var("COPYDESK_DB", &db) };
    let state = copydesk_app::AppState::open(copydesk_app::db_path());
    let (_app, window) = common::open(state);

    let status = invoke(&window, "desk_status", json!({})).expect("status");
    assert_eq!(status["settings"], Value::Null, "a new file is not set up");
    assert_eq!(status["db_path"], json!(db.display().to_string()));

    let refused = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 10}),
    )
    .expect_err("nobody is signed in");
    assert_eq!(refused["code"], "signed_out");

    let new_desk = json!({"desk": {"name": "The Harbour Post", "timezone": "Mars/Olympus", "chief_name": "Ines", "chief_passphrase": null}});
    let bad = invoke(&window, "init_desk", new_desk).expect_err("an unknown zone");
    assert_eq!(bad["code"], "invalid_input");
    assert!(
        bad["message"].as_str().unwrap_or("").contains("time zone"),
        "{bad}"
    );

    let new_desk = json!({"desk": {"name": "The Harbour Post", "timezone": "Europe/Lisbon", "chief_name": "Ines", "chief_passphrase": "open sesame"}});
    let chief = invoke(&window, "init_desk", new_desk).expect("the desk is created");
    assert_eq!(chief["role"], "chief");
    let status = invoke(&window, "desk_status", json!({})).expect("status");
    assert_eq!(status["settings"]["timezone"], "Europe/Lisbon");
    assert_eq!(status["user"]["name"], "Ines");

    invoke(&window, "sign_out", json!({})).expect("signed out");
    let choices = invoke(&window, "sign_in_choices", json!({})).expect("choices");
    assert_eq!(
        choices,
        json!([{"name": "Ines", "role": "chief", "needs_passphrase": true}])
    );
    let wrong = invoke(
        &window,
        "sign_in",
        json!({"name": "Ines", "passphrase": "nope"}),
    )
    .expect_err("a wrong passphrase");
    assert_eq!(wrong["code"], "unauthenticated");
    invoke(
        &window,
        "sign_in",
        json!({"name": "Ines", "passphrase": "open sesame"}),
    )
    .expect("signed in");

    let users = invoke(&window, "list_users", json!({})).expect("users");
    assert_eq!(users.as_array().map(Vec::len), Some(1));
    let page = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 10}),
    )
    .expect("an empty queue");
    assert_eq!(page, json!({"items": [], "next": null}));

    let sample = invoke(&window, "fill_sample_desk", json!({})).expect("the sample desk");
    assert_eq!(sample["articles"], 60);
    let page = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 3}),
    )
    .expect("the submitted queue");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(3));
    assert!(page["next"].is_string(), "more than one page: {page}");
    assert!(
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|a| a["state"] == "submitted")
    );

    let opinion = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": null, "section": "Opinion", "contributor": null, "assigned_editor": null}, "after": null, "limit": 100}),
    )
    .expect("the Opinion section");
    let items = opinion["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty() && items.iter().all(|a| a["section"] == "Opinion"));
    let unknown = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": null, "section": null, "contributor": "Nobody Atall", "assigned_editor": null}, "after": null, "limit": 10}),
    )
    .expect_err("an unknown contributor");
    assert_eq!(unknown["code"], "not_found");

    let first = &page["items"][0];
    let article = invoke(&window, "get_article", json!({"id": first["id"]})).expect("an article");
    assert_eq!(article["headline"], first["headline"]);
    assert!(article["body"].as_str().is_some_and(|b| !b.is_empty()));
    assert!(article["byline"][0]["printed_bio"].is_string());
    let missing = invoke(&window, "get_article", json!({"id": "no-such-article"}))
        .expect_err("no such article");
    assert_eq!(missing["code"], "not_found");

    // The workflow: the chief claims a submitted article, then may request changes only with a note.
    let id = first["id"].clone();
    let moves = invoke(&window, "article_moves", json!({"id": id, "note": null})).expect("moves");
    let claim = moves
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["action"] == "claim");
    assert_eq!(
        claim.map(|m| m["ready"].clone()),
        Some(json!(true)),
        "{moves}"
    );
    let moved = invoke(
        &window,
        "move_article",
        json!({"id": id, "action": "claim", "note": null}),
    )
    .expect("claimed");
    assert_eq!(moved["state"], "in_review");
    let find = |moves: &Value, action: &str| {
        moves
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["action"] == action)
            .cloned()
    };
    let moves = invoke(&window, "article_moves", json!({"id": id, "note": null})).expect("moves");
    let request = find(&moves, "request_changes").expect("request changes is offered");
    assert_eq!(
        (request["needs_note"].clone(), request["ready"].clone()),
        (json!(true), json!(false))
    );
    let moves = invoke(
        &window,
        "article_moves",
        json!({"id": id, "note": "Cut the intro"}),
    )
    .expect("moves");
    assert_eq!(
        find(&moves, "request_changes").map(|m| m["ready"].clone()),
        Some(json!(true))
    );
    let refused = invoke(
        &window,
        "move_article",
        json!({"id": id, "action": "request_changes", "note": "  "}),
    )
    .expect_err("a blank note");
    assert_eq!(refused["code"], "not_ready");

    // Notes: a thread with a reply, resolved.
    let note = invoke(
        &window,
        "add_note",
        json!({"articleId": id, "body": "Is the second figure right?", "replyTo": null}),
    )
    .expect("a note");
    invoke(
        &window,
        "add_note",
        json!({"articleId": id, "body": "Checked: it is.", "replyTo": note["id"]}),
    )
    .expect("a reply");
    invoke(&window, "resolve_note", json!({"noteId": note["id"]})).expect("resolved");
    let notes = invoke(&window, "list_notes", json!({"articleId": id})).expect("the notes");
    let thread: Vec<(Value, Value)> = notes
        .as_array()
        .into_iter()
        .flatten()
        .filter(|n| n["body"] != "Cut the intro")
        .map(|n| (n["body"].clone(), n["depth"].clone()))
        .collect();
    assert_eq!(
        thread,
        vec![
            (json!("Is the second figure right?"), json!(0)),
            (json!("Checked: it is."), json!(1))
        ],
        "{notes}"
    );
    let blank = invoke(
        &window,
        "add_note",
        json!({"articleId": id, "body": "   ", "replyTo": null}),
    )
    .expect_err("a blank note");
    assert_eq!(blank["code"], "invalid_input");

    // History: the claim wrote a revision; the two newest compare (a claim changes no text).
    let history = invoke(
        &window,
        "article_history",
        json!({"id": id, "after": null, "limit": 10}),
    )
    .expect("history");
    let newest = &history["items"][0];
    assert_eq!(newest["reason"], "transition", "{history}");
    let to = newest["number"].as_u64().expect("a number");
    let diff = invoke(
        &window,
        "revision_diff",
        json!({"id": id, "from": to - 1, "to": to}),
    )
    .expect("a diff");
    assert_eq!(
        (diff["from"].as_u64(), diff["to"].as_u64()),
        (Some(to - 1), Some(to))
    );
    assert!(diff["fields"].is_array());
    let current = invoke(&window, "get_article", json!({"id": id})).expect("the article");
    let stale = invoke(
        &window,
        "restore_revision",
        json!({"id": id, "number": 1, "baseVersion": 1}),
    )
    .expect_err("the article moved on since version 1");
    assert_eq!(stale["code"], "conflict");
    let restored = invoke(
        &window,
        "restore_revision",
        json!({"id": id, "number": 1, "baseVersion": current["version"]}),
    )
    .expect("restored");
    let history = invoke(
        &window,
        "article_history",
        json!({"id": id, "after": null, "limit": 1}),
    )
    .expect("history");
    assert_eq!(history["items"][0]["reason"], "restore");
    assert_eq!(history["items"][0]["restored_from"], 1);
    assert_eq!(history["items"][0]["version"], restored["version"]);

    // A contributor is not offered approve, and the core refuses it when asked directly.
    let choices = invoke(&window, "sign_in_choices", json!({})).expect("choices");
    let writer = choices
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["role"] == "contributor" && c["needs_passphrase"] == false)
        .expect("a contributor account in the sample")["name"]
        .clone();
    invoke(
        &window,
        "sign_in",
        json!({"name": writer, "passphrase": null}),
    )
    .expect("signed in as a contributor");
    let own = invoke(&window, "list_articles", json!({"query": {"state": null, "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 50}))
        .expect("their articles");
    assert!(
        own["items"].as_array().is_some_and(|a| !a.is_empty()),
        "{own}"
    );
    for article in own["items"].as_array().into_iter().flatten() {
        let moves = invoke(
            &window,
            "article_moves",
            json!({"id": article["id"], "note": null}),
        )
        .expect("moves");
        assert!(
            find(&moves, "approve").is_none(),
            "approve offered to a contributor: {moves}"
        );
        let refused = invoke(
            &window,
            "move_article",
            json!({"id": article["id"], "action": "approve", "note": null}),
        );
        assert!(refused.is_err(), "the core let a contributor approve");
    }
}
