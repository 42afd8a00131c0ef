//! Scheduling and publishing: slots, the calendar, the outbox's jobs, the site and the desk's
//! publishing settings.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::operation;
use crate::desk::{Calendar, FreeSlot, PublishingSettings, SectionPlan, TargetCheck, TargetChoice};
use crate::model::{DeskSettings, JobState, Page, PublishJob};

/// A calendar as an iCalendar file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IcsFile {
    pub content: String,
}

/// What a full rebuild of the site wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SiteRebuilt {
    pub pages: u32,
}

operation! {
    /// The section's next `count` publication slots that no scheduled piece holds yet.
    NextFreeSlots as "next_free_slots" {
        section: String,
        count: u32,
    } -> Vec<FreeSlot>,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| {
        let slots = desk.next_free_slots(actor, &op.section, op.count as usize)?;
        Ok(slots
            .into_iter()
            .map(|at| FreeSlot { section: op.section.clone(), at })
            .collect())
    }
}

operation! {
    /// Pieces scheduled or published in `[from, to)` (at most 100 days), with slot conflicts
    /// and overdue pieces marked, and every section's free slots.
    CalendarOp as "calendar" {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    } -> Calendar,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.calendar(actor, op.from, op.to)
}

operation! {
    /// The calendar of `[from, to)` as an iCalendar file.
    ExportIcs as "export_ics" {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    } -> IcsFile,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| Ok(IcsFile { content: desk.export_ics(actor, op.from, op.to)? })
}

operation! {
    /// The outbox's jobs, latest due first, optionally in one state.
    ListJobs as "list_jobs" {
        #[serde(default)]
        state: Option<JobState>,
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<PublishJob>,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.list_jobs(actor, op.state, op.after.as_deref(), op.limit)
}

operation! {
    /// Makes a failed job due again now (never before its own time).
    RetryJob as "retry_job" {
        id: String,
    } -> PublishJob,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.retry_job(actor, &op.id)
}

operation! {
    /// Writes the whole site again: every published or withdrawn piece's page, contributors'
    /// pages, the front page, the feeds and the sitemap.
    RebuildSite as "rebuild_site" {} -> SiteRebuilt,
    errors: [Forbidden, PublishFailed, Io],
    run: |desk, actor, _op| {
        let pages = desk.rebuild_site(actor)?;
        Ok(SiteRebuilt { pages: u32::try_from(pages).unwrap_or(u32::MAX) })
    }
}

operation! {
    /// The publish folder, the site's address and every section's limits and slots.
    PublishingSettingsOp as "publishing_settings" {} -> PublishingSettings,
    errors: [],
    run: |desk, actor, _op| desk.publishing_settings(actor)
}

operation! {
    /// Adds or changes a section: word limits and publication slots together (the chief does);
    /// a bad slot line changes nothing.
    PutSection as "put_section" {
        section: SectionPlan,
    } -> SectionPlan,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.put_section_plan(actor, &op.section)
}

operation! {
    /// Changes the desk's time zone (the chief does): every instant stays, only how it is shown
    /// and typed changes.
    SetTimezone as "set_timezone" {
        zone: String,
    } -> DeskSettings,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| desk.set_timezone(actor, &op.zone)
}

operation! {
    /// Sets the folder the site is published into (the chief does); one that cannot be created
    /// is refused.
    SetPublishFolder as "set_publish_folder" {
        folder: String,
    } -> PublishingSettings,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| {
        desk.set_publish_folder(actor, std::path::Path::new(&op.folder))?;
        desk.publishing_settings(actor)
    }
}

operation! {
    /// Sets the address the site is served from (the chief does): feeds and the sitemap link to
    /// it.
    SetSiteUrl as "set_site_url" {
        url: String,
    } -> PublishingSettings,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| {
        desk.set_site_url(actor, &op.url)?;
        desk.publishing_settings(actor)
    }
}

operation! {
    /// Sets where published pieces go (the chief does): the static site's folder, or a WordPress
    /// site with its address, a user and an application password (left out, the saved one is
    /// kept). The password is kept out of the desk's database and never sent back.
    SetPublishTarget as "set_publish_target" {
        target: TargetChoice,
    } -> PublishingSettings,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, op| {
        desk.set_publish_target(actor, &op.target)?;
        desk.publishing_settings(actor)
    }
}

operation! {
    /// Tries the publish target as the publisher would (editors and the chief): for WordPress,
    /// that it answers, is WordPress with its REST API open, takes the password, and lets the
    /// user publish; what is wrong is said in words.
    TestPublishTarget as "test_publish_target" {} -> TargetCheck,
    errors: [InvalidInput, Forbidden],
    run: |desk, actor, _op| desk.test_publish_target(actor)
}
