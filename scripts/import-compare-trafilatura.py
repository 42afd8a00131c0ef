#!/usr/bin/env python3
"""Compares Copydesk's import of web pages with trafilatura's, against the answer key.

    scripts/import-compare-trafilatura.py [FOLDER ...]

Each FOLDER holds pages and an answer key, expected.json, as tests/fixtures/import/ does (the
default) or a fresh round's folder. For every .html page the key names, both tools are asked for
the headline, the author(s) and the body; each is judged by the same rules against the key:

  headline    equal to the key's headline
  author      the names, all of them, in the key's order
  body start  the body starts with the key's body_starts
  body end    the body ends with the key's body_ends
  furniture   each body_excludes item is absent from the body (one count an item)

Bodies are compared as plain text: Markdown marks, link targets, list and quote markers and
escapes are taken out of Copydesk's Markdown (and of the key), white space is collapsed and curly
quotes made straight, for both tools alike. Prints a Markdown table per page and the totals.

trafilatura runs from a virtual environment this script makes in target/import-trafilatura-venv
(pinned below, exactly); Copydesk's results come from scripts/import-score.sh, or, with one
FOLDER, from the results file COPYDESK_RESULTS names (saved by import-score.sh at first sight).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "import-trafilatura-venv"
# trafilatura and everything it pulls in, as resolved on 2026-12-04; lxml_html_clean is needed
# since lxml 5.2 split it out, and trafilatura 2.3.1 does not ask for it.
PINNED = [
    "trafilatura==2.3.1",
    "lxml_html_clean==0.4.6",
    "babel==2.19.0",
    "certifi==2026.10.19.post1",
    "charset-normalizer==3.5.3",
    "courlan==1.4.0",
    "dateparser==1.5.0",
    "htmldate==1.11.0",
    "jusText==3.0.2",
    "lxml==6.2.0",
    "python-dateutil==4.0.0",
    "pytz==2026.6",
    "regex==2026.12.2",
    "tld==0.13.2",
    "tzdata==2026.6",
    "tzlocal==5.4.5",
    "urllib3==2.8.0",
]
FIELDS = ["headline", "author", "body start", "body end", "furniture"]


def in_venv() -> None:
    """Re-runs this script with the venv's Python, making the venv first if need be."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    stamp = VENV / "pinned.txt"
    if not stamp.exists() or stamp.read_text() != "\n".join(PINNED):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--no-deps", *PINNED], check=True
        )
        stamp.write_text("\n".join(PINNED))
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees, white space collapsed, quotes straight."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(?m)^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", "", text)
    text = re.sub(r"```[^\n]*", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.translate(QUOTES).split())


def names_of(author: str) -> list:
    parts = re.split(r"\s*(?:;|,|&|\band\b)\s*", author or "")
    return [p.strip() for p in parts if p.strip()]


def judge(key: dict, headline: str, authors: list, body: str) -> dict:
    body = plain(body)
    excludes = key.get("body_excludes", [])
    return {
        "headline": (plain(headline) == plain(key.get("headline", "")), 1),
        "author": (authors == key.get("byline", []), 1),
        "body start": (body.startswith(plain(key.get("body_starts", "\0"))), 1),
        "body end": (body.endswith(plain(key.get("body_ends", "\0"))), 1),
        "furniture": (sum(plain(x) not in body for x in excludes), len(excludes)),
    }


def copydesk_results(folder: Path) -> dict:
    # Results saved earlier by scripts/import-score.sh FOLDER FILE (a round at first sight).
    saved = os.environ.get("COPYDESK_RESULTS")
    if saved:
        return json.loads(Path(saved).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        subprocess.run(
            [str(ROOT / "scripts" / "import-score.sh"), str(folder), str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def trafilatura_result(path: Path) -> dict:
    import trafilatura  # the venv's

    html = path.read_bytes().decode("utf-8", errors="replace")
    raw = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False
    )
    return json.loads(raw) if raw else {}


def score(got: tuple) -> str:
    right, total = got
    return f"{right}/{total}" if total != 1 else ("yes" if right else "no")


def main() -> int:
    in_venv()
    folders = [Path(f) for f in sys.argv[1:]] or [ROOT / "tests" / "fixtures" / "import"]
    totals = {tool: {f: [0, 0] for f in FIELDS} for tool in ("copydesk", "trafilatura")}
    rows = []
    for folder in folders:
        key = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        pages = [name for name in key if name.lower().endswith((".html", ".htm"))]
        ours = copydesk_results(folder)
        for name in pages:
            want = key[name]
            mine = ours.get(name, {})
            theirs = trafilatura_result(folder / name)
            judged = {
                "copydesk": judge(
                    want,
                    mine.get("headline", ""),
                    [a["name"] for a in mine.get("authors", [])],
                    mine.get("body", ""),
                ),
                "trafilatura": judge(
                    want,
                    theirs.get("title") or "",
                    names_of(theirs.get("author") or ""),
                    theirs.get("text") or "",
                ),
            }
            for tool, fields in judged.items():
                for field, (right, total) in fields.items():
                    totals[tool][field][0] += int(right)
                    totals[tool][field][1] += total
            cells = [
                f"{score(judged['copydesk'][f])} / {score(judged['trafilatura'][f])}"
                for f in FIELDS
            ]
            rows.append(f"| {folder.name}/{name} | " + " | ".join(cells) + " |")
    print("Per page, Copydesk / trafilatura:\n")
    print("| page | " + " | ".join(FIELDS) + " |")
    print("|---|" + "---|" * len(FIELDS))
    print("\n".join(rows))
    print("\nTotals:\n")
    print("| field | Copydesk | trafilatura 2.3.1 |")
    print("|---|---|---|")
    behind, level = [], []
    for field in FIELDS:
        c, t = totals["copydesk"][field], totals["trafilatura"][field]
        print(f"| {field} | {c[0]}/{c[1]} | {t[0]}/{t[1]} |")
        if c[0] < t[0]:
            behind.append(field)
        elif c[0] == t[0]:
            level.append(field)
    if behind:
        print(f"\nCopydesk is behind trafilatura on: {', '.join(behind)}")
        return 1
    ahead = [f for f in FIELDS if f not in level]
    print(f"\nCopydesk is ahead on: {', '.join(ahead) or 'none'}", end="")
    print(f"; level on: {', '.join(level)}" if level else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
