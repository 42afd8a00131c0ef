//! Import through Tauri's IPC (mock runtime): files previewed for the review sheet, a bad one
//! beside good ones, drafts corrected and committed file by file, and a contributor refused.

mod common;

use std::path::PathBuf;

use common::{call, invoke};
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import");
    dir.join(name).display().to_string()
}

/// The draft the review sheet sends for a preview the editor left as recognised.
fn draft_of(preview: &Value) -> Value {
    let byline: Vec<Value> = preview["byline"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            json!({"contributor_id": m["existing"]["id"], "name": m["name"], "email": m["email"],
                   "affiliation": m["affiliation"], "bio": m["bio"], "update_profile_bio": false})
        })
        .collect();
    json!({"file": preview["file"], "headline": preview["headline"],
           "standfirst": preview["standfirst"], "body": preview["body"],
           "section": preview["section"], "tags": preview["tags"], "byline": byline})
}

#[test]
fn files_are_previewed_corrected_and_committed_one_by_one() {
    let desk = common::harbour_post();
    let (dir, window) = (&desk.dir, desk.window.clone());
    let marta = json!({"contributor": {"display_name": "Marta Lindqvist", "email": null,
        "affiliation": "", "kind": "guest", "bio": "Marta Lindqvist writes on water."}});
    let marta = call(&window, "add_contributor", marta).expect("a contributor on file");

    // One call, three files: the bad ones say why in words, the good one still previews.
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("an empty file");
    let paths = json!([
        fixture("sahel-water.txt"),
        empty.display().to_string(),
        dir.path().join("gone.md").display().to_string(),
        fixture("nato-two-authors.txt")
    ]);
    let previews =
        invoke(&window, "preview_import_files", json!({"paths": paths})).expect("previews");
    let files: Vec<&Value> = previews.as_array().into_iter().flatten().collect();
    assert_eq!(files.len(), 4, "{previews}");
    let sahel = &files[0]["result"];
    assert_eq!(files[0]["file"], "sahel-water.txt");
    assert!(files[0]["error"].is_null(), "{previews}");
    assert!(
        sahel["headline"]
            .as_str()
            .is_some_and(|h| h.starts_with("Why the Sahel")),
        "{sahel}"
    );
    assert_eq!(sahel["format"], "text");
    let author = &sahel["byline"][0];
    assert_eq!(author["existing"]["id"], marta["id"], "{sahel}");
    assert_eq!(author["existing"]["matched_by"], "name");
    assert_eq!(author["existing"]["bio_differs"], true);
    for (bad, words) in [(&files[1], "empty.txt is empty"), (&files[2], "gone.md")] {
        assert!(bad["result"].is_null(), "{bad}");
        assert_eq!(bad["error"]["code"], "bad_file", "{bad}");
        assert!(
            bad["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains(words)),
            "{bad}"
        );
    }
    let nato = &files[3]["result"];
    assert_eq!(nato["byline"].as_array().map(Vec::len), Some(2), "{nato}");
    assert!(nato["byline"][0]["existing"].is_null());

    // Corrected in the sheet: a new headline, and the bio found made Marta's profile bio.
    let mut sahel_draft = draft_of(sahel);
    sahel_draft["headline"] = json!("Water deals in the Sahel fail for want of committees");
    sahel_draft["byline"][0]["update_profile_bio"] = json!(true);
    let found_bio = author["bio"].clone();
    // A file whose byline the editor emptied is refused on its own; the others are written.
    let mut nameless = draft_of(nato);
    nameless["file"] = json!("nameless.txt");
    nameless["byline"] = json!([]);
    let drafts = json!([sahel_draft, nameless, draft_of(nato)]);
    let results = call(&window, "commit_import", json!({"drafts": drafts})).expect("committed");
    let results: Vec<&Value> = results.as_array().into_iter().flatten().collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[1]["file"], "nameless.txt");
    assert!(results[1]["result"].is_null());
    assert_eq!(results[1]["error"]["code"], "bad_file", "{}", results[1]);

    let imported = &results[0]["result"];
    assert!(results[0]["error"].is_null(), "{}", results[0]);
    assert_eq!(imported["contributors"][0]["id"], marta["id"]);
    assert_eq!(imported["contributors"][0]["profile_bio_updated"], true);
    let article = call(
        &window,
        "get_article",
        json!({"id": imported["article_id"]}),
    )
    .expect("the imported article");
    assert_eq!(article["state"], "submitted");
    assert_eq!(
        article["headline"],
        "Water deals in the Sahel fail for want of committees"
    );
    let profile = call(&window, "get_contributor", json!({"key": marta["id"]})).expect("Marta");
    assert_eq!(profile["bio"], found_bio);

    // Both NATO authors become new guests.
    let nato_done = &results[2]["result"];
    let guests = nato_done["contributors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(guests.len(), 2, "{nato_done}");
    assert!(guests.iter().all(|c| c["created"] == true), "{nato_done}");
    let guest = call(&window, "get_contributor", json!({"key": guests[0]["id"]})).expect("a guest");
    assert_eq!(guest["kind"], "guest");
    let submitted = call(
        &window,
        "list_articles",
        json!({"filter": {"state": "submitted", "section": null, "contributor": null,
                         "assigned_editor": null}, "after": null, "limit": 10}),
    )
    .expect("the Submitted queue");
    assert_eq!(
        submitted["items"].as_array().map(Vec::len),
        Some(2),
        "{submitted}"
    );

    // A contributor may not import: the whole call is refused, nothing is read or written.
    let account = json!({"user": {"name": "Marta", "role": "contributor",
        "contributor": marta["id"], "passphrase": null}});
    call(&window, "add_user", account).expect("Marta's sign-in");
    invoke(
        &window,
        "sign_in",
        json!({"name": "Marta", "passphrase": null}),
    )
    .expect("signed in");
    let paths = json!([fixture("sahel-water.txt")]);
    let refused = invoke(&window, "preview_import_files", json!({"paths": paths}))
        .expect_err("not a contributor");
    assert_eq!(refused["code"], "forbidden", "{refused}");
    let drafts = json!([draft_of(nato)]);
    let refused =
        call(&window, "commit_import", json!({"drafts": drafts})).expect_err("not a contributor");
    assert_eq!(refused["code"], "forbidden", "{refused}");
}
