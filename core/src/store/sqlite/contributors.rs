//! People who write: staff and guests, with their bios and the history of those bios.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};

use super::{SqliteTx, instant, ms, optional};
use crate::error::{Error, Result};
use crate::model::{BioVersion, Contributor, ContributorKind};
use crate::store::contributors::{ContributorRow, Contributors};

const COLUMNS: &str = "pk, id, display_name, sort_name, email, affiliation, kind, bio, links, \
                       private_notes, created_at, updated_at, \
                       (SELECT count(*) FROM article_bylines b \
                         WHERE b.contributor_pk = contributors.pk)";

fn from_row(r: &Row) -> rusqlite::Result<(i64, Contributor)> {
    let kind: String = r.get(6)?;
    let links: String = r.get(8)?;
    Ok((
        r.get(0)?,
        Contributor {
            id: r.get(1)?,
            display_name: r.get(2)?,
            sort_name: r.get(3)?,
            email: r.get(4)?,
            affiliation: r.get(5)?,
            // The CHECK constraint admits only known kinds.
            kind: kind.parse().unwrap_or(ContributorKind::Guest),
            bio: r.get(7)?,
            links: serde_json::from_str(&links).unwrap_or_default(),
            private_notes: r.get(9)?,
            created_at: instant(r.get(10)?),
            updated_at: instant(r.get(11)?),
            article_count: r.get(12)?,
        },
    ))
}

fn links_json(links: &[String]) -> Result<String> {
    serde_json::to_string(links).map_err(|e| Error::invalid(format!("links: {e}")))
}

impl Contributors for SqliteTx<'_> {
    fn insert(&self, c: &ContributorRow) -> Result<i64> {
        self.conn.prepare_cached(
            "INSERT INTO contributors (id, display_name, sort_name, name_key, email, affiliation, kind,
                                       bio, links, private_notes, created_at, updated_at, sort_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)",
        )?
        .execute(params![
            c.id,
            c.display_name,
            c.sort_name,
            c.name_key,
            c.email,
            c.affiliation,
            c.kind.as_str(),
            c.bio,
            links_json(c.links)?,
            c.private_notes,
            ms(c.at),
            c.sort_key
        ])?;
        Ok(self.conn.last_insert_rowid())
    }

    fn update(&self, pk: i64, c: &ContributorRow) -> Result<()> {
        self.conn.execute(
            "UPDATE contributors SET display_name = ?2, sort_name = ?3, name_key = ?4, email = ?5,
                    affiliation = ?6, kind = ?7, bio = ?8, links = ?9, private_notes = ?10,
                    updated_at = ?11, sort_key = ?12
             WHERE pk = ?1",
            params![
                pk,
                c.display_name,
                c.sort_name,
                c.name_key,
                c.email,
                c.affiliation,
                c.kind.as_str(),
                c.bio,
                links_json(c.links)?,
                c.private_notes,
                ms(c.at),
                c.sort_key
            ],
        )?;
        Ok(())
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<(i64, Contributor)>> {
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE pk = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([pk], from_row))
    }

    fn get_by_id(&self, id: &str) -> Result<Option<(i64, Contributor)>> {
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE id = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([id], from_row))
    }

    fn get_by_email(&self, email: &str) -> Result<Option<(i64, Contributor)>> {
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE email = ?1");
        optional(self.conn.prepare_cached(&sql)?.query_row([email], from_row))
    }

    fn find_by_name_key(&self, name_key: &str, limit: i64) -> Result<Vec<(i64, Contributor)>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM contributors
             WHERE name_key >= ?1 AND name_key < ?1 || char(1114111)
             ORDER BY name_key <> ?1, name_key, pk LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![name_key, limit], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn list(&self, after: Option<(&str, i64)>, limit: i64) -> Result<Vec<(i64, Contributor)>> {
        let (name, pk) = after.unwrap_or(("", 0));
        let sql = format!(
            "SELECT {COLUMNS} FROM contributors
             WHERE (sort_key, pk) > (?1, ?2)
             ORDER BY sort_key, pk LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![name, pk, limit], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn add_bio_history(
        &self,
        pk: i64,
        old_bio: &str,
        at: DateTime<Utc>,
        by_user_pk: Option<i64>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO contributor_bio_history (contributor_pk, bio, replaced_at, replaced_by)
             VALUES (?1, ?2, ?3, ?4)",
            params![pk, old_bio, ms(at), by_user_pk],
        )?;
        Ok(())
    }

    fn list_bio_history(&self, pk: i64) -> Result<Vec<BioVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.bio, h.replaced_at, u.name FROM contributor_bio_history h
             LEFT JOIN users u ON u.pk = h.replaced_by
             WHERE h.contributor_pk = ?1 ORDER BY h.pk DESC",
        )?;
        let rows = stmt.query_map([pk], |r| {
            Ok(BioVersion {
                bio: r.get(0)?,
                replaced_at: instant(r.get(1)?),
                replaced_by: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn count_articles(&self, pk: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM article_bylines WHERE contributor_pk = ?1",
            [pk],
            |r| r.get(0),
        )?)
    }

    fn delete(&self, pk: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM contributors WHERE pk = ?1", [pk])?;
        Ok(())
    }

    fn move_bylines(&self, from: i64, into: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT article_pk FROM article_bylines WHERE contributor_pk = ?1")?;
        let articles = stmt
            .query_map([from], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        self.conn.execute(
            "DELETE FROM article_bylines WHERE contributor_pk = ?1 AND article_pk IN
                (SELECT article_pk FROM article_bylines WHERE contributor_pk = ?2)",
            params![from, into],
        )?;
        self.conn.execute(
            "UPDATE article_bylines SET contributor_pk = ?2 WHERE contributor_pk = ?1",
            params![from, into],
        )?;
        self.conn.execute(
            "UPDATE contributor_bio_history SET contributor_pk = ?2 WHERE contributor_pk = ?1",
            params![from, into],
        )?;
        Ok(articles)
    }

    fn articles_following_bio(&self, pk: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT article_pk FROM article_bylines WHERE contributor_pk = ?1 AND printed_bio IS NULL",
        )?;
        let rows = stmt.query_map([pk], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn articles_of(&self, pk: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT article_pk FROM article_bylines WHERE contributor_pk = ?1")?;
        let rows = stmt.query_map([pk], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
