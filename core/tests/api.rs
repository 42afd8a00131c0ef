//! The desk's one surface: operations run as the faces run them, the one error body, what an
//! article says its reader may do, conflicts settled in one call, and wire shapes.
mod common;

use chrono::Duration;
use common::*;
use copydesk_core::ApiError;
use copydesk_core::api::*;
use copydesk_core::model::SaveReason;

fn api_error(e: copydesk_core::Error) -> ApiError {
    e.into()
}

#[test]
fn operations_run_as_the_desk_does_and_their_inputs_travel_as_json() {
    let t = desk();
    let op = CreateArticle {
        article: ready_piece(),
    };
    // What a face sends is the operation itself, as JSON.
    let json = serde_json::to_value(&op).unwrap();
    let again: CreateArticle = serde_json::from_value(json).unwrap();
    let a = again.run(&t.desk, &t.author).unwrap();
    let read = GetArticle { id: a.id.clone() }
        .run(&t.desk, &t.author)
        .unwrap();
    assert_eq!(read, t.desk.get_article(&t.author, &a.id).unwrap());
    // A partial edit left out keeps a field; null clears it.
    let edit: ArticleEdit = serde_json::from_str(r#"{"section": null}"#).unwrap();
    assert_eq!(edit.section, Some(None));
    assert_eq!(edit.headline, None);
    let saved = SaveArticle {
        id: a.id.clone(),
        base_version: a.version,
        edit,
        autosave: false,
    }
    .run(&t.desk, &t.author)
    .unwrap();
    assert_eq!(saved.section, None);
    assert_eq!(saved.headline, a.headline);
}

#[test]
fn every_wire_value_has_one_shape() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let v = serde_json::to_value(&a).unwrap();
    assert!(v["created_at"].as_str().unwrap().ends_with('Z'), "{v}");
    assert_eq!(v["byline"][0]["name"], "Jane Roe");
    assert!(v["byline"][0]["contributor_id"].is_string());
    let page = t
        .desk
        .list_articles(&t.editor, &Default::default(), None, 5)
        .unwrap();
    let v = serde_json::to_value(&page).unwrap();
    assert_eq!(v["items"][0]["byline"][0]["name"], "Jane Roe");
    assert!(
        v["items"][0]["state_changed_at"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    assert_eq!(
        serde_json::to_value(Action::RequestChanges).unwrap(),
        "request-changes"
    );
}

#[test]
fn the_error_body_names_the_field_and_carries_the_details() {
    let t = desk();
    let empty = NewArticle {
        headline: "  ".into(),
        ..ready_piece()
    };
    let e = api_error(t.desk.create_article(&t.author, &empty).unwrap_err());
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.field.as_deref(), Some("headline"));
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["code"], "invalid_input");
    assert!(v.get("details").is_none(), "no details, no key: {v}");

    let unknown_section = NewArticle {
        section: Some("Sport".into()),
        ..ready_piece()
    };
    let e = api_error(
        t.desk
            .create_article(&t.author, &unknown_section)
            .unwrap_err(),
    );
    assert_eq!(e.field.as_deref(), Some("section"));

    // An unready move: every unmet check, with its field; the first is the error's field.
    let mut piece = ready_piece();
    piece.standfirst.clear();
    let a = t.desk.create_article(&t.author, &piece).unwrap();
    let submitted = t.mv(&t.author, &a, Action::Submit, None).unwrap();
    let a = t.mv(&t.editor, &submitted, Action::Claim, None).unwrap();
    let e = api_error(t.mv(&t.editor, &a, Action::Approve, None).unwrap_err());
    assert_eq!(e.code, ErrorCode::NotReady);
    assert_eq!(e.field.as_deref(), Some("standfirst"));
    let Some(ErrorDetails::NotReady { action, unmet }) = e.details.as_deref() else {
        panic!("not-ready details: {e:?}")
    };
    assert_eq!(*action, Action::Approve);
    assert_eq!(unmet.len(), 1);
    assert_eq!(unmet[0].label, "no standfirst");

    // A stale save: the text stored now and both versions.
    let e = api_error(
        t.edit_body(&t.editor, &submitted, "Other words.")
            .unwrap_err(),
    );
    let Some(ErrorDetails::Conflict {
        base_version,
        current_version,
        current,
    }) = e.details.as_deref()
    else {
        panic!("conflict details: {e:?}")
    };
    assert_eq!(
        (*base_version, *current_version),
        (submitted.version, a.version)
    );
    assert_eq!(current.body, a.body);
}

#[test]
fn a_storage_failure_speaks_words_and_keeps_the_technical_detail_apart() {
    let e: ApiError = copydesk_core::Error::Busy("database is locked".into()).into();
    assert_eq!(e.code, ErrorCode::Busy);
    assert!(!e.message.contains("database is locked"), "{}", e.message);
    assert!(
        e.message.contains("in use by another program"),
        "{}",
        e.message
    );
    assert_eq!(
        e.details.as_deref(),
        Some(&ErrorDetails::Technical {
            detail: "database is locked".into()
        })
    );
}

#[test]
fn an_article_says_what_its_reader_may_do() {
    let t = desk();
    let a = t.new_draft(&t.author);
    assert!(a.access.can_edit_text);
    let submit = a
        .access
        .moves
        .iter()
        .find(|m| m.action == Action::Submit)
        .expect("the author may submit");
    assert!(submit.allowed && !submit.needs_note && !submit.needs_time);

    let a = t.mv(&t.author, &a, Action::Submit, None).unwrap();
    assert!(!a.access.can_edit_text);
    assert!(
        a.access
            .edit_refusal
            .as_deref()
            .is_some_and(|r| r.contains("draft")),
        "{:?}",
        a.access
    );
    assert!(a.access.moves.is_empty(), "{:?}", a.access.moves);

    let seen = t.desk.get_article(&t.editor, &a.id).unwrap();
    assert!(seen.access.can_edit_text);
    let actions: Vec<Action> = seen.access.moves.iter().map(|m| m.action).collect();
    assert_eq!(actions, [Action::Claim, Action::Reject]);
    let reject = &seen.access.moves[1];
    assert!(reject.needs_note && !reject.allowed);
    assert_eq!(reject.checks[0].field.as_deref(), Some("note"));
    // With the note typed so far, the same move is allowed.
    let with_note = t
        .desk
        .available_moves(&t.editor, &a.id, Some("Not for us."))
        .unwrap();
    assert!(with_note.iter().all(|m| m.allowed), "{with_note:?}");

    // Unmet checks come first.
    let a = t.mv(&t.editor, &seen, Action::Claim, None).unwrap();
    let approve = a
        .access
        .moves
        .iter()
        .find(|m| m.action == Action::Approve)
        .unwrap();
    assert!(approve.allowed);
    let mut piece = ready_piece();
    piece.standfirst.clear();
    let b = t.desk.create_article(&t.editor, &piece).unwrap();
    let b = t.mv(&t.editor, &b, Action::Submit, None).unwrap();
    let b = t.mv(&t.editor, &b, Action::Claim, None).unwrap();
    let approve = b
        .access
        .moves
        .iter()
        .find(|m| m.action == Action::Approve)
        .unwrap();
    assert!(!approve.allowed);
    assert!(!approve.checks[0].met, "{:?}", approve.checks);
    assert!(
        approve.checks[1..].iter().all(|c| c.met),
        "{:?}",
        approve.checks
    );
}

#[test]
fn a_conflict_is_settled_in_one_call_and_mine_is_never_lost() {
    let t = desk();
    let a = t.new_draft(&t.author);
    // Someone else saves first; my edit was made on the old version.
    let theirs = t.edit_body(&t.editor, &a, "Their words.").unwrap();
    let mine = ArticleEdit {
        body: Some("My words.".into()),
        ..Default::default()
    };
    let stale = t
        .desk
        .save_article(&t.author, &a.id, a.version, &mine, SaveReason::Autosave)
        .unwrap_err();
    assert_eq!(stale.code(), "conflict");

    // Taking theirs keeps mine in the history, then brings theirs back on top.
    let took = t
        .desk
        .resolve_conflict(
            &t.author,
            &a.id,
            theirs.version,
            &mine,
            &Resolution::TakeTheirs,
        )
        .unwrap();
    assert_eq!(took.body, "Their words.");
    assert_eq!(took.version, theirs.version + 2);
    let history = t.desk.history(&t.author, &a.id, None, 3).unwrap().items;
    assert_eq!(history[0].reason, SaveReason::Restore);
    assert!(history[0].restored_from.is_some());
    let kept = t
        .desk
        .revision(&t.author, &a.id, history[1].number)
        .unwrap()
        .text;
    assert_eq!(kept.body, "My words.", "mine is in the history");

    // Keeping mine puts it on top; a merged text goes on after mine.
    let kept = t
        .desk
        .resolve_conflict(&t.author, &a.id, took.version, &mine, &Resolution::KeepMine)
        .unwrap();
    assert_eq!(kept.body, "My words.");
    let merged = ArticleEdit {
        body: Some("Our words.".into()),
        ..Default::default()
    };
    let done = t
        .desk
        .resolve_conflict(
            &t.author,
            &a.id,
            kept.version,
            &ArticleEdit {
                body: Some("My newer words.".into()),
                ..Default::default()
            },
            &Resolution::Merged { text: merged },
        )
        .unwrap();
    assert_eq!(done.body, "Our words.");
    assert_eq!(done.version, kept.version + 2);

    // Settling against a version that has moved on again is a new conflict; nothing is written.
    let err = t
        .desk
        .resolve_conflict(&t.author, &a.id, kept.version, &mine, &Resolution::KeepMine)
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(
        t.desk.get_article(&t.author, &a.id).unwrap().version,
        done.version
    );
    // The resolution travels as JSON too.
    let r: Resolution = serde_json::from_str(r#"{"choice": "take_theirs"}"#).unwrap();
    assert_eq!(r, Resolution::TakeTheirs);
}

#[test]
fn the_calendar_marks_a_piece_overdue_by_the_desks_clock() {
    let t = desk();
    let a = t.approved();
    let at = start() + Duration::hours(2);
    t.desk
        .move_article(
            &t.editor,
            &a.id,
            Action::Schedule,
            &MoveArgs {
                note: None,
                at: Some(at),
            },
        )
        .unwrap();
    let window = |t: &TestDesk| {
        t.desk
            .calendar(
                &t.editor,
                start() - Duration::days(1),
                start() + Duration::days(1),
            )
            .unwrap()
            .entries
    };
    assert!(!window(&t)[0].overdue);
    t.clock.advance(Duration::hours(3));
    assert!(window(&t)[0].overdue, "past its time and still scheduled");
    t.desk.publish_due().unwrap_or_default();
    // A desk with no publish folder cannot publish: the piece stays overdue and says so.
    assert!(window(&t)[0].overdue);
}

#[test]
fn an_import_batch_goes_on_past_a_bad_file_but_not_past_a_refused_user() {
    let t = desk();
    let files = vec![
        ImportFile::from_bytes("empty.txt", b""),
        ImportFile::from_bytes(
            "grid.md",
            b"# The grid needs a plan\n\nBy Jane Roe\n\nThe grid was built for coal.\n",
        ),
        ImportFile {
            name: "gone.docx".into(),
            content_base64: String::new(),
            unreadable: Some("cannot be read: no such file".into()),
        },
    ];
    let outcomes = PreviewImport {
        files: files.clone(),
    }
    .run(&t.desk, &t.editor)
    .unwrap();
    assert_eq!(outcomes.len(), 3);
    assert_eq!(
        outcomes[0].error.as_ref().map(|e| e.code),
        Some(ErrorCode::BadFile)
    );
    assert!(outcomes[1].result.is_some(), "{:?}", outcomes[1]);
    assert_eq!(
        outcomes[2].error.as_ref().map(|e| e.message.as_str()),
        Some("gone.docx cannot be read: no such file")
    );
    let refused = PreviewImport { files }.run(&t.desk, &t.author).unwrap_err();
    assert_eq!(refused.code(), "forbidden");

    let draft = outcomes[1].result.as_ref().unwrap().to_draft(false);
    let mut nameless = draft.clone();
    nameless.file = "nameless.md".into();
    nameless.byline.clear();
    let committed = CommitImport {
        drafts: vec![nameless.clone(), draft],
    }
    .run(&t.desk, &t.editor)
    .unwrap();
    assert_eq!(
        committed[0].error.as_ref().map(|e| e.code),
        Some(ErrorCode::BadFile)
    );
    assert!(committed[1].result.is_some());
    let refused = CommitImport {
        drafts: vec![nameless],
    }
    .run(&t.desk, &t.author)
    .unwrap_err();
    assert_eq!(refused.code(), "forbidden");
}

#[test]
fn the_calendar_offers_only_slots_still_to_come() {
    let t = desk();
    t.desk
        .put_section_plan(
            &t.chief,
            &SectionPlan {
                name: "Opinion".into(),
                min_words: Some(600),
                max_words: Some(1200),
                slots: vec!["daily 08:00 18:00".into()],
            },
        )
        .unwrap();
    // Monday 2 November 2026, 10:00 in Paris: this morning's slot is gone, this evening's is not.
    let cal = t
        .desk
        .calendar(
            &t.editor,
            start() - Duration::days(1),
            start() + Duration::days(1),
        )
        .unwrap();
    assert!(!cal.free_slots.is_empty());
    assert!(
        cal.free_slots.iter().all(|s| s.at > t.desk.now()),
        "{cal:?}"
    );
}
