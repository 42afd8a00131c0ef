//! The calendar as iCalendar: one event per scheduled or published piece, at its UTC instant.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Calendar as Ics, Component, Event, EventLike};

use super::{Actor, Desk, KEY_NAME};
use crate::error::Result;
use crate::model::State;

/// How long a publication shows in a calendar application.
const SHOWN_FOR: Duration = Duration::minutes(15);

impl Desk {
    /// The calendar of `[from, to)` as an iCalendar file.
    pub fn export_ics(
        &self,
        actor: &Actor,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<String> {
        let now = self.now();
        let calendar = self.calendar(actor, from, to)?;
        let name = self
            .store
            .read(|tx| tx.settings().get_value(KEY_NAME))?
            .unwrap_or_default();
        let mut ics = Ics::new();
        ics.name(&format!("{name} — publication calendar"));
        for e in &calendar.entries {
            let what = match e.state {
                State::Published => "Published",
                _ => "Scheduled",
            };
            let mut description = what.to_string();
            if let Some(section) = &e.section {
                description.push_str(&format!(" in {section}"));
            }
            if !e.byline.is_empty() {
                let names: Vec<&str> = e.byline.iter().map(|b| b.name.as_str()).collect();
                description.push_str(&format!(", by {}", names.join(", ")));
            }
            if e.conflict {
                description.push_str(". Shares its slot with another piece.");
            }
            ics.push(
                Event::new()
                    .uid(&format!("{}@copydesk", e.article_id))
                    .summary(&e.headline)
                    .description(&description)
                    .starts(e.at)
                    .ends(e.at + SHOWN_FOR)
                    .timestamp(now)
                    .done(),
            );
        }
        Ok(ics.done().to_string())
    }
}
