"""Benchmark: grouping reports into events, and how its time grows with the number of reports.

    python benchmarks/bench_events.py [../shared/data/gva-events-dev.jsonl]

The engine reads every report once (timed apart); then build_events runs on the first 25 %, 50 % and all of
them, and on the set repeated four times with each copy's dates moved 1,500 days on (past the set's own span) and its words marked as
its own (as a longer archive of other incidents would be): the time per report should stay flat, not grow
with the set (candidates are blocked by rare words and by date).
"""
import datetime as dt
import json
import sys
import time
from pathlib import Path

from service.engine import extract, warm_up
from service.engine.events import build_events

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva-events-dev.jsonl"


def _shifted(items, copy: int):
    """A copy of the reports as other incidents: ids, dates and names of its own."""
    out = []
    for doc_id, text, response in items:
        published = response["published"] and (dt.date.fromisoformat(response["published"])
                                               + dt.timedelta(days=1500 * copy)).isoformat()
        marked = " ".join(w + (f"x{copy}" if w[:1].isupper() else "") for w in text.split(" "))
        out.append((f"{doc_id}#{copy}", marked, dict(response, published=published)))
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    warm_up()
    t = time.perf_counter()
    items = [(r["id"], r["text"], extract(r["text"], published=r["date"][:10], doc_id=r["id"])) for r in rows]
    print(f"engine: {len(items)} reports read in {time.perf_counter() - t:.1f} s")
    sizes = [(f"{len(items) // 4}", items[:len(items) // 4]), (f"{len(items) // 2}", items[:len(items) // 2]),
             (f"{len(items)}", items)]
    repeated = [it for copy in range(4) for it in (_shifted(items, copy) if copy else items)]
    sizes.append((f"{len(repeated)} (4 copies)", repeated))
    for label, subset in sizes:
        t = time.perf_counter()
        events = build_events(subset)
        elapsed = time.perf_counter() - t
        print(f"  {label:>16} reports: {elapsed:6.2f} s, {1000 * elapsed / len(subset):.2f} ms per report, "
              f"{len(events)} events")


if __name__ == "__main__":
    main()
