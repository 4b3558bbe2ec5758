"""Request bodies: one article, or a batch of them."""
from __future__ import annotations

import datetime as dt

from marshmallow import EXCLUDE, RAISE, Schema, ValidationError, fields, validate

from service.config import CATEGORIES

OFFSET_UNITS = ("code_points", "utf16")


# the years PublicationDate accepts, as the OpenAPI document states them: 1000-8999, and 9000
YEAR_RANGE_PATTERN = r"^(?:[1-8][0-9]{3}|9000)-"


class PublicationDate(fields.Field):
    """``YYYY-MM-DD`` or an ISO 8601 datetime; loaded as a ``datetime.date``, or as a ``datetime.datetime`` when
    a time is given (its time zone gives times of day their offset)."""

    default_error_messages = {"invalid": "Not a date: expected YYYY-MM-DD or an ISO 8601 datetime.",
                              "out_of_range": "A publication date lies between the years {low} and {high}."}
    YEARS = (1000, 9000)  # dates are counted from it both ways: the calendar must hold them

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        text = value.strip()
        try:
            if len(text) == 10:
                day = dt.date.fromisoformat(text)
            else:
                day = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise self.make_error("invalid") from exc
        if not self.YEARS[0] <= day.year <= self.YEARS[1]:
            raise self.make_error("out_of_range", low=self.YEARS[0], high=self.YEARS[1])
        return day

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.isoformat()

    def _jsonschema_type_mapping(self):  # for apispec
        return {"type": "string", "format": "date", "pattern": YEAR_RANGE_PATTERN}


class ExtractRequestSchema(Schema):
    """One article to read."""

    class Meta:
        unknown = RAISE

    text = fields.String(required=True, metadata={"description": "The article text, plain UTF-8.",
                                                  "example": "At least 93 people died Saturday in Gaza City."})
    published = PublicationDate(load_default=None, allow_none=True, metadata={
        "description": "Publication date (YYYY-MM-DD or ISO datetime, years 1000-9000): the anchor for relative "
                       "dates. If "
                       "absent, a dateline at the top of the text is used (`date 2024-08-12 ...`, "
                       "`KABUL, Afghanistan (Jan. 25, 2013)`).", "type": "string", "format": "date",
        "pattern": YEAR_RANGE_PATTERN, "example": "2024-08-12"})
    id = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=512),
                       metadata={"description": "Your identifier, echoed in the response."})
    categories = fields.List(fields.String(validate=validate.OneOf(CATEGORIES)), load_default=None,
                             allow_none=True, validate=validate.Length(min=1), metadata={
                                 "description": "Only these categories' facts and figures (as Duckling's `dims`); "
                                                "all when absent.", "example": ["killed", "injured"]})
    offsets = fields.String(load_default="code_points", validate=validate.OneOf(OFFSET_UNITS), metadata={
        "description": "What `start`, `end` and `sentence_start` count: `code_points` (Python's string indices, the "
                       "default) or `utf16` (JavaScript's string indices, where a character beyond U+FFFF counts "
                       "two). The quoted `text` is the same either way."})


class DocumentList(fields.List):
    """A list of documents, loaded only as far as "a list of objects": each document is validated on its
    own by the batch view, so that one bad document fails alone."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list):
            raise ValidationError("Not a list of documents.")
        bad = {i: ["Not an object."] for i, v in enumerate(value) if not isinstance(v, dict)}
        if bad:
            raise ValidationError(bad)
        return list(value)


class BatchRequestSchema(Schema):
    """Several articles at once (the cap on documents per call is configuration)."""

    class Meta:
        unknown = RAISE

    documents = DocumentList(fields.Nested(ExtractRequestSchema), required=True, validate=validate.Length(min=1), metadata={
        "description": "The articles, each an object of the ExtractRequest shape ({text, published, id}). Each "
                       "is validated and read on its own: one that does not fit gets an entry in the response's "
                       "`errors` (with marshmallow's messages), and the others go on."})


class EventsRequestSchema(BatchRequestSchema):
    """Reports to group into events (the cap per call is configuration). Each document needs an ``id`` of its own:
    an event lists its reports by id."""


class BatchQuerySchema(Schema):
    """The batch answer's shape, as query parameters (or the Accept header for the format)."""

    class Meta:
        unknown = EXCLUDE

    format = fields.String(validate=validate.OneOf(("json", "ndjson", "csv")), metadata={
        "description": "json (default), ndjson (one line per document, or per document and category with "
                       "feed=summary) or csv; overrides the Accept header."})
    feed = fields.String(load_default="facts", validate=validate.OneOf(("facts", "summary")), metadata={
        "description": "For csv and ndjson: facts (one row per casualty fact: every mention) or summary (one row per "
                       "document and category: the article's figure, whose sums add up)."})
    hxl = fields.Boolean(load_default=False, metadata={"description": "For csv: add the HXL hashtag row."})
