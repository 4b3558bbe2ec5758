"""Datelines: the publication date written at the top of an article, used when the request gives none.

Recognised: ``date 2024-08-12 ...`` (a feed's prefix) and a wire dateline in the first lines,
``KABUL, Afghanistan (Jan. 25, 2013)`` or ``TEHRAN, August 8 (Xinhua)``. Offsets are never changed: the
dateline stays part of the text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

from .dates import extract_dates

_PREFIX_RE = re.compile(r"^\s*(?:date|published|dateline)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_WIRE_RE = re.compile(r"(?:^|(?<=[\n\u2028\u2029]))[\s\u00a0]*(?P<place>[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]+)?)"
                      r"\s*[,(]\s*")
_HEAD_CHARS = 300


@dataclass(frozen=True)
class Dateline:
    date: dt.date | None
    place: str | None
    start: int
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the top of ``text``, if any: its date (full dates only) and its place."""
    m = _PREFIX_RE.match(text)
    if m:
        try:
            return Dateline(dt.date.fromisoformat(m.group(1)), None, m.start(1), m.end(1))
        except ValueError:
            return None
    head = text[:_HEAD_CHARS]
    for w in _WIRE_RE.finditer(head):
        ends = [i for i in (head.find(c, w.end()) for c in "\n\u2028\u2029") if i >= 0]
        line_end = min(ends) if ends else len(head)
        line = head[w.start("place"):line_end]
        place = w.group("place").strip().rstrip(",")
        if len(place) < 3 or place.isdigit():
            continue
        dates = [d for d in extract_dates(line, None) if d.grain == "day" and d.value[:4].isdigit()]
        date = dt.date.fromisoformat(dates[0].value[:10]) if dates else None
        return Dateline(date, place.title() if place.isupper() else place, w.start("place"), line_end)
    return None
