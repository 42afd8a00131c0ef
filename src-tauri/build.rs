//! The app's commands get permissions of their own (`allow-…`), so the page may call only those
//! its capability grants (capabilities/default.json); without this list Tauri lets the page call
//! every command.

fn main() {
    println!("cargo:rerun-if-changed=commands.txt");
    let list = include_str!("commands.txt");
    let commands: Vec<&'static str> = list
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let manifest = tauri_build::AppManifest::new().commands(commands.leak());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|e| panic!("tauri-build: {e:#}"));
}
