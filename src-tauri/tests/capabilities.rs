//! The page may call only what it uses (issue 15, item 5). Every command has a permission of its
//! own (build.rs, from commands.txt); the capability grants the page those its code calls and no
//! other, and each plugin permission is there for something the page does. A command added
//! without a decision (granted, or kept from the page with a reason) fails here.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// Commands the page does not call, so the capability does not grant them, and why.
const KEPT_FROM_THE_PAGE: &[(&str, &str)] = &[
    (
        "article_readiness",
        "the editor reads readiness from the article itself",
    ),
    (
        "delete_contributor",
        "the CLI's and the server's; the app has no delete yet",
    ),
    (
        "desk_settings",
        "the app reads the settings from desk_status",
    ),
    (
        "export_ics",
        "the calendar file is the CLI's and the server's",
    ),
    (
        "get_revision",
        "the history panel shows diffs, not single revisions",
    ),
    ("list_sessions", "team sessions are managed with the CLI"),
    (
        "preview_import",
        "the app previews files through preview_import_files",
    ),
    ("rebuild_site", "the CLI's and the server's"),
    ("revoke_session", "team sessions are managed with the CLI"),
    ("set_role", "roles are changed with the CLI"),
    ("set_site_url", "the site's address is set with the CLI"),
];

/// Plugin and core permissions the page holds, and what in its code uses each.
const PLUGIN_USES: &[(&str, &str)] = &[
    ("core:window:allow-set-title", ".setTitle("),
    ("core:window:allow-destroy", ".destroy()"),
    ("dialog:allow-open", "from \"@tauri-apps/plugin-dialog\""),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn capability() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("capabilities/default.json"))
        .expect("capabilities/default.json");
    let value: Value = serde_json::from_str(&text).expect("the capability is JSON");
    value["permissions"]
        .as_array()
        .expect("a list of permissions")
        .iter()
        .map(|p| p.as_str().expect("permissions by name").to_string())
        .collect()
}

/// The page's own code: every .ts and .svelte file under ui/src but the generated bindings and
/// the tests.
fn page_code() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("ui/src") {
            let path = entry.expect("an entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                walk(&path, out);
            } else if (name.ends_with(".ts") || name.ends_with(".svelte"))
                && name != "bindings.ts"
                && !name.contains(".test.")
            {
                out.push_str(&std::fs::read_to_string(&path).expect("a source file"));
                out.push('\n');
            }
        }
    }
    let mut code = String::new();
    walk(&root().join("../ui/src"), &mut code);
    code
}

fn camel(command: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in command.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the page's code names `word` as a whole identifier (`api.getArticle(`).
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_command_has_a_permission_and_a_decision() {
    let commands: BTreeSet<&str> = copydesk_app::COMMANDS.iter().copied().collect();
    let listed: BTreeSet<String> = std::fs::read_to_string(root().join("commands.txt"))
        .expect("commands.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let listed: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    assert_eq!(
        listed, commands,
        "src-tauri/commands.txt must list exactly the shell's commands (each gets its permission \
         from it); then grant a new one in capabilities/default.json or keep it from the page here"
    );

    let granted: BTreeSet<String> = capability()
        .iter()
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let kept: BTreeSet<String> = KEPT_FROM_THE_PAGE
        .iter()
        .map(|(c, _)| c.to_string())
        .collect();
    let both: Vec<_> = granted.intersection(&kept).collect();
    assert!(both.is_empty(), "granted and kept from the page: {both:?}");
    let decided: BTreeSet<&str> = granted.union(&kept).map(String::as_str).collect();
    let undecided: Vec<_> = commands.difference(&decided).collect();
    assert!(
        undecided.is_empty(),
        "commands with no decision (grant them in capabilities/default.json, or keep them from \
         the page in KEPT_FROM_THE_PAGE with the reason): {undecided:?}"
    );
    let unknown: Vec<_> = decided.difference(&commands).collect();
    assert!(unknown.is_empty(), "decisions for no command: {unknown:?}");
}

#[test]
fn the_page_is_granted_exactly_the_commands_and_plugins_its_code_calls() {
    let code = page_code();
    let permissions = capability();
    for command in copydesk_app::COMMANDS {
        let granted = permissions.contains(&format!("allow-{}", command.replace('_', "-")));
        let used = names(&code, &camel(command));
        assert_eq!(
            granted,
            used,
            "{command}: granted {granted}, but the page's code {} it",
            if used { "calls" } else { "never calls" }
        );
    }
    for permission in permissions.iter().filter(|p| p.contains(':')) {
        let Some((_, use_)) = PLUGIN_USES.iter().find(|(p, _)| p == permission) else {
            panic!("{permission} is granted with no use recorded in PLUGIN_USES");
        };
        assert!(
            code.contains(use_),
            "{permission} is granted but the page never does {use_}"
        );
    }
}

#[test]
fn a_command_kept_from_the_page_is_refused_by_tauri_and_a_granted_one_answers() {
    let desk = common::harbour_post();
    let refused = common::invoke(&desk.window, "rebuild_site", json!({"input": {}}))
        .expect_err("rebuild_site is kept from the page");
    let words = refused.to_string();
    assert!(words.contains("not allowed"), "{words}");
    let status = common::invoke(&desk.window, "desk_status", json!({})).expect("granted");
    assert_eq!(status["settings"]["name"], "The Harbour Post");
}
