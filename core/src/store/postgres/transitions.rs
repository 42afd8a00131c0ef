//! The audit log on PostgreSQL: append-only (a trigger refuses any change).

use super::{PgTx, get, instant, ms};
use crate::error::Result;
use crate::model::TransitionRecord;
use crate::store::transitions::{AuditFilter, NewTransition, Transitions};

impl Transitions for PgTx<'_> {
    fn insert(&self, t: &NewTransition) -> Result<()> {
        self.exec(
            "INSERT INTO transitions (id, article_pk, action, from_state, to_state, actor_pk, at,
                                      note)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &t.id,
                &t.article_pk,
                &t.action.as_str(),
                &t.from.as_str(),
                &t.to.as_str(),
                &t.actor_pk,
                &ms(t.at),
                &t.note,
            ],
        )?;
        Ok(())
    }

    /// Several at once, as arrays unnested into rows: one statement whatever the number.
    fn insert_all(&self, all: &[NewTransition]) -> Result<()> {
        if all.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = all.iter().map(|t| t.id).collect();
        let articles: Vec<i64> = all.iter().map(|t| t.article_pk).collect();
        let actions: Vec<&str> = all.iter().map(|t| t.action.as_str()).collect();
        let froms: Vec<&str> = all.iter().map(|t| t.from.as_str()).collect();
        let tos: Vec<&str> = all.iter().map(|t| t.to.as_str()).collect();
        let actors: Vec<Option<i64>> = all.iter().map(|t| t.actor_pk).collect();
        let ats: Vec<i64> = all.iter().map(|t| ms(t.at)).collect();
        let notes: Vec<Option<&str>> = all.iter().map(|t| t.note).collect();
        self.exec(
            "INSERT INTO transitions (id, article_pk, action, from_state, to_state, actor_pk, at,
                                      note)
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                                  $6::bigint[], $7::bigint[], $8::text[])",
            &[
                &ids, &articles, &actions, &froms, &tos, &actors, &ats, &notes,
            ],
        )?;
        Ok(())
    }

    fn list(
        &self,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<(i64, TransitionRecord)>> {
        let rows = self.rows(
            "SELECT t.pk, t.id, a.id, a.headline, t.action, t.from_state, t.to_state, u.name,
                    t.at, t.note
               FROM transitions t JOIN articles a ON a.pk = t.article_pk
               LEFT JOIN users u ON u.pk = t.actor_pk
              WHERE t.pk < $1
                AND ($2::bigint IS NULL OR t.article_pk = $2)
                AND ($3::bigint IS NULL OR t.actor_pk = $3)
                AND ($4::bigint IS NULL OR EXISTS (
                      SELECT 1 FROM article_bylines b
                       WHERE b.article_pk = t.article_pk AND b.contributor_pk = $4))
              ORDER BY t.pk DESC LIMIT $5",
            &[
                &before.unwrap_or(i64::MAX),
                &filter.article_pk,
                &filter.actor_pk,
                &filter.contributor_pk,
                &limit,
            ],
        )?;
        rows.iter()
            .map(|r| {
                let action: String = get(r, 4)?;
                let from: String = get(r, 5)?;
                let to: String = get(r, 6)?;
                Ok((
                    get(r, 0)?,
                    TransitionRecord {
                        id: get(r, 1)?,
                        article_id: get(r, 2)?,
                        headline: get(r, 3)?,
                        action: action.parse()?,
                        from: from.parse()?,
                        to: to.parse()?,
                        actor: get(r, 7)?,
                        at: instant(get(r, 8)?),
                        note: get(r, 9)?,
                    },
                ))
            })
            .collect()
    }
}
