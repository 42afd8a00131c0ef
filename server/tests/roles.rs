//! Every operation of the API against every role, over HTTP. Each operation has a decision
//! here (who may call it, and on whose things): a new operation without one fails the test.
//! Every call a role may not make is refused (403, or 404 where the thing is not even said to
//! exist to them) and writes nothing; without a token every operation is 401 and writes nothing;
//! the role that may then does, and is answered 200.
mod common;

use std::collections::BTreeSet;

use common::*;
use copydesk_core::api::*;
use copydesk_core::{ApiError, ErrorCode};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Contributor,
    Editor,
    Chief,
}

/// One call: refused to `refused`, done by `done_by` (by no one on a team desk: none).
struct Case {
    op: &'static str,
    input: Value,
    refused: &'static [Who],
    done_by: Option<Who>,
}

const NOBODY: &[Who] = &[];
const CONTRIBUTOR: &[Who] = &[Who::Contributor];
const BELOW_CHIEF: &[Who] = &[Who::Contributor, Who::Editor];
const EVERYONE: &[Who] = &[Who::Contributor, Who::Editor, Who::Chief];

fn case(op: &'static str, input: Value, refused: &'static [Who], done_by: Who) -> Case {
    Case {
        op,
        input,
        refused,
        done_by: Some(done_by),
    }
}

/// What a team desk's server keeps for itself, whoever asks.
fn server_only(op: &'static str, input: Value) -> Case {
    Case {
        op,
        input,
        refused: EVERYONE,
        done_by: None,
    }
}

#[test]
fn every_operation_has_a_role_decision_and_each_refused_call_writes_nothing() {
    let t = team_desk();
    let chief = t.signed_in(CHIEF);
    let editor = t.signed_in(EDITOR);
    let author = t.signed_in(AUTHOR);
    let client = |who: Who| match who {
        Who::Contributor => &author,
        Who::Editor => &editor,
        Who::Chief => &chief,
    };
    let body = "word ".repeat(600);
    let new_piece = |c: &copydesk_client::Client, headline: &str, byline: Option<&str>| {
        c.call(&CreateArticle {
            article: NewArticle {
                headline: headline.into(),
                standfirst: "A standfirst.".into(),
                body: body.clone(),
                section: Some("Opinion".into()),
                byline: byline.map(BylineEntry::named).into_iter().collect(),
                ..Default::default()
            },
        })
        .unwrap()
    };
    // The editor's piece (a contributor does not see it), the contributor's own, and one
    // approved for scheduling.
    let desk_piece = new_piece(&editor, "The desk's piece", Some("John Doe"));
    let own_piece = new_piece(&author, "Jane's own piece", None);
    let approved = new_piece(&editor, "Ready to go", Some("John Doe"));
    for action in ["submit", "claim", "approve"] {
        let (status, body, _) = call(
            &t,
            Some(&editor),
            "move_article",
            &json!({"id": approved.id, "action": action}),
        );
        assert_eq!(status, 200, "{action}: {body}");
    }
    // A job that failed, for retrying: scheduled, then marked failed as a publisher would.
    let to_retry = new_piece(&editor, "Failed to go out", Some("John Doe"));
    for action in ["submit", "claim", "approve"] {
        let (status, body, _) = call(
            &t,
            Some(&editor),
            "move_article",
            &json!({"id": to_retry.id, "action": action}),
        );
        assert_eq!(status, 200, "{action}: {body}");
    }
    let (status, body, _) = call(
        &t,
        Some(&editor),
        "schedule_article",
        &json!({"id": to_retry.id, "when": {"at": "2026-12-21 08:00"}}),
    );
    assert_eq!(status, 200, "{body}");
    let failed_job: String = t
        .sql()
        .query_one(
            "UPDATE publish_jobs SET state = 'failed', error = 'the disk was full'
              WHERE article_pk = (SELECT pk FROM articles WHERE id = $1) RETURNING id",
            &[&to_retry.id],
        )
        .unwrap()
        .get(0);
    let editors_note = editor
        .call(&AddNote {
            article_id: own_piece.id.clone(),
            body: "Check the second figure.".into(),
            reply_to: None,
            anchor: None,
        })
        .unwrap();
    // Another editor's session: only the chief ends it.
    let others_session = t.signed_in(EDITOR2).call(&ListSessions {}).unwrap()[0]
        .id
        .clone();
    // Jane signed in on a second computer: she may end that session herself.
    let authors_other_session = t.client().sign_in(AUTHOR.0, AUTHOR.1).unwrap().session.id;
    let spare = |name: &str| {
        editor
            .call(&AddContributor {
                contributor: copydesk_core::desk::NewContributor::guest(name),
            })
            .unwrap()
            .id
    };
    let (to_merge, to_delete) = (spare("Merged Away"), spare("Deleted Soon"));
    let file = json!({
        "name": "piece.txt",
        "content_base64": "SGVhZGxpbmUKCkJ5IEphbmUgUm9lCgpCb2R5IHRleHQgaGVyZS4="
    });
    let draft = json!({
        "file": "piece.txt", "headline": "Imported", "standfirst": "", "body": "Body text here.",
        "section": null, "tags": [], "byline": [{"name": "Jane Roe", "update_profile_bio": false}]
    });
    let (from, to) = ("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");
    let edit = json!({"body": format!("{body}And a changed ending.")});

    let cases = vec![
        // Reading the desk and one's own things: everyone signed in.
        case("desk_settings", json!({}), NOBODY, Who::Contributor),
        case("list_users", json!({}), NOBODY, Who::Contributor),
        case("list_sessions", json!({}), NOBODY, Who::Contributor),
        case(
            "list_articles",
            json!({"filter": {}, "limit": 20}),
            NOBODY,
            Who::Contributor,
        ),
        case("list_presence", json!({}), NOBODY, Who::Contributor),
        case("publishing_settings", json!({}), NOBODY, Who::Contributor),
        case(
            "list_contributors",
            json!({"limit": 20}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "find_contributors",
            json!({"query": "Jo"}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "get_contributor",
            json!({"key": t.john_id}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "contributor_bio_history",
            json!({"key": t.jane_id}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "search_articles",
            json!({"text": "word", "filter": {}, "limit": 20}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "search_contributors",
            json!({"text": "energy", "limit": 20}),
            NOBODY,
            Who::Contributor,
        ),
        case("audit_log", json!({"limit": 20}), NOBODY, Who::Contributor),
        case(
            "create_article",
            json!({"article": {"headline": "Another of mine"}}),
            NOBODY,
            Who::Contributor,
        ),
        // Articles: a contributor's own, never the desk's.
        case(
            "get_article",
            json!({"id": desk_piece.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "get_article",
            json!({"id": own_piece.id}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "article_moves",
            json!({"id": desk_piece.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "article_readiness",
            json!({"id": desk_piece.id, "action": "submit", "args": {}}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "mark_presence",
            json!({"article_id": desk_piece.id, "typing": false}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "leave_presence",
            json!({"article_id": desk_piece.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "list_notes",
            json!({"article_id": desk_piece.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "add_note",
            json!({"article_id": desk_piece.id, "body": "A note."}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "article_history",
            json!({"id": desk_piece.id, "limit": 20}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "get_revision",
            json!({"id": desk_piece.id, "number": 1}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "revision_diff",
            json!({"id": desk_piece.id, "from": 1, "to": 1}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "article_milestones",
            json!({"id": desk_piece.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "save_article",
            json!({"id": desk_piece.id, "base_version": desk_piece.version, "edit": edit, "autosave": true}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "save_article",
            json!({"id": own_piece.id, "base_version": own_piece.version, "edit": edit, "autosave": true}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "resolve_conflict",
            json!({"id": desk_piece.id, "theirs_version": desk_piece.version + 1, "mine": edit, "resolution": {"choice": "keep_mine"}}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "restore_revision",
            json!({"id": desk_piece.id, "number": 1}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // Notes: their writer, an editor or the chief resolves them.
        case(
            "resolve_note",
            json!({"note_id": editors_note.id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // Moves: a contributor submits their own; the desk's moves are the desk's.
        case(
            "move_article",
            json!({"id": own_piece.id, "action": "submit"}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "move_article",
            json!({"id": own_piece.id, "action": "claim"}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "move_article",
            json!({"id": own_piece.id, "action": "approve"}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "schedule_article",
            json!({"id": approved.id, "when": {"at": "2026-12-20 08:00"}}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // Profiles: a contributor edits their own only.
        case(
            "edit_contributor",
            json!({"key": t.john_id, "edit": {"affiliation": "Energy Watch"}}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "edit_contributor",
            json!({"key": t.jane_id, "edit": {"affiliation": "Water Institute"}}),
            NOBODY,
            Who::Contributor,
        ),
        case(
            "add_contributor",
            json!({"contributor": {"display_name": "New Writer", "kind": "guest"}}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "merge_contributors",
            json!({"from": to_merge, "into": t.john_id}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "delete_contributor",
            json!({"key": to_delete}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // The schedule and the outbox.
        case(
            "next_free_slots",
            json!({"section": "Opinion", "count": 3}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "calendar",
            json!({"from": from, "to": to}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "export_ics",
            json!({"from": from, "to": to}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case("list_jobs", json!({"limit": 20}), CONTRIBUTOR, Who::Editor),
        case("rebuild_site", json!({}), CONTRIBUTOR, Who::Editor),
        case("test_publish_target", json!({}), CONTRIBUTOR, Who::Editor),
        // Import: the desk reads files in.
        case(
            "preview_import",
            json!({"files": [file]}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        case(
            "commit_import",
            json!({"drafts": [draft]}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // Sessions and passphrases: one's own, or the chief for anyone.
        case(
            "revoke_session",
            json!({"id": others_session}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "set_passphrase",
            json!({"user": EDITOR2.0, "passphrase": "a new passphrase here"}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        // The chief runs the desk.
        case(
            "add_user",
            json!({"user": {"name": "Newcomer", "role": "editor"}}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "set_role",
            json!({"user": EDITOR2.0, "role": "chief"}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "put_section",
            json!({"section": {"name": "Culture", "min_words": 300, "max_words": 900, "slots": []}}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "set_timezone",
            json!({"zone": "Europe/Lisbon"}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        // The publish folder belongs to the server (copydesk serve --publish-folder).
        server_only(
            "set_publish_folder",
            json!({"folder": t.site.path().join("elsewhere")}),
        ),
        case(
            "set_site_url",
            json!({"url": "https://meridian.example.org"}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "set_publish_target",
            json!({"target": {"kind": "folder"}}),
            BELOW_CHIEF,
            Who::Chief,
        ),
        case(
            "retry_job",
            json!({"id": failed_job}),
            CONTRIBUTOR,
            Who::Editor,
        ),
        // One's own session, on another computer.
        case(
            "revoke_session",
            json!({"id": authors_other_session}),
            NOBODY,
            Who::Contributor,
        ),
        // Last of all: the sample's due pieces are then published in the background.
        case(
            "fill_sample_desk",
            json!({"articles": 3}),
            BELOW_CHIEF,
            Who::Chief,
        ),
    ];
    let decided: BTreeSet<&str> = cases.iter().map(|c| c.op).collect();
    let every: BTreeSet<&str> = operations().iter().map(|o| o.name).collect();
    let undecided: Vec<_> = every.difference(&decided).collect();
    assert!(
        undecided.is_empty(),
        "operations without a role decision in this test: {undecided:?}"
    );

    for c in &cases {
        let before = t.changes();
        let (status, body, _) = call(&t, None, c.op, &c.input);
        assert_eq!(status, 401, "no one {}: {body}", c.op);
        for who in c.refused {
            let (status, body, _) = call(&t, Some(client(*who)), c.op, &c.input);
            assert!(
                status == 403 || status == 404,
                "{who:?} {} {}: {status} {body}",
                c.op,
                c.input
            );
            let error: ApiError = serde_json::from_value(body.clone()).unwrap();
            assert!(
                matches!(error.code, ErrorCode::Forbidden | ErrorCode::NotFound),
                "{who:?} {}: {body}",
                c.op
            );
        }
        assert_eq!(t.changes(), before, "a refused {} wrote something", c.op);
        if let Some(who) = c.done_by {
            let (status, body, _) = call(&t, Some(client(who)), c.op, &c.input);
            assert_eq!(status, 200, "{who:?} {} {}: {body}", c.op, c.input);
        }
    }
    t.stop();
}

fn call(
    t: &TeamDesk,
    who: Option<&copydesk_client::Client>,
    op: &str,
    input: &Value,
) -> (u16, Value, reqwest::header::HeaderMap) {
    raw(
        &t.base(),
        "POST",
        &format!("/api/ops/{op}"),
        who.and_then(|c| c.token()),
        Some("application/json"),
        input.to_string().into_bytes(),
    )
}
