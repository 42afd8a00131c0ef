//! The calendar's reads: pieces scheduled or published in a window of time.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{SqliteTx, instant, ms};
use crate::error::Result;
use crate::model::{CalendarEntry, State};
use crate::store::calendar::Calendar;
use crate::store::split_bylines;

const BYLINE: &str = "(SELECT group_concat(n, char(31)) FROM (SELECT c.id || char(30) || c.display_name AS n \
    FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk \
    WHERE b.article_pk = a.pk ORDER BY b.position))";

/// Read by instant through the partial indexes on `scheduled_at` and `published_at`; the state
/// is only a filter (`+`), or the planner walks every published piece by state.
pub(crate) fn calendar_sql() -> String {
    format!(
        "SELECT a.id, a.headline, a.section, a.state, a.scheduled_at AS at, {BYLINE}
           FROM articles a
          WHERE a.scheduled_at >= ?1 AND a.scheduled_at < ?2 AND +a.state = 'scheduled'
         UNION ALL
         SELECT a.id, a.headline, a.section, a.state, a.published_at AS at, {BYLINE}
           FROM articles a
          WHERE a.published_at >= ?1 AND a.published_at < ?2 AND +a.state = 'published'
         ORDER BY at"
    )
}

impl Calendar for SqliteTx<'_> {
    fn entries(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<CalendarEntry>> {
        let mut stmt = self.conn.prepare_cached(&calendar_sql())?;
        let rows = stmt.query_map(params![ms(from), ms(to)], |r| {
            let state: String = r.get(3)?;
            Ok(CalendarEntry {
                article_id: r.get(0)?,
                headline: r.get(1)?,
                section: r.get(2)?,
                state: state.parse().unwrap_or(State::Scheduled),
                at: instant(r.get(4)?),
                byline: split_bylines(r.get(5)?),
                conflict: false,
                overdue: false,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn taken(
        &self,
        section: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT scheduled_at FROM articles
              WHERE scheduled_at >= ?2 AND scheduled_at < ?3 AND +state = 'scheduled'
                AND +section = ?1",
        )?;
        let rows = stmt.query_map(params![section, ms(from), ms(to)], |r| {
            Ok(instant(r.get(0)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
