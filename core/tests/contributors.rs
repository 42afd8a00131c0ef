mod common;

use common::*;
use copydesk_core::desk::{BylineEntry, ContributorEdit, NewContributor};
use copydesk_core::model::{Action, Contributor};

/// The whole directory, read a page of `size` at a time.
fn every_page(t: &TestDesk, size: u32) -> Vec<Contributor> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = t
            .desk
            .list_contributors(&t.editor, after.as_deref(), size)
            .unwrap();
        seen.extend(page.items);
        match page.next {
            Some(n) => after = Some(n),
            None => return seen,
        }
    }
}

fn guest(name: &str, email: Option<&str>) -> NewContributor {
    NewContributor {
        email: email.map(str::to_string),
        ..NewContributor::guest(name)
    }
}

#[test]
fn found_by_name_ignoring_case_accents_and_spaces_or_by_email() {
    let t = desk();
    let c = t
        .desk
        .add_contributor(&t.editor, &guest("José  Boussoís", Some("JB@Example.ORG")))
        .unwrap();
    assert_eq!(c.display_name, "José Boussoís");
    assert_eq!(c.sort_name, "Boussoís, José");
    assert_eq!(c.email.as_deref(), Some("jb@example.org"));
    for q in [
        "jose boussois",
        "JOSÉ BOUSSOÍS",
        " jose   boussois ",
        "jb@example.org",
        "JB@EXAMPLE.org",
    ] {
        assert_eq!(
            t.desk.get_contributor(&t.editor, q).unwrap().id,
            c.id,
            "{q}"
        );
    }
    let found = t.desk.find_contributors(&t.editor, "jos").unwrap();
    assert_eq!(
        found
            .iter()
            .map(|c| c.display_name.as_str())
            .collect::<Vec<_>>(),
        ["José Boussoís"]
    );
    assert_eq!(
        t.desk
            .get_contributor(&t.editor, "Nobody Here")
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn bad_contributor_input_is_refused() {
    let t = desk();
    assert_eq!(
        t.desk
            .add_contributor(&t.editor, &guest("   ", None))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert!(
        t.desk
            .add_contributor(&t.editor, &guest("X", Some("not-an-email")))
            .unwrap_err()
            .to_string()
            .contains("not an email")
    );
    let dup = t
        .desk
        .add_contributor(&t.editor, &guest("Other", Some("jane@example.org")))
        .unwrap_err();
    assert!(dup.to_string().contains("already belongs to Jane Roe"));
    assert_eq!(
        t.desk
            .add_contributor(&t.author, &guest("Sneaky", None))
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn a_bio_edit_keeps_the_old_bio() {
    let t = desk();
    let jane = t.desk.get_contributor(&t.chief, "Jane Roe").unwrap();
    let edit = |bio: &str| ContributorEdit {
        bio: Some(bio.into()),
        ..Default::default()
    };
    t.desk
        .edit_contributor(&t.editor, &jane.id, &edit("Second bio."))
        .unwrap();
    t.clock.advance(chrono::Duration::days(1));
    // The author may edit their own profile, and nobody else's.
    t.desk
        .edit_contributor(&t.author, &jane.id, &edit("Third bio."))
        .unwrap();
    assert_eq!(
        t.desk
            .edit_contributor(&t.other_author, &jane.id, &edit("x"))
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let history = t.desk.bio_history(&t.chief, &jane.id).unwrap();
    let bios: Vec<_> = history.iter().map(|h| h.bio.as_str()).collect();
    assert_eq!(
        bios,
        [
            "Second bio.",
            "Jane Roe is a senior fellow at the Institute for Sahel Studies."
        ]
    );
    assert_eq!(history[0].replaced_by.as_deref(), Some("jane"));
    assert_eq!(
        t.desk.get_contributor(&t.chief, &jane.id).unwrap().bio,
        "Third bio."
    );
    // Private notes are for the desk, not for contributors.
    assert_eq!(
        t.desk
            .get_contributor(&t.chief, &jane.id)
            .unwrap()
            .private_notes,
        "Prefers email."
    );
    assert_eq!(
        t.desk
            .get_contributor(&t.author, &jane.id)
            .unwrap()
            .private_notes,
        ""
    );

    // Their profile form sends back everything it showed: the same kind and blank notes save
    // (the desk's notes stay); a different kind or notes of their own are refused.
    let shown = t.desk.get_contributor(&t.author, &jane.id).unwrap();
    let form = ContributorEdit {
        bio: Some("Fourth bio.".into()),
        kind: Some(shown.kind),
        private_notes: Some(shown.private_notes.clone()),
        ..Default::default()
    };
    t.desk.edit_contributor(&t.author, &jane.id, &form).unwrap();
    let now = t.desk.get_contributor(&t.chief, &jane.id).unwrap();
    assert_eq!(
        (now.bio.as_str(), now.private_notes.as_str()),
        ("Fourth bio.", "Prefers email.")
    );
    for refused in [
        ContributorEdit {
            kind: Some(copydesk_core::model::ContributorKind::Staff),
            ..form.clone()
        },
        ContributorEdit {
            private_notes: Some("Pay me more.".into()),
            ..form.clone()
        },
    ] {
        let err = t
            .desk
            .edit_contributor(&t.author, &jane.id, &refused)
            .unwrap_err();
        assert_eq!(err.code(), "forbidden");
    }
}

#[test]
fn a_contributor_with_articles_is_merged_not_deleted() {
    let t = desk();
    let dup = t
        .desk
        .add_contributor(&t.editor, &guest("J. Roe", None))
        .unwrap();
    let mut piece = ready_piece();
    piece.byline = vec![
        BylineEntry::named(dup.id.clone()),
        BylineEntry::named("John Doe"),
    ];
    let a = t.desk.create_article(&t.editor, &piece).unwrap();
    let both = t
        .desk
        .create_article(&t.editor, &{
            let mut p = ready_piece();
            p.byline = vec![
                BylineEntry::named("Jane Roe"),
                BylineEntry::named(dup.id.clone()),
            ];
            p
        })
        .unwrap();
    let err = t.desk.delete_contributor(&t.editor, &dup.id).unwrap_err();
    assert!(err.to_string().contains("merge"), "{err}");
    // The directory counts each one's articles.
    let counts = |t: &TestDesk| -> Vec<(String, i64)> {
        t.desk
            .list_contributors(&t.editor, None, 50)
            .unwrap()
            .items
            .into_iter()
            .map(|c| (c.display_name, c.article_count))
            .collect()
    };
    assert!(
        counts(&t).contains(&("J. Roe".to_string(), 2)),
        "{:?}",
        counts(&t)
    );
    assert!(counts(&t).contains(&("John Doe".to_string(), 1)));
    let survivor = t
        .desk
        .merge_contributors(&t.editor, &dup.id, "Jane Roe")
        .unwrap();
    assert_eq!(survivor.article_count, 2, "both pieces, counted once");
    assert_eq!(survivor.display_name, "Jane Roe");
    let a = t.desk.get_article(&t.chief, &a.id).unwrap();
    assert_eq!(
        a.byline.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["Jane Roe", "John Doe"]
    );
    let both = t.desk.get_article(&t.chief, &both.id).unwrap();
    assert_eq!(
        both.byline
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>(),
        ["Jane Roe"]
    );
    assert_eq!(
        t.desk
            .get_contributor(&t.chief, &dup.id)
            .unwrap_err()
            .code(),
        "not_found"
    );
    // The merged articles are now Jane's: her account sees them, and search finds them by her.
    assert!(t.desk.get_article(&t.author, &a.id).is_ok());
    let hits = t
        .desk
        .search(&t.editor, "senior fellow", &Default::default(), None, 10)
        .unwrap();
    assert!(hits.items.iter().any(|h| h.id == a.id));
    assert!(t.desk.check().unwrap().is_empty());
    // One who never wrote can simply be deleted.
    let lone = t
        .desk
        .add_contributor(&t.editor, &guest("Lone Writer", None))
        .unwrap();
    t.desk.delete_contributor(&t.editor, &lone.id).unwrap();
    assert_eq!(
        t.desk
            .merge_contributors(&t.editor, "Jane Roe", "Jane Roe")
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}

#[test]
fn the_directory_pages_in_sort_order() {
    let t = desk();
    let names = [
        "Ann Zed",
        "Bob Young",
        "Cy Xu",
        "Di Wolf",
        "Ed Vance",
        "Flo Ulm",
        "Gus Tate",
    ];
    for n in names {
        t.desk.add_contributor(&t.editor, &guest(n, None)).unwrap();
    }
    let seen: Vec<String> = every_page(&t, 3).into_iter().map(|c| c.sort_name).collect();
    let mut expected: Vec<String> = seen.clone();
    expected.sort_by_key(|s| s.to_lowercase());
    assert_eq!(seen, expected);
    assert_eq!(seen.len(), names.len() + 2);
}

#[test]
fn names_are_filed_as_a_reader_would_file_them() {
    let t = desk();
    for n in [
        "Ana Šimić",
        "Tom Zed",
        "Lena Sand",
        "Émile Roux",
        "Ove Øster",
        "Ada Ångström",
    ] {
        t.desk.add_contributor(&t.editor, &guest(n, None)).unwrap();
    }
    let seen: Vec<String> = every_page(&t, 2)
        .into_iter()
        .map(|c| c.display_name)
        .filter(|n| n != "Jane Roe" && n != "John Doe")
        .collect();
    // Accents and letters with strokes file with their base letter, across pages.
    assert_eq!(
        seen,
        [
            "Ada Ångström",
            "Ove Øster",
            "Émile Roux",
            "Lena Sand",
            "Ana Šimić",
            "Tom Zed"
        ]
    );
}

#[test]
fn a_contributor_account_needs_its_contributor_on_the_byline_to_submit() {
    let t = desk();
    let a = t.new_draft(&t.author);
    assert_eq!(a.byline[0].name, "Jane Roe");
    assert!(t.mv(&t.author, &a, Action::Submit, None).is_ok());
}

#[test]
fn an_ambiguous_name_asks_for_an_id() {
    let t = desk();
    let second = t
        .desk
        .add_contributor(&t.editor, &guest("Jane  ROE", None))
        .unwrap();
    let err = t.desk.get_contributor(&t.editor, "jane roe").unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains(&second.id), "{err}");
    assert_eq!(
        t.desk
            .get_contributor(&t.editor, &second.id)
            .unwrap()
            .display_name,
        "Jane ROE"
    );
}

#[test]
fn a_contributor_cannot_probe_email_addresses() {
    let t = desk();
    assert_eq!(
        t.desk
            .get_contributor(&t.other_author, "jane@example.org")
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert!(
        t.desk
            .find_contributors(&t.other_author, "jane@example.org")
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        t.desk
            .get_contributor(&t.author, "jane@example.org")
            .unwrap()
            .display_name,
        "Jane Roe"
    );
    assert_eq!(
        t.desk
            .get_contributor(&t.editor, "jane@example.org")
            .unwrap()
            .display_name,
        "Jane Roe"
    );
}
