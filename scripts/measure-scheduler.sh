#!/usr/bin/env bash
# Scheduler precision in the app (BENCHMARKS.md): opens the built app under Xvfb on a sample desk,
# schedules pieces a few seconds ahead (some before the app starts, some through the CLI while
# it runs, which the app must notice on its own), waits, and reports how long after its due time
# each went out (the job's late_ms, measured by the core's clock in the publishing process).
#
#   scripts/measure-scheduler.sh [path/to/copydesk-app] [path/to/copydesk]
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-target/debug/copydesk-app}
cli=${2:-target/debug/copydesk}
work=$(mktemp -d)
display=":$((80 + RANDOM % 9))"
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export COPYDESK_DB="$work/desk.db" HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
chief=$("$cli" --json demo --articles 300 | python3 -c 'import json,sys; print(json.load(sys.stdin)["chief"])')
export COPYDESK_USER="$chief"
"$cli" settings set publish-folder "$work/site" >/dev/null
mapfile -t approved < <("$cli" --json article list --state approved --limit 20 |
    python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]')
[ "${#approved[@]}" -ge 6 ] || { echo "the sample desk has fewer than 6 approved pieces" >&2; exit 1; }
at() { date -u -d "+$1 seconds" +%Y-%m-%dT%H:%M:%SZ; }
for i in 0 1 2; do "$cli" article move "${approved[$i]}" schedule --at "$(at $((25 + 7 * i)))" >/dev/null; done

Xvfb "$display" -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
DISPLAY=$display NO_AT_BRIDGE=1 "$app" >"$work/app.log" 2>&1 &
app_pid=$!
sleep 5
# Scheduled while the app runs: it learns of them from the file changing.
for i in 3 4 5; do "$cli" article move "${approved[$i]}" schedule --at "$(at $((25 + 7 * i)))" >/dev/null; done
sleep 80
"$cli" --json jobs list --state done --limit 50 | python3 -c '
import json, sys
jobs = [j for j in json.load(sys.stdin)["items"] if j["kind"] == "publish"]
late = sorted(j["late_ms"] for j in jobs)
print(json.dumps({"jobs": len(jobs), "late_ms": late, "max_late_ms": max(late) if late else None}))
if len(jobs) != 6: sys.exit("expected 6 published jobs, found %d" % len(jobs))
'
