//! Editorial notes on an article, threaded.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{SqliteTx, instant, ms, opt_instant, optional};
use crate::error::Result;
use crate::model::Note;
use crate::store::notes::{NewNote, Notes};

const SELECT: &str = "SELECT n.pk, n.parent_pk, n.id, a.id, p.id, u.name, n.body, n.anchor,
        n.created_at, n.resolved_at, r.name, n.depth
     FROM notes n JOIN articles a ON a.pk = n.article_pk
     JOIN users u ON u.pk = n.author_pk
     LEFT JOIN notes p ON p.pk = n.parent_pk
     LEFT JOIN users r ON r.pk = n.resolved_by";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Option<i64>, Note)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        Note {
            id: r.get(2)?,
            article_id: r.get(3)?,
            parent_id: r.get(4)?,
            author: r.get(5)?,
            body: r.get(6)?,
            anchor: r.get(7)?,
            created_at: instant(r.get(8)?),
            resolved_at: opt_instant(r.get(9)?),
            resolved_by: r.get(10)?,
            depth: r.get(11)?,
        },
    ))
}

impl Notes for SqliteTx<'_> {
    fn insert(&self, n: &NewNote) -> Result<i64> {
        self.conn.prepare_cached(
            "INSERT INTO notes (id, article_pk, parent_pk, depth, author_pk, body, anchor, created_at)
             VALUES (?1, ?2, ?3, coalesce((SELECT depth + 1 FROM notes WHERE pk = ?3), 0),
                     ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            n.id,
            n.article_pk,
            n.parent_pk,
            n.author_pk,
            n.body,
            n.anchor,
            ms(n.at)
        ])?;
        Ok(self.conn.last_insert_rowid())
    }

    fn get_keys(&self, id: &str) -> Result<Option<(i64, i64, i64, bool)>> {
        optional(
            self.conn.prepare_cached(
                "SELECT pk, article_pk, author_pk, resolved_at IS NOT NULL FROM notes WHERE id = ?1",
            )?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))),
        )
    }

    fn resolve(&self, pk: i64, by: i64, at: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE notes SET resolved_at = ?3, resolved_by = ?2 WHERE pk = ?1 AND resolved_at IS NULL",
            params![pk, by, ms(at)],
        )?;
        Ok(())
    }

    fn get(&self, pk: i64) -> Result<Option<Note>> {
        let sql = format!("{SELECT} WHERE n.pk = ?1");
        optional(
            self.conn
                .prepare_cached(&sql)?
                .query_row([pk], from_row)
                .map(|(_, _, n)| n),
        )
    }

    fn list(&self, article_pk: i64) -> Result<Vec<(i64, Option<i64>, Note)>> {
        let sql = format!("{SELECT} WHERE n.article_pk = ?1 ORDER BY n.pk");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([article_pk], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
