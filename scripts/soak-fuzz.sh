#!/usr/bin/env bash
# `make soak`, its fuzzing part (issue 15, item 1): every cargo-fuzz target in fuzz/ (the .txt,
# .md, .html and .docx readers with recognition, the site's Markdown renderer, the import's
# allowlist) run for SOAK_FUZZ_SECONDS each (600 by default: the issue's 10 minutes), seeded from
# tests/fixtures/import/ (fuzz/seed.sh). A hang over 2 s and an allocation or a process over
# 256 MB count as failures like a crash or a panic. libFuzzer runs in fork mode so that it goes on
# past a failure and counts them all; each is kept in fuzz/artifacts/<target>/.
#
# Prints, per target, the seconds, executions, crashes, out-of-memory and timeouts, and fails on
# any of the last three. SOAK_FUZZ_TARGETS="read_docx allowlist" runs only those.
# Needs the nightly toolchain (cargo-fuzz's sanitizer flags); installs cargo-fuzz if missing.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${SOAK_FUZZ_SECONDS:-600}
targets=${SOAK_FUZZ_TARGETS:-read_txt read_md read_html read_docx render_markdown allowlist}
cargo_fuzz_version=0.13.2
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
	rustup toolchain install nightly --profile minimal || exit 1
fi
if ! cargo +nightly fuzz --version 2>/dev/null | grep -qF "$cargo_fuzz_version"; then
	cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked || exit 1
fi

fuzz/seed.sh || exit 1
# No sanitizer: the code under test is safe Rust, and AddressSanitizer's own quarantine (256 MB)
# would be taken for the 256 MB the readers may not use. Debug assertions on (-a): overflow
# checks and assertions fail as crashes.
flags=(-s none -a)
cargo +nightly fuzz build "${flags[@]}" || exit 1

mkdir -p fuzz/logs
summary=fuzz/logs/summary.txt
{
	echo "soak-fuzz $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -srm), $(nproc) cores, ${seconds}s per target"
	printf '%-16s %8s %12s %8s %6s %9s\n' target seconds executions crashes ooms timeouts
} | tee "$summary"
status=0
for target in $targets; do
	log=fuzz/logs/$target.log
	# Its own session, so a watchdog can stop all of it: without a sanitizer, libFuzzer's timeout
	# handler can deadlock in the allocator it interrupted (seen: a fork job waiting on a futex
	# after "ALARM: working on the last Unit", its parent waiting on it for good). Past its time
	# and a margin the run is stopped and reported as hung.
	setsid cargo +nightly fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" -- \
		-max_total_time="$seconds" -rss_limit_mb=256 -malloc_limit_mb=256 -timeout=2 \
		-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 >"$log" 2>&1 &
	run=$!
	( sleep $((seconds + 600)) && kill -KILL -- "-$run" 2>/dev/null && echo "watchdog: stopped, hung" >>"$log" ) &
	watchdog=$!
	wait "$run"
	code=$?
	kill "$watchdog" 2>/dev/null
	if grep -q '^watchdog: stopped, hung' "$log"; then
		printf '%-16s hung past %ss (libFuzzer stuck, see %s): not counted\n' "$target" "$((seconds + 600))" "$log" | tee -a "$summary"
		status=1
		continue
	fi
	# fork mode's status line: "#RUNS: cov: … oom/timeout/crash: O/T/C time: Ss …"
	line=$(grep -E '^#[0-9]+: cov: .*oom/timeout/crash: ' "$log" | tail -1)
	if [ -z "$line" ]; then
		printf '%-16s did not run (exit %s): see %s\n' "$target" "$code" "$log" | tee -a "$summary"
		status=1
		continue
	fi
	runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$line")
	read -r ooms timeouts crashes < <(sed -E 's#.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*#\1 \2 \3#' <<<"$line")
	took=$(sed -E 's/.* time: ([0-9]+)s.*/\1/' <<<"$line")
	printf '%-16s %8s %12s %8s %6s %9s\n' "$target" "$took" "$runs" "$crashes" "$ooms" "$timeouts" | tee -a "$summary"
	if [ "$crashes" != 0 ] || [ "$ooms" != 0 ] || [ "$timeouts" != 0 ]; then
		echo "  $target: inputs kept in fuzz/artifacts/$target/, log in $log" | tee -a "$summary"
		status=1
	fi
done
[ "$status" = 0 ] && echo "soak-fuzz: 0 crashes, 0 ooms, 0 timeouts" | tee -a "$summary"
exit $status
