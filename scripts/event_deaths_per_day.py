"""Chart deaths per day by event, from `tally events` (or POST /v1/events): each incident counted once.

    tally events articles.jsonl > events.jsonl
    python scripts/event_deaths_per_day.py events.jsonl -o deaths-per-day-by-event.png

Each event's killed figure (the one its reports agree on, not every report's) counts once, on the event's date
(the date its facts give; else the day of its first report). Needs matplotlib.
"""
import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deaths_per_day import bar_chart  # noqa: E402  (the same chart, from the same folder)


def deaths_per_day(events) -> dict[str, int]:
    per_day: dict[str, int] = defaultdict(int)
    for event in events:
        killed = (event.get("summary") or {}).get("killed")
        day = (event.get("date") or event.get("first_published") or "")[:10]
        if killed and len(day) == 10:
            per_day[day] += killed["value"]
    return dict(sorted(per_day.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("events", help="JSONL, one event per line (error lines are skipped)")
    ap.add_argument("-o", "--output", default="deaths-per-day-by-event.png")
    args = ap.parse_args()
    with open(args.events, encoding="utf-8") as f:
        events = [e for e in (json.loads(line) for line in f if line.strip()) if "documents" in e]
    per_day = deaths_per_day(events)
    bar_chart(per_day, "Deaths per day by event (each incident once), from Tally's events", "#8e44ad", args.output)
    print(f"{len(events)} events, {len(per_day)} days, {sum(per_day.values())} deaths -> {args.output}")


if __name__ == "__main__":
    main()
