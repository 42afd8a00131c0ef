#!/usr/bin/env bash
# Installs what building Copydesk needs and a fresh Debian/Ubuntu machine may lack: a C compiler
# (SQLite is built from source) and a Rust toolchain new enough for the workspace, with rustfmt
# and clippy. Quiet when everything is already there.
set -euo pipefail

need_rust="1.95"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

apt_install() {
	if command -v apt-get >/dev/null 2>&1; then
		echo "Installing $*…"
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
	else
		echo "Please install: $*" >&2
		exit 1
	fi
}

command -v cc >/dev/null 2>&1 || apt_install build-essential
command -v pkg-config >/dev/null 2>&1 || apt_install pkg-config

if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if ! command -v cargo >/dev/null 2>&1; then
	command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates
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
