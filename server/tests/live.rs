//! Several instances on one database: every change reaches every follower, a follower that
//! reconnects resumes where it stopped, and every due piece is published once.
mod common;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use common::*;
use copydesk_client::Followed;
use copydesk_core::api::*;
use copydesk_core::desk::ChangeKind;

fn next_change(f: &mut copydesk_client::Following) -> copydesk_core::desk::DeskChange {
    loop {
        match f.next_event().unwrap() {
            Followed::Change(c) => return c,
            Followed::Position(_) => continue,
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_change_made_on_one_instance_reaches_a_follower_of_another_and_resumes_after_a_break() {
    let mut t = team_desk();
    t.add_instance();
    let second = format!("http://{}", t.servers[1].address());
    let editor = t.signed_in(EDITOR);
    let follower = copydesk_client::Client::new(&second)
        .unwrap()
        .with_token(editor.token().unwrap());
    let mut following = follower.follow(None).unwrap();
    assert!(matches!(
        following.next_event().unwrap(),
        Followed::Position(_)
    ));

    let a = editor
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Heard on the other instance".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let change = next_change(&mut following);
    assert_eq!(change.kind, ChangeKind::Article);
    assert_eq!(change.subject.as_deref(), Some(a.id.as_str()));

    // The follower goes away; changes made meanwhile arrive when it comes back.
    let resume_from = following.position.clone();
    drop(following);
    let b = editor
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Made while nobody listened".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let mut again = follower.follow(resume_from.as_deref()).unwrap();
    let change = next_change(&mut again);
    assert_eq!(change.subject.as_deref(), Some(b.id.as_str()));

    // A contributor hears nothing of pieces that are not theirs.
    let author = t.signed_in(AUTHOR);
    let mut theirs = author.follow(None).unwrap();
    editor
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Not Jane's".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let own = author
        .call(&CreateArticle {
            article: NewArticle {
                headline: "Jane's own".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let heard = next_change(&mut theirs);
    assert_eq!(heard.subject.as_deref(), Some(own.id.as_str()));

    // Signing out ends the stream with a word saying so.
    let mut signed_out = editor.clone();
    signed_out.sign_out().unwrap();
    editor
        .call(&DeskSettingsOp {})
        .expect_err("the token no longer works");
    let ended = loop {
        match again.next_event() {
            Ok(Followed::SignedOut(e)) => break e,
            Ok(_) => continue,
            Err(e) => panic!("{e:?}"),
        }
    };
    assert_eq!(ended.code, copydesk_core::ErrorCode::Unauthenticated);
    t.stop();
}

#[test]
fn a_bad_resume_position_is_refused_before_the_stream_starts() {
    let t = team_desk();
    let editor = t.signed_in(EDITOR);
    let e = editor.follow(Some("yesterday")).err().unwrap();
    assert_eq!(e.code, copydesk_core::ErrorCode::InvalidInput);
    assert!(e.message.contains("not a position"), "{}", e.message);
    t.stop();
}

/// Two instances, 60 pieces falling due: each is published exactly once, by one of them.
#[test]
fn two_instances_publish_every_due_piece_exactly_once() {
    let mut t = team_desk();
    let chief = t.signed_in(CHIEF);
    let mut ids = Vec::new();
    for i in 0..60 {
        let a = chief
            .call(&CreateArticle {
                article: NewArticle {
                    headline: format!("Due piece {i}"),
                    standfirst: "A standfirst.".into(),
                    body: "Words. ".repeat(200),
                    section: Some("News".into()),
                    byline: vec![BylineEntry::named("Jane Roe")],
                    ..Default::default()
                },
            })
            .unwrap();
        for action in [Action::Submit, Action::Claim, Action::Approve] {
            chief
                .call(&MoveArticle {
                    id: a.id.clone(),
                    action,
                    args: Default::default(),
                })
                .unwrap();
        }
        chief
            .call(&ScheduleArticle {
                id: a.id.clone(),
                when: When::At((start() + Span::minutes(10 + i % 5)).to_rfc3339()),
                note: None,
            })
            .unwrap();
        ids.push(a.id);
    }
    t.add_instance();
    t.clock.advance(Span::hours(1));
    // The test's clock jumped without the publishers knowing: any change wakes them to look
    // again, as an editor's next move would.
    chief
        .call(&AddNote {
            article_id: ids[0].clone(),
            body: "Going out now.".into(),
            reply_to: None,
            anchor: None,
        })
        .unwrap();
    let waited = Instant::now();
    let published = loop {
        let page = chief
            .call(&ListJobs {
                state: Some(JobState::Done),
                after: None,
                limit: 200,
            })
            .unwrap();
        if page.items.len() >= ids.len() || waited.elapsed() > Duration::from_secs(120) {
            break page.items;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(published.len(), ids.len(), "every piece was published");
    let mut per_article: HashMap<String, usize> = HashMap::new();
    for job in &published {
        *per_article.entry(job.article_id.clone()).or_default() += 1;
    }
    assert!(per_article.values().all(|n| *n == 1), "{per_article:?}");
    for id in &ids {
        let log = chief
            .call(&AuditLog {
                article: Some(id.clone()),
                user: None,
                after: None,
                limit: 50,
            })
            .unwrap()
            .items;
        assert_eq!(
            log.iter().filter(|e| e.action == Action::Publish).count(),
            1,
            "{id}"
        );
    }
    t.stop();
}

/// A desk never quiet (an autosave somewhere every few milliseconds) still has its due pieces
/// published: changes may wake the publisher sooner, never put its wake-up off.
#[test]
fn a_busy_desk_does_not_hold_back_a_due_piece() {
    let t = team_desk();
    let chief = t.signed_in(CHIEF);
    let piece = |headline: &str| {
        chief
            .call(&CreateArticle {
                article: NewArticle {
                    headline: headline.into(),
                    standfirst: "A standfirst.".into(),
                    body: "Words. ".repeat(200),
                    section: Some("News".into()),
                    byline: vec![BylineEntry::named("Jane Roe")],
                    ..Default::default()
                },
            })
            .unwrap()
    };
    let due = piece("Due while the desk is busy");
    for action in [Action::Submit, Action::Claim, Action::Approve] {
        chief
            .call(&MoveArticle {
                id: due.id.clone(),
                action,
                args: Default::default(),
            })
            .unwrap();
    }
    chief
        .call(&ScheduleArticle {
            id: due.id.clone(),
            when: When::At((start() + Span::minutes(10)).to_rfc3339()),
            note: None,
        })
        .unwrap();
    let busy = piece("Typed into all the while");
    t.clock.advance(Span::hours(1));

    let done = std::sync::atomic::AtomicBool::new(false);
    let typist = t.signed_in(CHIEF);
    let published = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut version = busy.version;
            let mut n = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                version = typist
                    .call(&SaveArticle {
                        id: busy.id.clone(),
                        base_version: version,
                        edit: ArticleEdit {
                            body: Some(format!("Words, typed {n} times. ").repeat(50)),
                            ..Default::default()
                        },
                        autosave: true,
                    })
                    .unwrap()
                    .version;
            }
        });
        let waited = Instant::now();
        let published = loop {
            let jobs = chief
                .call(&ListJobs {
                    state: Some(JobState::Done),
                    after: None,
                    limit: 10,
                })
                .unwrap();
            if jobs.items.iter().any(|j| j.article_id == due.id) {
                break true;
            }
            if waited.elapsed() > Duration::from_secs(30) {
                break false;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        published
    });
    assert!(published, "the due piece waited for the desk to fall quiet");
    t.stop();
}
