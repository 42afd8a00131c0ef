mod common;

use common::*;
use copydesk_core::desk::{BylineEntry, NewArticle, NewContributor, SearchFilter};
use copydesk_core::model::{Action, ContributorKind, State};

fn piece(headline: &str, body: &str) -> NewArticle {
    NewArticle {
        headline: headline.into(),
        body: body.into(),
        byline: vec![BylineEntry::named("John Doe")],
        section: Some("News".into()),
        ..Default::default()
    }
}

#[test]
fn search_ignores_accents_and_ranks_headlines_first() {
    let t = desk();
    let a = t
        .desk
        .create_article(
            &t.editor,
            &piece("Talks with Boussoís stall", "The envoy left early."),
        )
        .unwrap();
    let b = t
        .desk
        .create_article(
            &t.editor,
            &piece(
                "Harvest report",
                "El señor Boussois spoke about grain and boussois.",
            ),
        )
        .unwrap();
    let hits = t
        .desk
        .search(&t.editor, "Boussois", &SearchFilter::default(), None, 10)
        .unwrap()
        .items;
    assert_eq!(
        hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [a.id.as_str(), b.id.as_str()]
    );
    let señor = t
        .desk
        .search(&t.editor, "senor", &SearchFilter::default(), None, 10)
        .unwrap()
        .items;
    assert_eq!(señor.len(), 1);
    assert_eq!(señor[0].id, b.id);
    let hit_words: Vec<_> = señor[0]
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(hit_words, ["señor"]);
    assert_eq!(señor[0].byline[0].name, "John Doe");
}

#[test]
fn search_covers_byline_names_and_bios_and_follows_edits() {
    let t = desk();
    let a = t.new_draft(&t.editor);
    let by_bio = t
        .desk
        .search(
            &t.editor,
            "Institute Sahel Studies",
            &Default::default(),
            None,
            10,
        )
        .unwrap();
    assert_eq!(by_bio.items.len(), 1);
    assert_eq!(by_bio.items[0].id, a.id);
    let by_name = t
        .desk
        .search(&t.editor, "roe", &Default::default(), None, 10)
        .unwrap();
    assert_eq!(by_name.items.len(), 1);
    let a = t
        .edit_body(&t.editor, &a, "Completely different words about zeppelins.")
        .unwrap();
    assert_eq!(
        t.desk
            .search(&t.editor, "zeppelins", &Default::default(), None, 10)
            .unwrap()
            .items
            .len(),
        1
    );
    assert_eq!(
        t.desk
            .search(&t.editor, "aquifer", &Default::default(), None, 10)
            .unwrap()
            .items
            .len(),
        0
    );
    // Renaming the contributor updates what search finds.
    assert!(
        t.desk
            .search(&t.editor, "okafor", &Default::default(), None, 10)
            .unwrap()
            .items
            .is_empty()
    );
    let jane = t.desk.get_contributor(&t.chief, "Jane Roe").unwrap();
    t.desk
        .edit_contributor(
            &t.chief,
            &jane.id,
            &copydesk_core::desk::ContributorEdit {
                display_name: Some("Jane Okafor".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        t.desk
            .search(&t.editor, "okafor zeppelins", &Default::default(), None, 10)
            .unwrap()
            .items[0]
            .id,
        a.id
    );
}

#[test]
fn search_filters_by_state_and_section_and_respects_visibility() {
    let t = desk();
    let draft = t.new_draft(&t.author);
    let submitted = t
        .mv(&t.author, &t.new_draft(&t.author), Action::Submit, None)
        .unwrap();
    let johns = t
        .desk
        .create_article(&t.other_author, &ready_piece_by("John Doe"))
        .unwrap();
    let q = "aquifer";
    let ids = |filter: SearchFilter, who: &copydesk_core::Actor| -> Vec<String> {
        let mut v: Vec<String> = t
            .desk
            .search(who, q, &filter, None, 50)
            .unwrap()
            .items
            .into_iter()
            .map(|h| h.id)
            .collect();
        v.sort();
        v
    };
    let mut all = vec![draft.id.clone(), submitted.id.clone(), johns.id.clone()];
    all.sort();
    assert_eq!(ids(SearchFilter::default(), &t.editor), all);
    assert_eq!(
        ids(
            SearchFilter {
                state: Some(State::Submitted),
                section: None
            },
            &t.editor
        ),
        vec![submitted.id.clone()]
    );
    assert_eq!(
        ids(
            SearchFilter {
                state: None,
                section: Some("News".into())
            },
            &t.editor
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(
            SearchFilter {
                state: None,
                section: Some("opinion".into())
            },
            &t.editor
        )
        .len(),
        3
    );
    let mut janes = vec![draft.id.clone(), submitted.id.clone()];
    janes.sort();
    assert_eq!(ids(SearchFilter::default(), &t.author), janes);
    assert_eq!(
        ids(SearchFilter::default(), &t.other_author),
        vec![johns.id.clone()]
    );
}

#[test]
fn search_pages_by_key_and_refuses_bad_input() {
    let t = desk();
    for i in 0..23 {
        t.desk
            .create_article(
                &t.editor,
                &piece(&format!("Budget story {i}"), &"budget ".repeat(i + 1)),
            )
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = t
            .desk
            .search(
                &t.editor,
                "budget",
                &Default::default(),
                after.as_deref(),
                5,
            )
            .unwrap();
        seen.extend(page.items.into_iter().map(|h| (h.score, h.id)));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    assert_eq!(seen.len(), 23);
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "ranked best first across pages"
    );
    let mut ids: Vec<_> = seen.iter().map(|(_, id)| id.clone()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 23);
    assert_eq!(
        t.desk
            .search(&t.editor, "  ?! ", &Default::default(), None, 5)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    // FTS syntax typed by a user is searched as words, not run as a query.
    assert!(
        t.desk
            .search(
                &t.editor,
                "budget\" OR body:*",
                &Default::default(),
                None,
                5
            )
            .is_ok()
    );
    let forged = t.desk.search(
        &t.editor,
        "budget",
        &Default::default(),
        Some("Zm9vfDF8Mnwz"),
        5,
    );
    assert_eq!(forged.unwrap_err().code(), "invalid_input");
}

#[test]
fn contributors_are_searchable_by_bio() {
    let t = desk();
    t.desk
        .add_contributor(
            &t.editor,
            &NewContributor {
                display_name: "Amadou Diallo".into(),
                sort_name: None,
                email: None,
                affiliation: "Université de Dakar".into(),
                kind: ContributorKind::Guest,
                bio: "Amadou Diallo is a hydrologist who studies the Niger basin.".into(),
                links: vec![],
                private_notes: "".into(),
            },
        )
        .unwrap();
    let hits = t
        .desk
        .search_contributors(&t.editor, "universite hydrologist", 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].display_name, "Amadou Diallo");
}

#[test]
fn an_autosaved_word_is_found_by_the_next_search() {
    let t = desk();
    let a = t.new_draft(&t.author);
    let a = t
        .desk
        .save_article(
            &t.author,
            &a.id,
            a.version,
            &copydesk_core::desk::ArticleEdit {
                body: Some(format!("{} Quetzalcoatl.", a.body)),
                ..Default::default()
            },
            copydesk_core::model::SaveReason::Autosave,
        )
        .unwrap();
    let hits = t
        .desk
        .search(&t.author, "quetzalcoatl", &Default::default(), None, 10)
        .unwrap()
        .items;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, a.id);
    assert!(
        hits[0]
            .snippet
            .iter()
            .any(|p| p.hit && p.text == "Quetzalcoatl")
    );
    // A later autosave removing it is honoured too.
    t.desk
        .save_article(
            &t.author,
            &a.id,
            a.version,
            &copydesk_core::desk::ArticleEdit {
                body: Some("Plain words.".into()),
                ..Default::default()
            },
            copydesk_core::model::SaveReason::Autosave,
        )
        .unwrap();
    assert!(
        t.desk
            .search(&t.author, "quetzalcoatl", &Default::default(), None, 10)
            .unwrap()
            .items
            .is_empty()
    );
}
