//! Every CLI command against every role and no one, with the article in every state (issue 15,
//! item 5, the CLI's half). Each command has a decision here (who is always refused); a command
//! added without one fails the test. Every call runs on its own copy of one desk: a call that
//! fails must leave the desk file byte for byte as it was, and a call by someone the decision
//! refuses must fail as forbidden (or not found, where the thing is not even said to exist to
//! them, or unauthenticated for no one). Every command must also succeed for someone somewhere,
//! so a decision cannot pass by never running.
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::process::Command;

use common::TestDesk;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
            Who::Chief => Some("Claire"),
        }
    }
}

const NO_ONE: &[Who] = &[Who::NoOne];
const NO_CONTRIBUTOR: &[Who] = &[Who::NoOne, Who::Contributor];
const CHIEF_ONLY: &[Who] = &[Who::NoOne, Who::Contributor, Who::Editor];
const NOBODY: &[Who] = &[];

/// Commands that are not calls on a desk file: they make a desk, serve one, or work on a team
/// desk's server (their roles are proven over HTTP in `server/tests/roles.rs`).
const NOT_DESK_CALLS: &[&str] = &["init", "serve", "login", "logout", "push", "demo", "bench"];

/// One command: its words, its arguments ({id}, {v}, {cid}, {other}, {note}, {file}, {out}
/// filled in per call), whether it runs on each article, and who it always refuses.
struct Decision {
    command: &'static str,
    args: &'static [&'static str],
    per_article: bool,
    refused: &'static [Who],
}

const fn on_article(
    command: &'static str,
    args: &'static [&'static str],
    refused: &'static [Who],
) -> Decision {
    Decision {
        command,
        args,
        per_article: true,
        refused,
    }
}

const fn on_desk(
    command: &'static str,
    args: &'static [&'static str],
    refused: &'static [Who],
) -> Decision {
    Decision {
        command,
        args,
        per_article: false,
        refused,
    }
}

const DECISIONS: &[Decision] = &[
    on_article(
        "article edit",
        &["{id}", "--base-version", "{v}", "--standfirst", "Changed."],
        NO_ONE,
    ),
    on_article("article show", &["{id}"], NO_ONE),
    on_article("article checks", &["{id}", "approve"], NO_ONE),
    on_article("article moves", &["{id}"], NO_ONE),
    on_article("article history", &["{id}"], NO_ONE),
    on_article("article revision", &["{id}", "1"], NO_ONE),
    on_article("article diff", &["{id}", "1", "2"], NO_ONE),
    on_article("article restore", &["{id}", "1"], NO_ONE),
    on_article("article move", &["{id}", "submit"], NO_ONE),
    on_article("article move", &["{id}", "claim"], NO_CONTRIBUTOR),
    on_article(
        "article move",
        &["{id}", "request-changes", "--note", "More."],
        NO_CONTRIBUTOR,
    ),
    on_article("article move", &["{id}", "resubmit"], NO_ONE),
    on_article("article move", &["{id}", "approve"], NO_CONTRIBUTOR),
    on_article(
        "article move",
        &["{id}", "reject", "--note", "No."],
        NO_CONTRIBUTOR,
    ),
    on_article(
        "article move",
        &["{id}", "reopen", "--note", "Again."],
        NO_CONTRIBUTOR,
    ),
    on_article(
        "article move",
        &["{id}", "schedule", "--at", "{future}"],
        NO_CONTRIBUTOR,
    ),
    on_article("article move", &["{id}", "unschedule"], NO_CONTRIBUTOR),
    on_article("article move", &["{id}", "publish-now"], CHIEF_ONLY),
    on_article(
        "article move",
        &["{id}", "withdraw", "--note", "Wrong."],
        NO_CONTRIBUTOR,
    ),
    on_article("note add", &["{id}", "A note."], NO_ONE),
    on_article("note list", &["{id}"], NO_ONE),
    on_desk("note resolve", &["{note}"], NO_CONTRIBUTOR),
    on_desk("article new", &["--headline", "New piece"], NO_ONE),
    on_desk("article list", &[], NO_ONE),
    on_desk("user add", &["Newcomer", "--role", "editor"], CHIEF_ONLY),
    on_desk("user list", &[], NO_ONE),
    // One's own passphrase is one's own; someone else's is the chief's.
    on_desk(
        "user passphrase",
        &["jane", "--clear"],
        &[Who::NoOne, Who::Editor],
    ),
    on_desk("user passphrase", &["Eddie", "--clear"], NO_CONTRIBUTOR),
    on_desk("user role", &["Eddie", "chief"], CHIEF_ONLY),
    on_desk(
        "contributor add",
        &["Someone New", "--email", "new@example.org"],
        NO_CONTRIBUTOR,
    ),
    on_desk("contributor list", &[], NO_ONE),
    on_desk("contributor show", &["{cid}"], NO_ONE),
    on_desk("contributor find", &["jane"], NO_ONE),
    on_desk(
        "contributor edit",
        &["{other}", "--bio", "Olga Other writes."],
        NO_CONTRIBUTOR,
    ),
    on_desk("contributor merge", &["{other}", "{cid}"], NO_CONTRIBUTOR),
    on_desk("contributor delete", &["{other}"], NO_CONTRIBUTOR),
    on_desk("search", &["piece"], NO_ONE),
    on_desk("audit", &[], NO_ONE),
    on_desk("calendar list", &[], NO_CONTRIBUTOR),
    on_desk("jobs list", &[], NO_CONTRIBUTOR),
    on_desk("jobs retry", &["{job}"], NO_CONTRIBUTOR),
    on_desk("site build", &[], NO_CONTRIBUTOR),
    on_desk("export ics", &["{out}"], NO_CONTRIBUTOR),
    on_desk("settings show", &[], NO_ONE),
    on_desk("settings set timezone", &["Europe/Berlin"], CHIEF_ONLY),
    on_desk("settings set publish-folder", &["{dir}"], CHIEF_ONLY),
    on_desk(
        "settings set site-url",
        &["https://news.example.org/"],
        CHIEF_ONLY,
    ),
    on_desk("settings set target folder", &[], CHIEF_ONLY),
    on_desk(
        "settings set target wordpress",
        &["--url", "http://127.0.0.1:9/", "--user", "desk"],
        CHIEF_ONLY,
    ),
    on_desk(
        "settings set section",
        &["Culture", "--min-words", "300"],
        CHIEF_ONLY,
    ),
    on_desk("settings test-target", &[], NO_CONTRIBUTOR),
    on_desk("import", &["{file}"], NO_CONTRIBUTOR),
    on_desk("publish-due", &[], NOBODY),
    on_desk("backup", &["{out}"], NOBODY),
    on_desk("check", &[], NOBODY),
];

/// The CLI's leaf commands, read from its help: "article edit", "settings set timezone", …
fn leaf_commands() -> BTreeSet<String> {
    fn walk(path: &mut Vec<String>, out: &mut BTreeSet<String>) {
        let help = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(path.iter())
            .arg("--help")
            .output()
            .expect("help");
        let text = String::from_utf8_lossy(&help.stdout).into_owned();
        let subcommands: Vec<String> = text
            .split("Commands:\n")
            .nth(1)
            .map(|s| s.lines().take_while(|l| !l.trim().is_empty()))
            .into_iter()
            .flatten()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .filter(|c| c != "help")
            .collect();
        if subcommands.is_empty() {
            out.insert(path.join(" "));
        }
        for c in subcommands {
            path.push(c);
            walk(path, out);
            path.pop();
        }
    }
    let mut out = BTreeSet::new();
    walk(&mut Vec::new(), &mut out);
    out
}

/// The desk as the disk holds it: its file, log and journal (a write the process left in its log
/// counts as much as one copied into the file).
fn hash_desk(db: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    for suffix in ["", "-wal", "-journal"] {
        std::fs::read(format!("{}{suffix}", db.display()))
            .ok()
            .hash(&mut h);
    }
    h.finish()
}

/// An article of the base desk: the state it is in (its label), its id, its version.
type Article = (&'static str, String, i64);

/// A workflow move made while the base desk is built: who makes it, and its words.
type Move<'a> = (&'a str, &'a [&'a str]);

/// A draft of the editor's own: nothing about it is a contributor's business.
const EDITORS_DRAFT: &str = "the editor's own draft";

struct Base {
    desk: TestDesk,
    /// Article ids by the state they are in (and the editor's own draft).
    articles: Vec<Article>,
    fill: BTreeMap<&'static str, String>,
}

/// `rest` of an RFC 3339 time (month on) in the year `years` after this one.
fn years_ahead(years: i32, rest: &str) -> String {
    use chrono::Datelike;
    format!("{}-{rest}", chrono::Utc::now().year() + years)
}

fn json_of(d: &TestDesk, who: &str, args: &[&str]) -> serde_json::Value {
    d.json(Some(who), args)
}

fn base_desk() -> Base {
    let d = TestDesk::staffed();
    let chief = "Claire";
    let folder = d.path("site");
    d.ok(
        Some(chief),
        &[
            "settings",
            "set",
            "publish-folder",
            folder.to_str().expect("utf-8"),
        ],
    );
    d.ok(
        Some(chief),
        &[
            "contributor",
            "add",
            "Olga Other",
            "--email",
            "olga@example.org",
        ],
    );
    let body = d.write("body.md", "word ".repeat(700).as_bytes());
    let body = body.to_str().expect("utf-8").to_string();
    let jane_piece = |headline: &str| {
        let a = json_of(
            &d,
            "jane",
            &[
                "article",
                "new",
                "--headline",
                headline,
                "--standfirst",
                "A standfirst.",
                "--body-file",
                &body,
                "--section",
                "Opinion",
                "--byline",
                "Jane Roe",
            ],
        );
        a["id"].as_str().expect("id").to_string()
    };
    let mv = |who: &str, id: &str, args: &[&str]| {
        let mut all = vec!["article", "move", id];
        all.extend_from_slice(args);
        d.ok(Some(who), &all);
    };
    // Times years ahead of the machine's clock, which the CLI reads: never in the past.
    let scheduled_at = years_ahead(4, "01-05T09:00:00+01:00");
    let failing_at = years_ahead(3, "06-01T09:00:00+02:00");
    let failed_by = years_ahead(3, "06-01T08:00:00Z");
    let mut articles = Vec::new();
    let draft = jane_piece("A draft");
    articles.push(("draft", draft));
    let states: &[(&str, &[Move])] = &[
        ("submitted", &[("jane", &["submit"])]),
        ("in_review", &[("jane", &["submit"]), ("Eddie", &["claim"])]),
        (
            "changes_requested",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["claim"]),
                ("Eddie", &["request-changes", "--note", "Shorter."]),
            ],
        ),
        (
            "approved",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["claim"]),
                ("Eddie", &["approve"]),
            ],
        ),
        (
            "scheduled",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["claim"]),
                ("Eddie", &["approve"]),
                ("Eddie", &["schedule", "--at", &scheduled_at]),
            ],
        ),
        (
            "published",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["claim"]),
                ("Eddie", &["approve"]),
                ("Claire", &["publish-now"]),
            ],
        ),
        (
            "rejected",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["reject", "--note", "Not for us."]),
            ],
        ),
        (
            "withdrawn",
            &[
                ("jane", &["submit"]),
                ("Eddie", &["claim"]),
                ("Eddie", &["approve"]),
                ("Claire", &["publish-now"]),
                ("Claire", &["withdraw", "--note", "Legal."]),
            ],
        ),
    ];
    for (state, moves) in states {
        let id = jane_piece(&format!("A piece {state}"));
        for (who, args) in *moves {
            mv(who, &id, args);
        }
        articles.push((state, id));
    }
    // A scheduled piece whose publication failed: its folder was a file when its time came.
    let failing = jane_piece("A piece whose publication failed");
    for (who, args) in [
        ("jane", &["submit"][..]),
        ("Eddie", &["claim"]),
        ("Eddie", &["approve"]),
        ("Eddie", &["schedule", "--at", &failing_at]),
    ] {
        mv(who, &failing, args);
    }
    std::fs::remove_dir_all(&folder).ok();
    std::fs::write(&folder, b"not a folder").expect("file written");
    let due = d.run(None, &["publish-due", "--now", &failed_by]);
    assert_eq!(due.code, 1, "the publication fails: {}", due.stderr);
    std::fs::remove_file(&folder).expect("file removed");
    articles.push(("scheduled, publication failed", failing));
    let own = d.new_article("Eddie", &["--headline", "The editor's own draft"]);
    articles.push((EDITORS_DRAFT, own));
    let note = json_of(
        &d,
        "Eddie",
        &["note", "add", &articles[1].1, "Please check the figures."],
    );
    let mut fill = BTreeMap::new();
    fill.insert("note", note["id"].as_str().expect("note id").to_string());
    let jane = json_of(&d, "Claire", &["contributor", "find", "jane@example.org"]);
    let first = |v: &serde_json::Value| {
        v.as_array()
            .and_then(|a| a.first())
            .cloned()
            .unwrap_or_else(|| v["items"][0].clone())
    };
    fill.insert(
        "cid",
        first(&jane)["id"]
            .as_str()
            .expect("contributor id")
            .to_string(),
    );
    let olga = json_of(&d, "Claire", &["contributor", "find", "olga@example.org"]);
    fill.insert(
        "other",
        first(&olga)["id"]
            .as_str()
            .expect("contributor id")
            .to_string(),
    );
    let jobs = json_of(&d, "Claire", &["jobs", "list", "--state", "failed"]);
    let job = first(&jobs)["id"]
        .as_str()
        .expect("the failed job")
        .to_string();
    fill.insert("job", job);
    let submission = d.write("submission.txt", b"A headline for the desk\n\nBy Jane Roe\n\nThe first paragraph of the piece says something.\n\nThe second one says more.\n");
    fill.insert("file", submission.to_str().expect("utf-8").to_string());
    fill.insert("future", years_ahead(5, "03-04T09:00:00+01:00"));
    let articles = articles
        .into_iter()
        .map(|(state, id)| {
            let v = json_of(&d, "Claire", &["article", "show", &id])["version"]
                .as_i64()
                .expect("version");
            (state, id, v)
        })
        .collect();
    // Each call copies the desk file alone: nothing may be left in a log beside it.
    assert!(
        !d.path("desk.db-wal").exists(),
        "the base desk's log was not written back"
    );
    Base {
        desk: d,
        articles,
        fill,
    }
}

struct Outcome {
    label: String,
    article: Option<&'static str>,
    who: Who,
    refused_by_decision: bool,
    stdout: String,
    code: i32,
    error_code: Option<String>,
    wrote: bool,
}

/// Runs one call on a fresh copy of the base desk.
fn call(base: &Base, d: &Decision, article: Option<&Article>, who: Who) -> Outcome {
    let copy = TestDesk::empty();
    std::fs::copy(&base.desk.db, &copy.db).expect("desk copied");
    let out = copy.path("out.file");
    let dir = copy.path("elsewhere");
    let mut args: Vec<String> = vec!["--json".into()];
    args.extend(d.command.split(' ').map(str::to_string));
    for a in d.args {
        let mut a = a.to_string();
        if let Some((_, id, v)) = article {
            a = a.replace("{id}", id).replace("{v}", &v.to_string());
        }
        for (key, value) in &base.fill {
            a = a.replace(&format!("{{{key}}}"), value);
        }
        a = a
            .replace("{out}", out.to_str().expect("utf-8"))
            .replace("{dir}", dir.to_str().expect("utf-8"));
        args.push(a);
    }
    let before = hash_desk(&copy.db);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut cmd = copy.command(who.name(), &argv);
    cmd.env(
        "COPYDESK_WORDPRESS_PASSWORD",
        "abcd efgh ijkl mnop qrst uvwx",
    );
    let o = common::output(cmd);
    let error_code = serde_json::from_str::<serde_json::Value>(&o.stdout)
        .ok()
        .and_then(|v| v["error"]["code"].as_str().map(str::to_string));
    Outcome {
        label: format!(
            "{} {:?} on {}",
            d.command,
            d.args,
            article.map_or("the desk", |a| a.0)
        ),
        article: article.map(|a| a.0),
        who,
        refused_by_decision: d.refused.contains(&who),
        stdout: o.stdout.clone(),
        code: o.code,
        error_code,
        wrote: hash_desk(&copy.db) != before,
    }
}

#[test]
fn every_cli_command_against_every_role_and_state_refuses_what_the_role_may_not_and_a_refusal_writes_nothing()
 {
    let decided: BTreeSet<String> = DECISIONS.iter().map(|d| d.command.to_string()).collect();
    let leaves = leaf_commands();
    let undecided: Vec<&String> = leaves
        .iter()
        .filter(|c| !decided.contains(*c) && !NOT_DESK_CALLS.contains(&c.as_str()))
        .collect();
    assert!(
        undecided.is_empty(),
        "CLI commands without a role decision: {undecided:?}"
    );
    let stale: Vec<&String> = decided.iter().filter(|c| !leaves.contains(*c)).collect();
    assert!(
        stale.is_empty(),
        "decisions for commands the CLI does not have: {stale:?}"
    );

    let base = base_desk();
    let mut plan: Vec<(&Decision, Option<&Article>, Who)> = Vec::new();
    for d in DECISIONS {
        for who in ALL {
            if d.per_article {
                for a in &base.articles {
                    plan.push((d, Some(a), who));
                }
            } else {
                plan.push((d, None, who));
            }
        }
    }
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let halves: Vec<_> = plan
            .chunks(plan.len().div_ceil(2))
            .map(|part| {
                let base = &base;
                s.spawn(move || {
                    part.iter()
                        .map(|(d, a, who)| call(base, d, *a, *who))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves
            .into_iter()
            .flat_map(|h| h.join().expect("calls"))
            .collect()
    });

    let (mut problems, counts) = verdict(&outcomes, &base);
    for d in DECISIONS {
        let label = format!("{} {:?}", d.command, d.args);
        if !counts.succeeded.contains(&label) {
            problems.push(format!(
                "{label}: succeeded for no one in no state (the call is never made)"
            ));
        }
    }
    println!(
        "role matrix: {} calls ({} commands × {} identities, article commands × {} articles); {} refused, {} of them by role, none wrote; {} succeeded and wrote; {} problems",
        outcomes.len(),
        DECISIONS.len(),
        ALL.len(),
        base.articles.len(),
        counts.refused,
        counts.refused_by_role,
        counts.wrote,
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[derive(Default)]
struct Counts {
    refused: usize,
    refused_by_role: usize,
    wrote: usize,
    /// The decisions (command and arguments) that succeeded for someone somewhere.
    succeeded: BTreeSet<String>,
}

/// What is wrong among the outcomes, and their counts. A refusal must write nothing; a role the
/// decision refuses must be refused as no one's business: `not_found` counts only where the thing
/// exists (the chief's same call was not `not_found`), so a call that fails for want of its
/// target is no proof of a role check. Nothing a contributor is answered may name the editor's own
/// draft. And the hash must see writes: the chief's edit of the draft changes it.
fn verdict(outcomes: &[Outcome], base: &Base) -> (Vec<String>, Counts) {
    let mut problems = Vec::new();
    let mut counts = Counts::default();
    let chiefs: BTreeMap<&str, Option<&str>> = outcomes
        .iter()
        .filter(|o| o.who == Who::Chief)
        .map(|o| (o.label.as_str(), o.error_code.as_deref()))
        .collect();
    let draft_id = base
        .articles
        .iter()
        .find(|a| a.0 == EDITORS_DRAFT)
        .map(|a| a.1.as_str())
        .expect("the editor's draft");
    for o in outcomes {
        if o.who == Who::Contributor && o.code == 0 && o.stdout.contains(draft_id) {
            problems.push(format!(
                "{} as a contributor: answered with the editor's own draft",
                o.label
            ));
        }
        if o.code == 0 {
            counts.wrote += usize::from(o.wrote);
            counts
                .succeeded
                .insert(o.label.split(" on ").next().unwrap_or_default().to_string());
        } else {
            counts.refused += 1;
            if o.wrote {
                problems.push(format!(
                    "{} as {:?}: refused ({:?}) but the desk file changed",
                    o.label, o.who, o.error_code
                ));
            }
        }
        if !o.refused_by_decision {
            continue;
        }
        counts.refused_by_role += 1;
        let exists = chiefs.get(o.label.as_str()).copied().flatten() != Some("not_found");
        let allowed: &[&str] = match (o.who, exists) {
            (Who::NoOne, _) => &["unauthenticated"],
            (_, true) => &["forbidden", "not_found"],
            (_, false) => &["forbidden"],
        };
        if o.code == 0
            || !o
                .error_code
                .as_deref()
                .is_some_and(|c| allowed.contains(&c))
        {
            problems.push(format!(
                "{} as {:?}: must be refused ({allowed:?}), was exit {} {:?}",
                o.label, o.who, o.code, o.error_code
            ));
        }
    }
    let chief_edited_the_draft = outcomes.iter().any(|o| {
        o.who == Who::Chief
            && o.article == Some("draft")
            && o.label.starts_with("article edit")
            && o.code == 0
            && o.wrote
    });
    if !chief_edited_the_draft {
        problems.push("the chief's edit of the draft did not change the desk's hash".into());
    }
    (problems, counts)
}
