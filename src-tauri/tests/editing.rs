//! Writing, contributors, search and the activity log through Tauri's IPC (mock runtime), on a
//! desk file in a temporary folder.

mod common;

use common::call;
use serde_json::{Value, json};

fn draft(headline: &str, body: &str, byline: Value) -> Value {
    json!({"headline": headline, "standfirst": "A standfirst.", "body": body, "section": null,
           "tags": ["harbour"], "byline": byline, "related": []})
}

#[test]
fn an_editor_writes_saves_meets_a_conflict_and_finds_the_piece() {
    let desk = common::harbour_post();
    let window = desk.window.clone();
    let chief = desk.chief.clone();

    // A guest added inline from the byline picker, and found again by name, accents ignored.
    let guest = json!({"contributor": {"display_name": "Amélie Faure", "email": "amelie@example.org",
        "affiliation": "University of Porto", "kind": "guest", "bio": "Amélie Faure is a historian."}});
    let amelie = call(&window, "add_contributor", guest).expect("a guest");
    assert_eq!(amelie["kind"], "guest");
    let found = call(&window, "find_contributors", json!({"query": "amelie"})).expect("found");
    assert_eq!(found[0]["id"], amelie["id"]);
    let blank = json!({"contributor": {"display_name": " ", "email": null, "affiliation": "",
        "kind": "guest", "bio": ""}});
    let refused = call(&window, "add_contributor", blank).expect_err("a nameless contributor");
    assert_eq!(refused["code"], "invalid_input");

    // The chief gives her a sign-in; a second account of that name is refused.
    let account = json!({"user": {"name": "Amélie", "role": "contributor",
        "contributor": amelie["id"], "passphrase": null}});
    let user = call(&window, "add_user", account.clone()).expect("an account");
    assert_eq!(user["contributor_id"], amelie["id"]);
    let twice = call(&window, "add_user", account).expect_err("the name is taken");
    assert_eq!(twice["code"], "invalid_input", "{twice}");

    let byline = json!([{"contributor": amelie["id"], "printed_bio": null}]);
    let body = "The harbour wall was **rebuilt** in 1904.";
    let article = call(
        &window,
        "create_article",
        json!({"article": draft("The harbour wall", body, byline.clone())}),
    )
    .expect("a draft");
    assert_eq!(
        article["byline"][0]["printed_bio"],
        "Amélie Faure is a historian."
    );
    let v1 = article["version"].clone();

    // An autosave on the version shown moves it on; the same text again writes nothing.
    let own_bio =
        json!([{"contributor": amelie["id"], "printed_bio": "Amélie Faure writes on ports."}]);
    let edited = draft(
        "The harbour wall",
        "The harbour wall was rebuilt in 1905.",
        own_bio.clone(),
    );
    let saved = call(
        &window,
        "save_article",
        json!({"id": article["id"], "base_version": v1, "edit": edited.clone(), "autosave": true}),
    )
    .expect("autosaved");
    assert!(saved["version"].as_u64() > v1.as_u64());
    assert_eq!(saved["byline"][0]["bio_is_own"], true);
    let again = call(&window, "save_article", json!({"id": article["id"], "base_version": saved["version"], "edit": edited, "autosave": true}))
    .expect("nothing to save");
    assert_eq!(again["version"], saved["version"]);

    // Saving on the old version is a conflict, and nothing is written.
    let stale = call(
        &window,
        "save_article",
        json!({"id": article["id"], "base_version": v1, "autosave": false,
               "edit": draft("Another headline", body, own_bio)}),
    )
    .expect_err("a stale version");
    assert_eq!(stale["code"], "conflict", "{stale}");
    let now = call(&window, "get_article", json!({"id": article["id"]})).expect("the article");
    assert_eq!(now["headline"], "The harbour wall");
    assert_eq!(now["version"], saved["version"]);

    // Search finds the autosaved text; the contributor search finds the bio.
    let hits = call(
        &window,
        "search_articles",
        json!({"text": "1905", "after": null, "limit": 10}),
    )
    .expect("hits");
    assert_eq!(hits["items"][0]["id"], article["id"]);
    assert!(
        hits["items"][0]["snippet"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p["hit"] == true && p["text"] == "1905"),
        "{hits}"
    );
    let people = call(
        &window,
        "search_contributors",
        json!({"text": "historian", "limit": 5}),
    )
    .expect("contributors");
    assert_eq!(people[0]["id"], amelie["id"]);
    let nothing = call(
        &window,
        "search_articles",
        json!({"text": "  ", "after": null, "limit": 10}),
    )
    .expect_err("no words");
    assert_eq!(nothing["code"], "invalid_input");

    // Submitted, claimed: the chief's "In review: mine" holds it, and the audit log tells it.
    for action in ["submit", "claim"] {
        call(
            &window,
            "move_article",
            json!({"id": article["id"], "action": action, "args": {"note": null}}),
        )
        .expect("moved");
    }
    let mine = call(
        &window,
        "list_articles",
        json!({"filter": {"state": "in_review", "section": null, "contributor": null,
                         "assigned_editor": chief["id"]}, "after": null, "limit": 10}),
    )
    .expect("in review: mine");
    assert_eq!(mine["items"][0]["id"], article["id"]);
    let log = call(
        &window,
        "audit_log",
        json!({"article": article["id"], "user": null, "after": null, "limit": 10}),
    )
    .expect("the log");
    let actions: Vec<&str> = log["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, ["claim", "submit"]);
    assert_eq!(log["items"][0]["actor"], "Ines");

    // A profile edit keeps the old bio in its history; a merge moves the byline over.
    let changes = json!({"display_name": "Amélie Faure", "sort_name": "Faure, Amélie",
        "email": "amelie@example.org", "affiliation": "University of Porto", "kind": "guest",
        "bio": "Amélie Faure is a maritime historian.", "links": [], "private_notes": ""});
    call(
        &window,
        "edit_contributor",
        json!({"key": amelie["id"], "edit": changes}),
    )
    .expect("edited");
    let bios = call(
        &window,
        "contributor_bio_history",
        json!({"key": amelie["id"]}),
    )
    .expect("bio history");
    assert_eq!(bios[0]["bio"], "Amélie Faure is a historian.");
    let twin = json!({"contributor": {"display_name": "A. Faure", "email": null,
        "affiliation": "", "kind": "guest", "bio": ""}});
    let twin = call(&window, "add_contributor", twin).expect("a duplicate");
    let merged = call(
        &window,
        "merge_contributors",
        json!({"from": twin["id"], "into": amelie["id"]}),
    )
    .expect("merged");
    assert_eq!(merged["id"], amelie["id"]);
    let gone = call(&window, "get_contributor", json!({"key": twin["id"]})).expect_err("gone");
    assert_eq!(gone["code"], "not_found");
    let page = call(
        &window,
        "list_contributors",
        json!({"after": null, "limit": 10}),
    )
    .expect("the directory");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
}

#[test]
fn text_kept_in_the_journal_outlives_the_window_until_a_save_of_it_is_confirmed() {
    let desk = common::harbour_post();
    let window = desk.window.clone();
    let article = call(
        &window,
        "create_article",
        json!({"article": draft("Tides", "", json!([]))}),
    )
    .expect("a draft");
    let id = article["id"].clone();
    let typed = json!({"headline": "Tides", "body": "The spring tide came in at dawn."});
    common::invoke(
        &window,
        "journal_keep",
        json!({"articleId": id, "baseVersion": article["version"], "edit": typed}),
    )
    .expect("kept");

    // The window goes (killed, say) and a new one opens on the same desk and journal.
    let (dir, _app) = (desk.dir, desk.app);
    let state = copydesk_app::AppState::open(
        Ok(dir.path().join("desk.db")),
        Ok(dir.path().join("journal.db")),
    );
    let (_again, window) = common::open(state);
    let refused = common::invoke(&window, "journal_list", json!({})).expect_err("signed out");
    assert_eq!(refused["code"], "signed_out");
    common::invoke(
        &window,
        "sign_in",
        json!({"name": "Ines", "passphrase": null}),
    )
    .expect("signed in");
    let kept = common::invoke(&window, "journal_list", json!({})).expect("the journal");
    assert_eq!(kept[0]["article_id"], id);
    assert_eq!(kept[0]["base_version"], article["version"]);
    assert_eq!(kept[0]["edit"], typed);

    // A save of other text leaves it; a save of this text clears it.
    let other = json!({"articleId": id, "saved": {"headline": "Tides", "body": "The spring"}});
    let cleared = common::invoke(&window, "journal_settle", other).expect("settled");
    assert_eq!(cleared, json!(false));
    let saved = call(
        &window,
        "save_article",
        json!({"id": id, "base_version": article["version"], "edit": typed, "autosave": true}),
    )
    .expect("saved");
    assert_eq!(saved["body"], "The spring tide came in at dawn.");
    let settle = json!({"articleId": id, "saved": typed});
    let cleared = common::invoke(&window, "journal_settle", settle).expect("settled");
    assert_eq!(cleared, json!(true));
    let kept = common::invoke(&window, "journal_list", json!({})).expect("the journal");
    assert_eq!(kept, json!([]));

    common::invoke(
        &window,
        "journal_keep",
        json!({"articleId": id, "baseVersion": saved["version"], "edit": {"body": "x"}}),
    )
    .expect("kept");
    common::invoke(&window, "journal_discard", json!({"articleId": id})).expect("discarded");
    let kept = common::invoke(&window, "journal_list", json!({})).expect("the journal");
    assert_eq!(kept, json!([]));
}

#[test]
fn a_desk_that_could_not_be_opened_is_opened_when_asked_again() {
    let dir = tempfile::tempdir().expect("a temp folder");
    // The desk's folder cannot be made: a file stands where it should be.
    let blocker = dir.path().join("desks");
    std::fs::write(&blocker, b"not a folder").expect("a file");
    let state = copydesk_app::AppState::open(
        Ok(blocker.join("desk.db")),
        Ok(dir.path().join("journal.db")),
    );
    let (_app, window) = common::open(state);
    let refused = common::invoke(&window, "desk_status", json!({})).expect_err("no desk yet");
    assert_eq!(refused["code"], "io", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap_or("")
            .contains("the folder for the desk file")
            && refused["message"]
                .as_str()
                .unwrap_or("")
                .contains("a file stands where a folder is needed"),
        "{refused}"
    );
    // The system's own words are kept apart, under Details.
    assert_eq!(refused["details"]["kind"], "technical", "{refused}");
    // The person moves the file away and presses "Try again".
    std::fs::remove_file(&blocker).expect("the file goes");
    let status =
        common::invoke(&window, "desk_status", json!({})).expect("opened on the second try");
    assert_eq!(
        status["settings"],
        Value::Null,
        "a new desk file, not set up yet"
    );
}
