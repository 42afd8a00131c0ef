//! Copies a bulk load's pages from the write-ahead log into the desk file on a thread and
//! connection of its own. A batch of thousands of articles is a hundred megabytes of log; copied
//! by the writer at commit, it holds up the next batch, while the core that prepares text is idle.
//! The checkpoint is SQLite's passive one, the same the writer would run, so it never blocks a
//! reader or the writer, and whatever it leaves undone the writer's own automatic checkpoint
//! (restored after every bulk write) picks up.

use std::path::Path;
use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::Result;

pub(super) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// How many checkpoints have run, for tests that wait for one.
    #[cfg_attr(not(test), allow(dead_code))]
    runs: Arc<(Mutex<u64>, Condvar)>,
}

impl Checkpointer {
    pub(super) fn start(path: &Path) -> Result<Checkpointer> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // A request that arrives while one is running is folded into the next run.
        let (wake, requests) = sync_channel::<()>(1);
        let runs = Arc::new((Mutex::new(0u64), Condvar::new()));
        let counted = runs.clone();
        let thread = std::thread::Builder::new()
            .name("desk-checkpoint".into())
            .spawn(move || {
                while requests.recv().is_ok() {
                    if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                    {
                        tracing::warn!(error = %e, "background checkpoint failed; the writer will checkpoint instead");
                    }
                    let (count, ran) = &*counted;
                    *count.lock().unwrap_or_else(|p| p.into_inner()) += 1;
                    ran.notify_all();
                }
            })?;
        Ok(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
            runs,
        })
    }

    /// Asks for a checkpoint; returns at once.
    pub(super) fn request(&self) {
        if let Some(wake) = &self.wake {
            match wake.try_send(()) {
                Ok(()) | Err(TrySendError::Full(())) => {}
                Err(TrySendError::Disconnected(())) => {
                    tracing::warn!("the checkpoint thread has stopped");
                }
            }
        }
    }

    /// Waits until at least `n` checkpoints have run; false if they have not within a minute
    /// (a stuck thread fails the test instead of hanging it).
    #[cfg(test)]
    pub(super) fn wait_for(&self, n: u64) -> bool {
        let (count, ran) = &*self.runs;
        let seen = count.lock().unwrap_or_else(|p| p.into_inner());
        let (seen, _) = ran
            .wait_timeout_while(seen, Duration::from_secs(60), |seen| *seen < n)
            .unwrap_or_else(|p| p.into_inner());
        *seen >= n
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread once it has finished the checkpoint in hand.
        self.wake.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
