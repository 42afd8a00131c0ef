#!/usr/bin/env bash
# Runs every test (the cargo tests on SQLite and PostgreSQL and the API fuzzing,
# scripts/cargo-tests.sh; the UI's vitest suite, the validators over a
# published sample site (scripts/validate-output.sh), then the end-to-end tests through the built
# app, scripts/e2e.sh) and ends with one plain line counting them all:
# "tests: N passed, M failed". Exits non-zero if anything failed. The app must be built first
# (make app); E2E=0 leaves the end-to-end tests out.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

scripts/cargo-tests.sh 2>&1 | tee "$log" || status=1
(cd ui && ${NPM:-npm} test) 2>&1 | tee -a "$log" || status=1
# What publishing writes, checked by real validators (Nu Html Checker, feedparser, icalendar).
scripts/validate-output.sh 2>&1 | tee -a "$log" || status=1
if [ "${E2E:-1}" != 0 ]; then
	# Beside a throwaway PostgreSQL cluster: the team desk's end-to-end test serves one on it.
	scripts/with-postgres.sh scripts/e2e.sh 2>&1 | tee -a "$log" || status=1
fi

plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
count() { grep -oE "$1" <<<"$plain" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}'; }
cargo_passed=$(count 'test result: [a-zA-Z]+\. [0-9]+ passed')
cargo_failed=$(count '[0-9]+ failed;')
ui_passed=$(grep -E '^ *Tests ' <<<"$plain" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}')
ui_failed=$(grep -E '^ *Tests ' <<<"$plain" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}')

e2e_passed=$(grep -E '^e2e: [0-9]+ passed' <<<"$plain" | awk '{s += $2} END {print s + 0}')
e2e_failed=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' <<<"$plain" | awk '{s += $4} END {print s + 0}')

checks_passed=$(grep -E '^validators: [0-9]+ passed' <<<"$plain" | awk '{s += $2} END {print s + 0}')
checks_failed=$(grep -E '^validators: [0-9]+ passed, [0-9]+ failed' <<<"$plain" | awk '{s += $4} END {print s + 0}')

fuzz_passed=$(grep -E '^api-fuzz: [0-9]+ passed' <<<"$plain" | awk '{s += $2} END {print s + 0}')
fuzz_failed=$(grep -E '^api-fuzz: [0-9]+ passed, [0-9]+ failed' <<<"$plain" | awk '{s += $4} END {print s + 0}')

passed=$((cargo_passed + ui_passed + checks_passed + e2e_passed + fuzz_passed))
failed=$((cargo_failed + ui_failed + checks_failed + e2e_failed + fuzz_failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$status" -ne 0 ]; then
	# CI shows only a part of a long log: what failed is repeated here, just above the count.
	echo
	echo "what failed (first lines of each kind):"
	grep -E '^error(\[E[0-9]+\])?:|^---- .* stdout ----|^test .* FAILED$|panicked at|No space left|^(e2e|validators|api-fuzz): .* [1-9][0-9]* failed| FAIL ' <<<"$plain" |
		awk '!seen[$0]++' | head -n 40
	echo "disk: $(du -sh target 2>/dev/null | cut -f1) in target/, $(df -h . | awk 'NR == 2 {print $4}') free"
fi
echo
echo "tests: $passed passed, $failed failed"
exit "$status"
