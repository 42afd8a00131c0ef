//! What the CLI prints: a result for people or for scripts, and the one-line failure.

use std::io::Write;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use copydesk_core::api::BylineName;
use copydesk_core::{ApiError, Error, ErrorCode};
use serde::Serialize;
use serde_json::{Value, json};

/// A command's result, ready in both forms; `main` prints the one asked for.
pub enum Reply {
    Print {
        json: Value,
        human: String,
    },
    /// The command printed its own output (demo, bench).
    Done,
}

impl Reply {
    pub fn new(json: Value, human: String) -> Reply {
        Reply::Print { json, human }
    }
}

/// Serialises a core value for `--json`. Core values are plain data, so this only fails on a
/// bug; it is reported rather than unwrapped all the same.
pub fn to_json<T: Serialize>(value: &T) -> Result<Value, Failure> {
    serde_json::to_value(value)
        .map_err(|e| Failure::new(ErrorCode::Internal, format!("JSON output: {e}")))
}

/// Why a command failed: the desk's one error body (`{code, message, field?, details?}`), and
/// for a command that did part of its work, the report of what it did.
#[derive(Debug)]
pub struct Failure {
    pub error: ApiError,
    /// Printed on stdout instead of the error object (a batch with refused files, the problems
    /// `check` found): the command's own report, in both forms.
    pub report: Option<(Value, String)>,
}

pub type CliResult<T> = Result<T, Failure>;

impl Failure {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Failure {
        Failure {
            error: ApiError::new(code, message),
            report: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure::new(ErrorCode::InvalidInput, message)
    }

    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::new(ErrorCode::Usage, message)
    }

    /// The command's report goes to stdout; the failure's line to stderr.
    pub fn with_report(mut self, json: Value, human: String) -> Failure {
        self.report = Some((json, human));
        self
    }

    pub fn code(&self) -> ErrorCode {
        self.error.code
    }

    pub fn exit_code(&self) -> u8 {
        if self.error.code == ErrorCode::Usage {
            2
        } else {
            1
        }
    }

    /// Prints the failure: one line on stderr; on stdout the report in human mode, and with
    /// `--json` the error object (`{"error": …}`, with the report beside it as `"report"`).
    pub fn print(&self, json: bool) {
        let message = one_line(&self.error.message);
        if json {
            let mut error = self.error.clone();
            error.message.clone_from(&message);
            let mut body = json!({ "error": error });
            if let (Some((report, _)), Value::Object(map)) = (&self.report, &mut body) {
                map.insert("report".into(), report.clone());
            }
            out(&body.to_string());
        } else if let Some((_, human)) = &self.report {
            out(human);
        }
        let _ = writeln!(std::io::stderr().lock(), "error: {message}");
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure {
            error: e.into(),
            report: None,
        }
    }
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Failure {
        Failure {
            error,
            report: None,
        }
    }
}

/// The error line must stay one line whatever a user typed into the names it quotes.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes to stdout; a reader that went away (`| head`) is not an error worth a panic.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{text}");
    let _ = stdout.flush();
}

/// An instant as an editor reads it: in the desk's zone, with the zone's abbreviation.
pub fn time(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z").to_string()
}

/// Rows in columns padded to their widest cell; the last column is left ragged.
pub fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                let pad = widths[i] - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

/// "label  value" lines with the labels aligned, skipping empty values.
pub fn fields(pairs: &[(&str, String)]) -> String {
    let rows: Vec<Vec<String>> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| vec![(*k).to_string(), v.clone()])
        .collect();
    table(&rows)
}

/// The line that tells a reader how to get the next page.
pub fn next_page(next: &Option<String>) -> Option<String> {
    next.as_ref().map(|c| format!("more: --after {c}"))
}

/// A delay as people say it: "2 h 5 min", "45 min", "3 d 4 h", "under a minute".
pub fn delay(ms: i64) -> String {
    let minutes = ms.max(0) / 60_000;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let parts: Vec<String> = [(days, "d"), (hours, "h"), (minutes, "min")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "under a minute".to_string()
    } else {
        parts.join(" ")
    }
}

/// A byline's names, as a list line prints them.
pub fn names(byline: &[BylineName]) -> String {
    byline
        .iter()
        .map(|b| b.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn or_dash(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).unwrap_or("—").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_by_characters_not_bytes() {
        let t = table(&[vec!["é".into(), "x".into()], vec!["abc".into(), "y".into()]]);
        assert_eq!(t, "é    x\nabc  y");
    }

    #[test]
    fn delays_read_in_hours_and_minutes() {
        assert_eq!(delay(30_000), "under a minute");
        assert_eq!(delay(45 * 60_000), "45 min");
        assert_eq!(delay(2 * 3_600_000), "2 h");
        assert_eq!(delay(2 * 3_600_000 + 5 * 60_000 + 59_000), "2 h 5 min");
        assert_eq!(delay((3 * 24 + 1) * 3_600_000), "3 d 1 h");
    }

    #[test]
    fn failures_stay_on_one_line() {
        assert_eq!(
            one_line("no user\nmatches  “a\r\nb”"),
            "no user matches “a b”"
        );
    }
}
