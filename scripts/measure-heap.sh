#!/usr/bin/env bash
# Whether the memory the app gains as articles are opened is kept or garbage (BENCHMARKS.md):
# scripts/measure-heap.py on the release app, opening a COPY of a benchmark desk under Xvfb with
# WebKit's remote inspector on a free loopback port, through which it asks for full collections
# and heap snapshots. No WebDriver: it and the inspector server do not run together.
#
#   ./target/release/copydesk bench --articles 1000 --keep --json   # prints "desk"
#   make ui && cargo build --release -p copydesk-app
#   scripts/measure-heap.sh /path/to/bench.db                          # a table, then a summary
#
# COPYDESK_APP, MEASURE_USER, MEASURE_MARKS, MEASURE_JSON: see measure-heap.py.
# Stops everything it started and removes the copy, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/x-display.sh
say() { echo "measure-heap: $*" >&2; }

desk=${1:-}
if [ -z "$desk" ] || [ ! -f "$desk" ]; then
	say "usage: scripts/measure-heap.sh DESK_FILE (from copydesk bench --keep)"
	exit 2
fi
app=$(realpath -m "${COPYDESK_APP:-target/release/copydesk-app}")
[ -x "$app" ] || { say "no app at $app: build it first (make ui && cargo build --release -p copydesk-app)"; exit 1; }
for tool in Xvfb node curl; do
	command -v "$tool" >/dev/null 2>&1 || { say "$tool is missing (scripts/ensure-tools.sh)"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-heap.XXXXXX")
xvfb_pid=""
app_pid=""
cleanup() {
	local status=$?
	[ -n "$app_pid" ] && kill -TERM "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill -TERM "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT INT TERM

cp "$desk" "$tmp/desk.db"
for side in -wal -shm; do [ -f "$desk$side" ] && cp "$desk$side" "$tmp/desk.db$side"; done

start_xvfb 160 "$tmp/xvfb.log"
[ -n "$display" ] || { say "no free X display from :160 up"; exit 1; }

port=$(free_port)
compositing=()
if ! compgen -G "/dev/dri/renderD*" >/dev/null; then compositing=(WEBKIT_DISABLE_COMPOSITING_MODE=1); fi
mkdir -p "$tmp/config" "$tmp/data" "$tmp/cache"
env -u DBUS_SESSION_BUS_ADDRESS -u WAYLAND_DISPLAY DISPLAY="$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
	COPYDESK_DB="$tmp/desk.db" COPYDESK_INSTANCE="heap-$$" "${compositing[@]}" \
	WEBKIT_INSPECTOR_HTTP_SERVER="127.0.0.1:$port" \
	XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
	"$app" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 300); do
	curl -sf "http://127.0.0.1:$port/" 2>/dev/null | grep -q "/socket/" && break
	kill -0 "$app_pid" 2>/dev/null || { say "the app stopped at start:"; cat "$tmp/app.log" >&2; exit 1; }
	sleep 0.1
done
say "Xvfb on $display, the app's inspector on 127.0.0.1:$port"
COPYDESK_APP="$app" MEASURE_INSPECTOR="127.0.0.1:$port" python3 scripts/measure-heap.py
