//! The sessions `copydesk login` keeps: one per server, in the user's config folder, in a file
//! only they can read (mode 0600), since a token is as good as a passphrase until it runs out.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

use copydesk_core::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::output::{CliResult, Failure};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Kept {
    pub user: String,
    pub token: String,
}

/// $XDG_CONFIG_HOME/copydesk/sessions.json, or ~/.config/copydesk/sessions.json.
fn file() -> CliResult<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .ok_or_else(|| {
            Failure::new(
                ErrorCode::Io,
                "no home folder to keep the session in: set HOME or XDG_CONFIG_HOME",
            )
        })?;
    Ok(config.join("copydesk").join("sessions.json"))
}

fn read_all() -> CliResult<BTreeMap<String, Kept>> {
    let path = file()?;
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            Failure::new(
                ErrorCode::Io,
                format!(
                    "{} is damaged ({e}): delete it and sign in again",
                    path.display()
                ),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(Failure::new(
            ErrorCode::Io,
            format!("cannot read {}: {e}", path.display()),
        )),
    }
}

fn write_all(all: &BTreeMap<String, Kept>) -> CliResult<()> {
    let path = file()?;
    let io = |e: std::io::Error| {
        Failure::new(
            ErrorCode::Io,
            format!("cannot keep the session in {}: {e}", path.display()),
        )
    };
    if let Some(folder) = path.parent() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)
            .map_err(io)?;
    }
    // Written beside it and renamed: a crash leaves the old file or the new one, whole.
    let fresh = path.with_extension("json.new");
    let _ = std::fs::remove_file(&fresh);
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&fresh)
        .map_err(io)?;
    let text = serde_json::to_vec_pretty(all).map_err(|e| io(std::io::Error::other(e)))?;
    out.write_all(&text).map_err(io)?;
    out.sync_all().map_err(io)?;
    std::fs::rename(&fresh, &path).map_err(io)
}

/// The session kept for `server`, if any.
pub fn kept(server: &str) -> CliResult<Option<Kept>> {
    Ok(read_all()?.remove(server))
}

pub fn keep(server: &str, kept: Kept) -> CliResult<()> {
    let mut all = read_all()?;
    all.insert(server.to_string(), kept);
    write_all(&all)
}

pub fn forget(server: &str) -> CliResult<Option<Kept>> {
    let mut all = read_all()?;
    let gone = all.remove(server);
    if gone.is_some() {
        write_all(&all)?;
    }
    Ok(gone)
}
