//! The desk's operations: the one surface every face reaches the desk through. Each operation
//! is a type whose fields are its input; it names its output, the errors it can give, and runs
//! on a `Desk` as a signed-in user. The app's IPC, the CLI and the server call these and nothing
//! else; `for_each_operation!` lists them once, so a face generates its commands or routes from
//! the list and `docs/api.md` is checked against it.

mod articles;
mod contributors;
pub mod doc;
mod import;
mod people;
mod publishing;
mod search;

// Every type an operation takes or gives, so that `use copydesk_core::api::*` is a face's one
// import.
pub use crate::desk::{
    ArticleEdit, ArticleFilter, BylineEntry, BylineMatch, Calendar, ContributorEdit, DiffKind,
    DiffPart, ExistingContributor, FieldDiff, FreeSlot, ImportByline, ImportDraft, ImportFile,
    ImportOutcome, ImportPreview, Imported, ImportedContributor, MatchedBy, MoveArgs, NewArticle,
    NewContributor, NewDesk, NewUser, PublishTarget, PublishingSettings, Resolution, RevisionDiff,
    RevisionText, SampleReport, SearchFilter, SectionPlan, Session, SignInChoice, SignedIn, When,
};
pub use crate::desk::{Milestones, PasswordPlace, TargetCheck, TargetChoice};
pub use crate::error::{ApiError, ErrorCode, ErrorDetails};
pub use crate::import::Format;
pub use crate::model::{
    Access, Action, Article, ArticleSummary, BioVersion, Byline, BylineName, CalendarEntry,
    Contributor, ContributorHit, ContributorKind, DeskSettings, JobKind, JobState, MoveOption,
    Note, Page, Presence, PublishJob, RelatedArticle, RevisionInfo, Role, SaveReason, SearchHit,
    Section, Snapshot, SnippetPart, State, TransitionRecord, User,
};
pub use crate::wordpress::TargetProblem;
pub use crate::workflow::Check;

pub use articles::*;
pub use contributors::*;
pub use import::*;
pub use people::*;
pub use publishing::*;
pub use search::*;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::Result;
use crate::{Actor, Desk};

/// One operation of the desk: its input is the value itself.
pub trait Operation: Serialize + DeserializeOwned + Send + 'static {
    /// The operation's name on every face: the app's command, the server's route.
    const NAME: &'static str;
    type Output: Serialize + DeserializeOwned + Send + 'static;

    /// Runs the operation on `desk` as `actor`; the core authorises and validates everything.
    fn run(self, desk: &Desk, actor: &Actor) -> Result<Self::Output>;

    /// What the operation is, for the API's documentation.
    fn info() -> OperationInfo;
}

/// An operation as `docs/api.md` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationInfo {
    pub name: &'static str,
    /// What it does, from its doc comment.
    pub doc: &'static str,
    /// The input type's name and its fields as `name: Type`.
    pub input: &'static str,
    pub fields: Vec<String>,
    pub output: &'static str,
    /// The errors particular to it; every operation may also give those in `COMMON_ERRORS`.
    pub errors: &'static [ErrorCode],
}

/// What any operation may answer: nobody signed in (or an account gone), the desk's data held
/// by another program or failing, an uninitialised desk.
pub const COMMON_ERRORS: &[ErrorCode] = &[
    ErrorCode::Unauthenticated,
    ErrorCode::NotInitialised,
    ErrorCode::Busy,
    ErrorCode::Storage,
];

/// `POST /api/push` carries a desk file, not an operation's input: a server started on an empty
/// database to wait for one takes it with the setup code it printed, and checks the file arrived
/// whole by its digest (`desk::file_digest`).
pub const PUSH_PATH: &str = "/api/push";
pub const SETUP_CODE_HEADER: &str = "x-copydesk-setup-code";
pub const DIGEST_HEADER: &str = "x-copydesk-digest";

/// Declares one operation: a struct of its input fields, its output, its particular errors,
/// and the desk call that runs it.
macro_rules! operation {
    (
        $(#[doc = $doc:literal])*
        $name:ident as $wire:literal {
            $( $(#[$fattr:meta])* $field:ident : $ty:ty ),* $(,)?
        } -> $out:ty,
        errors: [$($err:ident),* $(,)?],
        run: |$desk:ident, $actor:ident, $input:ident| $body:expr
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct $name {
            $( $(#[$fattr])* pub $field: $ty, )*
        }

        impl $crate::api::Operation for $name {
            const NAME: &'static str = $wire;
            type Output = $out;

            fn run(
                self,
                $desk: &$crate::Desk,
                $actor: &$crate::Actor,
            ) -> $crate::Result<$out> {
                let $input = self;
                $body
            }

            fn info() -> $crate::api::OperationInfo {
                $crate::api::OperationInfo {
                    name: $wire,
                    doc: concat!($($doc, "\n"),*),
                    input: stringify!($name),
                    fields: vec![$(format!("{}: {}", stringify!($field), stringify!($ty))),*],
                    output: stringify!($out),
                    errors: &[$($crate::error::ErrorCode::$err),*],
                }
            }
        }
    };
}
pub(crate) use operation;

/// Every operation, once: `snake_name: Type -> Output`. A face passes its own macro to
/// generate what it needs from the list (commands, routes, a client); the list is checked at
/// compile time against each type's `NAME` and `Output`.
#[macro_export]
macro_rules! for_each_operation {
    ($m:ident) => {
        $m! {
            desk_settings: DeskSettingsOp -> DeskSettings,
            list_users: ListUsers -> Vec<User>,
            add_user: AddUser -> User,
            set_passphrase: SetPassphrase -> User,
            set_role: SetRole -> User,
            fill_sample_desk: FillSampleDesk -> SampleReport,
            list_sessions: ListSessions -> Vec<Session>,
            revoke_session: RevokeSession -> Session,
            list_articles: ListArticles -> Page<ArticleSummary>,
            get_article: GetArticle -> Article,
            create_article: CreateArticle -> Article,
            save_article: SaveArticle -> Article,
            resolve_conflict: ResolveConflict -> Article,
            article_moves: ArticleMoves -> Vec<MoveOption>,
            article_readiness: ArticleReadiness -> MoveOption,
            move_article: MoveArticle -> Article,
            schedule_article: ScheduleArticle -> Article,
            mark_presence: MarkPresence -> Vec<Presence>,
            leave_presence: LeavePresence -> Vec<Presence>,
            list_presence: ListPresence -> Vec<Presence>,
            list_notes: ListNotes -> Vec<Note>,
            add_note: AddNote -> Note,
            resolve_note: ResolveNote -> Note,
            article_history: ArticleHistory -> Page<RevisionInfo>,
            get_revision: GetRevision -> RevisionText,
            revision_diff: RevisionDiffOp -> RevisionDiff,
            article_milestones: ArticleMilestones -> Milestones,
            restore_revision: RestoreRevision -> Article,
            list_contributors: ListContributors -> Page<Contributor>,
            find_contributors: FindContributors -> Vec<Contributor>,
            get_contributor: GetContributor -> Contributor,
            add_contributor: AddContributor -> Contributor,
            edit_contributor: EditContributor -> Contributor,
            contributor_bio_history: ContributorBioHistory -> Vec<BioVersion>,
            merge_contributors: MergeContributors -> Contributor,
            delete_contributor: DeleteContributor -> Deleted,
            search_articles: SearchArticles -> Page<SearchHit>,
            search_contributors: SearchContributors -> Vec<ContributorHit>,
            audit_log: AuditLog -> Page<TransitionRecord>,
            next_free_slots: NextFreeSlots -> Vec<FreeSlot>,
            calendar: CalendarOp -> Calendar,
            export_ics: ExportIcs -> IcsFile,
            list_jobs: ListJobs -> Page<PublishJob>,
            retry_job: RetryJob -> PublishJob,
            rebuild_site: RebuildSite -> SiteRebuilt,
            publishing_settings: PublishingSettingsOp -> PublishingSettings,
            put_section: PutSection -> SectionPlan,
            set_timezone: SetTimezone -> DeskSettings,
            set_publish_folder: SetPublishFolder -> PublishingSettings,
            set_site_url: SetSiteUrl -> PublishingSettings,
            set_publish_target: SetPublishTarget -> PublishingSettings,
            test_publish_target: TestPublishTarget -> TargetCheck,
            preview_import: PreviewImport -> Vec<ImportOutcome<ImportPreview>>,
            commit_import: CommitImport -> Vec<ImportOutcome<Imported>>,
        }
    };
}

macro_rules! registry {
    ($($name:ident: $op:ident -> $out:ty),* $(,)?) => {
        /// Every operation's description, in the list's order.
        pub fn operations() -> Vec<OperationInfo> {
            vec![$(<$op as Operation>::info()),*]
        }

        /// The list and the types agree: each name is its type's `NAME`, each output its
        /// `Output` (a mismatch does not compile).
        #[allow(dead_code)]
        fn the_list_matches_the_types() {
            $(
                const _: () = assert!(
                    konst_eq(<$op as Operation>::NAME, stringify!($name)),
                    concat!("the list names ", stringify!($op), " differently from its NAME")
                );
                let _: fn($op) -> Option<$out> = |_| None::<<$op as Operation>::Output>;
            )*
        }
    };
}

/// `&str` equality usable in a constant.
const fn konst_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

for_each_operation!(registry);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_described_once() {
        let ops = operations();
        let mut names: Vec<&str> = ops.iter().map(|o| o.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ops.len(), "two operations share a name");
        for op in &ops {
            assert!(!op.doc.trim().is_empty(), "{} has no doc comment", op.name);
        }
    }
}
