//! Choosing a desk through Tauri's IPC (mock runtime): joining a team desk from a desk file
//! remembers both, and a team desk always offers the way back to this computer. The team desk's
//! server is a stand-in answering `GET /health`, which is all joining asks of it.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;

use common::invoke;
use copydesk_app::{AppState, DeskPlace, Remembered};
use serde_json::json;

/// A server answering every request as a desk's server answers `/health`, on a free loopback
/// port, for as long as the test runs.
fn healthy_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let body = r#"{"ok":true}"#;
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{address}")
}

#[test]
fn joining_a_team_desk_from_a_desk_file_keeps_the_desk_file_on_offer() {
    let server = healthy_server();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desk.db");
    let state = AppState::open(Ok(file.clone()), Ok(dir.path().join("journal.db")));
    let (_app, window) = common::open(state);
    invoke(&window, "join_team_desk", json!({ "server": server })).unwrap();
    let known = invoke(&window, "known_desks", json!({})).unwrap();
    let places: Vec<_> = known
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["place"])
        .collect();
    assert_eq!(
        places,
        [
            &json!({"kind": "team", "server": server}),
            &json!({"kind": "file", "path": file.display().to_string()}),
        ],
        "{known}"
    );
    // The app starts again on the team desk, even when its arguments name the desk file.
    let remembered = Remembered::at(dir.path().join("desks.json"));
    assert_eq!(
        copydesk_app::start_place(Some(&file), None, &remembered, None),
        Some(DeskPlace::Team { server })
    );
}

#[test]
fn a_team_desk_offers_the_default_desk_file_though_it_was_never_used() {
    let dir = tempfile::tempdir().unwrap();
    // A server that is gone: the app still starts on it, at its sign-in.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let state = AppState::open_place(
        Some(DeskPlace::Team {
            server: format!("http://{closed}"),
        }),
        copydesk_app::db_path(),
        Ok(dir.path().join("journal.db")),
    );
    let (_app, window) = common::open(state);
    let known = invoke(&window, "known_desks", json!({})).unwrap();
    let default = copydesk_app::db_path().expect("a default desk file (HOME is set)");
    assert_eq!(
        known,
        json!([{
            "place": {"kind": "file", "path": default.display().to_string()},
            "name": null,
            "used_at": "1970-01-01T00:00:00Z"
        }])
    );
}
