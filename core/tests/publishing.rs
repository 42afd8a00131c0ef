//! Scheduling in the desk's zone, slots, the outbox publisher and the static site it writes.

mod common;

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use common::{TestDesk, desk, populate, ready_piece, shared_desk, start};
use copydesk_core::ManualClock;
use copydesk_core::desk::{ArticleFilter, ContributorEdit, MoveArgs, SectionPlan, When};
use copydesk_core::model::{Action, JobState, State};

fn with_site(t: &TestDesk) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    t.desk
        .set_publish_folder(&t.chief, &dir.path().join("site"))
        .unwrap();
    dir
}

fn at(text: &str) -> When {
    When::At(text.into())
}

fn page_of(dir: &tempfile::TempDir, slug: &str) -> String {
    std::fs::read_to_string(
        dir.path()
            .join("site/articles")
            .join(format!("{slug}.html")),
    )
    .unwrap_or_else(|e| panic!("no page for {slug}: {e}"))
}

#[test]
fn a_time_in_the_desk_zone_is_checked_and_stored_in_utc() {
    let t = desk();
    let a = t.approved();
    // Paris, 29 March 2027: the clocks skip 02:00–03:00.
    let gap = t
        .desk
        .schedule_article(&t.editor, &a.id, &at("2027-03-28 02:30"), None)
        .unwrap_err();
    assert_eq!(gap.code(), "invalid_input");
    assert!(gap.to_string().contains("does not exist"), "{gap}");
    // 31 October 2027: 02:30 happens twice; the offset decides.
    let twice = t
        .desk
        .schedule_article(&t.editor, &a.id, &at("2027-10-31 02:30"), None)
        .unwrap_err();
    assert!(twice.to_string().contains("happens twice"), "{twice}");
    let past = t
        .desk
        .schedule_article(&t.editor, &a.id, &at("2026-11-01 08:00"), None)
        .unwrap_err();
    assert_eq!(past.code(), "not_ready");
    assert!(
        past.to_string()
            .contains("Sun 1 Nov, 08:00 (Europe/Paris) has passed"),
        "{past}"
    );
    assert_eq!(
        t.desk.get_article(&t.editor, &a.id).unwrap().state,
        State::Approved
    );
    assert!(
        t.desk
            .list_jobs(&t.editor, None, None, 10)
            .unwrap()
            .items
            .is_empty()
    );

    let s = t
        .desk
        .schedule_article(&t.editor, &a.id, &at("2027-10-31 02:30 +01:00"), None)
        .unwrap();
    assert_eq!(s.state, State::Scheduled);
    assert_eq!(
        s.scheduled_at,
        Some(Utc.with_ymd_and_hms(2027, 10, 31, 1, 30, 0).unwrap())
    );
    let jobs = t.desk.list_jobs(&t.editor, None, None, 10).unwrap().items;
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].due_at, s.scheduled_at.unwrap());

    // Rescheduling moves the one job; unscheduling cancels it and returns the piece to approved.
    t.desk
        .schedule_article(&t.editor, &a.id, &at("2026-12-01 08:00"), None)
        .unwrap();
    let jobs = t
        .desk
        .list_jobs(&t.editor, Some(JobState::Pending), None, 10)
        .unwrap()
        .items;
    assert_eq!(jobs.len(), 1);
    assert_eq!(
        jobs[0].due_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 7, 0, 0).unwrap()
    );
    let back = t.mv(&t.editor, &a, Action::Unschedule, None).unwrap();
    assert_eq!(back.state, State::Approved);
    assert!(
        t.desk
            .list_jobs(&t.editor, Some(JobState::Pending), None, 10)
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(
        t.desk
            .list_jobs(&t.editor, Some(JobState::Cancelled), None, 10)
            .unwrap()
            .items
            .len(),
        1
    );

    // Only an approved piece is scheduled; a contributor schedules nothing.
    let draft = t.new_draft(&t.author);
    let err = t
        .desk
        .schedule_article(&t.editor, &draft.id, &at("2026-12-01 08:00"), None)
        .unwrap_err();
    assert_eq!(err.code(), "not_ready", "{err}");
    assert!(err.to_string().contains("applies to approved"), "{err}");
    let err = t
        .desk
        .schedule_article(&t.author, &a.id, &at("2026-12-01 08:00"), None)
        .unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
}

#[test]
fn the_next_free_slot_skips_taken_ones_and_a_shared_slot_is_flagged() {
    let t = desk();
    let opinion = |slots: &[&str]| SectionPlan {
        name: "Opinion".into(),
        min_words: Some(600),
        max_words: Some(1200),
        slots: slots.iter().map(|s| s.to_string()).collect(),
    };
    let err = t
        .desk
        .put_section_plan(&t.chief, &opinion(&["Mon-Fri 25:00"]))
        .unwrap_err();
    assert!(err.to_string().contains("is not a slot"), "{err}");
    assert!(matches!(
        err,
        copydesk_core::Error::Invalid {
            field: Some("slots"),
            ..
        }
    ));
    let plan = t
        .desk
        .put_section_plan(&t.chief, &opinion(&["Mon-Fri 08:00 12:00"]))
        .unwrap();
    assert_eq!(plan.slots.len(), 10);
    assert_eq!(plan.slots[0], "Mon 08:00");
    // Limits and slots go in together: a bad slot line leaves both as they were.
    let before = t.desk.publishing_settings(&t.editor).unwrap();
    let wider = |slots| SectionPlan {
        min_words: Some(1),
        ..opinion(slots)
    };
    let err = t
        .desk
        .put_section_plan(&t.chief, &wider(&["Mon-Fri 08:00", "Caturday 09:00"]))
        .unwrap_err();
    assert!(err.to_string().contains("“Caturday” is not a day"), "{err}");
    assert_eq!(t.desk.publishing_settings(&t.editor).unwrap(), before);
    let err = t.desk.put_section_plan(&t.editor, &wider(&[])).unwrap_err();
    assert_eq!(err.code(), "forbidden");
    // Monday 2 November 2026, 10:00 in Paris: the next slots are today 12:00, then Tuesday 08:00.
    let free = t.desk.next_free_slots(&t.editor, "Opinion", 2).unwrap();
    assert_eq!(
        free,
        [
            Utc.with_ymd_and_hms(2026, 11, 2, 11, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 3, 7, 0, 0).unwrap()
        ]
    );
    let a = t.approved();
    let s = t
        .desk
        .schedule_article(&t.editor, &a.id, &When::NextSlot, None)
        .unwrap();
    assert_eq!(s.scheduled_at, Some(free[0]));
    let b = t.approved();
    let s2 = t
        .desk
        .schedule_article(&t.editor, &b.id, &When::NextSlot, None)
        .unwrap();
    assert_eq!(s2.scheduled_at, Some(free[1]));
    // A third piece put into the first slot by hand is allowed, and both are flagged.
    let c = t.approved();
    t.desk
        .move_article(
            &t.editor,
            &c.id,
            Action::Schedule,
            &MoveArgs {
                note: None,
                at: Some(free[0]),
            },
        )
        .unwrap();
    let cal = t
        .desk
        .calendar(&t.editor, start(), start() + Duration::days(7))
        .unwrap();
    let flagged: Vec<bool> = cal.entries.iter().map(|e| e.conflict).collect();
    assert_eq!(flagged, [true, true, false]);
    assert!(
        cal.free_slots
            .iter()
            .all(|f| f.at != free[0] && f.at != free[1])
    );
    assert!(
        cal.free_slots
            .iter()
            .any(|f| f.at == Utc.with_ymd_and_hms(2026, 11, 3, 11, 0, 0).unwrap())
    );
    let err = t
        .desk
        .calendar(&t.author, start(), start() + Duration::days(7))
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
}

#[test]
fn a_due_piece_is_published_once_with_its_page_and_a_late_one_is_flagged() {
    let t = desk();
    let dir = with_site(&t);
    let a = t.approved();
    let s = t
        .desk
        .schedule_article(&t.editor, &a.id, &at("2026-11-03 08:00"), None)
        .unwrap();
    assert!(t.desk.publish_due().unwrap().done.is_empty(), "not due yet");
    assert_eq!(t.desk.next_job_due().unwrap(), s.scheduled_at);

    // Nothing ran for two hours past the due time: the next run publishes it, flagged late.
    t.clock.set(s.scheduled_at.unwrap() + Duration::hours(2));
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    assert_eq!(report.done[0].late_ms, 2 * 3600 * 1000);
    let published = t.desk.get_article(&t.editor, &a.id).unwrap();
    assert_eq!(published.state, State::Published);
    let page = page_of(&dir, &published.slug);
    assert!(page.contains(&format!("<h1>{}</h1>", published.headline)));
    assert!(page.contains("About the author"));
    assert!(page.contains("Jane Roe is a senior fellow"));
    assert!(page.contains("Posted by Eddie Editor"));
    assert!(
        page.contains("3 November 2026, 10:00 CET"),
        "the desk's zone"
    );
    for shared in [
        "index.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "sitemap.xml",
        "style.css",
    ] {
        let text = std::fs::read_to_string(dir.path().join("site").join(shared)).unwrap();
        assert!(
            text.contains(&published.slug) || shared == "style.css",
            "{shared}"
        );
    }
    // A second run finds nothing; the audit log holds one publication, by the scheduler.
    assert!(t.desk.publish_due().unwrap().done.is_empty());
    let log = t
        .desk
        .audit(&t.editor, Some(&a.id), None, None, 50)
        .unwrap()
        .items;
    let publications: Vec<_> = log.iter().filter(|e| e.action == Action::Publish).collect();
    assert_eq!(publications.len(), 1);
    assert_eq!(publications[0].actor, None);
    assert_eq!(
        t.desk
            .list_jobs(&t.editor, Some(JobState::Done), None, 10)
            .unwrap()
            .items[0]
            .late_ms,
        Some(2 * 3600 * 1000)
    );

    // The bio as printed stays until the piece is published again, even through a rebuild.
    t.desk
        .edit_contributor(
            &t.chief,
            &t.jane_id,
            &ContributorEdit {
                bio: Some("Jane Roe is now a minister.".into()),
                ..Default::default()
            },
        )
        .unwrap();
    t.desk.rebuild_site(&t.editor).unwrap();
    let page = page_of(&dir, &published.slug);
    assert!(page.contains("Jane Roe is a senior fellow"));
    assert!(!page.contains("now a minister"));

    // Withdrawal replaces the page with a notice and takes it off the front page and feeds.
    t.mv(
        &t.chief,
        &published,
        Action::Withdraw,
        Some("Legal asked us to"),
    )
    .unwrap();
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    let page = page_of(&dir, &published.slug);
    assert!(page.contains("This article was withdrawn on"));
    assert!(!page.contains("senior fellow"));
    let index = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    assert!(!index.contains(&published.slug));
    let rss = std::fs::read_to_string(dir.path().join("site/feed.xml")).unwrap();
    assert!(!rss.contains(&published.slug));
}

#[test]
fn a_publish_folder_that_cannot_be_written_fails_the_job_and_publishes_nothing() {
    let t = desk();
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("not-a-folder");
    let good = dir.path().join("site");
    t.desk.set_publish_folder(&t.chief, &good).unwrap();
    let a = t.approved();
    t.desk
        .schedule_article(&t.editor, &a.id, &at("2026-11-03 08:00"), None)
        .unwrap();
    // The folder turns into a file after it was set: the disk refuses every write.
    std::fs::remove_dir_all(&good).unwrap();
    std::fs::write(&good, b"").unwrap();
    t.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 3, 7, 0, 1).unwrap());
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.failed.len(), 1);
    let why = report.failed[0].error.clone().unwrap();
    assert!(why.contains("site"), "{why}");
    assert_eq!(
        t.desk.get_article(&t.editor, &a.id).unwrap().state,
        State::Scheduled
    );
    let job = &t.desk.list_jobs(&t.editor, None, None, 10).unwrap().items[0];
    assert_eq!(job.state, JobState::Failed);
    assert_eq!(job.error.as_deref(), Some(why.as_str()));
    // The article and its line in the Scheduled queue say it failed, why, and when it is tried
    // again: never a due time in the past as if it were still to come.
    let failed = t.desk.get_article(&t.editor, &a.id).unwrap();
    let problem = failed
        .publish_problem
        .clone()
        .expect("the article says its publication failed");
    assert_eq!(problem.job_id, job.id);
    assert_eq!(problem.error, why);
    assert_eq!(problem.attempts, 1);
    assert_eq!(problem.retry_at, job.next_try_at);
    let scheduled = ArticleFilter {
        state: Some(State::Scheduled),
        ..Default::default()
    };
    let line = t
        .desk
        .list_articles(&t.editor, &scheduled, None, 10)
        .unwrap()
        .items
        .remove(0);
    assert_eq!(line.publish_problem, Some(problem));
    assert!(line.scheduled_at.is_some());
    assert_eq!(line.scheduled_at, failed.scheduled_at);
    // Not tried again before the backoff; after it (and a fixed folder) it goes out.
    assert!(t.desk.publish_due().unwrap().failed.is_empty());
    std::fs::remove_file(&good).unwrap();
    t.clock.advance(Duration::seconds(31));
    let report = t.desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1, "{report:?}");
    let published = t.desk.get_article(&t.editor, &a.id).unwrap();
    assert_eq!(published.state, State::Published);
    assert_eq!(published.publish_problem, None);

    // A folder that cannot be created is refused, and the setting stays as it was.
    std::fs::write(&blocked, b"").unwrap();
    let err = t
        .desk
        .set_publish_folder(&t.chief, &blocked.join("x"))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input", "{err}");
    assert!(err.to_string().contains("cannot be created"), "{err}");
    assert_eq!(t.desk.publish_folder().unwrap(), good);
}

#[test]
fn two_publishers_racing_over_200_due_jobs_publish_each_piece_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(start()));
    let (desk, backing) = shared_desk(clock.clone());
    let backing = Arc::new(backing);
    let t = populate(desk, clock.clone());
    t.desk
        .set_publish_folder(&t.chief, &dir.path().join("site"))
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..200 {
        let a = t.desk.create_article(&t.editor, &ready_piece()).unwrap();
        let a = t.mv(&t.editor, &a, Action::Submit, None).unwrap();
        let a = t.mv(&t.editor, &a, Action::Claim, None).unwrap();
        let a = t.mv(&t.editor, &a, Action::Approve, None).unwrap();
        let due = start() + Duration::minutes(10 + i % 7);
        t.desk
            .move_article(
                &t.editor,
                &a.id,
                Action::Schedule,
                &MoveArgs {
                    note: None,
                    at: Some(due),
                },
            )
            .unwrap();
        ids.push(a.id);
    }
    clock.set(start() + Duration::hours(1));
    let publishers: Vec<_> = (0..2)
        .map(|_| {
            let (backing, clock) = (backing.clone(), clock.clone());
            std::thread::spawn(move || {
                let desk = backing.open(clock);
                let mut done = 0;
                for _ in 0..20 {
                    done += desk.publish_due().unwrap().done.len();
                }
                done
            })
        })
        .collect();
    let done: usize = publishers.into_iter().map(|p| p.join().unwrap()).sum();
    assert_eq!(done, 200);
    for id in &ids {
        let log = t
            .desk
            .audit(&t.editor, Some(id), None, None, 50)
            .unwrap()
            .items;
        assert_eq!(
            log.iter().filter(|e| e.action == Action::Publish).count(),
            1,
            "{id}"
        );
        assert_eq!(
            t.desk.get_article(&t.editor, id).unwrap().state,
            State::Published
        );
    }
    let jobs = t
        .desk
        .list_jobs(&t.editor, Some(JobState::Done), None, 500)
        .unwrap();
    assert_eq!(jobs.items.len(), 200);
}

#[test]
fn the_calendar_exports_as_icalendar_in_utc() {
    let t = desk();
    let a = t.approved();
    t.desk
        .schedule_article(&t.editor, &a.id, &at("2026-11-05 08:30"), None)
        .unwrap();
    let ics = t
        .desk
        .export_ics(&t.editor, start(), start() + Duration::days(30))
        .unwrap();
    assert!(ics.contains("BEGIN:VCALENDAR"));
    assert!(ics.contains("DTSTART:20261105T073000Z"), "{ics}");
    assert!(ics.contains(&format!("UID:{}@copydesk", a.id)));
    let err = t
        .desk
        .export_ics(&t.author, start(), start() + Duration::days(1))
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
}

#[test]
fn a_correction_goes_out_when_republished_with_its_update_note() {
    use copydesk_core::desk::{ArticleEdit, BylineEntry};
    use copydesk_core::model::SaveReason;
    let t = desk();
    let dir = with_site(&t);
    let a = t.approved();
    let live = t.mv(&t.chief, &a, Action::PublishNow, None).unwrap();
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 1);
    let original = page_of(&dir, &live.slug);
    assert!(original.contains("senior fellow"));

    // The desk corrects the text; the author may not, and the byline stays as published.
    let fix = ArticleEdit {
        body: Some("A corrected body, with the right figures.".into()),
        ..Default::default()
    };
    let err = t
        .desk
        .save_article(&t.author, &a.id, live.version, &fix, SaveReason::Save)
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
    let byline = ArticleEdit {
        byline: Some(vec![BylineEntry::named("John Doe")]),
        ..Default::default()
    };
    let err = t
        .desk
        .save_article(&t.editor, &a.id, live.version, &byline, SaveReason::Save)
        .unwrap_err();
    assert!(err.to_string().contains("keeps the byline"), "{err}");
    let corrected = t
        .desk
        .save_article(&t.editor, &a.id, live.version, &fix, SaveReason::Save)
        .unwrap();
    t.desk
        .edit_contributor(
            &t.chief,
            &t.jane_id,
            &ContributorEdit {
                bio: Some("Jane Roe now leads the Sahel desk.".into()),
                ..Default::default()
            },
        )
        .unwrap();

    // Until it is republished, the site keeps the published text and bio, even through a rebuild.
    t.desk.rebuild_site(&t.editor).unwrap();
    let page = page_of(&dir, &live.slug);
    assert!(!page.contains("corrected body") && page.contains("senior fellow"));

    let err = t
        .mv(&t.editor, &corrected, Action::Republish, None)
        .unwrap_err();
    assert_eq!(err.code(), "not_ready", "an update note is required");
    t.clock.advance(Duration::hours(3));
    t.mv(
        &t.editor,
        &corrected,
        Action::Republish,
        Some("The figures in the third paragraph were wrong."),
    )
    .unwrap();
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 1);
    let page = page_of(&dir, &live.slug);
    assert!(page.contains("A corrected body"), "{page}");
    assert!(page.contains("The figures in the third paragraph were wrong."));
    assert!(page.contains("class=\"update\">Updated"));
    assert!(
        page.contains("now leads the Sahel desk"),
        "a followed bio is printed as it reads now"
    );
    assert_eq!(
        t.desk.get_article(&t.editor, &a.id).unwrap().published_at,
        live.published_at
    );
}

#[test]
fn check_also_lists_only_related_pieces_that_are_published() {
    use copydesk_core::desk::NewArticle;
    let t = desk();
    let dir = with_site(&t);
    let out = t.approved();
    let out = t.mv(&t.chief, &out, Action::PublishNow, None).unwrap();
    let waiting = t.approved();
    let piece = t
        .desk
        .create_article(
            &t.editor,
            &NewArticle {
                headline: "Rivers, not rifles".into(),
                related: vec![out.id.clone(), waiting.id.clone()],
                ..common::ready_piece()
            },
        )
        .unwrap();
    let piece = t.mv(&t.editor, &piece, Action::Submit, None).unwrap();
    let piece = t.mv(&t.editor, &piece, Action::Claim, None).unwrap();
    let piece = t.mv(&t.editor, &piece, Action::Approve, None).unwrap();
    let piece = t.mv(&t.chief, &piece, Action::PublishNow, None).unwrap();
    assert_eq!(t.desk.publish_due().unwrap().done.len(), 2);
    let page = page_of(&dir, &piece.slug);
    let check_also = &page[page.find("Check also").expect("a Check also box")..];
    assert!(
        check_also.contains(&format!("articles/{}.html", out.slug)),
        "{check_also}"
    );
    assert!(
        !check_also.contains(&waiting.slug),
        "an unpublished piece is not offered"
    );
}
