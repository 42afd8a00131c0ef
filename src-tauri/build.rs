//! The app's commands get permissions of their own (`allow-…`), so the page may call only those
//! its capability grants (capabilities/default.json); without this list Tauri lets the page call
//! every command.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=commands.txt");
    pack_relative_relocations();
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

/// The app's relative relocations packed (DT_RELR) where this machine's linker and C library take
/// them (GNU ld 2.38 or lld 15, glibc 2.36): 2.2 MB of relocation entries become a few kilobytes
/// the loader reads at start instead, which the process no longer holds (BENCHMARKS.md, "Three
/// more levers taken"). A C program linked and run with the flag is the test; when it fails
/// (an older glibc, a cross build), the app links as before.
fn pack_relative_relocations() {
    // Probed again when the C compiler named changes, not only on a clean build.
    println!("cargo:rerun-if-env-changed=CC");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("HOST") != var("TARGET")
    {
        return;
    }
    let out = PathBuf::from(var("OUT_DIR"));
    let source = out.join("relr-probe.c");
    let probe = out.join("relr-probe");
    if std::fs::write(&source, "int main(void) { return 0; }\n").is_err() {
        return;
    }
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let linked = Command::new(cc)
        .arg(&source)
        .arg("-o")
        .arg(&probe)
        .arg("-Wl,-z,pack-relative-relocs")
        .output()
        .is_ok_and(|o| o.status.success() && o.stderr.is_empty());
    if linked && Command::new(&probe).status().is_ok_and(|s| s.success()) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
