//! Times as the desk types and reads them: in its own named zone, never guessed across a
//! daylight-saving change.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};

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
pub fn parse_desk_time(text: &str, tz: Tz) -> Result<DateTime<Utc>> {
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
            Error::invalid(format!(
                "“{text}” is not a time: write it as \"2026-12-01 08:00\" ({}), or with an offset \"2026-12-01 08:00 +01:00\"",
                tz.name()
            ))
        })?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(Error::invalid(format!(
            "{} does not exist in {}: the clocks skip that hour (daylight saving time); choose another time",
            naive.format("%Y-%m-%d %H:%M"),
            tz.name()
        ))),
        LocalResult::Ambiguous(a, b) => {
            // The earlier reading first: before the clocks go back.
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            Err(Error::RepeatedHour {
                message: format!(
                    "{} happens twice in {} (the clocks go back): give the offset, \"{}\" or \"{}\"",
                    naive.format("%Y-%m-%d %H:%M"),
                    tz.name(),
                    a.format("%Y-%m-%d %H:%M %:z"),
                    b.format("%Y-%m-%d %H:%M %:z")
                ),
                offsets: [a.format("%:z").to_string(), b.format("%:z").to_string()],
            })
        }
    }
}

/// An instant as a sentence names it, in the desk's zone: "Mon 1 Jun, 09:00 (Europe/London)",
/// with the year when it is not the year of `now` there.
pub fn spoken_desk_time(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let format = if local.year() == now.with_timezone(&tz).year() {
        "%a %-d %b, %H:%M"
    } else {
        "%a %-d %b %Y, %H:%M"
    };
    format!("{} ({})", local.format(format), tz.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> Tz {
        chrono_tz::Europe::Paris
    }

    fn at(text: &str) -> String {
        match parse_desk_time(text, paris()) {
            Ok(t) => t.to_rfc3339(),
            Err(e) => format!("error: {e}"),
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
    fn a_repeated_hour_names_its_two_offsets_as_details_about_the_time() {
        let e = parse_desk_time("2026-10-25 02:30", paris()).unwrap_err();
        let api = crate::ApiError::from(e);
        assert_eq!(api.code, crate::ErrorCode::InvalidInput);
        assert_eq!(api.field.as_deref(), Some("at"));
        assert_eq!(
            api.details.as_deref(),
            Some(&crate::ErrorDetails::RepeatedHour {
                offsets: ["+02:00".to_string(), "+01:00".to_string()]
            })
        );
        // The sentence is kept, and each offset it offers is accepted.
        assert_eq!(
            api.message,
            "2026-10-25 02:30 happens twice in Europe/Paris (the clocks go back): give the offset, \"2026-10-25 02:30 +02:00\" or \"2026-10-25 02:30 +01:00\""
        );
        assert_eq!(at("2026-10-25 02:30 +02:00"), "2026-10-25T00:30:00+00:00");
        assert_eq!(at("2026-10-25 02:30 +01:00"), "2026-10-25T01:30:00+00:00");
        // A skipped hour is plain invalid input, with no offsets to offer.
        let gap = crate::ApiError::from(parse_desk_time("2026-03-29 02:30", paris()).unwrap_err());
        assert_eq!(gap.code, crate::ErrorCode::InvalidInput);
        assert_eq!(gap.details, None);
    }

    #[test]
    fn instants_are_spoken_in_the_desk_zone_with_the_year_only_when_another() {
        let now = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
        let june = Utc.with_ymd_and_hms(2026, 6, 1, 7, 0, 0).unwrap();
        assert_eq!(
            spoken_desk_time(june, now, paris()),
            "Mon 1 Jun, 09:00 (Europe/Paris)"
        );
        let next = Utc.with_ymd_and_hms(2027, 1, 4, 8, 30, 0).unwrap();
        assert_eq!(
            spoken_desk_time(next, now, paris()),
            "Mon 4 Jan 2027, 09:30 (Europe/Paris)"
        );
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(at("next tuesday").starts_with("error: "));
    }
}
