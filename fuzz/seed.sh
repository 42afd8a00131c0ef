#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, git-ignored) from the import corpus
# (tests/fixtures/import/, its reader/ pages and the crashes/ kept after fixes). Copies, never
# links: libFuzzer adds to these folders as it runs. Safe to run again: files are named by content.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=tests/fixtures/import
seed() { # target, then the files
	local target=$1
	shift
	mkdir -p "fuzz/corpus/$target"
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "fuzz/corpus/$target/seed-$(sha1sum "$f" | cut -c1-16)"
	done
}
shopt -s nullglob
seed read_txt "$fixtures"/*.txt "$fixtures"/crashes/*.txt
seed read_md "$fixtures"/*.md "$fixtures"/crashes/*.md
seed read_html "$fixtures"/*.html "$fixtures"/reader/*.html "$fixtures"/crashes/*.html
seed read_docx "$fixtures"/*.docx "$fixtures"/crashes/*.docx
# The allowlist and the renderer read Markdown: the Markdown files, and the text ones (whose
# bodies are Markdown once read).
seed allowlist "$fixtures"/*.md "$fixtures"/*.txt "$fixtures"/crashes/allowlist-*
seed render_markdown "$fixtures"/*.md "$fixtures"/*.txt "$fixtures"/crashes/render-*
for d in fuzz/corpus/*/; do
	echo "$(basename "$d"): $(find "$d" -type f | wc -l) inputs"
done
