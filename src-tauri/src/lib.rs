//! Copydesk's desktop shell: opens the desk, keeps who is signed in, and exposes the core to the
//! UI as typed async commands.

mod commands;
mod error;
mod sign_in;
mod state;
mod view;

pub use error::AppError;
pub use state::{AppState, db_path};

/// Every command the UI may call, typed for the generated TypeScript bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // One TypeScript type per Rust type: the view types go one way only.
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            commands::desk_status,
            commands::init_desk,
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
    specta_builder().export(
        specta_typescript::Typescript::default().header(BINDINGS_HEADER),
        path,
    )
}

pub fn run() {
    let builder = specta_builder();
    tauri::Builder::default()
        .manage(AppState::open(db_path()))
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while running the Copydesk window");
}
