#!/usr/bin/env bash
# The Rust tests, twice over the desk: the whole workspace on SQLite, then the core's desk tests
# (its conformance suite, core/tests) again on PostgreSQL, then the HTTP API fuzzed against its
# OpenAPI document (scripts/api-fuzz.sh). All run beside one throwaway cluster
# (scripts/with-postgres.sh), which the server's and the PostgreSQL store's own tests use too, and
# one throwaway WordPress (scripts/with-wordpress.sh) that the WordPress target's tests publish to.
set -uo pipefail
cd "$(dirname "$0")/.."
exec scripts/with-postgres.sh scripts/with-wordpress.sh bash -c '
	status=0
	${CARGO:-cargo} test --workspace || status=1
	echo "conformance suite on PostgreSQL:"
	COPYDESK_TEST_STORE=postgres ${CARGO:-cargo} test -p copydesk-core --features postgres --test "*" || status=1
	${CARGO:-cargo} build -p copydesk && scripts/api-fuzz.sh || status=1
	exit $status
'
