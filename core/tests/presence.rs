//! Who has an article open: marked by each open editor, read by everyone's Desk and editor,
//! gone when it stops being marked. Runs on both stores (COPYDESK_TEST_STORE=postgres).

mod common;

use chrono::Duration;
use common::desk;
use copydesk_core::model::Presence;

fn who(list: &[Presence]) -> Vec<(&str, bool)> {
    list.iter()
        .map(|p| (p.user_name.as_str(), p.typing))
        .collect()
}

#[test]
fn an_open_article_shows_who_has_it_open_and_who_is_typing_until_they_go() {
    let t = desk();
    // Jane's draft, by Jane; the editor opens it, then Jane types in it.
    let a = t.new_draft(&t.author);
    let opened_at = t.desk.now();
    let here = t.desk.mark_presence(&t.editor, &a.id, false).unwrap();
    assert_eq!(who(&here), [("Eddie Editor", false)]);
    assert_eq!(here[0].since, opened_at);
    t.clock.advance(Duration::seconds(5));
    let here = t.desk.mark_presence(&t.author, &a.id, true).unwrap();
    assert_eq!(who(&here), [("Eddie Editor", false), ("jane", true)]);

    // Still there on the editor's next word, typing no longer after a quiet spell.
    t.clock.advance(Duration::seconds(8));
    let here = t.desk.mark_presence(&t.editor, &a.id, false).unwrap();
    assert_eq!(who(&here), [("Eddie Editor", false), ("jane", false)]);
    assert_eq!(
        here[0].since, opened_at,
        "open since the first word, not the last"
    );

    // Everyone's Desk: the editor sees both; a contributor sees who is on her own pieces
    // only, and nobody on someone else's.
    let all = t.desk.list_presence(&t.editor2).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|p| p.article_id == a.id));
    assert_eq!(t.desk.list_presence(&t.author).unwrap().len(), 2);
    assert!(t.desk.list_presence(&t.other_author).unwrap().is_empty());
    // Nor may she mark herself present on a piece she cannot see.
    let hidden = t
        .desk
        .mark_presence(&t.other_author, &a.id, false)
        .unwrap_err();
    assert_eq!(hidden.code(), "not_found");

    // Jane closes it; the editor's window goes quiet (closed, or its connection dropped).
    let left = t.desk.leave_presence(&t.author, &a.id).unwrap();
    assert_eq!(who(&left), [("Eddie Editor", false)]);
    t.clock
        .advance(copydesk_core::desk::PRESENT_FOR + Duration::seconds(1));
    assert!(t.desk.list_presence(&t.chief).unwrap().is_empty());

    // Opening it again later starts a new stay.
    let back = t.desk.mark_presence(&t.editor, &a.id, false).unwrap();
    assert_eq!(back[0].since, t.desk.now());
    let missing = t
        .desk
        .mark_presence(&t.editor, "no-such-article", false)
        .unwrap_err();
    assert_eq!(missing.code(), "not_found");
}
