//! The commands through Tauri's IPC with the app's real permissions (mock runtime, no window),
//! on a desk file named by COPYDESK_DB in a temporary folder.

mod common;

use common::{call, invoke};
use serde_json::{Value, json};

#[test]
fn a_new_desk_is_created_signed_into_and_listed() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let db = dir.path().join("data").join("desk.db");
    // SAFETY: this is the only test in this binary, and it sets the variable before any thread
    // of its own (or Tauri's) reads the environment.
    unsafe {
        std::env::set_var("COPYDESK_DB", &db);
        std::env::set_var("COPYDESK_JOURNAL", dir.path().join("journal.db"));
    }
    let state = copydesk_app::AppState::open(copydesk_app::db_path(), copydesk_app::journal_path());
    let (_app, window) = common::open(state);

    let status = invoke(&window, "desk_status", json!({})).expect("status");
    assert_eq!(status["settings"], Value::Null, "a new file is not set up");
    assert_eq!(status["db_path"], json!(db.display().to_string()));

    let refused = call(&window, "list_articles", json!({"filter": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 10}))
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

    let users = call(&window, "list_users", json!({})).expect("users");
    assert_eq!(users.as_array().map(Vec::len), Some(1));
    let page = call(&window, "list_articles", json!({"filter": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 10}))
    .expect("an empty queue");
    assert_eq!(page, json!({"items": [], "next": null}));

    let sample =
        call(&window, "fill_sample_desk", json!({"articles": 60})).expect("the sample desk");
    assert_eq!(sample["articles"], 60);
    let page = call(&window, "list_articles", json!({"filter": {"state": "submitted", "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 3}))
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

    let opinion = call(&window, "list_articles", json!({"filter": {"state": null, "section": "Opinion", "contributor": null, "assigned_editor": null}, "after": null, "limit": 100}))
    .expect("the Opinion section");
    let items = opinion["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty() && items.iter().all(|a| a["section"] == "Opinion"));
    let unknown = call(&window, "list_articles", json!({"filter": {"state": null, "section": null, "contributor": "Nobody Atall", "assigned_editor": null}, "after": null, "limit": 10}))
    .expect_err("an unknown contributor");
    assert_eq!(unknown["code"], "not_found");

    let first = &page["items"][0];
    let article = call(&window, "get_article", json!({"id": first["id"]})).expect("an article");
    assert_eq!(article["headline"], first["headline"]);
    assert!(article["body"].as_str().is_some_and(|b| !b.is_empty()));
    assert!(article["byline"][0]["printed_bio"].is_string());
    let missing = call(&window, "get_article", json!({"id": "no-such-article"}))
        .expect_err("no such article");
    assert_eq!(missing["code"], "not_found");

    // The workflow: the chief claims a submitted article, then may request changes only with a note.
    let id = first["id"].clone();
    let moves = call(&window, "article_moves", json!({"id": id, "note": null})).expect("moves");
    let claim = moves
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["action"] == "claim");
    assert_eq!(
        claim.map(|m| m["allowed"].clone()),
        Some(json!(true)),
        "{moves}"
    );
    let moved = call(
        &window,
        "move_article",
        json!({"id": id, "action": "claim", "args": {"note": null}}),
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
    let moves = call(&window, "article_moves", json!({"id": id, "note": null})).expect("moves");
    let request = find(&moves, "request-changes").expect("request changes is offered");
    assert_eq!(
        (request["needs_note"].clone(), request["allowed"].clone()),
        (json!(true), json!(false))
    );
    let moves = call(
        &window,
        "article_moves",
        json!({"id": id, "note": "Cut the intro"}),
    )
    .expect("moves");
    assert_eq!(
        find(&moves, "request-changes").map(|m| m["allowed"].clone()),
        Some(json!(true))
    );
    let refused = call(
        &window,
        "move_article",
        json!({"id": id, "action": "request-changes", "args": {"note": "  "}}),
    )
    .expect_err("a blank note");
    assert_eq!(refused["code"], "not_ready");

    // Notes: a thread with a reply, resolved.
    let note = call(
        &window,
        "add_note",
        json!({"article_id": id, "body": "Is the second figure right?", "reply_to": null}),
    )
    .expect("a note");
    call(
        &window,
        "add_note",
        json!({"article_id": id, "body": "Checked: it is.", "reply_to": note["id"]}),
    )
    .expect("a reply");
    call(&window, "resolve_note", json!({"note_id": note["id"]})).expect("resolved");
    let notes = call(&window, "list_notes", json!({"article_id": id})).expect("the notes");
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
    let blank = call(
        &window,
        "add_note",
        json!({"article_id": id, "body": "   ", "reply_to": null}),
    )
    .expect_err("a blank note");
    assert_eq!(blank["code"], "invalid_input");

    // History: the claim wrote a revision; the two newest compare (a claim changes no text).
    let history = call(
        &window,
        "article_history",
        json!({"id": id, "after": null, "limit": 10}),
    )
    .expect("history");
    let newest = &history["items"][0];
    assert_eq!(newest["reason"], "transition", "{history}");
    let to = newest["number"].as_u64().expect("a number");
    let diff = call(
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
    let current = call(&window, "get_article", json!({"id": id})).expect("the article");
    let stale = call(
        &window,
        "restore_revision",
        json!({"id": id, "number": 1, "base_version": 1}),
    )
    .expect_err("the article moved on since version 1");
    assert_eq!(stale["code"], "conflict");
    let restored = call(
        &window,
        "restore_revision",
        json!({"id": id, "number": 1, "base_version": current["version"]}),
    )
    .expect("restored");
    let history = call(
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
    let own = call(&window, "list_articles", json!({"filter": {"state": null, "section": null, "contributor": null, "assigned_editor": null}, "after": null, "limit": 50}))
        .expect("their articles");
    assert!(
        own["items"].as_array().is_some_and(|a| !a.is_empty()),
        "{own}"
    );
    for article in own["items"].as_array().into_iter().flatten() {
        let moves = call(
            &window,
            "article_moves",
            json!({"id": article["id"], "note": null}),
        )
        .expect("moves");
        assert!(
            find(&moves, "approve").is_none(),
            "approve offered to a contributor: {moves}"
        );
        let refused = call(
            &window,
            "move_article",
            json!({"id": article["id"], "action": "approve", "args": {"note": null}}),
        );
        assert!(refused.is_err(), "the core let a contributor approve");
    }
}
