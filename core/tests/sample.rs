//! The sample desks are built through the desk's own rules and come out whole.
mod common;

use std::collections::HashSet;

use common::*;
use copydesk_core::model::State;

#[test]
fn the_demo_desk_has_every_state_and_passes_its_checks() {
    let t = desk();
    let report = t.desk.fill_sample(&t.chief, 24).unwrap();
    assert_eq!(report.articles, 24);
    let mut states = HashSet::new();
    let mut after = None;
    loop {
        let page = t
            .desk
            .list_articles(&t.chief, &Default::default(), after.as_deref(), 10)
            .unwrap();
        states.extend(page.items.iter().map(|a| a.state));
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    for s in State::ALL {
        assert!(states.contains(s), "the demo desk has no {s} article");
    }
    assert!(t.desk.check().unwrap().is_empty());
    // Running it again on the same desk adds more without clashing.
    t.desk.fill_sample(&t.chief, 3).unwrap();
}

#[test]
fn a_sample_desk_in_a_file_has_three_weeks_of_history() {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(copydesk_core::ManualClock::new(start()));
    let desk = copydesk_core::Desk::open(&dir.path().join("desk.db"), clock.clone()).unwrap();
    let t = populate(desk, clock);
    t.desk.fill_sample(&t.chief, 24).unwrap();
    let items = t
        .desk
        .list_articles(&t.chief, &Default::default(), None, 100)
        .unwrap()
        .items;
    let oldest = items.iter().map(|a| a.state_changed_at).min().unwrap();
    let newest = items.iter().map(|a| a.state_changed_at).max().unwrap();
    assert!(newest <= start(), "nothing is dated in the future");
    assert!(
        start() - oldest > chrono::Duration::days(18),
        "history reaches back: {oldest}"
    );
    for a in &items {
        let full = t.desk.get_article(&t.chief, &a.id).unwrap();
        if let Some(at) = full.scheduled_at {
            assert!(at > start(), "scheduled pieces are still ahead");
        }
    }
    assert_eq!(t.desk.now(), start(), "the desk's own clock is untouched");
    // Every page was written when its piece went out: the first publisher run finds nothing
    // overdue to do late, and nothing failed.
    let report = t.desk.publish_due().unwrap();
    assert!(report.done.is_empty(), "{report:?}");
    assert!(report.failed.is_empty(), "{report:?}");
    let open = t
        .desk
        .list_jobs(
            &t.chief,
            Some(copydesk_core::model::JobState::Pending),
            None,
            100,
        )
        .unwrap()
        .items;
    assert!(open.iter().all(|j| j.due_at > start()), "{open:?}");
}
