//! Desk settings, sections and their slots, on PostgreSQL.

use postgres::Row;

use super::{PgTx, get};
use crate::error::Result;
use crate::model::{Section, Slot};
use crate::store::settings::Settings;
use crate::store::slots::Slots;

fn section(r: &Row) -> Result<Section> {
    Ok(Section {
        name: get(r, 0)?,
        min_words: get(r, 1)?,
        max_words: get(r, 2)?,
    })
}

impl Settings for PgTx<'_> {
    fn get_value(&self, key: &str) -> Result<Option<String>> {
        self.opt("SELECT value FROM settings WHERE key = $1", &[&key])?
            .map(|r| get(&r, 0))
            .transpose()
    }

    fn set_value(&self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO settings (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &value],
        )?;
        Ok(())
    }

    fn list_sections(&self) -> Result<Vec<Section>> {
        self.rows(
            "SELECT name, min_words, max_words FROM sections ORDER BY position, name",
            &[],
        )?
        .iter()
        .map(section)
        .collect()
    }

    fn get_section(&self, name: &str) -> Result<Option<Section>> {
        if !super::storable_key(name) {
            return Ok(None);
        }
        self.opt(
            "SELECT name, min_words, max_words FROM sections WHERE lower(name) = lower($1)",
            &[&name],
        )?
        .as_ref()
        .map(section)
        .transpose()
    }

    fn put_section(&self, s: &Section) -> Result<()> {
        self.exec(
            "INSERT INTO sections (name, min_words, max_words, position)
             VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM sections))
             ON CONFLICT (lower(name)) DO UPDATE SET min_words = excluded.min_words,
                                                     max_words = excluded.max_words",
            &[&s.name, &s.min_words, &s.max_words],
        )?;
        Ok(())
    }
}

impl Slots for PgTx<'_> {
    fn list(&self, section: &str) -> Result<Vec<Slot>> {
        self.rows(
            "SELECT weekday, minute FROM section_slots WHERE section = $1
              ORDER BY weekday, minute",
            &[&section],
        )?
        .iter()
        .map(|r| {
            let weekday: i64 = get(r, 0)?;
            let minute: i64 = get(r, 1)?;
            Ok(Slot {
                weekday: u8::try_from(weekday).unwrap_or(1),
                minute: u16::try_from(minute).unwrap_or(0),
            })
        })
        .collect()
    }

    fn set(&self, section: &str, slots: &[Slot]) -> Result<()> {
        self.exec("DELETE FROM section_slots WHERE section = $1", &[&section])?;
        for s in slots {
            self.exec(
                "INSERT INTO section_slots (section, weekday, minute) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&section, &i64::from(s.weekday), &i64::from(s.minute)],
            )?;
        }
        Ok(())
    }
}
