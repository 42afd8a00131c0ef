//! A desk file pushed through a server waiting on an empty database (`serve --accept-push`): it
//! must arrive whole and be a desk, or nothing is kept and the server goes on waiting.
mod common;

use std::sync::Arc;

use common::*;
use copydesk_core::desk::{PushReport, SetupCode, file_digest};
use copydesk_core::{Desk, ManualClock, NewDesk};
use copydesk_server::Listen;

const CODE: &str = "TEST-CODE-FOR-PUSH-2026";

fn desk_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("desk.db");
    let desk = Desk::open(&path, Arc::new(ManualClock::new(start()))).unwrap();
    desk.init(&NewDesk {
        name: "The Meridian".into(),
        timezone: "Europe/Paris".into(),
        chief_name: CHIEF.0.into(),
        chief_passphrase: Some(CHIEF.1.into()),
    })
    .unwrap();
    drop(desk);
    path
}

#[test]
fn a_damaged_or_foreign_file_keeps_nothing_and_the_server_goes_on_waiting() {
    let database = database();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let desk = Desk::connect(&database, Arc::new(ManualClock::new(start()))).unwrap();
    let server = runtime
        .block_on(copydesk_server::start_waiting(
            desk,
            Listen {
                address: "127.0.0.1:0".parse().unwrap(),
                tls: None,
            },
            SetupCode::chosen(CODE).unwrap(),
        ))
        .unwrap();
    let client = copydesk_client::Client::new(&format!("http://{}", server.address())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = desk_file(dir.path());
    let digest = file_digest(&file).unwrap();
    let kept = || {
        let mut sql = postgres::Client::connect(&database, postgres::NoTls).unwrap();
        let row = sql
            .query_one(
                "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM settings)",
                &[],
            )
            .unwrap();
        row.get::<_, i64>(0)
    };

    // Sent with another file's digest: damaged on the way.
    let mut other = digest.clone();
    other.replace_range(0..1, if other.starts_with('0') { "1" } else { "0" });
    let e = client
        .push_desk_file::<PushReport>(&file, &other, CODE)
        .unwrap_err();
    assert_eq!(e.code, "invalid_input", "{e:?}");
    assert!(e.message.contains("arrived damaged"), "{}", e.message);
    assert_eq!(kept(), 0);

    // Not a desk file at all.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a desk").unwrap();
    let e = client
        .push_desk_file::<PushReport>(&text, &file_digest(&text).unwrap(), CODE)
        .unwrap_err();
    assert_eq!(e.code, "invalid_input", "{e:?}");
    assert!(e.message.contains("not a sound desk file"), "{}", e.message);
    assert_eq!(kept(), 0);

    // A server that does not wait refuses whatever the code.
    let served = team_desk();
    let e = served
        .client()
        .push_desk_file::<PushReport>(&file, &digest, CODE)
        .unwrap_err();
    assert_eq!(e.code, "forbidden", "{e:?}");
    served.stop();

    // Still waiting: the real file goes in, and its chief signs in.
    let report: PushReport = client.push_desk_file(&file, &digest, CODE).unwrap();
    assert_eq!(report.articles_verified, 0);
    assert!(kept() > 0);
    let mut chief = client.clone();
    chief.sign_in(CHIEF.0, CHIEF.1).unwrap();
    runtime
        .block_on(server.stop(std::time::Duration::from_secs(5)))
        .unwrap();
}
