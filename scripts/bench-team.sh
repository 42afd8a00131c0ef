#!/usr/bin/env bash
# The team desk's benchmark (BENCHMARKS.md, "The team desk"), on a PostgreSQL cluster of its own
# that flushes to disk as a real one does:
#   1. `copydesk bench --database`: the benchmark desk built on PostgreSQL and measured through
#      the desk's operations (queue, open, search, autosave, calendar, load), as on a desk file;
#   2. two `copydesk serve` instances on that database, and `copydesk bench --instance … ` playing
#      EDITORS editors against them for SECONDS seconds while DUE pieces fall due.
# Prints both reports (JSON with --json as the first argument) and keeps them, with the servers'
# logs, in OUT (target/bench-team).
#   scripts/bench-team.sh [--json] [ARTICLES [EDITORS [SECONDS [DUE]]]]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${COPYDESK_TEST_PG:-}" ]; then
	COPYDESK_PG_DURABLE=1 exec scripts/with-postgres.sh "$0" "$@"
fi
json=()
if [ "${1:-}" = --json ]; then
	json=(--json)
	shift
fi
articles=${1:-100000}
editors=${2:-50}
seconds=${3:-300}
due=${4:-1000}
out=${OUT:-target/bench-team}
mkdir -p "$out"

cargo build --quiet --release -p copydesk
copydesk=target/release/copydesk
url=$COPYDESK_TEST_PG
work=$(mktemp -d)
servers=()
cleanup() {
	for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	rm -rf "$work"
}
trap cleanup EXIT

$copydesk "${json[@]}" bench --articles "$articles" --database "$url" | tee "$out/store.txt"

urls=()
for i in 1 2; do
	$copydesk serve --database "$url" --listen 127.0.0.1:0 --publish-folder "$work/site" \
		2>"$out/serve-$i.log" &
	servers+=($!)
	address=""
	for _ in $(seq 1 400); do
		address=$(grep -o 'serving the team desk at http://[0-9.:]*' "$out/serve-$i.log" | awk '{print $NF}' || true)
		[ -n "$address" ] && break
		sleep 0.05
	done
	[ -n "$address" ] || {
		cat "$out/serve-$i.log" >&2
		exit 1
	}
	urls+=(--instance "$address")
done
$copydesk "${json[@]}" bench "${urls[@]}" --editors "$editors" --seconds "$seconds" \
	--due-pieces "$due" | tee "$out/load.txt"
