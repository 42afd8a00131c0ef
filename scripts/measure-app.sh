#!/usr/bin/env bash
# The desktop app's figures for BENCHMARKS.md: scripts/measure-app.mjs on the release app,
# opening a COPY of a benchmark desk, under Xvfb and tauri-driver (as scripts/e2e.sh runs them).
#
#   cargo build --release -p copydesk
#   ./target/release/copydesk bench --keep --json      # prints "desk": the kept desk file
#   make ui && cargo build --release -p copydesk-app
#   scripts/measure-app.sh /path/to/bench.db           # a table, then the JSON report
#
# Beside Copydesk it builds an empty Tauri app (one window, a static page, the same tauri
# version, its lock file and release profile) in a scratch folder, and measures it the same way
# after each launch: WebKitGTK's own cost, against which Copydesk's memory is a ratio. Without a
# GPU it runs without compositing, as Copydesk does there (src-tauri/src/lib.rs).
#
# COPYDESK_APP      the app binary (default target/release/copydesk-app)
# MEASURE_TMP       where the desk is copied (default $TMPDIR or /tmp): room for the whole file
# MEASURE_DISPLAY   first X display number to try (default 120)
# MEASURE_RUNS, MEASURE_OPEN, MEASURE_SAMPLES, MEASURE_JSON, MEASURE_SHOTS, MEASURE_LONG: see
#                   measure-app.mjs
# MEASURE_EMPTY=0   do not build or measure the empty app
# MEASURE_SMAPS     a folder: each memory reading also keeps every process's /proc/pid/smaps there
# MEASURE_SCRIPT    the script to run in this harness (default scripts/measure-app.mjs; the team
#                   desk's figures: scripts/measure-team.sh runs scripts/measure-team.mjs)
#
# Stops everything it started and removes the copy, whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/x-display.sh

export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "measure: $*" >&2; }

desk=${1:-${MEASURE_DESK:-}}
if [ -z "$desk" ] || [ ! -f "$desk" ]; then
	say "usage: scripts/measure-app.sh DESK_FILE (from copydesk bench --keep)"
	exit 2
fi
app=$(realpath -m "${COPYDESK_APP:-target/release/copydesk-app}")
if [ ! -x "$app" ]; then
	say "no app at $app: build it first (make ui && cargo build --release -p copydesk-app)"
	exit 1
fi
for tool in Xvfb /usr/bin/WebKitWebDriver tauri-driver node curl; do
	command -v "$tool" >/dev/null 2>&1 || {
		say "$tool is missing (scripts/ensure-tools.sh; tauri-driver: scripts/e2e.sh installs it)"
		exit 1
	}
done
driver=$(command -v tauri-driver)

tmp=$(mktemp -d "${MEASURE_TMP:-${TMPDIR:-/tmp}}/copydesk-measure.XXXXXX")
xvfb_pid=""
driver_pid=""

# As in scripts/e2e.sh: everything tauri-driver starts shares the session setsid made for it.
in_session() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v sid="$1" '{ pid = $1; sub(/.*\) /, ""); if ($4 == sid) print pid }'
}
cleanup() {
	local status=$?
	if [ -n "$driver_pid" ]; then
		for pid in $(in_session "$driver_pid"); do kill -TERM "$pid" 2>/dev/null || true; done
		for _ in $(seq 50); do
			[ -z "$(in_session "$driver_pid")" ] && break
			sleep 0.1
		done
		for pid in $(in_session "$driver_pid"); do kill -KILL "$pid" 2>/dev/null || true; done
	fi
	if [ -n "$xvfb_pid" ]; then
		kill -TERM "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The empty app, built where the workspace builds (its dependencies are Copydesk's, compiled once).
empty_app=""
if [ "${MEASURE_EMPTY:-1}" != "0" ]; then
	src="$tmp/empty-app"
	mkdir -p "$src/src" "$src/dist" "$src/icons"
	cp src-tauri/icons/* "$src/icons/"
	cp Cargo.lock "$src/Cargo.lock"
	cat >"$src/Cargo.toml" <<-'TOML'
		[package]
		name = "empty-tauri-app"
		version = "0.1.0"
		edition = "2024"

		[workspace]

		[dependencies]
		tauri = { version = "~2.12", features = [] }

		[build-dependencies]
		tauri-build = { version = "2", features = [] }
	TOML
	# Copydesk's release profile, as the workspace's Cargo.toml has it: both built alike.
	awk '/^\[/ { on = ($0 == "[profile.release]") } on' Cargo.toml >>"$src/Cargo.toml"
	echo 'fn main() { tauri_build::build() }' >"$src/build.rs"
	cat >"$src/src/main.rs" <<-'RUST'
		fn main() {
		    tauri::Builder::default()
		        .run(tauri::generate_context!())
		        .expect("the empty app runs");
		}
	RUST
	echo '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body><p>Empty</p></body></html>' >"$src/dist/index.html"
	cat >"$src/tauri.conf.json" <<-'JSON'
		{
		  "productName": "Empty",
		  "version": "0.1.0",
		  "identifier": "org.copydesk.measure.empty",
		  "build": { "frontendDist": "dist" },
		  "app": { "windows": [{ "label": "main", "title": "Empty", "width": 1280, "height": 800 }] },
		  "bundle": { "active": false, "icon": ["icons/32x32.png", "icons/128x128.png", "icons/icon.png"] }
		}
	JSON
	say "building the empty Tauri app in $src"
	CARGO_TARGET_DIR="$PWD/target" cargo build --release --quiet --manifest-path "$src/Cargo.toml"
	empty_app="$PWD/target/release/empty-tauri-app"
fi
# Copydesk paints without compositing where there is no GPU; the empty app is measured alike.
compositing=()
if ! compgen -G "/dev/dri/renderD*" >/dev/null; then compositing=(WEBKIT_DISABLE_COMPOSITING_MODE=1); fi

# The copy: the app writes to the desk it opens (sign-ins, autosaves), the original stays as built.
say "copying $desk ($(du -h "$desk" | cut -f1)) to $tmp"
cp "$desk" "$tmp/desk.db"
for side in -wal -shm; do [ -f "$desk$side" ] && cp "$desk$side" "$tmp/desk.db$side"; done

first=${MEASURE_DISPLAY:-120}
start_xvfb "$first" "$tmp/xvfb.log"
if [ -z "$display" ]; then
	say "no free X display from :$first up"
	exit 1
fi

port=$(free_port)
native_port=$(free_port)
while [ "$native_port" = "$port" ]; do native_port=$(free_port); done

mkdir -p "$tmp/config" "$tmp/data" "$tmp/cache"
env -u DBUS_SESSION_BUS_ADDRESS -u WAYLAND_DISPLAY \
	DISPLAY="$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
	COPYDESK_DB="$tmp/desk.db" "${compositing[@]}" \
	XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
	setsid "$driver" --port "$port" --native-port "$native_port" >"$tmp/driver.log" 2>&1 &
driver_pid=$!

url="http://127.0.0.1:$port"
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 300); do
	listening "$native_port" && curl -sf "$url/status" >/dev/null 2>&1 && break
	if ! kill -0 "$driver_pid" 2>/dev/null; then
		say "tauri-driver stopped at start:"
		cat "$tmp/driver.log" >&2
		exit 1
	fi
	sleep 0.1
done
if ! curl -sf "$url/status" >/dev/null 2>&1; then
	say "tauri-driver did not answer on $url within 30 s:"
	cat "$tmp/driver.log" >&2
	exit 1
fi
say "Xvfb on $display, tauri-driver on $url, app $app"

status=0
TAURI_DRIVER_URL="$url" COPYDESK_APP="$app" MEASURE_DRIVER_PID="$driver_pid" MEASURE_EMPTY_APP="$empty_app" \
	E2E_X_DISPLAY="$display" E2E_TAURI_DRIVER="$driver" \
	node "${MEASURE_SCRIPT:-scripts/measure-app.mjs}" || status=$?
if [ "$status" -ne 0 ]; then
	say "the driver's log:"
	tail -40 "$tmp/driver.log" >&2
fi
exit "$status"
