//! The calendar's reads on PostgreSQL: pieces scheduled or published in a window.

use chrono::{DateTime, Utc};

use super::{PgTx, get, instant, ms};
use crate::error::Result;
use crate::model::{CalendarEntry, State};
use crate::store::calendar::Calendar;
use crate::store::split_bylines;

const BYLINE: &str = "(SELECT string_agg(c.id || chr(30) || c.display_name, chr(31) \
    ORDER BY b.position) FROM article_bylines b JOIN contributors c ON c.pk = b.contributor_pk \
    WHERE b.article_pk = a.pk)";

impl Calendar for PgTx<'_> {
    fn entries(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<CalendarEntry>> {
        let sql = format!(
            "SELECT a.id, a.headline, a.section, a.state, a.scheduled_at AS at, {BYLINE}
               FROM articles a
              WHERE a.scheduled_at >= $1 AND a.scheduled_at < $2 AND a.state = 'scheduled'
             UNION ALL
             SELECT a.id, a.headline, a.section, a.state, a.published_at AS at, {BYLINE}
               FROM articles a
              WHERE a.published_at >= $1 AND a.published_at < $2 AND a.state = 'published'
             ORDER BY at"
        );
        self.rows(&sql, &[&ms(from), &ms(to)])?
            .iter()
            .map(|r| {
                let state: String = get(r, 3)?;
                Ok(CalendarEntry {
                    article_id: get(r, 0)?,
                    headline: get(r, 1)?,
                    section: get(r, 2)?,
                    state: state.parse().unwrap_or(State::Scheduled),
                    at: instant(get(r, 4)?),
                    byline: split_bylines(get(r, 5)?),
                    conflict: false,
                    overdue: false,
                })
            })
            .collect()
    }

    fn taken(
        &self,
        section: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>> {
        self.rows(
            "SELECT scheduled_at FROM articles
              WHERE scheduled_at >= $2 AND scheduled_at < $3 AND state = 'scheduled'
                AND section = $1",
            &[&section, &ms(from), &ms(to)],
        )?
        .iter()
        .map(|r| Ok(instant(get(r, 0)?)))
        .collect()
    }
}
