//! What the desk is made of, in the newsroom's words. These are the values the engine hands out;
//! the store maps them to and from rows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        // Serialized exactly as displayed and parsed, so JSON, the CLI and the UI spell alike.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(|e: Error| serde::de::Error::custom(e.to_string()))
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().replace('-', "_") == wanted)
                    .ok_or_else(|| {
                        let known: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        Error::Invalid(format!(
                            "unknown {} “{}”: expected one of {}",
                            stringify!($name).to_ascii_lowercase(),
                            s,
                            known.join(", ")
                        ))
                    })
            }
        }
    };
}

string_enum!(
    /// Where an article stands in the workflow.
    State {
        Draft = "draft",
        Submitted = "submitted",
        InReview = "in_review",
        ChangesRequested = "changes_requested",
        Approved = "approved",
        Scheduled = "scheduled",
        Published = "published",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
    }
);

string_enum!(
    /// What a user account may do on the desk.
    Role {
        Contributor = "contributor",
        Editor = "editor",
        Chief = "chief",
    }
);

string_enum!(
    /// Staff writers versus outside contributors.
    ContributorKind {
        Staff = "staff",
        Guest = "guest",
    }
);

string_enum!(
    /// Why a revision was written.
    SaveReason {
        Autosave = "autosave",
        Save = "save",
        Transition = "transition",
        Restore = "restore",
    }
);

string_enum!(
    /// A workflow action: one row of the transition table.
    Action {
        Submit = "submit",
        Claim = "claim",
        RequestChanges = "request-changes",
        Resubmit = "resubmit",
        Approve = "approve",
        Reject = "reject",
        Reopen = "reopen",
        Schedule = "schedule",
        Unschedule = "unschedule",
        Publish = "publish",
        PublishNow = "publish-now",
        Republish = "republish",
        Withdraw = "withdraw",
    }
);

/// A signed-in user, as every operation receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub has_passphrase: bool,
    /// The contributor this account writes as, if any.
    pub contributor_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contributor {
    pub id: String,
    pub display_name: String,
    pub sort_name: String,
    pub email: Option<String>,
    pub affiliation: String,
    pub kind: ContributorKind,
    pub bio: String,
    pub links: Vec<String>,
    pub private_notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BioVersion {
    pub bio: String,
    pub replaced_at: DateTime<Utc>,
    pub replaced_by: Option<String>,
}

/// One contributor on an article's byline, with the bio printed under the piece.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Byline {
    pub contributor_id: String,
    pub name: String,
    /// The bio as it will be (or was) printed: the article's own text when set, otherwise the
    /// contributor's current bio. Frozen at publication.
    pub printed_bio: String,
    /// True when the article carries its own bio text rather than following the contributor's.
    pub bio_is_own: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedArticle {
    pub id: String,
    pub headline: String,
    pub state: State,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: String,
    pub slug: String,
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<Byline>,
    pub related: Vec<RelatedArticle>,
    pub state: State,
    pub version: i64,
    pub word_count: i64,
    pub reading_minutes: i64,
    pub assigned_editor: Option<String>,
    pub approved_by: Option<String>,
    pub embargo_until: Option<DateTime<Utc>>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub state_changed_at: DateTime<Utc>,
}

/// One line of a queue or list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<String>,
    pub word_count: i64,
    pub assigned_editor: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub state_changed_at: DateTime<Utc>,
}

/// The text of an article at one revision: what a revision stores and a restore brings back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Byline names at the time, for reading history; a restore does not change the byline.
    pub byline: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionInfo {
    pub number: i64,
    pub version: i64,
    pub author: String,
    pub at: DateTime<Utc>,
    pub reason: SaveReason,
    /// For a restore: the revision whose text was brought back.
    pub restored_from: Option<i64>,
    /// Bytes this revision added to storage.
    pub stored_bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransitionRecord {
    pub id: String,
    pub article_id: String,
    pub headline: String,
    pub action: Action,
    pub from: State,
    pub to: State,
    /// The user who acted; `None` for the scheduler.
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub id: String,
    pub article_id: String,
    pub parent_id: Option<String>,
    pub author: String,
    pub body: String,
    pub anchor: Option<String>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<String>,
    /// 0 for a thread's first note, 1 for a reply, and so on.
    pub depth: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub name: String,
    pub min_words: Option<i64>,
    pub max_words: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeskSettings {
    pub name: String,
    pub timezone: String,
    pub sections: Vec<Section>,
}

/// A page of a list, and the cursor that continues it (`None` on the last page).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// A passage of a search snippet; `hit` marks the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<String>,
    pub snippet: Vec<SnippetPart>,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributorHit {
    pub id: String,
    pub display_name: String,
    pub affiliation: String,
    pub snippet: Vec<SnippetPart>,
}

string_enum!(
    /// What a publish job does: `publish` moves a scheduled article to published and writes its
    /// page; `render` writes the pages of an article already published or withdrawn.
    JobKind {
        Publish = "publish",
        Render = "render",
    }
);

string_enum!(
    /// Where a publish job stands. `failed`: the last attempt failed, and it is tried again after
    /// a backoff.
    JobState {
        Pending = "pending",
        Running = "running",
        Done = "done",
        Failed = "failed",
        Cancelled = "cancelled",
    }
);

/// One job of the publish outbox, as the Publishing panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishJob {
    pub id: String,
    pub article_id: String,
    pub headline: String,
    pub kind: JobKind,
    pub due_at: DateTime<Utc>,
    pub state: JobState,
    pub attempts: i64,
    pub next_try_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// How late it was carried out, once done.
    pub late_ms: Option<i64>,
    /// The last failure's words.
    pub error: Option<String>,
}

/// A recurring publication time of a section, in the desk's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Slot {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Minutes after local midnight.
    pub minute: u16,
}

/// A piece on the calendar: scheduled or published, with its instant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarEntry {
    pub article_id: String,
    pub headline: String,
    pub section: Option<String>,
    pub state: State,
    pub at: DateTime<Utc>,
    pub byline: Vec<String>,
    /// Another piece of the same section stands at the same instant.
    pub conflict: bool,
}
