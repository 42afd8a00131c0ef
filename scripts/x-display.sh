# What the scripts that drive the app under Xvfb share (scripts/e2e.sh, measure-app.sh,
# measure-heap.sh); sourced, not run.

# start_xvfb FIRST LOG: Xvfb on the first display from FIRST up whose lock is free and on which it
# stays up, its output in LOG. Sets `display` (":N") and `xvfb_pid`, both empty when none was.
start_xvfb() {
	local first=$1 log=$2 n
	display=""
	xvfb_pid=""
	for n in $(seq "$first" $((first + 40))); do
		[ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
		Xvfb ":$n" -screen 0 1280x860x24 -nolisten tcp >"$log" 2>&1 &
		xvfb_pid=$!
		for _ in $(seq 100); do
			if [ -e "/tmp/.X11-unix/X$n" ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then break; fi
			sleep 0.1
		done
		if kill -0 "$xvfb_pid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
			display=":$n"
			return 0
		fi
		wait "$xvfb_pid" 2>/dev/null || true
		xvfb_pid=""
	done
}

# A TCP port free on loopback now.
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
