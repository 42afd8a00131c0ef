//! The app through Tauri's IPC with its real permissions (mock runtime, no window drawn).
#![allow(dead_code)]

use serde_json::Value;
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
