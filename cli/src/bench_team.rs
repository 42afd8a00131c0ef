//! `copydesk bench --instance URL --instance URL …`: editors playing against a team desk's
//! servers, as BENCHMARKS.md's "The team desk" describes. Each editor signs in on one instance
//! (in turn), autosaves a one-word edit of a draft of their own every second and reloads a queue
//! page every fifth; meanwhile pieces scheduled for one instant fall due and the instances'
//! publishers share them out. Afterwards every editor's draft is read back (a save acknowledged
//! but not there is a lost update) and every due piece's log is read (published once, exactly).

use std::collections::{HashMap, HashSet};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Utc;
use copydesk_client::Client;
use copydesk_core::api::{
    AddUser, AuditLog, CreateArticle, GetArticle, ListArticles, ListJobs, ListUsers, MoveArticle,
    PublishingSettingsOp, SaveArticle, ScheduleArticle,
};
use copydesk_core::bench::{percentile, round};
use copydesk_core::desk::{ArticleEdit, ArticleFilter, BylineEntry, NewArticle, NewUser, When};
use copydesk_core::model::{Action, Article, ArticleSummary, JobState, Role, State};
use copydesk_core::{ApiError, ErrorCode};
use serde_json::{Map, Value, json};

/// What the load is: where, how many editors, how long, how many pieces fall due.
pub struct Load {
    pub instances: Vec<String>,
    pub editors: usize,
    pub seconds: u64,
    pub due_pieces: usize,
    pub chief: String,
    pub passphrase: String,
}

/// The passphrase of the editors the load adds (and signs in again on a second run).
const EDITOR_PASSPHRASE: &str = "load editor passphrase";

/// One editor's run: what they were told and what they believe is saved.
#[derive(Default)]
struct Played {
    saves: Vec<Duration>,
    queues: Vec<Duration>,
    errors: Vec<String>,
    article: String,
    first_version: i64,
    acknowledged: i64,
    last_body: String,
}

pub fn run(load: &Load, progress: &mut dyn FnMut(&str)) -> Result<Map<String, Value>, ApiError> {
    if load.instances.is_empty() || load.editors == 0 {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "the load needs at least one --instance and one editor",
        ));
    }
    let mut chief = Client::new(&load.instances[0])?;
    chief.sign_in(&load.chief, &load.passphrase)?;
    progress(&format!("signing in {} editors", load.editors));
    let editors = sign_in_editors(&chief, load)?;
    let drafts = chief.call(&ListArticles {
        filter: ArticleFilter {
            state: Some(State::Draft),
            ..Default::default()
        },
        after: None,
        limit: load.editors as u32,
    })?;
    if drafts.items.len() < load.editors {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "the desk has {} drafts: the load needs one for each of the {} editors",
                drafts.items.len(),
                load.editors
            ),
        ));
    }
    progress(&format!("approving {} pieces to fall due", load.due_pieces));
    let due_ids = prepare_due_pieces(&chief, load.due_pieces)?;
    // They fall due a little into the load, all at one instant: the worst case for the publishers.
    let lead = (load.seconds / 4).clamp(1, 20) as i64;
    let due_at = Utc::now() + chrono::Duration::seconds(lead + due_ids.len() as i64 / 100);
    for id in &due_ids {
        chief.call(&ScheduleArticle {
            id: id.clone(),
            when: When::At(due_at.to_rfc3339()),
            note: None,
        })?;
    }
    progress(&format!(
        "{} editors on {} instances for {} s",
        load.editors,
        load.instances.len(),
        load.seconds
    ));
    let started = Instant::now();
    let played: Vec<Played> = thread::scope(|scope| {
        let runs: Vec<_> = editors
            .into_iter()
            .zip(drafts.items.iter().map(|a| a.id.clone()))
            .enumerate()
            .map(|(i, (client, article))| {
                let offset = Duration::from_millis((i as u64 * 1000) / load.editors as u64);
                scope.spawn(move || play(&client, article, offset, load.seconds))
            })
            .collect();
        runs.into_iter()
            .map(|r| r.join().unwrap_or_default())
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    progress("reading every draft back and every due piece's log");
    let lost = lost_updates(&chief, &played)?;
    let (published, twice, late_ms) = published_once(&chief, &due_ids, Duration::from_secs(300))?;

    let saves: Vec<Duration> = played.iter().flat_map(|p| p.saves.clone()).collect();
    let queues: Vec<Duration> = played.iter().flat_map(|p| p.queues.clone()).collect();
    let errors: Vec<&String> = played.iter().flat_map(|p| &p.errors).collect();
    let mut figures = Map::new();
    figures.insert("instances".into(), json!(load.instances.len()));
    figures.insert("editors".into(), json!(load.editors));
    figures.insert("seconds".into(), json!(round(elapsed)));
    for (name, times) in [("save", &saves), ("queue", &queues)] {
        figures.insert(format!("{name}_n"), json!(times.len()));
        figures.insert(
            format!("{name}_p50_ms"),
            json!(round(percentile(times, 50.0))),
        );
        figures.insert(
            format!("{name}_p99_ms"),
            json!(round(percentile(times, 99.0))),
        );
    }
    let requests = saves.len() + queues.len() + errors.len();
    figures.insert(
        "requests_per_s".into(),
        json!(round(requests as f64 / elapsed)),
    );
    figures.insert("errors".into(), json!(errors.len()));
    if let Some(first) = errors.first() {
        figures.insert("first_error".into(), json!(first));
    }
    figures.insert("lost_updates".into(), json!(lost));
    figures.insert("due_pieces".into(), json!(due_ids.len()));
    figures.insert("due_published".into(), json!(published));
    figures.insert("due_published_twice".into(), json!(twice));
    figures.insert("due_latest_ms".into(), json!(late_ms));
    Ok(figures)
}

/// The load's editors, added if they are not yet on the desk, each signed in on an instance
/// in turn.
fn sign_in_editors(chief: &Client, load: &Load) -> Result<Vec<Client>, ApiError> {
    let known: HashSet<String> = chief
        .call(&ListUsers {})?
        .into_iter()
        .map(|u| u.name)
        .collect();
    let mut clients = Vec::with_capacity(load.editors);
    for i in 0..load.editors {
        let name = format!("Load Editor {:02}", i + 1);
        if !known.contains(&name) {
            chief.call(&AddUser {
                user: NewUser {
                    name: name.clone(),
                    role: Role::Editor,
                    contributor: None,
                    passphrase: Some(EDITOR_PASSPHRASE.into()),
                },
            })?;
        }
        let mut client = Client::new(&load.instances[i % load.instances.len()])?;
        client.sign_in(&name, EDITOR_PASSPHRASE)?;
        clients.push(client);
    }
    Ok(clients)
}

/// `n` new pieces, copies of a published one (so they pass its section's checks), submitted,
/// claimed and approved; their ids.
fn prepare_due_pieces(chief: &Client, n: usize) -> Result<Vec<String>, ApiError> {
    if n == 0 {
        return Ok(Vec::new());
    }
    // A published piece whose length its section allows: the copies pass approval's checks.
    let sections = chief.call(&PublishingSettingsOp {})?.sections;
    let fits = |a: &ArticleSummary| {
        let plan = sections
            .iter()
            .find(|p| Some(&p.name) == a.section.as_ref());
        plan.is_none_or(|p| {
            p.min_words.is_none_or(|m| a.word_count >= m)
                && p.max_words.is_none_or(|m| a.word_count <= m)
        })
    };
    let model = chief
        .call(&ListArticles {
            filter: ArticleFilter {
                state: Some(State::Published),
                ..Default::default()
            },
            after: None,
            limit: 200,
        })?
        .items
        .into_iter()
        .find(fits)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidInput,
                "the desk has no published piece within its section's limits to copy",
            )
        })?;
    let model: Article = chief.call(&GetArticle { id: model.id })?;
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let a = chief.call(&CreateArticle {
            article: NewArticle {
                headline: format!("Due piece {} — {}", i + 1, model.headline),
                standfirst: model.standfirst.clone(),
                body: model.body.clone(),
                section: model.section.clone(),
                tags: model.tags.clone(),
                byline: model
                    .byline
                    .iter()
                    .map(|b| BylineEntry::named(b.contributor_id.clone()))
                    .collect(),
                ..Default::default()
            },
        })?;
        for action in [Action::Submit, Action::Claim, Action::Approve] {
            chief.call(&MoveArticle {
                id: a.id.clone(),
                action,
                args: Default::default(),
            })?;
        }
        ids.push(a.id);
    }
    Ok(ids)
}

/// One editor: a one-word autosave every second, a queue page every fifth.
fn play(client: &Client, article: String, offset: Duration, seconds: u64) -> Played {
    let mut played = Played {
        article,
        ..Default::default()
    };
    let current = match client.call(&GetArticle {
        id: played.article.clone(),
    }) {
        Ok(a) => a,
        Err(e) => {
            played.errors.push(format!("{:?}: {}", e.code, e.message));
            return played;
        }
    };
    let (mut version, mut body) = (current.version, current.body);
    played.first_version = version;
    played.last_body = body.clone();
    let start = Instant::now() + offset;
    for tick in 0..seconds {
        let at = start + Duration::from_secs(tick);
        if let Some(wait) = at.checked_duration_since(Instant::now()) {
            thread::sleep(wait);
        }
        let edited = one_word_edit(&body, tick);
        let began = Instant::now();
        let saved = client.call(&SaveArticle {
            id: played.article.clone(),
            base_version: version,
            edit: ArticleEdit {
                body: Some(edited.clone()),
                ..Default::default()
            },
            autosave: true,
        });
        match saved {
            Ok(a) => {
                played.saves.push(began.elapsed());
                version = a.version;
                body = edited;
                played.acknowledged += 1;
                played.last_body = body.clone();
            }
            Err(e) => played
                .errors
                .push(format!("save: {:?}: {}", e.code, e.message)),
        }
        if tick % 5 == 4 {
            let began = Instant::now();
            let page = client.call(&ListArticles {
                filter: ArticleFilter {
                    state: Some(State::InReview),
                    ..Default::default()
                },
                after: None,
                limit: 50,
            });
            match page {
                Ok(_) => played.queues.push(began.elapsed()),
                Err(e) => played
                    .errors
                    .push(format!("queue: {:?}: {}", e.code, e.message)),
            }
        }
    }
    played
}

/// The body with its last word replaced by one naming the tick, as a typist's edit would.
fn one_word_edit(body: &str, tick: u64) -> String {
    let trimmed = body.trim_end();
    let cut = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    format!("{}edit{tick}", &trimmed[..cut])
}

/// Saves acknowledged to an editor that the desk does not hold: the text differs from the last
/// acknowledged one, or fewer versions were made than saves acknowledged.
fn lost_updates(chief: &Client, played: &[Played]) -> Result<usize, ApiError> {
    let mut lost = 0;
    for p in played.iter().filter(|p| !p.article.is_empty()) {
        let a = chief.call(&GetArticle {
            id: p.article.clone(),
        })?;
        if a.body != p.last_body || a.version - p.first_version != p.acknowledged {
            lost += 1;
        }
    }
    Ok(lost)
}

/// Waits (up to `patience`) for every due piece's job to be done, then counts the pieces
/// published and those published more than once (by their logs); and the latest job's delay.
fn published_once(
    chief: &Client,
    ids: &[String],
    patience: Duration,
) -> Result<(usize, usize, i64), ApiError> {
    let wanted: HashSet<&String> = ids.iter().collect();
    let waited = Instant::now();
    let mut done: HashMap<String, i64> = HashMap::new();
    while done.len() < ids.len() && waited.elapsed() < patience {
        done.clear();
        let mut after = None;
        loop {
            let page = chief.call(&ListJobs {
                state: Some(JobState::Done),
                after,
                limit: 500,
            })?;
            for job in page.items {
                done.insert(job.article_id, job.late_ms.unwrap_or(0));
            }
            match page.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        done.retain(|id, _| wanted.contains(id));
        if done.len() < ids.len() {
            thread::sleep(Duration::from_millis(500));
        }
    }
    let mut twice = 0;
    for id in ids {
        let log = chief.call(&AuditLog {
            article: Some(id.clone()),
            user: None,
            after: None,
            limit: 50,
        })?;
        if log
            .items
            .iter()
            .filter(|e| e.action == Action::Publish)
            .count()
            > 1
        {
            twice += 1;
        }
    }
    let latest = done.values().copied().max().unwrap_or(0);
    Ok((done.len(), twice, latest))
}
