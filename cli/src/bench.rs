//! `copydesk bench`: builds the benchmark desk in a temporary folder and measures it.

use std::path::PathBuf;

use copydesk_core::{Error, Result};

pub fn run(_articles: usize, _dir: Option<PathBuf>, _json: bool) -> Result<()> {
    Err(Error::Invalid("bench is not ready yet".into()))
}
