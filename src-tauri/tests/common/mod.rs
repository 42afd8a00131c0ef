//! The app through Tauri's IPC with its real permissions (mock runtime, no window drawn).
#![allow(dead_code)]

use std::sync::mpsc;

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};

type MockApp = tauri::App<MockRuntime>;
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The app over `state`, and its main window. Keep the app alive as long as the window is used.
pub fn open(state: copydesk_app::AppState) -> (MockApp, WebviewWindow<MockRuntime>) {
    let app = copydesk_app::app_builder(mock_builder(), state)
        .build(copydesk_app::context())
        .expect("the app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (app, window)
}

/// Calls `cmd` as the page would: the command's value, or its `{code, message}` error.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("a url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize().expect("a JSON response"))
}

/// Follows the window's events as its page does (one `page_events` call always waiting), on a
/// thread of its own from now on: the detail of each event of `kind` (`"deskChanged"`,
/// `"serverReach"`…; `null` for those that carry none) comes on the channel returned. The thread
/// waits on its last call until the test's process ends.
pub fn follow(window: &WebviewWindow<MockRuntime>, kind: &'static str) -> mpsc::Receiver<Value> {
    let start = invoke(window, "page_events", json!({"seen": null})).expect("where to start");
    let mut seen = start["seen"].clone();
    let (told, heard) = mpsc::channel();
    let window = window.clone();
    std::thread::spawn(move || {
        loop {
            let answer = match invoke(&window, "page_events", json!({ "seen": seen })) {
                Ok(answer) => answer,
                // Said here: the test only sees nothing arrive.
                Err(e) => return eprintln!("page_events refused: {e}"),
            };
            seen = answer["seen"].clone();
            for event in answer["events"].as_array().into_iter().flatten() {
                if event["kind"] == kind
                    && told
                        .send(event.get("detail").cloned().unwrap_or(Value::Null))
                        .is_err()
                {
                    return;
                }
            }
        }
    });
    heard
}

/// A new desk in a temp folder, opened in the app: "The Harbour Post" (Europe/Lisbon), its
/// chief Ines signed in. Keep it whole while the window is used: the folder and the app live in it.
pub struct HarbourPost {
    pub dir: tempfile::TempDir,
    pub app: MockApp,
    pub window: WebviewWindow<MockRuntime>,
    /// The chief as `init_desk` returned her.
    pub chief: Value,
}

pub fn harbour_post() -> HarbourPost {
    let dir = tempfile::tempdir().expect("a temp folder");
    let state = copydesk_app::AppState::open(
        Ok(dir.path().join("desk.db")),
        Ok(dir.path().join("journal.db")),
    );
    let (app, window) = open(state);
    let new_desk = json!({"desk": {"name": "The Harbour Post", "timezone": "Europe/Lisbon",
                                   "chief_name": "Ines", "chief_passphrase": null}});
    let chief = invoke(&window, "init_desk", new_desk).expect("the desk is created");
    HarbourPost {
        dir,
        app,
        window,
        chief,
    }
}

/// Runs one of the desk's operations as the page does: `input` is the operation's fields.
pub fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, input: Value) -> Result<Value, Value> {
    invoke(window, cmd, json!({ "input": input }))
}
