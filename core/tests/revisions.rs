mod common;

use common::*;
use copydesk_core::desk::ArticleEdit;
use copydesk_core::desk::{DiffKind, DiffPart};
use copydesk_core::model::{Action, SaveReason};
use copydesk_core::{Desk, ManualClock};
use std::sync::Arc;

#[test]
fn a_stale_version_is_a_conflict_carrying_the_current_text() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let mine = t.edit_body(&t.editor, &a, "Editor's version.").unwrap();
    let err = t
        .edit_body(&t.editor2, &a, "Second editor's version.")
        .unwrap_err();
    match &err {
        copydesk_core::Error::Conflict {
            base,
            current_version,
            current,
        } => {
            assert_eq!(*base, a.version);
            assert_eq!(*current_version, mine.version);
            assert_eq!(current.body, "Editor's version.");
        }
        other => panic!("expected a conflict, got {other}"),
    }
    assert_eq!(err.code(), "conflict");
    let now = t.desk.get_article(&t.chief, &a.id).unwrap();
    assert_eq!(now.body, "Editor's version.");
    assert_eq!(now.version, mine.version);
    assert_eq!(
        t.desk
            .history(&t.chief, &a.id, None, 50)
            .unwrap()
            .items
            .len(),
        2
    );
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let same = t.edit_body(&t.author, &a, &a.body).unwrap();
    assert_eq!(same.version, a.version);
    assert_eq!(
        t.desk
            .history(&t.chief, &a.id, None, 50)
            .unwrap()
            .items
            .len(),
        1
    );
}

#[test]
fn every_revision_reads_back_exactly() {
    let t = desk();
    let mut a = t.new_draft(&t.author);
    let mut expected = vec![a.body.clone()];
    let mut body = a.body.clone();
    for i in 0..60 {
        body = match i % 4 {
            0 => body.replacen("river", &format!("stream{i}"), 1),
            1 => format!("{body}\n\nA new paragraph {i} with “quotes” and ünïcödé."),
            2 => body.chars().skip(40).collect(),
            _ => words(700 + i),
        };
        a = t.edit_body(&t.author, &a, &body).unwrap();
        expected.push(body.clone());
    }
    for (i, text) in expected.iter().enumerate() {
        let r = t.desk.revision(&t.chief, &a.id, i as i64 + 1).unwrap();
        let (info, snap) = (r.info, r.text);
        assert_eq!(&snap.body, text, "revision {}", info.number);
        assert_eq!(snap.headline, a.headline);
    }
    assert_eq!(
        t.desk.revision(&t.chief, &a.id, 999).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn revisions_compare_word_by_word() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let a = t
        .edit_body(&t.author, &a, "The minister denied the report on Tuesday.")
        .unwrap();
    let b = t
        .edit_body(
            &t.author,
            &a,
            "The minister confirmed the report on Tuesday evening.",
        )
        .unwrap();
    let d = t.desk.diff(&t.chief, &b.id, 2, 3).unwrap();
    assert_eq!(d.fields.len(), 1);
    assert_eq!(d.fields[0].field, "body");
    let parts = &d.fields[0].parts;
    assert!(
        parts.contains(&part(DiffKind::Removed, "denied")),
        "{parts:?}"
    );
    assert!(
        parts.contains(&part(DiffKind::Added, "confirmed")),
        "{parts:?}"
    );
    assert!(
        parts
            .iter()
            .any(|p| p.kind == DiffKind::Added && p.text.contains("evening"))
    );
    assert_eq!((d.words_added, d.words_removed), (2, 1));
    // Comparing a revision with itself shows no change.
    assert!(
        t.desk
            .diff(&t.chief, &b.id, 3, 3)
            .unwrap()
            .fields
            .is_empty()
    );
}

#[test]
fn restoring_makes_a_new_revision() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let original = a.body.clone();
    let a = t.edit_body(&t.author, &a, "Rewritten entirely.").unwrap();
    let r = t
        .desk
        .restore(&t.author, &a.id, 1, Some(a.version))
        .unwrap();
    assert_eq!(r.body, original);
    assert_eq!(r.version, a.version + 1);
    let history = t.desk.history(&t.chief, &a.id, None, 50).unwrap().items;
    assert_eq!(history[0].reason, SaveReason::Restore);
    assert_eq!(history[0].restored_from, Some(1));
    assert_eq!(history.len(), 3);
    // Once submitted, the author may no longer restore.
    let s = t.mv(&t.author, &r, Action::Submit, None).unwrap();
    assert_eq!(
        t.desk
            .restore(&t.author, &s.id, 2, None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn history_pages_by_key() {
    let t = desk();
    let mut a = t.new_draft(&t.author);
    for i in 0..25 {
        a = t
            .edit_body(&t.author, &a, &format!("Version {i}."))
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = t
            .desk
            .history(&t.chief, &a.id, after.as_deref(), 7)
            .unwrap();
        seen.extend(page.items.iter().map(|r| r.number));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen, (1..=26).rev().collect::<Vec<i64>>());
}

/// 1,000 saves that each change one word of a 10,000-word article add less than 1 MB.
#[test]
fn storage_grows_with_the_edit_not_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("desk.db"), clock.clone()).unwrap();
    desk.set_durability(copydesk_core::Durability::Normal)
        .unwrap();
    let t = populate(desk, clock);
    let mut piece = ready_piece();
    piece.body = words(10_000);
    let mut a = t.desk.create_article(&t.editor, &piece).unwrap();
    let mut words_now: Vec<String> = a.body.split(' ').map(str::to_string).collect();
    let before = t.desk.size_bytes().unwrap();
    for i in 0..1000 {
        let at = (i * 37) % words_now.len();
        words_now[at] = format!("edit{i}");
        a = t
            .desk
            .save_article(
                &t.editor,
                &a.id,
                a.version,
                &ArticleEdit {
                    body: Some(words_now.join(" ")),
                    ..Default::default()
                },
                SaveReason::Autosave,
            )
            .unwrap();
    }
    let growth = t.desk.size_bytes().unwrap() - before;
    assert!(
        growth < 1_000_000,
        "1,000 one-word edits grew the database by {growth} bytes"
    );
    let first = t.desk.revision(&t.chief, &a.id, 1).unwrap().text;
    assert_eq!(first.body, piece.body);
    let last = t.desk.revision(&t.chief, &a.id, 1001).unwrap().text;
    assert_eq!(last.body, a.body);
}

#[test]
fn a_restore_from_a_stale_screen_is_a_conflict() {
    let t = desk();
    let a = t.new_draft(&t.editor);
    let mine = t
        .edit_body(&t.editor2, &a, "Second editor's newer text.")
        .unwrap();
    let err = t
        .desk
        .restore(&t.editor, &a.id, 1, Some(a.version))
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(t.desk.get_article(&t.chief, &a.id).unwrap().body, mine.body);
    assert_eq!(
        t.desk
            .revision(&t.chief, &a.id, i64::MAX)
            .unwrap_err()
            .code(),
        "not_found"
    );
}

fn part(kind: DiffKind, text: &str) -> DiffPart {
    DiffPart {
        kind,
        text: text.into(),
    }
}

/// The piece as submitted, as approved and as published are found among its revisions, and
/// compare word by word: the editor's changes before approval and the correction after.
#[test]
fn the_piece_as_submitted_approved_and_published_compare_word_by_word() {
    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    t.desk
        .set_publish_folder(&t.chief, &dir.path().join("site"))
        .unwrap();
    let draft = t.new_draft(&t.author);
    let none = t.desk.milestones(&t.editor, &draft.id).unwrap();
    assert_eq!(
        (none.submitted, none.approved, none.published),
        (None, None, None)
    );

    let submitted = t.mv(&t.author, &draft, Action::Submit, None).unwrap();
    let claimed = t.mv(&t.editor, &submitted, Action::Claim, None).unwrap();
    t.clock.advance(chrono::Duration::minutes(5));
    let body = format!("An editor's opening line.\n\n{}", claimed.body);
    let edited = t.edit_body(&t.editor, &claimed, &body).unwrap();
    t.clock.advance(chrono::Duration::minutes(5));
    let approved = t.mv(&t.editor, &edited, Action::Approve, None).unwrap();
    t.clock.advance(chrono::Duration::minutes(5));
    t.desk
        .schedule_article(
            &t.editor,
            &approved.id,
            &copydesk_core::desk::When::At("2026-11-02 12:00".into()),
            None,
        )
        .unwrap();
    t.clock.set(start() + chrono::Duration::hours(3));
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 1);
    let live = t.desk.get_article(&t.editor, &approved.id).unwrap();
    let m = t.desk.milestones(&t.editor, &live.id).unwrap();
    let (s, a, p) = (
        m.submitted.unwrap(),
        m.approved.unwrap(),
        m.published.unwrap(),
    );
    assert!(s < a && a < p, "{m:?}");
    assert_eq!(
        t.desk.revision(&t.editor, &live.id, s).unwrap().text.body,
        submitted.body,
        "as submitted: the writer's text"
    );
    assert_eq!(
        t.desk.revision(&t.editor, &live.id, a).unwrap().text.body,
        body
    );

    // A correction republished: "as published" moves to it; "as submitted" stays.
    t.clock.advance(chrono::Duration::hours(1));
    let fixed = t
        .edit_body(
            &t.editor,
            &live,
            &format!("{body}\n\nA corrected last line."),
        )
        .unwrap();
    t.mv(
        &t.editor,
        &fixed,
        Action::Republish,
        Some("Last line corrected."),
    )
    .unwrap();
    let m2 = t.desk.milestones(&t.editor, &live.id).unwrap();
    assert_eq!((m2.submitted, m2.approved), (m.submitted, m.approved));
    assert!(m2.published.unwrap() > p, "{m2:?}");
    let diff = t
        .desk
        .diff(&t.editor, &live.id, s, m2.published.unwrap())
        .unwrap();
    let body_diff = diff.fields.iter().find(|f| f.field == "body").unwrap();
    let added: String = body_diff
        .parts
        .iter()
        .filter(|p| p.kind == DiffKind::Added)
        .map(|p| p.text.as_str())
        .collect();
    assert!(added.contains("editor's opening line"), "{added}");
    assert!(added.contains("corrected last line"), "{added}");
}
