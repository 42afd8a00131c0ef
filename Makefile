# Copydesk: two commands.
#   make run   installs what is missing, builds the UI and the app, and opens the desk in the
#              per-user data folder (COPYDESK_DB overrides).
#   make test  formatting, lints, type checks and every test: engine, CLI, shell, UI, and the
#              end-to-end tests that drive the built app through a working day.

CARGO ?= cargo
# Where rustup puts cargo on a machine that had none before `make`.
export PATH := $(HOME)/.cargo/bin:$(PATH)
NPM ?= npm
# A clean CI build is never rebuilt incrementally: the incremental caches are only disk (4 GB).
ifeq ($(CI),true)
export CARGO_INCREMENTAL := 0
endif

.PHONY: run test tools test-tools ui ui-deps ui-check lint unit e2e app cli bench soak

tools:
	@scripts/ensure-tools.sh

# What only the tests use (a WordPress to publish to), beside what building needs.
test-tools:
	@scripts/ensure-tools.sh --tests

# The UI is embedded in the app at compile time, so it is built before any cargo step.
ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && $(NPM) ci --no-audit --no-fund

ui-deps: tools ui/node_modules/.package-lock.json

ui: ui-deps
	cd ui && $(NPM) run build

ui-check: ui-deps
	cd ui && $(NPM) run check

app: ui
	$(CARGO) build -p copydesk-app

run: app
	NO_AT_BRIDGE=1 ./target/debug/copydesk-app

cli: tools
	$(CARGO) build --release -p copydesk

lint: ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Every test: cargo's, the UI's, then the end-to-end tests driving the built app under Xvfb
# (tests/e2e/), closing on one line that counts them all.
unit: app test-tools
	CARGO=$(CARGO) NPM=$(NPM) scripts/run-tests.sh

# The end-to-end tests alone (screenshots in tests/e2e/output/), beside a throwaway PostgreSQL
# cluster for the team desk's.
e2e: app
	$(CARGO) build -p copydesk
	scripts/with-postgres.sh scripts/e2e.sh

test: lint ui-check unit

bench: cli
	./target/release/copydesk bench --json

# Minutes, not seconds, and not part of `make test` (issue 15; RELIABILITY.md): each fuzz target
# in fuzz/ for SOAK_FUZZ_SECONDS (600 by default), a backup of the 100,000-article desk while
# 4 editors autosave, 200 kills of the app while it is typed into, and 1,000 power cuts of the
# desk while the CLI saves.
soak:
	scripts/soak-fuzz.sh
	scripts/soak-backup.sh
	scripts/soak-kill-storm.sh
	scripts/soak-power-loss.sh
