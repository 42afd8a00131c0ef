//! `copydesk demo`: fills a desk with a realistic sample. (Being written in core::sample.)

use copydesk_core::{Desk, Error, Result};

pub fn run(_desk: &Desk, _articles: usize, _json: bool) -> Result<()> {
    Err(Error::Invalid("demo is not ready yet".into()))
}
