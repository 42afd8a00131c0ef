//! What the SQLite schema itself guarantees: the file's mode, the append-only audit log, and
//! the indexes that serve every list.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use rusqlite::Connection;

use super::articles::{ListScope, list_sql};
use super::transitions::list_sql as audit_sql;
use super::{SqliteStore, calendar, revisions, search};
use crate::desk::{BylineEntry, NewArticle, NewContributor, NewUser};
use crate::model::{Action, Role};
use crate::store::transitions::AuditFilter;
use crate::{Desk, ManualClock, NewDesk};

/// A desk in a file with one submitted article, and a second connection to the same file.
fn desk_on_file(dir: &std::path::Path) -> (Desk, Connection) {
    let path = dir.join("desk.db");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
    ));
    let desk = Desk::open(&path, clock).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: "Claire".into(),
            chief_passphrase: None,
        })
        .unwrap();
    desk.add_contributor(&chief, &NewContributor::guest("Jane Roe"))
        .unwrap();
    desk.add_user(
        &chief,
        &NewUser {
            name: "Eddie".into(),
            role: Role::Editor,
            contributor: None,
            passphrase: None,
        },
    )
    .unwrap();
    let a = desk
        .create_article(
            &chief,
            &NewArticle {
                headline: "Water".into(),
                body: "Words.".into(),
                byline: vec![BylineEntry::named("Jane Roe")],
                ..Default::default()
            },
        )
        .unwrap();
    desk.move_article(&chief, &a.id, Action::Submit, &Default::default())
        .unwrap();
    (desk, Connection::open(&path).unwrap())
}

#[test]
fn a_file_desk_is_wal_with_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("d.db")).unwrap();
    store
        .with_connection(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!((mode.as_str(), fk), ("wal", 1));
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_audit_log_is_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_desk, raw) = desk_on_file(dir.path());
    let rows: i64 = raw
        .query_row("SELECT count(*) FROM transitions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
    for sql in [
        "UPDATE transitions SET note = 'x'",
        "DELETE FROM transitions",
    ] {
        let err = raw.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

fn plan(store: &SqliteStore, sql: &str) -> String {
    store.explain(sql).unwrap().join(" / ")
}

#[test]
fn every_list_is_served_by_an_index_without_sorting() {
    let t = SqliteStore::open_in_memory().unwrap();
    let cases = [
        (ListScope::All, "articles_by_change"),
        (ListScope::State, "articles_by_state"),
        (ListScope::Section, "articles_by_section"),
        (ListScope::SectionState, "articles_by_section_state"),
        (ListScope::Contributor, "article_bylines_by_contributor"),
        (ListScope::EditorState, "articles_by_editor"),
    ];
    for (scope, index) in cases {
        let sql = list_sql(scope);
        let p = plan(&t, &sql);
        assert!(p.contains(index), "{scope:?}: {p}");
        assert!(
            !p.contains("TEMP B-TREE"),
            "{scope:?} sorts instead of walking the index: {p}"
        );
        assert!(
            !p.contains("SCAN a"),
            "{scope:?} scans the articles table: {p}"
        );
    }
    let p = plan(&t, &calendar::calendar_sql());
    assert!(
        p.contains("articles_by_schedule (scheduled_at>? AND scheduled_at<?)"),
        "{p}"
    );
    assert!(
        p.contains("articles_by_publication (published_at>? AND published_at<?)"),
        "{p}"
    );
    assert!(!p.contains("articles_by_state"), "{p}");
    let p = plan(&t, revisions::list_sql());
    assert!(
        p.contains("SEARCH r USING PRIMARY KEY (article_pk=? AND number<?)"),
        "{p}"
    );
    assert!(!p.contains("TEMP B-TREE"), "{p}");
    for filter in [
        AuditFilter::default(),
        AuditFilter {
            article_pk: Some(1),
            ..Default::default()
        },
        AuditFilter {
            actor_pk: Some(1),
            ..Default::default()
        },
    ] {
        let p = plan(&t, &audit_sql(&filter));
        assert!(!p.contains("TEMP B-TREE"), "{filter:?}: {p}");
        if filter.article_pk.is_some() {
            assert!(p.contains("transitions_by_article"), "{p}");
        }
        if filter.actor_pk.is_some() {
            assert!(p.contains("transitions_by_actor"), "{p}");
        }
    }
    let p = plan(&t, search::articles_sql());
    assert!(
        p.contains("VIRTUAL TABLE INDEX"),
        "search runs on the FTS index: {p}"
    );
    assert!(p.contains("USING INTEGER PRIMARY KEY"), "{p}");
}
