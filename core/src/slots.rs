//! Publication slots as the desk writes them ("Mon-Fri 08:00"), and finding the next free one
//! in the desk's zone.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::model::Slot;

const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// 1 for "Mon" or "Monday" … 7 for "Sun" or "Sunday", any case.
fn weekday(word: &str) -> Option<u8> {
    let w = word.trim().to_lowercase();
    DAYS.iter()
        .position(|d| w.len() >= 3 && d.starts_with(&w))
        .map(|i| i as u8 + 1)
}

/// Parses "Mon-Fri 08:00", "Sat,Sun 10:30", "daily 12:00" or "Mon-Fri 08:00 12:00" into slots.
pub fn parse_slots(text: &str) -> Result<Vec<Slot>> {
    let bad = |why: &str| {
        Error::invalid(format!(
            "“{}” is not a slot: {why} (write it like \"Mon-Fri 08:00\" or \"Sat,Sun 10:30 16:00\")",
            text.trim()
        ))
    };
    let mut words = text.split_whitespace();
    let days_word = words.next().ok_or_else(|| bad("it is empty"))?;
    let mut days = Vec::new();
    if matches!(
        days_word.to_lowercase().as_str(),
        "daily" | "every-day" | "everyday"
    ) {
        days.extend(1..=7);
    } else {
        for part in days_word.split(',') {
            match part.split_once('-') {
                Some((a, b)) => {
                    let a = weekday(a).ok_or_else(|| bad(&format!("“{a}” is not a day")))?;
                    let b = weekday(b).ok_or_else(|| bad(&format!("“{b}” is not a day")))?;
                    if a > b {
                        return Err(bad("a day range runs from Monday towards Sunday"));
                    }
                    days.extend(a..=b);
                }
                None => {
                    days.push(weekday(part).ok_or_else(|| bad(&format!("“{part}” is not a day")))?)
                }
            }
        }
    }
    let mut slots = Vec::new();
    for time in words {
        let t = NaiveTime::parse_from_str(time, "%H:%M")
            .map_err(|_| bad(&format!("“{time}” is not a time of day (HH:MM)")))?;
        let minute = (t.hour_minute().0 * 60 + t.hour_minute().1) as u16;
        slots.extend(days.iter().map(|&weekday| Slot { weekday, minute }));
    }
    if slots.is_empty() {
        return Err(bad("it names no time"));
    }
    slots.sort();
    slots.dedup();
    Ok(slots)
}

trait HourMinute {
    fn hour_minute(&self) -> (u32, u32);
}

impl HourMinute for NaiveTime {
    fn hour_minute(&self) -> (u32, u32) {
        use chrono::Timelike;
        (self.hour(), self.minute())
    }
}

/// "Mon 08:00", as the desk reads a slot.
pub fn slot_label(slot: Slot) -> String {
    let day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        [usize::from(slot.weekday.clamp(1, 7) - 1)];
    format!("{day} {:02}:{:02}", slot.minute / 60, slot.minute % 60)
}

/// The instants of `slots` after `now`, in order, for up to `weeks` weeks, in zone `tz`. A slot
/// whose local time the zone skips that day (spring forward) is left out; one it repeats (fall
/// back) is taken at its first occurrence.
pub fn upcoming(slots: &[Slot], tz: Tz, now: DateTime<Utc>, weeks: u32) -> Vec<DateTime<Utc>> {
    let today = now.with_timezone(&tz).date_naive();
    let mut out = Vec::new();
    for offset in 0..u64::from(weeks) * 7 + 1 {
        let Some(day) = today.checked_add_days(Days::new(offset)) else {
            break;
        };
        let wd = day.weekday().number_from_monday() as u8;
        for s in slots.iter().filter(|s| s.weekday == wd) {
            let Some(local) =
                day.and_hms_opt(u32::from(s.minute / 60), u32::from(s.minute % 60), 0)
            else {
                continue;
            };
            let at = match tz.from_local_datetime(&local) {
                LocalResult::Single(t) => t,
                LocalResult::Ambiguous(first, _) => first,
                LocalResult::None => continue,
            };
            let at = at.with_timezone(&Utc);
            if at > now {
                out.push(at);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        parse_slots(text)
            .unwrap()
            .into_iter()
            .map(slot_label)
            .collect()
    }

    #[test]
    fn slots_read_as_the_desk_writes_them() {
        assert_eq!(
            labels("Mon-Fri 08:00 12:00").len(),
            10,
            "five days, two times"
        );
        assert_eq!(labels("sat,Sunday 10:30"), ["Sat 10:30", "Sun 10:30"]);
        assert_eq!(labels("daily 07:15").len(), 7);
        for bad in [
            "",
            "Mon",
            "Funday 08:00",
            "Fri-Mon 08:00",
            "Mon 25:00",
            "Mon 8am",
        ] {
            let err = parse_slots(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_input", "{bad}");
            assert!(err.to_string().contains("is not a slot"), "{err}");
        }
    }

    #[test]
    fn upcoming_slots_follow_the_zone_across_daylight_saving() {
        let paris: Tz = chrono_tz::Europe::Paris;
        // Saturday 28 March 2026, noon UTC: Sunday 29 March the clocks skip 02:00–03:00.
        let now = Utc.with_ymd_and_hms(2026, 3, 28, 12, 0, 0).unwrap();
        let slots = parse_slots("daily 02:30 08:00").unwrap();
        let next: Vec<String> = upcoming(&slots, paris, now, 1)
            .into_iter()
            .take(3)
            .map(|t| t.to_rfc3339())
            .collect();
        // Sunday's 02:30 does not exist; 08:00 is 06:00 UTC after the change; Monday 02:30 is 00:30 UTC.
        assert_eq!(
            next,
            [
                "2026-03-29T06:00:00+00:00",
                "2026-03-30T00:30:00+00:00",
                "2026-03-30T06:00:00+00:00"
            ]
        );
    }
}
