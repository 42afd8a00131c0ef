#!/usr/bin/env bash
# Runs every test (the workspace's cargo tests, then the UI's vitest suite) and ends with one
# plain line counting them all: "tests: N passed, M failed". Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

${CARGO:-cargo} test --workspace 2>&1 | tee "$log" || status=1
(cd ui && ${NPM:-npm} test) 2>&1 | tee -a "$log" || status=1

plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
count() { grep -oE "$1" <<<"$plain" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}'; }
cargo_passed=$(count 'test result: [a-zA-Z]+\. [0-9]+ passed')
cargo_failed=$(count '[0-9]+ failed;')
ui_passed=$(grep -E '^ *Tests ' <<<"$plain" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}')
ui_failed=$(grep -E '^ *Tests ' <<<"$plain" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}')

passed=$((cargo_passed + ui_passed))
failed=$((cargo_failed + ui_failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "tests: $passed passed, $failed failed"
exit "$status"
