//! Revisions on PostgreSQL: one row per revision, the content a key snapshot or a delta.

use postgres::Row;

use super::{PgTx, get, instant, ms};
use crate::error::Result;
use crate::model::{RevisionInfo, SaveReason};
use crate::store::revisions::{ChainHead, PlannedRevision, RevisionMeta, Revisions, StoredChain};

/// Rows of a history written in one statement each, so a load of ten revisions is one round trip.
const HISTORY_CHUNK: usize = 500;

fn info(r: &Row) -> Result<RevisionInfo> {
    let reason: String = get(r, 4)?;
    let bytes: i32 = get(r, 6)?;
    Ok(RevisionInfo {
        number: get(r, 0)?,
        version: get(r, 1)?,
        author: get(r, 2)?,
        at: instant(get(r, 3)?),
        reason: reason.parse().unwrap_or(SaveReason::Save),
        restored_from: get(r, 5)?,
        stored_bytes: i64::from(bytes),
    })
}

impl Revisions for PgTx<'_> {
    fn head(&self, article_pk: i64) -> Result<Option<ChainHead>> {
        self.opt(
            "SELECT number, key_number, chain_bytes, content_hash FROM revisions
              WHERE article_pk = $1 ORDER BY number DESC LIMIT 1",
            &[&article_pk],
        )?
        .map(|r| {
            Ok(ChainHead {
                number: get(&r, 0)?,
                key_number: get(&r, 1)?,
                chain_bytes: get(&r, 2)?,
                hash: get(&r, 3)?,
            })
        })
        .transpose()
    }

    fn insert(&self, article_pk: i64, meta: &RevisionMeta, p: &PlannedRevision) -> Result<()> {
        self.exec(
            "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason,
                                    restored_from, key_number, chain_bytes, content_hash, content)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &article_pk,
                &p.number,
                &meta.version,
                &meta.author_pk,
                &ms(meta.at),
                &meta.reason.as_str(),
                &meta.restored_from,
                &p.key_number,
                &p.chain_bytes,
                &p.hash,
                &p.content,
            ],
        )?;
        Ok(())
    }

    fn insert_history(
        &self,
        article_pk: i64,
        revisions: &[(RevisionMeta, PlannedRevision)],
    ) -> Result<()> {
        for chunk in revisions.chunks(HISTORY_CHUNK) {
            // Columns as arrays, unnested into rows: one statement whatever the length.
            let mut numbers = Vec::with_capacity(chunk.len());
            let mut versions = Vec::with_capacity(chunk.len());
            let mut authors = Vec::with_capacity(chunk.len());
            let mut ats = Vec::with_capacity(chunk.len());
            let mut reasons = Vec::with_capacity(chunk.len());
            let mut restored = Vec::with_capacity(chunk.len());
            let mut keys = Vec::with_capacity(chunk.len());
            let mut chains = Vec::with_capacity(chunk.len());
            let mut hashes = Vec::with_capacity(chunk.len());
            let mut contents = Vec::with_capacity(chunk.len());
            for (meta, p) in chunk {
                numbers.push(p.number);
                versions.push(meta.version);
                authors.push(meta.author_pk);
                ats.push(ms(meta.at));
                reasons.push(meta.reason.as_str());
                restored.push(meta.restored_from);
                keys.push(p.key_number);
                chains.push(p.chain_bytes);
                hashes.push(p.hash);
                contents.push(p.content.as_slice());
            }
            self.exec(
                "INSERT INTO revisions (article_pk, number, version, author_pk, at, reason,
                                        restored_from, key_number, chain_bytes, content_hash,
                                        content)
                 SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[],
                                          $6::text[], $7::bigint[], $8::bigint[], $9::bigint[],
                                          $10::bigint[], $11::bytea[])",
                &[
                    &article_pk,
                    &numbers,
                    &versions,
                    &authors,
                    &ats,
                    &reasons,
                    &restored,
                    &keys,
                    &chains,
                    &hashes,
                    &contents,
                ],
            )?;
        }
        Ok(())
    }

    fn chain(&self, article_pk: i64, number: i64) -> Result<Option<StoredChain>> {
        let Some(head) = self.opt(
            "SELECT key_number, content_hash FROM revisions WHERE article_pk = $1 AND number = $2",
            &[&article_pk, &number],
        )?
        else {
            return Ok(None);
        };
        let key_number: i64 = get(&head, 0)?;
        let hash: i64 = get(&head, 1)?;
        let contents = self
            .rows(
                "SELECT content FROM revisions
                  WHERE article_pk = $1 AND number BETWEEN $2 AND $3 ORDER BY number",
                &[&article_pk, &key_number, &number],
            )?
            .iter()
            .map(|r| get::<Vec<u8>>(r, 0))
            .collect::<Result<_>>()?;
        Ok(Some(StoredChain { hash, contents }))
    }

    fn number_of_version(&self, article_pk: i64, version: i64) -> Result<Option<i64>> {
        let row = self.one(
            "SELECT max(number) FROM revisions WHERE article_pk = $1 AND version = $2",
            &[&article_pk, &version],
        )?;
        get(&row, 0)
    }

    fn list(&self, article_pk: i64, before: Option<i64>, limit: i64) -> Result<Vec<RevisionInfo>> {
        self.rows(
            "SELECT r.number, r.version, u.name, r.at, r.reason, r.restored_from,
                    octet_length(r.content)
               FROM revisions r JOIN users u ON u.pk = r.author_pk
              WHERE r.article_pk = $1 AND r.number < $2 ORDER BY r.number DESC LIMIT $3",
            &[&article_pk, &before.unwrap_or(i64::MAX), &limit],
        )?
        .iter()
        .map(info)
        .collect()
    }
}
