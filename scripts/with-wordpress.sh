#!/usr/bin/env bash
# Runs a command beside a throwaway WordPress of its own, for the WordPress publish target's
# tests: Debian's WordPress copied into a temporary folder with a wp-config.php of ours, a private
# MariaDB (its own datadir, a Unix socket in that folder, no TCP), and `php -S` serving the copy on
# a free loopback port. WordPress is installed with an editor who can publish and a contributor
# who cannot, each with an application password, and Copydesk's byline plugin
# (wordpress/copydesk-bylines.php) as a must-use plugin. Pretty links stay off, as on a fresh
# install, so the REST API answers at ?rest_route=. Everything is removed when the command ends.
#
# The command finds it in COPYDESK_TEST_WP_URL, COPYDESK_TEST_WP_USER and
# COPYDESK_TEST_WP_PASSWORD (the editor), COPYDESK_TEST_WP_CONTRIBUTOR and
# COPYDESK_TEST_WP_CONTRIBUTOR_PASSWORD; COPYDESK_TEST_WP_CLOSED_URL is the same site served with
# its REST API closed, as "disable REST API" plugins do.
#
#   scripts/with-wordpress.sh cargo test -p copydesk-core --test wordpress
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ $# -eq 0 ]; then
	echo "usage: scripts/with-wordpress.sh COMMAND [ARG…]" >&2
	exit 2
fi
for tool in /usr/sbin/mariadbd mariadb-install-db mariadb-admin mariadb php; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is missing: run scripts/ensure-tools.sh (it installs wordpress, mariadb-server, php-cli and php-mysql)." >&2
		exit 1
	fi
done
if [ ! -f /usr/share/wordpress/wp-load.php ]; then
	echo "WordPress is missing: run scripts/ensure-tools.sh (Debian's wordpress package)." >&2
	exit 1
fi
source scripts/x-display.sh # free_port

root=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-wp.XXXXXX")
chmod 755 "$root"
db_pid=""
web_pid=""
closed_pid=""
# `php -S` with PHP_CLI_SERVER_WORKERS forks its workers, which outlive their parent's end.
stop_server() {
	pkill -TERM -P "$1" 2>/dev/null || true
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}
stop() {
	[ -n "$web_pid" ] && stop_server "$web_pid"
	[ -n "$closed_pid" ] && stop_server "$closed_pid"
	if [ -n "$db_pid" ]; then
		kill "$db_pid" 2>/dev/null
		wait "$db_pid" 2>/dev/null
	fi
	rm -rf "$root"
}
trap stop EXIT
trap 'exit 130' INT TERM

# The database: private, on a socket, nothing flushed (it is thrown away).
sock=$root/mysql.sock
mariadb-install-db --no-defaults --datadir="$root/db" --user="$(id -un)" \
	--auth-root-authentication-method=normal --skip-test-db >"$root/install-db.log" 2>&1 || {
	cat "$root/install-db.log" >&2
	exit 1
}
/usr/sbin/mariadbd --no-defaults --datadir="$root/db" --socket="$sock" --skip-networking \
	--pid-file="$root/mysql.pid" --log-error="$root/mysql.log" --user="$(id -un)" \
	--innodb-flush-log-at-trx-commit=0 --innodb-buffer-pool-size=64M --skip-log-bin &
db_pid=$!
for _ in $(seq 1 300); do
	mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
	if ! kill -0 "$db_pid" 2>/dev/null; then
		cat "$root/mysql.log" >&2
		exit 1
	fi
	sleep 0.1
done
mariadb --no-defaults --socket="$sock" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4"

# WordPress: a copy of Debian's, so that its wp-config.php is ours and nothing under /etc is read.
cp -rL /usr/share/wordpress "$root/wp"
rm -f "$root/wp/.htaccess"
mkdir -p "$root/wp/wp-content/mu-plugins" "$root/wp/wp-content/uploads"
cp "$repo/wordpress/copydesk-bylines.php" "$root/wp/wp-content/mu-plugins/"
# A second server on the same site closes its REST API the way "disable REST" plugins do.
cat >"$root/wp/wp-content/mu-plugins/copydesk-test-closed.php" <<'PHP'
<?php
if (getenv('COPYDESK_TEST_REST_OFF') === '1') {
	add_filter('rest_authentication_errors', function () {
		return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 403]);
	});
}
PHP
port=$(free_port)
url="http://127.0.0.1:$port"
cat >"$root/wp/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

cat >"$root/install.php" <<'PHP'
<?php
// Installs the site and prints the application passwords, one "name password" line each.
$_SERVER['HTTP_HOST'] = parse_url(getenv('WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('WP_URL'), PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require getenv('WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
wp_install('The Meridian', 'admin', 'admin@example.org', false, '', wp_generate_password(24));
foreach ([['desk', 'editor'], ['guest', 'contributor']] as [$name, $role]) {
	$id = wp_insert_user([
		'user_login' => $name,
		'user_pass' => wp_generate_password(24),
		'user_email' => "$name@example.org",
		'role' => $role,
	]);
	if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
	[$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'Copydesk']);
	echo "$name $password\n";
}
PHP
WP_URL=$url WP_ROOT=$root/wp php "$root/install.php" >"$root/passwords" 2>"$root/install.log" || {
	cat "$root/install.log" "$root/passwords" >&2
	exit 1
}

PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$port" -t "$root/wp" >"$root/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 1 300); do
	curl -fsS -o /dev/null "$url/?rest_route=/" 2>/dev/null && break
	if ! kill -0 "$web_pid" 2>/dev/null; then
		cat "$root/web.log" >&2
		exit 1
	fi
	sleep 0.1
done

closed_port=$(free_port)
COPYDESK_TEST_REST_OFF=1 php -S "127.0.0.1:$closed_port" -t "$root/wp" >"$root/closed.log" 2>&1 &
closed_pid=$!

password_of() { awk -v n="$1" '$1 == n { $1 = ""; sub(/^ /, ""); print }' "$root/passwords"; }
export COPYDESK_TEST_WP_URL=$url
export COPYDESK_TEST_WP_CLOSED_URL="http://127.0.0.1:$closed_port"
export COPYDESK_TEST_WP_USER=desk
COPYDESK_TEST_WP_PASSWORD=$(password_of desk)
export COPYDESK_TEST_WP_PASSWORD
export COPYDESK_TEST_WP_CONTRIBUTOR=guest
COPYDESK_TEST_WP_CONTRIBUTOR_PASSWORD=$(password_of guest)
export COPYDESK_TEST_WP_CONTRIBUTOR_PASSWORD
status=0
"$@" || status=$?
exit "$status"
