//! Looking after the desk's storage itself: integrity checks, backups, durability. These act on
//! the data as a whole, for whoever holds the desk file, and are not workflow operations.

use std::path::Path;

use super::Desk;
use crate::error::Result;
use crate::store::Durability;

impl Desk {
    /// Every problem an integrity check of the stored data finds, or none.
    pub fn check(&self) -> Result<Vec<String>> {
        self.store.check()
    }

    /// Copies the whole desk into `dest`, a new file, while the desk stays in use.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.store.backup_to(dest)
    }

    /// The space the desk takes, in bytes.
    pub fn size_bytes(&self) -> Result<i64> {
        self.store.size_bytes()
    }

    /// How hard later commits wait for the disk (bulk loads and benchmarks lower it).
    pub fn set_durability(&self, durability: Durability) -> Result<()> {
        self.store.set_durability(durability)
    }
}

/// Checks a desk file without opening it as a desk (no migration, nothing written): what
/// `copydesk check` reports for a file that may be damaged.
pub fn check_file(path: &Path) -> Result<Vec<String>> {
    crate::store::sqlite::check_file(path)
}

#[cfg(feature = "postgres")]
pub use crate::store::postgres::{PushReport, TableCount};

#[cfg(feature = "postgres")]
impl Desk {
    /// Copies this desk file into `team`, an empty team database, and checks the copy there
    /// before it commits: counts of everything and a hash of every article's text. Any
    /// difference keeps nothing.
    pub fn push_into(&self, team: &Desk) -> Result<PushReport> {
        use crate::error::Error;
        use crate::store::postgres::PgStore;
        use crate::store::sqlite::SqliteStore;
        let file = self
            .store
            .as_any()
            .downcast_ref::<SqliteStore>()
            .ok_or_else(|| Error::invalid("push copies a desk file: this desk is not one"))?;
        let target = team
            .store
            .as_any()
            .downcast_ref::<PgStore>()
            .ok_or_else(|| Error::invalid("push copies into a team database on PostgreSQL"))?;
        let conn = file.lock();
        // One read transaction: the copy is of one moment of the file, even while it is in use.
        conn.execute_batch("BEGIN")?;
        let copied = target.take_from(&conn);
        let _ = conn.execute_batch("COMMIT");
        copied
    }
}
