//! The audit log: one row per workflow transition, never changed afterwards.

use rusqlite::params;

use super::{SqliteTx, instant, ms};
use crate::error::Result;
use crate::model::TransitionRecord;
use crate::store::transitions::{AuditFilter, NewTransition, Transitions};

/// The SQL for a page of the log, newest first, before key `?1`; each filter has its index.
pub(crate) fn list_sql(filter: &AuditFilter) -> String {
    let mut sql = String::from(
        "SELECT t.pk, t.id, a.id, a.headline, t.action, t.from_state, t.to_state, u.name, t.at, t.note
         FROM transitions t JOIN articles a ON a.pk = t.article_pk
         LEFT JOIN users u ON u.pk = t.actor_pk WHERE t.pk < ?1",
    );
    if filter.article_pk.is_some() {
        sql.push_str(" AND t.article_pk = ?2");
    }
    if filter.actor_pk.is_some() {
        sql.push_str(" AND t.actor_pk = ?3");
    }
    if filter.contributor_pk.is_some() {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM article_bylines b
                          WHERE b.article_pk = t.article_pk AND b.contributor_pk = ?4)",
        );
    }
    sql.push_str(" ORDER BY t.pk DESC LIMIT ?5");
    sql
}

impl Transitions for SqliteTx<'_> {
    fn insert(&self, t: &NewTransition) -> Result<()> {
        self.conn.prepare_cached(
            "INSERT INTO transitions (id, article_pk, action, from_state, to_state, actor_pk, at, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            t.id,
            t.article_pk,
            t.action.as_str(),
            t.from.as_str(),
            t.to.as_str(),
            t.actor_pk,
            ms(t.at),
            t.note
        ])?;
        Ok(())
    }

    fn insert_all(&self, all: &[NewTransition]) -> Result<()> {
        if all.is_empty() {
            return Ok(());
        }
        let tuples = vec!["(?, ?, ?, ?, ?, ?, ?, ?)"; all.len()].join(", ");
        let sql = format!(
            "INSERT INTO transitions (id, article_pk, action, from_state, to_state, actor_pk, at, note)
             VALUES {tuples}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut i = 0;
        let mut bind = |v: &dyn rusqlite::ToSql| -> rusqlite::Result<()> {
            i += 1;
            stmt.raw_bind_parameter(i, v)
        };
        for t in all {
            bind(&t.id)?;
            bind(&t.article_pk)?;
            bind(&t.action.as_str())?;
            bind(&t.from.as_str())?;
            bind(&t.to.as_str())?;
            bind(&t.actor_pk)?;
            bind(&ms(t.at))?;
            bind(&t.note)?;
        }
        stmt.raw_execute()?;
        Ok(())
    }

    fn list(
        &self,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<(i64, TransitionRecord)>> {
        let sql = list_sql(filter);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut bound = Vec::new();
        let before = before.unwrap_or(i64::MAX);
        bound.push((1, before));
        if let Some(pk) = filter.article_pk {
            bound.push((2, pk));
        }
        if let Some(pk) = filter.actor_pk {
            bound.push((3, pk));
        }
        if let Some(pk) = filter.contributor_pk {
            bound.push((4, pk));
        }
        bound.push((5, limit));
        for (i, v) in bound {
            stmt.raw_bind_parameter(i, v)?;
        }
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let action: String = r.get(4)?;
            let from: String = r.get(5)?;
            let to: String = r.get(6)?;
            out.push((
                r.get(0)?,
                TransitionRecord {
                    id: r.get(1)?,
                    article_id: r.get(2)?,
                    headline: r.get(3)?,
                    action: action.parse()?,
                    from: from.parse()?,
                    to: to.parse()?,
                    actor: r.get(7)?,
                    at: instant(r.get(8)?),
                    note: r.get(9)?,
                },
            ));
        }
        Ok(out)
    }
}
