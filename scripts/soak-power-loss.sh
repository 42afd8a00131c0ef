#!/usr/bin/env bash
# `make soak`, its power-loss part (issue 15, item 3): cli/tests/power_loss.rs at soak size.
# Writers save through the real CLI under an LD_PRELOAD shim that records every write and sync
# to the desk's files; the desk is rebuilt as a disk would hold it after a power cut at
# POWERCUT_CUTS points (1,000 by default; 100 in `make test`) and each rebuilt desk must pass
# `copydesk check` with every confirmed save in it. The counts are printed and left in
# target/power-loss.json.
set -euo pipefail
cd "$(dirname "$0")/.."
report="$PWD/target/power-loss.json"
POWERCUT_CUTS=${POWERCUT_CUTS:-1000} POWERCUT_SAVES=${POWERCUT_SAVES:-100} \
	POWERCUT_FILL_CUTS=${POWERCUT_FILL_CUTS:-200} POWERCUT_FILL_ARTICLES=${POWERCUT_FILL_ARTICLES:-300} \
	POWERCUT_REPORT="$report" \
	cargo test -p copydesk --test power_loss -- --nocapture 2>&1 | grep -E '^power loss|^test |test result'
cat "$report"
echo
