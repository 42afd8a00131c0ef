//! Desk settings: a few named values and the sections with their word limits.

use crate::error::Result;
use crate::model::Section;

pub(crate) trait Settings {
    fn get_value(&self, key: &str) -> Result<Option<String>>;

    fn set_value(&self, key: &str, value: &str) -> Result<()>;

    fn list_sections(&self) -> Result<Vec<Section>>;

    fn get_section(&self, name: &str) -> Result<Option<Section>>;

    /// Adds the section, or changes the limits of the one with that name.
    fn put_section(&self, section: &Section) -> Result<()>;
}
