//! What every store must hold, whichever the run uses: values travel as values (never as SQL),
//! and two desks on one store never lose each other's saves.
mod common;

use std::sync::{Arc, Barrier};

use common::*;
use copydesk_core::desk::{ArticleEdit, ContributorEdit, NewArticle, NewContributor, NewUser};
use copydesk_core::model::{ContributorKind, Role, SaveReason, Section};
use copydesk_core::{ErrorCode, ManualClock};

#[test]
fn the_run_uses_the_store_it_asked_for() {
    let t = desk();
    let storage = t.desk.storage();
    if on_postgres() {
        assert!(storage.starts_with("PostgreSQL "), "{storage}");
        assert_eq!(t.desk.file(), None);
    } else {
        assert!(storage.starts_with("SQLite "), "{storage}");
    }
}

/// Strings that break queries built by pasting text together.
const HOSTILE: &[&str] = &[
    "Robert'); DROP TABLE articles;--",
    "\" OR 1=1 --",
    "50% off_every\\thing \\' \\\\",
    "$1 $$ quoted $$ :name ?1 @p",
    "x' UNION SELECT passphrase_hash FROM users --",
    "‘curly’ «guillemets» ünïcödé 東京",
    "; SELECT pg_sleep(10); --",
];

#[test]
fn text_is_stored_and_returned_literally_in_every_field() {
    let t = desk();
    for (i, s) in HOSTILE.iter().enumerate() {
        let line = format!("{s} {i}");
        let a = t
            .desk
            .create_article(
                &t.editor,
                &NewArticle {
                    headline: line.clone(),
                    standfirst: line.clone(),
                    body: line.clone(),
                    tags: vec![line.clone()],
                    ..Default::default()
                },
            )
            .unwrap();
        let read = t.desk.get_article(&t.editor, &a.id).unwrap();
        assert_eq!(read.headline, line);
        assert_eq!(read.standfirst, line);
        assert_eq!(read.tags, vec![line.clone()]);
        assert!(
            read.body.contains(s.trim_start_matches('\\')),
            "{:?}",
            read.body
        );

        let note = t
            .desk
            .add_note(&t.editor, &a.id, &line, None, Some(&line))
            .unwrap();
        assert_eq!(note.body, line);

        let c = t
            .desk
            .add_contributor(
                &t.chief,
                &NewContributor {
                    display_name: line.clone(),
                    sort_name: Some(line.clone()),
                    email: None,
                    affiliation: line.clone(),
                    kind: ContributorKind::Guest,
                    bio: line.clone(),
                    links: vec![],
                    private_notes: line.clone(),
                },
            )
            .unwrap();
        let c = t.desk.get_contributor(&t.chief, &c.id).unwrap();
        assert_eq!(
            (&c.display_name, &c.affiliation, &c.bio, &c.private_notes),
            (&line, &line, &line, &line)
        );
        let edited = t
            .desk
            .edit_contributor(
                &t.chief,
                &c.id,
                &ContributorEdit {
                    bio: Some(format!("{line} again")),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(edited.bio, format!("{line} again"));

        let user = t
            .desk
            .add_user(
                &t.chief,
                &NewUser {
                    name: line.clone(),
                    role: Role::Editor,
                    contributor: None,
                    passphrase: None,
                },
            )
            .unwrap();
        assert_eq!(user.name, line);
        assert!(
            t.desk
                .list_users(&t.chief)
                .unwrap()
                .iter()
                .any(|u| u.name == line)
        );

        t.desk
            .put_section(
                &t.chief,
                &Section {
                    name: line.clone(),
                    min_words: None,
                    max_words: None,
                },
            )
            .unwrap();
        assert!(
            t.desk
                .settings()
                .unwrap()
                .sections
                .iter()
                .any(|sec| sec.name == line)
        );
        // A hostile search is a search like any other: it finds what holds its words, if any.
        t.desk
            .search(&t.editor, &line, &Default::default(), None, 10)
            .unwrap();
    }
    // Every table is still there, and holds what was written.
    let all = t
        .desk
        .list_articles(&t.chief, &Default::default(), None, 100)
        .unwrap();
    assert_eq!(all.items.len(), HOSTILE.len());
    assert!(t.desk.check().unwrap().is_empty());
}

#[test]
fn a_nul_character_is_never_stored_and_never_a_storage_failure() {
    let t = desk();
    let a = t
        .desk
        .create_article(
            &t.editor,
            &NewArticle {
                headline: "Nul\0 byte".into(),
                body: "Body\0 text".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(a.headline, "Nul byte");
    let bio = t.desk.edit_contributor(
        &t.chief,
        &t.jane_id,
        &ContributorEdit {
            bio: Some("Bio\0 text".into()),
            ..Default::default()
        },
    );
    match bio {
        Ok(c) => assert!(!c.bio.contains('\0')),
        Err(e) => assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}"),
    }
    let note = t.desk.add_note(&t.editor, &a.id, "note\0", None, None);
    match note {
        Ok(n) => assert!(!n.body.contains('\0')),
        Err(e) => assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}"),
    }
    // Looked up, a key holding a NUL is simply not there, on every store.
    let key = format!("{}\0", a.id);
    let read = t.desk.get_article(&t.editor, &key).unwrap_err();
    assert_eq!(read.code(), ErrorCode::NotFound, "{read}");
    let who = t.desk.get_contributor(&t.editor, &key).unwrap_err();
    assert_eq!(who.code(), ErrorCode::NotFound, "{who}");
    let found = t
        .desk
        .search(&t.editor, "Nul\0", &Default::default(), None, 10);
    if let Err(e) = found {
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    }
}

/// Two desks on one store (two app windows, two server instances) saving the same piece from
/// the same version: exactly one wins each round, the other is told, and no save is lost.
#[test]
fn two_desks_saving_one_piece_at_once_lose_nothing() {
    let clock = Arc::new(ManualClock::new(start()));
    let (desk, backing) = shared_desk(clock.clone());
    let t = populate(desk, clock.clone());
    let a = t.new_draft(&t.editor);
    let backing = Arc::new(backing);
    let rounds = 25;
    let gate = Arc::new(Barrier::new(2));
    let writers: Vec<_> = [t.editor.clone(), t.editor2.clone()]
        .into_iter()
        .enumerate()
        .map(|(who, actor)| {
            let (backing, clock, gate, id) =
                (backing.clone(), clock.clone(), gate.clone(), a.id.clone());
            std::thread::spawn(move || {
                let desk = backing.open(clock);
                let mut won = Vec::new();
                for round in 0..rounds {
                    gate.wait();
                    let base = desk.get_article(&actor, &id).unwrap().version;
                    gate.wait();
                    let text = format!("Round {round}, writer {who}.");
                    match desk.save_article(
                        &actor,
                        &id,
                        base,
                        &ArticleEdit {
                            body: Some(text.clone()),
                            ..Default::default()
                        },
                        SaveReason::Autosave,
                    ) {
                        Ok(saved) => won.push((saved.version, text)),
                        Err(e) => assert_eq!(e.code(), ErrorCode::Conflict, "{e}"),
                    }
                }
                won
            })
        })
        .collect();
    let mut won: Vec<(i64, String)> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    won.sort();
    assert_eq!(won.len(), rounds, "one save wins each round: {won:?}");
    for (version, text) in &won {
        let kept = t.desk.revision(&t.chief, &a.id, *version).unwrap();
        assert_eq!(kept.text.body, *text, "version {version}");
    }
    let last = t.desk.get_article(&t.chief, &a.id).unwrap();
    assert_eq!(last.version, won.last().unwrap().0);
}

/// Words are words wherever they stand: inside an address, a tag, a path or a number.
#[test]
fn search_finds_words_inside_addresses_tags_and_numbers() {
    let t = desk();
    let a = t
        .desk
        .create_article(
            &t.editor,
            &NewArticle {
                headline: "Write to jane@example.org".into(),
                body: "See meridian.example.net/water-policy, <b>drought</b> at 3.5 percent."
                    .into(),
                ..Default::default()
            },
        )
        .unwrap();
    for words in [
        "example",
        "jane",
        "meridian net",
        "policy",
        "drought",
        "percent 5",
    ] {
        let found = t
            .desk
            .search(&t.editor, words, &Default::default(), None, 10)
            .unwrap();
        assert_eq!(
            found
                .items
                .iter()
                .map(|h| h.id.as_str())
                .collect::<Vec<_>>(),
            vec![a.id.as_str()],
            "{words}"
        );
    }
}
