//! What users hand the CLI besides flags: text files and times.

use std::io::Read;
use std::path::Path;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

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
    let io_failure =
        |e: std::io::Error| Failure::new("io", format!("cannot read {shown}: {}", describe(&e)));
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

/// A new passphrase comes from the environment, never from the command line where other users
/// of the machine could read it in the process list.
pub fn new_passphrase() -> Option<String> {
    std::env::var("COPYDESK_NEW_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
}

const LOCAL_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
];

const OFFSET_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M %:z",
    "%Y-%m-%d %H:%M:%S %:z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S %z",
];

/// A time typed in the desk's zone ("2026-12-01 08:00"), with an explicit offset
/// ("2026-10-25 01:30 +01:00"), or in RFC 3339. A local time the zone skips or repeats (a
/// daylight-saving change) is refused rather than guessed.
pub fn parse_time(text: &str, tz: Tz) -> CliResult<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for f in OFFSET_FORMATS {
        if let Ok(t) = DateTime::parse_from_str(text, f) {
            return Ok(t.with_timezone(&Utc));
        }
    }
    let naive = LOCAL_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .ok_or_else(|| {
            Failure::invalid(format!(
                "“{text}” is not a time: write it as \"2026-12-01 08:00\" ({}), or with an offset \"2026-12-01 08:00 +01:00\"",
                tz.name()
            ))
        })?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(Failure::invalid(format!(
            "{} does not exist in {}: the clocks skip that hour (daylight saving time); choose another time",
            naive.format("%Y-%m-%d %H:%M"),
            tz.name()
        ))),
        LocalResult::Ambiguous(a, b) => Err(Failure::invalid(format!(
            "{} happens twice in {} (the clocks go back): give the offset, \"{}\" or \"{}\"",
            naive.format("%Y-%m-%d %H:%M"),
            tz.name(),
            a.format("%Y-%m-%d %H:%M %:z"),
            b.format("%Y-%m-%d %H:%M %:z")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Tz {
        chrono_tz::Europe::Paris
    }

    fn at(text: &str) -> String {
        match parse_time(text, paris()) {
            Ok(t) => t.to_rfc3339(),
            Err(f) => format!("error: {}", f.message),
        }
    }

    #[test]
    fn local_times_are_in_the_desk_zone() {
        assert_eq!(at("2026-12-01 08:00"), "2026-12-01T07:00:00+00:00");
        assert_eq!(at("2026-07-01T08:00"), "2026-07-01T06:00:00+00:00");
        assert_eq!(at("2026-12-01"), "2026-11-30T23:00:00+00:00");
    }

    #[test]
    fn explicit_offsets_and_rfc3339_win() {
        assert_eq!(at("2026-10-25 02:30 +01:00"), "2026-10-25T01:30:00+00:00");
        assert_eq!(at("2026-12-01T08:00:00Z"), "2026-12-01T08:00:00+00:00");
    }

    #[test]
    fn daylight_saving_gaps_and_overlaps_are_refused() {
        let gap = at("2026-03-29 02:30");
        assert!(gap.contains("does not exist in Europe/Paris"), "{gap}");
        let twice = at("2026-10-25 02:30");
        assert!(twice.contains("happens twice"), "{twice}");
        assert!(
            twice.contains("+02:00") && twice.contains("+01:00"),
            "{twice}"
        );
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(at("next tuesday").starts_with("error: "));
    }
}
