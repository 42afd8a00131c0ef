//! `copydesk bench`: the benchmark desk (DESIGN.md, "The benchmark desk") built in a temporary
//! folder and measured by the core's `bench`. With `--keep` the folder stays, and the report
//! names the desk file (`desk`), for measuring the app on it (scripts/measure-app.sh).

use std::path::PathBuf;

use copydesk_core::bench;
use serde_json::{Value, json};

use crate::output::{CliResult, Failure};

pub use bench::{CHIEF, TEAM_PASSPHRASE};

pub fn run(
    articles: usize,
    dir: Option<PathBuf>,
    keep: bool,
    database: Option<String>,
    json_out: bool,
) -> CliResult<()> {
    let io = |e: std::io::Error| Failure::new(copydesk_core::ErrorCode::Io, e.to_string());
    let tmp = match &dir {
        Some(d) => {
            std::fs::create_dir_all(d).map_err(io)?;
            tempfile::Builder::new()
                .prefix("copydesk-bench-")
                .tempdir_in(d)
                .map_err(io)?
        }
        None => tempfile::Builder::new()
            .prefix("copydesk-bench-")
            .tempdir()
            .map_err(io)?,
    };
    let mut progress = |line: &str| {
        if !json_out {
            eprintln!("{line}…");
        }
    };
    let target = match database {
        Some(url) => bench::Target::Team { url },
        None => bench::Target::File,
    };
    let mut figures = bench::run(tmp.path(), articles, &target, &mut progress)?;
    if keep {
        let kept = tmp.keep();
        if let bench::Target::File = target {
            figures.insert("desk".into(), json!(kept.join(bench::DESK_FILE)));
        }
    }
    print(figures, json_out);
    Ok(())
}

/// Due pieces pushed to the publish targets (`bench --push`), in a temporary folder.
pub fn push(
    pieces: usize,
    dir: Option<PathBuf>,
    wordpress: Option<bench::WordPressSite>,
    json_out: bool,
) -> CliResult<crate::output::Reply> {
    let io = |e: std::io::Error| Failure::new(copydesk_core::ErrorCode::Io, e.to_string());
    let tmp = match &dir {
        Some(d) => tempfile::Builder::new()
            .prefix("copydesk-push-")
            .tempdir_in(d)
            .map_err(io)?,
        None => tempfile::Builder::new()
            .prefix("copydesk-push-")
            .tempdir()
            .map_err(io)?,
    };
    let mut progress = |line: &str| {
        if !json_out {
            eprintln!("{line}…");
        }
    };
    let figures = bench::push(tmp.path(), pieces, wordpress.as_ref(), &mut progress)?;
    print(figures, json_out);
    Ok(crate::output::Reply::Done)
}

/// Editors against a team desk's servers (crate::bench_team).
pub fn load(load: &crate::bench_team::Load, json_out: bool) -> CliResult<crate::output::Reply> {
    let mut progress = |line: &str| {
        if !json_out {
            eprintln!("{line}…");
        }
    };
    let figures = crate::bench_team::run(load, &mut progress)?;
    print(figures, json_out);
    Ok(crate::output::Reply::Done)
}

fn print(figures: serde_json::Map<String, Value>, json_out: bool) {
    let report = Value::Object(figures);
    if json_out {
        println!("{report}");
    } else if let Value::Object(map) = &report {
        for (k, v) in map {
            println!("{k:<40} {v}");
        }
    }
}
