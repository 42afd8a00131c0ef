//! Time as a parameter: business logic asks a `Clock`, tests move a `ManualClock`.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The machine's clock, for the CLI and the app.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock(Mutex::new(start))
    }

    pub fn set(&self, to: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = to;
    }

    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A clock that reads the instant from a file each time it is asked, so a test can move the
/// time of a running app (the end-to-end tests set `COPYDESK_CLOCK_FILE`). A file that cannot be
/// read, or holds no RFC 3339 instant, reads as the machine's clock.
#[derive(Debug, Clone)]
pub struct FileClock(std::path::PathBuf);

impl FileClock {
    pub fn new(path: impl Into<std::path::PathBuf>) -> Self {
        FileClock(path.into())
    }
}

impl Clock for FileClock {
    fn now(&self) -> DateTime<Utc> {
        std::fs::read_to_string(&self.0)
            .ok()
            .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_clock_follows_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("now");
        let clock = FileClock::new(&path);
        let before = Utc::now();
        assert!(clock.now() >= before, "no file: the machine's time");
        std::fs::write(&path, "2031-06-02T07:00:00Z\n").unwrap();
        assert_eq!(clock.now().to_rfc3339(), "2031-06-02T07:00:00+00:00");
        std::fs::write(&path, "not a time").unwrap();
        assert!(clock.now() >= before);
    }
}
