//! Every command the page can invoke, invoked raw through Tauri's IPC with the app's real
//! permissions (not through the UI), as no one, a contributor, an editor and the chief, with
//! the article in every state (issue 15, item 5, the page's half). Each command has a decision
//! here; a command added to the shell without one fails the test. Each call runs in a fresh app
//! on its own copy of one desk: a call that is refused must leave the desk's files byte for byte
//! as they were (the file and its write-ahead log), a call by someone the decision refuses must be
//! refused as forbidden (not found where the thing is not even said to exist to them,
//! unauthenticated for no one), a command kept from the page is refused by Tauri to everyone, and
//! every granted command must succeed for someone somewhere, so a decision cannot pass by never
//! running.
mod common;

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use common::{call, invoke};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    NoOne,
    Contributor,
    Editor,
    Chief,
}

const ALL: [Who; 4] = [Who::NoOne, Who::Contributor, Who::Editor, Who::Chief];

impl Who {
    fn name(self) -> Option<&'static str> {
        match self {
            Who::NoOne => None,
            Who::Contributor => Some("jane"),
            Who::Editor => Some("Eddie"),
            Who::Chief => Some("Ines"),
        }
    }
}

const NO_ONE: &[Who] = &[Who::NoOne];
const NO_CONTRIBUTOR: &[Who] = &[Who::NoOne, Who::Contributor];
const CHIEF_ONLY: &[Who] = &[Who::NoOne, Who::Contributor, Who::Editor];
/// Tauri itself refuses these to the page: the capability does not grant them.
const KEPT: &[Who] = &[Who::NoOne, Who::Contributor, Who::Editor, Who::Chief];

/// The app's own commands, about this computer rather than the desk's data: which desk to
/// open, who is signed in here, the journal of unsaved text kept on this computer. None of them
/// is a desk operation with a role.
const THE_APPS_OWN: &[(&str, &str)] = &[
    (
        "desk_status",
        "what the start screen shows: whether a desk is open, and who is signed in",
    ),
    ("sign_in_choices", "the accounts the sign-in screen offers"),
    ("sign_in", "signing in is how a role is had"),
    ("sign_out", "signing out"),
    (
        "init_desk",
        "makes a new desk where there is none (refused on an initialised one)",
    ),
    ("use_desk", "which desk file or server this window opens"),
    ("forget_desk", "the list of desks used on this computer"),
    ("known_desks", "the list of desks used on this computer"),
    (
        "join_team_desk",
        "connects to a team desk's server, whose roles server/tests/roles.rs proves",
    ),
    ("server_reach", "whether the team desk's server answers"),
    (
        "page_events",
        "what the shell tells the window (a change happened, a notification was clicked): no \
         desk data, which each screen then reads through the commands its role allows",
    ),
    (
        "journal_keep",
        "unsaved text kept on this computer, never the desk's",
    ),
    ("journal_list", "unsaved text kept on this computer"),
    ("journal_settle", "unsaved text kept on this computer"),
    ("journal_discard", "unsaved text kept on this computer"),
];

/// Calls that cannot succeed for anyone in this test, and why their roles are proven elsewhere.
const NEVER_DONE_HERE: &[(&str, &str)] = &[(
    "retry_job",
    "a failed job needs a publication that failed on the app's own clock; roles proven over \
     HTTP (server/tests/roles.rs) and through the CLI (cli/tests/roles_matrix.rs)",
)];

/// One call: the command, its arguments ({id}, {v} filled in per article; {jane}, {olga},
/// {note}, {dir} per desk), whether it runs on each article, and who it always refuses.
struct Decision {
    command: &'static str,
    args: fn() -> Value,
    per_article: bool,
    refused: &'static [Who],
}

macro_rules! on_article {
    ($command:literal, $refused:expr, $args:tt) => {
        Decision {
            command: $command,
            args: || json!($args),
            per_article: true,
            refused: $refused,
        }
    };
}
macro_rules! on_desk {
    ($command:literal, $refused:expr, $args:tt) => {
        Decision {
            command: $command,
            args: || json!($args),
            per_article: false,
            refused: $refused,
        }
    };
}

fn decisions() -> Vec<Decision> {
    vec![
        on_desk!("list_users", NO_ONE, {"input": {}}),
        on_desk!("list_articles", NO_ONE, {"input": {"filter": {}, "limit": 20}}),
        on_desk!("list_presence", NO_ONE, {"input": {}}),
        on_desk!("publishing_settings", NO_ONE, {"input": {}}),
        on_desk!("list_contributors", NO_ONE, {"input": {"limit": 20}}),
        on_desk!("find_contributors", NO_ONE, {"input": {"query": "Ja"}}),
        on_desk!("get_contributor", NO_ONE, {"input": {"key": "{jane}"}}),
        on_desk!("contributor_bio_history", NO_ONE, {"input": {"key": "{jane}"}}),
        on_desk!("search_articles", NO_ONE, {"input": {"text": "word", "filter": {}, "limit": 20}}),
        on_desk!("search_contributors", NO_ONE, {"input": {"text": "Jane", "limit": 20}}),
        on_desk!("audit_log", NO_ONE, {"input": {"limit": 20}}),
        on_desk!("create_article", NO_ONE, {"input": {"article": {"headline": "Another piece"}}}),
        on_article!("get_article", NO_ONE, {"input": {"id": "{id}"}}),
        on_article!("article_moves", NO_ONE, {"input": {"id": "{id}"}}),
        on_article!("mark_presence", NO_ONE, {"input": {"article_id": "{id}", "typing": false}}),
        on_article!("leave_presence", NO_ONE, {"input": {"article_id": "{id}"}}),
        on_article!("list_notes", NO_ONE, {"input": {"article_id": "{id}"}}),
        on_article!("add_note", NO_ONE, {"input": {"article_id": "{id}", "body": "A note."}}),
        on_article!("article_history", NO_ONE, {"input": {"id": "{id}", "limit": 20}}),
        on_article!("revision_diff", NO_ONE, {"input": {"id": "{id}", "from": 1, "to": 2}}),
        on_article!("article_milestones", NO_ONE, {"input": {"id": "{id}"}}),
        on_article!("save_article", NO_ONE,
            {"input": {"id": "{id}", "base_version": "{v}", "edit": {"standfirst": "Changed."}, "autosave": true}}),
        on_article!("resolve_conflict", NO_ONE,
            {"input": {"id": "{id}", "theirs_version": "{v}", "mine": {"standfirst": "Mine."}, "resolution": {"choice": "keep_mine"}}}),
        on_article!("restore_revision", NO_ONE, {"input": {"id": "{id}", "number": 1}}),
        on_article!("move_article", NO_ONE, {"input": {"id": "{id}", "action": "submit"}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "claim"}}),
        on_article!("move_article", NO_CONTRIBUTOR,
            {"input": {"id": "{id}", "action": "request-changes", "args": {"note": "More."}}}),
        on_article!("move_article", NO_ONE, {"input": {"id": "{id}", "action": "resubmit"}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "approve"}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "reject", "args": {"note": "No."}}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "reopen", "args": {"note": "Again."}}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "unschedule"}}),
        on_article!("move_article", CHIEF_ONLY, {"input": {"id": "{id}", "action": "publish-now"}}),
        on_article!("move_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "action": "withdraw", "args": {"note": "Wrong."}}}),
        on_article!("schedule_article", NO_CONTRIBUTOR, {"input": {"id": "{id}", "when": {"at": "{future}"}, "note": null}}),
        on_desk!("resolve_note", NO_CONTRIBUTOR, {"input": {"note_id": "{note}"}}),
        on_desk!("edit_contributor", NO_CONTRIBUTOR, {"input": {"key": "{olga}", "edit": {"affiliation": "Energy Watch"}}}),
        on_desk!("add_contributor", NO_CONTRIBUTOR, {"input": {"contributor": {"display_name": "New Writer", "kind": "guest"}}}),
        on_desk!("merge_contributors", NO_CONTRIBUTOR, {"input": {"from": "{olga}", "into": "{jane}"}}),
        on_desk!("next_free_slots", NO_CONTRIBUTOR, {"input": {"section": "Opinion", "count": 3}}),
        on_desk!("calendar", NO_CONTRIBUTOR, {"input": {"from": "2030-12-01T00:00:00Z", "to": "2031-02-01T00:00:00Z"}}),
        on_desk!("list_jobs", NO_CONTRIBUTOR, {"input": {"limit": 20}}),
        on_desk!("retry_job", NO_CONTRIBUTOR, {"input": {"id": "no-such-job"}}),
        on_desk!("test_publish_target", NO_CONTRIBUTOR, {"input": {}}),
        on_desk!("preview_import_files", NO_CONTRIBUTOR, {"paths": ["{file}"]}),
        on_desk!("commit_import", NO_CONTRIBUTOR, {"input": {"drafts": [{
            "file": "piece.txt", "headline": "Imported", "standfirst": "", "body": "Body text here.",
            "section": null, "tags": [], "byline": [{"name": "Jane Roe", "update_profile_bio": false}]}]}}),
        on_desk!("journal_send", NO_ONE, {"except": []}),
        on_desk!("set_passphrase", CHIEF_ONLY, {"input": {"user": "Edna", "passphrase": "a new passphrase here"}}),
        on_desk!("add_user", CHIEF_ONLY, {"input": {"user": {"name": "Newcomer", "role": "editor"}}}),
        on_desk!("put_section", CHIEF_ONLY,
            {"input": {"section": {"name": "Culture", "min_words": 300, "max_words": 900, "slots": []}}}),
        on_desk!("set_timezone", CHIEF_ONLY, {"input": {"zone": "Europe/Berlin"}}),
        on_desk!("set_publish_folder", CHIEF_ONLY, {"input": {"folder": "{dir}"}}),
        on_desk!("set_publish_target", CHIEF_ONLY, {"input": {"target": {"kind": "folder"}}}),
        on_desk!("fill_sample_desk", CHIEF_ONLY, {"input": {"articles": 3}}),
        // Kept from the page by the capability (tests/capabilities.rs says why for each).
        on_article!("article_readiness", KEPT, {"input": {"id": "{id}", "action": "submit", "args": {}}}),
        on_article!("get_revision", KEPT, {"input": {"id": "{id}", "number": 1}}),
        on_desk!("delete_contributor", KEPT, {"input": {"key": "{olga}"}}),
        on_desk!("desk_settings", KEPT, {"input": {}}),
        on_desk!("export_ics", KEPT, {"input": {"from": "2030-01-01T00:00:00Z", "to": "2032-01-01T00:00:00Z"}}),
        on_desk!("list_sessions", KEPT, {"input": {}}),
        on_desk!("preview_import", KEPT, {"input": {"files": []}}),
        on_desk!("rebuild_site", KEPT, {"input": {}}),
        on_desk!("revoke_session", KEPT, {"input": {"id": "any"}}),
        on_desk!("set_role", KEPT, {"input": {"user": "Eddie", "role": "chief"}}),
        on_desk!("set_site_url", KEPT, {"input": {"url": "https://news.example.org/"}}),
    ]
}

/// A workflow move made while the base desk is built: who, the action, its note.
type Moves<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

/// A draft of the editor's own: nothing about it is a contributor's business.
const EDITORS_DRAFT: &str = "the editor's own draft";

/// The desk every call starts from, kept closed in `dir`.
struct Base {
    dir: tempfile::TempDir,
    /// Each article: the state it is in (its label), its id, its version.
    articles: Vec<(&'static str, String, i64)>,
    fill: Vec<(&'static str, String)>,
}

fn sign_in(window: &tauri::WebviewWindow<tauri::test::MockRuntime>, who: &str) {
    invoke(window, "sign_out", json!({})).expect("signed out");
    invoke(window, "sign_in", json!({"name": who, "passphrase": null}))
        .unwrap_or_else(|e| panic!("{who} signs in: {e}"));
}

fn base_desk() -> Base {
    let desk = common::harbour_post();
    let w = desk.window.clone();
    let folder = desk.dir.path().join("site");
    call(&w, "set_publish_folder", json!({"folder": folder})).expect("publish folder");
    let contributor = |name: &str| {
        call(
            &w,
            "add_contributor",
            json!({"contributor": {"display_name": name, "kind": "guest", "bio": format!("{name} writes for the desk.")}}),
        )
        .expect("contributor")["id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let jane = contributor("Jane Roe");
    let olga = contributor("Olga Other");
    call(
        &w,
        "add_user",
        json!({"user": {"name": "jane", "role": "contributor", "contributor": jane}}),
    )
    .expect("jane");
    call(
        &w,
        "add_user",
        json!({"user": {"name": "Eddie", "role": "editor"}}),
    )
    .expect("Eddie");
    // Another editor: whose passphrase only the chief (or she herself) sets.
    call(
        &w,
        "add_user",
        json!({"user": {"name": "Edna", "role": "editor"}}),
    )
    .expect("Edna");

    let body = "word ".repeat(700);
    let mv = |who: &str, id: &str, action: &str, note: Option<&str>| {
        sign_in(&w, who);
        let args = json!({"note": note});
        call(
            &w,
            "move_article",
            json!({"id": id, "action": action, "args": args}),
        )
        .unwrap_or_else(|e| panic!("{who} {action}: {e}"));
    };
    let piece = |headline: &str| {
        sign_in(&w, "jane");
        let a = call(
            &w,
            "create_article",
            json!({"article": {"headline": headline, "standfirst": "A standfirst.",
            "body": body, "section": "Opinion", "byline": [{"contributor": "Jane Roe"}]}}),
        )
        .expect("jane's piece");
        a["id"].as_str().expect("id").to_string()
    };
    let states: &[(&'static str, Moves)] = &[
        ("draft", &[]),
        ("submitted", &[("jane", "submit", None)]),
        (
            "in_review",
            &[("jane", "submit", None), ("Eddie", "claim", None)],
        ),
        (
            "changes_requested",
            &[
                ("jane", "submit", None),
                ("Eddie", "claim", None),
                ("Eddie", "request-changes", Some("Shorter.")),
            ],
        ),
        (
            "approved",
            &[
                ("jane", "submit", None),
                ("Eddie", "claim", None),
                ("Eddie", "approve", None),
            ],
        ),
        (
            "scheduled",
            &[
                ("jane", "submit", None),
                ("Eddie", "claim", None),
                ("Eddie", "approve", None),
            ],
        ),
        (
            "published",
            &[
                ("jane", "submit", None),
                ("Eddie", "claim", None),
                ("Eddie", "approve", None),
                ("Ines", "publish-now", None),
            ],
        ),
        (
            "rejected",
            &[
                ("jane", "submit", None),
                ("Eddie", "reject", Some("Not for us.")),
            ],
        ),
        (
            "withdrawn",
            &[
                ("jane", "submit", None),
                ("Eddie", "claim", None),
                ("Eddie", "approve", None),
                ("Ines", "publish-now", None),
                ("Ines", "withdraw", Some("Legal.")),
            ],
        ),
    ];
    let mut articles = Vec::new();
    for (state, moves) in states {
        let id = piece(&format!("A piece {state}"));
        for (who, action, note) in *moves {
            mv(who, &id, action, *note);
        }
        if *state == "scheduled" {
            sign_in(&w, "Eddie");
            call(
                &w,
                "schedule_article",
                json!({"id": id, "when": {"at": years_ahead(4, "01-05 09:00")}, "note": null}),
            )
            .expect("scheduled");
        }
        articles.push((*state, id));
    }
    sign_in(&w, "Eddie");
    let own = call(
        &w,
        "create_article",
        json!({"article": {"headline": "The editor's own draft"}}),
    )
    .expect("own draft");
    articles.push((EDITORS_DRAFT, own["id"].as_str().expect("id").to_string()));
    let note = call(
        &w,
        "add_note",
        json!({"article_id": articles[1].1, "body": "Please check the figures."}),
    )
    .expect("note");
    let file = desk.dir.path().join("submission.txt");
    std::fs::write(
        &file,
        "A headline for the desk\n\nBy Jane Roe\n\nThe first paragraph.\n\nThe second.\n",
    )
    .expect("file");
    sign_in(&w, "Ines");
    let articles = articles
        .into_iter()
        .map(|(state, id)| {
            let v = call(&w, "get_article", json!({"id": id})).expect("article")["version"]
                .as_i64()
                .expect("version");
            (state, id, v)
        })
        .collect();
    let fill = vec![
        ("jane", jane),
        ("olga", olga),
        ("note", note["id"].as_str().expect("note id").to_string()),
        ("file", file.to_string_lossy().into_owned()),
        ("future", years_ahead(5, "03-04 09:00")),
    ];
    invoke(&w, "sign_out", json!({})).expect("signed out");
    let common::HarbourPost {
        dir, app, window, ..
    } = desk;
    drop(window);
    drop(app);
    Base {
        dir,
        articles,
        fill,
    }
}

/// The desk's bytes as the disk has them: the file and its write-ahead log.
fn hash_desk(db: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    for suffix in ["", "-wal"] {
        std::fs::read(format!("{}{suffix}", db.display()))
            .unwrap_or_default()
            .hash(&mut h);
    }
    h.finish()
}

/// A time in the desk's zone (month on) in the year `years` after this one: the app's scheduler
/// runs on the machine's clock, so a scheduled piece must stay in the future.
fn years_ahead(years: i32, rest: &str) -> String {
    use chrono::Datelike;
    format!("{}-{rest}", chrono::Utc::now().year() + years)
}

fn fill_in(
    value: &Value,
    article: Option<&(&'static str, String, i64)>,
    base: &Base,
    dir: &Path,
) -> Value {
    match value {
        Value::String(s) => {
            if let Some((_, id, v)) = article {
                if s == "{v}" {
                    return json!(v);
                }
                if s == "{id}" {
                    return json!(id);
                }
            }
            if s == "{dir}" {
                return json!(dir.join("elsewhere"));
            }
            let key = s.trim_start_matches('{').trim_end_matches('}');
            match base
                .fill
                .iter()
                .find(|(k, _)| s.starts_with('{') && *k == key)
            {
                Some((_, v)) => json!(v),
                None => value.clone(),
            }
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| fill_in(i, article, base, dir))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill_in(v, article, base, dir)))
                .collect(),
        ),
        other => other.clone(),
    }
}

struct Outcome {
    label: String,
    article: Option<&'static str>,
    who: Who,
    refused: &'static [Who],
    result: Result<Value, Value>,
    wrote: bool,
}

/// One call in a fresh app on a fresh copy of the base desk.
fn call_once(
    base: &Base,
    d: &Decision,
    article: Option<&(&'static str, String, i64)>,
    who: Who,
) -> Outcome {
    let dir = tempfile::tempdir().expect("temp dir");
    let db: PathBuf = dir.path().join("desk.db");
    for suffix in ["", "-wal"] {
        let from = base.dir.path().join(format!("desk.db{suffix}"));
        if from.exists() {
            std::fs::copy(&from, dir.path().join(format!("desk.db{suffix}"))).expect("desk copied");
        }
    }
    let state = copydesk_app::AppState::open(Ok(db.clone()), Ok(dir.path().join("journal.db")));
    let (app, window) = common::open(state);
    if let Some(name) = who.name() {
        invoke(
            &window,
            "sign_in",
            json!({"name": name, "passphrase": null}),
        )
        .unwrap_or_else(|e| panic!("{name} signs in: {e}"));
    }
    let before = hash_desk(&db);
    let args = fill_in(&(d.args)(), article, base, dir.path());
    let result = invoke(&window, d.command, args.clone());
    let wrote = hash_desk(&db) != before;
    drop(window);
    drop(app);
    Outcome {
        label: format!(
            "{} {} on {}",
            d.command,
            (d.args)(),
            article.map_or("the desk", |a| a.0)
        ),
        article: article.map(|a| a.0),
        who,
        refused: d.refused,
        result,
        wrote,
    }
}

fn commands_of_the_shell() -> BTreeSet<String> {
    let list = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("commands.txt"))
        .expect("commands.txt");
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_invoked_raw_as_every_role_on_every_state_refuses_what_the_role_may_not_and_writes_nothing_when_refused()
 {
    let decisions = decisions();
    let decided: BTreeSet<String> = decisions
        .iter()
        .map(|d| d.command.to_string())
        .chain(THE_APPS_OWN.iter().map(|(c, _)| c.to_string()))
        .collect();
    let shell = commands_of_the_shell();
    let undecided: Vec<&String> = shell.difference(&decided).collect();
    assert!(
        undecided.is_empty(),
        "commands without a role decision: {undecided:?}"
    );
    let stale: Vec<&String> = decided.difference(&shell).collect();
    assert!(
        stale.is_empty(),
        "decisions for commands the shell does not have: {stale:?}"
    );

    let base = base_desk();
    let mut outcomes = Vec::new();
    for d in &decisions {
        for who in ALL {
            if d.per_article {
                for a in &base.articles {
                    outcomes.push(call_once(&base, d, Some(a), who));
                }
            } else {
                outcomes.push(call_once(&base, d, None, who));
            }
        }
    }

    let mut problems = Vec::new();
    let mut succeeded = BTreeSet::new();
    let (mut refused, mut refused_by_role, mut not_allowed, mut wrote) = (0, 0, 0, 0);
    // `not_found` is a role's refusal only where the thing exists: the chief's same call did not
    // answer it (a call failing for want of its target proves no role check).
    let chief_found: BTreeSet<&str> = outcomes
        .iter()
        .filter(|o| o.who == Who::Chief)
        .filter(|o| !o.result.as_ref().is_err_and(|e| e["code"] == "not_found"))
        .map(|o| o.label.as_str())
        .collect();
    let draft_id = base
        .articles
        .iter()
        .find(|a| a.0 == EDITORS_DRAFT)
        .map(|a| a.1.clone())
        .expect("the editor's draft");
    for o in &outcomes {
        if o.who == Who::Contributor
            && o.result
                .as_ref()
                .is_ok_and(|v| v.to_string().contains(&draft_id))
        {
            problems.push(format!(
                "{} as a contributor: answered with the editor's own draft",
                o.label
            ));
        }
        let name = o.label.split(" on ").next().unwrap_or_default().to_string();
        match &o.result {
            Ok(_) => {
                succeeded.insert(name);
                wrote += usize::from(o.wrote);
                if o.who == Who::Contributor && o.article == Some(EDITORS_DRAFT) {
                    problems.push(format!(
                        "{} as a contributor: the editor's draft is not theirs",
                        o.label
                    ));
                }
            }
            Err(e) => {
                refused += 1;
                if o.wrote {
                    problems.push(format!(
                        "{} as {:?}: refused ({e}) but the desk changed",
                        o.label, o.who
                    ));
                }
            }
        }
        if !o.refused.contains(&o.who) {
            continue;
        }
        refused_by_role += 1;
        let code = o
            .result
            .as_ref()
            .err()
            .map(|e| e["code"].as_str().unwrap_or_default().to_string());
        let words = o
            .result
            .as_ref()
            .err()
            .map(Value::to_string)
            .unwrap_or_default();
        let right = if o.refused == KEPT {
            not_allowed += 1;
            words.contains("not allowed")
        } else if o.who == Who::NoOne {
            matches!(code.as_deref(), Some("signed_out" | "unauthenticated"))
        } else {
            match code.as_deref() {
                Some("forbidden") => true,
                Some("not_found") => chief_found.contains(o.label.as_str()),
                _ => false,
            }
        };
        if !right {
            problems.push(format!(
                "{} as {:?}: must be refused, was {:?}",
                o.label,
                o.who,
                o.result.as_ref().map(|_| "done")
            ));
        }
    }
    assert!(
        wrote > outcomes.len() / 10,
        "only {wrote} calls changed the desk's files"
    );
    // The hash sees a write it must: the chief's save of the draft.
    assert!(
        outcomes.iter().any(|o| o.who == Who::Chief
            && o.article == Some("draft")
            && o.label.starts_with("save_article")
            && o.result.is_ok()
            && o.wrote),
        "the chief's save of the draft did not change the desk's files"
    );
    for d in &decisions {
        let label = format!("{} {}", d.command, (d.args)());
        let never = NEVER_DONE_HERE.iter().any(|(c, _)| *c == d.command);
        if d.refused != KEPT && !never && !succeeded.contains(&label) {
            let answers: BTreeSet<String> = outcomes
                .iter()
                .filter(|o| o.label.starts_with(&label) && o.who == Who::Chief)
                .filter_map(|o| o.result.as_ref().err().map(Value::to_string))
                .collect();
            problems.push(format!(
                "{label}: succeeded for no one in no state (the chief was answered {answers:?})"
            ));
        }
    }
    println!(
        "invoke matrix: {} calls ({} decisions × {} identities, article commands × {} articles); {refused} refused, \
         {refused_by_role} of them by role ({not_allowed} by the capability), none wrote; {wrote} succeeded and wrote; {} problems",
        outcomes.len(),
        decisions.len(),
        ALL.len(),
        base.articles.len(),
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
