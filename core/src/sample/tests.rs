//! The benchmark desk's archive loads through the desk's rules and reads back as archived.

use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::{Sampler, as_guests, bench_article, bench_contributors};
use crate::desk::NewUser;
use crate::model::{Role, State};
use crate::{Actor, Desk, ManualClock, NewDesk};

struct T {
    desk: Desk,
    chief: Actor,
    editor: Actor,
}

fn desk() -> T {
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    ));
    let desk = Desk::open_in_memory(clock).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire Chief".into(),
            chief_passphrase: None,
        })
        .unwrap();
    desk.add_user(
        &chief,
        &NewUser {
            name: "Eddie Editor".into(),
            role: Role::Editor,
            contributor: None,
            passphrase: None,
        },
    )
    .unwrap();
    let editor = desk.sign_in("Eddie Editor", None).unwrap();
    T {
        desk,
        chief,
        editor,
    }
}

#[test]
fn an_archive_loads_with_history_in_one_transaction() {
    let t = desk();
    let mut s = Sampler::new(1);
    let people = bench_contributors(&mut s, 20);
    let new = as_guests(&people);
    for (_, _, bio) in &people {
        let n = crate::text::word_count(bio);
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
        .list_jobs(&t.chief, Some(crate::model::JobState::Pending), None, 100)
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
            let snapshot = t
                .desk
                .revision(&t.chief, &summary.id, info.number)
                .unwrap()
                .text;
            assert_eq!(snapshot.body, revision.body, "revision {}", info.number);
            assert_eq!(info.reason, revision.reason);
        }
        assert_eq!(
            t.desk.get_article(&t.chief, &summary.id).unwrap().body,
            archived.revisions.last().unwrap().body
        );
    }
    assert!(t.desk.check().unwrap().is_empty());
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
