//! Scheduling and publishing as the calendar, the Publishing panel and desk settings show them.

use copydesk_core::model;
use serde::{Deserialize, Serialize};

use super::State;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CalendarEntry {
    pub article_id: String,
    pub headline: String,
    pub section: Option<String>,
    pub state: State,
    /// RFC 3339, UTC.
    pub at: String,
    pub byline: Vec<String>,
    /// Another piece of the same section stands at the same instant.
    pub conflict: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FreeSlot {
    pub section: String,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct CalendarView {
    pub entries: Vec<CalendarEntry>,
    pub free_slots: Vec<FreeSlot>,
}

impl From<copydesk_core::desk::Calendar> for CalendarView {
    fn from(c: copydesk_core::desk::Calendar) -> Self {
        CalendarView {
            entries: c
                .entries
                .into_iter()
                .map(|e| CalendarEntry {
                    article_id: e.article_id,
                    headline: e.headline,
                    section: e.section,
                    state: e.state.into(),
                    at: e.at.to_rfc3339(),
                    byline: e.byline,
                    conflict: e.conflict,
                })
                .collect(),
            free_slots: c
                .free_slots
                .into_iter()
                .map(|f| FreeSlot {
                    section: f.section,
                    at: f.at.to_rfc3339(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Pending,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl From<model::JobState> for JobState {
    fn from(s: model::JobState) -> Self {
        use model::JobState as S;
        match s {
            S::Pending => JobState::Pending,
            S::Running => JobState::Running,
            S::Done => JobState::Done,
            S::Failed => JobState::Failed,
            S::Cancelled => JobState::Cancelled,
        }
    }
}

impl From<JobState> for model::JobState {
    fn from(s: JobState) -> Self {
        use model::JobState as S;
        match s {
            JobState::Pending => S::Pending,
            JobState::Running => S::Running,
            JobState::Done => S::Done,
            JobState::Failed => S::Failed,
            JobState::Cancelled => S::Cancelled,
        }
    }
}

/// One job of the outbox, as the Publishing panel lists it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PublishJob {
    pub id: String,
    pub article_id: String,
    pub headline: String,
    /// "publish" (a scheduled piece going out) or "render" (a page rewritten: publish now,
    /// withdrawal).
    pub kind: String,
    /// RFC 3339, UTC.
    pub due_at: String,
    pub state: JobState,
    pub attempts: u32,
    /// When a failed job is tried again (RFC 3339, UTC).
    pub next_try_at: String,
    pub finished_at: Option<String>,
    /// How late it went out, in seconds, once done.
    pub late_seconds: Option<u32>,
    pub error: Option<String>,
}

impl From<model::PublishJob> for PublishJob {
    fn from(j: model::PublishJob) -> Self {
        PublishJob {
            id: j.id,
            article_id: j.article_id,
            headline: j.headline,
            kind: j.kind.as_str().to_owned(),
            due_at: j.due_at.to_rfc3339(),
            state: j.state.into(),
            attempts: u32::try_from(j.attempts).unwrap_or(u32::MAX),
            next_try_at: j.next_try_at.to_rfc3339(),
            finished_at: j.finished_at.map(|t| t.to_rfc3339()),
            late_seconds: j
                .late_ms
                .map(|ms| u32::try_from(ms / 1000).unwrap_or(u32::MAX)),
            error: j.error,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct JobPage {
    pub items: Vec<PublishJob>,
    pub next: Option<String>,
}

impl From<model::Page<model::PublishJob>> for JobPage {
    fn from(p: model::Page<model::PublishJob>) -> Self {
        JobPage {
            items: p.items.into_iter().map(Into::into).collect(),
            next: p.next,
        }
    }
}

/// A section's settings as the desk settings screen edits them: limits and slots.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct SectionSettings {
    pub name: String,
    pub min_words: Option<u32>,
    pub max_words: Option<u32>,
    /// Slot lines as the desk writes them ("Mon-Fri 08:00 12:00"); shown back one per slot
    /// ("Mon 08:00").
    pub slots: Vec<String>,
}

impl SectionSettings {
    /// The limits as the core stores them, and the slot lines as typed.
    pub fn into_parts(self) -> (model::Section, Vec<String>) {
        let limits = model::Section {
            name: self.name,
            min_words: self.min_words.map(i64::from),
            max_words: self.max_words.map(i64::from),
        };
        (limits, self.slots)
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PublishingSettings {
    pub publish_folder: Option<String>,
    pub sections: Vec<SectionSettings>,
}

impl From<copydesk_core::desk::PublishingSettings> for PublishingSettings {
    fn from(p: copydesk_core::desk::PublishingSettings) -> Self {
        PublishingSettings {
            publish_folder: p.publish_folder.map(|f| f.display().to_string()),
            sections: p
                .sections
                .into_iter()
                .map(|plan| SectionSettings {
                    min_words: plan.section.min_words.and_then(|n| u32::try_from(n).ok()),
                    max_words: plan.section.max_words.and_then(|n| u32::try_from(n).ok()),
                    slots: plan
                        .slots
                        .into_iter()
                        .map(copydesk_core::slots::slot_label)
                        .collect(),
                    name: plan.section.name,
                })
                .collect(),
        }
    }
}
