# Copydesk: two commands.
#   make run   builds what is needed and opens the desk (until the desktop app lands: the CLI on a
#              sample desk in the per-user data folder).
#   make test  formatting, lints and every test.

CARGO ?= cargo
COPYDESK := target/release/copydesk
# Who `make run` acts as: the sample desk's chief unless you say otherwise.
COPYDESK_USER ?= Chief Editor

.PHONY: run test tools build lint unit bench

tools:
	@scripts/ensure-tools.sh

build: tools
	$(CARGO) build --release -p copydesk

run: build
	@if ! $(COPYDESK) --as "$(COPYDESK_USER)" settings show >/dev/null 2>&1; then \
		echo "No desk yet: creating the sample desk."; \
		$(COPYDESK) demo; \
	fi
	@echo
	@$(COPYDESK) --as "$(COPYDESK_USER)" settings show
	@echo
	@$(COPYDESK) --as "$(COPYDESK_USER)" article list --limit 15
	@echo
	@echo "The desk lives in the per-user data folder (or COPYDESK_DB)."
	@echo "Try: $(COPYDESK) --as \"$(COPYDESK_USER)\" search water    or    $(COPYDESK) --help"

lint: tools
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit: tools
	$(CARGO) test --workspace

test: lint unit

bench: build
	$(COPYDESK) bench --json
