//! What the desk is made of, in the newsroom's words. These are the values the engine hands out;
//! the store maps them to and from rows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::workflow::Check;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        // Serialized exactly as displayed and parsed, so JSON, the CLI and the UI spell alike.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $(
                $(#[$vm])*
                #[serde(rename = $text)]
                // utoipa does not read a serde rename whose text a macro passed in.
                #[cfg_attr(feature = "openapi", schema(rename = $text))]
                $variant
            ),+
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

        /// Typed forms are forgiving: any case, `-` or `_`, surrounding spaces.
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
                        Error::invalid(format!(
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

impl State {
    /// The state as a sentence says it: "in review", "changes requested".
    pub fn words(self) -> &'static str {
        match self {
            State::InReview => "in review",
            State::ChangesRequested => "changes requested",
            other => other.as_str(),
        }
    }
}

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

impl Action {
    /// The move as a sentence says it: "request changes", "publish now".
    pub fn words(self) -> &'static str {
        match self {
            Action::RequestChanges => "request changes",
            Action::PublishNow => "publish now",
            other => other.as_str(),
        }
    }
}

/// A signed-in user, as every operation receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub has_passphrase: bool,
    /// The contributor this account writes as, if any.
    pub contributor_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// How many articles have them on the byline.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub article_count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BioVersion {
    pub bio: String,
    pub replaced_at: DateTime<Utc>,
    pub replaced_by: Option<String>,
}

/// A byline contributor as a list line names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BylineName {
    pub contributor_id: String,
    pub name: String,
}

/// One contributor on an article's byline, with the bio printed under the piece.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Byline {
    pub contributor_id: String,
    pub name: String,
    /// The bio as it will be (or was) printed: the article's own text when set, otherwise the
    /// contributor's current bio. Frozen at publication.
    pub printed_bio: String,
    /// True when the article carries its own bio text rather than following the contributor's.
    pub bio_is_own: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelatedArticle {
    pub id: String,
    pub headline: String,
    pub state: State,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub version: i64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub word_count: i64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
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
    /// Why its publication failed, while the job waits to be tried again.
    pub publish_problem: Option<PublishProblem>,
    /// What the user who read it may do with it now.
    pub access: Access,
}

/// What a user may do with an article as it stands: decided by the core, shown by the faces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Access {
    /// Whether they may change its text.
    pub can_edit_text: bool,
    /// Why not, in words, when they may not.
    pub edit_refusal: Option<String>,
    /// The moves from its state that their role allows, each with what it still needs.
    pub moves: Vec<MoveOption>,
}

/// A workflow move a user may make on an article, and what stands in its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveOption {
    pub action: Action,
    pub to: State,
    /// Every check is met: the move would be accepted as things stand.
    pub allowed: bool,
    /// The move takes a note saying why.
    pub needs_note: bool,
    /// The move takes a publication time (schedule).
    pub needs_time: bool,
    /// Every condition of the move, the unmet ones first.
    pub checks: Vec<Check>,
}

/// One line of a queue or list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<BylineName>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub word_count: i64,
    pub assigned_editor: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub state_changed_at: DateTime<Utc>,
    /// When a scheduled piece goes out.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Why its publication failed, while the job waits to be tried again.
    pub publish_problem: Option<PublishProblem>,
}

/// A publication that failed: the piece is not out, and its job is tried again at `retry_at`
/// (or at once, with `retry_job`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishProblem {
    pub job_id: String,
    /// The last failure's words: a sentence, then on the lines after it, when there are any,
    /// the technical words behind it (the app shows them under "Details").
    pub error: String,
    /// Attempts so far.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub attempts: i64,
    pub retry_at: DateTime<Utc>,
}

/// The text of an article at one revision: what a revision stores and a restore brings back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Snapshot {
    pub headline: String,
    pub standfirst: String,
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Byline names at the time, for reading history; a restore does not change the byline.
    pub byline: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevisionInfo {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub number: i64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub version: i64,
    pub author: String,
    pub at: DateTime<Utc>,
    pub reason: SaveReason,
    /// For a restore: the revision whose text was brought back.
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub restored_from: Option<i64>,
    /// Bytes this revision added to storage.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub stored_bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// Someone with an article open in an editor, as the desk last heard from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presence {
    pub article_id: String,
    pub user_id: String,
    pub user_name: String,
    /// Since when they have had it open.
    pub since: DateTime<Utc>,
    /// Whether they typed in it in the last few seconds.
    pub typing: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    pub name: String,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub min_words: Option<i64>,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub max_words: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskSettings {
    pub name: String,
    pub timezone: String,
    pub sections: Vec<Section>,
}

/// A page of a list, and the cursor that continues it (`None` on the last page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// A passage of a search snippet; `hit` marks the matched words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<BylineName>,
    pub snippet: Vec<SnippetPart>,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishJob {
    pub id: String,
    pub article_id: String,
    pub headline: String,
    pub kind: JobKind,
    pub due_at: DateTime<Utc>,
    pub state: JobState,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub attempts: i64,
    pub next_try_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// How late it was carried out, once done.
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub late_ms: Option<i64>,
    /// The last failure's words: a sentence, then on the lines after it, when there are any,
    /// the technical words behind it (the app shows them under "Details").
    pub error: Option<String>,
}

/// A recurring publication time of a section, in the desk's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Minutes after local midnight.
    pub minute: u16,
}

/// A piece on the calendar: scheduled or published, with its instant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarEntry {
    pub article_id: String,
    pub headline: String,
    pub section: Option<String>,
    pub state: State,
    pub at: DateTime<Utc>,
    pub byline: Vec<BylineName>,
    /// Another piece of the same section stands at the same instant.
    pub conflict: bool,
    /// Still scheduled though its time has passed by the desk's clock: it has not gone out.
    pub overdue: bool,
}
