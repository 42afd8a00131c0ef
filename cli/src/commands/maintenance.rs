//! Setting a desk up and looking after its file: init, backup, check, demo, bench.

use std::path::{Path, PathBuf};

use copydesk_core::desk::check_file;
use copydesk_core::{ErrorCode, NewDesk, SystemClock};
use serde_json::json;

use crate::context::{Ctx, Open};
use crate::input::new_passphrase;
use crate::output::{CliResult, Failure, Reply, to_json};

pub fn init(path: PathBuf, desk: &str, tz: &str, chief: &str) -> CliResult<Reply> {
    let existed = path.exists();
    let result = (|| {
        let ctx = Ctx::open(path.clone(), Open::CreateIfMissing, None)?;
        let passphrase = new_passphrase();
        let actor = ctx.desk()?.init(&NewDesk {
            name: desk.to_string(),
            timezone: tz.to_string(),
            chief_name: chief.to_string(),
            chief_passphrase: passphrase,
        })?;
        let settings = ctx.desk()?.settings()?;
        let human = format!(
            "created the desk “{}” at {} (time zone {}); chief editor: {}",
            settings.name,
            ctx.path()?.display(),
            settings.timezone,
            actor.user.name
        );
        let json = json!({ "desk": to_json(&settings)?, "chief": to_json(&actor.user)? });
        Ok(Reply::new(json, human))
    })();
    // A refused init leaves no half-made desk file behind for the next attempt to trip on.
    if result.is_err() && !existed {
        remove_database(&path);
    }
    result
}

/// Creates a team desk in a PostgreSQL database: everyone there signs in with a passphrase, the
/// chief first.
pub fn init_team(database: &str, desk: &str, tz: &str, chief: &str) -> CliResult<Reply> {
    let Some(passphrase) = new_passphrase() else {
        return Err(Failure::usage(
            "on a team desk everyone signs in with a passphrase: give the chief's in COPYDESK_NEW_PASSPHRASE",
        ));
    };
    let team = copydesk_core::Desk::connect(database, std::sync::Arc::new(SystemClock))?;
    let actor = team.init(&NewDesk {
        name: desk.to_string(),
        timezone: tz.to_string(),
        chief_name: chief.to_string(),
        chief_passphrase: Some(passphrase),
    })?;
    let settings = team.settings()?;
    let human = format!(
        "created the team desk “{}” in {} (time zone {}); chief editor: {}",
        settings.name,
        team.storage(),
        settings.timezone,
        actor.user.name
    );
    let json = json!({ "desk": to_json(&settings)?, "chief": to_json(&actor.user)? });
    Ok(Reply::new(json, human))
}

/// Removes a database file this process created, with SQLite's companions.
fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

pub fn backup(ctx: &Ctx, file: &Path) -> CliResult<Reply> {
    if file.exists() {
        return Err(Failure::invalid(format!(
            "{} already exists: a backup never overwrites a file; choose a new name",
            file.display()
        )));
    }
    if let Err(e) = ctx.desk()?.backup_to(file) {
        remove_database(file);
        return Err(Failure::new(
            e.code(),
            format!("cannot write the backup to {}: {e}", file.display()),
        ));
    }
    let problems = match check_file(file) {
        Ok(p) => p,
        Err(e) => vec![e.to_string()],
    };
    if !problems.is_empty() {
        // A copy that fails its check must not be mistaken later for a good backup.
        remove_database(file);
        return Err(Failure::new(
            ErrorCode::CheckFailed,
            format!(
                "the backup failed its check and was removed: {}",
                problems.join("; ")
            ),
        ));
    }
    tidy_after_check(file);
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let human = format!(
        "backed up {} to {} ({bytes} bytes); the copy passed integrity and foreign key checks",
        ctx.path()?.display(),
        file.display()
    );
    Ok(Reply::new(
        json!({ "backup": file, "bytes": bytes, "problems": [] }),
        human,
    ))
}

/// The copy is in WAL mode like the desk, so the read-only check leaves an empty `-wal` and a
/// `-shm` beside it. With no connection open they hold nothing, and a backup is easier to carry
/// as the single file the user named.
fn tidy_after_check(file: &Path) {
    let companion = |suffix: &str| {
        let mut p = file.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let wal = companion("-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
        let _ = std::fs::remove_file(&wal);
        let _ = std::fs::remove_file(companion("-shm"));
    }
}

pub fn check(ctx: &Ctx) -> CliResult<Reply> {
    // Damage bad enough can stop the check itself; that is a finding too, not a crash.
    let problems = ctx
        .desk()?
        .check()
        .map_err(|e| Failure::new(e.code(), format!("the check could not finish: {e}")))?;
    if problems.is_empty() {
        return Ok(Reply::new(
            json!({ "ok": true, "problems": [] }),
            "ok".into(),
        ));
    }
    Err(Failure::new(
        ErrorCode::CheckFailed,
        format!(
            "found {} problem(s) in {}",
            problems.len(),
            ctx.path()?.display()
        ),
    )
    .with_report(
        json!({ "ok": false, "problems": problems }),
        problems.join("\n"),
    ))
}

pub fn demo(path: PathBuf, json: bool, articles: usize) -> CliResult<Reply> {
    let existed = path.exists();
    let result = Ctx::open(path.clone(), Open::CreateIfMissing, None).and_then(|ctx| {
        crate::demo::run(ctx.desk()?, articles, json)?;
        Ok(Reply::Done)
    });
    // Same as init: a sample desk that failed halfway is no desk to start from.
    if result.is_err() && !existed {
        remove_database(&path);
    }
    result
}

pub fn bench(
    articles: usize,
    dir: Option<PathBuf>,
    keep: bool,
    database: Option<String>,
    json: bool,
) -> CliResult<Reply> {
    crate::bench::run(articles, dir, keep, database, json)?;
    Ok(Reply::Done)
}
