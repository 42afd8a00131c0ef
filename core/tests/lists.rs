//! Paging by key, and the indexes behind every list.
mod common;

use chrono::Duration;
use common::*;
use copydesk_core::desk::ArticleFilter;
use copydesk_core::model::{Action, State};

fn collect(t: &TestDesk, filter: &ArticleFilter, page: u32) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let p = t
            .desk
            .list_articles(&t.editor, filter, after.as_deref(), page)
            .unwrap();
        assert!(p.items.len() <= page as usize);
        seen.extend(p.items.into_iter().map(|a| a.id));
        match p.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    seen
}

#[test]
fn lists_page_across_boundaries_without_gaps_or_repeats() {
    let t = desk();
    let mut drafts = Vec::new();
    let mut submitted = Vec::new();
    for i in 0..31 {
        // Several pieces share an instant, so the key's tie-break on id is exercised.
        if i % 3 == 0 {
            t.clock.advance(Duration::seconds(1));
        }
        let a = t.new_draft(&t.author);
        if i % 2 == 0 {
            submitted.push(t.mv(&t.author, &a, Action::Submit, None).unwrap().id);
        } else {
            drafts.push(a.id);
        }
    }
    for page in [1, 4, 7, 50] {
        let got = collect(
            &t,
            &ArticleFilter {
                state: Some(State::Draft),
                ..Default::default()
            },
            page,
        );
        let mut want = drafts.clone();
        want.reverse();
        assert_eq!(got, want, "drafts, page size {page}");
        let got = collect(
            &t,
            &ArticleFilter {
                state: Some(State::Submitted),
                ..Default::default()
            },
            page,
        );
        assert_eq!(got.len(), submitted.len());
        let all = collect(&t, &ArticleFilter::default(), page);
        assert_eq!(all.len(), 31);
        let mut dedup = all.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), 31);
        let by_jane = collect(
            &t,
            &ArticleFilter {
                contributor: Some("Jane Roe".into()),
                ..Default::default()
            },
            page,
        );
        assert_eq!(by_jane.len(), 31);
        let opinion_drafts = collect(
            &t,
            &ArticleFilter {
                state: Some(State::Draft),
                section: Some("Opinion".into()),
                ..Default::default()
            },
            page,
        );
        assert_eq!(opinion_drafts.len(), drafts.len());
    }
    // A cursor from one list is refused by another.
    let p = t
        .desk
        .list_articles(
            &t.editor,
            &ArticleFilter {
                state: Some(State::Draft),
                ..Default::default()
            },
            None,
            2,
        )
        .unwrap();
    let err = t
        .desk
        .list_articles(
            &t.editor,
            &ArticleFilter {
                state: Some(State::Submitted),
                ..Default::default()
            },
            p.next.as_deref(),
            2,
        )
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    let err = t
        .desk
        .list_articles(&t.editor, &ArticleFilter::default(), Some("garbage"), 2)
        .unwrap_err();
    assert!(err.to_string().contains("was not issued for this list"));
}

#[test]
fn queue_items_carry_what_the_desk_shows() {
    let t = desk();
    let a = t.in_review();
    let page = t
        .desk
        .list_articles(
            &t.editor,
            &ArticleFilter {
                state: Some(State::InReview),
                ..Default::default()
            },
            None,
            10,
        )
        .unwrap();
    let item = &page.items[0];
    assert_eq!(item.id, a.id);
    assert_eq!(item.byline[0].name, "Jane Roe");
    assert_eq!(item.byline.len(), 1);
    assert_eq!(item.assigned_editor.as_deref(), Some("Eddie Editor"));
    assert_eq!(item.word_count, 700);
    assert_eq!(item.section.as_deref(), Some("Opinion"));
    assert!(page.next.is_none());
}

#[test]
fn in_review_mine_lists_only_the_editors_own_claims() {
    let t = desk();
    let mine = [t.in_review(), t.in_review()];
    let theirs = t.new_draft(&t.author);
    let theirs = t.mv(&t.author, &theirs, Action::Submit, None).unwrap();
    let theirs = t.mv(&t.chief, &theirs, Action::Claim, None).unwrap();
    let filter = |editor: &str| ArticleFilter {
        state: Some(State::InReview),
        assigned_editor: Some(editor.into()),
        ..Default::default()
    };
    let got = collect(&t, &filter(&t.editor.user.name), 1);
    assert_eq!(got, [mine[1].id.clone(), mine[0].id.clone()]);
    let got = collect(&t, &filter(&t.chief.user.id), 1);
    assert_eq!(got, std::slice::from_ref(&theirs.id));
    let with_jane = ArticleFilter {
        contributor: Some("Jane Roe".into()),
        ..filter(&t.chief.user.name)
    };
    assert_eq!(collect(&t, &with_jane, 5), std::slice::from_ref(&theirs.id));

    let nobody = t
        .desk
        .list_articles(&t.editor, &filter("Nobody"), None, 5)
        .unwrap_err();
    assert_eq!(nobody.code(), "not_found");
    let stateless = ArticleFilter {
        assigned_editor: Some(t.editor.user.name.clone()),
        ..Default::default()
    };
    let err = t
        .desk
        .list_articles(&t.editor, &stateless, None, 5)
        .unwrap_err();
    assert!(err.to_string().contains("name a state"), "{err}");
}
