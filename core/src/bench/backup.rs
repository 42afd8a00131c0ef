//! A backup taken while editors keep typing (issue 15, item 4): writers autosave their drafts on
//! a cadence while `backup_to` copies the desk file, then the copy is checked as a whole and
//! against every save the writers made. The copy must be the desk at one instant: each draft in
//! it is exactly one of the texts its writer saved, every save finished before the backup began
//! is in it, none begun after it ended is.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use crate::desk::ArticleEdit;
use crate::model::SaveReason;
use crate::{Actor, Desk, Result, SystemClock};

/// One writer's save: the version it made, the text it stored, and when it ran.
struct Save {
    version: i64,
    body: String,
    started: Instant,
    took: Duration,
}

/// What a backup under load showed.
#[derive(Debug)]
pub struct BackupUnderLoad {
    pub backup: Duration,
    /// How long each save made while the backup ran took, in order.
    pub waits_during: Vec<Duration>,
    pub saves_total: usize,
    /// What `check` found in the copy (nothing, when it is whole).
    pub copy_problems: Vec<String>,
    /// Every way the copy differs from the desk at one instant (nothing, when it is one).
    pub inconsistencies: Vec<String>,
    pub articles_in_copy: usize,
    pub articles_in_desk: usize,
}

/// Has one writer per draft in `drafts` (as `editor`) autosave every `every` (back to back when
/// zero) while the desk is backed up to `dest`; each writer has saved once before the backup
/// starts and once after it ends. The copy is opened and checked.
pub fn backup_under_load(
    desk: &Desk,
    editor: &Actor,
    drafts: &[String],
    dest: &Path,
    every: Duration,
) -> Result<BackupUnderLoad> {
    let started = Barrier::new(drafts.len() + 1);
    let backup_done = AtomicBool::new(false);
    let (backup, logs) = std::thread::scope(|scope| {
        let writers: Vec<_> = drafts
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let (started, backup_done) = (&started, &backup_done);
                scope.spawn(move || write_on(desk, editor, id, k, every, started, backup_done))
            })
            .collect();
        started.wait();
        let begin = Instant::now();
        let copied = desk.backup_to(dest);
        let end = Instant::now();
        backup_done.store(true, Ordering::SeqCst);
        let logs: Result<Vec<_>> = writers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        (copied.map(|()| (begin, end)), logs)
    });
    let (begin, end) = backup?;
    let logs = logs?;

    let copy = Desk::open(dest, Arc::new(SystemClock))?;
    let copy_problems = copy.check()?;
    let reader = copy.sign_in(&editor.user.name, None)?;
    let mut inconsistencies = Vec::new();
    // One instant for all the drafts: every held version was begun before every version after a
    // held one was finished (a copy that mixed instants across drafts would fail this).
    let mut latest_held_start: Option<Instant> = None;
    let mut earliest_next_finish: Option<Instant> = None;
    for (id, log) in drafts.iter().zip(&logs) {
        let held = copy.get_article(&reader, id)?;
        if let Some(i) = log.iter().position(|s| s.version == held.version) {
            latest_held_start = latest_held_start.max(Some(log[i].started));
            if let Some(next) = log.get(i + 1) {
                let finished = next.started + next.took;
                earliest_next_finish =
                    Some(earliest_next_finish.map_or(finished, |f| f.min(finished)));
            }
        }
        match log.iter().find(|s| s.version == held.version) {
            Some(save) if save.body == held.body => {}
            Some(_) => inconsistencies.push(format!(
                "{id}: the copy's text at version {} is not the one saved",
                held.version
            )),
            None => inconsistencies.push(format!(
                "{id}: the copy holds version {}, which no save made",
                held.version
            )),
        }
        for save in log.iter().skip(1) {
            let finished = save.started + save.took;
            if finished < begin && held.version < save.version {
                inconsistencies.push(format!(
                    "{id}: version {} was saved before the backup began but is not in the copy",
                    save.version
                ));
            }
            if save.started > end && held.version >= save.version {
                inconsistencies.push(format!(
                    "{id}: version {} was saved after the backup ended but is in the copy",
                    save.version
                ));
            }
        }
    }
    if let (Some(held), Some(next)) = (latest_held_start, earliest_next_finish)
        && held > next
    {
        inconsistencies.push(
            "the drafts in the copy are of different instants: one holds a save begun after \
             another's next save had finished"
                .to_string(),
        );
    }
    let waits_during = logs
        .iter()
        .flatten()
        .filter(|s| s.started + s.took >= begin && s.started <= end)
        .map(|s| s.took)
        .collect();
    Ok(BackupUnderLoad {
        backup: end - begin,
        waits_during,
        saves_total: logs.iter().map(|l| l.len() - 1).sum(),
        copy_problems,
        inconsistencies,
        articles_in_copy: super::all_ids(&copy, &reader)?.len(),
        articles_in_desk: super::all_ids(desk, editor)?.len(),
    })
}

/// One writer: the draft as it stood, then a save every `every` until the backup is done and
/// one more save has followed it. The first save is made before the backup may start.
fn write_on(
    desk: &Desk,
    editor: &Actor,
    id: &str,
    k: usize,
    every: Duration,
    started: &Barrier,
    backup_done: &AtomicBool,
) -> Result<Vec<Save>> {
    let first = desk.get_article(editor, id);
    let mut log = Vec::new();
    let mut base = String::new();
    let first_save = first.and_then(|first| {
        base = first.body.clone();
        log.push(Save {
            version: first.version,
            body: first.body,
            started: Instant::now(),
            took: Duration::ZERO,
        });
        save(
            desk,
            editor,
            id,
            first.version,
            format!("{base}\n\nSave 1 by writer {k}."),
        )
    });
    // Whatever the first save did, the backup must not wait for this writer forever.
    started.wait();
    log.push(first_save?);
    let mut n = 1;
    loop {
        let done_before = backup_done.load(Ordering::SeqCst);
        if let Some(rest) = every.checked_sub(log.last().map_or(Duration::ZERO, |s| s.took)) {
            std::thread::sleep(rest);
        }
        n += 1;
        let version = log.last().map_or(0, |s| s.version);
        log.push(save(
            desk,
            editor,
            id,
            version,
            format!("{base}\n\nSave {n} by writer {k}."),
        )?);
        if done_before {
            return Ok(log);
        }
    }
}

fn save(desk: &Desk, editor: &Actor, id: &str, version: i64, body: String) -> Result<Save> {
    let edit = ArticleEdit {
        body: Some(body.clone()),
        ..Default::default()
    };
    let started = Instant::now();
    let saved = desk.save_article(editor, id, version, &edit, SaveReason::Autosave)?;
    Ok(Save {
        version: saved.version,
        body,
        started,
        took: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewDesk;
    use crate::desk::{ArticleFilter, NewUser};
    use crate::model::{Role, State};

    /// The short version of the soak's proof (RELIABILITY.md, item 4): four writers saving back
    /// to back through the desk's writer while it is copied.
    #[test]
    fn a_backup_taken_while_four_editors_type_is_the_desk_at_one_instant() {
        let dir = tempfile::tempdir().unwrap();
        let desk = Desk::open(&dir.path().join("desk.db"), Arc::new(SystemClock)).unwrap();
        let chief = desk
            .init(&NewDesk {
                name: "Backup desk".into(),
                timezone: "Europe/London".into(),
                chief_name: crate::bench::CHIEF.into(),
                chief_passphrase: None,
            })
            .unwrap();
        desk.add_user(
            &chief,
            &NewUser {
                name: super::super::EDITOR.into(),
                role: Role::Editor,
                contributor: None,
                passphrase: None,
            },
        )
        .unwrap();
        let editor = desk.sign_in(super::super::EDITOR, None).unwrap();
        super::super::load(&desk, &chief, 400).unwrap();
        let drafts: Vec<String> = desk
            .list_articles(
                &editor,
                &ArticleFilter {
                    state: Some(State::Draft),
                    ..Default::default()
                },
                None,
                4,
            )
            .unwrap()
            .items
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(drafts.len(), 4);

        // In chunks of 8 pages, so this small desk is copied in many steps, with saves between.
        use crate::store::sqlite::BACKUP_CHUNK_PAGES;
        BACKUP_CHUNK_PAGES.store(8, std::sync::atomic::Ordering::Relaxed);
        let copy = dir.path().join("copy.db");
        let found = backup_under_load(&desk, &editor, &drafts, &copy, Duration::ZERO);
        BACKUP_CHUNK_PAGES.store(4096, std::sync::atomic::Ordering::Relaxed);
        let found = found.unwrap();
        assert!(found.copy_problems.is_empty(), "{:?}", found.copy_problems);
        assert!(
            found.inconsistencies.is_empty(),
            "{:?}",
            found.inconsistencies
        );
        assert_eq!(found.articles_in_copy, 400);
        assert_eq!(found.articles_in_desk, 400);
        assert!(found.saves_total >= 8, "each writer saved before and after");

        // A backup never overwrites a file, and the one refused leaves it as it was.
        let before = std::fs::read(&copy).unwrap();
        let err = desk.backup_to(&copy).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&copy).unwrap(), before);
    }
}
