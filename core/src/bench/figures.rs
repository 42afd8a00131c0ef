//! How the bench times things and writes its figures down.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::{Desk, Result};

pub(super) fn raw_fdatasync(dir: &Path, n: usize) -> Result<Vec<Duration>> {
    let mut f = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(dir.join("fdatasync.probe"))?;
    let block = vec![0x5au8; 4096];
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        f.write_all(&block)?;
        f.sync_data()?;
        times.push(start.elapsed());
    }
    Ok(times)
}

/// Runs `f` a few times to warm caches, then `n` timed times.
pub(super) fn measure(n: usize, mut f: impl FnMut(usize) -> Result<()>) -> Result<Vec<Duration>> {
    for i in 0..n.min(20) {
        f(i)?;
    }
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        f(i)?;
        times.push(start.elapsed());
    }
    Ok(times)
}

/// The nearest-rank percentile `pct` of `times`, in milliseconds (0 for none).
pub fn percentile(times: &[Duration], pct: f64) -> f64 {
    if times.is_empty() {
        return 0.0;
    }
    let mut ms: Vec<f64> = times.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let rank = ((pct / 100.0) * ms.len() as f64).ceil() as usize;
    ms[rank.clamp(1, ms.len()) - 1]
}

pub(super) fn put_percentiles(put: &mut impl FnMut(&str, Value), name: &str, times: &[Duration]) {
    put(
        &format!("{name}_p50_ms"),
        json!(round(percentile(times, 50.0))),
    );
    put(
        &format!("{name}_p99_ms"),
        json!(round(percentile(times, 99.0))),
    );
    put(&format!("{name}_n"), json!(times.len()));
}

pub fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(super) fn put_ratio(
    put: &mut impl FnMut(&str, Value),
    name: &str,
    desk: &[Duration],
    bare: &[Duration],
) {
    for pct in [50.0, 99.0] {
        let ratio = percentile(desk, pct) / percentile(bare, pct).max(f64::MIN_POSITIVE);
        put(&format!("{name}_p{pct}_to_bare"), json!(round(ratio)));
    }
}

pub(super) fn machine(desk: &Desk) -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    json!({
        "cpu": cpu,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "store": desk.storage(),
        "build": if cfg!(debug_assertions) { "debug" } else { "release" },
    })
}
