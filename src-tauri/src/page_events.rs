//! What the shell tells the page (a change on the desk, what the publisher did, the team desk's
//! server going and coming, a clicked notification, files dragged over the window, a request to
//! close it), handed over when the page asks for it: the page keeps one `page_events` call
//! waiting, which answers as soon as there is something newer than what it has seen.
//!
//! Not Tauri's events: every `listen` from the page and every `emit` to it makes the shell run a
//! script in the page, and WebKitGTK reads each script's answer back in a JavaScriptCore context
//! of the app's own process, started by the first one and kept for the app's life (about 6 MB of
//! JavaScriptCore's code and heap in that process; BENCHMARKS.md, "The page asks for its
//! events"). A command's answer comes back over the IPC protocol every command uses, with no
//! script run.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::Notify;

use crate::publisher::PublishingDone;
use crate::team::ServerReach;

/// One thing the shell tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "kind", content = "detail", rename_all = "camelCase")]
pub enum PageEvent {
    /// Something on the desk changed (this window, another, the CLI, the team desk's server):
    /// screens reload what they show.
    DeskChanged,
    /// This app's publisher published or failed something.
    PublishingDone(PublishingDone),
    /// The team desk's server went away or came back.
    ServerReach(ServerReach),
    /// A desktop notification about this article was clicked (the window is raised already).
    OpenArticle { id: String },
    /// Files are held over the window; `paths` empty when they are not files.
    FilesOver { paths: Vec<String> },
    /// The files held over the window went away without being dropped.
    FilesLeft,
    /// Files were dropped on the window.
    FilesDropped { paths: Vec<String> },
    /// The window was asked to close and is held open: the page closes it (`destroy`) once what
    /// is typed is dealt with, or asks the editor.
    CloseRequested,
}

/// What a `page_events` call hands over.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct PageEvents {
    /// The number of the newest event told so far: the page's `seen` next time.
    pub seen: u32,
    /// The events after the `seen` asked with, oldest first.
    pub events: Vec<PageEvent>,
    /// Some events after that `seen` are no longer kept (the page was away while more than
    /// `KEPT` came): it reloads what it shows, as after a change on the desk.
    pub missed: bool,
}

/// Events kept for a page that has not asked yet (reloading, busy): far more than a page meets
/// between two calls, which follow each other at once.
const KEPT: usize = 256;

#[derive(Default)]
struct Kept {
    /// The newest event's number; events are numbered from 1. (A `u32`, as the page reads it
    /// as a number: a change a second would take 136 years to wrap it.)
    newest: u32,
    events: VecDeque<(u32, PageEvent)>,
    /// The newest event the page has shown it took: by asking again after it.
    taken: u32,
    /// A page has asked for its events: it is there to be asked before the window closes.
    followed: bool,
    /// The last `CloseRequested`'s number.
    close_asked: Option<u32>,
}

impl Kept {
    fn push(&mut self, event: PageEvent) -> u32 {
        self.newest = self.newest.wrapping_add(1).max(1);
        if self.events.len() == KEPT {
            self.events.pop_front();
        }
        self.events.push_back((self.newest, event));
        self.newest
    }
}

/// The events told to the page, and the calls waiting for the next one.
#[derive(Default)]
pub struct PageEventQueue {
    kept: Mutex<Kept>,
    arrived: Notify,
}

impl PageEventQueue {
    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        // A panic while holding the lock leaves the queue as consistent as any push makes it.
        self.kept.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Tells the page `event`, waking the call waiting for it.
    pub fn tell(&self, event: PageEvent) -> u32 {
        let number = self.kept().push(event);
        self.arrived.notify_waiters();
        number
    }

    /// The events after `seen`; waits until there is one. Without `seen` (a page just loaded,
    /// which reads everything it shows anyway), answers at once with the newest number and no
    /// events. Asking after `seen` shows the page took the events up to it.
    pub async fn after(&self, seen: Option<u32>) -> PageEvents {
        loop {
            // Made before looking: `notify_waiters` wakes every future made before it, polled or
            // not, so an event told between the look and the wait still wakes this call.
            let arrived = self.arrived.notified();
            {
                let mut kept = self.kept();
                kept.followed = true;
                let newest = kept.newest;
                let Some(seen) = seen else {
                    return PageEvents {
                        seen: newest,
                        events: Vec::new(),
                        missed: false,
                    };
                };
                // A `seen` ahead of the newest is a page from before the app started again.
                if seen <= newest {
                    kept.taken = kept.taken.max(seen);
                }
                if newest != seen {
                    let events: Vec<PageEvent> = kept
                        .events
                        .iter()
                        .filter(|(number, _)| *number > seen)
                        .map(|(_, event)| event.clone())
                        .collect();
                    let oldest = kept.events.front().map_or(newest, |(number, _)| *number);
                    let missed = seen > newest || oldest > seen.saturating_add(1);
                    return PageEvents {
                        seen: newest,
                        events,
                        missed,
                    };
                }
            }
            arrived.await;
        }
    }

    /// The window was asked to close: whether it is held open and the page asked first. It is
    /// not when no page has asked for its events yet (nothing could answer), nor when the page
    /// has not taken the last asking (asked again after it: it is busy, hung or gone), so the
    /// second request closes a window whose page stopped answering.
    pub fn ask_to_close(&self) -> bool {
        {
            let mut kept = self.kept();
            if !kept.followed {
                return false;
            }
            if let Some(asked) = kept.close_asked
                && asked > kept.taken
            {
                kept.close_asked = None;
                return false;
            }
            let number = kept.push(PageEvent::CloseRequested);
            kept.close_asked = Some(number);
        }
        self.arrived.notify_waiters();
        true
    }
}

/// Tells the page `event` (nothing if the queue was never set up: a shell in a test without it).
pub fn tell<R: Runtime>(app: &AppHandle<R>, event: PageEvent) {
    if let Some(queue) = app.try_state::<PageEventQueue>() {
        queue.tell(event);
    }
}

/// What the window's own events mean to the page: a close request held for it, files dragged.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    match event {
        tauri::WindowEvent::CloseRequested { api, .. }
            if window
                .try_state::<PageEventQueue>()
                .is_some_and(|queue| queue.ask_to_close()) =>
        {
            api.prevent_close();
        }
        tauri::WindowEvent::DragDrop(drag) => {
            if let Some(event) = dragged(drag) {
                tell(window.app_handle(), event);
            }
        }
        _ => {}
    }
}

/// Files dragged over the window, as the page hears of them (not each move over it).
fn dragged(drag: &tauri::DragDropEvent) -> Option<PageEvent> {
    use tauri::DragDropEvent;
    let paths = |paths: &[std::path::PathBuf]| -> Vec<String> {
        paths.iter().map(|p| p.display().to_string()).collect()
    };
    match drag {
        DragDropEvent::Enter { paths: p, .. } => Some(PageEvent::FilesOver { paths: paths(p) }),
        DragDropEvent::Drop { paths: p, .. } => Some(PageEvent::FilesDropped { paths: paths(p) }),
        DragDropEvent::Leave => Some(PageEvent::FilesLeft),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> PageEvent {
        PageEvent::OpenArticle { id: id.into() }
    }

    /// The page's call after `seen`, made on a task of its own (it waits until there is news).
    fn waiting_call(
        queue: &std::sync::Arc<PageEventQueue>,
        seen: u32,
    ) -> tokio::task::JoinHandle<PageEvents> {
        let queue = queue.clone();
        tokio::spawn(async move { queue.after(Some(seen)).await })
    }

    #[tokio::test]
    async fn a_page_just_loaded_starts_from_the_newest_event_without_waiting() {
        let queue = PageEventQueue::default();
        queue.tell(PageEvent::DeskChanged);
        queue.tell(article("a"));
        let first = queue.after(None).await;
        assert_eq!(
            first,
            PageEvents {
                seen: 2,
                events: vec![],
                missed: false
            }
        );
    }

    #[tokio::test]
    async fn hands_over_every_event_after_what_the_page_has_seen_in_order() {
        let queue = PageEventQueue::default();
        let seen = queue.after(None).await.seen;
        queue.tell(PageEvent::DeskChanged);
        queue.tell(article("a"));
        let next = queue.after(Some(seen)).await;
        assert_eq!(next.events, vec![PageEvent::DeskChanged, article("a")]);
        assert!(!next.missed);
        queue.tell(article("b"));
        let after = queue.after(Some(next.seen)).await;
        assert_eq!(after.events, vec![article("b")]);
    }

    #[tokio::test]
    async fn a_waiting_call_answers_when_the_next_event_is_told() {
        let queue = std::sync::Arc::new(PageEventQueue::default());
        let seen = queue.after(None).await.seen;
        let waiting = waiting_call(&queue, seen);
        // The call is waiting: it has had its turn on this one-threaded runtime and not finished.
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        queue.tell(PageEvent::DeskChanged);
        let answered = waiting.await.expect("the call answers");
        assert_eq!(answered.events, vec![PageEvent::DeskChanged]);
    }

    #[tokio::test]
    async fn a_page_away_for_longer_than_the_queue_keeps_is_told_it_missed_some() {
        let queue = PageEventQueue::default();
        let seen = queue.after(None).await.seen;
        for n in 0..KEPT + 3 {
            queue.tell(article(&n.to_string()));
        }
        let late = queue.after(Some(seen)).await;
        assert!(late.missed);
        assert_eq!(late.events.len(), KEPT);
        assert_eq!(late.events[0], article("3"));
        // A page that kept up misses nothing.
        queue.tell(PageEvent::DeskChanged);
        assert!(!queue.after(Some(late.seen)).await.missed);
    }

    #[tokio::test]
    async fn a_page_from_before_the_app_started_again_reloads() {
        let queue = PageEventQueue::default();
        queue.tell(PageEvent::DeskChanged);
        let stale = queue.after(Some(40)).await;
        assert!(stale.missed);
        assert_eq!(stale.seen, 1);
    }

    #[tokio::test]
    async fn the_window_closes_at_once_while_no_page_follows() {
        let queue = PageEventQueue::default();
        assert!(!queue.ask_to_close());
        assert_eq!(queue.kept().newest, 0, "nothing told to nobody");
    }

    #[tokio::test]
    async fn a_page_that_takes_each_asking_is_asked_before_the_window_closes_every_time() {
        let queue = std::sync::Arc::new(PageEventQueue::default());
        let seen = queue.after(None).await.seen;
        assert!(queue.ask_to_close());
        let asked = queue.after(Some(seen)).await;
        assert_eq!(asked.events, vec![PageEvent::CloseRequested]);
        // The page asks again at once (it kept the window open and asked the editor): it took
        // the asking, and a second close is asked again.
        let next = waiting_call(&queue, asked.seen);
        tokio::task::yield_now().await;
        assert!(queue.ask_to_close());
        let again = next.await.expect("the call answers");
        assert_eq!(again.events, vec![PageEvent::CloseRequested]);
    }

    #[tokio::test]
    async fn a_page_that_stopped_answering_lets_the_second_close_through() {
        let queue = std::sync::Arc::new(PageEventQueue::default());
        let seen = queue.after(None).await.seen;
        // The page's call waits, as it always does; the asking answers it, and the page (hung)
        // never asks again.
        let waiting = waiting_call(&queue, seen);
        tokio::task::yield_now().await;
        assert!(queue.ask_to_close());
        let handed = waiting.await.expect("the call answers");
        assert_eq!(handed.events, vec![PageEvent::CloseRequested]);
        assert!(!queue.ask_to_close(), "the page never took the asking");
        // Once it asks again, it is asked again.
        queue.tell(PageEvent::DeskChanged);
        queue.after(Some(handed.seen)).await;
        assert!(queue.ask_to_close());
    }

    #[tokio::test]
    async fn a_page_just_loaded_has_not_taken_what_its_predecessor_was_asked() {
        let queue = PageEventQueue::default();
        queue.after(None).await;
        assert!(queue.ask_to_close());
        // The page reloads: its first call starts from the newest and takes nothing.
        queue.after(None).await;
        assert!(!queue.ask_to_close());
    }

    #[tokio::test]
    async fn a_page_from_before_the_app_started_again_takes_nothing() {
        let queue = PageEventQueue::default();
        queue.after(None).await;
        assert!(queue.ask_to_close());
        queue.after(Some(40)).await;
        assert!(!queue.ask_to_close(), "number 40 is not this app's");
    }

    #[test]
    fn files_held_dropped_or_taken_away_are_told_and_each_move_over_the_window_is_not() {
        use tauri::DragDropEvent;
        use tauri::PhysicalPosition;
        let at = PhysicalPosition::new(40.0, 60.0);
        let letter = vec![std::path::PathBuf::from("/tmp/letter.docx")];
        assert_eq!(
            dragged(&DragDropEvent::Enter {
                paths: letter.clone(),
                position: at
            }),
            Some(PageEvent::FilesOver {
                paths: vec!["/tmp/letter.docx".into()]
            })
        );
        assert_eq!(dragged(&DragDropEvent::Over { position: at }), None);
        assert_eq!(
            dragged(&DragDropEvent::Drop {
                paths: letter,
                position: at
            }),
            Some(PageEvent::FilesDropped {
                paths: vec!["/tmp/letter.docx".into()]
            })
        );
        assert_eq!(dragged(&DragDropEvent::Leave), Some(PageEvent::FilesLeft));
    }

    #[test]
    fn the_page_reads_each_event_by_its_kind_and_detail() {
        let json = |e: &PageEvent| serde_json::to_value(e).expect("an event is JSON");
        assert_eq!(
            json(&PageEvent::DeskChanged),
            serde_json::json!({"kind": "deskChanged"})
        );
        assert_eq!(
            json(&article("x")),
            serde_json::json!({"kind": "openArticle", "detail": {"id": "x"}})
        );
        assert_eq!(
            json(&PageEvent::ServerReach(ServerReach {
                online: false,
                problem: Some("away".into())
            })),
            serde_json::json!({"kind": "serverReach", "detail": {"online": false, "problem": "away"}})
        );
    }
}
