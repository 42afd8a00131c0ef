//! Revisions as SQLite keeps them: one row per revision, the content a key snapshot or a delta.

use rusqlite::params;

use super::{SqliteTx, instant, ms, optional};
use crate::error::Result;
use crate::model::{RevisionInfo, SaveReason};
use crate::store::revisions::{ChainHead, PlannedRevision, RevisionMeta, Revisions, StoredChain};

pub(crate) fn list_sql() -> &'static str {
    "SELECT r.number, r.version, u.name, r.at, r.reason, r.restored_from, length(r.content)
     FROM revisions r JOIN users u ON u.pk = r.author_pk
     WHERE r.article_pk = ?1 AND r.number < ?2 ORDER BY r.number DESC LIMIT ?3"
}

impl Revisions for SqliteTx<'_> {
    fn head(&self, article_pk: i64) -> Result<Option<ChainHead>> {
        optional(
            self.conn
                .prepare_cached(
                    "SELECT number, key_number, chain_bytes, content_hash FROM revisions
                     WHERE article_pk = ?1 ORDER BY number DESC LIMIT 1",
                )?
                .query_row([article_pk], |r| {
                    Ok(ChainHead {
                        number: r.get(0)?,
                        key_number: r.get(1)?,
                        chain_bytes: r.get(2)?,
                        hash: r.get(3)?,
                    })
                }),
        )
    }

    fn insert(&self, article_pk: i64, meta: &RevisionMeta, p: &PlannedRevision) -> Result<()> {
        self.conn.prepare_cached(
        "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason, restored_from,
                                key_number, chain_bytes, content_hash, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        article_pk,
        p.number,
        meta.version,
        meta.author_pk,
        ms(meta.at),
        meta.reason.as_str(),
        meta.restored_from,
        p.key_number,
        p.chain_bytes,
        p.hash,
        p.content
    ])?;
        Ok(())
    }

    fn insert_history(
        &self,
        article_pk: i64,
        revisions: &[(RevisionMeta, PlannedRevision)],
    ) -> Result<()> {
        if revisions.is_empty() {
            return Ok(());
        }
        let tuples = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; revisions.len()].join(", ");
        let sql = format!(
        "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason, restored_from,
                                key_number, chain_bytes, content_hash, content)
         VALUES {tuples}"
    );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut i = 0;
        let mut bind = |v: &dyn rusqlite::ToSql| -> rusqlite::Result<()> {
            i += 1;
            stmt.raw_bind_parameter(i, v)
        };
        for (meta, p) in revisions {
            bind(&article_pk)?;
            bind(&p.number)?;
            bind(&meta.version)?;
            bind(&meta.author_pk)?;
            bind(&ms(meta.at))?;
            bind(&meta.reason.as_str())?;
            bind(&meta.restored_from)?;
            bind(&p.key_number)?;
            bind(&p.chain_bytes)?;
            bind(&p.hash)?;
            bind(&p.content)?;
        }
        stmt.raw_execute()?;
        Ok(())
    }

    fn chain(&self, article_pk: i64, number: i64) -> Result<Option<StoredChain>> {
        let Some((key_number, hash)) = optional(
            self.conn
                .prepare_cached(
                    "SELECT key_number, content_hash FROM revisions
                     WHERE article_pk = ?1 AND number = ?2",
                )?
                .query_row(params![article_pk, number], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                }),
        )?
        else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT content FROM revisions
             WHERE article_pk = ?1 AND number BETWEEN ?2 AND ?3 ORDER BY number",
        )?;
        let contents = stmt
            .query_map(params![article_pk, key_number, number], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(StoredChain { hash, contents }))
    }

    fn number_of_version(&self, article_pk: i64, version: i64) -> Result<Option<i64>> {
        let found: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT max(number) FROM revisions WHERE article_pk = ?1 AND version = ?2",
            )?
            .query_row(params![article_pk, version], |r| r.get(0))?;
        Ok(found)
    }

    fn list(&self, article_pk: i64, before: Option<i64>, limit: i64) -> Result<Vec<RevisionInfo>> {
        let mut stmt = self.conn.prepare_cached(list_sql())?;
        let rows = stmt.query_map(
            params![article_pk, before.unwrap_or(i64::MAX), limit],
            |r| {
                let reason: String = r.get(4)?;
                Ok(RevisionInfo {
                    number: r.get(0)?,
                    version: r.get(1)?,
                    author: r.get(2)?,
                    at: instant(r.get(3)?),
                    reason: reason.parse().unwrap_or(SaveReason::Save),
                    restored_from: r.get(5)?,
                    stored_bytes: r.get(6)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
