//! Scheduling: publication times in the desk's zone, sections' slots, the calendar, and the
//! outbox's jobs as the Publishing panel reads them.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{Actor, Desk, KEY_TIMEZONE, MoveArgs, parse_timezone, require_role};
use crate::cursor;
use crate::desk_time::parse_desk_time;
use crate::error::{Error, Result};
use crate::model::{
    Action, Article, CalendarEntry, JobState, Page, PublishJob, Role, Section, Slot, State,
};
use crate::slots::{parse_slots, slot_label, upcoming};
use crate::store::Tx;

pub(super) const KEY_PUBLISH_FOLDER: &str = "publish_folder";
/// How far ahead "next free slot" looks.
const SLOT_WEEKS: u32 = 8;
/// The longest calendar window one call reads.
const MAX_CALENDAR_DAYS: i64 = 100;

/// When to publish: a time typed in the desk's zone ("2026-12-01 08:00", or with an offset),
/// or the section's next free slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum When {
    At(String),
    NextSlot,
}

/// A section's word limits and publication slots, as the settings show and the chief sets
/// them: slots one per line as the desk writes them ("Mon-Fri 08:00", "Sat 10:30"); read back
/// one slot a line ("Mon 08:00").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionPlan {
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub min_words: Option<i64>,
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub max_words: Option<i64>,
    #[serde(default)]
    pub slots: Vec<String>,
}

impl SectionPlan {
    fn of(section: Section, slots: &[Slot]) -> SectionPlan {
        SectionPlan {
            name: section.name,
            min_words: section.min_words,
            max_words: section.max_words,
            slots: slots.iter().copied().map(slot_label).collect(),
        }
    }
}

/// What the desk's publishing settings hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishingSettings {
    /// Where the site is written; `None` for a desk with no file and no folder set.
    pub publish_folder: Option<String>,
    /// The address the site is served from, when set: feeds and the sitemap link to it.
    pub site_url: Option<String>,
    /// Where published pieces go: the folder above, or a WordPress site.
    pub target: super::PublishTarget,
    pub sections: Vec<SectionPlan>,
}

/// A free publication slot of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FreeSlot {
    pub section: String,
    pub at: DateTime<Utc>,
}

/// What the calendar shows for a window: the pieces (conflicts and overdue pieces marked) and
/// the free slots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Calendar {
    pub entries: Vec<CalendarEntry>,
    pub free_slots: Vec<FreeSlot>,
}

pub(super) fn desk_zone(conn: &dyn Tx) -> Result<Tz> {
    let zone = conn
        .settings()
        .get_value(KEY_TIMEZONE)?
        .ok_or(Error::NotInitialised)?;
    parse_timezone(&zone)
}

fn staff_only(me: &crate::store::users::UserRow, what: &str) -> Result<()> {
    require_role(me, &[Role::Editor, Role::Chief], what)
}

impl Desk {
    /// Adds or changes a section with its word limits and its slots (written like "Mon-Fri
    /// 08:00"), in one transaction: a bad slot line changes nothing.
    pub fn put_section_plan(&self, actor: &Actor, plan: &SectionPlan) -> Result<SectionPlan> {
        let mut slots = Vec::new();
        for line in &plan.slots {
            slots.extend(parse_slots(line).map_err(|e| e.in_field("slots"))?);
        }
        slots.sort();
        slots.dedup();
        let section = super::checked_section(&Section {
            name: plan.name.clone(),
            min_words: plan.min_words,
            max_words: plan.max_words,
        })?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the desk's sections")?;
            tx.settings().put_section(&section)?;
            tx.slots().set(&section.name, &slots)?;
            let stored = tx
                .settings()
                .get_section(&section.name)?
                .unwrap_or(section.clone());
            let slots = tx.slots().list(&stored.name)?;
            Ok(SectionPlan::of(stored, &slots))
        })
    }

    /// The publish folder, the site's address and every section's limits and slots.
    pub fn publishing_settings(&self, actor: &Actor) -> Result<PublishingSettings> {
        let (sections, site_url) = self.store.read(|tx| {
            self.acting(tx, actor)?;
            let mut out = Vec::new();
            for section in tx.settings().list_sections()? {
                let slots = tx.slots().list(&section.name)?;
                out.push(SectionPlan::of(section, &slots));
            }
            Ok((
                out,
                tx.settings().get_value(super::publishing::KEY_SITE_URL)?,
            ))
        })?;
        Ok(PublishingSettings {
            publish_folder: self.publish_folder().ok().map(|f| f.display().to_string()),
            site_url,
            target: self.publish_target(actor)?,
            sections,
        })
    }

    /// The section's next `count` slots that no scheduled piece of the section holds yet.
    pub fn next_free_slots(
        &self,
        actor: &Actor,
        section: &str,
        count: usize,
    ) -> Result<Vec<DateTime<Utc>>> {
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            staff_only(&me, "look up publication slots")?;
            free_slots(
                tx,
                section,
                now,
                now + Duration::weeks(SLOT_WEEKS.into()),
                count,
            )
        })
    }

    /// Schedules (or reschedules) an approved article; the publish job is written with the move.
    pub fn schedule_article(
        &self,
        actor: &Actor,
        id: &str,
        when: &When,
        note: Option<String>,
    ) -> Result<Article> {
        let now = self.now();
        let at = self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            let tz = desk_zone(tx)?;
            match when {
                When::At(text) => parse_desk_time(text, tz),
                When::NextSlot => {
                    let article = super::visible_article(tx, &me, id)?;
                    let section = article.section.ok_or_else(|| {
                        Error::invalid_field("when", "the article has no section, so it has no slots: give it one or a time")
                    })?;
                    let end = now + Duration::weeks(SLOT_WEEKS.into());
                    free_slots(tx, &section, now, end, 1)?.into_iter().next().ok_or_else(|| {
                        Error::invalid_field("when", format!(
                            "{section} has no free publication slot in the next {SLOT_WEEKS} weeks: set its slots, or give a time"
                        ))
                    })
                }
            }
        })?;
        self.move_article(
            actor,
            id,
            Action::Schedule,
            &MoveArgs { note, at: Some(at) },
        )
    }

    /// Pieces scheduled or published in `[from, to)`, with slot conflicts marked, and the free
    /// slots of every section in the window.
    pub fn calendar(
        &self,
        actor: &Actor,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Calendar> {
        if to <= from {
            return Err(Error::invalid_field(
                "to",
                "the calendar's end must come after its start",
            ));
        }
        if to - from > Duration::days(MAX_CALENDAR_DAYS) {
            return Err(Error::invalid_field(
                "to",
                format!("a calendar window is at most {MAX_CALENDAR_DAYS} days"),
            ));
        }
        let now = self.now();
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            staff_only(&me, "read the calendar")?;
            let mut entries = tx.calendar().entries(from, to)?;
            mark_conflicts(&mut entries);
            for e in &mut entries {
                e.overdue = e.state == State::Scheduled && e.at <= now;
            }
            let tz = desk_zone(tx)?;
            let mut free = Vec::new();
            for section in tx.settings().list_sections()? {
                let slots = tx.slots().list(&section.name)?;
                if slots.is_empty() {
                    continue;
                }
                let weeks = u32::try_from((to - from).num_weeks() + 2).unwrap_or(SLOT_WEEKS);
                for at in upcoming(&slots, tz, from - Duration::seconds(1), weeks) {
                    if at >= to {
                        break;
                    }
                    // A slot already past by the desk's clock is no longer free to take.
                    if at <= now {
                        continue;
                    }
                    let held = entries
                        .iter()
                        .any(|e| e.at == at && e.section.as_deref() == Some(section.name.as_str()));
                    if !held {
                        free.push(FreeSlot {
                            section: section.name.clone(),
                            at,
                        });
                    }
                }
            }
            free.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.section.cmp(&b.section)));
            Ok(Calendar {
                entries,
                free_slots: free,
            })
        })
    }

    /// The outbox's jobs, latest due first, optionally in one state.
    pub fn list_jobs(
        &self,
        actor: &Actor,
        state: Option<JobState>,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<PublishJob>> {
        let limit = i64::from(limit.clamp(1, 500));
        let scope = format!("jobs|{}", state.map(JobState::as_str).unwrap_or(""));
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            staff_only(&me, "read the publishing jobs")?;
            let key = after.map(|c| cursor::decode(&scope, c)).transpose()?;
            let mut rows = tx.jobs().list(state, key, limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next = more
                .then(|| {
                    rows.last()
                        .map(|r| cursor::encode(&scope, r.job.due_at.timestamp_millis(), r.pk))
                })
                .flatten();
            Ok(Page {
                items: rows.into_iter().map(|r| r.job).collect(),
                next,
            })
        })
    }

    /// Makes a failed job due again now (the Publishing panel's Retry).
    pub fn retry_job(&self, actor: &Actor, job_id: &str) -> Result<PublishJob> {
        let now = self.now();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            staff_only(&me, "retry a publishing job")?;
            let job = tx
                .jobs()
                .get(job_id)?
                .ok_or_else(|| Error::not_found("publishing job", job_id))?;
            if job.job.state != JobState::Failed {
                return Err(Error::invalid(format!(
                    "the job is {}, not failed: only a failed job is retried",
                    job.job.state
                )));
            }
            // Never before its due time: a failed render retried early is fine, a publication not.
            tx.jobs()
                .retry_now(job_id, now.max(job.job.due_at))?
                .map(|r| r.job)
                .ok_or_else(|| Error::not_found("publishing job", job_id))
        })
    }

    /// When the next job may be claimed: the app's scheduler sleeps until then.
    pub fn next_job_due(&self) -> Result<Option<DateTime<Utc>>> {
        self.store.read(|tx| tx.jobs().next_wake())
    }

    /// Where the static site is written: the desk's setting, else a `site` folder beside the
    /// desk file.
    pub fn publish_folder(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.site_folder {
            return Ok(dir.clone());
        }
        if let Some(dir) = self
            .store
            .read(|tx| tx.settings().get_value(KEY_PUBLISH_FOLDER))?
        {
            return Ok(PathBuf::from(dir));
        }
        let db = self.store.file().ok_or_else(|| {
            Error::invalid("this desk has no file, so it has no default publish folder: set one")
        })?;
        Ok(db
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("site"))
    }

    /// Sets the publish folder, creating it; a folder that cannot be created is refused.
    pub fn set_publish_folder(&self, actor: &Actor, dir: &std::path::Path) -> Result<PathBuf> {
        if dir.as_os_str().is_empty() {
            return Err(Error::invalid("name a folder to publish into"));
        }
        // ".." would make the folder the desk shows a different one from where pages land.
        if dir
            .components()
            .any(|c| c == std::path::Component::ParentDir)
        {
            return Err(Error::invalid_field(
                "folder",
                format!(
                    "name the publish folder without \"..\" ({}): the folder where the pages go, as it is",
                    dir.display()
                ),
            ));
        }
        let dir = std::path::absolute(dir)
            .map_err(|e| Error::invalid(format!("{}: {e}", dir.display())))?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the publish folder")?;
            if let Some(own) = &self.site_folder {
                return Err(Error::forbidden(format!(
                    "this desk's server publishes into {} (copydesk serve --publish-folder): the folder belongs to the server, not to the desk",
                    own.display()
                )));
            }
            std::fs::create_dir_all(&dir).map_err(|e| {
                Error::invalid(format!(
                    "the publish folder {} cannot be created: {}",
                    dir.display(),
                    crate::error::io_words(&e)
                ))
            })?;
            let text = dir.to_str().ok_or_else(|| {
                Error::invalid(format!(
                    "{} is not a path the desk can store",
                    dir.display()
                ))
            })?;
            tx.settings().set_value(KEY_PUBLISH_FOLDER, text)?;
            Ok(dir.clone())
        })
    }
}

fn free_slots(
    conn: &dyn Tx,
    section: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    count: usize,
) -> Result<Vec<DateTime<Utc>>> {
    let found = conn
        .settings()
        .get_section(section)?
        .ok_or_else(|| Error::invalid(format!("there is no section “{section}”")))?;
    let slots = conn.slots().list(&found.name)?;
    let taken = conn.calendar().taken(&found.name, from, to)?;
    let tz = desk_zone(conn)?;
    Ok(upcoming(&slots, tz, from, SLOT_WEEKS)
        .into_iter()
        .filter(|at| *at < to && !taken.contains(at))
        .take(count)
        .collect())
}

/// Two pieces of one section at one instant are allowed, and both flagged. `entries` is in time
/// order, so pieces at one instant stand together.
fn mark_conflicts(entries: &mut [CalendarEntry]) {
    let mut start = 0;
    while start < entries.len() {
        let end = start
            + entries[start..]
                .iter()
                .take_while(|e| e.at == entries[start].at)
                .count();
        for k in start..end {
            let section = &entries[k].section;
            let clash =
                section.is_some() && (start..end).any(|m| m != k && entries[m].section == *section);
            entries[k].conflict = clash;
        }
        start = end;
    }
}
