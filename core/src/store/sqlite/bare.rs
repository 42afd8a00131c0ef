//! The statements behind a queue page and an article's opening, run on a connection of their
//! own with no desk around them (no transaction, no acting user, no visibility or access
//! checks, no cursor): what `copydesk bench` compares the desk's operations with.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::SqliteTx;
use crate::error::{Error, Result};
use crate::model::{ArticleSummary, State};
use crate::store::articles::{Articles, ListFilter, ListKey};
use crate::store::jobs::Jobs;
use crate::store::revisions::Revisions;
use crate::store::users::Users;

pub(crate) struct BareStatements {
    conn: Connection,
}

impl BareStatements {
    /// A read-only connection to the desk file, set up like the store's own.
    pub(crate) fn open(path: &Path) -> Result<BareStatements> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.set_prepared_statement_cache_capacity(128);
        Ok(BareStatements { conn })
    }

    fn tx(&self) -> SqliteTx<'_> {
        SqliteTx { conn: &self.conn }
    }

    /// One page of a state's queue, after `after`.
    pub(crate) fn queue_page(
        &self,
        state: State,
        after: Option<ListKey>,
        limit: i64,
    ) -> Result<Vec<(ListKey, ArticleSummary)>> {
        let filter = ListFilter {
            state: Some(state),
            ..Default::default()
        };
        Articles::list(&self.tx(), &filter, after, limit)
    }

    /// What opening an article reads: its row, byline, related pieces, the names of its
    /// editors, its failed publication if any, and its last 20 revisions. Returns the bytes
    /// read, for the caller to keep.
    pub(crate) fn open_article(&self, id: &str) -> Result<usize> {
        let tx = self.tx();
        let row = Articles::get_by_id(&tx, id)?.ok_or_else(|| Error::not_found("article", id))?;
        let byline = tx.get_byline(row.pk)?;
        let related = tx.get_related(row.pk)?;
        let mut names = 0;
        for pk in [row.assigned_editor, row.approved_by, Some(row.created_by)]
            .into_iter()
            .flatten()
        {
            names += Users::get_by_pk(&tx, pk)?.map_or(0, |u| u.user.name.len());
        }
        let history = Revisions::list(&tx, row.pk, None, 20)?;
        let problem = Jobs::problem_of(&tx, row.pk)?;
        Ok(row.body.len()
            + problem.map_or(0, |p| p.error.len())
            + byline
                .iter()
                .map(|(_, b)| b.printed_bio.len())
                .sum::<usize>()
            + related.len()
            + names
            + history.len())
    }
}
