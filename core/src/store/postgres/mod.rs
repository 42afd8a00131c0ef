//! The team desk's store: PostgreSQL behind a pool of connections. Write transactions run
//! SERIALIZABLE, so that every rule holds as it does on the desk file's single writer; one that
//! loses a race is run again from the start (its work only reads what it captured). Articles
//! read for a write are locked (`FOR UPDATE`), so two saves of one piece wait for each other
//! rather than fail. Every value is a bound parameter.

mod articles;
mod calendar;
mod changes;
mod contributors;
mod jobs;
mod migrations;
mod notes;
mod presence;
mod revisions;
mod search;
mod sessions;
mod settings;
mod site;
mod transfer;
mod transitions;
mod users;

pub use transfer::{PushReport, TableCount};

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use postgres::types::ToSql;
use postgres::{IsolationLevel, Row, Statement};
use r2d2_postgres::PostgresConnectionManager;
use r2d2_postgres::postgres::NoTls;

use super::{
    Articles, Calendar, Contributors, Durability, Jobs, Notes, Presence, Revisions, Search,
    Sessions, Settings, Site, Slots, Store, Transitions, Tx, Users, Work,
};
use crate::error::{Error, Result};

/// How often a transaction that lost a race is run again before the desk gives up.
const RETRIES: u32 = 12;
/// Connections each server instance keeps open.
const POOL_SIZE: u32 = 16;

/// A pooled connection with the statements it has prepared.
pub(crate) struct PgConn {
    client: postgres::Client,
    statements: HashMap<String, Statement>,
}

/// Opens connections for the pool and keeps their prepared statements beside them.
#[derive(Debug)]
pub(crate) struct Connector(PostgresConnectionManager<NoTls>);

impl r2d2::ManageConnection for Connector {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<PgConn, postgres::Error> {
        Ok(PgConn {
            client: self.0.connect()?,
            statements: HashMap::new(),
        })
    }

    fn is_valid(&self, conn: &mut PgConn) -> std::result::Result<(), postgres::Error> {
        self.0.is_valid(&mut conn.client)
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.client.is_closed()
    }
}

pub(crate) struct PgStore {
    pool: r2d2::Pool<Connector>,
    /// For connections of their own (a listener for changes).
    config: postgres::Config,
    /// `Normal`: commits do not wait for the disk (bulk loads and benchmarks).
    relaxed: AtomicBool,
    version: String,
}

/// A transaction on PostgreSQL: the newsroom's operations as SQL on one pooled connection.
pub(crate) struct PgTx<'a> {
    tx: RefCell<postgres::Transaction<'a>>,
    statements: RefCell<&'a mut HashMap<String, Statement>>,
    /// Reads for a write lock the articles they read.
    write: bool,
    /// The transaction lost a race (serialization failure, deadlock, a concurrent insert of
    /// the same key): running it again may succeed.
    lost_race: Cell<bool>,
}

impl Tx for PgTx<'_> {
    fn articles(&self) -> &dyn Articles {
        self
    }
    fn revisions(&self) -> &dyn Revisions {
        self
    }
    fn contributors(&self) -> &dyn Contributors {
        self
    }
    fn users(&self) -> &dyn Users {
        self
    }
    fn notes(&self) -> &dyn Notes {
        self
    }
    fn presence(&self) -> &dyn Presence {
        self
    }
    fn transitions(&self) -> &dyn Transitions {
        self
    }
    fn jobs(&self) -> &dyn Jobs {
        self
    }
    fn settings(&self) -> &dyn Settings {
        self
    }
    fn slots(&self) -> &dyn Slots {
        self
    }
    fn search(&self) -> &dyn Search {
        self
    }
    fn sessions(&self) -> &dyn Sessions {
        self
    }
    fn site(&self) -> &dyn Site {
        self
    }
    fn calendar(&self) -> &dyn Calendar {
        self
    }
}

pub(crate) type Params<'p> = [&'p (dyn ToSql + Sync)];

impl PgTx<'_> {
    fn statement(&self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = self
            .tx
            .borrow_mut()
            .prepare(sql)
            .map_err(|e| self.fail(e))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }

    pub(crate) fn rows(&self, sql: &str, params: &Params) -> Result<Vec<Row>> {
        let statement = self.statement(sql)?;
        self.tx
            .borrow_mut()
            .query(&statement, params)
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn opt(&self, sql: &str, params: &Params) -> Result<Option<Row>> {
        let statement = self.statement(sql)?;
        self.tx
            .borrow_mut()
            .query_opt(&statement, params)
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn one(&self, sql: &str, params: &Params) -> Result<Row> {
        let statement = self.statement(sql)?;
        self.tx
            .borrow_mut()
            .query_one(&statement, params)
            .map_err(|e| self.fail(e))
    }

    pub(crate) fn exec(&self, sql: &str, params: &Params) -> Result<u64> {
        let statement = self.statement(sql)?;
        self.tx
            .borrow_mut()
            .execute(&statement, params)
            .map_err(|e| self.fail(e))
    }

    /// Runs `COPY … FROM STDIN`, `write` writing its rows; returns what `write` returns.
    pub(crate) fn copy_in(
        &self,
        sql: &str,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<u64>,
    ) -> Result<u64> {
        let mut tx = self.tx.borrow_mut();
        let mut copy = tx.copy_in(sql).map_err(|e| store_error(&e))?;
        let count = write(&mut copy)?;
        copy.finish().map_err(|e| store_error(&e))?;
        Ok(count)
    }

    /// " FOR UPDATE" in a write transaction: what it read of an article stays as read until it
    /// commits, and a second writer of the same piece waits for the first.
    pub(crate) fn lock(&self) -> &'static str {
        if self.write { " FOR UPDATE" } else { "" }
    }

    fn fail(&self, e: postgres::Error) -> Error {
        if lost_race(&e) {
            self.lost_race.set(true);
        }
        store_error(&e)
    }
}

/// A race a retry can win: a serialization failure, a deadlock, or a unique key another
/// transaction took first.
fn lost_race(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::T_R_DEADLOCK_DETECTED
            || *c == SqlState::UNIQUE_VIOLATION
    })
}

/// Whether a key can be looked up at all: PostgreSQL refuses a NUL in text, and no key the
/// desk stores holds one (text is cleaned before it is stored), so a key with one is not there.
pub(crate) fn storable_key(key: &str) -> bool {
    !key.contains('\0')
}

fn store_error(e: &postgres::Error) -> Error {
    if e.code() == Some(&postgres::error::SqlState::CHARACTER_NOT_IN_REPERTOIRE) {
        return Error::Invalid {
            message: "the input holds a NUL character, which the desk cannot store: remove it"
                .into(),
            field: None,
        };
    }
    let detail = match e.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => e.to_string(),
    };
    if e.is_closed() || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>()) {
        Error::Unavailable(format!(
            "the connection to the desk's database was lost ({detail}): nothing was changed; try again when it is back"
        ))
    } else {
        Error::Storage(detail)
    }
}

/// What the desk adds to PostgreSQL's own integrity, checked.
fn consistency_problems(client: &mut postgres::Client) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for row in client
        .query(
            "SELECT a.id, a.version, max(r.version) FROM articles a \
         LEFT JOIN revisions r ON r.article_pk = a.pk \
         GROUP BY a.pk HAVING max(r.version) IS DISTINCT FROM a.version ORDER BY a.pk",
            &[],
        )
        .map_err(|e| store_error(&e))?
    {
        let id: String = get(&row, 0)?;
        let version: i64 = get(&row, 1)?;
        let last: Option<i64> = get(&row, 2)?;
        problems.push(match last {
            Some(last) => format!(
                "article {id} is at version {version} but its last revision is version {last}"
            ),
            None => format!("article {id} has no revisions"),
        });
    }
    let guarded = client
        .query_one(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
         WHERE c.relname = 'transitions' AND c.relnamespace = current_schema()::regnamespace \
         AND t.tgname = 'transitions_no_change' AND t.tgenabled <> 'D'",
            &[],
        )
        .map_err(|e| store_error(&e))?;
    if get::<i64>(&guarded, 0)? != 1 {
        problems.push("the audit log is no longer protected against changes".into());
    }
    Ok(problems)
}

fn pool_error(e: r2d2::Error) -> Error {
    Error::Unavailable(format!(
        "the desk's database does not answer ({e}): check that PostgreSQL is running and reachable; nothing was changed"
    ))
}

/// A row's column as a value: a type the schema does not promise is damage, never a panic.
pub(crate) fn get<'r, T: postgres::types::FromSql<'r>>(row: &'r Row, idx: usize) -> Result<T> {
    row.try_get(idx)
        .map_err(|e| Error::Corrupt(format!("a stored value does not read back: {e}")))
}

pub(crate) fn instant(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

pub(crate) fn opt_instant(ms: Option<i64>) -> Option<DateTime<Utc>> {
    ms.map(instant)
}

pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

impl PgStore {
    /// Connects to the database at `url` (a `postgres://` URL or a `key=value` string) and
    /// brings its schema up to date; a database written by a newer Copydesk is refused and left
    /// as it is.
    pub(crate) fn connect(url: &str) -> Result<PgStore> {
        let mut config: postgres::Config = url.parse().map_err(|e| {
            Error::invalid_field(
                "database",
                format!("“{url}” is not a PostgreSQL address I can read: {e}"),
            )
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        // One connection first, outside the pool: an address that does not answer is reported
        // at once, in words, and the schema is brought up to date before anyone uses it.
        let mut first = config.connect(NoTls).map_err(|e| {
            Error::Unavailable(format!(
                "the desk's database at {} does not answer ({}): check that PostgreSQL is running there and that the address, user and password are right",
                redact(url),
                e.as_db_error().map(|d| d.message().to_string()).unwrap_or_else(|| e.to_string())
            ))
        })?;
        migrations::migrate(&mut first)?;
        let version = first
            .query_one("SHOW server_version", &[])
            .map_err(|e| store_error(&e))
            .and_then(|r| get::<String>(&r, 0))?;
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(8))
            .build_unchecked(Connector(PostgresConnectionManager::new(
                config.clone(),
                NoTls,
            )));
        Ok(PgStore {
            pool,
            config,
            relaxed: AtomicBool::new(false),
            version,
        })
    }

    pub(crate) fn describe_version(&self) -> String {
        format!("PostgreSQL {}", self.version)
    }

    /// Runs `work` once, in one bulk write transaction on a PostgreSQL transaction of its own:
    /// for work that is not run again (a copy streamed from elsewhere).
    pub(crate) fn run_once_bulk(&self, work: &mut dyn FnMut(&PgTx) -> Result<()>) -> Result<()> {
        let mut conn = self.pool.get().map_err(pool_error)?;
        let PgConn { client, statements } = &mut *conn;
        let tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .start()
            .map_err(|e| store_error(&e))?;
        let pg = PgTx {
            tx: RefCell::new(tx),
            statements: RefCell::new(statements),
            write: true,
            lost_race: Cell::new(false),
        };
        pg.tx
            .borrow_mut()
            .batch_execute("SET LOCAL copydesk.bulk = 'on'; SET LOCAL synchronous_commit = off")
            .map_err(|e| store_error(&e))?;
        work(&pg)?;
        pg.tx
            .borrow_mut()
            .batch_execute("SET LOCAL copydesk.bulk = 'off'; SELECT desk_event('desk', NULL)")
            .map_err(|e| store_error(&e))?;
        pg.tx.into_inner().commit().map_err(|e| store_error(&e))
    }

    fn run(&self, write: bool, bulk: bool, work: Work) -> Result<()> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut conn = self.pool.get().map_err(pool_error)?;
            let PgConn { client, statements } = &mut *conn;
            let mut builder = client.build_transaction();
            builder = if write {
                builder.isolation_level(IsolationLevel::Serializable)
            } else {
                builder
                    .isolation_level(IsolationLevel::RepeatableRead)
                    .read_only(true)
            };
            let tx = builder.start().map_err(|e| store_error(&e))?;
            let pg = PgTx {
                tx: RefCell::new(tx),
                statements: RefCell::new(statements),
                write,
                lost_race: Cell::new(false),
            };
            if write && (bulk || self.relaxed.load(Ordering::Relaxed)) {
                pg.tx
                    .borrow_mut()
                    .batch_execute("SET LOCAL synchronous_commit = off")
                    .map_err(|e| store_error(&e))?;
            }
            if bulk {
                pg.tx
                    .borrow_mut()
                    .batch_execute("SET LOCAL copydesk.bulk = 'on'")
                    .map_err(|e| store_error(&e))?;
            }
            let outcome = work(&pg).and_then(|()| {
                if bulk {
                    // The load's rows announced nothing one by one: one event says it all.
                    pg.tx
                        .borrow_mut()
                        .batch_execute(
                            "SET LOCAL copydesk.bulk = 'off'; SELECT desk_event('desk', NULL)",
                        )
                        .map_err(|e| pg.fail(e))?;
                }
                Ok(())
            });
            let lost = pg.lost_race.get();
            let committed = match outcome {
                Ok(()) => pg.tx.into_inner().commit().map_err(|e| {
                    let retry = lost_race(&e);
                    (store_error(&e), retry)
                }),
                Err(e) => Err((e, lost)),
            };
            match committed {
                Ok(()) => return Ok(()),
                Err((_, true)) if attempt < RETRIES => {
                    // Statements stay prepared on the connection; the work runs again.
                    std::thread::sleep(Duration::from_millis(
                        u64::from(attempt) * (1 + rand::random::<u64>() % 5),
                    ));
                }
                Err((e, _)) => return Err(e),
            }
        }
    }
}

impl Store for PgStore {
    fn run_read(&self, work: Work) -> Result<()> {
        self.run(false, false, work)
    }

    fn run_write(&self, work: Work) -> Result<()> {
        self.run(true, false, work)
    }

    fn run_write_bulk(&self, work: Work) -> Result<()> {
        self.run(true, true, work)
    }

    fn file(&self) -> Option<&Path> {
        None
    }

    fn set_durability(&self, durability: Durability) -> Result<()> {
        self.relaxed
            .store(durability == Durability::Normal, Ordering::Relaxed);
        Ok(())
    }

    fn backup_to(&self, _dest: &Path) -> Result<()> {
        Err(Error::invalid(
            "a team desk is backed up by its database's own tools (pg_dump), not copied to a file",
        ))
    }

    /// PostgreSQL keeps its own integrity (constraints, WAL); what is checked here is what the
    /// desk adds on top: every article's history reaches its current version, and the audit log
    /// still refuses changes.
    fn check(&self) -> Result<Vec<String>> {
        let mut conn = self.pool.get().map_err(pool_error)?;
        consistency_problems(&mut conn.client)
    }

    /// The desk's tables with their indexes and TOAST, in its schema: what the desk itself
    /// takes, whatever else the database holds.
    fn size_bytes(&self) -> Result<i64> {
        let mut conn = self.pool.get().map_err(pool_error)?;
        conn.client
            .query_one(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c \
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
                &[],
            )
            .map_err(|e| store_error(&e))
            .and_then(|r| get::<i64>(&r, 0))
    }

    fn describe(&self) -> String {
        self.describe_version()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn change_feed(&self) -> Option<&dyn crate::store::changes::ChangeFeed> {
        Some(self)
    }
}

/// A database address without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:…{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod redaction_tests {
    use super::*;

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact("postgres://desk:s3cret@db.example.org/meridian"),
            "postgres://desk:…@db.example.org/meridian"
        );
        assert_eq!(redact("host=/tmp dbname=x"), "host=/tmp dbname=x");
    }
}
