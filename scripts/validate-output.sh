#!/usr/bin/env bash
# Publishes a sample desk through the CLI and checks what it wrote with real validators: the
# Nu Html Checker (vnu.jar from the npm registry, on the JDK) over every page, feedparser over
# RSS and Atom, the JSON Feed against its specification's fields, and the icalendar library over
# the ICS export compared with the desk's own calendar. Installs what it needs on first run
# (npm package under tests/validators/node_modules, Python packages in tests/validators/.venv).
# Ends with "validators: N passed, M failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

cli=${COPYDESK_BIN:-target/debug/copydesk}
[ -x "$cli" ] || cargo build -q -p copydesk
validators=tests/validators
if [ ! -f "$validators/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    (cd "$validators" && npm ci --no-audit --no-fund --loglevel=error)
fi
venv=$validators/.venv
if ! cmp -s "$validators/requirements.txt" "$venv/installed.txt" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$validators/requirements.txt"
    cp "$validators/requirements.txt" "$venv/installed.txt"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COPYDESK_DB="$work/desk.db" HOME="$work" XDG_DATA_HOME="$work/data"
run() { "$cli" "$@" >/dev/null; }

chief=$("$cli" --json demo --articles 40 | python3 -c 'import json,sys; print(json.load(sys.stdin)["chief"])')
export COPYDESK_USER="$chief"
run settings set publish-folder "$work/site"
run settings set site-url https://news.example.org/
run settings set timezone Europe/Paris
run settings set section Opinion --slot "Mon-Fri 08:00 12:00"
# One piece of awkward copy by a guest with an awkward bio, published like any other.
run contributor add 'Zoë Ångström-<Ünal>' --bio 'Zoë Ångström-<Ünal> is a "critic" & essayist.'
id=$("$cli" --json article new --headline 'Ünïcödé, “quotes” & <tags> in a headline' \
    --standfirst 'A standfirst with <b>markup</b> & ampersands.' \
    --body-file "$validators/awkward-piece.md" --byline 'Zoë Ångström-<Ünal>' --section News --tag test \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for move in submit claim approve; do run article move "$id" "$move"; done
run article move "$id" publish-now
run publish-due
run site build

from=$(date -u -d '-40 days' +%Y-%m-%d)
to=$(date -u -d '+40 days' +%Y-%m-%d)
"$cli" --json calendar list --from "$from" --to "$to" >"$work/calendar.json"
run export ics "$work/calendar.ics" --from "$from" --to "$to"

pages=$(find "$work/site" -name '*.html' | wc -l)
status=0
if java -jar "$validators/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$work/site"; then
    echo "ok - the Nu Html Checker finds no error in $pages pages"
    html_pass=1 html_fail=0
else
    echo "not ok - the Nu Html Checker found errors (above)"
    html_pass=0 html_fail=1
    status=1
fi
out=$("$venv/bin/python" "$validators/check_output.py" "$work/site" "$work/calendar.ics" "$work/calendar.json") || status=1
echo "$out" | sed '$d'
passed=$(echo "$out" | tail -1 | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
failed=$(echo "$out" | tail -1 | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
echo "validators: $((passed + html_pass)) passed, $((failed + html_fail)) failed"
exit "$status"
