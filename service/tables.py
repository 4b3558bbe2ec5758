"""Flat tables of extraction results: one row per casualty fact, one per article's summary, one per error.

Each column names the response field it is read from, so its type is that field's in the marshmallow response
schema (``schemas/responses.py``): the schemas stay the one source of truth for every table built from them
(the Spark job's Parquet tables, ``service/spark.py``). Plain functions over response dicts; no framework.
"""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields

from schemas.responses import (BatchErrorSchema, CasualtySchema, CountSchema, ExtractResponseSchema, FactDateSchema,
                               SummaryEntrySchema)

from .config import CATEGORIES


@dataclass(frozen=True)
class Column:
    name: str
    schema: type[Schema] | None  # the schema whose field the column holds (None: a column derived here)
    field: str
    derived: fields.Field | None = None  # the type of a derived column

    @property
    def marshmallow_field(self) -> fields.Field:
        return self.derived if self.schema is None else self.schema._declared_fields[self.field]


def _fact_column(name: str, schema: type[Schema] = CasualtySchema, field: str | None = None) -> Column:
    return Column(name, schema, field or name)


# (column, schema, field): where each fact column is read from
FACT_COLUMNS = (
    Column("document_id", ExtractResponseSchema, "id"),
    Column("published", ExtractResponseSchema, "published"),
    _fact_column("fact_id", field="id"),
    _fact_column("category"),
    _fact_column("value", CountSchema), _fact_column("min", CountSchema), _fact_column("max", CountSchema),
    _fact_column("qualifier", CountSchema),
    _fact_column("status"), _fact_column("negated"), _fact_column("part_of"), _fact_column("cumulative"),
    # the fact is one its document's figure rests on
    Column("in_summary", None, "in_summary", fields.Boolean()),
    _fact_column("event_date", FactDateSchema, "value"),
    _fact_column("location"), _fact_column("source"), _fact_column("cause"), _fact_column("perpetrator"),
    _fact_column("victims"),
    _fact_column("start"), _fact_column("end"), _fact_column("text"), _fact_column("rule"),
)

SUMMARY_FIELDS = ("value", "min", "max", "qualifier", "facts")
# one row per article: its anchor, its number of facts, and each category's figure (null where it has none)
SUMMARY_COLUMNS = (
    Column("document_id", ExtractResponseSchema, "id"),
    Column("published", ExtractResponseSchema, "published"),
    *(Column(f"{category}_{name}", SummaryEntrySchema, name) for category in CATEGORIES for name in SUMMARY_FIELDS),
)

ERROR_COLUMNS = (
    Column("document_id", BatchErrorSchema, "id"),
    Column("published", ExtractResponseSchema, "published"),
    Column("reason", BatchErrorSchema, "reason"),
    Column("detail", BatchErrorSchema, "detail"),
)


def fact_rows(response: dict) -> list[dict]:
    """The response's casualty facts, one flat row each, in the response's order (typed: ints, booleans, None)."""
    summarised = {i for entry in response["summary"].values() for i in entry["facts"]}
    rows = []
    for fact in response["casualties"]:
        count, date = fact["count"], fact["date"] or {}
        row = {"document_id": response["id"], "published": response["published"], "fact_id": fact["id"],
               "value": count["value"], "min": count["min"], "max": count["max"], "qualifier": count["qualifier"],
               "event_date": date.get("value"), "in_summary": fact["id"] in summarised}
        for column in FACT_COLUMNS:
            if column.schema is CasualtySchema and column.name not in row:
                row[column.name] = fact[column.field]
        rows.append(row)
    return rows


def summary_row(response: dict) -> dict:
    """The response's summary as one flat row: every category's figure, or nulls."""
    row = {"document_id": response["id"], "published": response["published"]}
    for category in CATEGORIES:
        entry = response["summary"].get(category) or {}
        for name in SUMMARY_FIELDS:
            row[f"{category}_{name}"] = entry.get(name)
    return row


def error_row(document_id: str | None, published: str | None, reason: str, detail: str) -> dict:
    return {"document_id": document_id, "published": published, "reason": reason, "detail": detail}
