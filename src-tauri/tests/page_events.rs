//! The page's events through Tauri's IPC with its real permissions (mock runtime): the page keeps
//! one `page_events` call waiting, and what the shell tells answers it. (The desk file's watcher,
//! which tells of changes, starts with the event loop's first turn; the end-to-end tests see its
//! changes reach the window.)

mod common;

use std::sync::mpsc;
use std::time::Duration;

use copydesk_app::page_events::{PageEvent, tell};
use serde_json::{Value, json};

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

    let (answered, answer) = mpsc::channel();
    let window = desk.window.clone();
    std::thread::spawn(move || {
        let _ = answered.send(invoke(&window, "page_events", json!({ "seen": seen })));
    });
    tell(desk.app.handle(), PageEvent::DeskChanged);
    tell(
        desk.app.handle(),
        PageEvent::OpenArticle { id: "a7".into() },
    );

    let told: Value = answer
        .recv_timeout(AT_MOST)
        .expect("the waiting call answers once something is told")
        .expect("the events");
    let events = told["events"].as_array().expect("a list");
    // The call may answer with the first event alone; the next call then has the second.
    assert_eq!(events[0], json!({"kind": "deskChanged"}), "{told}");
    let rest = if events.len() == 2 {
        events[1].clone()
    } else {
        let next = told["seen"].as_u64().expect("a number");
        invoke(&desk.window, "page_events", json!({ "seen": next })).expect("the events")["events"]
            [0]
        .clone()
    };
    assert_eq!(rest, json!({"kind": "openArticle", "detail": {"id": "a7"}}));
}
