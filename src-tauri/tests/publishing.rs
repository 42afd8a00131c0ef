//! Scheduling, the calendar, the Publishing panel's jobs and the publishing settings through
//! Tauri's IPC (mock runtime), on a desk file in a temporary folder.

mod common;

use common::invoke;
use serde_json::{Value, json};

#[test]
fn an_approved_piece_is_scheduled_into_a_slot_and_shows_on_the_calendar() {
    let desk = common::harbour_post();
    let (dir, window) = (&desk.dir, desk.window.clone());
    invoke(&window, "fill_sample_desk", json!({})).expect("the sample desk");

    let bad = json!({"section": {"name": "Opinion", "min_words": null, "max_words": null,
                                 "slots": ["Mon-Fri 8 o'clock"]}});
    let refused = invoke(&window, "put_section", bad).expect_err("a slot that does not parse");
    assert_eq!(refused["code"], "invalid_input");
    let good = json!({"section": {"name": "Opinion", "min_words": 300, "max_words": 2000,
                                  "slots": ["Mon-Fri 08:00 12:00"]}});
    invoke(&window, "put_section", good).expect("slots set");
    let settings = invoke(&window, "publishing_settings", json!({})).expect("settings");
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

    let approved = invoke(
        &window,
        "list_articles",
        json!({"query": {"state": "approved", "section": null, "contributor": null,
                         "assigned_editor": null}, "after": null, "limit": 1}),
    )
    .expect("the approved queue");
    let id = approved["items"][0]["id"].clone();
    let gap = invoke(
        &window,
        "schedule_article",
        json!({"id": id, "at": "2031-03-30 01:30", "note": null}),
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
    let scheduled = invoke(
        &window,
        "schedule_article",
        json!({"id": id, "at": "2031-06-02 08:00", "note": null}),
    )
    .expect("scheduled");
    assert_eq!(scheduled["state"], "scheduled");
    assert_eq!(scheduled["scheduled_at"], "2031-06-02T07:00:00+00:00");

    let calendar = invoke(
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
    let taken = |f: &Value| f["at"] == "2031-06-02T07:00:00+00:00";
    assert_eq!(
        free.iter().any(taken),
        scheduled["section"] != "Opinion",
        "a slot held by the piece is not free"
    );
    let jobs = invoke(
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
            .any(|j| j["article_id"] == id && j["due_at"] == "2031-06-02T07:00:00+00:00"),
        "{jobs}"
    );
    let retry = invoke(&window, "retry_job", json!({"id": jobs["items"][0]["id"]}))
        .expect_err("a pending job is not retried");
    assert_eq!(retry["code"], "invalid_input");

    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").expect("a file");
    let folder = invoke(
        &window,
        "set_publish_folder",
        json!({"folder": file.join("site").display().to_string()}),
    )
    .expect_err("a folder inside a file");
    assert_eq!(folder["code"], "invalid_input");
    let zone = invoke(&window, "set_timezone", json!({"zone": "Atlantis/Capital"}))
        .expect_err("an unknown zone");
    assert_eq!(zone["code"], "invalid_input");
    let moved =
        invoke(&window, "set_timezone", json!({"zone": "America/New_York"})).expect("a new zone");
    assert_eq!(moved["timezone"], "America/New_York");
    let same = invoke(&window, "get_article", json!({"id": id})).expect("the article");
    assert_eq!(
        same["scheduled_at"], "2031-06-02T07:00:00+00:00",
        "the instant stays"
    );
}
