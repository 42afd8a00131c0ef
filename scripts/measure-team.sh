#!/usr/bin/env bash
# The app on a team desk, for BENCHMARKS.md: a copy of a benchmark desk file pushed into a
# throwaway PostgreSQL cluster (scripts/with-postgres.sh), served by the release `copydesk
# serve`, and scripts/measure-team.mjs run in scripts/measure-app.sh's harness (Xvfb,
# tauri-driver), a second window on a driver of its own.
#
#   cargo build --release -p copydesk
#   ./target/release/copydesk bench --articles 1000 --keep --json    # "desk": the kept file
#   make ui && cargo build --release -p copydesk-app
#   scripts/measure-team.sh /path/to/bench.db
#
# MEASURE_RUNS, MEASURE_EDITS, MEASURE_OPEN, MEASURE_JSON: see measure-team.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${COPYDESK_TEST_PG:-}" ]; then
	exec scripts/with-postgres.sh "$0" "$@"
fi
say() { echo "measure-team: $*" >&2; }

desk=${1:-}
if [ -z "$desk" ] || [ ! -f "$desk" ]; then
	say "usage: scripts/measure-team.sh DESK_FILE (from copydesk bench --keep)"
	exit 2
fi
cli=$(realpath -m "${COPYDESK_CLI:-target/release/copydesk}")
[ -x "$cli" ] || { say "no CLI at $cli: cargo build --release -p copydesk"; exit 1; }

tmp=$(mktemp -d "${MEASURE_TMP:-${TMPDIR:-/tmp}}/copydesk-measure-team.XXXXXX")
server=""
cleanup() {
	local status=$?
	if [ -n "$server" ]; then
		kill -TERM "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT

# The copy gets passphrases (a team desk asks everyone for one), then goes into the team database.
cp "$desk" "$tmp/desk.db"
for side in -wal -shm; do [ -f "$desk$side" ] && cp "$desk$side" "$tmp/desk.db$side"; done
pass="a passphrase for measuring the team desk"
for who in "Bench Editor" "Bench Chief"; do
	COPYDESK_NEW_PASSPHRASE=$pass COPYDESK_PASSPHRASE=$pass \
		"$cli" --db "$tmp/desk.db" --as "Bench Chief" user passphrase "$who" >/dev/null
done
psql "$COPYDESK_TEST_PG" -qAtc "CREATE SCHEMA measure_team" >/dev/null
database="$COPYDESK_TEST_PG options='-csearch_path=measure_team,public'"
say "pushing $(du -h "$desk" | cut -f1) into the team database"
COPYDESK_PASSPHRASE=$pass "$cli" --db "$tmp/desk.db" --as "Bench Chief" push --database "$database" >/dev/null

"$cli" serve --database "$database" --listen 127.0.0.1:0 --publish-folder "$tmp/site" 2>"$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 1 200); do
	url=$(grep -o 'serving the team desk at http://[0-9.:]*' "$tmp/serve.log" | awk '{print $NF}' || true)
	[ -n "$url" ] && break
	kill -0 "$server" 2>/dev/null || break
	sleep 0.05
done
if [ -z "$url" ]; then
	cat "$tmp/serve.log" >&2
	say "the server did not start"
	exit 1
fi
say "serving on $url"

MEASURE_SCRIPT=scripts/measure-team.mjs MEASURE_EMPTY=0 MEASURE_SERVER="$url" MEASURE_PASSPHRASE="$pass" \
	scripts/measure-app.sh "$tmp/desk.db"
