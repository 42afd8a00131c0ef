//! Which desk the app works on, a desk file on this computer or a team desk's server, and the
//! desks used before, remembered in the app's data folder so that the app opens the last one
//! and the masthead can offer the others.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use copydesk_core::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

use crate::error::AppResult;

/// Where a desk is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeskPlace {
    /// A desk file on this computer.
    File { path: String },
    /// A team desk, through its server (`https://desk.example.org`).
    Team { server: String },
}

impl DeskPlace {
    /// The same desk, however its address was typed (a trailing slash, spaces).
    fn same_as(&self, other: &DeskPlace) -> bool {
        match (self, other) {
            (DeskPlace::File { path: a }, DeskPlace::File { path: b }) => a == b,
            (DeskPlace::Team { server: a }, DeskPlace::Team { server: b }) => {
                let plain = |s: &str| s.trim().trim_end_matches('/').to_ascii_lowercase();
                plain(a) == plain(b)
            }
            _ => false,
        }
    }
}

/// A desk used on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct KnownDesk {
    pub place: DeskPlace,
    /// The desk's name (the publication's), when it was known.
    pub name: Option<String>,
    pub used_at: DateTime<Utc>,
}

/// How many desks are remembered: the oldest used goes first.
const KEPT: usize = 20;

/// The desks used on this computer, newest first, in one small JSON file.
pub struct Remembered {
    path: PathBuf,
}

impl Remembered {
    pub fn at(path: impl Into<PathBuf>) -> Remembered {
        Remembered { path: path.into() }
    }

    /// The desks used, newest first. A file that is missing or unreadable remembers nothing:
    /// the list is a convenience, and the desks themselves are untouched by its loss.
    pub fn list(&self) -> Vec<KnownDesk> {
        std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The desk used last.
    pub fn last(&self) -> Option<DeskPlace> {
        self.list().into_iter().next().map(|k| k.place)
    }

    /// Notes `place` as used now (first in the list), keeping the name known for it unless a
    /// new one is given.
    pub fn used(
        &self,
        place: &DeskPlace,
        name: Option<&str>,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<KnownDesk>> {
        let mut known = self.list();
        let before = known.iter().position(|k| k.place.same_as(place));
        let kept_name = before.and_then(|i| known[i].name.clone());
        if let Some(i) = before {
            known.remove(i);
        }
        known.insert(
            0,
            KnownDesk {
                place: place.clone(),
                name: name.map(str::to_string).or(kept_name),
                used_at: now,
            },
        );
        known.truncate(KEPT);
        self.write(&known)?;
        Ok(known)
    }

    /// Forgets `place` (a server that is gone); the desk itself is untouched.
    pub fn forget(&self, place: &DeskPlace) -> AppResult<Vec<KnownDesk>> {
        let mut known = self.list();
        known.retain(|k| !k.place.same_as(place));
        self.write(&known)?;
        Ok(known)
    }

    /// Written whole to a temporary file renamed over the old one: a crash leaves either list.
    fn write(&self, known: &[KnownDesk]) -> AppResult<()> {
        let failed = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::Io,
                format!(
                    "the list of desks used cannot be kept at {}: {}",
                    self.path.display(),
                    copydesk_core::error::io_words(&e)
                ),
            )
            .with_detail(e.to_string())
        };
        if let Some(folder) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(failed)?;
        }
        let json = serde_json::to_vec_pretty(known)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let temp = self.path.with_extension("json.tmp");
        std::fs::write(&temp, json).map_err(failed)?;
        std::fs::rename(&temp, &self.path).map_err(failed)
    }
}

/// The desk the app opens: the one named in its environment (`COPYDESK_DB`, a desk file, wins
/// over `COPYDESK_SERVER`, a team desk), else the one used last, else the default desk file.
pub fn start_place(
    db: Option<&Path>,
    server: Option<&str>,
    remembered: &Remembered,
    default_file: Option<&Path>,
) -> Option<DeskPlace> {
    if let Some(db) = db {
        return Some(file_place(db));
    }
    if let Some(server) = server.filter(|s| !s.trim().is_empty()) {
        return Some(DeskPlace::Team {
            server: server.trim().to_string(),
        });
    }
    remembered.last().or_else(|| default_file.map(file_place))
}

pub fn file_place(path: &Path) -> DeskPlace {
    DeskPlace::File {
        path: path.display().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 10, minute, 0).unwrap()
    }

    fn team(server: &str) -> DeskPlace {
        DeskPlace::Team {
            server: server.into(),
        }
    }

    #[test]
    fn the_last_desk_used_comes_first_once_and_keeps_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        assert!(r.list().is_empty());
        r.used(
            &team("https://desk.example.org"),
            Some("The Meridian"),
            at(1),
        )
        .unwrap();
        r.used(&file_place(Path::new("/tmp/a.db")), None, at(2))
            .unwrap();
        // The same server typed with a trailing slash is the same desk; its name stays.
        let known = r
            .used(&team("https://DESK.example.org/"), None, at(3))
            .unwrap();
        assert_eq!(known.len(), 2);
        assert_eq!(known[0].name.as_deref(), Some("The Meridian"));
        assert_eq!(known[0].used_at, at(3));
        assert_eq!(r.last(), Some(team("https://DESK.example.org/")));
        assert_eq!(r.list(), known);
    }

    #[test]
    fn a_forgotten_desk_leaves_the_list_and_damage_remembers_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desks.json");
        let r = Remembered::at(&path);
        r.used(&team("http://127.0.0.1:8440"), None, at(1)).unwrap();
        assert!(r.forget(&team("http://127.0.0.1:8440")).unwrap().is_empty());
        std::fs::write(&path, b"{ not json").unwrap();
        assert!(r.list().is_empty());
        assert_eq!(r.last(), None);
    }

    #[test]
    fn only_the_latest_twenty_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        for i in 0..25 {
            r.used(&team(&format!("http://10.0.0.{i}:8440")), None, at(i))
                .unwrap();
        }
        let known = r.list();
        assert_eq!(known.len(), KEPT);
        assert_eq!(known[0].place, team("http://10.0.0.24:8440"));
    }

    #[test]
    fn the_environment_names_the_desk_before_the_desk_used_last() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        let default = Path::new("/home/e/.local/share/copydesk/desk.db");
        assert_eq!(
            start_place(None, None, &r, Some(default)),
            Some(file_place(default))
        );
        r.used(&team("https://desk.example.org"), None, at(1))
            .unwrap();
        assert_eq!(
            start_place(None, None, &r, Some(default)),
            Some(team("https://desk.example.org"))
        );
        assert_eq!(
            start_place(None, Some(" http://127.0.0.1:9 "), &r, Some(default)),
            Some(team("http://127.0.0.1:9"))
        );
        assert_eq!(
            start_place(
                Some(Path::new("/tmp/x.db")),
                Some("http://127.0.0.1:9"),
                &r,
                None
            ),
            Some(file_place(Path::new("/tmp/x.db")))
        );
    }
}
