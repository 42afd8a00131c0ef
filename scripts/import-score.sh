#!/bin/sh
# Scores import on a round of submissions: scripts/import-score.sh FOLDER [RESULTS.json]
#
# FOLDER holds the submissions and their answer key, expected.json, in the format of
# tests/fixtures/import/expected.json. Prints, per file, how many of its expected fields import
# got right and which were wrong; then the totals overall, per format and for web pages. A second
# argument names a file to write import's result for every file to (as JSON), which
# scripts/import-compare-trafilatura.py reads. How fields are counted: IMPORT.md.
#
# Builds only the core crate, in its own target folder unless CARGO_TARGET_DIR is set.
set -eu
if [ $# -lt 1 ] || [ ! -f "$1/expected.json" ]; then
    echo "usage: $0 ROUND_FOLDER [RESULTS.json]  (the folder must hold expected.json)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
IMPORT_ROUND=$(cd "$1" && pwd)
export IMPORT_ROUND
if [ $# -ge 2 ]; then
    IMPORT_SCORE_JSON=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    export IMPORT_SCORE_JSON
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/target}"
cd "$here"
cargo test --quiet -p copydesk-core --test import_score -- --ignored --exact score_a_round \
    --nocapture 2>&1 | sed -e '/^running [0-9]* test/d' -e '/^test result:/d' -e '/^test score_a_round/d' -e '/^\.$/d'
