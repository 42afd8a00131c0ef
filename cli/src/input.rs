//! What users hand the CLI besides flags: text files and times.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use copydesk_core::desk_time::parse_desk_time;

use copydesk_core::ErrorCode;

use crate::output::{CliResult, Failure};

/// Far above what the core accepts for any text (1 MB); it only stops a mistaken multi-gigabyte
/// file from being read whole before the core gets to say no.
const READ_CAP: u64 = 16 * 1024 * 1024;

/// Reads a UTF-8 text file, or stdin for `-`. A file that is not UTF-8 is refused with the
/// offset of its first bad byte, so the writer can find it.
pub fn read_text(path: &Path) -> CliResult<String> {
    let shown = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let io_failure = |e: std::io::Error| {
        Failure::new(
            ErrorCode::Io,
            format!("cannot read {shown}: {}", describe(&e)),
        )
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(READ_CAP + 1)
            .read_to_end(&mut bytes)
            .map_err(io_failure)?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(READ_CAP + 1).read_to_end(&mut bytes))
            .map_err(io_failure)?;
    }
    if bytes.len() as u64 > READ_CAP {
        return Err(Failure::invalid(format!(
            "{shown} is larger than {} MB: that is not an article's text",
            READ_CAP / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::invalid(format!(
            "{shown} is not valid UTF-8 text (first bad byte at offset {}): save it as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A secret (a passphrase, an application password) from the environment variable `env`, else
/// asked for on the terminal (not echoed) as `label`, else read as one line from stdin: never
/// from the command line, where other users of the machine could read it in the process list.
pub fn secret(label: &str, env: &str) -> CliResult<String> {
    use std::io::{BufRead, IsTerminal, Write};
    if let Ok(p) = std::env::var(env) {
        return Ok(p);
    }
    let stdin = std::io::stdin();
    let echo_off = stdin.is_terminal();
    if echo_off {
        eprint!("{label}: ");
        let _ = std::io::stderr().flush();
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if echo_off {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    read.map_err(|e| {
        Failure::new(
            ErrorCode::Io,
            format!("cannot read the {}: {e}", label.to_lowercase()),
        )
    })?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// A new passphrase comes from the environment, never from the command line where other users
/// of the machine could read it in the process list.
pub fn new_passphrase() -> Option<String> {
    std::env::var("COPYDESK_NEW_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
}

/// A time typed in the desk's zone; the core's rules (see `copydesk_core::desk_time`).
pub fn parse_time(text: &str, tz: Tz) -> CliResult<DateTime<Utc>> {
    Ok(parse_desk_time(text, tz)?)
}
