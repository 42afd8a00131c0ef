//! Desk settings: a few named values and the sections with their word limits.

use rusqlite::params;

use super::{SqliteTx, optional};
use crate::error::Result;
use crate::model::Section;
use crate::store::settings::Settings;

impl Settings for SqliteTx<'_> {
    fn get_value(&self, key: &str) -> Result<Option<String>> {
        optional(
            self.conn
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                }),
        )
    }

    fn set_value(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    fn list_sections(&self) -> Result<Vec<Section>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, min_words, max_words FROM sections ORDER BY position, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Section {
                name: r.get(0)?,
                min_words: r.get(1)?,
                max_words: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn get_section(&self, name: &str) -> Result<Option<Section>> {
        optional(self.conn.query_row(
            "SELECT name, min_words, max_words FROM sections WHERE name = ?1",
            [name],
            |r| {
                Ok(Section {
                    name: r.get(0)?,
                    min_words: r.get(1)?,
                    max_words: r.get(2)?,
                })
            },
        ))
    }

    fn put_section(&self, section: &Section) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sections (name, min_words, max_words, position)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM sections))
             ON CONFLICT (name) DO UPDATE SET min_words = excluded.min_words,
                                              max_words = excluded.max_words",
            params![section.name, section.min_words, section.max_words],
        )?;
        Ok(())
    }
}
