//! A save the CLI confirmed survives the machine losing power (issue 15, item 3).
//!
//! Writers save three articles through the real `copydesk` binary, each process under an
//! LD_PRELOAD shim (`power_loss/powercut.c`) that records every write, truncation, sync and
//! change to the folder it makes to the desk's files. A power cut after any record is then
//! rebuilt from the records (`power_loss/model.rs`): what a sync covered is on the disk; what no
//! sync covered is lost, or partly there, sectors torn. Each rebuilt desk must pass
//! `copydesk check` and hold every save confirmed before the cut. Cutting the record log rather
//! than killing processes puts the cut at exactly the instants that matter (just after a save is
//! confirmed, in the middle of a sync) and makes every cut repeatable.
//!
//! `POWERCUT_CUTS` (100) and `POWERCUT_SAVES` (saves per writer, 25) set the size; `make soak`
//! runs it larger. `POWERCUT_REPORT` names a file to write the counts to (JSON).
mod common;
#[path = "power_loss/model.rs"]
mod model;

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use common::TestDesk;
use model::{CONFIRM, Log, Loss, Op, Rng, after_cut, encode, removed_files_match};

const CHIEF: &str = "Claire";
const WRITERS: usize = 3;

fn env_number(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a number")),
        Err(_) => default,
    }
}

/// The text a writer saves as `version` of its article: any version's text is known.
fn text(writer: usize, version: i64) -> String {
    format!("Piece {writer}, saved as version {version}.")
}

/// Builds the shim with the C compiler Rust links with.
fn build_shim(out: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/power_loss/powercut.c");
    let so = out.join("powercut.so");
    let status = Command::new("cc")
        .args(["-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o"])
        .arg(&so)
        .arg(&source)
        .args(["-ldl", "-lpthread"])
        .status()
        .expect("cc (the C compiler Rust links with) runs");
    assert!(status.success(), "the power-cut shim did not compile");
    so
}

/// The desk's files the shim watches, as they are now: name, inode, bytes.
fn desk_files(d: &TestDesk) -> Vec<(String, u64, Vec<u8>)> {
    let mut files = Vec::new();
    for suffix in ["", "-wal", "-journal"] {
        let path = PathBuf::from(format!("{}{suffix}", d.db.display()));
        if let Ok(meta) = std::fs::metadata(&path) {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            files.push((
                name,
                meta.ino(),
                std::fs::read(&path).expect("desk file read"),
            ));
        }
    }
    files
}

struct Recorder {
    shim: PathBuf,
    log: PathBuf,
    /// Appends from the writers' threads: one record per write() under O_APPEND.
    appending: Mutex<std::fs::File>,
}

impl Recorder {
    /// The shim built into `tools`, its records to go to a log there.
    fn new(tools: &Path) -> Recorder {
        let log = tools.join("powercut.log");
        let appending = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("log");
        Recorder {
            shim: build_shim(tools),
            log,
            appending: Mutex::new(appending),
        }
    }

    fn records(&self) -> Log {
        if let Ok(keep) = std::env::var("POWERCUT_KEEP_LOG") {
            std::fs::copy(&self.log, keep).expect("log kept");
        }
        Log::parse(std::fs::read(&self.log).expect("log read")).expect("log parses")
    }

    fn command(&self, d: &TestDesk, args: &[&str]) -> Command {
        let mut cmd = d.command(Some(CHIEF), args);
        let folder = d.db.parent().expect("folder");
        cmd.env("LD_PRELOAD", &self.shim)
            .env("POWERCUT_DIR", folder)
            .env("POWERCUT_PREFIX", d.db.file_name().expect("file name"))
            .env("POWERCUT_LOG", &self.log);
        cmd
    }

    fn confirm(&self, writer: usize, version: i64) {
        let record = encode(CONFIRM, &format!("{writer} {version}"), 0, 0, &[]);
        let mut file = self.appending.lock().expect("log lock");
        file.write_all(&record).expect("confirmation recorded");
    }
}

fn version_of(v: &serde_json::Value) -> i64 {
    v["version"].as_i64().expect("a version")
}

/// One writer: `saves` autosaves (every other one a plain save) of its article, each confirmed
/// save recorded after the CLI said so. A save refused (the desk busy) is retried on the
/// version the desk holds. Answers the refusals.
fn write_saves(
    d: &TestDesk,
    rec: &Recorder,
    writer: usize,
    id: &str,
    mut version: i64,
    saves: usize,
) -> usize {
    let mut refusals = 0;
    let mut done = 0;
    while done < saves {
        let base = version.to_string();
        let next = text(writer, version + 1);
        let mut args = vec![
            "--json",
            "article",
            "edit",
            id,
            "--base-version",
            &base,
            "--standfirst",
            &next,
        ];
        if done % 2 == 0 {
            args.push("--autosave");
        }
        let out = rec.command(d, &args).output().expect("copydesk runs");
        if out.status.success() {
            let saved: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
            assert_eq!(
                version_of(&saved),
                version + 1,
                "a save moves the version on by one"
            );
            version += 1;
            rec.confirm(writer, version);
            done += 1;
        } else {
            // Only the desk being busy (another writer's transaction) is a refusal to retry.
            let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            let code = error["error"]["code"].as_str().unwrap_or_default();
            refusals += 1;
            assert!(
                matches!(code, "busy" | "conflict") && refusals < 50 + saves,
                "writer {writer}'s save refused ({code}, {refusals} so far): {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let shown = rec
                .command(d, &["--json", "article", "show", id])
                .output()
                .expect("copydesk runs");
            assert!(
                shown.status.success(),
                "article show: {}",
                String::from_utf8_lossy(&shown.stderr)
            );
            version = version_of(&serde_json::from_slice(&shown.stdout).expect("json"));
        }
    }
    refusals
}

/// The last confirmed version of each writer's article among the first `cut` records.
fn confirmed_before(log: &Log, cut: usize, start: &[i64]) -> Vec<i64> {
    let mut last = start.to_vec();
    for op in &log.ops[..cut] {
        if let Op::Confirm { what } = op {
            let (writer, version) = what.split_once(' ').expect("writer and version");
            let writer: usize = writer.parse().expect("writer");
            last[writer] = last[writer].max(version.parse().expect("version"));
        }
    }
    last
}

/// Opens the rebuilt desk: it must pass `check`, and each article must be at its last confirmed
/// version or the one after it (a save the disk kept before the CLI could say so), with that
/// version's text. Answers what is wrong.
fn verify(
    files: &BTreeMap<String, Vec<u8>>,
    ids: &[String],
    confirmed: &[i64],
    start: &[i64],
) -> Result<(), String> {
    let desk = TestDesk::empty();
    for (name, bytes) in files {
        std::fs::write(desk.path(name), bytes).map_err(|e| e.to_string())?;
    }
    if !desk.db.exists() {
        return Err("the desk file is gone".into());
    }
    let check = desk.run(None, &["check"]);
    if check.code != 0 {
        return Err(format!("check failed: {}{}", check.stdout, check.stderr));
    }
    for (writer, id) in ids.iter().enumerate() {
        let shown = desk.run(Some(CHIEF), &["--json", "article", "show", id]);
        if shown.code != 0 {
            return Err(format!("article {writer} unreadable: {}", shown.stderr));
        }
        let article: serde_json::Value =
            serde_json::from_str(&shown.stdout).map_err(|e| e.to_string())?;
        let version = version_of(&article);
        let standfirst = article["standfirst"].as_str().unwrap_or_default();
        let want = confirmed[writer];
        if version < want {
            return Err(format!(
                "article {writer}: confirmed save {want} lost (the desk has version {version})"
            ));
        }
        if version > want + 1 {
            return Err(format!(
                "article {writer}: version {version}, past the save in flight after {want}"
            ));
        }
        let expected = if version == start[writer] {
            String::new()
        } else {
            text(writer, version)
        };
        if standfirst != expected {
            return Err(format!(
                "article {writer} at version {version} reads {standfirst:?}, not {expected:?}"
            ));
        }
    }
    Ok(())
}

#[test]
fn every_confirmed_save_survives_a_power_cut_and_the_desk_stays_whole() {
    let cuts = env_number("POWERCUT_CUTS", 100);
    let saves = env_number("POWERCUT_SAVES", 25);
    let d = TestDesk::staffed();
    let ids: Vec<String> = (0..WRITERS)
        .map(|w| d.new_article(CHIEF, &["--headline", &format!("Piece {w}")]))
        .collect();
    let start: Vec<i64> = ids
        .iter()
        .map(|id| version_of(&d.json(Some(CHIEF), &["article", "show", id])))
        .collect();
    let at_start = desk_files(&d);
    let tools = tempfile::tempdir().expect("temp dir");
    let rec = Recorder::new(tools.path());

    let refusals: usize = std::thread::scope(|s| {
        let running: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (d, rec, id, v) = (&d, &rec, &ids[w], start[w]);
                s.spawn(move || write_saves(d, rec, w, id, v, saves))
            })
            .collect();
        running.into_iter().map(|t| t.join().expect("writer")).sum()
    });

    let log = rec.records();
    let count = |f: fn(&Op) -> bool| log.ops.iter().filter(|op| f(op)).count();
    let syncs = count(|op| matches!(op, Op::SyncEnd { .. }));
    let folder_syncs = count(|op| matches!(op, Op::FolderSyncEnd { .. }));
    let writes = count(|op| matches!(op, Op::Write { .. }));
    let confirmed = count(|op| matches!(op, Op::Confirm { .. }));
    assert_eq!(confirmed, WRITERS * saves);
    // A shim that saw nothing would make every cut pass: it must have seen each save synced.
    assert!(
        syncs >= confirmed && folder_syncs > 0 && writes > confirmed,
        "the shim saw too little: {syncs} syncs, {folder_syncs} folder syncs, {writes} writes"
    );

    // The model's self-check: with nothing lost, it rebuilds the files the processes left, and
    // every log as it was when its last process removed it.
    let removed = assert_the_model_rebuilds_the_disk(&at_start, &log, &d);
    assert!(
        removed > 0,
        "no removed log was recorded to check the model with"
    );

    let saved = Saved {
        at_start: &at_start,
        log: &log,
        ids: &ids,
        start: &start,
    };
    assert_lost_saves_are_seen(&saved);

    // The cuts: at random records, just after a confirmation, and in the middle of a sync.
    let seed = env_number("POWERCUT_SEED", 15) as u64;
    let mut rng = Rng::new(seed);
    let confirms: Vec<usize> = positions(&log, |op| matches!(op, Op::Confirm { .. }));
    let sync_ends: Vec<usize> = positions(&log, |op| {
        matches!(op, Op::SyncEnd { .. } | Op::FolderSyncEnd { .. })
    });
    let mut failures = Vec::new();
    let mut saves_checked = 0;
    for c in 0..cuts {
        let cut = match c % 3 {
            0 => rng.below(log.ops.len() as u64 + 1) as usize,
            1 => confirms[rng.below(confirms.len() as u64) as usize] + 1,
            _ => sync_ends[rng.below(sync_ends.len() as u64) as usize] + rng.below(2) as usize,
        };
        let loss = if c % 2 == 0 {
            Loss::AllUnsynced
        } else {
            Loss::Some(rng.next())
        };
        let want = confirmed_before(&log, cut, &start);
        saves_checked += want
            .iter()
            .zip(&start)
            .map(|(w, s)| (w - s) as usize)
            .sum::<usize>();
        if let Err(e) = saved.verify_cut(cut, loss) {
            failures.push(format!(
                "cut {c} after record {cut} of {} ({loss:?}, seed {seed}): {e}",
                log.ops.len()
            ));
        }
    }

    let report = serde_json::json!({
        "cuts": cuts,
        "failed": failures.len(),
        "confirmed_saves_made": confirmed,
        "confirmed_saves_checked_over_all_cuts": saves_checked,
        "refused_saves_retried": refusals,
        "records": log.ops.len(),
        "writes": writes,
        "syncs": syncs,
        "folder_syncs": folder_syncs,
        "removed_logs_checked": removed,
        "seed": seed,
    });
    println!("power loss: {report}");
    if let Ok(path) = std::env::var("POWERCUT_REPORT") {
        std::fs::write(path, report.to_string()).expect("report written");
    }
    assert!(
        failures.is_empty(),
        "{} of {cuts} cuts failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A desk filled by one long process (the sample desk: hundreds of transactions through a second
/// connection of the process, the log left to grow and be copied into the file as SQLite chooses)
/// is whole after a cut anywhere, and holds every article once the fill was confirmed.
#[test]
fn a_desk_cut_off_while_one_long_process_fills_it_opens_whole() {
    let cuts = env_number("POWERCUT_FILL_CUTS", 30);
    let articles = env_number("POWERCUT_FILL_ARTICLES", 80);
    let d = TestDesk::empty();
    let tools = tempfile::tempdir().expect("temp dir");
    let rec = Recorder::new(tools.path());
    let filled = rec
        .command(&d, &["demo", "--articles", &articles.to_string()])
        .output()
        .expect("copydesk runs");
    assert!(
        filled.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&filled.stderr)
    );
    rec.confirm(0, articles as i64);

    let log = rec.records();
    assert_the_model_rebuilds_the_disk(&[], &log, &d);

    let seed = env_number("POWERCUT_SEED", 15) as u64;
    let mut rng = Rng::new(seed);
    let confirmed_at = log.ops.len() - 1;
    let sync_ends: Vec<usize> = positions(&log, |op| {
        matches!(op, Op::SyncEnd { .. } | Op::FolderSyncEnd { .. })
    });
    let mut failures = Vec::new();
    let mut opened = 0;
    for c in 0..cuts {
        let cut = match c % 3 {
            0 => rng.below(log.ops.len() as u64 + 1) as usize,
            1 => sync_ends[rng.below(sync_ends.len() as u64) as usize] + rng.below(2) as usize,
            _ => confirmed_at + usize::from(rng.coin()),
        };
        let loss = if (c / 3) % 2 == 0 {
            Loss::AllUnsynced
        } else {
            Loss::Some(rng.next())
        };
        let files = after_cut(&[], &log, cut, loss).expect("model");
        match verify_fill(&files, (cut > confirmed_at).then_some(articles)) {
            Ok(true) => opened += 1,
            Ok(false) => {}
            Err(e) => failures.push(format!(
                "cut {c} after record {cut} of {} ({loss:?}, seed {seed}): {e}",
                log.ops.len()
            )),
        }
    }
    println!(
        "power loss while filling: {cuts} cuts, {opened} desks opened, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {cuts} cuts failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A cut before the new desk's first transaction reached the disk may leave no file or an empty
/// one (nothing was confirmed yet); anything else must pass `check`, and once the fill was
/// confirmed the desk has all its articles. Answers whether a desk was there to open.
fn verify_fill(
    files: &BTreeMap<String, Vec<u8>>,
    confirmed: Option<usize>,
) -> Result<bool, String> {
    let desk = TestDesk::empty();
    for (name, bytes) in files {
        std::fs::write(desk.path(name), bytes).map_err(|e| e.to_string())?;
    }
    let empty = files.get("desk.db").is_none_or(|b| b.is_empty())
        && files.get("desk.db-wal").is_none_or(|b| b.is_empty());
    if empty {
        return match confirmed {
            Some(_) => Err("the confirmed desk is gone".into()),
            None => Ok(false),
        };
    }
    let check = desk.run(None, &["check"]);
    if check.code != 0 {
        return Err(format!("check failed: {}{}", check.stdout, check.stderr));
    }
    if let Some(articles) = confirmed {
        let list = desk.run(
            Some("Chief Editor"),
            &["--json", "article", "list", "--limit", "500"],
        );
        let list: serde_json::Value =
            serde_json::from_str(&list.stdout).map_err(|e| format!("article list: {e}"))?;
        let found = list["items"].as_array().map_or(0, Vec::len);
        if found != articles {
            return Err(format!(
                "the confirmed fill had {articles} articles; the desk has {found}"
            ));
        }
    }
    Ok(true)
}

/// With nothing lost, the records rebuild the desk's files as the processes left them, and every
/// log as it was when its last process removed it: the shim saw every write. Answers how many
/// removed logs were checked.
fn assert_the_model_rebuilds_the_disk(
    start: &[(String, u64, Vec<u8>)],
    log: &Log,
    d: &TestDesk,
) -> usize {
    let removed = removed_files_match(start, log).expect("the model matches the disk");
    let everything = after_cut(start, log, log.ops.len(), Loss::Nothing).expect("model");
    let on_disk: BTreeMap<String, Vec<u8>> =
        desk_files(d).into_iter().map(|(n, _, b)| (n, b)).collect();
    let sizes = |files: &BTreeMap<String, Vec<u8>>| {
        files
            .iter()
            .map(|(n, b)| (n.clone(), b.len()))
            .collect::<Vec<_>>()
    };
    assert!(
        everything == on_disk,
        "the records rebuild other files than the ones on disk: {:?} vs {:?}",
        sizes(&everything),
        sizes(&on_disk)
    );
    removed
}

/// The saves made, and what is needed to check a cut of them.
struct Saved<'a> {
    at_start: &'a [(String, u64, Vec<u8>)],
    log: &'a Log,
    ids: &'a [String],
    start: &'a [i64],
}

impl Saved<'_> {
    /// The desk rebuilt after a cut after `cut` records, checked against the saves confirmed
    /// before it.
    fn verify_cut(&self, cut: usize, loss: Loss) -> Result<(), String> {
        let files = after_cut(self.at_start, self.log, cut, loss).expect("model");
        verify(
            &files,
            self.ids,
            &confirmed_before(self.log, cut, self.start),
            self.start,
        )
    }
}

/// The checks can fail. On a disk that ignores syncs, the last confirmed save is lost. Nor does a
/// desk that leaves commits in an unsynced log go unnoticed: among the cuts just after a
/// confirmation, with the logs' syncs ignored (as `synchronous = NORMAL` would leave them), some
/// lose the save (one whose process was not the last out, so did not copy its log into the file).
fn assert_lost_saves_are_seen(saved: &Saved) {
    let confirms = positions(saved.log, |op| matches!(op, Op::Confirm { .. }));
    let last = *confirms.last().expect("a confirmation");
    let found = saved.verify_cut(last + 1, Loss::SyncsIgnored);
    assert!(
        found.as_ref().is_err_and(|e| e.contains("lost")),
        "a disk ignoring syncs went unnoticed: {found:?}"
    );
    let caught = confirms.iter().rev().take(40).any(|&at| {
        saved
            .verify_cut(at + 1, Loss::LogSyncsIgnored)
            .is_err_and(|e| e.contains("lost"))
    });
    assert!(caught, "no cut lost a save whose log was never synced");
}

fn positions(log: &Log, f: impl Fn(&Op) -> bool) -> Vec<usize> {
    log.ops
        .iter()
        .enumerate()
        .filter(|(_, op)| f(op))
        .map(|(i, _)| i)
        .collect()
}
