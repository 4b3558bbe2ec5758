"""The per-article summary: one best figure per category for the article's main event.

Policy (also in the README):
1. Facts that are negated, feared, hypothetical-free breakdowns ("including two children") or historical
   comparisons (an event year before the publication year) never make the summary figure.
2. If a running total is stated (a cumulative fact: "death toll rose to", "so far"), the largest running
   total is the figure.
3. Otherwise the figure is the largest single figure of the category: a total and its breakdown are
   never added, and repeated mentions count once.
4. A stated zero ("no one was hurt") is the figure only when nothing else is stated for the category.
"""
from __future__ import annotations

import datetime as dt

from .casualties import Fact


def summarise(facts: list[Fact], ids: list[str], published: dt.date | None) -> dict:
    summary: dict[str, dict] = {}
    by_cat: dict[str, list[tuple[Fact, str]]] = {}
    for f, fid in zip(facts, ids):
        by_cat.setdefault(f.category, []).append((f, fid))
    for cat, items in by_cat.items():
        usable = [(f, i) for f, i in items if not f.negated and f.status == "reported" and f.part_of is None
                  and not _historical(f, published)]
        if not usable:
            zeros = [(f, i) for f, i in items if f.negated]
            if zeros:
                f, i = zeros[0]
                summary[cat] = _entry(f, [i for _, i in zeros])
            continue
        cumulative = [(f, i) for f, i in usable if f.cumulative]
        pool = cumulative or usable
        best = max(pool, key=lambda fi: fi[0].count["value"])
        same = [i for f, i in pool if f.count["value"] == best[0].count["value"]]
        summary[cat] = _entry(best[0], same)
    return summary


def _historical(f: Fact, published: dt.date | None) -> bool:
    if f.date is None or published is None or not f.date.value[:4].isdigit():
        return False
    return int(f.date.value[:4]) < published.year - 1


def _entry(f: Fact, ids: list[str]) -> dict:
    c = f.count
    return {"value": c["value"], "min": c["min"], "max": c["max"], "qualifier": c["qualifier"], "facts": ids}
