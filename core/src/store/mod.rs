//! The store: the only code that speaks SQL. The desk talks to it through `Store` (transactions)
//! and `Tx` (a transaction handle with the newsroom's operations, grouped by entity); SQLite is
//! the embedded implementation. Row types carry the internal keys (`pk`) the engine works with.

pub(crate) mod articles;
pub(crate) mod calendar;
pub(crate) mod changes;
pub(crate) mod contributors;
pub(crate) mod jobs;
pub(crate) mod notes;
#[cfg(feature = "postgres")]
pub(crate) mod postgres;
pub(crate) mod presence;
pub(crate) mod revisions;
pub(crate) mod search;
pub(crate) mod sessions;
pub(crate) mod settings;
pub(crate) mod site;
pub(crate) mod slots;
pub(crate) mod sqlite;
pub(crate) mod transitions;
pub(crate) mod users;

use std::path::Path;

use crate::error::{Error, Result};

pub(crate) use articles::Articles;
pub(crate) use calendar::Calendar;
pub(crate) use contributors::Contributors;
pub(crate) use jobs::Jobs;
pub(crate) use notes::Notes;
pub(crate) use presence::Presence;
pub(crate) use revisions::Revisions;
pub(crate) use search::Search;
pub(crate) use sessions::Sessions;
pub(crate) use settings::Settings;
pub(crate) use site::Site;
pub(crate) use slots::Slots;
pub(crate) use transitions::Transitions;
pub(crate) use users::Users;

/// How hard a commit waits for the disk: `Full` survives power loss, `Normal` survives a crashed
/// or killed process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Full,
    Normal,
}

/// A transaction: every operation through it sees one state and commits, or rolls back, as one.
pub(crate) trait Tx {
    fn articles(&self) -> &dyn Articles;
    fn revisions(&self) -> &dyn Revisions;
    fn contributors(&self) -> &dyn Contributors;
    fn users(&self) -> &dyn Users;
    fn notes(&self) -> &dyn Notes;
    fn presence(&self) -> &dyn Presence;
    fn transitions(&self) -> &dyn Transitions;
    fn jobs(&self) -> &dyn Jobs;
    fn settings(&self) -> &dyn Settings;
    fn slots(&self) -> &dyn Slots;
    fn search(&self) -> &dyn Search;
    fn sessions(&self) -> &dyn Sessions;
    fn site(&self) -> &dyn Site;
    fn calendar(&self) -> &dyn Calendar;
}

/// A body of work run in one transaction. It may be run again when the store must retry the
/// transaction (a server store whose transaction lost a race), so it only reads what it captured.
pub(crate) type Work<'a> = &'a mut dyn FnMut(&dyn Tx) -> Result<()>;

/// Where the desk keeps its data, and how it runs transactions on it.
pub(crate) trait Store: Send + Sync {
    /// Runs `work` in a read transaction: every query in it sees the same state.
    fn run_read(&self, work: Work) -> Result<()>;

    /// Runs `work` in a write transaction that holds what it reads until it commits, so what it
    /// read cannot change before it writes. Any error rolls everything back.
    fn run_write(&self, work: Work) -> Result<()>;

    /// A write for bulk loads: one transaction like `run_write`, committed with `Normal`
    /// durability where the store has such a choice.
    fn run_write_bulk(&self, work: Work) -> Result<()>;

    /// The desk file, for a store kept in one; `None` otherwise.
    fn file(&self) -> Option<&Path>;

    fn set_durability(&self, durability: Durability) -> Result<()>;

    /// Copies the whole desk to `dest`, a new file, as one self-contained database.
    fn backup_to(&self, dest: &Path) -> Result<()>;

    /// Every problem an integrity check finds, or none.
    fn check(&self) -> Result<Vec<String>>;

    /// The space the desk takes, in bytes.
    fn size_bytes(&self) -> Result<i64>;

    /// What the store is, for reports: "SQLite 3.54.1".
    fn describe(&self) -> String;

    /// The store itself, for work between two kinds of store (moving a desk file to a server).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    fn as_any(&self) -> &dyn std::any::Any;

    /// The change feed, where the store keeps one (a team desk's database).
    fn change_feed(&self) -> Option<&dyn changes::ChangeFeed> {
        None
    }
}

impl dyn Store + '_ {
    pub(crate) fn read<T>(&self, f: impl Fn(&dyn Tx) -> Result<T>) -> Result<T> {
        let mut out = None;
        self.run_read(&mut |tx| {
            out = Some(f(tx)?);
            Ok(())
        })?;
        out.ok_or_else(unfinished)
    }

    pub(crate) fn write<T>(&self, f: impl Fn(&dyn Tx) -> Result<T>) -> Result<T> {
        let mut out = None;
        self.run_write(&mut |tx| {
            out = Some(f(tx)?);
            Ok(())
        })?;
        out.ok_or_else(unfinished)
    }

    pub(crate) fn write_bulk<T>(&self, f: impl Fn(&dyn Tx) -> Result<T>) -> Result<T> {
        let mut out = None;
        self.run_write_bulk(&mut |tx| {
            out = Some(f(tx)?);
            Ok(())
        })?;
        out.ok_or_else(unfinished)
    }
}

/// A store that committed without running the work is a bug in the store, never in the data.
fn unfinished() -> Error {
    Error::Corrupt("the store committed a transaction whose work did not run".into())
}

/// A failed job aggregated as `id ␞ attempts ␞ next try (ms) ␞ error` back into its problem.
pub(crate) fn split_problem(joined: Option<String>) -> Option<crate::model::PublishProblem> {
    let joined = joined?;
    let mut parts = joined.splitn(4, '\u{1e}');
    let (id, attempts, retry, error) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    Some(crate::model::PublishProblem {
        job_id: id.to_string(),
        attempts: attempts.parse().unwrap_or(0),
        retry_at: sqlite::instant(retry.parse().unwrap_or(0)),
        error: error.to_string(),
    })
}

/// Splits a byline aggregated as `id ␞ name ␟ id ␞ name` (SQLite's `group_concat`, PostgreSQL's
/// `string_agg`) back into its entries.
pub(crate) fn split_bylines(joined: Option<String>) -> Vec<crate::model::BylineName> {
    let Some(joined) = joined else {
        return Vec::new();
    };
    joined
        .split('\u{1f}')
        .map(|entry| {
            let (id, name) = entry.split_once('\u{1e}').unwrap_or(("", entry));
            crate::model::BylineName {
                contributor_id: id.to_string(),
                name: name.to_string(),
            }
        })
        .collect()
}
