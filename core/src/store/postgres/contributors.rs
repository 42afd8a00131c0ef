//! Contributors, their bios and the history of those bios, on PostgreSQL.

use chrono::{DateTime, Utc};
use postgres::Row;

use super::{PgTx, get, instant, ms};
use crate::error::{Error, Result};
use crate::model::{BioVersion, Contributor, ContributorKind};
use crate::store::contributors::{ContributorRow, Contributors};

const COLUMNS: &str = "pk, id, display_name, sort_name, email, affiliation, kind, bio, links, \
                       private_notes, created_at, updated_at, \
                       (SELECT count(*) FROM article_bylines b \
                         WHERE b.contributor_pk = contributors.pk)";

fn from_row(r: &Row) -> Result<(i64, Contributor)> {
    let kind: String = get(r, 6)?;
    let links: String = get(r, 8)?;
    Ok((
        get(r, 0)?,
        Contributor {
            id: get(r, 1)?,
            display_name: get(r, 2)?,
            sort_name: get(r, 3)?,
            email: get(r, 4)?,
            affiliation: get(r, 5)?,
            // The CHECK constraint admits only known kinds.
            kind: kind.parse().unwrap_or(ContributorKind::Guest),
            bio: get(r, 7)?,
            links: serde_json::from_str(&links).unwrap_or_default(),
            private_notes: get(r, 9)?,
            created_at: instant(get(r, 10)?),
            updated_at: instant(get(r, 11)?),
            article_count: get(r, 12)?,
        },
    ))
}

fn links_json(links: &[String]) -> Result<String> {
    serde_json::to_string(links).map_err(|e| Error::invalid(format!("links: {e}")))
}

fn pks(rows: Vec<Row>) -> Result<Vec<i64>> {
    rows.iter().map(|r| get(r, 0)).collect()
}

impl Contributors for PgTx<'_> {
    fn insert(&self, c: &ContributorRow) -> Result<i64> {
        let row = self.one(
            "INSERT INTO contributors (id, display_name, sort_name, name_key, email, affiliation,
                                       kind, bio, links, private_notes, created_at, updated_at,
                                       sort_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)
             RETURNING pk",
            &[
                &c.id,
                &c.display_name,
                &c.sort_name,
                &c.name_key,
                &c.email,
                &c.affiliation,
                &c.kind.as_str(),
                &c.bio,
                &links_json(c.links)?,
                &c.private_notes,
                &ms(c.at),
                &c.sort_key,
            ],
        )?;
        get(&row, 0)
    }

    fn update(&self, pk: i64, c: &ContributorRow) -> Result<()> {
        self.exec(
            "UPDATE contributors SET display_name = $2, sort_name = $3, name_key = $4, email = $5,
                    affiliation = $6, kind = $7, bio = $8, links = $9, private_notes = $10,
                    updated_at = $11, sort_key = $12
              WHERE pk = $1",
            &[
                &pk,
                &c.display_name,
                &c.sort_name,
                &c.name_key,
                &c.email,
                &c.affiliation,
                &c.kind.as_str(),
                &c.bio,
                &links_json(c.links)?,
                &c.private_notes,
                &ms(c.at),
                &c.sort_key,
            ],
        )?;
        Ok(())
    }

    fn get_by_pk(&self, pk: i64) -> Result<Option<(i64, Contributor)>> {
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE pk = $1");
        self.opt(&sql, &[&pk])?.as_ref().map(from_row).transpose()
    }

    fn get_by_id(&self, id: &str) -> Result<Option<(i64, Contributor)>> {
        if !super::storable_key(id) {
            return Ok(None);
        }
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE id = $1");
        self.opt(&sql, &[&id])?.as_ref().map(from_row).transpose()
    }

    fn get_by_email(&self, email: &str) -> Result<Option<(i64, Contributor)>> {
        if !super::storable_key(email) {
            return Ok(None);
        }
        let sql = format!("SELECT {COLUMNS} FROM contributors WHERE email = $1");
        self.opt(&sql, &[&email])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn find_by_name_key(&self, name_key: &str, limit: i64) -> Result<Vec<(i64, Contributor)>> {
        if !super::storable_key(name_key) {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM contributors
              WHERE name_key >= $1 AND name_key < $1 || chr(1114111)
              ORDER BY name_key <> $1, name_key, pk LIMIT $2"
        );
        self.rows(&sql, &[&name_key, &limit])?
            .iter()
            .map(from_row)
            .collect()
    }

    fn list(&self, after: Option<(&str, i64)>, limit: i64) -> Result<Vec<(i64, Contributor)>> {
        let (name, pk) = after.unwrap_or(("", 0));
        let sql = format!(
            "SELECT {COLUMNS} FROM contributors
              WHERE (sort_key COLLATE \"C\", pk) > ($1 COLLATE \"C\", $2)
              ORDER BY sort_key COLLATE \"C\", pk LIMIT $3"
        );
        self.rows(&sql, &[&name, &pk, &limit])?
            .iter()
            .map(from_row)
            .collect()
    }

    fn add_bio_history(
        &self,
        pk: i64,
        old_bio: &str,
        at: DateTime<Utc>,
        by_user_pk: Option<i64>,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO contributor_bio_history (contributor_pk, bio, replaced_at, replaced_by)
             VALUES ($1, $2, $3, $4)",
            &[&pk, &old_bio, &ms(at), &by_user_pk],
        )?;
        Ok(())
    }

    fn list_bio_history(&self, pk: i64) -> Result<Vec<BioVersion>> {
        self.rows(
            "SELECT h.bio, h.replaced_at, u.name FROM contributor_bio_history h
               LEFT JOIN users u ON u.pk = h.replaced_by
              WHERE h.contributor_pk = $1 ORDER BY h.pk DESC",
            &[&pk],
        )?
        .iter()
        .map(|r| {
            Ok(BioVersion {
                bio: get(r, 0)?,
                replaced_at: instant(get(r, 1)?),
                replaced_by: get(r, 2)?,
            })
        })
        .collect()
    }

    fn count_articles(&self, pk: i64) -> Result<i64> {
        let row = self.one(
            "SELECT count(*) FROM article_bylines WHERE contributor_pk = $1",
            &[&pk],
        )?;
        get(&row, 0)
    }

    fn delete(&self, pk: i64) -> Result<()> {
        self.exec("DELETE FROM contributors WHERE pk = $1", &[&pk])?;
        Ok(())
    }

    fn move_bylines(&self, from: i64, into: i64) -> Result<Vec<i64>> {
        let articles = pks(self.rows(
            "SELECT article_pk FROM article_bylines WHERE contributor_pk = $1",
            &[&from],
        )?)?;
        self.exec(
            "DELETE FROM article_bylines WHERE contributor_pk = $1 AND article_pk IN
                (SELECT article_pk FROM article_bylines WHERE contributor_pk = $2)",
            &[&from, &into],
        )?;
        self.exec(
            "UPDATE article_bylines SET contributor_pk = $2 WHERE contributor_pk = $1",
            &[&from, &into],
        )?;
        self.exec(
            "UPDATE contributor_bio_history SET contributor_pk = $2 WHERE contributor_pk = $1",
            &[&from, &into],
        )?;
        Ok(articles)
    }

    fn articles_following_bio(&self, pk: i64) -> Result<Vec<i64>> {
        pks(self.rows(
            "SELECT article_pk FROM article_bylines
              WHERE contributor_pk = $1 AND printed_bio IS NULL",
            &[&pk],
        )?)
    }

    fn articles_of(&self, pk: i64) -> Result<Vec<i64>> {
        pks(self.rows(
            "SELECT article_pk FROM article_bylines WHERE contributor_pk = $1",
            &[&pk],
        )?)
    }
}
