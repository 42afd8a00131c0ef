//! Scheduling: publication times in the desk's zone, sections' slots, the calendar, and the
//! outbox's jobs as the Publishing panel reads them.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde::Serialize;

use super::{Actor, Desk, KEY_TIMEZONE, MoveArgs, parse_timezone, require_role};
use crate::cursor;
use crate::desk_time::parse_desk_time;
use crate::error::{Error, Result};
use crate::model::{
    Action, Article, CalendarEntry, JobState, Page, PublishJob, Role, Section, Slot,
};
use crate::slots::{parse_slots, upcoming};
use crate::store::{self, settings};

pub(super) const KEY_PUBLISH_FOLDER: &str = "publish_folder";
/// How far ahead "next free slot" looks.
const SLOT_WEEKS: u32 = 8;
/// The longest calendar window one call reads.
const MAX_CALENDAR_DAYS: i64 = 100;

/// When to publish: a time typed in the desk's zone, or the section's next free slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    At(String),
    NextSlot,
}

/// A section's word limits and publication slots, as desk settings show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionPlan {
    pub section: Section,
    pub slots: Vec<Slot>,
}

/// What the desk's publishing settings hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishingSettings {
    /// `None` for a desk with no file and no folder set.
    pub publish_folder: Option<PathBuf>,
    pub sections: Vec<SectionPlan>,
}

/// A free publication slot of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FreeSlot {
    pub section: String,
    pub at: DateTime<Utc>,
}

/// What the calendar shows for a window: the pieces (conflicts marked) and the free slots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calendar {
    pub entries: Vec<CalendarEntry>,
    pub free_slots: Vec<FreeSlot>,
}

pub(super) fn desk_zone(conn: &Connection) -> Result<Tz> {
    let zone = settings::get_value(conn, KEY_TIMEZONE)?.ok_or(Error::NotInitialised)?;
    parse_timezone(&zone)
}

fn staff_only(me: &store::users::UserRow, what: &str) -> Result<()> {
    require_role(me, &[Role::Editor, Role::Chief], what)
}

impl Desk {
    /// Replaces a section's publication slots with those written in `specs` ("Mon-Fri 08:00").
    pub fn set_section_slots(
        &self,
        actor: &Actor,
        section: &str,
        specs: &[String],
    ) -> Result<Vec<Slot>> {
        let mut slots = Vec::new();
        for spec in specs {
            slots.extend(parse_slots(spec)?);
        }
        slots.sort();
        slots.dedup();
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change a section's publication slots")?;
            let found = settings::get_section(tx, section)?
                .ok_or_else(|| Error::invalid(format!("there is no section “{section}”")))?;
            store::slots::set(tx, &found.name, &slots)?;
            store::slots::list(tx, &found.name)
        })
    }

    /// Adds or changes a section with its word limits and its slots (written like "Mon-Fri
    /// 08:00"), in one transaction: a bad slot line changes nothing.
    pub fn put_section_plan(
        &self,
        actor: &Actor,
        section: &Section,
        slot_lines: &[String],
    ) -> Result<SectionPlan> {
        let mut slots = Vec::new();
        for line in slot_lines {
            slots.extend(parse_slots(line)?);
        }
        slots.sort();
        slots.dedup();
        let section = super::checked_section(section)?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the desk's sections")?;
            settings::put_section(tx, &section)?;
            store::slots::set(tx, &section.name, &slots)?;
            let stored = settings::get_section(tx, &section.name)?.unwrap_or(section.clone());
            Ok(SectionPlan {
                slots: store::slots::list(tx, &stored.name)?,
                section: stored,
            })
        })
    }

    /// The publish folder and every section's limits and slots.
    pub fn publishing_settings(&self, actor: &Actor) -> Result<PublishingSettings> {
        let sections = self.store.read(|tx| {
            self.acting(tx, actor)?;
            let mut out = Vec::new();
            for section in settings::list_sections(tx)? {
                let slots = store::slots::list(tx, &section.name)?;
                out.push(SectionPlan { section, slots });
            }
            Ok(out)
        })?;
        Ok(PublishingSettings {
            publish_folder: self.publish_folder().ok(),
            sections,
        })
    }

    pub fn section_slots(&self, actor: &Actor, section: &str) -> Result<Vec<Slot>> {
        self.store.read(|tx| {
            self.acting(tx, actor)?;
            let found = settings::get_section(tx, section)?
                .ok_or_else(|| Error::invalid(format!("there is no section “{section}”")))?;
            store::slots::list(tx, &found.name)
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
                        Error::invalid("the article has no section, so it has no slots: give it one or a time")
                    })?;
                    let end = now + Duration::weeks(SLOT_WEEKS.into());
                    free_slots(tx, &section, now, end, 1)?.into_iter().next().ok_or_else(|| {
                        Error::invalid(format!(
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
            return Err(Error::invalid(
                "the calendar's end must come after its start",
            ));
        }
        if to - from > Duration::days(MAX_CALENDAR_DAYS) {
            return Err(Error::invalid(format!(
                "a calendar window is at most {MAX_CALENDAR_DAYS} days"
            )));
        }
        self.store.read(|tx| {
            let me = self.acting(tx, actor)?;
            staff_only(&me, "read the calendar")?;
            let mut entries = store::calendar::entries(tx, from, to)?;
            mark_conflicts(&mut entries);
            let tz = desk_zone(tx)?;
            let mut free = Vec::new();
            for section in settings::list_sections(tx)? {
                let slots = store::slots::list(tx, &section.name)?;
                if slots.is_empty() {
                    continue;
                }
                let weeks = u32::try_from((to - from).num_weeks() + 2).unwrap_or(SLOT_WEEKS);
                for at in upcoming(&slots, tz, from - Duration::seconds(1), weeks) {
                    if at >= to {
                        break;
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
            let mut rows = store::jobs::list(tx, state, key, limit + 1)?;
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
            let job = store::jobs::get(tx, job_id)?
                .ok_or_else(|| Error::not_found("publishing job", job_id))?;
            if job.job.state != JobState::Failed {
                return Err(Error::invalid(format!(
                    "the job is {}, not failed: only a failed job is retried",
                    job.job.state
                )));
            }
            // Never before its due time: a failed render retried early is fine, a publication not.
            store::jobs::retry_now(tx, job_id, now.max(job.job.due_at))?
                .map(|r| r.job)
                .ok_or_else(|| Error::not_found("publishing job", job_id))
        })
    }

    /// When the next job may be claimed: the app's scheduler sleeps until then.
    pub fn next_job_due(&self) -> Result<Option<DateTime<Utc>>> {
        self.store.read(|tx| store::jobs::next_wake(tx))
    }

    /// Where the static site is written: the desk's setting, else a `site` folder beside the
    /// desk file.
    pub fn publish_folder(&self) -> Result<PathBuf> {
        if let Some(dir) = self
            .store
            .read(|tx| settings::get_value(tx, KEY_PUBLISH_FOLDER))?
        {
            return Ok(PathBuf::from(dir));
        }
        let db = self.store.path().ok_or_else(|| {
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
        let dir = std::path::absolute(dir)
            .map_err(|e| Error::invalid(format!("{}: {e}", dir.display())))?;
        self.store.write(|tx| {
            let me = self.acting(tx, actor)?;
            require_role(&me, &[Role::Chief], "change the publish folder")?;
            std::fs::create_dir_all(&dir).map_err(|e| {
                Error::invalid(format!(
                    "the publish folder {} cannot be created: {e}",
                    dir.display()
                ))
            })?;
            let text = dir.to_str().ok_or_else(|| {
                Error::invalid(format!(
                    "{} is not a path the desk can store",
                    dir.display()
                ))
            })?;
            settings::set_value(tx, KEY_PUBLISH_FOLDER, text)?;
            Ok(dir.clone())
        })
    }
}

fn free_slots(
    conn: &Connection,
    section: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    count: usize,
) -> Result<Vec<DateTime<Utc>>> {
    let found = settings::get_section(conn, section)?
        .ok_or_else(|| Error::invalid(format!("there is no section “{section}”")))?;
    let slots = store::slots::list(conn, &found.name)?;
    let taken = store::calendar::taken(conn, &found.name, from, to)?;
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
