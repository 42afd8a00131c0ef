mod common;

use chrono::Duration;
use common::*;
use copydesk_core::desk::{ArticleEdit, MoveArgs};
use copydesk_core::model::{Action, SaveReason, State};

/// Every transition of the table, tried by every role: allowed exactly where the brief says.
#[test]
fn each_transition_is_allowed_and_refused_per_role() {
    // (action, from-state builder, roles allowed: chief, editor, author, other contributor)
    let cases: &[(Action, State, [bool; 4])] = &[
        (Action::Submit, State::Draft, [true, true, true, false]),
        (Action::Claim, State::Submitted, [true, true, false, false]),
        (
            Action::RequestChanges,
            State::InReview,
            [true, true, false, false],
        ),
        (
            Action::Resubmit,
            State::ChangesRequested,
            [true, true, true, false],
        ),
        (Action::Approve, State::InReview, [true, true, false, false]),
        (Action::Reject, State::Submitted, [true, true, false, false]),
        (Action::Reject, State::InReview, [true, true, false, false]),
        (Action::Reopen, State::Rejected, [true, false, false, false]),
        (
            Action::Schedule,
            State::Approved,
            [true, true, false, false],
        ),
        (
            Action::Unschedule,
            State::Scheduled,
            [true, true, false, false],
        ),
        (
            Action::Publish,
            State::Scheduled,
            [false, false, false, false],
        ),
        (
            Action::PublishNow,
            State::Approved,
            [true, false, false, false],
        ),
        (
            Action::PublishNow,
            State::Scheduled,
            [true, false, false, false],
        ),
        (
            Action::Withdraw,
            State::Published,
            [true, false, false, false],
        ),
    ];
    for (action, from, allowed) in cases {
        for (i, who) in ["chief", "editor", "author", "other"].iter().enumerate() {
            let t = desk();
            let a = bring_to(&t, *from);
            let actor = match i {
                0 => &t.chief,
                1 => &t.editor,
                2 => &t.author,
                _ => &t.other_author,
            };
            let args = MoveArgs {
                note: Some("Because.".into()),
                at: Some(t.desk.now() + Duration::days(1)),
            };
            let before = t.desk.get_article(&t.chief, &a.id).unwrap();
            let result = t.desk.move_article(actor, &a.id, *action, &args);
            if allowed[i] {
                let moved = result.unwrap_or_else(|e| panic!("{who} {action} from {from}: {e}"));
                assert_eq!(moved.state, copydesk_core::workflow::transition(*action).to);
                assert_eq!(moved.version, before.version + 1);
            } else {
                let err = result.expect_err(&format!("{who} must not {action} from {from}"));
                assert!(
                    matches!(err.code().as_str(), "forbidden" | "not_found"),
                    "{who} {action}: {err}"
                );
                assert_eq!(
                    t.desk.get_article(&t.chief, &a.id).unwrap(),
                    before,
                    "a refusal changed nothing"
                );
            }
        }
    }
}

/// Drives a fresh piece to `state` by the shortest path.
fn bring_to(t: &TestDesk, state: State) -> copydesk_core::model::Article {
    let note = Some("A note.");
    let a = t.new_draft(&t.author);
    match state {
        State::Draft => a,
        State::Submitted => t.mv(&t.author, &a, Action::Submit, None).unwrap(),
        State::InReview => t.in_review(),
        State::ChangesRequested => {
            let a = t.in_review();
            t.mv(&t.editor, &a, Action::RequestChanges, note).unwrap()
        }
        State::Approved => t.approved(),
        State::Rejected => {
            let a = t.in_review();
            t.mv(&t.editor, &a, Action::Reject, note).unwrap()
        }
        State::Scheduled => {
            let a = t.approved();
            t.desk
                .move_article(
                    &t.editor,
                    &a.id,
                    Action::Schedule,
                    &MoveArgs {
                        note: None,
                        at: Some(t.desk.now() + Duration::hours(2)),
                    },
                )
                .unwrap()
        }
        State::Published => {
            let a = t.approved();
            t.mv(&t.chief, &a, Action::PublishNow, None).unwrap()
        }
        State::Withdrawn => {
            let a = bring_to(t, State::Published);
            t.mv(&t.chief, &a, Action::Withdraw, note).unwrap()
        }
    }
}

#[test]
fn a_move_from_the_wrong_state_is_refused_naming_why() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let err = t.mv(&t.editor, &a, Action::Approve, None).unwrap_err();
    assert_eq!(err.code(), "not_ready");
    assert!(
        err.to_string()
            .contains("the article is draft; approve applies to in review"),
        "{err}"
    );
}

#[test]
fn notes_are_required_where_a_human_expects_one() {
    let t = desk();
    for action in [Action::RequestChanges, Action::Reject] {
        let a = t.in_review();
        let err = t.mv(&t.editor, &a, action, Some("   ")).unwrap_err();
        assert_eq!(err.code(), "not_ready");
        assert!(err.to_string().ends_with(": no note saying why"), "{err}");
    }
    let a = bring_to(&t, State::Published);
    assert!(
        t.mv(&t.chief, &a, Action::Withdraw, None)
            .unwrap_err()
            .to_string()
            .contains("note")
    );
}

#[test]
fn approval_lists_every_unmet_readiness_check_and_changes_nothing() {
    let t = desk();
    let jane = t.desk.get_contributor(&t.chief, "Jane Roe").unwrap();
    t.desk
        .edit_contributor(
            &t.chief,
            &jane.id,
            &copydesk_core::desk::ContributorEdit {
                bio: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    let a = t.in_review();
    let a = t
        .desk
        .save_article(
            &t.editor,
            &a.id,
            a.version,
            &ArticleEdit {
                standfirst: Some(String::new()),
                headline: Some("A".repeat(130)),
                body: Some(words(300)),
                ..Default::default()
            },
            SaveReason::Save,
        )
        .unwrap();
    let err = t.mv(&t.editor, &a, Action::Approve, None).unwrap_err();
    let copydesk_core::Error::NotReady { unmet, .. } = &err else {
        panic!("expected not ready, got {err}")
    };
    assert_eq!(unmet.len(), 4, "{unmet:?}");
    let all = unmet
        .iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()
        .join(" | ");
    // Each unmet check says what is missing or wrong, not the condition to meet.
    assert_eq!(
        all,
        "no standfirst | no bio to print for Jane Roe | a headline of 130 characters: at most 110 are printed \
         | 300 words, 200 too few for Opinion (500–1,500 words); the chief sets the limits in Settings"
    );
    assert_eq!(
        t.desk.get_article(&t.editor, &a.id).unwrap().state,
        State::InReview
    );
    // The same checklist is available before pressing the button.
    let r = t
        .desk
        .readiness(&t.editor, &a.id, Action::Approve, &MoveArgs::default())
        .unwrap();
    assert!(!r.allowed);
    assert_eq!(r.checks.iter().filter(|c| !c.met).count(), 4);
}

#[test]
fn submit_needs_headline_body_and_byline() {
    let t = desk();
    let mut piece = ready_piece();
    piece.body = String::new();
    piece.byline.clear();
    let a = t.desk.create_article(&t.editor, &piece).unwrap();
    let err = t.mv(&t.editor, &a, Action::Submit, None).unwrap_err();
    let msg = err.to_string();
    assert_eq!(
        msg,
        "cannot submit: no body text; no contributor on the byline"
    );
}

#[test]
fn schedule_needs_a_future_time_not_before_the_embargo() {
    let t = desk();
    let a = t.approved();
    let at = |h: i64| MoveArgs {
        note: None,
        at: Some(t.desk.now() + Duration::hours(h)),
    };
    let err = t
        .desk
        .move_article(&t.editor, &a.id, Action::Schedule, &at(-1))
        .unwrap_err();
    let spoken = |at: chrono::DateTime<chrono::Utc>| {
        copydesk_core::desk_time::spoken_desk_time(at, t.desk.now(), chrono_tz::Europe::Paris)
    };
    let hour_ago = t.desk.now() - Duration::hours(1);
    assert_eq!(
        err.to_string(),
        format!(
            "cannot schedule: {} has passed: choose a time still to come",
            spoken(hour_ago)
        )
    );
    let a = t
        .desk
        .save_article(
            &t.editor,
            &a.id,
            a.version,
            &ArticleEdit {
                embargo_until: Some(Some(t.desk.now() + Duration::hours(5))),
                ..Default::default()
            },
            SaveReason::Save,
        )
        .unwrap();
    let err = t
        .desk
        .move_article(&t.editor, &a.id, Action::Schedule, &at(2))
        .unwrap_err();
    let embargo = t.desk.now() + Duration::hours(5);
    assert_eq!(
        err.to_string(),
        format!(
            "cannot schedule: {} is before the embargo: embargoed until {}, so choose that time or a later one",
            spoken(t.desk.now() + Duration::hours(2)),
            spoken(embargo)
        )
    );
    let s = t
        .desk
        .move_article(&t.editor, &a.id, Action::Schedule, &at(6))
        .unwrap();
    assert_eq!(s.scheduled_at, Some(t.desk.now() + Duration::hours(6)));
    // Publishing now is held by the embargo too.
    let err = t.mv(&t.chief, &s, Action::PublishNow, None).unwrap_err();
    // Said as the reason it is, in the desk's zone, not as a condition to parse.
    assert_eq!(
        err.to_string(),
        format!(
            "cannot publish now: embargoed until {}: it cannot go out before then",
            spoken(embargo)
        )
    );
    t.clock.advance(Duration::hours(5));
    let p = t.mv(&t.chief, &s, Action::PublishNow, None).unwrap();
    assert_eq!(p.published_at, Some(t.desk.now()));
}

#[test]
fn every_transition_writes_an_audit_row_and_a_revision() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let a = t.mv(&t.author, &a, Action::Submit, None).unwrap();
    t.clock.advance(Duration::minutes(5));
    let a = t.mv(&t.editor, &a, Action::Claim, None).unwrap();
    let a = t
        .mv(
            &t.editor,
            &a,
            Action::RequestChanges,
            Some("Cut the second half."),
        )
        .unwrap();
    assert_eq!(a.assigned_editor.as_deref(), Some("Eddie Editor"));
    let log = t
        .desk
        .audit(&t.chief, Some(&a.id), None, None, 50)
        .unwrap()
        .items;
    let moves: Vec<_> = log
        .iter()
        .map(|r| (r.action, r.from, r.to, r.actor.clone()))
        .collect();
    assert_eq!(
        moves,
        vec![
            (
                Action::RequestChanges,
                State::InReview,
                State::ChangesRequested,
                Some("Eddie Editor".into())
            ),
            (
                Action::Claim,
                State::Submitted,
                State::InReview,
                Some("Eddie Editor".into())
            ),
            (
                Action::Submit,
                State::Draft,
                State::Submitted,
                Some("jane".into())
            ),
        ]
    );
    assert_eq!(log[0].note.as_deref(), Some("Cut the second half."));
    let history = t.desk.history(&t.chief, &a.id, None, 50).unwrap().items;
    let reasons: Vec<_> = history.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        vec![
            SaveReason::Transition,
            SaveReason::Transition,
            SaveReason::Transition,
            SaveReason::Save
        ]
    );
    // The author reads the editor's note in the notes thread.
    let notes = t.desk.list_notes(&t.author, &a.id).unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.body.contains("Cut the second half."))
    );
}

#[test]
fn publication_freezes_the_printed_bio() {
    let t = desk();
    let a = t.approved();
    let p = t.mv(&t.chief, &a, Action::PublishNow, None).unwrap();
    assert_eq!(p.approved_by.as_deref(), Some("Eddie Editor"));
    let jane = t
        .desk
        .get_contributor(&t.chief, "jane@example.org")
        .unwrap();
    t.desk
        .edit_contributor(
            &t.chief,
            &jane.id,
            &copydesk_core::desk::ContributorEdit {
                bio: Some("Jane Roe is now an ambassador.".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let p = t.desk.get_article(&t.chief, &p.id).unwrap();
    assert_eq!(
        p.byline[0].printed_bio,
        "Jane Roe is a senior fellow at the Institute for Sahel Studies."
    );
    // An unpublished piece follows the new bio.
    let d = t.new_draft(&t.author);
    assert_eq!(d.byline[0].printed_bio, "Jane Roe is now an ambassador.");
    assert_eq!(t.desk.bio_history(&t.chief, &jane.id).unwrap().len(), 1);
}

#[test]
fn who_may_edit_the_text_follows_the_state() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let a = t.edit_body(&t.author, &a, &words(650)).unwrap();
    // Another contributor cannot even see it.
    assert_eq!(
        t.edit_body(&t.other_author, &a, "x").unwrap_err().code(),
        "not_found"
    );
    let a = t.mv(&t.author, &a, Action::Submit, None).unwrap();
    assert_eq!(
        t.edit_body(&t.author, &a, "x").unwrap_err().code(),
        "forbidden"
    );
    let a = t.edit_body(&t.editor, &a, &words(660)).unwrap();
    let a = t.mv(&t.editor, &a, Action::Claim, None).unwrap();
    let a = t
        .mv(&t.editor, &a, Action::RequestChanges, Some("Shorter."))
        .unwrap();
    let a = t.edit_body(&t.author, &a, &words(640)).unwrap();
    let a = t.mv(&t.author, &a, Action::Resubmit, None).unwrap();
    let a = t.mv(&t.editor2, &a, Action::Claim, None).unwrap();
    let a = t.mv(&t.editor2, &a, Action::Approve, None).unwrap();
    let p = t.mv(&t.chief, &a, Action::PublishNow, None).unwrap();
    // Published: the author may not touch it; the desk corrects it (and republishes).
    assert_eq!(
        t.edit_body(&t.author, &p, "x").unwrap_err().code(),
        "forbidden"
    );
    let p = t.edit_body(&t.chief, &p, &words(641)).unwrap();
    let w = t
        .mv(&t.chief, &p, Action::Withdraw, Some("Legal."))
        .unwrap();
    assert_eq!(
        t.edit_body(&t.chief, &w, "x").unwrap_err().code(),
        "forbidden"
    );
}

#[test]
fn contributors_see_only_their_own_articles() {
    let t = desk();
    let mine = t.new_draft(&t.author);
    let theirs = t
        .desk
        .create_article(&t.other_author, &common::ready_piece_by("John Doe"))
        .unwrap();
    assert_eq!(
        t.desk
            .get_article(&t.other_author, &mine.id)
            .unwrap_err()
            .code(),
        "not_found"
    );
    let listed = t
        .desk
        .list_articles(&t.author, &Default::default(), None, 50)
        .unwrap()
        .items;
    assert_eq!(
        listed.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        vec![mine.id.clone()]
    );
    let all = t
        .desk
        .list_articles(&t.editor, &Default::default(), None, 50)
        .unwrap()
        .items;
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|a| a.id == theirs.id));
    // A contributor cannot put someone else's name alone on a piece.
    let err = t
        .desk
        .create_article(&t.author, &common::ready_piece_by("John Doe"))
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
}
