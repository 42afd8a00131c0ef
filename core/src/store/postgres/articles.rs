//! Articles, their bylines and related pieces, and the paged lists, on PostgreSQL.

use postgres::Row;

use super::{PgTx, get, instant, ms, opt_instant};
use crate::error::{Error, Result};
use crate::model::{ArticleSummary, Byline, RelatedArticle, State};
use crate::store::articles::{ArticleRow, Articles, ListFilter, ListKey};
use crate::store::{split_bylines, split_problem};

const COLUMNS: &str = "pk, id, slug, headline, standfirst, body, section, tags, state, version, \
    word_count, assigned_editor, approved_by, embargo_until, scheduled_at, published_at, \
    created_by, created_at, updated_at, state_changed_at";

fn from_row(r: &Row) -> Result<ArticleRow> {
    let tags: String = get(r, 7)?;
    let state: String = get(r, 8)?;
    Ok(ArticleRow {
        pk: get(r, 0)?,
        id: get(r, 1)?,
        slug: get(r, 2)?,
        headline: get(r, 3)?,
        standfirst: get(r, 4)?,
        body: get(r, 5)?,
        section: get(r, 6)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        // The CHECK constraint admits only known states.
        state: state.parse().unwrap_or(State::Draft),
        version: get(r, 9)?,
        word_count: get(r, 10)?,
        assigned_editor: get(r, 11)?,
        approved_by: get(r, 12)?,
        embargo_until: opt_instant(get(r, 13)?),
        scheduled_at: opt_instant(get(r, 14)?),
        published_at: opt_instant(get(r, 15)?),
        created_by: get(r, 16)?,
        created_at: instant(get(r, 17)?),
        updated_at: instant(get(r, 18)?),
        state_changed_at: instant(get(r, 19)?),
    })
}

fn tags_json(tags: &[String]) -> Result<String> {
    serde_json::to_string(tags).map_err(|e| Error::invalid(format!("tags: {e}")))
}

/// A list line with its byline as `id ␞ name` entries, in order.
const SUMMARY: &str = "SELECT a.pk, a.id, a.headline, a.state, a.section, a.word_count, e.name, \
    a.version, a.updated_at, a.state_changed_at, \
    (SELECT string_agg(c.id || chr(30) || c.display_name, chr(31) ORDER BY b.position) \
       FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk \
      WHERE b.article_pk = a.pk), \
    a.scheduled_at, \
    (SELECT j.id || chr(30) || j.attempts || chr(30) || j.next_try_at || chr(30) \
            || coalesce(j.error, '') FROM publish_jobs j \
      WHERE j.article_pk = a.pk AND j.state IN ('pending', 'running', 'failed') \
        AND j.state = 'failed')";

fn summary(r: &Row, contributor_order: bool) -> Result<(ListKey, ArticleSummary)> {
    let state: String = get(r, 3)?;
    let pk: i64 = get(r, 0)?;
    let changed: i64 = get(r, 9)?;
    let key = if contributor_order {
        (0, pk)
    } else {
        (changed, pk)
    };
    Ok((
        key,
        ArticleSummary {
            id: get(r, 1)?,
            headline: get(r, 2)?,
            state: state.parse().unwrap_or(State::Draft),
            section: get(r, 4)?,
            word_count: get(r, 5)?,
            assigned_editor: get(r, 6)?,
            version: get(r, 7)?,
            updated_at: instant(get(r, 8)?),
            state_changed_at: instant(changed),
            byline: split_bylines(get(r, 10)?),
            scheduled_at: opt_instant(get(r, 11)?),
            publish_problem: split_problem(get(r, 12)?),
        },
    ))
}

impl Articles for PgTx<'_> {
    fn insert(&self, a: &ArticleRow) -> Result<i64> {
        let row = self.one(
            "INSERT INTO articles (id, slug, headline, standfirst, body, section, tags, state,
                version, word_count, assigned_editor, approved_by, embargo_until, scheduled_at,
                published_at, created_by, created_at, updated_at, state_changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                     $18, $19)
             RETURNING pk",
            &[
                &a.id,
                &a.slug,
                &a.headline,
                &a.standfirst,
                &a.body,
                &a.section,
                &tags_json(&a.tags)?,
                &a.state.as_str(),
                &a.version,
                &a.word_count,
                &a.assigned_editor,
                &a.approved_by,
                &a.embargo_until.map(ms),
                &a.scheduled_at.map(ms),
                &a.published_at.map(ms),
                &a.created_by,
                &ms(a.created_at),
                &ms(a.updated_at),
                &ms(a.state_changed_at),
            ],
        )?;
        get(&row, 0)
    }

    fn get_by_id(&self, id: &str) -> Result<Option<ArticleRow>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM articles WHERE id = $1{}",
            self.lock()
        );
        self.opt(&sql, &[&id])?.as_ref().map(from_row).transpose()
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<ArticleRow>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM articles WHERE pk = $1{}",
            self.lock()
        );
        self.opt(&sql, &[&pk])?.as_ref().map(from_row).transpose()
    }

    /// Every text column at once: PostgreSQL writes a new row version whatever changed.
    fn update_text(&self, _old: &ArticleRow, new: &ArticleRow) -> Result<()> {
        self.exec(
            "UPDATE articles SET version = $2, updated_at = $3, slug = $4, headline = $5,
                    standfirst = $6, body = $7, word_count = $8, section = $9, tags = $10,
                    embargo_until = $11
              WHERE pk = $1",
            &[
                &new.pk,
                &new.version,
                &ms(new.updated_at),
                &new.slug,
                &new.headline,
                &new.standfirst,
                &new.body,
                &new.word_count,
                &new.section,
                &tags_json(&new.tags)?,
                &new.embargo_until.map(ms),
            ],
        )?;
        Ok(())
    }

    fn update_workflow(&self, a: &ArticleRow) -> Result<()> {
        self.exec(
            "UPDATE articles SET state = $2, version = $3, assigned_editor = $4, approved_by = $5,
                    scheduled_at = $6, published_at = $7, updated_at = $8, state_changed_at = $9
              WHERE pk = $1",
            &[
                &a.pk,
                &a.state.as_str(),
                &a.version,
                &a.assigned_editor,
                &a.approved_by,
                &a.scheduled_at.map(ms),
                &a.published_at.map(ms),
                &ms(a.updated_at),
                &ms(a.state_changed_at),
            ],
        )?;
        Ok(())
    }

    fn slug_taken(&self, slug: &str, except_pk: i64) -> Result<bool> {
        Ok(self
            .opt(
                "SELECT 1 FROM articles WHERE slug = $1 AND pk <> $2",
                &[&slug, &except_pk],
            )?
            .is_some())
    }

    fn get_byline(&self, article_pk: i64) -> Result<Vec<(i64, Byline)>> {
        self.rows(
            "SELECT c.pk, c.id, c.display_name, coalesce(b.printed_bio, c.bio),
                    b.printed_bio IS NOT NULL AND NOT b.follows_bio
               FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
              WHERE b.article_pk = $1 ORDER BY b.position",
            &[&article_pk],
        )?
        .iter()
        .map(|r| {
            Ok((
                get(r, 0)?,
                Byline {
                    contributor_id: get(r, 1)?,
                    name: get(r, 2)?,
                    printed_bio: get(r, 3)?,
                    bio_is_own: get(r, 4)?,
                },
            ))
        })
        .collect()
    }

    fn set_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()> {
        self.exec(
            "DELETE FROM article_bylines WHERE article_pk = $1",
            &[&article_pk],
        )?;
        self.insert_byline(article_pk, byline)
    }

    fn insert_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()> {
        for (position, (contributor_pk, bio)) in byline.iter().enumerate() {
            self.exec(
                "INSERT INTO article_bylines (article_pk, position, contributor_pk, printed_bio)
                 VALUES ($1, $2, $3, $4)",
                &[&article_pk, &(position as i64), contributor_pk, bio],
            )?;
        }
        Ok(())
    }

    fn freeze_bios(&self, article_pk: i64) -> Result<()> {
        self.exec(
            "UPDATE article_bylines b SET follows_bio = true, printed_bio = c.bio
               FROM contributors c
              WHERE c.pk = b.contributor_pk AND b.article_pk = $1 AND b.printed_bio IS NULL",
            &[&article_pk],
        )?;
        Ok(())
    }

    fn refresh_followed_bios(&self, article_pk: i64) -> Result<()> {
        self.exec(
            "UPDATE article_bylines b SET printed_bio = c.bio
               FROM contributors c
              WHERE c.pk = b.contributor_pk AND b.article_pk = $1 AND b.follows_bio",
            &[&article_pk],
        )?;
        Ok(())
    }

    fn set_published_version(&self, article_pk: i64, version: i64) -> Result<()> {
        self.exec(
            "UPDATE articles SET published_version = $2 WHERE pk = $1",
            &[&article_pk, &version],
        )?;
        Ok(())
    }

    fn published_version(&self, article_pk: i64) -> Result<Option<i64>> {
        let row = self.one(
            "SELECT published_version FROM articles WHERE pk = $1",
            &[&article_pk],
        )?;
        get(&row, 0)
    }

    fn get_related(&self, article_pk: i64) -> Result<Vec<(i64, RelatedArticle)>> {
        self.rows(
            "SELECT a.pk, a.id, a.headline, a.state FROM related_articles r
               JOIN articles a ON a.pk = r.related_pk
              WHERE r.article_pk = $1 ORDER BY r.position",
            &[&article_pk],
        )?
        .iter()
        .map(|r| {
            let state: String = get(r, 3)?;
            Ok((
                get(r, 0)?,
                RelatedArticle {
                    id: get(r, 1)?,
                    headline: get(r, 2)?,
                    state: state.parse().unwrap_or(State::Draft),
                },
            ))
        })
        .collect()
    }

    fn set_related(&self, article_pk: i64, related: &[i64]) -> Result<()> {
        self.exec(
            "DELETE FROM related_articles WHERE article_pk = $1",
            &[&article_pk],
        )?;
        for (position, related_pk) in related.iter().enumerate() {
            self.exec(
                "INSERT INTO related_articles (article_pk, position, related_pk)
                 VALUES ($1, $2, $3)",
                &[&article_pk, &(position as i64), related_pk],
            )?;
        }
        Ok(())
    }

    fn has_byline_contributor(&self, article_pk: i64, contributor_pk: i64) -> Result<bool> {
        Ok(self
            .opt(
                "SELECT 1 FROM article_bylines WHERE article_pk = $1 AND contributor_pk = $2",
                &[&article_pk, &contributor_pk],
            )?
            .is_some())
    }

    fn list(
        &self,
        filter: &ListFilter,
        after: Option<ListKey>,
        limit: i64,
    ) -> Result<Vec<(ListKey, ArticleSummary)>> {
        let (at, pk) = after.unwrap_or((i64::MAX, i64::MAX));
        let state = filter.state.map(State::as_str);
        let by_change = "AND (a.state_changed_at, a.pk) < ($1, $2) \
                         ORDER BY a.state_changed_at DESC, a.pk DESC LIMIT $3";
        let from = "FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor";
        let rows = match (filter.contributor_pk, filter.section, state) {
            (Some(contributor), section, state) => {
                let sql = format!(
                    "{SUMMARY} FROM article_bylines bb JOIN articles a ON a.pk = bb.article_pk
                     LEFT JOIN users e ON e.pk = a.assigned_editor
                     WHERE bb.contributor_pk = $1 AND bb.article_pk < $2
                       AND ($3::text IS NULL OR a.state = $3)
                       AND ($4::text IS NULL OR a.section = $4)
                       AND ($5::bigint IS NULL OR a.assigned_editor = $5)
                     ORDER BY bb.article_pk DESC LIMIT $6"
                );
                let rows = self.rows(
                    &sql,
                    &[
                        &contributor,
                        &pk,
                        &state,
                        &section,
                        &filter.editor_pk,
                        &limit,
                    ],
                )?;
                return rows.iter().map(|r| summary(r, true)).collect();
            }
            (None, section, Some(state)) if filter.editor_pk.is_some() => {
                let sql = format!(
                    "{SUMMARY} {from} WHERE a.assigned_editor = $4 AND a.state = $5
                       AND ($6::text IS NULL OR a.section = $6) {by_change}"
                );
                self.rows(
                    &sql,
                    &[&at, &pk, &limit, &filter.editor_pk, &state, &section],
                )?
            }
            (None, Some(section), Some(state)) => {
                let sql =
                    format!("{SUMMARY} {from} WHERE a.section = $4 AND a.state = $5 {by_change}");
                self.rows(&sql, &[&at, &pk, &limit, &section, &state])?
            }
            (None, Some(section), None) => {
                let sql = format!("{SUMMARY} {from} WHERE a.section = $4 {by_change}");
                self.rows(&sql, &[&at, &pk, &limit, &section])?
            }
            (None, None, Some(state)) => {
                let sql = format!("{SUMMARY} {from} WHERE a.state = $4 {by_change}");
                self.rows(&sql, &[&at, &pk, &limit, &state])?
            }
            (None, None, None) => {
                let sql = format!("{SUMMARY} {from} WHERE true {by_change}");
                self.rows(&sql, &[&at, &pk, &limit])?
            }
        };
        rows.iter().map(|r| summary(r, false)).collect()
    }
}
