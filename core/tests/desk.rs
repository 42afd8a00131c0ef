//! Setting up a desk, accounts and sign-in, notes, and the file's own health.
mod common;

use std::sync::Arc;

use common::*;
use copydesk_core::desk::NewUser;
use copydesk_core::model::{Role, Section};
use copydesk_core::{Desk, ManualClock, NewDesk};

#[test]
fn a_new_desk_has_its_first_user_as_chief() {
    let clock = Arc::new(ManualClock::new(start()));
    let desk = fresh_desk(clock);
    assert!(!desk.is_initialised().unwrap());
    assert_eq!(
        desk.sign_in("anyone", None).unwrap_err().code(),
        "not_initialised"
    );
    let bad_zone = desk.init(&NewDesk {
        name: "D".into(),
        timezone: "Mars/Olympus".into(),
        chief_name: "C".into(),
        chief_passphrase: None,
    });
    assert!(
        bad_zone
            .unwrap_err()
            .to_string()
            .contains("unknown time zone “Mars/Olympus”")
    );
    assert!(
        !desk.is_initialised().unwrap(),
        "a refused init changes nothing"
    );
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "America/New_York".into(),
            chief_name: "Claire".into(),
            chief_passphrase: None,
        })
        .unwrap();
    assert_eq!(chief.user.role, Role::Chief);
    let s = desk.settings().unwrap();
    assert_eq!(
        (s.name.as_str(), s.timezone.as_str()),
        ("The Meridian", "America/New_York")
    );
    assert!(s.sections.iter().any(|s| s.name == "Opinion"));
    let again = desk.init(&NewDesk {
        name: "X".into(),
        timezone: "UTC".into(),
        chief_name: "Y".into(),
        chief_passphrase: None,
    });
    assert!(again.unwrap_err().to_string().contains("already set up"));
}

#[test]
fn passphrases_are_checked_and_roles_enforced() {
    let t = desk();
    let new = |name: &str, role, passphrase: Option<&str>| NewUser {
        name: name.to_string(),
        role,
        contributor: None,
        passphrase: passphrase.map(str::to_string),
    };
    t.desk
        .add_user(
            &t.chief,
            &new("Sam", Role::Editor, Some("long enough phrase")),
        )
        .unwrap();
    assert_eq!(
        t.desk.sign_in("Sam", None).unwrap_err().code(),
        "unauthenticated"
    );
    assert_eq!(
        t.desk
            .sign_in("sam", Some("wrong phrase!"))
            .unwrap_err()
            .code(),
        "unauthenticated"
    );
    let sam = t.desk.sign_in("SAM", Some("long enough phrase")).unwrap();
    assert_eq!(sam.user.name, "Sam");
    assert_eq!(
        t.desk.sign_in("Nobody", None).unwrap_err().code(),
        "not_found"
    );
    // Only the chief adds users; names are unique whatever their case.
    assert_eq!(
        t.desk
            .add_user(&sam, &new("Pat", Role::Editor, None))
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        t.desk
            .add_user(&t.chief, &new("sam", Role::Editor, None))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(
        t.desk
            .add_user(&t.chief, &new("Pat", Role::Editor, Some("short")))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    // A role change applies at once to a signed-in user.
    t.desk.set_role(&t.chief, "Sam", Role::Contributor).unwrap();
    assert_eq!(
        t.desk
            .list_articles(&sam, &Default::default(), None, 5)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    // The desk keeps a chief.
    assert!(
        t.desk
            .set_role(&t.chief, "Claire Chief", Role::Editor)
            .unwrap_err()
            .to_string()
            .contains("only chief")
    );
    // Everyone may change their own passphrase.
    t.desk
        .set_passphrase(&sam, "Sam", Some("another long phrase"))
        .unwrap();
    assert!(t.desk.sign_in("Sam", Some("another long phrase")).is_ok());
    assert_eq!(
        t.desk
            .set_passphrase(&sam, "Eddie Editor", None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn only_the_chief_changes_settings() {
    let t = desk();
    let opinion = Section {
        name: "Opinion".into(),
        min_words: Some(500),
        max_words: Some(1500),
    };
    assert_eq!(
        t.desk.put_section(&t.editor, &opinion).unwrap_err().code(),
        "forbidden"
    );
    let s = t.desk.put_section(&t.chief, &opinion).unwrap();
    assert!(s.sections.contains(&opinion));
    let bad = Section {
        name: "Books".into(),
        min_words: Some(900),
        max_words: Some(100),
    };
    assert!(
        t.desk
            .put_section(&t.chief, &bad)
            .unwrap_err()
            .to_string()
            .contains("above the maximum")
    );
    assert!(t.desk.set_timezone(&t.chief, "Nowhere/Land").is_err());
    assert_eq!(
        t.desk
            .set_timezone(&t.chief, "Asia/Tokyo")
            .unwrap()
            .timezone,
        "Asia/Tokyo"
    );
}

#[test]
fn notes_thread_and_resolve() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let first = t
        .desk
        .add_note(
            &t.editor,
            &a.id,
            "Source for the figure?",
            None,
            Some("40 per cent"),
        )
        .unwrap();
    t.clock.advance(chrono::Duration::minutes(1));
    let second = t
        .desk
        .add_note(&t.editor2, &a.id, "Headline is long.", None, None)
        .unwrap();
    let reply = t
        .desk
        .add_note(&t.author, &a.id, "UN report, 2025.", Some(&first.id), None)
        .unwrap();
    let notes = t.desk.list_notes(&t.author, &a.id).unwrap();
    let order: Vec<_> = notes.iter().map(|n| (n.id.clone(), n.depth)).collect();
    assert_eq!(
        order,
        vec![
            (first.id.clone(), 0),
            (reply.id.clone(), 1),
            (second.id.clone(), 0)
        ]
    );
    assert_eq!(notes[0].anchor.as_deref(), Some("40 per cent"));
    assert_eq!(reply.parent_id.as_deref(), Some(first.id.as_str()));
    // The author may resolve their own note but not an editor's.
    assert_eq!(
        t.desk
            .resolve_note(&t.author, &second.id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let resolved = t.desk.resolve_note(&t.editor, &first.id).unwrap();
    assert_eq!(resolved.resolved_by.as_deref(), Some("Eddie Editor"));
    assert_eq!(
        t.desk
            .add_note(&t.editor, &a.id, "  ", None, None)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(
        t.desk
            .add_note(&t.other_author, &a.id, "Hi", None, None)
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn bad_article_input_is_refused_and_changes_nothing() {
    let t = desk();
    let mut p = ready_piece();
    p.headline = "   ".into();
    assert!(
        t.desk
            .create_article(&t.editor, &p)
            .unwrap_err()
            .to_string()
            .contains("headline is empty")
    );
    let mut p = ready_piece();
    p.body = "x".repeat(1024 * 1024 + 1);
    assert!(
        t.desk
            .create_article(&t.editor, &p)
            .unwrap_err()
            .to_string()
            .contains("at most 1 MB")
    );
    let mut p = ready_piece();
    p.byline = vec![copydesk_core::desk::BylineEntry::named("Nobody At All")];
    assert!(
        t.desk
            .create_article(&t.editor, &p)
            .unwrap_err()
            .to_string()
            .contains("no contributor matches “Nobody At All”")
    );
    let mut p = ready_piece();
    p.section = Some("Sport".into());
    assert!(
        t.desk
            .create_article(&t.editor, &p)
            .unwrap_err()
            .to_string()
            .contains("no section “Sport”")
    );
    assert!(
        t.desk
            .list_articles(&t.editor, &Default::default(), None, 10)
            .unwrap()
            .items
            .is_empty()
    );
}

#[test]
fn slugs_are_unique_ascii_and_follow_the_headline_until_publication() {
    let t = desk();
    let mut p = ready_piece();
    p.headline = "Señor Boussoís: ¿qué pasa?".into();
    let a = t.desk.create_article(&t.editor, &p).unwrap();
    let b = t.desk.create_article(&t.editor, &p).unwrap();
    assert_eq!(a.slug, "senor-boussois-que-pasa");
    assert_eq!(b.slug, "senor-boussois-que-pasa-2");
    let a = t
        .desk
        .save_article(
            &t.editor,
            &a.id,
            a.version,
            &copydesk_core::desk::ArticleEdit {
                headline: Some("A new headline".into()),
                ..Default::default()
            },
            copydesk_core::model::SaveReason::Save,
        )
        .unwrap();
    assert_eq!(a.slug, "a-new-headline");
}

#[test]
fn a_file_database_backs_up_cleanly_while_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::open(&dir.path().join("desk.db"), clock.clone()).unwrap();
    let t = populate(desk, clock);
    t.new_draft(&t.author);
    assert!(t.desk.check().unwrap().is_empty());
    let copy = dir.path().join("copy.db");
    t.desk.backup_to(&copy).unwrap();
    assert!(copydesk_core::desk::check_file(&copy).unwrap().is_empty());
    let reopened = Desk::open(&copy, Arc::new(ManualClock::new(start()))).unwrap();
    let chief = reopened.sign_in("Claire Chief", None).unwrap();
    assert_eq!(
        reopened
            .list_articles(&chief, &Default::default(), None, 10)
            .unwrap()
            .items
            .len(),
        1
    );
}

#[test]
fn the_sign_in_screen_sees_names_roles_and_who_needs_a_passphrase() {
    let t = desk();
    t.desk
        .add_user(
            &t.chief,
            &NewUser {
                name: "Sam".into(),
                role: Role::Editor,
                contributor: None,
                passphrase: Some("long enough phrase".into()),
            },
        )
        .unwrap();
    let choices = t.desk.sign_in_choices().unwrap();
    let sam = choices.iter().find(|c| c.name == "Sam").unwrap();
    assert!(sam.needs_passphrase);
    assert_eq!(sam.role, Role::Editor);
    assert!(
        choices
            .iter()
            .any(|c| c.name == "Claire Chief" && !c.needs_passphrase)
    );
    let empty = fresh_desk(Arc::new(ManualClock::new(start())));
    assert_eq!(
        empty.sign_in_choices().unwrap_err().code(),
        "not_initialised"
    );
}

/// The app shares one desk between its threads.
#[test]
fn a_desk_is_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Desk>();
}

#[test]
fn a_long_chain_of_replies_lists_in_order() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let mut parent = t
        .desk
        .add_note(&t.editor, &a.id, "Start.", None, None)
        .unwrap()
        .id;
    for i in 0..3000 {
        parent = t
            .desk
            .add_note(
                &t.editor,
                &a.id,
                &format!("Reply {i}."),
                Some(&parent),
                None,
            )
            .unwrap()
            .id;
    }
    let notes = t.desk.list_notes(&t.editor, &a.id).unwrap();
    assert_eq!(notes.len(), 3001);
    assert_eq!(notes.last().unwrap().depth, 3000);
    assert_eq!(notes.last().unwrap().id, parent);
}

#[test]
fn related_pieces_a_contributor_may_not_see_stay_hidden_and_kept() {
    let t = desk();
    let johns = t
        .desk
        .create_article(&t.other_author, &ready_piece_by("John Doe"))
        .unwrap();
    let janes = t.new_draft(&t.author);
    let janes = t
        .desk
        .save_article(
            &t.editor,
            &janes.id,
            janes.version,
            &copydesk_core::desk::ArticleEdit {
                related: Some(vec![johns.id.clone()]),
                ..Default::default()
            },
            copydesk_core::model::SaveReason::Save,
        )
        .unwrap();
    assert_eq!(janes.related.len(), 1);
    let seen_by_jane = t.desk.get_article(&t.author, &janes.id).unwrap();
    assert!(
        seen_by_jane.related.is_empty(),
        "John's draft is not Jane's to see"
    );
    // Jane saves with the related list she sees (empty): John's piece stays related.
    t.desk
        .save_article(
            &t.author,
            &janes.id,
            seen_by_jane.version,
            &copydesk_core::desk::ArticleEdit {
                related: Some(vec![]),
                body: Some(words(650)),
                ..Default::default()
            },
            copydesk_core::model::SaveReason::Save,
        )
        .unwrap();
    assert_eq!(
        t.desk
            .get_article(&t.editor, &janes.id)
            .unwrap()
            .related
            .len(),
        1
    );
}
