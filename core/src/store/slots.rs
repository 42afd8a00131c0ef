//! Sections' recurring publication slots.

use crate::error::Result;
use crate::model::Slot;

pub(crate) trait Slots {
    fn list(&self, section: &str) -> Result<Vec<Slot>>;

    /// Replaces the section's slots.
    fn set(&self, section: &str, slots: &[Slot]) -> Result<()>;
}
