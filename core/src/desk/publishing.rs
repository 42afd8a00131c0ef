//! The publisher: claims due jobs from the outbox, writes the site, and records each result.
//! Exactly once across processes: a job is claimed under the write lock, and its article moves
//! to published only in the transaction that also marks the job done — after its page was
//! written. A publisher that dies mid-way leaves a lease that runs out; the next one redoes the
//! (idempotent) writes and commits.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::articles::{snapshot_of, write_revision};
use super::schedule::desk_zone;
use super::{Actor, Desk, KEY_NAME, require_role};
use crate::error::{Error, Result};
use crate::model::{Action, JobKind, Role, SaveReason, State};
use crate::site::{
    self, AuthorPage, Piece, PieceLink, PrintedAuthor, SiteFolder, SiteInfo, page_name,
};
use crate::store::Tx;
use crate::store::articles::ArticleRow;
use crate::store::jobs::JobRow;
use crate::store::transitions::NewTransition;
use crate::text::slugify;

/// How long a claim holds before another publisher may take the job over.
const LEASE: Duration = Duration::minutes(5);
/// Jobs claimed at once; the shared pages are written once per batch.
const BATCH: i64 = 500;
/// Pieces on the front page and in the feeds.
const LATEST: i64 = 50;
pub(super) const KEY_SITE_URL: &str = "site_url";

/// One job carried out (or failed) by a publisher run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JobOutcome {
    pub job_id: String,
    pub article_id: String,
    pub headline: String,
    pub kind: JobKind,
    pub due_at: DateTime<Utc>,
    /// How late it was carried out, in milliseconds (0 when on time).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub late_ms: i64,
    /// The page written, relative to the publish folder.
    pub page: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishReport {
    pub done: Vec<JobOutcome>,
    pub failed: Vec<JobOutcome>,
    /// Jobs whose article no longer needed them (unscheduled meanwhile, say).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub cancelled: usize,
}

/// Waiting time before a failed job is tried again: 30 s, doubling, at most an hour.
fn backoff(attempts: i64) -> Duration {
    let exp = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    Duration::seconds((30_i64 << exp).min(3600))
}

fn outcome(
    job: &JobRow,
    now: DateTime<Utc>,
    page: Option<String>,
    error: Option<String>,
) -> JobOutcome {
    JobOutcome {
        job_id: job.job.id.clone(),
        article_id: job.job.article_id.clone(),
        headline: job.job.headline.clone(),
        kind: job.job.kind,
        due_at: job.job.due_at,
        late_ms: (now - job.job.due_at).num_milliseconds().max(0),
        page,
        error,
    }
}

fn author_page_name(name: &str, id: &str) -> String {
    page_name(&slugify(name), id)
}

pub(super) fn site_info(conn: &dyn Tx, folder: &std::path::Path) -> Result<SiteInfo> {
    let url = match conn.settings().get_value(KEY_SITE_URL)? {
        Some(u) => u,
        None => {
            let abs = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
            format!("file://{}", abs.display())
        }
    };
    site_info_at(conn, url)
}

/// What the site says about itself, served from `url`.
pub(super) fn site_info_at(conn: &dyn Tx, url: String) -> Result<SiteInfo> {
    let name = conn
        .settings()
        .get_value(KEY_NAME)?
        .ok_or(Error::NotInitialised)?;
    let url = if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    };
    Ok(SiteInfo {
        name,
        url,
        tz: desk_zone(conn)?,
    })
}

/// The piece as the site prints it. `published_at` overrides the row's for a publication
/// being made now.
fn piece(conn: &dyn Tx, row: &ArticleRow, published_at: Option<DateTime<Utc>>) -> Result<Piece> {
    let byline = conn
        .articles()
        .get_byline(row.pk)?
        .into_iter()
        .map(|(_, b)| PrintedAuthor {
            page: author_page_name(&b.name, &b.contributor_id),
            name: b.name,
            bio: b.printed_bio,
        })
        .collect();
    let posted_by = match row.approved_by.or(row.assigned_editor) {
        Some(pk) => conn.users().get_by_pk(pk)?.map(|u| u.user.name),
        None => None,
    };
    let mut related = Vec::new();
    for (pk, r) in conn.articles().get_related(row.pk)? {
        if r.state != State::Published {
            continue;
        }
        if let Some(other) = conn.articles().get_by_pk(pk)? {
            related.push(PieceLink {
                page: page_name(&other.slug, &other.id),
                headline: other.headline,
                published_at: other.published_at.unwrap_or(other.updated_at),
            });
        }
    }
    let published_at = published_at
        .or(row.published_at)
        .unwrap_or(row.state_changed_at);
    // The text as published: corrections made since show once the piece is republished.
    let text = match conn.articles().published_version(row.pk)? {
        Some(v) if v != row.version => conn
            .revisions()
            .number_of_version(row.pk, v)?
            .map(|n| conn.revisions().snapshot(row.pk, n))
            .transpose()?
            .flatten(),
        _ => None,
    };
    let (headline, standfirst, body, section, tags) = match text {
        Some(s) => (s.headline, s.standfirst, s.body, s.section, s.tags),
        None => (
            row.headline.clone(),
            row.standfirst.clone(),
            row.body.clone(),
            row.section.clone(),
            row.tags.clone(),
        ),
    };
    Ok(Piece {
        id: row.id.clone(),
        page: page_name(&row.slug, &row.id),
        headline,
        standfirst,
        body,
        section,
        tags,
        byline,
        posted_by,
        published_at,
        updates: conn.site().updates(row.pk)?,
        related,
        withdrawn_at: (row.state == State::Withdrawn).then_some(row.state_changed_at),
    })
}

fn links(rows: Vec<crate::store::site::PublishedLink>) -> Vec<PieceLink> {
    rows.into_iter()
        .map(|(_, id, slug, headline, at)| PieceLink {
            page: page_name(&slug, &id),
            headline,
            published_at: at,
        })
        .collect()
}

/// Writes the pages every publication touches: the byline contributors' pages, the front page,
/// the feeds and the sitemap, counting `fresh` (pieces being published now) as published.
fn write_shared(
    conn: &dyn Tx,
    out: &SiteFolder,
    info: &SiteInfo,
    fresh: &[(i64, Piece)],
    authors: &BTreeSet<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    out.write("style.css", site::STYLE.as_bytes())?;
    let fresh_pks: BTreeSet<i64> = fresh.iter().map(|(pk, _)| *pk).collect();
    let fresh_link = |p: &Piece| PieceLink {
        page: p.page.clone(),
        headline: p.headline.clone(),
        published_at: p.published_at,
    };
    for &contributor in authors {
        let Some((_, c)) = conn.contributors().get_by_pk(contributor)? else {
            continue;
        };
        let mut pieces: Vec<PieceLink> = fresh
            .iter()
            .filter(|(pk, _)| {
                conn.articles()
                    .has_byline_contributor(*pk, contributor)
                    .unwrap_or(false)
            })
            .map(|(_, p)| fresh_link(p))
            .collect();
        pieces.extend(links(
            conn.site()
                .by_contributor(contributor)?
                .into_iter()
                .filter(|l| !fresh_pks.contains(&l.0))
                .collect(),
        ));
        pieces.sort_by_key(|p| std::cmp::Reverse(p.published_at));
        let page = AuthorPage {
            page: author_page_name(&c.display_name, &c.id),
            name: c.display_name,
            affiliation: c.affiliation,
            bio: c.bio,
            pieces,
        };
        out.write(
            &format!("contributors/{}.html", page.page),
            site::contributor_page(info, &page).as_bytes(),
        )?;
    }
    let mut latest: Vec<Piece> = fresh.iter().map(|(_, p)| p.clone()).collect();
    for (pk, ..) in conn.site().latest(LATEST)? {
        if fresh_pks.contains(&pk) {
            continue;
        }
        if let Some(row) = conn.articles().get_by_pk(pk)? {
            latest.push(piece(conn, &row, None)?);
        }
    }
    latest.sort_by(|a, b| {
        b.published_at
            .cmp(&a.published_at)
            .then_with(|| b.id.cmp(&a.id))
    });
    latest.truncate(LATEST as usize);
    let index: Vec<PieceLink> = latest.iter().map(fresh_link).collect();
    out.write("index.html", site::index_page(info, &index).as_bytes())?;
    out.write("feed.xml", site::rss(info, &latest, now).as_bytes())?;
    out.write("atom.xml", site::atom(info, &latest, now).as_bytes())?;
    out.write("feed.json", site::json_feed(info, &latest).as_bytes())?;

    let mut pages = vec![(
        "index.html".to_string(),
        latest.first().map_or(now, |p| p.published_at),
    )];
    for (_, p) in fresh {
        pages.push((format!("articles/{}.html", p.page), p.published_at));
    }
    for (pk, id, slug, _, at) in conn.site().all_published()? {
        if !fresh_pks.contains(&pk) {
            pages.push((format!("articles/{}.html", page_name(&slug, &id)), at));
        }
    }
    let mut contributors: BTreeSet<i64> =
        conn.site().published_contributors()?.into_iter().collect();
    contributors.extend(authors.iter().copied());
    for pk in contributors {
        if let Some((_, c)) = conn.contributors().get_by_pk(pk)? {
            pages.push((
                format!(
                    "contributors/{}.html",
                    author_page_name(&c.display_name, &c.id)
                ),
                c.updated_at,
            ));
        }
    }
    out.write("sitemap.xml", site::sitemap(info, &pages).as_bytes())
}

/// What a claimed batch turned out to be once read: pieces to write, jobs whose article no longer
/// wants them, and jobs that cannot go out yet.
pub(super) struct Prepared {
    pub ready: Vec<(JobRow, Piece, BTreeSet<i64>)>,
    pub cancel: Vec<i64>,
    pub failures: Vec<(JobRow, String)>,
}

pub(super) fn prepare(tx: &dyn Tx, claimed: &[JobRow], now: DateTime<Utc>) -> Result<Prepared> {
    let mut batch = Prepared {
        ready: Vec::new(),
        cancel: Vec::new(),
        failures: Vec::new(),
    };
    for job in claimed {
        let Some(row) = tx.articles().get_by_pk(job.article_pk)? else {
            batch.cancel.push(job.pk);
            continue;
        };
        let wanted = match job.job.kind {
            JobKind::Publish => row.state == State::Scheduled,
            JobKind::Render => matches!(row.state, State::Published | State::Withdrawn),
        };
        if !wanted {
            batch.cancel.push(job.pk);
            continue;
        }
        if job.job.kind == JobKind::Publish && row.embargo_until.is_some_and(|e| e > now) {
            batch
                .failures
                .push((job.clone(), "the embargo has not passed yet".into()));
            continue;
        }
        let at = (job.job.kind == JobKind::Publish).then_some(now);
        let authors = tx
            .articles()
            .get_byline(row.pk)?
            .into_iter()
            .map(|(pk, _)| pk)
            .collect();
        batch
            .ready
            .push((job.clone(), piece(tx, &row, at)?, authors));
    }
    Ok(batch)
}

impl Desk {
    /// Publishes every due job (and takes over jobs whose publisher vanished), in due order.
    pub fn publish_due(&self) -> Result<PublishReport> {
        let mut report = PublishReport::default();
        loop {
            let batch = self.publish_batch()?;
            let more = batch.done.len() + batch.failed.len() + batch.cancelled == BATCH as usize;
            report.done.extend(batch.done);
            report.failed.extend(batch.failed);
            report.cancelled += batch.cancelled;
            if !more {
                return Ok(report);
            }
        }
    }

    fn publish_batch(&self) -> Result<PublishReport> {
        let now = self.now();
        let token = self.new_id(now);
        let claimed = self
            .store
            .write(|tx| tx.jobs().claim_due(now, now + LEASE, &token, BATCH))?;
        if claimed.is_empty() {
            return Ok(PublishReport::default());
        }
        match self.wordpress() {
            Ok(Some((target, Ok(wp)))) => {
                return self.push_batch(&claimed, &token, now, &target, &wp);
            }
            Ok(Some((_, Err(e)))) => return self.fail_all(&claimed, &token, now, &e.message),
            Ok(None) => {}
            Err(e) => return self.fail_all(&claimed, &token, now, &e.recorded()),
        }
        // Everything the batch will write, read in one snapshot.
        let folder = self.publish_folder();
        let prepared = self.store.read(|tx| prepare(tx, &claimed, now));
        let site = folder.and_then(|f| {
            let prepared = prepared?;
            let info = self.store.read(|tx| site_info(tx, &f))?;
            Ok((SiteFolder::open(&f)?, info, prepared))
        });
        let (
            out,
            info,
            Prepared {
                ready,
                cancel,
                mut failures,
            },
        ) = match site {
            Ok(s) => s,
            // Nothing could be written: every claimed job fails with the reason.
            Err(e) => return self.fail_all(&claimed, &token, now, &e.recorded()),
        };
        let mut written: Vec<(JobRow, String)> = Vec::new();
        let mut fresh: Vec<(i64, Piece)> = Vec::new();
        let mut authors = BTreeSet::new();
        for (job, p, by) in ready {
            let path = format!("articles/{}.html", p.page);
            match out.write(&path, site::article_page(&info, &p).as_bytes()) {
                Ok(()) => {
                    authors.extend(by);
                    if job.job.kind == JobKind::Publish {
                        fresh.push((job.article_pk, p));
                    }
                    written.push((job, path));
                }
                Err(e) => failures.push((job, e.recorded())),
            }
        }
        if !written.is_empty() {
            let shared = self
                .store
                .read(|tx| write_shared(tx, &out, &info, &fresh, &authors, now));
            if let Err(e) = shared {
                let why = e.recorded();
                failures.extend(written.drain(..).map(|(j, _)| (j, why.clone())));
            }
        }
        self.settle(&token, now, &cancel, failures, &written)
    }

    /// Every claimed job failed for one reason (the site cannot be reached or written at all).
    pub(super) fn fail_all(
        &self,
        claimed: &[JobRow],
        token: &str,
        now: DateTime<Utc>,
        why: &str,
    ) -> Result<PublishReport> {
        self.store.write(|tx| {
            for job in claimed {
                tx.jobs()
                    .fail(job.pk, token, why, now + backoff(job.job.attempts + 1))?;
            }
            Ok(())
        })?;
        Ok(PublishReport {
            failed: claimed
                .iter()
                .map(|j| outcome(j, now, None, Some(why.to_string())))
                .collect(),
            ..PublishReport::default()
        })
    }

    /// Records a batch's results in one transaction: jobs no longer wanted cancelled, failures
    /// kept for a retry, and each job carried out (`written`, with where it went) finished, its
    /// piece moved to published when it was a publication.
    pub(super) fn settle(
        &self,
        token: &str,
        now: DateTime<Utc>,
        cancel: &[i64],
        failures: Vec<(JobRow, String)>,
        written: &[(JobRow, String)],
    ) -> Result<PublishReport> {
        // The transaction may run again after losing a race: what it reports is built inside it.
        let done = self.store.write(|tx| {
            let mut done = Vec::new();
            for pk in cancel {
                tx.jobs().cancel(*pk, now)?;
            }
            for (job, why) in &failures {
                tx.jobs()
                    .fail(job.pk, token, why, now + backoff(job.job.attempts + 1))?;
            }
            for (job, place) in written {
                if !tx.jobs().still_claimed(job.pk, token)? {
                    continue;
                }
                if job.job.kind == JobKind::Publish {
                    self.record_publication(tx, job, now)?;
                }
                let late = (now - job.job.due_at).num_milliseconds().max(0);
                tx.jobs().finish(job.pk, now, late)?;
                done.push(outcome(job, now, Some(place.clone()), None));
            }
            Ok(done)
        })?;
        Ok(PublishReport {
            done,
            failed: failures
                .into_iter()
                .map(|(j, why)| outcome(&j, now, None, Some(why)))
                .collect(),
            cancelled: cancel.len(),
        })
    }

    /// The scheduler's move: scheduled to published, bios frozen, audit row and snapshot.
    fn record_publication(&self, tx: &dyn Tx, job: &JobRow, now: DateTime<Utc>) -> Result<()> {
        let Some(old) = tx.articles().get_by_pk(job.article_pk)? else {
            return Ok(());
        };
        let previous = snapshot_of(tx, &old)?;
        let mut row = old.clone();
        row.state = State::Published;
        row.version += 1;
        row.updated_at = now;
        row.state_changed_at = now;
        row.published_at = Some(now);
        tx.articles().freeze_bios(row.pk)?;
        tx.articles().update_workflow(&row)?;
        tx.articles().set_published_version(row.pk, row.version)?;
        tx.transitions().insert(&NewTransition {
            id: &self.new_id(now),
            article_pk: row.pk,
            action: Action::Publish,
            from: old.state,
            to: State::Published,
            actor_pk: None,
            at: now,
            note: None,
        })?;
        write_revision(
            tx,
            &row,
            job.created_by,
            SaveReason::Transition,
            None,
            Some(&previous),
        )?;
        Ok(())
    }

    /// Writes the whole site again from the database: every published or withdrawn piece, every
    /// published contributor, the front page, the feeds and the sitemap. Returns the pages written.
    pub fn rebuild_site(&self, actor: &Actor) -> Result<usize> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Editor, Role::Chief], "rebuild the site")
        })?;
        let folder = self.publish_folder()?;
        let out = SiteFolder::open(&folder)?;
        let info = self.store.read(|tx| site_info(tx, &folder))?;
        let mut written = 0;
        let mut after = 0;
        loop {
            let pieces = self.store.read(|tx| {
                let pks = tx.site().with_pages(after, 1000)?;
                let mut out = Vec::with_capacity(pks.len());
                for pk in pks {
                    if let Some(row) = tx.articles().get_by_pk(pk)? {
                        out.push((pk, piece(tx, &row, None)?));
                    }
                }
                Ok(out)
            })?;
            let Some((last, _)) = pieces.last() else {
                break;
            };
            after = *last;
            for (_, p) in &pieces {
                out.write(
                    &format!("articles/{}.html", p.page),
                    site::article_page(&info, p).as_bytes(),
                )?;
                written += 1;
            }
        }
        let authors: BTreeSet<i64> = self
            .store
            .read(|tx| tx.site().published_contributors())?
            .into_iter()
            .collect();
        written += authors.len() + 6;
        self.store
            .read(|tx| write_shared(tx, &out, &info, &[], &authors, now))?;
        Ok(written)
    }

    /// Sets the address the site is served from (feeds and the sitemap link to it).
    pub fn set_site_url(&self, actor: &Actor, url: &str) -> Result<String> {
        let url = url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() < 10 {
            return Err(Error::invalid(format!(
                "“{url}” is not a web address: write it like https://news.example.org/"
            )));
        }
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the site's address")?;
            tx.settings().set_value(KEY_SITE_URL, url)?;
            Ok(url.to_string())
        })
    }
}
