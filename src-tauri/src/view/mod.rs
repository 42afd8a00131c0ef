//! The values commands hand the UI, typed for the generated TypeScript bindings. They mirror the
//! core's model (which knows nothing of specta) and carry no rules of their own.

use copydesk_core::desk::ArticleFilter;
use copydesk_core::model;
use serde::{Deserialize, Serialize};

mod contributors;
mod drafts;
mod import;
mod publishing;
mod search;

pub use contributors::{
    BioVersion, Contributor, ContributorChanges, ContributorPage, NewContributor,
};
pub use drafts::ArticleDraft;
pub use import::{ImportCommitResult, ImportDraft, ImportFilePreview};
pub use publishing::{
    CalendarView, JobPage, JobState, PublishJob, PublishingSettings, SectionSettings,
};
pub use search::{AuditPage, ContributorHit, SearchPage};

/// Where an article stands in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Draft,
    Submitted,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Published,
    Rejected,
    Withdrawn,
}

impl From<model::State> for State {
    fn from(s: model::State) -> Self {
        use model::State as S;
        match s {
            S::Draft => State::Draft,
            S::Submitted => State::Submitted,
            S::InReview => State::InReview,
            S::ChangesRequested => State::ChangesRequested,
            S::Approved => State::Approved,
            S::Scheduled => State::Scheduled,
            S::Published => State::Published,
            S::Rejected => State::Rejected,
            S::Withdrawn => State::Withdrawn,
        }
    }
}

impl From<State> for model::State {
    fn from(s: State) -> Self {
        use model::State as S;
        match s {
            State::Draft => S::Draft,
            State::Submitted => S::Submitted,
            State::InReview => S::InReview,
            State::ChangesRequested => S::ChangesRequested,
            State::Approved => S::Approved,
            State::Scheduled => S::Scheduled,
            State::Published => S::Published,
            State::Rejected => S::Rejected,
            State::Withdrawn => S::Withdrawn,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Contributor,
    Editor,
    Chief,
}

impl From<Role> for model::Role {
    fn from(r: Role) -> Self {
        match r {
            Role::Contributor => model::Role::Contributor,
            Role::Editor => model::Role::Editor,
            Role::Chief => model::Role::Chief,
        }
    }
}

/// A new account, as the chief creates it (a contributor's sign-in from their profile).
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewUser {
    pub name: String,
    pub role: Role,
    /// The contributor this account writes as (id); contributor accounts need one.
    pub contributor_id: Option<String>,
    /// `None` or empty: the account signs in without one.
    pub passphrase: Option<String>,
}

impl From<model::Role> for Role {
    fn from(r: model::Role) -> Self {
        match r {
            model::Role::Contributor => Role::Contributor,
            model::Role::Editor => Role::Editor,
            model::Role::Chief => Role::Chief,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Section {
    pub name: String,
    pub min_words: Option<i32>,
    pub max_words: Option<i32>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DeskSettings {
    pub name: String,
    /// IANA name of the desk's time zone; every time shown is in it.
    pub timezone: String,
    pub sections: Vec<Section>,
}

impl From<model::DeskSettings> for DeskSettings {
    fn from(s: model::DeskSettings) -> Self {
        DeskSettings {
            name: s.name,
            timezone: s.timezone,
            sections: s
                .sections
                .into_iter()
                .map(|s| Section {
                    name: s.name,
                    min_words: s.min_words.map(clamp_i32),
                    max_words: s.max_words.map(clamp_i32),
                })
                .collect(),
        }
    }
}

/// What the window needs before anyone signs in.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DeskStatus {
    /// The desk file this window works on.
    pub db_path: Option<String>,
    /// `None` until the desk has been set up.
    pub settings: Option<DeskSettings>,
    /// Who is signed in on this window, if anyone.
    pub user: Option<User>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub has_passphrase: bool,
    pub contributor_id: Option<String>,
}

impl From<model::User> for User {
    fn from(u: model::User) -> Self {
        User {
            id: u.id,
            name: u.name,
            role: u.role.into(),
            has_passphrase: u.has_passphrase,
            contributor_id: u.contributor_id,
        }
    }
}

/// A name on the sign-in screen: enough to pick an account, nothing more.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SignInChoice {
    pub name: String,
    pub role: Role,
    pub needs_passphrase: bool,
}

impl From<copydesk_core::SignInChoice> for SignInChoice {
    fn from(c: copydesk_core::SignInChoice) -> Self {
        SignInChoice {
            name: c.name,
            role: c.role.into(),
            needs_passphrase: c.needs_passphrase,
        }
    }
}

/// What the welcome screen sends to create the desk.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewDesk {
    pub name: String,
    pub timezone: String,
    pub chief_name: String,
    pub chief_passphrase: Option<String>,
}

/// Which articles a list shows; `None` leaves that filter off.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct ArticleQuery {
    pub state: Option<State>,
    pub section: Option<String>,
    /// A contributor's id, email or name.
    pub contributor: Option<String>,
    /// Only the articles assigned to this editor (user id or name), as in "In review: mine";
    /// needs a state or a contributor.
    pub assigned_editor: Option<String>,
}

impl From<ArticleQuery> for ArticleFilter {
    fn from(q: ArticleQuery) -> Self {
        ArticleFilter {
            state: q.state.map(Into::into),
            section: q.section,
            contributor: q.contributor,
            assigned_editor: q.assigned_editor,
        }
    }
}

/// One line of a queue.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ArticleSummary {
    pub id: String,
    pub headline: String,
    pub state: State,
    pub section: Option<String>,
    pub byline: Vec<String>,
    pub word_count: i32,
    pub assigned_editor: Option<String>,
    /// The version a save must be based on; a JavaScript number holds it exactly.
    #[specta(type = u32)]
    pub version: i64,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// RFC 3339, UTC: when the article entered its present state.
    pub state_changed_at: String,
}

impl From<model::ArticleSummary> for ArticleSummary {
    fn from(a: model::ArticleSummary) -> Self {
        ArticleSummary {
            id: a.id,
            headline: a.headline,
            state: a.state.into(),
            section: a.section,
            byline: a.byline,
            word_count: clamp_i32(a.word_count),
            assigned_editor: a.assigned_editor,
            version: a.version,
            updated_at: a.updated_at.to_rfc3339(),
            state_changed_at: a.state_changed_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    /// Pass back as `after` for the next page; `None` on the last page.
    pub next: Option<String>,
}

impl From<model::Page<model::ArticleSummary>> for ArticlePage {
    fn from(p: model::Page<model::ArticleSummary>) -> Self {
        ArticlePage {
            items: p.items.into_iter().map(Into::into).collect(),
            next: p.next,
        }
    }
}

pub(crate) fn clamp_i32(n: i64) -> i32 {
    n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// What the sample desk was filled with.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SampleReport {
    /// The accounts it added, besides the chief.
    pub users: Vec<String>,
    pub contributors: u32,
    pub articles: u32,
}

impl From<copydesk_core::sample::DemoReport> for SampleReport {
    fn from(r: copydesk_core::sample::DemoReport) -> Self {
        SampleReport {
            users: r.users,
            contributors: u32::try_from(r.contributors).unwrap_or(u32::MAX),
            articles: u32::try_from(r.articles).unwrap_or(u32::MAX),
        }
    }
}

/// A byline contributor with the bio as it will be printed under the article.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Byline {
    pub contributor_id: String,
    pub name: String,
    pub printed_bio: String,
    /// True when the article carries its own bio text rather than the contributor's.
    pub bio_is_own: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RelatedArticle {
    pub id: String,
    pub headline: String,
    pub state: State,
}

/// An article in full. Instants are RFC 3339 in UTC; the UI shows them in the desk's zone.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Article {
    pub id: String,
    pub slug: String,
    pub headline: String,
    pub standfirst: String,
    /// Markdown.
    pub body: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<Byline>,
    pub related: Vec<RelatedArticle>,
    pub state: State,
    #[specta(type = u32)]
    pub version: i64,
    pub word_count: i32,
    pub reading_minutes: i32,
    pub assigned_editor: Option<String>,
    pub approved_by: Option<String>,
    pub embargo_until: Option<String>,
    pub scheduled_at: Option<String>,
    pub published_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub state_changed_at: String,
}

impl From<model::Article> for Article {
    fn from(a: model::Article) -> Self {
        Article {
            id: a.id,
            slug: a.slug,
            headline: a.headline,
            standfirst: a.standfirst,
            body: a.body,
            section: a.section,
            tags: a.tags,
            byline: a
                .byline
                .into_iter()
                .map(|b| Byline {
                    contributor_id: b.contributor_id,
                    name: b.name,
                    printed_bio: b.printed_bio,
                    bio_is_own: b.bio_is_own,
                })
                .collect(),
            related: a
                .related
                .into_iter()
                .map(|r| RelatedArticle {
                    id: r.id,
                    headline: r.headline,
                    state: r.state.into(),
                })
                .collect(),
            state: a.state.into(),
            version: a.version,
            word_count: clamp_i32(a.word_count),
            reading_minutes: clamp_i32(a.reading_minutes),
            assigned_editor: a.assigned_editor,
            approved_by: a.approved_by,
            embargo_until: a.embargo_until.map(|t| t.to_rfc3339()),
            scheduled_at: a.scheduled_at.map(|t| t.to_rfc3339()),
            published_at: a.published_at.map(|t| t.to_rfc3339()),
            created_by: a.created_by,
            created_at: a.created_at.to_rfc3339(),
            updated_at: a.updated_at.to_rfc3339(),
            state_changed_at: a.state_changed_at.to_rfc3339(),
        }
    }
}

/// A workflow move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Submit,
    Claim,
    RequestChanges,
    Resubmit,
    Approve,
    Reject,
    Reopen,
    Schedule,
    Unschedule,
    Publish,
    PublishNow,
    Republish,
    Withdraw,
}

/// One line of a move's checklist.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Check {
    pub label: String,
    pub met: bool,
}

/// A move the signed-in user may make on an article, and what stands in its way.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct MoveOption {
    pub action: Action,
    pub to: State,
    /// Every check met: the core will accept the move as things stand.
    pub ready: bool,
    pub needs_note: bool,
    /// A publication time is part of the move (schedule).
    pub needs_time: bool,
    pub checks: Vec<Check>,
}

/// An editorial note on an article, in thread order.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Note {
    pub id: String,
    pub article_id: String,
    pub parent_id: Option<String>,
    pub author: String,
    pub body: String,
    pub anchor: Option<String>,
    pub created_at: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    /// 0 for a thread's first note, 1 for a reply, and so on.
    pub depth: u32,
}

impl From<model::Note> for Note {
    fn from(n: model::Note) -> Self {
        Note {
            id: n.id,
            article_id: n.article_id,
            parent_id: n.parent_id,
            author: n.author,
            body: n.body,
            anchor: n.anchor,
            created_at: n.created_at.to_rfc3339(),
            resolved_at: n.resolved_at.map(|t| t.to_rfc3339()),
            resolved_by: n.resolved_by,
            depth: n.depth,
        }
    }
}

/// Why a revision was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SaveReason {
    Autosave,
    Save,
    Transition,
    Restore,
}

impl From<model::SaveReason> for SaveReason {
    fn from(r: model::SaveReason) -> Self {
        match r {
            model::SaveReason::Autosave => SaveReason::Autosave,
            model::SaveReason::Save => SaveReason::Save,
            model::SaveReason::Transition => SaveReason::Transition,
            model::SaveReason::Restore => SaveReason::Restore,
        }
    }
}

/// One save of an article: who, when, why.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Revision {
    #[specta(type = u32)]
    pub number: i64,
    #[specta(type = u32)]
    pub version: i64,
    pub author: String,
    /// RFC 3339, UTC.
    pub at: String,
    pub reason: SaveReason,
    /// For a restore: the revision whose text was brought back.
    #[specta(type = Option<u32>)]
    pub restored_from: Option<i64>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RevisionPage {
    pub items: Vec<Revision>,
    pub next: Option<String>,
}

impl From<model::Page<model::RevisionInfo>> for RevisionPage {
    fn from(p: model::Page<model::RevisionInfo>) -> Self {
        RevisionPage {
            items: p
                .items
                .into_iter()
                .map(|r| Revision {
                    number: r.number,
                    version: r.version,
                    author: r.author,
                    at: r.at.to_rfc3339(),
                    reason: r.reason.into(),
                    restored_from: r.restored_from,
                })
                .collect(),
            next: p.next,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

/// A run of words that is the same in both revisions, or only in one.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

impl From<copydesk_core::desk::DiffPart> for DiffPart {
    fn from(p: copydesk_core::desk::DiffPart) -> Self {
        use copydesk_core::desk::DiffPart as P;
        let (kind, text) = match p {
            P::Same(text) => (DiffKind::Same, text),
            P::Added(text) => (DiffKind::Added, text),
            P::Removed(text) => (DiffKind::Removed, text),
        };
        DiffPart { kind, text }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct FieldDiff {
    pub field: String,
    pub parts: Vec<DiffPart>,
}

/// Two revisions compared word by word; unchanged fields are left out.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct RevisionDiff {
    #[specta(type = u32)]
    pub from: i64,
    #[specta(type = u32)]
    pub to: i64,
    pub fields: Vec<FieldDiff>,
    pub words_added: u32,
    pub words_removed: u32,
}

impl From<copydesk_core::desk::RevisionDiff> for RevisionDiff {
    fn from(d: copydesk_core::desk::RevisionDiff) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        RevisionDiff {
            from: d.from,
            to: d.to,
            fields: d
                .fields
                .into_iter()
                .map(|f| FieldDiff {
                    field: f.field.to_owned(),
                    parts: f.parts.into_iter().map(DiffPart::from).collect(),
                })
                .collect(),
            words_added: count(d.words_added),
            words_removed: count(d.words_removed),
        }
    }
}
