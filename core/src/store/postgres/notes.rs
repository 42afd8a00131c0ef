//! Editorial notes on an article, threaded, on PostgreSQL.

use chrono::{DateTime, Utc};
use postgres::Row;

use super::{PgTx, get, instant, ms, opt_instant};
use crate::error::Result;
use crate::model::Note;
use crate::store::notes::{NewNote, Notes};

const SELECT: &str = "SELECT n.pk, n.parent_pk, n.id, a.id, p.id, u.name, n.body, n.anchor,
        n.created_at, n.resolved_at, r.name, n.depth
     FROM notes n JOIN articles a ON a.pk = n.article_pk
     JOIN users u ON u.pk = n.author_pk
     LEFT JOIN notes p ON p.pk = n.parent_pk
     LEFT JOIN users r ON r.pk = n.resolved_by";

fn from_row(r: &Row) -> Result<(i64, Option<i64>, Note)> {
    let depth: i64 = get(r, 11)?;
    Ok((
        get(r, 0)?,
        get(r, 1)?,
        Note {
            id: get(r, 2)?,
            article_id: get(r, 3)?,
            parent_id: get(r, 4)?,
            author: get(r, 5)?,
            body: get(r, 6)?,
            anchor: get(r, 7)?,
            created_at: instant(get(r, 8)?),
            resolved_at: opt_instant(get(r, 9)?),
            resolved_by: get(r, 10)?,
            depth: u32::try_from(depth).unwrap_or(u32::MAX),
        },
    ))
}

impl Notes for PgTx<'_> {
    fn insert(&self, n: &NewNote) -> Result<i64> {
        let row = self.one(
            "INSERT INTO notes (id, article_pk, parent_pk, depth, author_pk, body, anchor,
                                created_at)
             VALUES ($1, $2, $3, coalesce((SELECT depth + 1 FROM notes WHERE pk = $3), 0),
                     $4, $5, $6, $7)
             RETURNING pk",
            &[
                &n.id,
                &n.article_pk,
                &n.parent_pk,
                &n.author_pk,
                &n.body,
                &n.anchor,
                &ms(n.at),
            ],
        )?;
        get(&row, 0)
    }

    fn get_keys(&self, id: &str) -> Result<Option<(i64, i64, i64, bool)>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        self.opt(
            "SELECT pk, article_pk, author_pk, resolved_at IS NOT NULL FROM notes WHERE id = $1",
            &[&id],
        )?
        .map(|r| Ok((get(&r, 0)?, get(&r, 1)?, get(&r, 2)?, get(&r, 3)?)))
        .transpose()
    }

    fn resolve(&self, pk: i64, by: i64, at: DateTime<Utc>) -> Result<()> {
        self.exec(
            "UPDATE notes SET resolved_at = $3, resolved_by = $2
              WHERE pk = $1 AND resolved_at IS NULL",
            &[&pk, &by, &ms(at)],
        )?;
        Ok(())
    }

    fn get(&self, pk: i64) -> Result<Option<Note>> {
        let sql = format!("{SELECT} WHERE n.pk = $1");
        self.opt(&sql, &[&pk])?
            .as_ref()
            .map(|r| from_row(r).map(|(_, _, n)| n))
            .transpose()
    }

    fn list(&self, article_pk: i64) -> Result<Vec<(i64, Option<i64>, Note)>> {
        let sql = format!("{SELECT} WHERE n.article_pk = $1 ORDER BY n.pk");
        self.rows(&sql, &[&article_pk])?
            .iter()
            .map(from_row)
            .collect()
    }
}
