//! Articles: the lists, one article, writing and saving, moves, notes and the history.

use super::operation;
use crate::desk::{
    ArticleEdit, ArticleFilter, Milestones, MoveArgs, NewArticle, Resolution, RevisionDiff,
    RevisionText, When,
};
use crate::model::{
    Action, Article, ArticleSummary, MoveOption, Note, Page, Presence, RevisionInfo, SaveReason,
};

operation! {
    /// A page of articles, newest change first (a contributor's own: newest article first).
    /// Pass the page's `next` back as `after` for the one after it.
    ListArticles as "list_articles" {
        #[serde(default)]
        filter: ArticleFilter,
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<ArticleSummary>,
    errors: [InvalidInput, NotFound, Forbidden],
    run: |desk, actor, op| desk.list_articles(actor, &op.filter, op.after.as_deref(), op.limit)
}

operation! {
    /// One article in full, with what the reader may do with it (`access`).
    GetArticle as "get_article" {
        id: String,
    } -> Article,
    errors: [NotFound],
    run: |desk, actor, op| desk.get_article(actor, &op.id)
}

operation! {
    /// Starts a draft; a contributor who names nobody on the byline is put on it.
    CreateArticle as "create_article" {
        article: NewArticle,
    } -> Article,
    errors: [InvalidInput, Forbidden, NotFound],
    run: |desk, actor, op| desk.create_article(actor, &op.article)
}

operation! {
    /// Saves an edit made on `base_version` (an autosave, or a save the writer asked for). When
    /// the article has moved on, nothing is written and the error (`conflict`) carries the text
    /// now stored; an edit that changes nothing writes nothing.
    SaveArticle as "save_article" {
        id: String,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        base_version: i64,
        edit: ArticleEdit,
        autosave: bool,
    } -> Article,
    errors: [InvalidInput, NotFound, Forbidden, Conflict],
    run: |desk, actor, op| {
        let reason = if op.autosave { SaveReason::Autosave } else { SaveReason::Save };
        desk.save_article(actor, &op.id, op.base_version, &op.edit, reason)
    }
}

operation! {
    /// Settles a conflict in one transaction: `mine` is the writer's text, `theirs_version` the
    /// version they compared it with. Keeping mine saves it on top; taking theirs or a merged
    /// text keeps mine in the history first. A newer version meanwhile is a new conflict.
    ResolveConflict as "resolve_conflict" {
        id: String,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        theirs_version: i64,
        mine: ArticleEdit,
        resolution: Resolution,
    } -> Article,
    errors: [InvalidInput, NotFound, Forbidden, Conflict],
    run: |desk, actor, op| {
        desk.resolve_conflict(actor, &op.id, op.theirs_version, &op.mine, &op.resolution)
    }
}

operation! {
    /// The moves from the article's state that the user's role allows, each with its checklist,
    /// assessed with `note`: the note typed so far, for moves that take one.
    ArticleMoves as "article_moves" {
        id: String,
        #[serde(default)]
        note: Option<String>,
    } -> Vec<MoveOption>,
    errors: [NotFound],
    run: |desk, actor, op| desk.available_moves(actor, &op.id, op.note.as_deref())
}

operation! {
    /// Every condition of one move on the article, met or not, with the note and time given.
    ArticleReadiness as "article_readiness" {
        id: String,
        action: Action,
        #[serde(default)]
        args: MoveArgs,
    } -> MoveOption,
    errors: [NotFound, Forbidden],
    run: |desk, actor, op| desk.readiness(actor, &op.id, op.action, &op.args)
}

operation! {
    /// Makes a workflow move; the state change, its audit row, a revision and any note are
    /// written together. A move whose conditions are unmet (`not_ready`) lists every one.
    MoveArticle as "move_article" {
        id: String,
        action: Action,
        #[serde(default)]
        args: MoveArgs,
    } -> Article,
    errors: [NotFound, Forbidden, NotReady, InvalidInput],
    run: |desk, actor, op| desk.move_article(actor, &op.id, op.action, &op.args)
}

operation! {
    /// Schedules (or reschedules) an approved piece at a time typed in the desk's zone, or in
    /// its section's next free slot; its publish job is written with the move.
    ScheduleArticle as "schedule_article" {
        id: String,
        when: When,
        #[serde(default)]
        note: Option<String>,
    } -> Article,
    errors: [NotFound, Forbidden, NotReady, InvalidInput],
    run: |desk, actor, op| desk.schedule_article(actor, &op.id, &op.when, op.note)
}

operation! {
    /// The article's notes as threads: each note followed by its replies, in writing order.
    ListNotes as "list_notes" {
        article_id: String,
    } -> Vec<Note>,
    errors: [NotFound],
    run: |desk, actor, op| desk.list_notes(actor, &op.article_id)
}

operation! {
    /// Adds a note to an article, or a reply to one of its notes; `anchor` is the passage it is
    /// about.
    AddNote as "add_note" {
        article_id: String,
        body: String,
        #[serde(default)]
        reply_to: Option<String>,
        #[serde(default)]
        anchor: Option<String>,
    } -> Note,
    errors: [InvalidInput, NotFound],
    run: |desk, actor, op| {
        desk.add_note(actor, &op.article_id, &op.body, op.reply_to.as_deref(), op.anchor.as_deref())
    }
}

operation! {
    /// Marks a note resolved: its writer, an editor or the chief may.
    ResolveNote as "resolve_note" {
        note_id: String,
    } -> Note,
    errors: [NotFound, Forbidden],
    run: |desk, actor, op| desk.resolve_note(actor, &op.note_id)
}

operation! {
    /// A page of the article's revisions, newest first.
    ArticleHistory as "article_history" {
        id: String,
        #[serde(default)]
        after: Option<String>,
        limit: u32,
    } -> Page<RevisionInfo>,
    errors: [NotFound, InvalidInput],
    run: |desk, actor, op| desk.history(actor, &op.id, op.after.as_deref(), op.limit)
}

operation! {
    /// The article's text as it was at revision `number`.
    GetRevision as "get_revision" {
        id: String,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        number: i64,
    } -> RevisionText,
    errors: [NotFound, Corrupt],
    run: |desk, actor, op| desk.revision(actor, &op.id, op.number)
}

operation! {
    /// Revisions `from` and `to` compared word by word, field by field.
    RevisionDiffOp as "revision_diff" {
        id: String,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        from: i64,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        to: i64,
    } -> RevisionDiff,
    errors: [NotFound, Corrupt],
    run: |desk, actor, op| desk.diff(actor, &op.id, op.from, op.to)
}

operation! {
    /// The revisions holding the piece as submitted, as approved and as published, for
    /// comparing them (`revision_diff`); each is absent until the piece has been through it.
    ArticleMilestones as "article_milestones" {
        id: String,
    } -> Milestones,
    errors: [NotFound],
    run: |desk, actor, op| desk.milestones(actor, &op.id)
}

operation! {
    /// Brings back revision `number`'s text as a new revision (the byline stays). With
    /// `base_version` (the version the reader chose from), a newer article is a conflict.
    RestoreRevision as "restore_revision" {
        id: String,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        number: i64,
        #[serde(default)]
        #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
        base_version: Option<i64>,
    } -> Article,
    errors: [NotFound, Forbidden, Conflict],
    run: |desk, actor, op| desk.restore(actor, &op.id, op.number, op.base_version)
}

operation! {
    /// The signed-in user has the article open in an editor (typing, if `typing`): an editor
    /// says so every 10 seconds and as its person types. Answers everyone present on it now.
    MarkPresence as "mark_presence" {
        article_id: String,
        #[serde(default)]
        typing: bool,
    } -> Vec<Presence>,
    errors: [NotFound],
    run: |desk, actor, op| desk.mark_presence(actor, &op.article_id, op.typing)
}

operation! {
    /// The signed-in user closed the article. Answers who is still there.
    LeavePresence as "leave_presence" {
        article_id: String,
    } -> Vec<Presence>,
    errors: [NotFound],
    run: |desk, actor, op| desk.leave_presence(actor, &op.article_id)
}

operation! {
    /// Everyone with an article open now (heard from in the last 30 seconds), on the articles
    /// the signed-in user may see.
    ListPresence as "list_presence" {} -> Vec<Presence>,
    errors: [],
    run: |desk, actor, _op| desk.list_presence(actor)
}
