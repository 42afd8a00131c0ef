#!/usr/bin/env bash
# `make soak`, its backup part (issue 15, item 4): the benchmark desk of SOAK_BACKUP_ARTICLES
# pieces (100,000 by default) built by `copydesk bench`, which among its figures backs the desk up
# while 4 editors autosave every 200 ms (core/src/bench/backup.rs). Fails unless the copy is whole
# and the desk at one instant, and no save made during the backup waited more than 100 ms at
# the 99th percentile. Prints the backup's figures; RELIABILITY.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=${SOAK_BACKUP_ARTICLES:-100000}
cargo build --release -p copydesk
figures=$(./target/release/copydesk bench --articles "$articles" --json)
python3 - "$figures" <<'PY'
import json, sys

f = json.loads(sys.argv[1])
keys = sorted(k for k in f if k.startswith("backup_under_load"))
for k in keys:
    print(f"{k}: {f[k]}")
whole = f.get("backup_under_load_copy_whole") is True
p99 = f.get("backup_under_load_save_p99_ms", 1e9)
same = f.get("backup_under_load_copy_articles") == f.get("articles")
print(f"backup under load: {'copy whole' if whole else 'COPY NOT WHOLE'}, "
      f"{f.get('articles')} articles, {f.get('backup_under_load_copy_articles')} in the copy, "
      f"saves during it p99 {p99} ms (at most 100)")
sys.exit(0 if whole and same and p99 <= 100 else 1)
PY
