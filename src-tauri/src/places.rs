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
    /// The same desk, however its address was typed (a trailing slash, spaces, capitals, the
    /// default port): the address the journal files its text under is the same one.
    fn same_as(&self, other: &DeskPlace) -> bool {
        match (self, other) {
            (DeskPlace::File { path: a }, DeskPlace::File { path: b }) => a == b,
            (DeskPlace::Team { server: a }, DeskPlace::Team { server: b }) => {
                server_key(a) == server_key(b)
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

/// The desks used on this computer, newest first, in one small JSON file; with them, while a
/// desk chosen in the app waits for the app to start again, that choice.
pub struct Remembered {
    path: PathBuf,
}

/// What the file holds: the desks used, and the desk chosen for the next start. Written as the
/// bare list when no choice waits, as the file always was, so an older copydesk still reads it.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    desks: Vec<KnownDesk>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next_start: Option<DeskPlace>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OnDisk {
    List(Vec<KnownDesk>),
    Whole(Stored),
}

impl Remembered {
    pub fn at(path: impl Into<PathBuf>) -> Remembered {
        Remembered { path: path.into() }
    }

    /// A file that is missing or unreadable remembers nothing: the list is a convenience, and
    /// the desks themselves are untouched by its loss.
    fn read(&self) -> Stored {
        let on_disk = std::fs::read(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        match on_disk {
            Some(OnDisk::List(desks)) => Stored {
                desks,
                next_start: None,
            },
            Some(OnDisk::Whole(stored)) => stored,
            None => Stored::default(),
        }
    }

    /// The desks used, newest first.
    pub fn list(&self) -> Vec<KnownDesk> {
        self.read().desks
    }

    /// The desk used last.
    pub fn last(&self) -> Option<DeskPlace> {
        self.list().into_iter().next().map(|k| k.place)
    }

    /// The desks to offer on the desk at `here`: the desks used, and on a team desk the default
    /// desk file too when it is not among them, so that "A desk on this computer" is always
    /// there to go back to (its `used_at` is then the epoch: never noted as used).
    pub fn offered(&self, here: Option<&DeskPlace>, default_file: Option<&Path>) -> Vec<KnownDesk> {
        let mut known = self.list();
        if let (Some(DeskPlace::Team { .. }), Some(default)) = (here, default_file) {
            let default = file_place(default);
            if !known.iter().any(|k| k.place.same_as(&default)) {
                known.push(KnownDesk {
                    place: default,
                    name: None,
                    used_at: DateTime::<Utc>::UNIX_EPOCH,
                });
            }
        }
        known
    }

    /// Notes `place` as used now (first in the list), keeping the name known for it unless a
    /// new one is given.
    pub fn used(
        &self,
        place: &DeskPlace,
        name: Option<&str>,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<KnownDesk>> {
        let mut stored = self.read();
        note_used(&mut stored.desks, place, name, now);
        self.write(&stored)?;
        Ok(stored.desks)
    }

    /// Going from the desk at `here` (named `here_name`, when known) to the desk at `to`: both
    /// are noted as used, `to` last, and `to` is the desk the app opens when it next starts,
    /// whatever its arguments and environment name (they are the same when the app starts
    /// itself again), once. One write: a crash leaves the file before or after.
    pub fn switch(
        &self,
        here: Option<&DeskPlace>,
        here_name: Option<&str>,
        to: &DeskPlace,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<KnownDesk>> {
        let mut stored = self.read();
        if let Some(here) = here {
            note_used(&mut stored.desks, here, here_name, now);
        }
        note_used(&mut stored.desks, to, None, now);
        stored.next_start = Some(to.clone());
        self.write(&stored)?;
        Ok(stored.desks)
    }

    /// The desk chosen in the app for this start, if one waits: taken, so that it is used once.
    /// A choice that cannot be cleared is still taken (the next start takes it again).
    pub fn take_next_start(&self) -> Option<DeskPlace> {
        let mut stored = self.read();
        let chosen = stored.next_start.take()?;
        if let Err(e) = self.write(&stored) {
            eprintln!("copydesk: {}", e.message);
        }
        Some(chosen)
    }

    /// Forgets `place` (a server that is gone); the desk itself is untouched.
    pub fn forget(&self, place: &DeskPlace) -> AppResult<Vec<KnownDesk>> {
        let mut stored = self.read();
        stored.desks.retain(|k| !k.place.same_as(place));
        if stored.next_start.as_ref().is_some_and(|p| p.same_as(place)) {
            stored.next_start = None;
        }
        self.write(&stored)?;
        Ok(stored.desks)
    }

    /// Written whole to a temporary file renamed over the old one: a crash leaves either list.
    fn write(&self, stored: &Stored) -> AppResult<()> {
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
        let json = match stored.next_start {
            None => serde_json::to_vec_pretty(&stored.desks),
            Some(_) => serde_json::to_vec_pretty(stored),
        }
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let temp = self.path.with_extension("json.tmp");
        std::fs::write(&temp, json).map_err(failed)?;
        std::fs::rename(&temp, &self.path).map_err(failed)
    }
}

/// Puts `place` first in `known`, as used `now`, keeping the name known for it unless a new
/// one is given; the oldest used go past `KEPT`.
fn note_used(
    known: &mut Vec<KnownDesk>,
    place: &DeskPlace,
    name: Option<&str>,
    now: DateTime<Utc>,
) {
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
}

/// The desk the app opens: the one chosen in the app for this start (taken: once), else the one
/// named by its arguments or environment (a desk file, `db`, wins over a team desk, `server`),
/// else the one used last, else the default desk file. The choice comes first because the app
/// starts itself again with the arguments and environment it had: they would name the desk left.
pub fn start_place(
    db: Option<&Path>,
    server: Option<&str>,
    remembered: &Remembered,
    default_file: Option<&Path>,
) -> Option<DeskPlace> {
    let place = if let Some(chosen) = remembered.take_next_start() {
        Some(chosen)
    } else if let Some(db) = db {
        Some(file_place(db))
    } else if let Some(server) = server.filter(|s| !s.trim().is_empty()) {
        Some(team_place(server))
    } else {
        remembered.last().or_else(|| default_file.map(file_place))
    };
    // In one spelling whatever named it (a desks.json of an older build keeps the address as
    // typed): the window's single-instance name and the journal's key are made from it.
    place.map(|place| match place {
        DeskPlace::Team { server } => team_place(&server),
        file => file,
    })
}

fn team_place(server: &str) -> DeskPlace {
    DeskPlace::Team {
        server: server_key(server),
    }
}

/// A team desk's address in the one spelling the app files it under (`Client::base`'s); what is
/// no address stays as typed, trimmed.
pub fn server_key(server: &str) -> String {
    copydesk_client::canonical_base(server)
        .unwrap_or_else(|_| server.trim().trim_end_matches('/').to_string())
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

    #[test]
    fn a_switch_notes_the_desk_left_then_the_desk_chosen() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        let here = file_place(Path::new("/home/e/.local/share/copydesk/desk.db"));
        let known = r
            .switch(
                Some(&here),
                Some("Trial desk"),
                &team("https://desk.example.org"),
                at(1),
            )
            .unwrap();
        assert_eq!(
            known.iter().map(|k| &k.place).collect::<Vec<_>>(),
            [&team("https://desk.example.org"), &here]
        );
        assert_eq!(known[1].name.as_deref(), Some("Trial desk"));
        assert_eq!(r.list(), known);
        // From nowhere (no desk could be named): only the desk chosen.
        let r = Remembered::at(dir.path().join("other.json"));
        assert_eq!(
            r.switch(None, None, &here, at(2)).unwrap().len(),
            1,
            "{:?}",
            r.list()
        );
    }

    #[test]
    fn a_team_desk_remembered_as_typed_starts_in_one_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        r.used(&team("https://Desk.Example.org:443/"), None, at(1))
            .unwrap();
        assert_eq!(
            start_place(None, None, &r, None),
            Some(team("https://desk.example.org"))
        );
    }

    #[test]
    fn the_desk_chosen_in_the_app_beats_arguments_and_environment_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desks.json");
        let r = Remembered::at(&path);
        let named = Path::new("/tmp/named.db");
        let default = Path::new("/home/e/.local/share/copydesk/desk.db");
        // Started with `--db /tmp/named.db` (or COPYDESK_DB), the user joins a team desk: the app
        // starts itself again with the same argument, and lands on the team desk.
        r.switch(
            Some(&file_place(named)),
            None,
            &team("https://desk.example.org"),
            at(1),
        )
        .unwrap();
        assert_eq!(
            start_place(Some(named), None, &r, Some(default)),
            Some(team("https://desk.example.org"))
        );
        // Once: a later start with the argument opens the desk it names.
        assert_eq!(
            start_place(Some(named), None, &r, Some(default)),
            Some(file_place(named))
        );
        // The same with COPYDESK_SERVER, going back to a desk file.
        r.switch(
            Some(&team("http://127.0.0.1:9")),
            None,
            &file_place(default),
            at(2),
        )
        .unwrap();
        assert_eq!(
            start_place(None, Some("http://127.0.0.1:9"), &r, Some(default)),
            Some(file_place(default))
        );
        assert_eq!(
            start_place(None, Some("http://127.0.0.1:9"), &r, Some(default)),
            Some(team("http://127.0.0.1:9"))
        );
        // With no choice waiting, the file is the bare list, as an older copydesk wrote and reads.
        let bytes = std::fs::read(&path).unwrap();
        let list: Vec<KnownDesk> = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(list, r.list());
        assert_eq!(list.len(), 4);
    }

    #[test]
    fn a_forgotten_desk_is_not_opened_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        let named = Path::new("/tmp/named.db");
        r.switch(None, None, &team("https://desk.example.org"), at(1))
            .unwrap();
        r.forget(&team("https://desk.example.org/")).unwrap();
        assert_eq!(
            start_place(Some(named), None, &r, None),
            Some(file_place(named))
        );
    }

    #[test]
    fn a_team_desk_always_offers_the_default_desk_file() {
        let dir = tempfile::tempdir().unwrap();
        let r = Remembered::at(dir.path().join("desks.json"));
        let default = Path::new("/home/e/.local/share/copydesk/desk.db");
        let here = team("https://desk.example.org");
        r.used(&here, None, at(1)).unwrap();
        let offered = r.offered(Some(&here), Some(default));
        assert_eq!(
            offered.iter().map(|k| &k.place).collect::<Vec<_>>(),
            [&here, &file_place(default)]
        );
        // Once used, it is offered as remembered, once.
        r.used(&file_place(default), Some("Trial desk"), at(2))
            .unwrap();
        r.used(&here, None, at(3)).unwrap();
        assert_eq!(r.offered(Some(&here), Some(default)), r.list());
        // On a desk file, only the desks used.
        let r = Remembered::at(dir.path().join("other.json"));
        assert!(
            r.offered(Some(&file_place(Path::new("/tmp/a.db"))), Some(default))
                .is_empty()
        );
    }
}
