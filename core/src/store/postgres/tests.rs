//! What only the PostgreSQL store has to prove: its migrations, its announcements, its size.
//! The desk's own behaviour is proved on it by the conformance suite (core/tests, run with
//! COPYDESK_TEST_STORE=postgres). These tests need the cluster scripts/with-postgres.sh starts.

use std::sync::Arc;

use super::migrations::{SCHEMA_VERSION, migrate_to};
use super::*;
use crate::clock::{Clock, ManualClock};
use crate::desk::{ArticleEdit, NewArticle, NewDesk};
use crate::model::SaveReason;
use crate::{Desk, ErrorCode};

fn cluster() -> String {
    std::env::var("COPYDESK_TEST_PG").expect(
        "these tests need a PostgreSQL cluster: run them through scripts/with-postgres.sh \
         (make test does)",
    )
}

/// A new empty schema, and the address whose search path starts in it.
fn schema() -> (String, String) {
    let base = cluster();
    let name = format!("t_{}", uuid::Uuid::now_v7().simple());
    admin()
        .batch_execute(&format!("CREATE SCHEMA {name}"))
        .unwrap();
    let url = format!("{base} options='-csearch_path={name},public'");
    (url, name)
}

fn admin() -> postgres::Client {
    postgres::Client::connect(&cluster(), NoTls).unwrap()
}

fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, NoTls).unwrap()
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

/// Everything a schema defines, in words that do not name the schema.
fn definition(url: &str, schema: &str) -> Vec<String> {
    let mut c = client(url);
    let queries = [
        "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || \
         is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns \
         WHERE table_schema = $1",
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = $1",
        "SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) \
         FROM pg_constraint WHERE connamespace = $1::text::regnamespace",
        "SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t \
         JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = $1::text::regnamespace \
         AND NOT t.tgisinternal",
        "SELECT 'function ' || proname || ' ' || prosrc FROM pg_proc \
         WHERE pronamespace = $1::text::regnamespace",
    ];
    let mut out: Vec<String> = queries
        .iter()
        .flat_map(|q| c.query(*q, &[&schema]).unwrap())
        .map(|r| r.get::<_, String>(0).replace(&format!("{schema}."), ""))
        .collect();
    out.sort();
    out
}

#[test]
fn an_old_schema_upgrades_to_exactly_the_fresh_one() {
    let (fresh_url, fresh) = schema();
    PgStore::connect(&fresh_url).unwrap();
    let want = definition(&fresh_url, &fresh);
    assert!(want.iter().any(|d| d.starts_with("column articles.body")));
    for old in 0..SCHEMA_VERSION {
        let (url, name) = schema();
        migrate_to(&mut client(&url), old).unwrap();
        PgStore::connect(&url).unwrap();
        assert_eq!(definition(&url, &name), want, "upgraded from version {old}");
        let version: i64 = client(&url)
            .query_one("SELECT version FROM copydesk_schema", &[])
            .unwrap()
            .get(0);
        assert_eq!(version, SCHEMA_VERSION);
    }
}

#[test]
fn contributors_from_before_sort_keys_get_theirs() {
    let (url, _) = schema();
    migrate_to(&mut client(&url), 3).unwrap();
    client(&url)
        .batch_execute(
            "INSERT INTO contributors (id, display_name, sort_name, name_key, affiliation, kind,
                                       bio, links, private_notes, created_at, updated_at)
             VALUES ('c1', 'Ana Šimić', 'Šimić,  Ana', 'ana simic', '', 'guest', '', '[]', '', 0, 0)",
        )
        .unwrap();
    PgStore::connect(&url).unwrap();
    let key: String = client(&url)
        .query_one("SELECT sort_key FROM contributors", &[])
        .unwrap()
        .get(0);
    assert_eq!(key, "simic, ana");
}

#[test]
fn a_database_from_a_newer_copydesk_is_refused_and_left_as_it_is() {
    let (url, name) = schema();
    PgStore::connect(&url).unwrap();
    client(&url)
        .batch_execute(
            "UPDATE copydesk_schema SET version = 99; CREATE TABLE from_the_future (x int)",
        )
        .unwrap();
    let before = definition(&url, &name);
    let err = PgStore::connect(&url)
        .err()
        .expect("a newer schema is refused");
    assert_eq!(err.code(), ErrorCode::SchemaTooNew);
    assert!(err.to_string().contains("newer Copydesk"), "{err}");
    assert_eq!(definition(&url, &name), before);
    let version: i64 = client(&url)
        .query_one("SELECT version FROM copydesk_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(version, 99);
}

#[test]
fn instances_starting_together_migrate_once() {
    let (url, name) = schema();
    let url = Arc::new(url);
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || PgStore::connect(&url).map(|_| ()))
        })
        .collect();
    for s in starts {
        s.join().unwrap().unwrap();
    }
    let fresh = schema();
    PgStore::connect(&fresh.0).unwrap();
    assert_eq!(definition(&url, &name), definition(&fresh.0, &fresh.1));
}

#[test]
fn an_address_that_does_not_answer_is_named_without_its_password() {
    // Port 1 on loopback: nothing listens there, so the refusal is immediate.
    let err = PgStore::connect("postgres://desk:s3cret@127.0.0.1:1/meridian")
        .err()
        .expect("nothing answers on port 1");
    assert_eq!(err.code(), ErrorCode::Unavailable);
    let message = err.to_string();
    assert!(message.contains("does not answer"), "{message}");
    assert!(message.contains("127.0.0.1:1/meridian"), "{message}");
    assert!(!message.contains("s3cret"), "{message}");

    let err = PgStore::connect("postgres://desk@[not a host")
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "{err}");
}

fn desk_on(url: &str) -> (Desk, crate::Actor) {
    let desk = Desk::connect(url, Arc::new(ManualClock::new(start()))).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire Chief".into(),
            chief_passphrase: None,
        })
        .unwrap();
    (desk, chief)
}

fn words(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("w{}", i % 97)).collect()
}

/// 1,000 saves that each change one word of a 10,000-word article add less than 1 MB of history.
#[test]
fn revisions_stay_deltas() {
    let (url, _) = schema();
    let (desk, chief) = desk_on(&url);
    let mut body = words(10_000);
    let mut a = desk
        .create_article(
            &chief,
            &NewArticle {
                headline: "A long read".into(),
                body: body.join(" "),
                ..Default::default()
            },
        )
        .unwrap();
    let history_bytes = || -> i64 {
        client(&url)
            .query_one("SELECT pg_total_relation_size('revisions')", &[])
            .unwrap()
            .get(0)
    };
    let before = history_bytes();
    for i in 0..1000 {
        let at = (i * 37) % body.len();
        body[at] = format!("edit{i}");
        a = desk
            .save_article(
                &chief,
                &a.id,
                a.version,
                &ArticleEdit {
                    body: Some(body.join(" ")),
                    ..Default::default()
                },
                SaveReason::Autosave,
            )
            .unwrap();
    }
    let growth = history_bytes() - before;
    assert!(
        growth < 1_000_000,
        "1,000 one-word edits took {growth} bytes of history"
    );
    assert_eq!(
        desk.revision(&chief, &a.id, 1001).unwrap().text.body,
        a.body
    );
    assert!(desk.check().unwrap().is_empty());
}

#[test]
fn every_change_is_announced_to_listeners_and_a_bulk_load_once() {
    let (url, _) = schema();
    let (desk, chief) = desk_on(&url);
    let mut listener = client(&url);
    listener.batch_execute("LISTEN copydesk_events").unwrap();
    let a = desk
        .create_article(
            &chief,
            &NewArticle {
                headline: "Heard everywhere".into(),
                ..Default::default()
            },
        )
        .unwrap();
    use postgres::fallible_iterator::FallibleIterator;
    let heard: i64 = listener
        .notifications()
        .timeout_iter(Duration::from_secs(10))
        .next()
        .unwrap()
        .expect("a change was announced")
        .payload()
        .parse()
        .unwrap();
    let mut c = client(&url);
    let row = c
        .query_one(
            "SELECT kind, subject FROM desk_events WHERE id = $1",
            &[&heard],
        )
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "article");
    assert_eq!(
        row.get::<_, Option<String>>(1).as_deref(),
        Some(a.id.as_str())
    );

    let last: i64 = c
        .query_one("SELECT max(id) FROM desk_events", &[])
        .unwrap()
        .get(0);
    let archived = |n: usize| crate::desk::ArchivedArticle {
        headline: format!("From the archive {n}"),
        standfirst: String::new(),
        section: None,
        tags: vec![],
        byline: vec![],
        state: crate::model::State::Draft,
        revisions: vec![crate::desk::ArchivedRevision {
            body: "Old words.".into(),
            author: "Claire Chief".into(),
            at: start(),
            reason: SaveReason::Save,
        }],
        transitions: vec![],
        created_by: "Claire Chief".into(),
        assigned_editor: None,
        approved_by: None,
        scheduled_at: None,
        published_at: None,
    };
    let loaded: Vec<_> = (0..12).map(archived).collect();
    assert_eq!(desk.import_archive(&chief, &[], &loaded).unwrap(), 12);
    let bulk: Vec<(String, Option<String>)> = c
        .query(
            "SELECT kind, subject FROM desk_events WHERE id > $1",
            &[&last],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(
        bulk,
        vec![("desk".to_string(), None)],
        "one event for the whole load"
    );
}

#[test]
fn the_check_finds_an_article_whose_history_stops_short() {
    let (url, _) = schema();
    let (desk, chief) = desk_on(&url);
    let a = desk
        .create_article(
            &chief,
            &NewArticle {
                headline: "Checked".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(desk.check().unwrap().is_empty());
    client(&url)
        .batch_execute("UPDATE articles SET version = version + 3")
        .unwrap();
    let problems = desk.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains(&a.id), "{problems:?}");
}

/// Two transactions commit in the opposite order to the one they numbered their changes in: a
/// reader between the commits must not step past the change still to come.
#[test]
fn the_change_feed_never_passes_a_change_still_being_committed() {
    let (url, _) = schema();
    let (desk, chief) = desk_on(&url);
    // The desk's setup may or may not be readable yet (other tests' transactions on the cluster
    // hold the horizon back): only the test's own two changes are looked at, here and below.
    let start = desk.changes_after(&chief, None, 100).unwrap();
    assert!(
        start
            .changes
            .iter()
            .all(|c| !matches!(c.subject.as_deref(), Some("first" | "second")))
    );

    let mut first = client(&url);
    let mut second = client(&url);
    let mut t1 = first.transaction().unwrap();
    t1.query("SELECT pg_current_xact_id()", &[]).unwrap();
    let mut t2 = second.transaction().unwrap();
    t2.query("SELECT desk_event('contributor', 'second')", &[])
        .unwrap();
    t1.query("SELECT desk_event('contributor', 'first')", &[])
        .unwrap();
    t1.commit().unwrap();

    // Other tests' transactions on the cluster may hold the horizon back a moment: a change
    // comes once they end, and is never skipped. The desk's own setup may come through first
    // (it too can be held back past `start`): only the two changes of the test are compared.
    let next = |from: &str| {
        let waited = std::time::Instant::now();
        let mut from = from.to_string();
        loop {
            let read = desk.changes_after(&chief, Some(&from), 100).unwrap();
            let ours: Vec<String> = read
                .changes
                .iter()
                .filter_map(|c| c.subject.clone())
                .filter(|s| s == "first" || s == "second")
                .collect();
            if !ours.is_empty() || waited.elapsed() > Duration::from_secs(30) {
                return (ours, read);
            }
            from = read.position.clone();
            std::thread::yield_now();
        }
    };
    let (subjects, read) = next(&start.position);
    assert_eq!(subjects, vec!["first"]);
    t2.commit().unwrap();
    let (subjects, later) = next(&read.position);
    assert_eq!(subjects, vec!["second"], "the later commit is not skipped");
    assert!(!later.missed);

    // A reader from before what was pruned is told it missed changes.
    let pruned = desk.prune_changes(std::time::Duration::ZERO);
    assert!(pruned.unwrap() >= 2);
    assert!(
        desk.changes_after(&chief, Some(&start.position), 100)
            .unwrap()
            .missed
    );
    let bad = desk
        .changes_after(&chief, Some("yesterday"), 100)
        .unwrap_err();
    assert_eq!(bad.code(), ErrorCode::InvalidInput);
}

/// A publisher that claimed jobs and died holds them only until its lease runs out; then another
/// instance publishes each exactly once.
#[test]
fn a_dead_publishers_jobs_are_taken_over_when_its_lease_runs_out() {
    use crate::model::Action;
    let (url, _) = schema();
    let clock = Arc::new(ManualClock::new(start()));
    let desk = Desk::connect(&url, clock.clone()).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire Chief".into(),
            chief_passphrase: None,
        })
        .unwrap();
    let site = tempfile::tempdir().unwrap();
    desk.set_publish_folder(&chief, site.path()).unwrap();
    desk.add_contributor(
        &chief,
        &crate::desk::NewContributor {
            bio: "Jane Roe writes on water.".into(),
            ..crate::desk::NewContributor::guest("Jane Roe")
        },
    )
    .unwrap();
    let a = desk
        .create_article(
            &chief,
            &NewArticle {
                headline: "Taken over".into(),
                standfirst: "A piece whose publisher died.".into(),
                body: "Words enough. ".repeat(100),
                byline: vec![crate::desk::BylineEntry::named("Jane Roe")],
                section: Some("News".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let due = start() + chrono::Duration::minutes(5);
    for action in [Action::Submit, Action::Claim, Action::Approve] {
        desk.move_article(&chief, &a.id, action, &Default::default())
            .unwrap_or_else(|e| panic!("{action:?}: {e}"));
    }
    desk.move_article(
        &chief,
        &a.id,
        Action::Schedule,
        &crate::desk::MoveArgs {
            note: None,
            at: Some(due),
        },
    )
    .unwrap();
    clock.set(due + chrono::Duration::seconds(1));
    // The dead publisher: it claimed the job and never came back.
    let store = PgStore::connect(&url).unwrap();
    let now = clock.now();
    let claimed = (&store as &dyn Store)
        .write(|tx| {
            tx.jobs()
                .claim_due(now, now + chrono::Duration::minutes(5), "dead", 10)
        })
        .unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(
        desk.publish_due().unwrap().done.is_empty(),
        "the lease holds"
    );
    clock.advance(chrono::Duration::minutes(6));
    let report = desk.publish_due().unwrap();
    assert_eq!(report.done.len(), 1);
    assert!(
        desk.publish_due().unwrap().done.is_empty(),
        "published once"
    );
    assert_eq!(
        desk.get_article(&chief, &a.id).unwrap().state,
        crate::model::State::Published
    );
}

/// A copy that comes out different from the file (here a trigger that rewrites headlines on the
/// way in) is refused by the check, and nothing of it is kept.
#[test]
fn a_push_whose_copy_differs_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = Desk::open(
        &dir.path().join("desk.db"),
        Arc::new(ManualClock::new(start())),
    )
    .unwrap();
    let chief = file
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire Chief".into(),
            chief_passphrase: Some("a passphrase for the chief".into()),
        })
        .unwrap();
    file.create_article(
        &chief,
        &NewArticle {
            headline: "As it was written".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let (url, _) = schema();
    let team = Desk::connect(&url, Arc::new(ManualClock::new(start()))).unwrap();
    client(&url)
        .batch_execute(
            "CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN NEW.headline := NEW.headline || '!'; RETURN NEW; END $$;
             CREATE TRIGGER sabotage BEFORE INSERT ON articles
                 FOR EACH ROW EXECUTE FUNCTION sabotage();",
        )
        .unwrap();
    let err = file.push_into(&team).unwrap_err();
    assert_eq!(err.code(), ErrorCode::CheckFailed, "{err}");
    assert!(err.to_string().contains("nothing was kept"), "{err}");
    let left: i64 = client(&url)
        .query_one(
            "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM users)
                  + (SELECT count(*) FROM settings)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0);
    assert!(!team.is_initialised().unwrap());
}
