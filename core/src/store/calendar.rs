//! The calendar's reads: pieces scheduled or published in a window of time.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::model::CalendarEntry;

pub(crate) trait Calendar {
    /// Pieces scheduled or published in `[from, to)`, in time order (conflicts not yet marked).
    fn entries(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<CalendarEntry>>;

    /// The instants already taken by scheduled pieces of `section` in `[from, to)`.
    fn taken(
        &self,
        section: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>>;
}
