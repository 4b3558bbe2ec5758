"""Datelines: the publication date written at the top of an article, used when the request gives none.

Recognised: ``date 2024-08-12 ...`` (a feed's prefix), a wire dateline in the first lines,
``KABUL, Afghanistan (Jan. 25, 2013)`` or ``TEHRAN, August 8 (Xinhua)``, and a release whose headline opens
with its month and day, the year given by its release number (``July 10: ISAF Operations in Ghazni ...
2010-07-CA-054``). Offsets are never changed: the dateline stays part of the text.
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
# what closes a dateline after its date: "(Jan. 25, 2013) -", "August 8 (Xinhua) --"
_CLOSE_RE = re.compile(r"[\s\u00a0]*(?:\)[\s\u00a0]*)?(?:\([A-Za-z][\w .]{0,30}\)[\s\u00a0]*)?(?:[-\u2013\u2014]+|:)?")


@dataclass(frozen=True)
class Dateline:
    date: dt.date | None
    place: str | None
    start: int
    end: int


# "July 10: ISAF Operations in Ghazni": a headline that opens with the release's month and day
_HEADLINE_DAY_RE = re.compile(r"^[\s\u00a0]*(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*:")
# "2010-07-CA-054": a release number that begins with the year and month
_RELEASE_NUMBER_RE = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-[A-Z]{1,4}-\d+\b")


def _headline_day(text: str) -> Dateline | None:
    """A headline's "July 10:" dated by the header's release number of the same month ("2010-07-CA-054")."""
    m = _HEADLINE_DAY_RE.match(text)
    if m is None:
        return None
    found = [d for d in extract_dates(m.group("md"), None) if d.grain == "day"]
    if not found:
        return None
    month, day = int(found[0].value[5:7]), int(found[0].value[8:10])
    for r in _RELEASE_NUMBER_RE.finditer(text, 0, _HEAD_CHARS):
        if int(r["month"]) == month:
            try:
                return Dateline(dt.date(int(r["year"]), month, day), None, m.start("md"), m.end("md"))
            except ValueError:
                return None
    return None


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
        found = [d for d in extract_dates(line, None) if d.grain == "day"]
        full = [d for d in found if d.value[:4].isdigit()]
        date = dt.date.fromisoformat(full[0].value[:10]) if full else None
        # the dateline is the place and its date: on a line that runs on into the story ("KABUL (Aug. 21) -
        # An Afghan ... force conducted operations Friday"), the story's own dates are not the dateline's
        start = w.start("place")
        if found and found[0].start < len(place):  # "TEHRAN, August 8": the place ends where its date begins
            place = place[:found[0].start].strip().rstrip(",")
        if found and found[0].start - (w.end() - start) <= 2:
            end = _CLOSE_RE.match(text, start + found[0].end).end()
        else:
            end = _CLOSE_RE.match(text, start + len(w.group("place").rstrip())).end()
        return Dateline(date, place.title() if place.isupper() else place, start, end)
    return _headline_day(text)
