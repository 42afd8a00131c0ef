//! Showing a desktop notification about an article, and opening the article when it is clicked.
//!
//! On Linux the notification goes to the desktop's freedesktop notification server over D-Bus
//! through notify-rust, with a "default" action, and a thread of its own waits for the click:
//! tauri-plugin-notification (2.5) sends the same message but never listens for the answer. A
//! click raises the window and tells the page which article to open (`PageEvent::OpenArticle`).
//!
//! Elsewhere the plugin shows the notification as before, and a click on it opens nothing: macOS
//! and Windows report clicks through their own notification APIs, which the app does not use yet.

use tauri::{AppHandle, Runtime};

use crate::notify::Told;

/// Shows `told`; on Linux, a click on it opens its article in the window.
pub(crate) fn show<R: Runtime>(app: &AppHandle<R>, told: Told) {
    #[cfg(target_os = "linux")]
    {
        let app = app.clone();
        show_and_follow(&told.title, &told.body, told.article, move |id| {
            open(&app, id)
        });
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        // A desktop without a notification service still shows the change in the window.
        let _ = app
            .notification()
            .builder()
            .title(told.title)
            .body(told.body)
            .show();
    }
}

/// Brings the window forward and has the page open the article.
#[cfg(target_os = "linux")]
fn open<R: Runtime>(app: &AppHandle<R>, id: String) {
    crate::focus_main_window(app);
    crate::page_events::tell(app, crate::page_events::PageEvent::OpenArticle { id });
}

/// The action a click on the notification's body invokes, in the freedesktop spec's words.
#[cfg(target_os = "linux")]
const DEFAULT_ACTION: &str = "default";

/// Shows a notification on the session bus's notification server and, on a thread of its own
/// (the wait blocks until the notification is clicked or closed, which may be never: one thread
/// and one connection per notification still shown, a handful on a desk's day), calls `open`
/// with `article` if it is clicked. A close calls nothing. No session bus or no server on it (a
/// desktop without one, CI under Xvfb) calls nothing either and is only logged at debug: the
/// window shows the change anyway. The thread ends once the notification is answered or the bus
/// is gone, dropping `open` uncalled unless it was clicked.
#[cfg(target_os = "linux")]
pub fn show_and_follow(
    title: &str,
    body: &str,
    article: String,
    open: impl FnOnce(String) + Send + 'static,
) {
    let mut notification = notify_rust::Notification::new();
    notification
        .appname("Copydesk")
        .summary(title)
        .body(body)
        // The icon the plugin gave its notifications: the one named after the executable.
        .auto_icon()
        // Servers that draw the default action as a button (most only make the body clickable)
        // label it "Open".
        .action(DEFAULT_ACTION, "Open");
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            let handle = match notification.show() {
                Ok(handle) => handle,
                Err(error) => {
                    log::debug!("no notification shown ({error}): no notification server?");
                    return;
                }
            };
            let mut opened = None;
            let answered =
                handle.wait_for_response(|response: &notify_rust::NotificationResponse| {
                    opened = to_open(response, &article);
                });
            if let Err(error) = answered {
                log::debug!("a notification's answer was lost: {error}");
            }
            if let Some(id) = opened {
                open(id);
            }
        });
    if let Err(error) = spawned {
        log::debug!("no thread to show a notification on: {error}");
    }
}

/// The article to open after `response` to a notification about `article`: it, if the
/// notification was clicked; nothing if it was closed (expired, dismissed) or answered otherwise.
#[cfg(target_os = "linux")]
fn to_open(response: &notify_rust::NotificationResponse, article: &str) -> Option<String> {
    use notify_rust::NotificationResponse;
    match response {
        NotificationResponse::Default => Some(article.to_string()),
        NotificationResponse::Action(_)
        | NotificationResponse::Reply(_)
        | NotificationResponse::Closed(_) => None,
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use notify_rust::{CloseReason, NotificationResponse};

    use super::*;

    #[test]
    fn a_click_opens_the_article_and_a_close_opens_nothing() {
        assert_eq!(
            to_open(&NotificationResponse::Default, "a1"),
            Some("a1".to_string())
        );
        for reason in [
            CloseReason::Expired,
            CloseReason::Dismissed,
            CloseReason::CloseAction,
            CloseReason::Other(9),
        ] {
            assert_eq!(
                to_open(&NotificationResponse::Closed(reason), "a1"),
                None,
                "{reason:?}"
            );
        }
        // An action the notification did not offer opens nothing either.
        assert_eq!(
            to_open(&NotificationResponse::Action("reply".into()), "a1"),
            None
        );
    }

    #[test]
    fn a_click_tells_the_page_which_article_to_open() {
        use crate::page_events::{PageEvent, PageEventQueue};
        use tauri::Manager;
        let dir = tempfile::tempdir().unwrap();
        let state = crate::AppState::open(
            Ok(dir.path().join("desk.db")),
            Ok(dir.path().join("journal.db")),
        );
        let mut app = crate::app_builder(tauri::test::mock_builder(), state)
            .build(crate::context())
            .unwrap();
        // The setup (the main window) runs with the loop's first turn.
        #[allow(deprecated)]
        app.run_iteration(|_, _| {});

        open(app.handle(), "a1".into());
        let queue = app.state::<PageEventQueue>();
        // The event is in the queue already: the time limit only turns a bug into a failure.
        let told = tauri::async_runtime::block_on(async {
            tokio::time::timeout(std::time::Duration::from_secs(5), queue.after(Some(0))).await
        })
        .expect("the page is told");
        // The desk file's watcher may have told of a change too.
        let opened: Vec<_> = told
            .events
            .into_iter()
            .filter(|e| matches!(e, PageEvent::OpenArticle { .. }))
            .collect();
        assert_eq!(opened, vec![PageEvent::OpenArticle { id: "a1".into() }]);
    }
}
