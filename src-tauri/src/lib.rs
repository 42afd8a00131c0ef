//! Copydesk's desktop shell: opens the desk, keeps who is signed in, and exposes the core to the
//! UI as typed async commands.

mod commands;
mod error;
mod sign_in;
mod state;
mod view;

pub use error::AppError;
pub use state::{AppState, db_path};

use tauri::Runtime;

/// Every command the UI may call, typed for the generated TypeScript bindings.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        // One TypeScript type per Rust type: the view types go one way only.
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            commands::desk_status,
            commands::init_desk,
            commands::fill_sample_desk,
            commands::sign_in_choices,
            commands::sign_in,
            commands::sign_out,
            commands::list_users,
            commands::list_articles,
        ])
}

const BINDINGS_HEADER: &str = "// Regenerate with: UPDATE_BINDINGS=1 cargo test --manifest-path src-tauri/Cargo.toml --test bindings\n";

/// The TypeScript bindings for `specta_builder()`, as committed in ui/src/lib/bindings.ts.
pub fn export_bindings(path: &std::path::Path) -> Result<(), specta_typescript::Error> {
    specta_builder::<tauri::Wry>().export(
        specta_typescript::Typescript::default().header(BINDINGS_HEADER),
        path,
    )
}

/// The app around `state`: its commands and state on `builder` (the real runtime, or tauri's
/// mock runtime in tests).
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let commands = specta_builder::<R>();
    builder
        .manage(state)
        .invoke_handler(commands.invoke_handler())
        .setup(move |app| {
            commands.mount_events(app);
            Ok(())
        })
}

/// The app's configuration, embedded UI and permissions, from the repository's tauri.conf.json.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!("../tauri.conf.json")
}

pub fn run() {
    app_builder(tauri::Builder::default(), AppState::open(db_path()))
        .run(context())
        .expect("error while running the Copydesk window");
}
