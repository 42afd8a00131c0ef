#!/usr/bin/env bash
# Installs what building Copydesk needs and a fresh Debian/Ubuntu machine may lack: a C compiler
# (SQLite is built from source), the WebKitGTK and GTK libraries the desktop shell links, Xvfb and
# WebKitWebDriver for the end-to-end tests, a Java runtime and Python for the output validators,
# dbus-daemon and PostgreSQL for the shell's notification test and the team desk's tests,
# with --tests, WordPress, MariaDB and PHP for the WordPress publish target's tests and GNOME Keyring
# for the keyring's, Node.js for the UI, and a Rust toolchain new enough for the workspace, with
# rustfmt and clippy. Quiet when everything is already there. (tauri-driver comes from cargo, in
# scripts/e2e.sh.)
set -euo pipefail

need_rust="1.95"
need_node="20"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

apt_updated=""
apt_install() {
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "Please install: $*" >&2
		exit 1
	fi
	echo "Installing $*…"
	if [ -z "$apt_updated" ]; then
		$sudo apt-get update -qq
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

missing=()
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)
# xvfb, webkit2gtk-driver (/usr/bin/WebKitWebDriver) and Mesa's drivers (WebKit renders with them
# under Xvfb; only recommended by WebKitGTK) are for the end-to-end tests (scripts/e2e.sh).
for pkg in libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libssl-dev \
	xvfb webkit2gtk-driver libgl1-mesa-dri; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A JDK runtime for the Nu Html Checker and Python's venv for feedparser and icalendar: the
# validators of what publishing writes (scripts/validate-output.sh).
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
for pkg in python3 python3-venv; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# dbus-daemon for the shell's notification test (src-tauri/tests/notification.rs), which starts
# a session bus of its own with a notification server on it (package dbus: on Debian 12 it brings
# dbus-daemon, before that it held it).
command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus)
# PostgreSQL for the team desk's tests: they start a throwaway cluster of their own
# (scripts/with-postgres.sh) and never use the service the package sets up.
dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed" ||
	compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# With --tests (make test): WordPress, MariaDB and PHP for the WordPress publish target's tests.
# They run a private copy of Debian's WordPress on a private database (scripts/with-wordpress.sh),
# never the services the packages set up, which `make run` alone does not install. The theme is
# only recommended by wordpress; the tests read its rendered pages. And GNOME Keyring, the Secret
# Service the keyring tests (core/tests/keyring.rs) start on a private session bus of their own.
[ "${1:-}" = --tests ] && for pkg in wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql gnome-keyring; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(node_major || echo 0)" -lt "$need_node" ] 2>/dev/null || ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm
	if [ "$(node_major || echo 0)" -lt "$need_node" ]; then
		echo "The UI needs Node.js $need_node or newer; this system offers $(node --version 2>/dev/null || echo none)." >&2
		echo "Install a newer Node.js (for example from your distribution's backports) and run make again." >&2
		exit 1
	fi
fi

if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if ! command -v cargo >/dev/null 2>&1; then
	echo "Installing the Rust toolchain with rustup…"
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
	export PATH="$HOME/.cargo/bin:$PATH"
fi

have=$(rustc --version | awk '{print $2}')
if [ "$(printf '%s\n%s\n' "$need_rust" "$have" | sort -V | head -1)" != "$need_rust" ]; then
	if command -v rustup >/dev/null 2>&1; then
		rustup toolchain install stable --profile minimal --component rustfmt,clippy
		rustup default stable
	else
		echo "Rust $have is older than $need_rust, and rustup is not there to update it." >&2
		exit 1
	fi
fi

if command -v rustup >/dev/null 2>&1; then
	for component in rustfmt clippy; do
		rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
	done
fi
