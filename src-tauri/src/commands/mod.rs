//! The UI's commands: each takes what the window sent, runs one core call off the UI thread and
//! hands back a view value or an `AppError`. No rules live here; the core decides.

use copydesk_core::desk::ArticleFilter;
use copydesk_core::sample::fill_demo_desk;
use copydesk_core::{Desk, NewDesk as CoreNewDesk};
use tauri::State as Managed;

mod contributors;
mod editing;
mod import;
mod publishing;
mod search;

pub use contributors::*;
pub use editing::*;
pub use import::*;
pub use publishing::*;
pub use search::*;

use crate::error::AppResult;
use crate::state::AppState;
use crate::view::{
    Action, Article, ArticlePage, ArticleQuery, DeskStatus, MoveOption, NewDesk, NewUser, Note,
    RevisionDiff, RevisionPage, SampleReport, SignInChoice, User,
};

/// As many articles as the CLI's `demo` puts on its sample desk.
const SAMPLE_ARTICLES: usize = 60;

/// Runs `f` on the desk in tokio's blocking pool: database work never runs on the UI thread.
pub(crate) async fn on_desk<T: Send + 'static>(
    app: &AppState,
    f: impl FnOnce(&Desk) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let desk = app.desk()?;
    tokio::task::spawn_blocking(move || f(&desk)).await?
}

/// The desk file, its settings once set up, and who is signed in here.
#[tauri::command]
#[specta::specta]
pub async fn desk_status(app: Managed<'_, AppState>) -> AppResult<DeskStatus> {
    let user = app.actor().ok().map(|a| User::from(a.user));
    let db_path = app.db_path.as_ref().map(|p| p.display().to_string());
    let settings = on_desk(&app, |d| match d.is_initialised()? {
        true => Ok(Some(d.settings()?.into())),
        false => Ok(None),
    })
    .await?;
    Ok(DeskStatus {
        db_path,
        settings,
        user,
    })
}

/// Creates the desk and its chief editor, who is then signed in.
#[tauri::command]
#[specta::specta]
pub async fn init_desk(app: Managed<'_, AppState>, desk: NewDesk) -> AppResult<User> {
    let actor = on_desk(&app, move |d| {
        Ok(d.init(&CoreNewDesk {
            name: &desk.name,
            timezone: &desk.timezone,
            chief_name: &desk.chief_name,
            chief_passphrase: desk.chief_passphrase.as_deref().filter(|p| !p.is_empty()),
        })?)
    })
    .await?;
    let user = User::from(actor.user.clone());
    app.set_actor(Some(actor));
    Ok(user)
}

/// Fills a newly created desk with the readable sample (the CLI's `demo`), as the signed-in chief.
#[tauri::command]
#[specta::specta]
pub async fn fill_sample_desk(app: Managed<'_, AppState>) -> AppResult<SampleReport> {
    let actor = app.actor()?;
    let report = on_desk(&app, move |d| {
        Ok(fill_demo_desk(d, &actor, SAMPLE_ARTICLES, 2026)?)
    })
    .await?;
    Ok(report.into())
}

/// The accounts to pick from on the sign-in screen.
#[tauri::command]
#[specta::specta]
pub async fn sign_in_choices(app: Managed<'_, AppState>) -> AppResult<Vec<SignInChoice>> {
    let choices = on_desk(&app, |d| Ok(d.sign_in_choices()?)).await?;
    Ok(choices.into_iter().map(SignInChoice::from).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    app: Managed<'_, AppState>,
    name: String,
    passphrase: Option<String>,
) -> AppResult<User> {
    let actor = on_desk(&app, move |d| Ok(d.sign_in(&name, passphrase.as_deref())?)).await?;
    let user = User::from(actor.user.clone());
    app.set_actor(Some(actor));
    Ok(user)
}

#[tauri::command]
#[specta::specta]
pub async fn sign_out(app: Managed<'_, AppState>) -> AppResult<()> {
    app.set_actor(None);
    Ok(())
}

/// The desk's accounts, for a signed-in user.
#[tauri::command]
#[specta::specta]
pub async fn list_users(app: Managed<'_, AppState>) -> AppResult<Vec<User>> {
    let actor = app.actor()?;
    let users = on_desk(&app, move |d| Ok(d.list_users(&actor)?)).await?;
    Ok(users.into_iter().map(User::from).collect())
}

/// Adds an account (the chief does): an editor, or a contributor's sign-in.
#[tauri::command]
#[specta::specta]
pub async fn add_user(app: Managed<'_, AppState>, user: NewUser) -> AppResult<User> {
    let actor = app.actor()?;
    let added = on_desk(&app, move |d| {
        Ok(d.add_user(
            &actor,
            &copydesk_core::desk::NewUser {
                name: &user.name,
                role: user.role.into(),
                contributor: user.contributor_id.as_deref(),
                passphrase: user.passphrase.as_deref().filter(|p| !p.is_empty()),
            },
        )?)
    });
    Ok(added.await?.into())
}

/// One article in full, if the signed-in user may see it.
#[tauri::command]
#[specta::specta]
pub async fn get_article(app: Managed<'_, AppState>, id: String) -> AppResult<Article> {
    let actor = app.actor()?;
    let article = on_desk(&app, move |d| Ok(d.get_article(&actor, &id)?)).await?;
    Ok(article.into())
}

/// The workflow moves the signed-in user may make on article `id`, assessed with `note`.
#[tauri::command]
#[specta::specta]
pub async fn article_moves(
    app: Managed<'_, AppState>,
    id: String,
    note: Option<String>,
) -> AppResult<Vec<MoveOption>> {
    let actor = app.actor()?;
    on_desk(&app, move |d| crate::moves::offered(d, &actor, &id, note)).await
}

/// Makes move `action` on article `id`; the core checks everything again.
#[tauri::command]
#[specta::specta]
pub async fn move_article(
    app: Managed<'_, AppState>,
    id: String,
    action: Action,
    note: Option<String>,
) -> AppResult<Article> {
    let actor = app.actor()?;
    let args = crate::moves::args(note);
    let moved = on_desk(&app, move |d| {
        Ok(d.move_article(&actor, &id, action.into(), &args)?)
    });
    Ok(moved.await?.into())
}

/// The notes on article `id`, threaded.
#[tauri::command]
#[specta::specta]
pub async fn list_notes(app: Managed<'_, AppState>, article_id: String) -> AppResult<Vec<Note>> {
    let actor = app.actor()?;
    let notes = on_desk(&app, move |d| Ok(d.list_notes(&actor, &article_id)?)).await?;
    Ok(notes.into_iter().map(Note::from).collect())
}

/// Adds a note to an article, or a reply to one of its notes.
#[tauri::command]
#[specta::specta]
pub async fn add_note(
    app: Managed<'_, AppState>,
    article_id: String,
    body: String,
    reply_to: Option<String>,
) -> AppResult<Note> {
    let actor = app.actor()?;
    let add =
        move |d: &Desk| Ok(d.add_note(&actor, &article_id, &body, reply_to.as_deref(), None)?);
    Ok(on_desk(&app, add).await?.into())
}

#[tauri::command]
#[specta::specta]
pub async fn resolve_note(app: Managed<'_, AppState>, note_id: String) -> AppResult<Note> {
    let actor = app.actor()?;
    let note = on_desk(&app, move |d| Ok(d.resolve_note(&actor, &note_id)?)).await?;
    Ok(note.into())
}

/// A page of article `id`'s revisions, newest first.
#[tauri::command]
#[specta::specta]
pub async fn article_history(
    app: Managed<'_, AppState>,
    id: String,
    after: Option<String>,
    limit: u32,
) -> AppResult<RevisionPage> {
    let actor = app.actor()?;
    let history = move |d: &Desk| Ok(d.history(&actor, &id, after.as_deref(), limit)?);
    Ok(on_desk(&app, history).await?.into())
}

/// Revisions `from` and `to` of article `id`, compared word by word.
#[tauri::command]
#[specta::specta]
pub async fn revision_diff(
    app: Managed<'_, AppState>,
    id: String,
    from: u32,
    to: u32,
) -> AppResult<RevisionDiff> {
    let actor = app.actor()?;
    let diff = move |d: &Desk| Ok(d.diff(&actor, &id, i64::from(from), i64::from(to))?);
    Ok(on_desk(&app, diff).await?.into())
}

/// Brings back revision `number`'s text as a new revision (the byline stays), if the article is
/// still at `base_version`, the version the reader chose from.
#[tauri::command]
#[specta::specta]
pub async fn restore_revision(
    app: Managed<'_, AppState>,
    id: String,
    number: u32,
    base_version: u32,
) -> AppResult<Article> {
    let actor = app.actor()?;
    let (number, base) = (i64::from(number), Some(i64::from(base_version)));
    let restore = move |d: &Desk| Ok(d.restore(&actor, &id, number, base)?);
    Ok(on_desk(&app, restore).await?.into())
}

/// A page of the articles `query` asks for, newest change first.
#[tauri::command]
#[specta::specta]
pub async fn list_articles(
    app: Managed<'_, AppState>,
    query: ArticleQuery,
    after: Option<String>,
    limit: u32,
) -> AppResult<ArticlePage> {
    let actor = app.actor()?;
    let filter = ArticleFilter::from(query);
    let page = on_desk(&app, move |d| {
        Ok(d.list_articles(&actor, &filter, after.as_deref(), limit)?)
    })
    .await?;
    Ok(page.into())
}
