"""Flat exports of extraction results for dashboards: CSV (one row per casualty fact, with an optional HXL
hashtag row as humanitarian data tools expect) and NDJSON (one response per line).

Plain functions over response dicts; no web framework.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable

# column -> HXL hashtag (https://hxlstandard.org): the tags HDX and HXL-aware tools read
CSV_COLUMNS = {
    "document_id": "#meta+id",
    "published": "#date+published",
    "fact_id": "#meta+fact_id",
    "category": "#meta+category",
    "value": "#affected+num",
    "min": "#affected+num+min",
    "max": "#affected+num+max",
    "qualifier": "#affected+qualifier",
    "victims": "#affected+type",
    "event_date": "#date+occurred",
    "location": "#loc+name",
    "source": "#meta+source",
    "cumulative": "#affected+cumulative",
    "text": "#description+quote",
    "start": "#meta+start",
    "end": "#meta+end",
}



def fact_rows(response: dict) -> Iterable[dict]:
    """One flat row per casualty fact of one response."""
    for fact in response.get("casualties") or []:
        count = fact["count"]
        yield {
            "document_id": response.get("id") or "",
            "published": response.get("published") or "",
            "fact_id": fact["id"],
            "category": fact["category"],
            "value": count["value"],
            "min": "" if count["min"] is None else count["min"],
            "max": "" if count["max"] is None else count["max"],
            "qualifier": count["qualifier"],
            "victims": fact.get("victims") or "",
            "event_date": (fact.get("date") or {}).get("value") or "",
            "location": fact.get("location") or "",
            "source": fact.get("source") or "",
            "cumulative": "true" if fact.get("cumulative") else "false",
            "text": fact["text"],
            "start": fact["start"],
            "end": fact["end"],
        }


class CsvWriter:
    """Writes a header (and the HXL row if asked), then rows, to a text stream."""

    def __init__(self, stream, hxl: bool = False):
        self.writer = csv.DictWriter(stream, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        self.writer.writeheader()
        if hxl:
            self.writer.writerow(CSV_COLUMNS)

    def write(self, response: dict) -> None:
        for row in fact_rows(response):
            self.writer.writerow(row)


def to_csv(responses: Iterable[dict], hxl: bool = False) -> str:
    out = io.StringIO()
    writer = CsvWriter(out, hxl)
    for r in responses:
        writer.write(r)
    return out.getvalue()


def to_ndjson(items: Iterable[dict]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
