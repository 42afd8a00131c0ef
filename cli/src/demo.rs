//! `copydesk demo`: creates a new desk filled with a readable sample, for trying Copydesk out.

use copydesk_core::api::{FillSampleDesk, Operation};
use copydesk_core::desk::parse_timezone;
use copydesk_core::{Desk, NewDesk};

use crate::output::{CliResult, Failure};

pub const DESK_NAME: &str = "The Meridian";
pub const CHIEF: &str = "Chief Editor";

pub fn run(desk: &Desk, articles: usize, json: bool) -> CliResult<()> {
    if desk.is_initialised()? {
        return Err(Failure::invalid(
            "this desk is already set up; the demo builds a new sample desk: pass --db with a new file",
        ));
    }
    let zone = machine_timezone();
    let chief = desk.init(&NewDesk {
        name: DESK_NAME.into(),
        timezone: zone.clone(),
        chief_name: CHIEF.into(),
        chief_passphrase: None,
    })?;
    let articles = u32::try_from(articles).unwrap_or(u32::MAX);
    let report = FillSampleDesk { articles }.run(desk, &chief)?;
    if json {
        let value = serde_json::json!({
            "desk": DESK_NAME,
            "timezone": zone,
            "chief": CHIEF,
            "users": report.users,
            "contributors": report.contributors,
            "articles": report.articles,
        });
        println!("{value}");
    } else {
        println!(
            "Created the sample desk “{DESK_NAME}” ({zone}): {} articles by {} contributors.",
            report.articles, report.contributors
        );
        println!(
            "Sign in with --as \"{CHIEF}\" (chief), or as: {}.",
            report.users.join(", ")
        );
    }
    Ok(())
}

/// The machine's IANA zone: $TZ, then /etc/timezone, then the /etc/localtime link; UTC if none.
fn machine_timezone() -> String {
    let from_env = std::env::var("TZ")
        .ok()
        .map(|z| z.trim_start_matches(':').to_string());
    let from_file = std::fs::read_to_string("/etc/timezone").ok();
    let from_link = std::fs::read_link("/etc/localtime").ok().and_then(|p| {
        let s = p.to_string_lossy().to_string();
        s.split_once("zoneinfo/").map(|(_, z)| z.to_string())
    });
    [from_env, from_file, from_link]
        .into_iter()
        .flatten()
        .map(|z| z.trim().to_string())
        .find(|z| parse_timezone(z).is_ok())
        .unwrap_or_else(|| "UTC".to_string())
}
