//! The benchmark desk (DESIGN.md, "The benchmark desk") built in a folder the caller gives, and
//! what editors wait for measured on it through the desk's own operations, beside the bare
//! statements behind the two that matter most (a queue page, opening an article) so that the
//! cost of the surface itself shows. `copydesk bench` prints the figures.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod backup;
mod figures;
mod push;
pub use backup::{BackupUnderLoad, backup_under_load};
use figures::{machine, measure, put_percentiles, put_ratio, raw_fdatasync};
pub use figures::{percentile, round};
pub use push::{WordPressSite, push};

use serde_json::{Map, Value, json};

use crate::desk::{ArticleEdit, ArticleFilter, NewArticle, NewUser, SearchFilter};
use crate::model::{JobState, Role, SaveReason, State};
use crate::sample::{Sampler, as_guests, bench_article, bench_contributors};
use crate::store::Durability;
use crate::store::articles::ListKey;
use crate::store::sqlite::bare::BareStatements;
use crate::{Actor, Desk, Error, ManualClock, NewDesk, Result, SystemClock};

const BATCH: usize = 5000;
/// The bench desk's chief (and the load's, unless told otherwise).
pub const CHIEF: &str = "Bench Chief";
const EDITOR: &str = "Bench Editor";
/// The desk file `run` builds in its folder.
pub const DESK_FILE: &str = "bench.db";

/// Where the benchmark desk is built.
#[derive(Debug, Clone)]
pub enum Target {
    /// A desk file in the folder, with the bare statements and the disk's own figures beside.
    File,
    /// An empty team database (PostgreSQL) at this address; the folder holds the site.
    #[cfg(feature = "postgres")]
    Team { url: String },
}

/// Every bench user's passphrase on a team desk, where everyone must have one.
#[cfg(feature = "postgres")]
pub const TEAM_PASSPHRASE: &str = "bench passphrase";

impl Target {
    fn open(&self, dir: &Path, clock: Arc<dyn crate::Clock>) -> Result<Desk> {
        match self {
            Target::File => Desk::open(&dir.join(DESK_FILE), clock),
            #[cfg(feature = "postgres")]
            Target::Team { url } => Desk::connect(url, clock),
        }
    }

    fn passphrase(&self) -> Option<&'static str> {
        match self {
            Target::File => None,
            #[cfg(feature = "postgres")]
            Target::Team { .. } => Some(TEAM_PASSPHRASE),
        }
    }
}

/// Builds the benchmark desk of `articles` pieces on `target` (files in `dir`) and measures it;
/// `progress` hears what it is doing. The figures are named with their unit (`queue_p99_ms`,
/// `load_articles_per_s`, …).
pub fn run(
    dir: &Path,
    articles: usize,
    target: &Target,
    progress: &mut dyn FnMut(&str),
) -> Result<Map<String, Value>> {
    if articles == 0 {
        return Err(Error::invalid_field(
            "articles",
            "the benchmark needs at least one article",
        ));
    }
    let mut figures = Map::new();
    let mut put = |name: &str, value: Value| {
        figures.insert(name.to_string(), value);
    };
    let desk = target.open(dir, Arc::new(SystemClock))?;
    let passphrase = target.passphrase();
    let chief = desk.init(&NewDesk {
        name: "Benchmark desk".into(),
        timezone: "Europe/London".into(),
        chief_name: CHIEF.into(),
        chief_passphrase: passphrase.map(String::from),
    })?;
    desk.add_user(
        &chief,
        &NewUser {
            name: EDITOR.into(),
            role: Role::Editor,
            contributor: None,
            passphrase: passphrase.map(String::from),
        },
    )?;
    let editor = desk.sign_in(EDITOR, passphrase)?;
    progress(&format!(
        "building the benchmark desk: {articles} articles on {}",
        desk.storage()
    ));

    let loaded = load(&desk, &chief, articles)?;
    put("articles", json!(articles));
    put("contributors", json!(loaded.contributors));
    put("revisions", json!(loaded.revisions));
    put(
        "load_articles_per_s",
        json!(round(articles as f64 / loaded.seconds)),
    );
    put("load_s", json!(round(loaded.seconds)));
    put("db_size_bytes", json!(desk.size_bytes()?));

    progress("measuring");
    let ids = all_ids(&desk, &chief)?;
    let mut s = Sampler::new(99);
    let bare = match target {
        Target::File => Some(BareStatements::open(&dir.join(DESK_FILE))?),
        #[cfg(feature = "postgres")]
        Target::Team { .. } => None,
    };

    // Half the pages are first pages of a queue, half continue one from a cursor.
    let states = [
        State::Published,
        State::Scheduled,
        State::Submitted,
        State::InReview,
        State::Draft,
    ];
    let mut cursors = Vec::new();
    let mut keys: Vec<(State, Option<ListKey>)> = Vec::new();
    for state in states {
        let filter = ArticleFilter {
            state: Some(state),
            ..Default::default()
        };
        let first = desk.list_articles(&editor, &filter, None, 50)?;
        cursors.push((filter, first.next));
        if let Some(bare) = &bare {
            let bare_first = bare.queue_page(state, None, 50)?;
            keys.push((state, bare_first.last().map(|(k, _)| *k)));
        }
    }
    let queue = measure(1000, |i| {
        let (filter, next) = &cursors[i % cursors.len()];
        let after = if i % 2 == 1 { next.as_deref() } else { None };
        std::hint::black_box(desk.list_articles(&editor, filter, after, 50)?);
        Ok(())
    })?;
    put_percentiles(&mut put, "queue", &queue);
    if let Some(bare) = &bare {
        let bare_queue = measure(1000, |i| {
            let (state, key) = keys[i % keys.len()];
            let after = if i % 2 == 1 { key } else { None };
            std::hint::black_box(bare.queue_page(state, after, 51)?);
            Ok(())
        })?;
        put_percentiles(&mut put, "bare_queue", &bare_queue);
        put_ratio(&mut put, "queue", &queue, &bare_queue);
    }

    let open = measure(1000, |i| {
        let id = &ids[(i * 7919) % ids.len()];
        let a = desk.get_article(&editor, id)?;
        std::hint::black_box(a.byline.iter().map(|b| b.printed_bio.len()).sum::<usize>());
        desk.history(&editor, id, None, 20)?;
        Ok(())
    })?;
    put_percentiles(&mut put, "open", &open);
    if let Some(bare) = bare {
        let bare_open = measure(1000, |i| {
            let id = &ids[(i * 7919) % ids.len()];
            std::hint::black_box(bare.open_article(id)?);
            Ok(())
        })?;
        put_percentiles(&mut put, "bare_open", &bare_open);
        put_ratio(&mut put, "open", &open, &bare_open);
    }

    let queries: Vec<String> = (0..200)
        .map(|i| {
            format!(
                "{} {}",
                s.word_at(40 + (i * 37) % 400),
                s.word_at(200 + (i * 53) % 1800)
            )
        })
        .collect();
    let search = measure(200, |i| {
        desk.search(
            &editor,
            &queries[i % queries.len()],
            &SearchFilter::default(),
            None,
            20,
        )?;
        Ok(())
    })?;
    put_percentiles(&mut put, "search", &search);

    let drafts: Vec<String> = desk
        .list_articles(
            &editor,
            &ArticleFilter {
                state: Some(State::Draft),
                ..Default::default()
            },
            None,
            200,
        )?
        .items
        .into_iter()
        .map(|a| a.id)
        .collect();
    match target {
        Target::File => {
            disk_figures(&desk, &editor, &drafts, dir, &mut s, &mut put)?;
            progress("backing up while 4 editors autosave every 200 ms");
            backup_figures(&desk, &editor, &drafts, dir, &mut put)?;
        }
        // A team database commits every autosave to its own disk: one figure, as it runs.
        #[cfg(feature = "postgres")]
        Target::Team { .. } => {
            let times = autosaves(&desk, &editor, &drafts, &mut s, 300)?;
            put_percentiles(&mut put, "autosave", &times);
        }
    }
    publishing(&desk, &editor, dir, target, progress, &mut put)?;
    put("machine", machine(&desk));
    Ok(figures)
}

/// `copydesk backup` of the whole desk while 4 writers autosave every 200 ms (issue 15): how
/// long the backup took, how long saves made meanwhile waited, and whether the copy is whole and
/// the desk at one instant.
fn backup_figures(
    desk: &Desk,
    editor: &Actor,
    drafts: &[String],
    dir: &Path,
    put: &mut impl FnMut(&str, Value),
) -> Result<()> {
    let dest = dir.join("backup-under-load.db");
    let _ = std::fs::remove_file(&dest);
    let writers: Vec<String> = drafts.iter().take(4).cloned().collect();
    let found = backup_under_load(desk, editor, &writers, &dest, Duration::from_millis(200))?;
    put(
        "backup_under_load_s",
        json!(round(found.backup.as_secs_f64())),
    );
    put("backup_under_load_writers", json!(writers.len()));
    put(
        "backup_under_load_saves_during",
        json!(found.waits_during.len()),
    );
    put_percentiles(put, "backup_under_load_save", &found.waits_during);
    put(
        "backup_under_load_save_max_ms",
        json!(round(percentile(&found.waits_during, 100.0))),
    );
    put(
        "backup_under_load_copy_whole",
        json!(found.copy_problems.is_empty() && found.inconsistencies.is_empty()),
    );
    put(
        "backup_under_load_copy_articles",
        json!(found.articles_in_copy),
    );
    let _ = std::fs::remove_file(&dest);
    Ok(())
}

/// Autosaves at both durabilities against the disk's own flush, and what edits add to a file.
fn disk_figures(
    desk: &Desk,
    editor: &Actor,
    drafts: &[String],
    dir: &Path,
    s: &mut Sampler,
    put: &mut impl FnMut(&str, Value),
) -> Result<()> {
    let fsync = raw_fdatasync(dir, 300)?;
    put_percentiles(put, "fdatasync", &fsync);
    for (name, durability) in [
        ("autosave_full", Durability::Full),
        ("autosave_normal", Durability::Normal),
    ] {
        desk.set_durability(durability)?;
        let times = autosaves(desk, editor, drafts, s, 300)?;
        put_percentiles(put, name, &times);
        if durability == Durability::Full {
            put(
                "autosave_full_p50_to_fdatasync_p50",
                json!(round(percentile(&times, 50.0) / percentile(&fsync, 50.0))),
            );
        }
    }
    desk.set_durability(Durability::Full)?;
    put(
        "growth_1000_one_word_edits_bytes",
        json!(edit_growth(dir, s)?),
    );
    Ok(())
}

struct Loaded {
    contributors: usize,
    revisions: usize,
    seconds: f64,
}

/// Generates and loads the desk in batches; only the loading is timed.
fn load(desk: &Desk, chief: &Actor, articles: usize) -> Result<Loaded> {
    let mut s = Sampler::new(2026);
    let n_contributors = (articles / 20).clamp(10, 5000);
    let people = bench_contributors(&mut s, n_contributors);
    let new = as_guests(&people);
    desk.import_archive(chief, &new, &[])?;
    let emails: Vec<String> = people.into_iter().map(|(_, e, _)| e).collect();
    let now = desk.now();
    let mut seconds = 0.0;
    let mut revisions = 0;
    let mut done = 0;
    while done < articles {
        let n = BATCH.min(articles - done);
        let batch: Vec<_> = (0..n)
            .map(|_| bench_article(&mut s, now, &emails, CHIEF, EDITOR))
            .collect();
        revisions += batch.iter().map(|a| a.revisions.len()).sum::<usize>();
        let start = Instant::now();
        desk.import_archive(chief, &[], &batch)?;
        seconds += start.elapsed().as_secs_f64();
        done += n;
    }
    Ok(Loaded {
        contributors: n_contributors,
        revisions,
        seconds,
    })
}

fn all_ids(desk: &Desk, actor: &Actor) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    let mut after = None;
    loop {
        let page = desk.list_articles(actor, &ArticleFilter::default(), after.as_deref(), 500)?;
        ids.extend(page.items.into_iter().map(|a| a.id));
        match page.next {
            Some(n) => after = Some(n),
            None => return Ok(ids),
        }
    }
}

fn autosaves(
    desk: &Desk,
    editor: &Actor,
    drafts: &[String],
    s: &mut Sampler,
    n: usize,
) -> Result<Vec<Duration>> {
    if drafts.is_empty() {
        return Ok(Vec::new());
    }
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let a = desk.get_article(editor, &drafts[i % drafts.len()])?;
        let edit = ArticleEdit {
            body: Some(s.one_word_edit(&a.body)),
            ..Default::default()
        };
        let start = Instant::now();
        desk.save_article(editor, &a.id, a.version, &edit, SaveReason::Autosave)?;
        times.push(start.elapsed());
    }
    Ok(times)
}

/// How much 1,000 one-word autosaves of a 10,000-word article add to a database file, measured
/// on a desk of its own so that pages freed elsewhere cannot hide the growth.
fn edit_growth(dir: &Path, s: &mut Sampler) -> Result<i64> {
    let desk = Desk::open(&dir.join("growth.db"), Arc::new(SystemClock))?;
    let chief = desk.init(&NewDesk {
        name: "Growth".into(),
        timezone: "UTC".into(),
        chief_name: CHIEF.into(),
        chief_passphrase: None,
    })?;
    desk.set_durability(Durability::Normal)?;
    let a = desk.create_article(
        &chief,
        &NewArticle {
            headline: "A very long read".into(),
            body: s.bench_body(10_000),
            ..Default::default()
        },
    )?;
    let before = desk.size_bytes()?;
    let (mut body, mut version) = (a.body, a.version);
    for _ in 0..1000 {
        body = s.one_word_edit(&body);
        let edit = ArticleEdit {
            body: Some(body.clone()),
            ..Default::default()
        };
        version = desk
            .save_article(&chief, &a.id, version, &edit, SaveReason::Autosave)?
            .version;
    }
    Ok(desk.size_bytes()? - before)
}

/// The calendar's month, a full rebuild of the site, and the publisher working through 1,000
/// due jobs (on a second handle whose clock stands 20 days ahead, as after a long outage).
fn publishing(
    desk: &Desk,
    editor: &Actor,
    dir: &Path,
    target: &Target,
    progress: &mut dyn FnMut(&str),
    put: &mut impl FnMut(&str, Value),
) -> Result<()> {
    let now = desk.now();
    let month = desk.calendar(editor, now, now + chrono::Duration::days(30))?;
    put("calendar_month_entries", json!(month.entries.len()));
    let calendar = measure(200, |i| {
        let from = now + chrono::Duration::hours(i as i64 % 24);
        std::hint::black_box(desk.calendar(editor, from, from + chrono::Duration::days(30))?);
        Ok(())
    })?;
    put_percentiles(put, "calendar_month", &calendar);

    let site = dir.join("site");
    let chief = desk.sign_in(CHIEF, target.passphrase())?;
    desk.set_publish_folder(&chief, &site)?;
    progress("rebuilding the whole site");
    let start = Instant::now();
    let pages = desk.rebuild_site(editor)?;
    let seconds = start.elapsed().as_secs_f64();
    put("site_rebuild_pages", json!(pages));
    put("site_rebuild_s", json!(round(seconds)));
    put(
        "site_rebuild_pages_per_s",
        json!(round(pages as f64 / seconds)),
    );

    // The clock stands one second after the thousandth job's due time: the 1,000 earliest jobs
    // are due (about 20 days of the bench desk's schedule), as after a long outage.
    let pending = desk.list_jobs(editor, Some(JobState::Pending), None, 500)?;
    let mut due: Vec<_> = pending.items;
    let mut after = pending.next;
    while let Some(cursor) = after {
        let page = desk.list_jobs(editor, Some(JobState::Pending), Some(&cursor), 500)?;
        due.extend(page.items);
        after = page.next;
    }
    due.sort_by_key(|j| j.due_at);
    let Some(last) = due.get(999).or(due.last()).map(|j| j.due_at) else {
        return Ok(());
    };
    let clock = Arc::new(ManualClock::new(last + chrono::Duration::seconds(1)));
    let later = target.open(dir, clock)?;
    progress("publishing 1,000 due jobs");
    let start = Instant::now();
    let report = later.publish_due()?;
    let seconds = start.elapsed().as_secs_f64();
    put("publish_due_jobs", json!(report.done.len()));
    put("publish_due_failed", json!(report.failed.len()));
    put("publish_due_s", json!(round(seconds)));
    put(
        "publish_due_jobs_per_s",
        json!(round(report.done.len() as f64 / seconds)),
    );
    Ok(())
}
