//! Sections' recurring publication slots.

use rusqlite::{Connection, params};

use crate::error::Result;
use crate::model::Slot;

pub fn list(conn: &Connection, section: &str) -> Result<Vec<Slot>> {
    let mut stmt = conn.prepare_cached(
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

/// Replaces the section's slots.
pub fn set(conn: &Connection, section: &str, slots: &[Slot]) -> Result<()> {
    conn.prepare_cached("DELETE FROM section_slots WHERE section = ?1")?
        .execute([section])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO section_slots (section, weekday, minute) VALUES (?1, ?2, ?3)",
    )?;
    for s in slots {
        insert.execute(params![section, s.weekday, s.minute])?;
    }
    Ok(())
}
