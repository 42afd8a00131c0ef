//! The committed TypeScript bindings must be what the Rust commands generate now.

use std::path::PathBuf;

#[test]
fn committed_bindings_are_current() {
    let committed_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let dir = tempfile::tempdir().expect("a temp folder");
    let fresh_path = dir.path().join("bindings.ts");
    copydesk_app::export_bindings(&fresh_path).expect("the bindings export");
    let fresh = std::fs::read_to_string(&fresh_path).expect("the fresh bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed_path, &fresh).expect("writing ui/src/lib/bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test --manifest-path src-tauri/Cargo.toml --test bindings` and commit it"
    );
}
