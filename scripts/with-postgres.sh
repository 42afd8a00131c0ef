#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster of its own: `initdb` in a temporary
# folder, listening only on a Unix socket in that folder, removed when the command ends (however
# it ends). The command finds it in COPYDESK_TEST_PG, a libpq connection string for a superuser.
# The cluster does not flush to disk (it is thrown away) unless COPYDESK_PG_DURABLE=1, as a
# benchmark wants: then it runs with PostgreSQL's own durable defaults.
# Run as root, the cluster runs as the `postgres` system user, since initdb refuses root.
#
#   scripts/with-postgres.sh cargo test -p copydesk-core
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: scripts/with-postgres.sh COMMAND [ARG…]" >&2
	exit 2
fi

bindir=""
for dir in /usr/lib/postgresql/*/bin; do
	[ -x "$dir/initdb" ] && bindir=$dir
done
if [ -z "$bindir" ]; then
	echo "PostgreSQL is not installed: run scripts/install-deps.sh (or apt-get install postgresql)." >&2
	exit 1
fi

as_owner=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
	as_owner=(runuser -u postgres --)
	owner=postgres
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-pg.XXXXXX")
chmod 755 "$root"
chown "$owner" "$root"
data=$root/data
stop() {
	"${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$root"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
	--no-sync >"$root/initdb.log" 2>&1 || {
	cat "$root/initdb.log" >&2
	exit 1
}
# Sockets only, in the cluster's own folder.
options="-k $root -c listen_addresses= -c max_connections=400 -c shared_buffers=256MB"
if [ "${COPYDESK_PG_DURABLE:-0}" != 1 ]; then
	options="$options -c fsync=off -c full_page_writes=off"
fi
"${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -w -l "$root/server.log" -o "$options" \
	start >/dev/null || {
	cat "$root/server.log" >&2
	exit 1
}
# unaccent is trusted, but the tests' per-test schemas find it in public, made once here.
"$bindir/psql" -h "$root" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 \
	-c "CREATE EXTENSION IF NOT EXISTS unaccent" >/dev/null

export COPYDESK_TEST_PG="host=$root user=postgres dbname=postgres"
export COPYDESK_TEST_PG_BIN=$bindir
status=0
"$@" || status=$?
exit "$status"
