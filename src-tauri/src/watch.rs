//! Live refresh: tells every window when the desk file changed, whoever changed it (this app,
//! another window, the CLI). It looks only at the file and its write-ahead log, never at the data:
//! a commit always changes the log's size or time.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::sync::Arc;

use copydesk_core::desk::ChangeKind;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::Notify;

use crate::page_events::{PageEvent, tell as tell_page};

/// How often the file is looked at: a change shows within a second.
const EVERY: Duration = Duration::from_millis(400);

type Stamp = [Option<(SystemTime, u64)>; 2];

fn stamp(db: &Path) -> Stamp {
    let look = |p: PathBuf| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())))
    };
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [look(db.to_path_buf()), look(PathBuf::from(wal))]
}

/// Tells the page `DeskChanged` each time the desk file changes, for as long as the app runs, and
/// wakes the publisher (a job may have been scheduled or moved elsewhere).
pub fn watch<R: Runtime>(app: AppHandle<R>, db: PathBuf, publisher: Arc<Notify>) {
    tauri::async_runtime::spawn(async move {
        let mut last = stamp(&db);
        loop {
            tokio::time::sleep(EVERY).await;
            let now = stamp(&db);
            if now != last {
                last = now;
                publisher.notify_one();
                tell_page(&app, PageEvent::DeskChanged);
            }
        }
    });
}

/// Tells the page `DeskChanged` for each change the team desk's server announces, for as long as
/// the app runs (a thread of its own: the stream is read as it comes).
pub fn follow<R: Runtime>(app: AppHandle<R>, team: Arc<crate::team::TeamDesk>) {
    let told = app.clone();
    team.on_reach(move |reach| {
        tell_page(&told, PageEvent::ServerReach(reach.clone()));
    });
    // The server ended the session: the window reads again who is signed in (nobody).
    let told = app.clone();
    team.on_signed_out(move || {
        tell_page(&told, PageEvent::DeskChanged);
    });
    std::thread::spawn(move || {
        let notices = std::sync::Mutex::new(crate::notify::Notices::default());
        team.follow(|change| {
            tell_page(&app, PageEvent::DeskChanged);
            if let Some(id) = change
                .filter(|c| c.kind == ChangeKind::Article)
                .and_then(|c| c.subject.clone())
            {
                tell(&app, &team, &notices, id);
            }
        })
    });
}

/// Shows a desktop notification when the article's change is news to the signed-in user; a
/// click on it opens the article (on Linux: see `notification`).
fn tell<R: Runtime>(
    app: &AppHandle<R>,
    team: &crate::team::TeamDesk,
    notices: &std::sync::Mutex<crate::notify::Notices>,
    id: String,
) {
    let (Ok(me), Ok(article)) = (
        team.user(),
        team.call(&copydesk_core::api::GetArticle { id }),
    ) else {
        return;
    };
    let now = app.state::<crate::state::AppState>().now();
    // The newest move into the state the article is in; an unanswered question tells rather
    // than stays silent.
    let moved_by = || {
        let log = copydesk_core::api::AuditLog {
            article: Some(article.id.clone()),
            user: None,
            after: None,
            limit: 1,
        };
        let newest = team.call(&log).ok()?.items.into_iter().next();
        crate::notify::moved_by(newest, &article)
    };
    let news = notices
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .news(&article, &me, now, moved_by);
    if let Some(told) = news {
        crate::notification::show(app, told);
    }
}
