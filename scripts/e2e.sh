#!/usr/bin/env bash
# The end-to-end tests (tests/e2e/): drives the real app through tauri-driver on a fresh desk.
#
# Expects the app built (`make app`: the UI first, then `cargo build -p copydesk-app`). Installs
# tauri-driver 2.1.0 when missing; Xvfb and WebKitWebDriver come with scripts/ensure-tools.sh.
# Starts Xvfb on a free display and tauri-driver on free ports, with COPYDESK_DB pointing at a
# new desk file in a temp folder, runs `node --test tests/e2e/`, and always stops what it
# started. Ends with the line "e2e: N passed, M failed" (scripts/run-tests.sh counts it).
#
#   scripts/e2e.sh [node --test arguments instead of tests/e2e/, e.g. one file]
#
# COPYDESK_APP    the app binary (default target/debug/copydesk-app)
# E2E_DISPLAY     first X display number to try (default 90)
# E2E_KEEP=1      keep the temp folder (the desk file, the driver's log) for a look afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/x-display.sh
root=$(pwd)

export PATH="$HOME/.cargo/bin:$PATH"
app=$(realpath -m "${COPYDESK_APP:-target/debug/copydesk-app}")
driver_version="2.1.0"

say() { echo "e2e: $*" >&2; }

if [ ! -x "$app" ]; then
	say "no app at $app: build it first (make app)"
	exit 1
fi
for tool in Xvfb /usr/bin/WebKitWebDriver node curl; do
	command -v "$tool" >/dev/null 2>&1 || {
		say "$tool is missing: scripts/ensure-tools.sh installs it"
		exit 1
	}
done
if ! cargo install --list 2>/dev/null | grep -q "^tauri-driver v$driver_version:"; then
	say "installing tauri-driver $driver_version"
	cargo install tauri-driver --version "$driver_version" --locked --quiet
fi
driver=$(command -v tauri-driver)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-e2e.XXXXXX")
xvfb_pid=""
driver_pid=""

# The processes in session $1 (read from /proc: a minimal machine may have no ps).
in_session() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v sid="$1" '{ pid = $1; sub(/.*\) /, ""); if ($4 == sid) print pid }'
}

# Everything tauri-driver starts (WebKitWebDriver, the app) shares its session, which setsid
# made for it; stopping that session stops exactly what this script started.
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
	if [ "${E2E_KEEP:-0}" = 1 ]; then
		say "kept $tmp"
	else
		rm -rf "$tmp"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free display: the first from E2E_DISPLAY up whose lock is free and on which Xvfb stays up.
first=${E2E_DISPLAY:-90}
start_xvfb "$first" "$tmp/xvfb.log"
if [ -z "$display" ]; then
	say "no free X display from :$first up (Xvfb said: $(tail -1 "$tmp/xvfb.log" 2>/dev/null))"
	exit 1
fi

port=$(free_port)
native_port=$(free_port)
while [ "$native_port" = "$port" ]; do native_port=$(free_port); done

# The app inherits this environment: a new desk file, its own config and data folders so that
# nothing from this machine's real desk (window size, say) leaks in, and a clock the tests can
# move by writing an instant into $tmp/clock (the machine's time while the file is absent), and
# never the keyring of whoever runs them (zbus would find a session bus in XDG_RUNTIME_DIR).
mkdir -p "$tmp/config" "$tmp/data" "$tmp/cache"
env -u DBUS_SESSION_BUS_ADDRESS -u WAYLAND_DISPLAY \
	DISPLAY="$display" GDK_BACKEND=x11 NO_AT_BRIDGE=1 \
	COPYDESK_DB="$tmp/desk.db" COPYDESK_CLOCK_FILE="$tmp/clock" COPYDESK_KEYRING=off \
	XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
	setsid "$driver" --port "$port" --native-port "$native_port" >"$tmp/driver.log" 2>&1 &
driver_pid=$!

# Ready when WebKitWebDriver listens (asking tauri-driver before that fills its log with a
# refused connection) and tauri-driver answers /status.
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
say "Xvfb on $display, tauri-driver on $url, desk $tmp/desk.db"

# The screenshots of this run only.
rm -rf tests/e2e/output
mkdir -p tests/e2e/output
status=0
# A test that needs a second window (a second person on a team desk) starts a second
# tauri-driver on the same display: WebKitWebDriver takes one session at a time.
TAURI_DRIVER_URL="$url" COPYDESK_APP="$app" E2E_OUTPUT="$root/tests/e2e/output" \
	E2E_X_DISPLAY="$display" E2E_TAURI_DRIVER="$driver" \
	E2E_DESK="$tmp/desk.db" E2E_CLOCK_FILE="$tmp/clock" \
	node --test --test-concurrency=1 \
	--test-reporter=spec --test-reporter-destination=stdout \
	--test-reporter=tap --test-reporter-destination="$tmp/results.tap" \
	"${@:-tests/e2e/}" || status=$?

count() { grep -sE "^# $1 [0-9]+" "$tmp/results.tap" | awk '{s += $3} END {print s + 0}'; }
passed=$(count pass)
failed=$(count fail)
if [ "$status" -ne 0 ]; then
	[ "$failed" -eq 0 ] && failed=1
	say "the driver's log:"
	tail -40 "$tmp/driver.log" >&2
fi
echo "e2e: $passed passed, $failed failed"
exit "$status"
