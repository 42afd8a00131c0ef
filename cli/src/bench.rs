//! `copydesk bench`: the benchmark desk (DESIGN.md, "The benchmark desk") built in a temporary
//! folder and measured by the core's `bench`. With `--keep` the folder stays, and the report
//! names the desk file (`desk`), for measuring the app on it (scripts/measure-app.sh).

use std::path::PathBuf;

use copydesk_core::bench;
use serde_json::{Value, json};

use crate::output::{CliResult, Failure};

pub fn run(articles: usize, dir: Option<PathBuf>, keep: bool, json_out: bool) -> CliResult<()> {
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
    let mut figures = bench::run(tmp.path(), articles, &mut progress)?;
    if keep {
        let kept = tmp.keep();
        figures.insert("desk".into(), json!(kept.join(bench::DESK_FILE)));
    }
    let report = Value::Object(figures);
    if json_out {
        println!("{report}");
    } else if let Value::Object(map) = &report {
        for (k, v) in map {
            println!("{k:<40} {v}");
        }
    }
    Ok(())
}
