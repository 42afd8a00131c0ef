//! Articles, their bylines and related pieces, and the paged lists the desk reads them through.

use rusqlite::{Row, ToSql, named_params, params};

use super::{SqliteTx, instant, ms, opt_instant, optional};
use crate::error::{Error, Result};
use crate::model::{ArticleSummary, Byline, RelatedArticle, State};
use crate::store::articles::{ArticleRow, Articles, ListFilter, ListKey};
use crate::store::{split_bylines, split_problem};

const COLUMNS: &str = "pk, id, slug, headline, standfirst, body, section, tags, state, version, \
    word_count, assigned_editor, approved_by, embargo_until, scheduled_at, published_at, \
    created_by, created_at, updated_at, state_changed_at";

fn from_row(r: &Row) -> rusqlite::Result<ArticleRow> {
    let tags: String = r.get(7)?;
    let state: String = r.get(8)?;
    Ok(ArticleRow {
        pk: r.get(0)?,
        id: r.get(1)?,
        slug: r.get(2)?,
        headline: r.get(3)?,
        standfirst: r.get(4)?,
        body: r.get(5)?,
        section: r.get(6)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        // The CHECK constraint admits only known states.
        state: state.parse().unwrap_or(State::Draft),
        version: r.get(9)?,
        word_count: r.get(10)?,
        assigned_editor: r.get(11)?,
        approved_by: r.get(12)?,
        embargo_until: opt_instant(r.get(13)?),
        scheduled_at: opt_instant(r.get(14)?),
        published_at: opt_instant(r.get(15)?),
        created_by: r.get(16)?,
        created_at: instant(r.get(17)?),
        updated_at: instant(r.get(18)?),
        state_changed_at: instant(r.get(19)?),
    })
}

fn tags_json(tags: &[String]) -> Result<String> {
    serde_json::to_string(tags).map_err(|e| Error::invalid(format!("tags: {e}")))
}

/// Which list a page comes from; each has its own index and its own SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListScope {
    All,
    State,
    Section,
    SectionState,
    Contributor,
    /// One editor's articles in one state ("In review: mine").
    EditorState,
}

fn scope_of(filter: &ListFilter) -> ListScope {
    match (filter.contributor_pk, filter.section, filter.state) {
        (Some(_), _, _) => ListScope::Contributor,
        (None, _, Some(_)) if filter.editor_pk.is_some() => ListScope::EditorState,
        (None, Some(_), Some(_)) => ListScope::SectionState,
        (None, Some(_), None) => ListScope::Section,
        (None, None, Some(_)) => ListScope::State,
        (None, None, None) => ListScope::All,
    }
}

const SUMMARY: &str = "SELECT a.pk, a.id, a.headline, a.state, a.section, a.word_count, e.name, \
    a.version, a.updated_at, a.state_changed_at, \
    (SELECT group_concat(n, char(31)) FROM (SELECT c.id || char(30) || c.display_name AS n \
       FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk \
      WHERE b.article_pk = a.pk ORDER BY b.position)), \
    a.scheduled_at, \
    (SELECT j.id || char(30) || j.attempts || char(30) || j.next_try_at || char(30) \
            || coalesce(j.error, '') FROM publish_jobs j \
      WHERE j.article_pk = a.pk AND j.state IN ('pending', 'running', 'failed') \
        AND j.state = 'failed')";

/// The SQL of one list scope. Pages run newest change first and continue after the key
/// `(:at, :pk)` of the last item; a contributor's list runs newest article first.
pub(crate) fn list_sql(scope: ListScope) -> String {
    let by_change = "AND (a.state_changed_at, a.pk) < (:at, :pk) \
                     ORDER BY a.state_changed_at DESC, a.pk DESC LIMIT :limit";
    match scope {
        ListScope::All => format!(
            "{SUMMARY} FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE 1 {by_change}"
        ),
        ListScope::State => format!(
            "{SUMMARY} FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE a.state = :state {by_change}"
        ),
        ListScope::Section => format!(
            "{SUMMARY} FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE a.section = :section {by_change}"
        ),
        ListScope::SectionState => format!(
            "{SUMMARY} FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE a.section = :section AND a.state = :state {by_change}"
        ),
        ListScope::Contributor => format!(
            "{SUMMARY} FROM article_bylines bb CROSS JOIN articles a ON a.pk = bb.article_pk \
             LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE bb.contributor_pk = :contributor AND bb.article_pk < :pk \
               AND (:state IS NULL OR a.state = :state) \
               AND (:section IS NULL OR a.section = :section) \
               AND (:editor IS NULL OR a.assigned_editor = :editor) \
             ORDER BY bb.article_pk DESC LIMIT :limit"
        ),
        ListScope::EditorState => format!(
            "{SUMMARY} FROM articles a LEFT JOIN users e ON e.pk = a.assigned_editor \
             WHERE a.assigned_editor = :editor AND a.state = :state \
               AND (:section IS NULL OR a.section = :section) {by_change}"
        ),
    }
}

impl Articles for SqliteTx<'_> {
    fn insert(&self, a: &ArticleRow) -> Result<i64> {
        self.conn.prepare_cached(
            "INSERT INTO articles (id, slug, headline, standfirst, body, section, tags, state, version,
                word_count, assigned_editor, approved_by, embargo_until, scheduled_at, published_at,
                created_by, created_at, updated_at, state_changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                     ?19)",
        )?
        .execute(params![
            a.id,
            a.slug,
            a.headline,
            a.standfirst,
            a.body,
            a.section,
            tags_json(&a.tags)?,
            a.state.as_str(),
            a.version,
            a.word_count,
            a.assigned_editor,
            a.approved_by,
            a.embargo_until.map(ms),
            a.scheduled_at.map(ms),
            a.published_at.map(ms),
            a.created_by,
            ms(a.created_at),
            ms(a.updated_at),
            ms(a.state_changed_at)
        ])?;
        Ok(self.conn.last_insert_rowid())
    }

    fn get_by_id(&self, id: &str) -> Result<Option<ArticleRow>> {
        let sql = format!("SELECT {COLUMNS} FROM articles WHERE id = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([id], from_row))
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<ArticleRow>> {
        let sql = format!("SELECT {COLUMNS} FROM articles WHERE pk = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([pk], from_row))
    }

    fn update_text(&self, old: &ArticleRow, new: &ArticleRow) -> Result<()> {
        let mut sets: Vec<&str> = vec!["version = :version", "updated_at = :updated_at"];
        let tags = tags_json(&new.tags)?;
        let embargo = new.embargo_until.map(ms);
        let updated_at = ms(new.updated_at);
        let mut values: Vec<(&str, &dyn ToSql)> = vec![
            (":pk", &new.pk),
            (":version", &new.version),
            (":updated_at", &updated_at),
        ];
        if new.slug != old.slug {
            sets.push("slug = :slug");
            values.push((":slug", &new.slug));
        }
        if new.headline != old.headline {
            sets.push("headline = :headline");
            values.push((":headline", &new.headline));
        }
        if new.standfirst != old.standfirst {
            sets.push("standfirst = :standfirst");
            values.push((":standfirst", &new.standfirst));
        }
        if new.body != old.body {
            sets.push("body = :body");
            sets.push("word_count = :word_count");
            values.push((":body", &new.body));
            values.push((":word_count", &new.word_count));
        }
        if new.section != old.section {
            sets.push("section = :section");
            values.push((":section", &new.section));
        }
        if new.tags != old.tags {
            sets.push("tags = :tags");
            values.push((":tags", &tags));
        }
        if new.embargo_until != old.embargo_until {
            sets.push("embargo_until = :embargo_until");
            values.push((":embargo_until", &embargo));
        }
        let sql = format!("UPDATE articles SET {} WHERE pk = :pk", sets.join(", "));
        self.conn.prepare_cached(&sql)?.execute(values.as_slice())?;
        Ok(())
    }

    fn update_workflow(&self, a: &ArticleRow) -> Result<()> {
        self.conn.prepare_cached(
            "UPDATE articles SET state = ?2, version = ?3, assigned_editor = ?4, approved_by = ?5,
                    scheduled_at = ?6, published_at = ?7, updated_at = ?8, state_changed_at = ?9
             WHERE pk = ?1",
        )?
        .execute(params![
            a.pk,
            a.state.as_str(),
            a.version,
            a.assigned_editor,
            a.approved_by,
            a.scheduled_at.map(ms),
            a.published_at.map(ms),
            ms(a.updated_at),
            ms(a.state_changed_at)
        ])?;
        Ok(())
    }

    fn slug_taken(&self, slug: &str, except_pk: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE slug = ?1 AND pk <> ?2")?
            .exists(params![slug, except_pk])?)
    }

    fn get_byline(&self, article_pk: i64) -> Result<Vec<(i64, Byline)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.pk, c.id, c.display_name, coalesce(b.printed_bio, c.bio),
                    b.printed_bio IS NOT NULL AND NOT b.follows_bio
             FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk
             WHERE b.article_pk = ?1 ORDER BY b.position",
        )?;
        let rows = stmt.query_map([article_pk], |r| {
            Ok((
                r.get(0)?,
                Byline {
                    contributor_id: r.get(1)?,
                    name: r.get(2)?,
                    printed_bio: r.get(3)?,
                    bio_is_own: r.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM article_bylines WHERE article_pk = ?1")?
            .execute([article_pk])?;
        self.insert_byline(article_pk, byline)
    }

    fn insert_byline(&self, article_pk: i64, byline: &[(i64, Option<String>)]) -> Result<()> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO article_bylines (article_pk, position, contributor_pk, printed_bio)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (position, (contributor_pk, bio)) in byline.iter().enumerate() {
            insert.execute(params![article_pk, position as i64, contributor_pk, bio])?;
        }
        Ok(())
    }

    fn freeze_bios(&self, article_pk: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE article_bylines SET follows_bio = 1, printed_bio =
                (SELECT bio FROM contributors c WHERE c.pk = article_bylines.contributor_pk)
             WHERE article_pk = ?1 AND printed_bio IS NULL",
            )?
            .execute([article_pk])?;
        Ok(())
    }

    fn refresh_followed_bios(&self, article_pk: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE article_bylines SET printed_bio =
                (SELECT bio FROM contributors c WHERE c.pk = article_bylines.contributor_pk)
             WHERE article_pk = ?1 AND follows_bio = 1",
            )?
            .execute([article_pk])?;
        Ok(())
    }

    fn set_published_version(&self, article_pk: i64, version: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE articles SET published_version = ?2 WHERE pk = ?1")?
            .execute(params![article_pk, version])?;
        Ok(())
    }

    fn published_version(&self, article_pk: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT published_version FROM articles WHERE pk = ?1")?
            .query_row([article_pk], |r| r.get(0))?)
    }

    fn get_related(&self, article_pk: i64) -> Result<Vec<(i64, RelatedArticle)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.pk, a.id, a.headline, a.state FROM related_articles r
             JOIN articles a ON a.pk = r.related_pk
             WHERE r.article_pk = ?1 ORDER BY r.position",
        )?;
        let rows = stmt.query_map([article_pk], |r| {
            let state: String = r.get(3)?;
            Ok((
                r.get(0)?,
                RelatedArticle {
                    id: r.get(1)?,
                    headline: r.get(2)?,
                    state: state.parse().unwrap_or(State::Draft),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_related(&self, article_pk: i64, related: &[i64]) -> Result<()> {
        self.conn.execute(
            "DELETE FROM related_articles WHERE article_pk = ?1",
            [article_pk],
        )?;
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO related_articles (article_pk, position, related_pk) VALUES (?1, ?2, ?3)",
        )?;
        for (position, related_pk) in related.iter().enumerate() {
            insert.execute(params![article_pk, position as i64, related_pk])?;
        }
        Ok(())
    }

    fn has_byline_contributor(&self, article_pk: i64, contributor_pk: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT 1 FROM article_bylines WHERE article_pk = ?1 AND contributor_pk = ?2",
            )?
            .exists(params![article_pk, contributor_pk])?)
    }

    fn list(
        &self,
        filter: &ListFilter,
        after: Option<ListKey>,
        limit: i64,
    ) -> Result<Vec<(ListKey, ArticleSummary)>> {
        let scope = scope_of(filter);
        let (at, pk) = after.unwrap_or((i64::MAX, i64::MAX));
        let state = filter.state.map(State::as_str);
        let mut stmt = self.conn.prepare_cached(&list_sql(scope))?;
        let params: Vec<(&str, &dyn ToSql)> = match scope {
            ListScope::All => named_params! {":at": at, ":pk": pk, ":limit": limit}.to_vec(),
            ListScope::State => {
                named_params! {":state": state, ":at": at, ":pk": pk, ":limit": limit}.to_vec()
            }
            ListScope::Section => {
                named_params! {":section": filter.section, ":at": at, ":pk": pk, ":limit": limit}
                    .to_vec()
            }
            ListScope::SectionState => named_params! {":section": filter.section, ":state": state,
            ":at": at, ":pk": pk, ":limit": limit}
            .to_vec(),
            ListScope::Contributor => named_params! {":contributor": filter.contributor_pk,
            ":state": state, ":section": filter.section, ":editor": filter.editor_pk, ":pk": pk,
            ":limit": limit}
            .to_vec(),
            ListScope::EditorState => named_params! {":editor": filter.editor_pk, ":state": state,
            ":section": filter.section, ":at": at, ":pk": pk, ":limit": limit}
            .to_vec(),
        };
        let rows = stmt.query_map(params.as_slice(), |r| {
            let state: String = r.get(3)?;
            let changed: i64 = r.get(9)?;
            let pk: i64 = r.get(0)?;
            let key = if scope == ListScope::Contributor {
                (0, pk)
            } else {
                (changed, pk)
            };
            Ok((
                key,
                ArticleSummary {
                    id: r.get(1)?,
                    headline: r.get(2)?,
                    state: state.parse().unwrap_or(State::Draft),
                    section: r.get(4)?,
                    word_count: r.get(5)?,
                    assigned_editor: r.get(6)?,
                    version: r.get(7)?,
                    updated_at: instant(r.get(8)?),
                    state_changed_at: instant(changed),
                    byline: split_bylines(r.get(10)?),
                    scheduled_at: opt_instant(r.get(11)?),
                    publish_problem: split_problem(r.get(12)?),
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
