//! The app on a team desk, through Tauri's IPC (mock runtime): the same commands as on a desk
//! file, sent to a `copydesk serve` on PostgreSQL (the cluster scripts/with-postgres.sh starts,
//! COPYDESK_TEST_PG), who is signed in being the server's session, and the server's changes
//! arriving as the window's `desk-changed` event.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use common::{call, invoke};
use copydesk_app::{AppState, DeskPlace};
use copydesk_core::desk::{NewContributor, NewUser};
use copydesk_core::model::{ContributorKind, Role};
use copydesk_core::{Desk, NewDesk, SystemClock};
use serde_json::json;
use tauri::{Listener, Manager};

const CHIEF: (&str, &str) = ("Claire Chief", "chief passphrase one");
const EDITOR: (&str, &str) = ("Eddie Editor", "editor passphrase one");
const AUTHOR: (&str, &str) = ("jane", "contributor passphrase");

/// A desk on a schema of its own, with a chief, an editor and a contributor writing as Jane
/// Roe, served on a free loopback port for as long as the runtime and server live.
struct Served {
    server: String,
    _runtime: tokio::runtime::Runtime,
    _running: copydesk_server::Server,
}

fn served() -> Served {
    let base = std::env::var("COPYDESK_TEST_PG").expect(
        "the app's team desk test needs a PostgreSQL cluster: run it through scripts/with-postgres.sh \
         (make test does)",
    );
    let schema = format!(
        "app_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    postgres::Client::connect(&base, postgres::NoTls)
        .unwrap()
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let database = format!("{base} options='-csearch_path={schema},public'");
    let desk = Desk::connect(&database, Arc::new(SystemClock)).unwrap();
    let chief = desk
        .init(&NewDesk {
            name: "The Meridian".into(),
            timezone: "Europe/Paris".into(),
            chief_name: CHIEF.0.into(),
            chief_passphrase: Some(CHIEF.1.into()),
        })
        .unwrap();
    let jane = desk
        .add_contributor(
            &chief,
            &NewContributor {
                bio: "Jane Roe is a senior fellow.".into(),
                kind: ContributorKind::Guest,
                ..NewContributor::guest("Jane Roe")
            },
        )
        .unwrap();
    for (name, pass, role, writes_as) in [
        (EDITOR.0, EDITOR.1, Role::Editor, None),
        (AUTHOR.0, AUTHOR.1, Role::Contributor, Some(jane.id.clone())),
    ] {
        desk.add_user(
            &chief,
            &NewUser {
                name: name.into(),
                role,
                contributor: writes_as,
                passphrase: Some(pass.into()),
            },
        )
        .unwrap();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listen = copydesk_server::Listen {
        address: SocketAddr::from(([127, 0, 0, 1], 0)),
        tls: None,
    };
    let running = runtime
        .block_on(copydesk_server::start(desk, listen))
        .unwrap();
    Served {
        server: format!("http://{}", running.address()),
        _runtime: runtime,
        _running: running,
    }
}

#[test]
fn a_contributor_works_on_a_team_desk_through_the_server_and_sees_its_changes_live() {
    let served = served();
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open_place(
        Some(DeskPlace::Team {
            server: served.server.clone(),
        }),
        Ok(dir.path().join("unused.db")),
        Ok(dir.path().join("journal.db")),
    );
    let mut app = copydesk_app::app_builder(tauri::test::mock_builder(), state)
        .build(copydesk_app::context())
        .expect("the app builds");
    // The app's setup (its window, and the stream of changes it follows) runs with its loop:
    // one turn of the mock runtime's, not a loop (which is why the method is deprecated).
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = app.get_webview_window("main").expect("the main window");
    let (changed, heard) = mpsc::channel();
    app.listen_any("desk-changed", move |_| {
        let _ = changed.send(());
    });

    // Before anyone signs in: where the desk is, and no settings to show yet.
    let status = invoke(&window, "desk_status", json!({})).unwrap();
    assert_eq!(status["place"]["kind"], "team");
    assert_eq!(status["place"]["server"], served.server.as_str());
    assert!(status["settings"].is_null() && status["user"].is_null());
    assert_eq!(
        invoke(&window, "sign_in_choices", json!({})).unwrap(),
        json!([])
    );
    let refused = call(
        &window,
        "list_articles",
        json!({"filter": {}, "after": null, "limit": 5}),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "signed_out", "{refused}");

    // Everyone gives a passphrase; a wrong one is the server's refusal, in its words.
    let none = invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": null}),
    )
    .unwrap_err();
    assert_eq!(
        (none["code"].as_str(), none["field"].as_str()),
        (Some("invalid_input"), Some("passphrase"))
    );
    let wrong = invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": "not hers"}),
    )
    .unwrap_err();
    assert_eq!(wrong["code"], "unauthenticated", "{wrong}");
    let jane = invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": AUTHOR.1}),
    )
    .unwrap();
    assert_eq!(jane["role"], "contributor");
    let status = invoke(&window, "desk_status", json!({})).unwrap();
    assert_eq!(status["settings"]["name"], "The Meridian");
    assert_eq!(status["user"]["name"], AUTHOR.0);

    // She writes and submits through the server, and the journal keeps her text under it.
    let draft = json!({"article": {"headline": "Harbour wall", "body": "The wall is old.",
        "byline": [], "tags": [], "related": []}});
    let article = call(&window, "create_article", draft).unwrap();
    assert_eq!(article["byline"][0]["name"], "Jane Roe", "{article}");
    let id = article["id"].as_str().unwrap().to_string();
    let edit = json!({"articleId": id, "baseVersion": 1, "edit": {"body": "The wall is older."}});
    invoke(&window, "journal_keep", edit).unwrap();
    assert_eq!(
        invoke(&window, "journal_list", json!({})).unwrap()[0]["article_id"],
        id.as_str()
    );
    call(
        &window,
        "move_article",
        json!({"id": id, "action": "submit", "args": {}}),
    )
    .unwrap();
    // Approving is not hers: the server's core refuses it, as a desk file's would.
    let forbidden = call(
        &window,
        "move_article",
        json!({"id": id, "action": "claim", "args": {}}),
    )
    .unwrap_err();
    assert_eq!(forbidden["code"], "forbidden", "{forbidden}");

    // An editor elsewhere claims it: the window hears of it from the server's stream.
    while heard.try_recv().is_ok() {}
    let mut editor = copydesk_client::Client::new(&served.server).unwrap();
    editor.sign_in(EDITOR.0, EDITOR.1).unwrap();
    editor
        .call(&copydesk_core::api::MoveArticle {
            id: id.clone(),
            action: copydesk_core::api::Action::Claim,
            args: Default::default(),
        })
        .unwrap();
    heard
        .recv_timeout(Duration::from_secs(10))
        .expect("the server's change reaches the window");
    let claimed = call(&window, "get_article", json!({"id": id})).unwrap();
    assert_eq!(claimed["state"], "in_review");

    // Signing out ends the session on the server too.
    invoke(&window, "sign_out", json!({})).unwrap();
    let status = invoke(&window, "desk_status", json!({})).unwrap();
    assert!(status["user"].is_null() && status["settings"].is_null());
    drop(app);
}

#[test]
fn a_server_address_that_is_none_or_does_not_answer_is_said_next_to_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(
        Ok(dir.path().join("desk.db")),
        Ok(dir.path().join("journal.db")),
    );
    let (_app, window) = common::open(state);
    let bad = invoke(
        &window,
        "join_team_desk",
        json!({"server": "desk example org"}),
    )
    .unwrap_err();
    assert_eq!(
        (bad["code"].as_str(), bad["field"].as_str()),
        (Some("usage"), Some("server")),
        "{bad}"
    );
    // A port nothing listens on: the server does not answer, and nothing is remembered.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let away = invoke(
        &window,
        "join_team_desk",
        json!({"server": format!("http://{closed}")}),
    )
    .unwrap_err();
    assert_eq!(away["code"], "unavailable", "{away}");
    assert!(
        away["message"]
            .as_str()
            .unwrap()
            .contains("does not answer"),
        "{away}"
    );
    assert_eq!(
        invoke(&window, "known_desks", json!({})).unwrap(),
        json!([])
    );
}
