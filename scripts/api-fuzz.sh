#!/usr/bin/env bash
# Fuzzes the team desk's HTTP API with schemathesis (PyPI, pinned, in a venv made here) against
# a `copydesk serve` of its own, on a throwaway database (run it through with-postgres.sh): every
# operation of /api/openapi.json, signed in as the chief, must never answer 5xx nor answer
# outside its documented schema. Ends with one line, "api-fuzz: N passed, M failed".
#   scripts/with-postgres.sh scripts/api-fuzz.sh [MAX_EXAMPLES]
set -uo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS=4.32.5
examples=${1:-${API_FUZZ_EXAMPLES:-25}}
venv=target/schemathesis-$SCHEMATHESIS
if [ ! -x "$venv/bin/st" ]; then
	python3 -m venv "$venv" && "$venv/bin/pip" install -q "schemathesis==$SCHEMATHESIS" || {
		echo "api-fuzz: 0 passed, 1 failed (schemathesis could not be installed)"
		exit 1
	}
fi
: "${COPYDESK_TEST_PG:?run through scripts/with-postgres.sh}"
psql "$COPYDESK_TEST_PG" -qAtc "CREATE SCHEMA api_fuzz" >/dev/null
database="$COPYDESK_TEST_PG options='-csearch_path=api_fuzz,public'"
work=$(mktemp -d)
server=""
cleanup() {
	[ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
copydesk=target/debug/copydesk
pass="a passphrase for fuzzing"
COPYDESK_NEW_PASSPHRASE=$pass $copydesk init --database "$database" --desk "Fuzzed" \
	--tz Europe/Paris --chief Chief >/dev/null || exit 1
$copydesk serve --database "$database" --listen 127.0.0.1:0 --publish-folder "$work/site" \
	2>"$work/serve.log" &
server=$!
url=""
for _ in $(seq 1 200); do
	url=$(grep -o 'serving the team desk at http://[0-9.:]*' "$work/serve.log" | awk '{print $NF}')
	[ -n "$url" ] && break
	kill -0 "$server" 2>/dev/null || break
	sleep 0.05
done
if [ -z "$url" ]; then
	cat "$work/serve.log"
	echo "api-fuzz: 0 passed, 1 failed (the server did not start)"
	exit 1
fi
token=$(curl -sf -X POST "$url/api/session" -H 'content-type: application/json' \
	-d "{\"name\":\"Chief\",\"passphrase\":\"$pass\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# Fuzzing the sign-in route would end in its own rate limit, and sign-out would end the
# chief's session mid-run: those two are tested by the server's own tests.
"$venv/bin/st" run "$url/api/openapi.json" \
	--header "Authorization: Bearer $token" \
	--checks not_a_server_error,response_schema_conformance,content_type_conformance \
	--exclude-operation-id sign_in --exclude-operation-id sign_out \
	--exclude-operation-id revoke_session \
	--max-examples "$examples" --workers 2 --phases examples,coverage,fuzzing \
	--suppress-health-check all --no-color --report junit --report-dir "$work/report" \
	>"$work/st.log" 2>&1
status=$?
cp "$work/st.log" "${API_FUZZ_LOG:-/dev/null}" 2>/dev/null; tail -40 "$work/st.log"
passed=$(grep -c '<testcase' "$work"/report/*.xml 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}')
failed=$(grep -cE '<failure|<error' "$work"/report/*.xml 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}')
passed=$((passed - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "api-fuzz: $passed passed, $failed failed"
exit "$status"
