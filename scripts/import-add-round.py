#!/usr/bin/env python3
"""Adds a scored round's submissions to the import corpus: scripts/import-add-round.py ROUND_DIR

Run it only after the round's first-sight score is in IMPORT.md. Copies every submission the
round's expected.json names into tests/fixtures/import/ (byte for byte), appends their entries to
the corpus's expected.json (a name already there is refused, nothing is written), and copies the
round's generator scripts (make-docx.py and the like) into sources/ under the round's name. The
README lines and any `open` notes are written by hand.
"""
import json
import shutil
import sys
from pathlib import Path

NOT_SUBMISSIONS = {"README.md", "expected.json"}


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    round_dir = Path(sys.argv[1])
    corpus = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "import"
    key = json.loads((round_dir / "expected.json").read_text(encoding="utf-8"))
    expected_path = corpus / "expected.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    clashes = [name for name in key if name in expected or (corpus / name).exists()]
    missing = [name for name in key if not (round_dir / name).is_file()]
    if clashes or missing:
        print(f"refused: already in the corpus {clashes}, not in the round {missing}", file=sys.stderr)
        return 1
    for name, entry in key.items():
        shutil.copyfile(round_dir / name, corpus / name)
        expected[name] = entry
    expected_path.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for script in sorted(round_dir.glob("*.py")) + sorted(round_dir.glob("*.sh")):
        if script.name not in NOT_SUBMISSIONS:
            shutil.copyfile(script, corpus / "sources" / f"{round_dir.name}-{script.name}")
    print(f"added {len(key)} files from {round_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
