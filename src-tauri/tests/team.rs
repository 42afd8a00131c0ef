//! The app on a team desk, through Tauri's IPC (mock runtime): the same commands as on a desk
//! file, sent to a `copydesk serve` on PostgreSQL (the cluster scripts/with-postgres.sh starts,
//! COPYDESK_TEST_PG), who is signed in being the server's session, and the server's changes
//! arriving as the window's `deskChanged` event (its page's `page_events`).

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use common::{call, invoke};
use copydesk_app::{AppState, DeskPlace};
use copydesk_core::desk::{NewContributor, NewUser};
use copydesk_core::model::{ContributorKind, Role};
use copydesk_core::{Desk, NewDesk, SystemClock};
use serde_json::json;
use tauri::Manager;

const CHIEF: (&str, &str) = ("Claire Chief", "chief passphrase one");
const EDITOR: (&str, &str) = ("Eddie Editor", "editor passphrase one");
const AUTHOR: (&str, &str) = ("jane", "contributor passphrase");

/// A desk on a schema of its own, with a chief, an editor and a contributor writing as Jane
/// Roe, served on a free loopback port for as long as the runtime and server live.
struct Served {
    server: String,
    runtime: tokio::runtime::Runtime,
    running: Option<copydesk_server::Server>,
}

impl Served {
    /// Stops serving, as a server taken down for maintenance does.
    fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            self.runtime
                .block_on(running.stop(Duration::from_secs(5)))
                .unwrap();
        }
    }
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
        runtime,
        running: Some(running),
    }
}

/// The app's state on the served desk, its journal (and list of desks) in `dir`.
fn on_team_desk(served: &Served, dir: &tempfile::TempDir) -> AppState {
    AppState::open_place(
        Some(DeskPlace::Team {
            server: served.server.clone(),
        }),
        Ok(dir.path().join("unused.db")),
        Ok(dir.path().join("journal.db")),
    )
}

type MockApp = tauri::App<tauri::test::MockRuntime>;
type MockWindow = tauri::WebviewWindow<tauri::test::MockRuntime>;

/// The app on `state`, set up, and its main window.
fn started(state: AppState) -> (MockApp, MockWindow) {
    let mut app = copydesk_app::app_builder(tauri::test::mock_builder(), state)
        .build(copydesk_app::context())
        .expect("the app builds");
    // The app's setup (its window, and the stream of changes it follows) runs with its loop:
    // one turn of the mock runtime's, not a loop (which is why the method is deprecated).
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = app.get_webview_window("main").expect("the main window");
    (app, window)
}

#[test]
fn a_contributor_works_on_a_team_desk_through_the_server_and_sees_its_changes_live() {
    let mut served = served();
    let dir = tempfile::tempdir().unwrap();
    let state = on_team_desk(&served, &dir);
    let (app, window) = started(state);
    let heard = common::follow(&window, "deskChanged");

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

    // Text kept on this computer (typed while the server was away, say) is sent when asked,
    // but for the articles open in the window; a text typed on an old version waits for the
    // conflict view, and one the desk will not take from her (a piece in review) is kept too.
    let version = claimed["version"].as_u64().unwrap();
    let mine = call(
        &window,
        "create_article",
        json!({"article": {"headline": "Sea fog",
        "body": "Fog.", "byline": [], "tags": [], "related": []}}),
    )
    .unwrap();
    let mine_id = mine["id"].as_str().unwrap().to_string();
    let keep = |article: &str, base: u64, body: &str| {
        let edit = json!({"articleId": article, "baseVersion": base, "edit": {"body": body}});
        invoke(&window, "journal_keep", edit).unwrap();
    };
    invoke(&window, "journal_discard", json!({"articleId": id})).unwrap();
    keep(&mine_id, 1, "Fog over the harbour all morning.");
    keep(&id, version, "Her text of the wall, in review now.");
    let open = invoke(
        &window,
        "journal_send",
        json!({"except": [mine_id.clone()]}),
    )
    .unwrap();
    assert_eq!(open["sent"], json!([]), "{open}");
    assert_eq!(open["refused"], json!([id.clone()]), "{open}");
    invoke(&window, "journal_discard", json!({"articleId": id})).unwrap();
    let sent = invoke(&window, "journal_send", json!({"except": []})).unwrap();
    assert_eq!(sent["sent"], json!([mine_id.clone()]), "{sent}");
    let saved = call(&window, "get_article", json!({"id": mine_id})).unwrap();
    assert_eq!(saved["body"], "Fog over the harbour all morning.");
    assert_eq!(
        invoke(&window, "journal_list", json!({})).unwrap(),
        json!([])
    );
    keep(&mine_id, 1, "A text typed on the first version.");
    let stale = invoke(&window, "journal_send", json!({"except": []})).unwrap();
    assert_eq!(stale["conflicts"], json!([mine_id.clone()]), "{stale}");
    let left = invoke(&window, "journal_list", json!({})).unwrap();
    assert_eq!(left[0]["article_id"], mine_id.as_str(), "{left}");
    invoke(&window, "journal_discard", json!({"articleId": mine_id})).unwrap();

    // The server goes away: the window is told, and the kept text waits for it.
    let reach_heard = common::follow(&window, "serverReach");
    assert_eq!(
        invoke(&window, "server_reach", json!({})).unwrap()["online"],
        true
    );
    served.stop();
    let away = call(&window, "get_article", json!({"id": id})).unwrap_err();
    assert_eq!(away["code"], "unavailable", "{away}");
    let told = reach_heard
        .recv_timeout(Duration::from_secs(10))
        .expect("the window is told the server is away");
    assert_eq!(told["online"], false, "{told}");
    // Whichever notices first, a call refused or the event stream cut mid-read, says so in words.
    let problem = told["problem"].as_str().unwrap();
    assert!(
        ["does not answer", "broke during the request"]
            .iter()
            .any(|words| problem.contains(words))
            && problem.contains("the desk's server at"),
        "{told}"
    );
    let reach = invoke(&window, "server_reach", json!({})).unwrap();
    assert_eq!(reach["online"], false);
    keep(&mine_id, 2, "Fog, then sun.");
    let waiting = invoke(&window, "journal_send", json!({"except": []})).unwrap();
    assert_eq!(waiting["waiting"], json!([mine_id]), "{waiting}");
    assert_eq!(
        invoke(&window, "journal_list", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    drop(app);
}

#[test]
fn signing_out_of_a_team_desk_ends_the_session() {
    let served = served();
    let dir = tempfile::tempdir().unwrap();
    let state = on_team_desk(&served, &dir);
    let (_app, window) = common::open(state);
    invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": AUTHOR.1}),
    )
    .unwrap();
    // Signing out ends the session on the server too.
    invoke(&window, "sign_out", json!({})).unwrap();
    let status = invoke(&window, "desk_status", json!({})).unwrap();
    assert!(status["user"].is_null() && status["settings"].is_null());
    let after = call(
        &window,
        "list_articles",
        json!({"filter": {}, "after": null, "limit": 5}),
    )
    .unwrap_err();
    assert_eq!(after["code"], "signed_out", "{after}");
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

#[test]
fn text_typed_after_the_server_ended_the_session_is_still_kept_and_the_window_told() {
    let served = served();
    let dir = tempfile::tempdir().unwrap();
    let state = on_team_desk(&served, &dir);
    let (app, window) = started(state);
    let jane = invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": AUTHOR.1}),
    )
    .unwrap();
    let draft = json!({"article": {"headline": "Harbour wall", "body": "The wall is old.",
        "byline": [], "tags": [], "related": []}});
    let id = call(&window, "create_article", draft).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let heard = common::follow(&window, "deskChanged");

    // The chief ends her session on the server, while her editor is still open.
    let mut chief = copydesk_client::Client::new(&served.server).unwrap();
    chief.sign_in(CHIEF.0, CHIEF.1).unwrap();
    let sessions = chief.call(&copydesk_core::api::ListSessions {}).unwrap();
    let hers = sessions
        .iter()
        .find(|s| s.user == jane["name"].as_str().unwrap())
        .expect("her session")
        .id
        .clone();
    chief
        .call(&copydesk_core::api::RevokeSession { id: hers })
        .unwrap();
    // The window reads who is signed in (told by the stream, or by the refusal of its next
    // call): nobody, rather than an error.
    let status = invoke(&window, "desk_status", json!({})).unwrap();
    assert!(
        status["user"].is_null() && status["settings"].is_null(),
        "{status}"
    );
    heard
        .recv_timeout(Duration::from_secs(10))
        .expect("the window is told to read again who is signed in");
    let ended = call(&window, "get_article", json!({"id": id})).unwrap_err();
    assert_eq!(ended["code"], "signed_out", "{ended}");

    // What she types meanwhile is kept on this computer all the same, and offered back.
    let edit = json!({"articleId": id, "baseVersion": 1, "edit": {"body": "The wall is older."}});
    invoke(&window, "journal_keep", edit).unwrap();
    let kept = invoke(&window, "journal_list", json!({})).unwrap();
    assert_eq!(kept[0]["article_id"], id.as_str(), "{kept}");
    assert_eq!(kept[0]["edit"]["body"], "The wall is older.", "{kept}");

    // Signed in again, she finds it kept under her name.
    invoke(
        &window,
        "sign_in",
        json!({"name": AUTHOR.0, "passphrase": AUTHOR.1}),
    )
    .unwrap();
    let again = invoke(&window, "journal_list", json!({})).unwrap();
    assert_eq!(again, kept);
    drop(app);
}
