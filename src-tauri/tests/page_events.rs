//! The page's events through Tauri's IPC with its real permissions (mock runtime): the page keeps
//! one `page_events` call waiting, and what the shell tells answers it. (The desk file's watcher,
//! which tells of changes, starts with the event loop's first turn; the end-to-end tests see its
//! changes reach the window.)

mod common;

use std::sync::mpsc;
use std::time::Duration;

use copydesk_app::page_events::{PageEvent, tell};
use serde_json::{Value, json};
use tauri::WebviewWindow;
use tauri::test::MockRuntime;

use common::{harbour_post, invoke};

/// A guard against a call that never answers, not a wait: the answer comes as soon as it is told.
const AT_MOST: Duration = Duration::from_secs(30);

#[test]
fn a_page_just_loaded_learns_where_to_start_and_what_the_shell_tells_answers_its_waiting_call() {
    let desk = harbour_post();
    let start = invoke(&desk.window, "page_events", json!({"seen": null})).expect("an answer");
    assert_eq!(start["events"], json!([]), "{start}");
    assert_eq!(start["missed"], false);
    let seen = start["seen"].as_u64().expect("a number");

    let waiting = asked(&desk.window, seen);
    tell(desk.app.handle(), PageEvent::DeskChanged);
    tell(
        desk.app.handle(),
        PageEvent::OpenArticle { id: "a7".into() },
    );

    let told = waiting
        .recv_timeout(AT_MOST)
        .expect("the waiting call answers once something is told")
        .expect("the events");
    let mut events = told["events"].as_array().expect("a list").clone();
    // The call may answer with the first event alone; the next call has the second.
    if events.len() == 1 {
        let next = told["seen"].as_u64().expect("a number");
        let more = asked(&desk.window, next)
            .recv_timeout(AT_MOST)
            .expect("the next call answers at once")
            .expect("the events");
        events.extend(more["events"].as_array().expect("a list").iter().cloned());
    }
    assert_eq!(
        events,
        [
            json!({"kind": "deskChanged"}),
            json!({"kind": "openArticle", "detail": {"id": "a7"}})
        ]
    );
}

/// A `page_events` call after `seen`, made on a thread of its own: its answer comes on the
/// channel.
fn asked(window: &WebviewWindow<MockRuntime>, seen: u64) -> mpsc::Receiver<Result<Value, Value>> {
    let (answered, answer) = mpsc::channel();
    let window = window.clone();
    std::thread::spawn(move || {
        let _ = answered.send(invoke(&window, "page_events", json!({ "seen": seen })));
    });
    answer
}
