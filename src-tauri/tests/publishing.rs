//! Scheduling, the calendar, the Publishing panel's jobs and the publishing settings through
//! Tauri's IPC (mock runtime), on a desk file in a temporary folder.

mod common;

use common::call;
use serde_json::{Value, json};

#[test]
fn an_approved_piece_is_scheduled_into_a_slot_and_shows_on_the_calendar() {
    let desk = common::harbour_post();
    let (dir, window) = (&desk.dir, desk.window.clone());
    call(&window, "fill_sample_desk", json!({"articles": 60})).expect("the sample desk");

    let bad = json!({"section": {"name": "Opinion", "min_words": null, "max_words": null,
                                 "slots": ["Mon-Fri 8 o'clock"]}});
    let refused = call(&window, "put_section", bad).expect_err("a slot that does not parse");
    assert_eq!(refused["code"], "invalid_input");
    let good = json!({"section": {"name": "Opinion", "min_words": 300, "max_words": 2000,
                                  "slots": ["Mon-Fri 08:00 12:00"]}});
    call(&window, "put_section", good).expect("slots set");
    let settings = call(&window, "publishing_settings", json!({})).expect("settings");
    let opinion = settings["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["name"] == "Opinion")
        .cloned()
        .expect("Opinion");
    assert_eq!(opinion["slots"].as_array().map(Vec::len), Some(10));
    assert_eq!(opinion["slots"][0], "Mon 08:00");
    assert!(
        settings["publish_folder"]
            .as_str()
            .is_some_and(|f| f.ends_with("site"))
    );

    let approved = call(
        &window,
        "list_articles",
        json!({"filter": {"state": "approved", "section": null, "contributor": null,
                         "assigned_editor": null}, "after": null, "limit": 1}),
    )
    .expect("the approved queue");
    let id = approved["items"][0]["id"].clone();
    let gap = call(
        &window,
        "schedule_article",
        json!({"id": id, "when": {"at": "2031-03-30 01:30"}, "note": null}),
    )
    .expect_err("Lisbon skips 01:00–02:00 on 30 March 2031");
    assert_eq!(gap["code"], "invalid_input");
    assert!(
        gap["message"]
            .as_str()
            .unwrap_or("")
            .contains("does not exist"),
        "{gap}"
    );
    let scheduled = call(
        &window,
        "schedule_article",
        json!({"id": id, "when": {"at": "2031-06-02 08:00"}, "note": null}),
    )
    .expect("scheduled");
    assert_eq!(scheduled["state"], "scheduled");
    assert_eq!(scheduled["scheduled_at"], "2031-06-02T07:00:00Z");

    let calendar = call(
        &window,
        "calendar",
        json!({"from": "2031-06-01T00:00:00Z", "to": "2031-06-08T00:00:00Z"}),
    )
    .expect("the calendar");
    assert_eq!(calendar["entries"][0]["article_id"], id);
    let free = calendar["free_slots"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let held = usize::from(scheduled["section"] == "Opinion");
    assert_eq!(
        free.len(),
        10 - held,
        "two Opinion slots a weekday: {calendar}"
    );
    let taken = |f: &Value| f["at"] == "2031-06-02T07:00:00Z";
    assert_eq!(
        free.iter().any(taken),
        scheduled["section"] != "Opinion",
        "a slot held by the piece is not free"
    );
    let jobs = call(
        &window,
        "list_jobs",
        json!({"state": "pending", "after": null, "limit": 200}),
    )
    .expect("jobs");
    assert!(
        jobs["items"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|j| j["article_id"] == id && j["due_at"] == "2031-06-02T07:00:00Z"),
        "{jobs}"
    );
    let retry = call(&window, "retry_job", json!({"id": jobs["items"][0]["id"]}))
        .expect_err("a pending job is not retried");
    assert_eq!(retry["code"], "invalid_input");

    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").expect("a file");
    let folder = call(
        &window,
        "set_publish_folder",
        json!({"folder": file.join("site").display().to_string()}),
    )
    .expect_err("a folder inside a file");
    assert_eq!(folder["code"], "invalid_input");
    let zone = call(&window, "set_timezone", json!({"zone": "Atlantis/Capital"}))
        .expect_err("an unknown zone");
    assert_eq!(zone["code"], "invalid_input");
    let moved =
        call(&window, "set_timezone", json!({"zone": "America/New_York"})).expect("a new zone");
    assert_eq!(moved["timezone"], "America/New_York");
    let same = call(&window, "get_article", json!({"id": id})).expect("the article");
    assert_eq!(
        same["scheduled_at"], "2031-06-02T07:00:00Z",
        "the instant stays"
    );
}
