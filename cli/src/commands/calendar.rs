//! `copydesk calendar …` and `copydesk export ics`: the publication calendar, read in the desk's
//! zone.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Days, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use copydesk_core::ErrorCode;
use copydesk_core::api::{Calendar, CalendarOp, ExportIcs};
use serde_json::json;

use crate::args::{CalendarCommand, WindowArgs};
use crate::context::Ctx;
use crate::input::parse_time;
use crate::output::{CliResult, Failure, Reply, names, or_dash, table, time, to_json};

/// How far the window reaches when --to is not given.
const DEFAULT_DAYS: u64 = 31;

pub fn run(ctx: &Ctx, cmd: CalendarCommand) -> CliResult<Reply> {
    match cmd {
        CalendarCommand::List { window } => {
            let tz = ctx.tz()?;
            let (from, to) = window_of(ctx, &window, tz)?;
            let calendar = ctx.call(CalendarOp { from, to })?;
            Ok(Reply::new(
                to_json(&calendar)?,
                calendar_text(&calendar, from, to, tz),
            ))
        }
    }
}

pub fn export_ics(ctx: &Ctx, file: &Path, window: &WindowArgs) -> CliResult<Reply> {
    check_writable(file)?;
    let tz = ctx.tz()?;
    let (from, to) = window_of(ctx, window, tz)?;
    let ics = ctx.call(ExportIcs { from, to })?.content;
    write_whole(file, ics.as_bytes())?;
    let events = ics.matches("BEGIN:VEVENT").count();
    let human = format!(
        "wrote {events} event{} ({} to {}) to {}",
        if events == 1 { "" } else { "s" },
        time(from, tz),
        time(to, tz),
        file.display()
    );
    let json = json!({
        "file": file,
        "events": events,
        "bytes": ics.len(),
        "from": from,
        "to": to,
    });
    Ok(Reply::new(json, human))
}

/// The window `[from, to)` the flags name: from today's 00:00 in the desk's zone, for 31 days,
/// unless told otherwise.
fn window_of(ctx: &Ctx, w: &WindowArgs, tz: Tz) -> CliResult<(DateTime<Utc>, DateTime<Utc>)> {
    let from = match &w.from {
        Some(text) => parse_time(text, tz)?,
        None => {
            let today = ctx.now().with_timezone(&tz).date_naive();
            local_instant(today.and_time(chrono::NaiveTime::MIN), tz)
        }
    };
    let to = match &w.to {
        Some(text) => parse_time(text, tz)?,
        None => days_after(from, DEFAULT_DAYS, tz),
    };
    if from >= to {
        let message = if w.from.is_some() {
            format!(
                "--from ({}) is not before --to ({}): the window runs from --from up to --to",
                time(from, tz),
                time(to, tz)
            )
        } else {
            format!(
                "--to ({}) is not after today's start ({}), where the window begins by default: give --from too",
                time(to, tz),
                time(from, tz)
            )
        };
        return Err(Failure::invalid(message));
    }
    Ok((from, to))
}

/// A local time as an instant; a time the zone skips (some zones change their clocks at
/// midnight) is taken at the first minute that exists after it.
fn local_instant(naive: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let mut t = naive;
    for _ in 0..(24 * 4) {
        match tz.from_local_datetime(&t) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => {
                return at.with_timezone(&Utc);
            }
            LocalResult::None => t += Duration::minutes(15),
        }
    }
    naive.and_utc()
}

/// The same local time `days` days later, in the desk's zone (so across a daylight-saving change
/// the window still ends at the hour it began).
fn days_after(from: DateTime<Utc>, days: u64, tz: Tz) -> DateTime<Utc> {
    from.with_timezone(&tz)
        .naive_local()
        .checked_add_days(Days::new(days))
        .map(|later| local_instant(later, tz))
        .unwrap_or(from + Duration::days(days as i64))
}

fn calendar_text(c: &Calendar, from: DateTime<Utc>, to: DateTime<Utc>, tz: Tz) -> String {
    let mut out = format!("calendar from {} to {}\n\n", time(from, tz), time(to, tz));
    if c.entries.is_empty() {
        out.push_str("nothing scheduled or published in this window");
    } else {
        let mut rows = vec![
            [
                format!("WHEN ({})", tz.name()),
                "STATE".into(),
                "SECTION".into(),
                "HEADLINE".into(),
                "BYLINE".into(),
                String::new(),
            ]
            .to_vec(),
        ];
        rows.extend(c.entries.iter().map(|e| {
            vec![
                time(e.at, tz),
                e.state.to_string(),
                or_dash(e.section.as_deref()),
                e.headline.clone(),
                or_dash(Some(&names(&e.byline))),
                if e.conflict {
                    "⚠ shares its slot".into()
                } else {
                    String::new()
                },
            ]
        }));
        out.push_str(&table(&rows));
    }
    out.push_str("\n\n");
    if c.free_slots.is_empty() {
        out.push_str("free slots: none (`settings set section NAME --slot \"Mon-Fri 08:00\"`)");
    } else {
        out.push_str("free slots:\n");
        let rows: Vec<Vec<String>> = c
            .free_slots
            .iter()
            .map(|f| vec![time(f.at, tz), f.section.clone()])
            .collect();
        out.push_str(&table(&rows));
    }
    out
}

/// Refuses a FILE that names a folder, or sits in a folder that does not exist, before anything
/// is read or written.
fn check_writable(file: &Path) -> CliResult<()> {
    let text = file.to_string_lossy();
    if file.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
        return Err(Failure::invalid(format!(
            "{} is a folder: name the file to write, e.g. {}",
            file.display(),
            file.join("calendar.ics").display()
        )));
    }
    let folder = parent_of(file);
    if !folder.is_dir() {
        return Err(Failure::invalid(format!(
            "cannot write {}: the folder {} does not exist",
            file.display(),
            folder.display()
        )));
    }
    Ok(())
}

fn parent_of(file: &Path) -> &Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a temporary file beside `file`, then renames it over `file`: a reader sees
/// the old file or the new one, never half of one.
fn write_whole(file: &Path, bytes: &[u8]) -> CliResult<()> {
    let fail = |e: std::io::Error| {
        Failure::new(
            ErrorCode::Io,
            format!("cannot write {}: {e}", file.display()),
        )
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(parent_of(file))
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    // A temporary file is private to its owner; the export is not a secret, so it gets the
    // permissions of the file it replaces, or the usual ones for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(file)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        tmp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(file).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_ends_at_the_same_local_hour_across_daylight_saving() {
        let paris: Tz = chrono_tz::Europe::Paris;
        // 1 October 2026, 00:00 in Paris (CEST); 31 days later is 1 November, 00:00 CET.
        let from = Utc.with_ymd_and_hms(2026, 9, 30, 22, 0, 0).unwrap();
        assert_eq!(
            days_after(from, 31, paris),
            Utc.with_ymd_and_hms(2026, 10, 31, 23, 0, 0).unwrap()
        );
    }

    #[test]
    fn a_skipped_midnight_starts_the_day_at_the_first_minute_that_exists() {
        // Santiago moved its clocks forward at 00:00 on 6 September 2026 (to 01:00, -03:00).
        let santiago: Tz = chrono_tz::America::Santiago;
        let midnight = chrono::NaiveDate::from_ymd_opt(2026, 9, 6)
            .unwrap()
            .and_time(chrono::NaiveTime::MIN);
        let at = local_instant(midnight, santiago);
        assert_eq!(at, Utc.with_ymd_and_hms(2026, 9, 6, 4, 0, 0).unwrap());
    }
}
