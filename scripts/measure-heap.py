#!/usr/bin/env python3
"""Is the memory the app gains as articles are opened and closed kept, or garbage not yet collected?

Drives the app through WebKit's remote inspector (no WebDriver: the two do not run together),
opens and closes the Desk's articles, and at each mark reads the processes' memory, asks
JavaScriptCore for a full collection, reads memory again, and sums a heap snapshot by class. What a
class gains between two marks after a collection is kept: a leak, when it grows with every article.
Run through scripts/measure-heap.sh, which starts Xvfb and the app. The WebSocket client runs from
a virtual environment this script makes in target/measure-heap-venv.

MEASURE_INSPECTOR  host:port of the app's inspector (WEBKIT_INSPECTOR_HTTP_SERVER)
COPYDESK_APP       the app binary (default target/release/copydesk-app)
MEASURE_USER       who signs in (default "Bench Editor")
MEASURE_MARKS      the counts of articles opened at which to read (default 1,20,100,200)
MEASURE_JSON       also write the JSON report to this file
"""

import collections
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "measure-heap-venv"
PINNED = ["websocket-client==1.8.0"]
WAIT_S = 120
# After a collection, before memory is read: the allocator gives back what it freed.
SETTLE_S = 3
ARTICLE_OPEN = 'document.querySelector(".editor-screen .ProseMirror") !== null && document.querySelector("#headline") !== null'
ARTICLE_CLOSED = 'document.querySelector(".editor-screen") === null && !document.querySelector(".screen")?.hidden'


def in_venv() -> None:
    """Re-runs this script with the venv's Python, making the venv first if need be."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix) == VENV:
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PINNED], check=True)
    os.execv(str(python), [str(python), *sys.argv])


class Page:
    """The first page the inspector at host:port lists; each command wrapped in a Target message."""

    def __init__(self, host_port: str):
        import websocket  # the venv's

        html = urllib.request.urlopen(f"http://{host_port}/", timeout=WAIT_S).read().decode()
        path = re.search(r"/socket/\d+/\d+/WebPage", html)
        if not path:
            raise SystemExit(f"no inspectable page at http://{host_port}/")
        self.ws = websocket.create_connection(f"ws://{host_port}{path.group(0)}", timeout=WAIT_S)
        self.next = 0
        self.target = None
        while self.target is None:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Target.targetCreated" and message["params"]["targetInfo"]["type"] == "page":
                self.target = message["params"]["targetInfo"]["targetId"]

    def call(self, method: str, **params):
        self.next += 1
        inner = self.next
        self.next += 1
        wrapped = {"targetId": self.target, "message": json.dumps({"id": inner, "method": method, "params": params})}
        self.ws.send(json.dumps({"id": self.next, "method": "Target.sendMessageToTarget", "params": wrapped}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("method") != "Target.dispatchMessageFromTarget":
                continue
            reply = json.loads(message["params"]["message"])
            if reply.get("id") == inner:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if result.get("wasThrown"):
            raise RuntimeError(f"{expression}: {result['result'].get('description', 'threw')}")
        return result["result"].get("value")

    def until(self, expression: str, what: str) -> None:
        end = time.monotonic() + WAIT_S
        while time.monotonic() < end:
            if self.evaluate(expression):
                return
            time.sleep(0.02)
        raise SystemExit(f"waited {WAIT_S} s for {what}")

    def live_heap(self, top: int = 12) -> dict:
        """After a full collection: the JavaScript heap's live bytes, and the classes holding most."""
        self.call("Heap.gc")
        snapshot = json.loads(self.call("Heap.snapshot")["snapshotData"])
        nodes, names = snapshot["nodes"], snapshot["nodeClassNames"]
        count, size = collections.Counter(), collections.Counter()
        for k in range(0, len(nodes), 4):  # [id, size, class name index, flags]
            count[names[nodes[k + 2]]] += 1
            size[names[nodes[k + 2]]] += nodes[k + 1]
        return {
            "live_mb": round(sum(size.values()) / 1e6, 1),
            "cells": len(nodes) // 4,
            "count": dict(count),
            "largest": [{"class": c, "count": count[c], "mb": round(s / 1e6, 2)} for c, s in size.most_common(top)],
        }


def processes(binary: str) -> list[int]:
    """The app's process (running `binary`) and every process under it."""
    parent = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
                parent[int(name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError):
                pass
    apps = []
    for pid in parent:
        try:
            if os.readlink(f"/proc/{pid}/exe").removesuffix(" (deleted)") == binary:
                apps.append(pid)
        except OSError:
            pass
    if len(apps) != 1:
        raise SystemExit(f"expected one {binary} process, found {len(apps)}")
    tree, queue = [apps[0]], [apps[0]]
    while queue:
        p = queue.pop()
        children = [c for c, pp in parent.items() if pp == p]
        tree += children
        queue += children
    return tree


def memory(binary: str) -> dict:
    """MB of RSS and PSS summed over the app's processes, and the web process's alone."""
    total = {"rss_mb": 0.0, "pss_mb": 0.0, "web_rss_mb": 0.0, "web_anonymous_mb": 0.0}
    for pid in processes(binary):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        field = lambda key: int(re.search(rf"^{key}:\s+(\d+) kB", rollup, re.M).group(1)) / 1024
        total["rss_mb"] += field("Rss")
        total["pss_mb"] += field("Pss")
        if comm.startswith("WebKitWebProces"):
            total["web_rss_mb"] += field("Rss")
            total["web_anonymous_mb"] += field("Anonymous")
    return {k: round(v, 1) for k, v in total.items()}


def open_and_close(page: Page, option: str) -> None:
    """Opens the Desk's option as a keyboard user does (Enter on its list), then Esc back."""
    page.evaluate(
        f"""(() => {{ const o = document.getElementById({json.dumps(option)}); o.scrollIntoView(); o.click();
        o.closest("ul").dispatchEvent(new KeyboardEvent("keydown", {{ key: "Enter", bubbles: true }})); }})()"""
    )
    page.until(ARTICLE_OPEN, "the article to open")
    page.evaluate('document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }))')
    page.until(ARTICLE_CLOSED, "the Desk again")


def mark(page: Page, binary: str, opened: int) -> dict:
    before = memory(binary)
    heap = page.live_heap()
    time.sleep(SETTLE_S)
    after = memory(binary)
    reading = {
        "opened": opened,
        "before": before,
        "after_collection": after,
        "js_live_mb": heap["live_mb"],
        "js_cells": heap["cells"],
        "js_largest": heap["largest"],
        "js_count": heap["count"],
        "dom_elements": page.evaluate('document.getElementsByTagName("*").length'),
    }
    print(
        f"measure-heap: after {opened} articles: {before['rss_mb']} MB RSS, {after['rss_mb']} MB after a full "
        f"collection (web process {before['web_rss_mb']} → {after['web_rss_mb']} MB); live JavaScript heap "
        f"{heap['live_mb']} MB in {heap['cells']} cells",
        file=sys.stderr,
        flush=True,
    )
    return reading


def main() -> None:
    in_venv()
    binary = str(Path(os.environ.get("COPYDESK_APP", ROOT / "target/release/copydesk-app")).resolve())
    user = os.environ.get("MEASURE_USER", "Bench Editor")
    marks = [int(m) for m in os.environ.get("MEASURE_MARKS", "1,20,100,200").split(",")]
    page = Page(os.environ["MEASURE_INSPECTOR"])
    page.until('document.querySelector("button.person, .desk-home") !== null', "the sign-in screen")
    page.evaluate(
        f'[...document.querySelectorAll("button.person")].find((b) => b.textContent.includes({json.dumps(user)}))?.click()'
    )
    page.until('document.querySelectorAll(".desk-home .queue-list [role=option]").length > 0', "the Desk's queues")
    options = page.evaluate('[...document.querySelectorAll(".desk-home .queue-list [role=option]")].map((o) => o.id)')
    readings = [mark(page, binary, 0)]
    opened = 0
    for at in marks:
        while opened < at:
            open_and_close(page, options[opened % len(options)])
            opened += 1
        readings.append(mark(page, binary, opened))
    first, last = readings[1] if len(readings) > 2 else readings[0], readings[-1]
    span = max(1, last["opened"] - first["opened"])
    grew = {c: last["js_count"].get(c, 0) - first["js_count"].get(c, 0) for c in last["js_count"]}
    report = {
        "app": binary,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "distinct_articles": len(options),
        "readings": [{k: v for k, v in r.items() if k != "js_count"} for r in readings],
        "cells_gained_per_article": {c: round(n / span, 2) for c, n in sorted(grew.items(), key=lambda x: -x[1])[:12]},
    }
    if os.environ.get("MEASURE_JSON"):
        Path(os.environ["MEASURE_JSON"]).write_text(json.dumps(report, indent=1))
    print("articles opened | RSS MB | after a full collection | web process after | its anonymous | live JS heap MB | DOM elements")
    print("---|---|---|---|---|---|---")
    for r in readings:
        a = r["after_collection"]
        print(f"{r['opened']} | {r['before']['rss_mb']} | {a['rss_mb']} | {a['web_rss_mb']} | {a['web_anonymous_mb']} | {r['js_live_mb']} | {r['dom_elements']}")
    print(
        f"from {first['opened']} to {last['opened']} articles: live JavaScript heap {first['js_live_mb']} → "
        f"{last['js_live_mb']} MB; cells gained per article: "
        + ", ".join(f"{c} {n}" for c, n in list(report["cells_gained_per_article"].items())[:6])
    )


if __name__ == "__main__":
    main()
