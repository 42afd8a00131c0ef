"""Parses what publishing wrote with mainstream libraries and checks every field a reader needs.

    python check_output.py SITE_DIR CALENDAR.ics CALENDAR.json

RSS 2.0 and Atom go through feedparser (the bozo flag must stay down), JSON Feed 1.1 through the
json module against the fields its specification requires, and the iCalendar export through the
icalendar library, compared event by event with the desk's own calendar (`copydesk calendar list
--json`): same UTC instants, same summaries. Prints one line per check and a count; exits 1 on
any failure.
"""

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import icalendar

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {name}")
    else:
        failed += 1
        print(f"not ok - {name}{': ' + detail if detail else ''}")


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def check_xml_feed(path, version, fields):
    feed = feedparser.parse(path.read_bytes())
    check(f"{path.name} parses without bozo", not feed.bozo, str(feed.get("bozo_exception")))
    check(f"{path.name} is {version}", feed.version == version, feed.version)
    check(f"{path.name} has a title and a link", bool(feed.feed.get("title")) and bool(feed.feed.get("link")))
    check(f"{path.name} has entries", len(feed.entries) > 0)
    for field in fields:
        missing = [e.get("title", "?") for e in feed.entries if not e.get(field)]
        check(f"{path.name}: every entry has {field}", not missing, f"missing in {missing[:3]}")
    return [e.link for e in feed.entries]


def check_json_feed(path):
    try:
        feed = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        check(f"{path.name} parses as JSON", False, str(e))
        return []
    check(f"{path.name} parses as JSON", True)
    check(f"{path.name} is JSON Feed 1.1", feed.get("version") == "https://jsonfeed.org/version/1.1")
    check(f"{path.name} has a title", bool(feed.get("title")))
    items = feed.get("items", [])
    check(f"{path.name} has items", isinstance(items, list) and len(items) > 0)
    for field in ["id", "url", "title", "summary", "content_html", "date_published", "authors"]:
        missing = [i.get("title", "?") for i in items if not i.get(field)]
        check(f"{path.name}: every item has {field}", not missing, f"missing in {missing[:3]}")
    bad_dates = [i["date_published"] for i in items if "date_published" in i and not _rfc3339(i["date_published"])]
    check(f"{path.name}: dates are RFC 3339", not bad_dates, str(bad_dates[:3]))
    return [i.get("url") for i in items]


def _rfc3339(text):
    try:
        return utc(text).tzinfo is not None
    except ValueError:
        return False


def check_ics(path, expected_path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e.get("uid")): e for e in calendar.walk("VEVENT")}
    expected = json.loads(Path(expected_path).read_text(encoding="utf-8"))
    if isinstance(expected, dict):
        expected = expected.get("entries", [])
    check("the calendar has pieces to compare", len(expected) > 0)
    check("one event per calendar entry", len(events) == len(expected), f"{len(events)} events, {len(expected)} entries")
    wrong = []
    for entry in expected:
        event = events.get(f"{entry['article_id']}@copydesk")
        if event is None:
            wrong.append(f"no event for {entry['headline']}")
            continue
        start = event.decoded("dtstart")
        if start.tzinfo is None or start.utcoffset().total_seconds() != 0:
            wrong.append(f"{entry['headline']}: start {start} is not in UTC")
        # iCalendar counts whole seconds; the desk keeps milliseconds.
        elif start != utc(entry["at"]).replace(microsecond=0):
            wrong.append(f"{entry['headline']}: starts {start}, expected {entry['at']}")
        if str(event.get("summary")) != entry["headline"]:
            wrong.append(f"summary {event.get('summary')!r} is not {entry['headline']!r}")
    check("every event has the piece's UTC instant and headline", not wrong, "; ".join(wrong[:3]))


def main():
    site, ics, expected = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    rss = check_xml_feed(site / "feed.xml", "rss20", ["title", "link", "id", "published_parsed", "summary", "author", "content"])
    atom = check_xml_feed(site / "atom.xml", "atom10", ["title", "link", "id", "published_parsed", "updated_parsed", "summary", "author", "content"])
    jsonf = check_json_feed(site / "feed.json")
    check("RSS, Atom and JSON Feed list the same pieces in the same order", rss == atom == jsonf and len(rss) > 0)
    check_ics(ics, expected)
    print(f"validators: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
