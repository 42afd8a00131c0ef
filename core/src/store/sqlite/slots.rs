//! Sections' recurring publication slots.

use rusqlite::params;

use super::SqliteTx;
use crate::error::Result;
use crate::model::Slot;
use crate::store::slots::Slots;

impl Slots for SqliteTx<'_> {
    fn list(&self, section: &str) -> Result<Vec<Slot>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT weekday, minute FROM section_slots WHERE section = ?1 ORDER BY weekday, minute",
        )?;
        let rows = stmt.query_map([section], |r| {
            Ok(Slot {
                weekday: r.get(0)?,
                minute: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set(&self, section: &str, slots: &[Slot]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM section_slots WHERE section = ?1")?
            .execute([section])?;
        let mut insert = self.conn.prepare_cached(
            "INSERT OR IGNORE INTO section_slots (section, weekday, minute) VALUES (?1, ?2, ?3)",
        )?;
        for s in slots {
            insert.execute(params![section, s.weekday, s.minute])?;
        }
        Ok(())
    }
}
