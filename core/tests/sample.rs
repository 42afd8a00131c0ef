//! The sample desks are built through the desk's own rules and come out whole.
mod common;

use std::collections::HashSet;

use common::*;
use copydesk_core::model::State;
use copydesk_core::sample::{
    Sampler, as_guests, bench_article, bench_contributors, fill_demo_desk,
};

#[test]
fn the_demo_desk_has_every_state_and_passes_its_checks() {
    let t = desk();
    let report = fill_demo_desk(&t.desk, &t.chief, 24, 7).unwrap();
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
    assert!(t.desk.store().check().unwrap().is_empty());
    // Running it again on the same desk adds more without clashing.
    fill_demo_desk(&t.desk, &t.chief, 3, 8).unwrap();
}

#[test]
fn an_archive_loads_with_history_in_one_transaction() {
    let t = desk();
    let mut s = Sampler::new(1);
    let people = bench_contributors(&mut s, 20);
    let new = as_guests(&people);
    for (_, _, bio) in &people {
        let n = copydesk_core::text::word_count(bio);
        assert!((40..=90).contains(&n), "bio of {n} words");
    }
    let emails: Vec<String> = people.iter().map(|(_, e, _)| e.clone()).collect();
    let now = t.desk.now();
    let batch: Vec<_> = (0..40)
        .map(|_| bench_article(&mut s, now, &emails, "Claire Chief", "Eddie Editor"))
        .collect();
    assert_eq!(t.desk.import_archive(&t.chief, &new, &batch).unwrap(), 40);
    // Every archived piece in `scheduled` has its one publish job, due at its time.
    let scheduled: Vec<_> = batch
        .iter()
        .filter(|a| a.state == State::Scheduled)
        .collect();
    let jobs = t
        .desk
        .list_jobs(
            &t.chief,
            Some(copydesk_core::model::JobState::Pending),
            None,
            100,
        )
        .unwrap()
        .items;
    assert_eq!(jobs.len(), scheduled.len());
    for a in scheduled {
        assert!(
            jobs.iter()
                .any(|j| j.headline == a.headline && Some(j.due_at) == a.scheduled_at)
        );
    }
    let page = t
        .desk
        .list_articles(&t.chief, &Default::default(), None, 100)
        .unwrap();
    assert_eq!(page.items.len(), 40);
    for summary in &page.items {
        let archived = batch
            .iter()
            .find(|a| a.headline == summary.headline)
            .expect("archived");
        let history = t
            .desk
            .history(&t.chief, &summary.id, None, 50)
            .unwrap()
            .items;
        assert_eq!(history.len(), archived.revisions.len());
        // Every revision reads back as it was archived, oldest first.
        for (info, revision) in history.iter().rev().zip(&archived.revisions) {
            let (_, snapshot) = t.desk.revision(&t.chief, &summary.id, info.number).unwrap();
            assert_eq!(snapshot.body, revision.body, "revision {}", info.number);
            assert_eq!(info.reason, revision.reason);
        }
        assert_eq!(
            t.desk.get_article(&t.chief, &summary.id).unwrap().body,
            archived.revisions.last().unwrap().body
        );
    }
    assert!(t.desk.store().check().unwrap().is_empty());
    // Only the chief loads archives, and a bad article writes nothing of the batch.
    assert_eq!(
        t.desk
            .import_archive(&t.editor, &[], &batch[..1])
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let mut bad = batch[..2].to_vec();
    bad[1].byline = vec!["nobody@nowhere.example".into()];
    assert!(t.desk.import_archive(&t.chief, &[], &bad).is_err());
    let mut twice = batch[..1].to_vec();
    twice[0].byline = vec![emails[0].clone(), emails[0].clone()];
    let err = t.desk.import_archive(&t.chief, &[], &twice).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    assert_eq!(
        t.desk
            .list_articles(&t.chief, &Default::default(), None, 100)
            .unwrap()
            .items
            .len(),
        40
    );
}

#[test]
fn a_sample_desk_in_a_file_has_three_weeks_of_history() {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(copydesk_core::ManualClock::new(start()));
    let desk = copydesk_core::Desk::open(&dir.path().join("desk.db"), clock.clone()).unwrap();
    let t = populate(desk, clock);
    fill_demo_desk(&t.desk, &t.chief, 24, 3).unwrap();
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
}
