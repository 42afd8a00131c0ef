#!/usr/bin/env bash
# `make soak`, its kill-storm part (issue 15, item 2): tests/e2e/kill-storm.test.mjs with
# KILL_STORM_KILLS kills (200 by default) of the real app while it is typed into, the CLI saving
# beside it, through scripts/e2e.sh (Xvfb, tauri-driver). Its counts (kills, checks passed, words
# typed and lost, the CLI's saves) are printed and left in tests/e2e/output/kill-storm.json.
set -euo pipefail
cd "$(dirname "$0")/.."
make app
cargo build -p copydesk
KILL_STORM_KILLS=${KILL_STORM_KILLS:-200} \
	scripts/e2e.sh tests/e2e/kill-storm.test.mjs
cat tests/e2e/output/kill-storm.json
