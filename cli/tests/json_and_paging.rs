//! What scripts rely on: the JSON shapes of `article show` and `article list`, and paging
//! through lists with the cursors the CLI hands out.

mod common;

use std::collections::HashSet;

use common::{TestDesk, str_of};
use serde_json::Value;

#[test]
fn article_show_json_is_the_core_article_with_byline_entries_and_access() {
    let d = TestDesk::staffed();
    d.ok(
        Some("Eddie"),
        &["contributor", "add", "Sam Staff", "--staff"],
    );
    let body = d.write("b.md", b"Some body text here.");
    let id = d.new_article(
        "Eddie",
        &[
            "--headline",
            "Shape of things",
            "--standfirst",
            "A standfirst",
            "--byline",
            "Jane Roe",
            "--byline",
            "Sam Staff",
            "--section",
            "News",
            "--tag",
            "shapes",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    let a = d.json(Some("Eddie"), &["article", "show", &id]);
    assert!(a.is_object());
    assert_eq!(str_of(&a, "id"), id);
    assert_eq!(a["slug"], "shape-of-things");
    assert_eq!(a["headline"], "Shape of things");
    assert_eq!(a["standfirst"], "A standfirst");
    assert_eq!(a["body"], "Some body text here.");
    assert_eq!(a["state"], "draft");
    assert_eq!(a["version"], 1);
    assert_eq!(a["word_count"], 4);
    assert_eq!(a["section"], "News");
    assert_eq!(a["tags"], serde_json::json!(["shapes"]));
    let entries = a["byline"].as_array().expect("byline");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["name"], "Jane Roe");
    assert!(entries[0]["contributor_id"].is_string());
    assert_eq!(
        entries[0]["printed_bio"],
        "Jane Roe is a senior fellow at the Institute of Things."
    );
    // Instants in UTC with a Z, and what the reader may do with it.
    assert!(str_of(&a, "created_at").ends_with('Z'), "{a}");
    assert_eq!(a["access"]["can_edit_text"], true);
    assert!(a["access"]["moves"].as_array().is_some(), "{a}");
}

#[test]
fn article_list_json_is_a_page_whose_next_continues_it() {
    let d = TestDesk::staffed();
    for i in 0..3 {
        d.new_article(
            "jane",
            &["--headline", &format!("Piece {i}"), "--section", "Opinion"],
        );
    }
    let page = d.json(Some("Eddie"), &["article", "list", "--limit", "2"]);
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    let next = str_of(&page, "next");
    for item in items {
        for key in [
            "id",
            "headline",
            "state",
            "section",
            "word_count",
            "version",
        ] {
            assert!(!item[key].is_null(), "{key} missing in {item}");
        }
        assert_eq!(item["byline"][0]["name"], "Jane Roe");
        assert!(item["byline"][0]["contributor_id"].is_string());
    }
    let last = d.json(
        Some("Eddie"),
        &["article", "list", "--limit", "2", "--after", next],
    );
    assert!(last["next"].is_null());
    assert_eq!(last["items"].as_array().map(Vec::len), Some(1));
}

/// Follows `next` from the first page to the last, returning every id in order.
fn all_ids(d: &TestDesk, user: &str, args: &[&str], limit: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut a: Vec<&str> = args.to_vec();
        a.extend(["--limit", limit]);
        if let Some(c) = &after {
            a.extend(["--after", c.as_str()]);
        }
        let page = d.json(Some(user), &a);
        pages += 1;
        assert!(pages < 100, "paging does not end");
        for item in page["items"].as_array().expect("items") {
            ids.push(str_of(item, "id").to_string());
        }
        match &page["next"] {
            Value::String(c) => after = Some(c.clone()),
            _ => break,
        }
    }
    ids
}

#[test]
fn paging_across_page_boundaries_has_no_duplicates_or_gaps() {
    let d = TestDesk::staffed();
    let mut created = Vec::new();
    for i in 0..11 {
        let section = if i % 2 == 0 { "News" } else { "Opinion" };
        created.push(d.new_article(
            "Eddie",
            &[
                "--headline",
                &format!("Article {i}"),
                "--byline",
                "Jane Roe",
                "--section",
                section,
            ],
        ));
    }
    // Newest first: the reverse of creation order.
    let expected: Vec<String> = created.iter().rev().cloned().collect();
    for limit in ["1", "3", "4", "11", "50"] {
        let ids = all_ids(&d, "Eddie", &["article", "list"], limit);
        assert_eq!(ids, expected, "limit {limit}");
    }
    let news = all_ids(&d, "Eddie", &["article", "list", "--section", "News"], "2");
    assert_eq!(news.len(), 6);
    assert_eq!(news.iter().collect::<HashSet<_>>().len(), 6);
    // A contributor pages through their own pieces.
    let own = all_ids(&d, "jane", &["article", "list"], "5");
    assert_eq!(own, expected);

    // Human output tells how to continue.
    let human = d.ok(Some("Eddie"), &["article", "list", "--limit", "3"]);
    assert!(human.contains("more: --after "), "{human}");
    assert!(
        human.contains(&expected[0]),
        "ids are shown in full: {human}"
    );
}

#[test]
fn history_and_audit_page_too() {
    let d = TestDesk::staffed();
    let id = d.new_article("Eddie", &["--headline", "v1", "--byline", "Jane Roe"]);
    for v in 1..7 {
        d.ok(
            Some("Eddie"),
            &[
                "article",
                "edit",
                &id,
                "--base-version",
                &v.to_string(),
                "--headline",
                &format!("v{}", v + 1),
            ],
        );
    }
    let mut numbers = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut args = vec!["article", "history", id.as_str(), "--limit", "3"];
        if let Some(c) = &after {
            args.extend(["--after", c.as_str()]);
        }
        let page = d.json(Some("Eddie"), &args);
        for r in page["items"].as_array().expect("items") {
            numbers.push(r["number"].as_i64().expect("number"));
        }
        match &page["next"] {
            Value::String(c) => after = Some(c.clone()),
            _ => break,
        }
    }
    assert_eq!(numbers, [7, 6, 5, 4, 3, 2, 1]);
}

#[test]
fn failures_with_json_print_the_error_object() {
    let d = TestDesk::staffed();
    let o = d.run(Some("Eddie"), &["--json", "article", "show", "no-such-id"]);
    common::assert_one_line_failure(&["article", "show"], &o);
    let v: Value = serde_json::from_str(&o.stdout).expect("one JSON object");
    assert_eq!(v["error"]["code"], "not_found");
    assert!(str_of(&v["error"], "message").contains("no-such-id"));

    let body = d.write("b.md", b"Too short.");
    let id = d.new_article(
        "Eddie",
        &[
            "--headline",
            "Short",
            "--byline",
            "Jane Roe",
            "--body-file",
            body.to_str().expect("utf-8 path"),
        ],
    );
    d.ok(Some("Eddie"), &["article", "move", &id, "submit"]);
    d.ok(Some("Eddie"), &["article", "move", &id, "claim"]);
    let o = d.run(
        Some("Eddie"),
        &["--json", "article", "move", &id, "approve"],
    );
    let v: Value = serde_json::from_str(&o.stdout).expect("one JSON object");
    assert_eq!(v["error"]["code"], "not_ready");
    assert_eq!(v["error"]["details"]["kind"], "not_ready");
    let unmet = v["error"]["details"]["unmet"].as_array().expect("unmet");
    let label = |field: &str| {
        unmet
            .iter()
            .find(|u| u["field"] == field)
            .map(|u| u["label"].clone())
    };
    assert_eq!(label("standfirst"), Some("no standfirst".into()), "{v}");
    assert_eq!(label("section"), Some("no section".into()), "{v}");
}
