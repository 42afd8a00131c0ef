//! Copydesk's desktop shell: opens the desk, keeps who is signed in, and exposes the core to the
//! UI as typed async commands.

mod commands;
mod error;
pub mod notification;
mod notify;
pub mod page_events;
mod places;
mod publisher;
mod state;
mod team;
mod watch;

pub use commands::NAMES as COMMANDS;
pub use error::AppResult;
pub use places::{DeskPlace, KnownDesk, Remembered, start_place};
pub use state::{AppState, db_path, desks_path, journal_path};

use std::sync::Arc;

use tauri::{Manager, Runtime};

/// Every command the UI may call, typed for the generated TypeScript bindings.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        // One TypeScript type per Rust type: the wire types are the same both ways.
        .disable_serde_phases()
        .commands(commands::all())
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
    // The commands' handler alone: their TypeScript types are the bindings test's to describe,
    // and describing them at each start cost the app the code and memory of every wire type's
    // description, kept for as long as it ran.
    let handler = commands::all::<R>().0;
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(page_events::PageEventQueue::default())
        .invoke_handler(move |invoke| handler(invoke))
        .on_window_event(page_events::on_window_event)
        .setup(move |app| {
            let state = app.state::<AppState>();
            // Another desk chosen: the app starts again on it (what is typed was saved first).
            let (handle, restart) = (app.handle().clone(), state.restart.clone());
            tauri::async_runtime::spawn(async move {
                restart.notified().await;
                handle.request_restart();
            });
            if let Some(team) = state.team() {
                // A team desk's server publishes; the app follows its changes.
                watch::follow(app.handle().clone(), team);
                return Ok(());
            }
            let wake = Arc::new(tokio::sync::Notify::new());
            if let Some(db) = state.db_path.clone() {
                watch::watch(app.handle().clone(), db, wake.clone());
            }
            let (slot, path) = state.desk_slot();
            publisher::start(app.handle().clone(), slot, path, wake);
            Ok(())
        })
}

/// The app's configuration, embedded UI and permissions, from the repository's tauri.conf.json.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!("../tauri.conf.json")
}

pub fn run() {
    set_start_variables();
    // A desk named on the command line (`--db FILE`, `--server URL`) wins over the environment's;
    // a desk chosen in the app for this start (a restart keeps both) wins over both, once.
    let args: Vec<String> = std::env::args().collect();
    let arg = |flag: &str| args.windows(2).find(|w| w[0] == flag).map(|w| w[1].clone());
    let (db, server) = match (arg("--db"), arg("--server")) {
        (None, None) => {
            let from_env = |name| std::env::var_os(name).filter(|v| !v.is_empty());
            (
                from_env("COPYDESK_DB").map(std::path::PathBuf::from),
                from_env("COPYDESK_SERVER").and_then(|s| s.into_string().ok()),
            )
        }
        (db, server) => (db.map(std::path::PathBuf::from), server),
    };
    let place = places::start_place(
        db.as_deref(),
        server.as_deref(),
        &Remembered::at(
            journal_path()
                .map(|j| j.with_file_name("desks.json"))
                .unwrap_or_else(|_| desks_path()),
        ),
        db_path().ok().as_deref(),
    );
    let instance_id = single_instance_id(&place);
    let state = AppState::open_place(place, db_path(), journal_path());
    let builder = tauri::Builder::default()
        // First: a second launch on the same desk file focuses this window and exits.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id)
                .callback(|app, _args, _cwd| focus_main_window(app))
                .build(),
        )
        // Size, position and maximised state, kept in the per-user config folder.
        .plugin(tauri_plugin_window_state::Builder::new().build());
    app_builder(builder, state)
        .run(context())
        .expect("error while running the Copydesk window");
}

/// Without a GPU (no DRM render node: a virtual machine, Xvfb, most remote desktops) WebKitGTK
/// composites the page through Mesa's software OpenGL, llvmpipe: the app then asks WebKit to paint
/// without compositing, as WEBKIT_DISABLE_COMPOSITING_MODE=1 does. Measured under Xvfb
/// (BENCHMARKS.md, "The desktop app"): the Desk is up in about 0.9 s instead of 1.2–1.4 s, and
/// 0.9–1.2 s instead of 1.7–2.6 s on a first launch (no llvmpipe shaders to compile), an article
/// opens in half the time, and the web process holds about 170 MB less (no compositing layers).
/// Nothing then draws with OpenGL, so GTK is told not to probe it for the window's visual
/// (GDK_GL=disable) and WebKit not to set up its DMA-BUF renderer for a GPU there is not
/// (WEBKIT_DISABLE_DMABUF_RENDERER=1): about 5 MB less in the app's process ("Three more levers
/// taken"). With a GPU, WebKit's and GTK's defaults (on the GPU) stay.
const WITHOUT_A_GPU: [(&str, &str); 3] = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("GDK_GL", "disable"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
];

/// JavaScriptCore's footprint mode for the page (`0` or `false` set by the editor turns it off):
/// the page's heap grows by about a quarter before the next collection instead of up to doubling,
/// every collection is a full one, bytecode of functions not run lately is dropped, and WebKit's
/// allocator keeps smaller caches. The JIT stays on. What it saves and costs is in BENCHMARKS.md
/// ("JavaScriptCore's footprint mode, taken"): about 13 MB of resident memory and of PSS after 20
/// articles, for article opens a few to fifteen per cent slower on a busy machine and keys
/// reaching their frame as fast as before.
const JSC_FOOTPRINT_MODE: [(&str, &str); 1] = [("JSC_forceMiniVMMode", "1")];

/// The page's functions run in JavaScriptCore's interpreter until they have run about 40 times
/// longer than by default (an execution count of 20,000 instead of 500, 5,000 instead of 100 for
/// those marked to compile soon) before the baseline JIT compiles them: code run now and then
/// (start-up, opening a screen) is never compiled, and what typing runs hot is compiled as before.
/// Measured (BENCHMARKS.md, "Three more levers taken"): about 10 MB less after 20 articles, article
/// opens and keys as fast, typing in a 5,500-word article as fast.
const JSC_BASELINE_JIT_LATER: [(&str, &str); 2] = [
    ("JSC_thresholdForJITAfterWarmUp", "20000"),
    ("JSC_thresholdForJITSoon", "5000"),
];

/// The environment variables WebKit, GTK and JavaScriptCore read at start that the app sets on
/// Linux: without a GPU (`render_node` false) the three above, and the page's two JavaScriptCore
/// settings. Each one the editor (or a test) set already, either way, is left out: `is_set` says
/// which are. WebKit's web process inherits them, so they are set before WebKit starts one.
fn start_variables(
    linux: bool,
    render_node: bool,
    is_set: impl Fn(&str) -> bool,
) -> Vec<(&'static str, &'static str)> {
    if !linux {
        return Vec::new();
    }
    let gpu_less: &[(&'static str, &'static str)] = if render_node { &[] } else { &WITHOUT_A_GPU };
    gpu_less
        .iter()
        .chain(&JSC_FOOTPRINT_MODE)
        .chain(&JSC_BASELINE_JIT_LATER)
        .filter(|(variable, _)| !is_set(variable))
        .copied()
        .collect()
}

/// Whether this machine has a GPU to render with: a DRM render node.
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|nodes| {
        nodes
            .flatten()
            .any(|node| node.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Sets `start_variables`.
fn set_start_variables() {
    let wanted = start_variables(cfg!(target_os = "linux"), has_render_node(), |variable| {
        std::env::var_os(variable).is_some()
    });
    for (variable, value) in wanted {
        // SAFETY: run() calls this before anything else, while the process has no thread but its
        // own (GTK's, WebKit's and the app's start later): nothing reads the environment meanwhile.
        unsafe { std::env::set_var(variable, value) };
    }
}

/// Shows, unminimises and focuses the window: a second launch on the same desk, a click on a
/// notification.
pub(crate) fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        // Best effort: a window manager may refuse focus, and there is nothing else to do.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// One instance per desk: the D-Bus name carries a hash of the desk file's path or the team
/// desk's server, so two desks (or two test runs on two temp desks) can be open at once. Two
/// windows on one team desk (two people trying it on one machine, a test) are told apart by
/// `COPYDESK_INSTANCE`.
fn single_instance_id(place: &Option<DeskPlace>) -> String {
    let mut key = match place {
        Some(DeskPlace::File { path }) => {
            let p = std::path::Path::new(path);
            std::path::absolute(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .into_os_string()
        }
        Some(DeskPlace::Team { server }) => server.into(),
        None => Default::default(),
    };
    if let Some(instance) = std::env::var_os("COPYDESK_INSTANCE") {
        key.push("\0");
        key.push(instance);
    }
    // FNV-1a: stable across builds, unlike std's hasher.
    let hash = key
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("org.copydesk.desk.d{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::start_variables;

    fn names(variables: &[(&str, &str)]) -> Vec<String> {
        variables.iter().map(|(name, _)| name.to_string()).collect()
    }

    #[test]
    fn without_a_gpu_webkit_paints_without_opengl_and_the_page_keeps_to_a_small_footprint() {
        let set = start_variables(true, false, |_| false);
        assert_eq!(
            set,
            vec![
                ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
                ("GDK_GL", "disable"),
                ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
                ("JSC_forceMiniVMMode", "1"),
                ("JSC_thresholdForJITAfterWarmUp", "20000"),
                ("JSC_thresholdForJITSoon", "5000"),
            ]
        );
    }

    #[test]
    fn with_a_gpu_webkit_and_gtk_keep_their_defaults() {
        let set = names(&start_variables(true, true, |_| false));
        assert_eq!(
            set,
            [
                "JSC_forceMiniVMMode",
                "JSC_thresholdForJITAfterWarmUp",
                "JSC_thresholdForJITSoon"
            ]
        );
    }

    #[test]
    fn a_variable_the_editor_set_either_way_is_left_as_it_is() {
        let editor_set = ["WEBKIT_DISABLE_COMPOSITING_MODE", "JSC_forceMiniVMMode"];
        let set = names(&start_variables(true, false, |v| editor_set.contains(&v)));
        assert!(
            !set.iter().any(|v| editor_set.contains(&v.as_str())),
            "{set:?}"
        );
        assert_eq!(set.len(), 4, "{set:?}");
    }

    #[test]
    fn elsewhere_than_linux_nothing_is_set() {
        assert!(start_variables(false, false, |_| false).is_empty());
    }
}
