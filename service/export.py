"""Flat feeds of extraction results for dashboards and data tools: CSV and NDJSON, of facts or of summaries.

- **facts**: one row per casualty fact, every mention: its value, status, negation, the total it breaks down,
  whether it is a running total, and ``in_summary`` (the fact is one its document's figure rests on). Summing
  every row counts each mention; sum the summary feed, or the rows with ``in_summary`` true per document and
  category (the largest, not the sum, where a figure rests on several mentions).
- **summary**: one row per document and category: the article's figure (``summary`` of the response), with the
  ids of the facts it rests on. Its sums are the articles' figures.

A document that could not be read is a row of its own in either feed, with ``error_reason`` and
``error_detail`` and no figure. With ``hxl``, a second header row carries HXL hashtags (https://hxlstandard.org)
that pass libhxl's validation: each category's figure sits in its own ``#affected+<category>`` column, text
columns are ``#meta``, and ``#date+occurred`` holds only dates HXL reads (a day, a month or a year; the TIMEX
value itself, which may be a season or a week, is in ``event_timex``).
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterable

from . import tables
from .config import CATEGORIES
from .engine.categories import BY_NAME

FEEDS = ("facts", "summary")
_HXL_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ERROR_COLUMNS = {"error_reason": "#meta+error+reason", "error_detail": "#meta+error+detail"}
_CATEGORY_COLUMNS = {c: f"#affected{BY_NAME[c].hxl}" for c in CATEGORIES}  # each category's own column

# column -> HXL hashtag ("" leaves a column untagged: `value` is repeated under its category's tagged column)
FACT_COLUMNS = {
    "document_id": "#meta+id", "published": "#date+reported", "fact_id": "#meta+fact_id",
    "category": "#meta+category", "value": "", "min": "#meta+min", "max": "#meta+max",
    "qualifier": "#meta+qualifier", "status": "#meta+status", "negated": "#meta+negated",
    "part_of": "#meta+part_of", "cumulative": "#meta+cumulative", "in_summary": "#meta+in_summary",
    "victims": "#meta+victims", "event_date": "#date+occurred", "event_timex": "#meta+timex",
    "location": "#loc+name", "source": "#meta+source", "cause": "#meta+cause",
    "perpetrator": "#meta+perpetrator", "text": "#description+quote",
    "start": "#meta+start", "end": "#meta+end", **_ERROR_COLUMNS,
}
SUMMARY_COLUMNS = {
    "document_id": "#meta+id", "published": "#date+reported", "category": "#meta+category", "value": "",
    "min": "#meta+min", "max": "#meta+max", "qualifier": "#meta+qualifier", "event_date": "#date+occurred",
    "facts": "#meta+fact_ids",
    **_ERROR_COLUMNS,
}


def _cell(value):
    """A typed value as a CSV cell: booleans as true/false, None as empty."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def fact_rows(response: dict) -> Iterable[dict]:
    """One flat row per casualty fact of one response: the typed rows of ``service/tables.py``, as CSV cells,
    with ``event_date`` kept to the dates HXL reads and the TIMEX value in ``event_timex``."""
    for row in tables.fact_rows(response):
        timex = row["event_date"] or ""
        row = {k: _cell(v) for k, v in row.items() if k in FACT_COLUMNS}
        row.update(event_date=timex if _HXL_DATE_RE.fullmatch(timex) else "", event_timex=timex)
        yield row


def _figure_date(response: dict, fact_ids: list[str]) -> str:
    """The event date (a day, month or year) most of a figure's facts give; the earliest on a tie."""
    dates = [(f.get("date") or {}).get("value") or "" for f in response["casualties"] if f["id"] in fact_ids]
    dates = [d for d in dates if _HXL_DATE_RE.fullmatch(d)]
    return min(dates, key=lambda d: (-dates.count(d), d)) if dates else ""


def summary_rows(response: dict) -> Iterable[dict]:
    """One row per category the response has a figure for."""
    for category in CATEGORIES:
        entry = response["summary"].get(category)
        if entry:
            yield {"document_id": response.get("id") or "", "published": response.get("published") or "",
                   "category": category, "value": entry["value"], "min": _cell(entry["min"]),
                   "max": _cell(entry["max"]), "qualifier": entry["qualifier"],
                   "event_date": _figure_date(response, entry["facts"]), "facts": " ".join(entry["facts"])}


def error_row(error: dict) -> dict:
    """The row of a document that could not be read: {id?, reason, detail} or a line's {id, error: {...}}."""
    detail = error.get("error") or error
    return {"document_id": error.get("id") or "", "error_reason": detail.get("reason", ""),
            "error_detail": detail.get("detail", "")}


def rows(item: dict, feed: str) -> Iterable[dict]:
    """The rows of one response, or of one error, in ``feed``."""
    if "casualties" not in item:
        return [error_row(item)]
    return fact_rows(item) if feed == "facts" else summary_rows(item)


class CsvWriter:
    """Writes a header (and the HXL row if asked), then the rows of responses and errors, to a text stream."""

    def __init__(self, stream, feed: str = "facts", hxl: bool = False):
        columns = dict(FACT_COLUMNS if feed == "facts" else SUMMARY_COLUMNS)
        self.hxl = hxl
        if hxl:
            columns.update(_CATEGORY_COLUMNS)
        self.feed = feed
        self.writer = csv.DictWriter(stream, fieldnames=list(columns), lineterminator="\n", restval="")
        self.writer.writeheader()
        if hxl:
            self.writer.writerow(columns)

    def write(self, item: dict) -> None:
        for row in rows(item, self.feed):
            if self.hxl and "category" in row:
                row[row["category"]] = row["value"]
            self.writer.writerow(row)


def to_csv(items: Iterable[dict], feed: str = "facts", hxl: bool = False) -> str:
    out = io.StringIO()
    writer = CsvWriter(out, feed, hxl)
    for item in items:
        writer.write(item)
    return out.getvalue()


def to_ndjson(items: Iterable[dict]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)


def summary_ndjson(items: Iterable[dict]) -> str:
    """The summary feed as NDJSON: one line per document and category, or per failed document."""
    return to_ndjson(row for item in items for row in rows(item, "summary"))
