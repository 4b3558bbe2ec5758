"""Response bodies: the facts of one article, a batch, health, and RFC 9457 problems."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.config import CATEGORIES

QUALIFIERS = ("exact", "about", "at_least", "more_than", "approaching", "at_most", "less_than", "range", "vague",
              "implicit")
DATE_TYPES = ("DATE", "TIME", "DURATION", "SET")


class CountSchema(Schema):
    value = fields.Integer(required=True, metadata={"description": "Point estimate."})
    min = fields.Integer(allow_none=True, required=True, metadata={"description": "Lower bound the text states."})
    max = fields.Integer(allow_none=True, required=True, metadata={"description": "Upper bound the text states."})
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))
    text = fields.String(required=True, metadata={"description": "The count's words, e.g. 'At least 93'."})


class FactDateSchema(Schema):
    text = fields.String(allow_none=True, required=True)
    value = fields.String(allow_none=True, required=True, metadata={"description": "TIMEX3 value."})


class CasualtySchema(Schema):
    id = fields.String(required=True, metadata={"description": "Stable id: hash of document id, span, category."})
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    count = fields.Nested(CountSchema, required=True)
    start = fields.Integer(required=True, metadata={"description": "Offset of the count's first character."})
    end = fields.Integer(required=True, metadata={"description": "Offset after the count's last character."})
    text = fields.String(required=True, metadata={"description": "text[start:end]."})
    sentence = fields.String(required=True)
    sentence_start = fields.Integer(required=True)
    victims = fields.String(allow_none=True, required=True)
    date = fields.Nested(FactDateSchema, allow_none=True, required=True)
    location = fields.String(allow_none=True, required=True)
    source = fields.String(allow_none=True, required=True)
    cause = fields.String(allow_none=True, required=True,
                          metadata={"description": "What caused it: 'an Israeli airstrike', 'the floods'."})
    perpetrator = fields.String(allow_none=True, required=True,
                                metadata={"description": "Who did it, the agent of the verb: 'Hamas', 'a gunman', "
                                                         "'his brother' (killed, injured, kidnapped)."})
    cumulative = fields.Boolean(required=True, metadata={"description": "A running toll, not one incident."})
    negated = fields.Boolean(required=True, metadata={"description": "'no one was hurt': a stated zero."})
    status = fields.String(required=True, validate=validate.OneOf(("reported", "feared", "historical", "superseded")),
                           metadata={"description": "'feared dead'; 'superseded': a first report the article corrects."})
    part_of = fields.String(allow_none=True, load_default=None,
                            metadata={"description": "Id of the total this fact breaks down ('including two children')."})
    rule = fields.String(required=True, metadata={"description": "The rule that produced the fact."})


class DateMentionSchema(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    value = fields.String(required=True, metadata={"description": "TIMEX3 value: 2024-08-10, 2024-W33, PAST_REF."})
    type = fields.String(required=True, validate=validate.OneOf(DATE_TYPES))
    grain = fields.String(allow_none=True, required=True,
                          metadata={"description": "day, week, month, quarter, year, decade, ..."})
    mod = fields.String(allow_none=True, load_default=None, metadata={"description": "TIMEX3 mod: START, END, ..."})
    rule = fields.String(required=True)


class QuantitySchema(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    value = fields.Float(required=True)
    unit = fields.String(required=True)
    kind = fields.String(required=True, metadata={"description": "money, percent, measure, duration, ..."})


class SummaryEntrySchema(Schema):
    value = fields.Integer(required=True)
    min = fields.Integer(allow_none=True, required=True)
    max = fields.Integer(allow_none=True, required=True)
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))
    facts = fields.List(fields.String(), required=True, metadata={"description": "Ids of the facts behind it."})


class MetaSchema(Schema):
    version = fields.String(required=True)
    rules_version = fields.String(required=True)
    chars = fields.Integer(required=True)
    elapsed_ms = fields.Float(required=True)
    published_source = fields.String(required=True, validate=validate.OneOf(("request", "dateline", "none")))
    language = fields.String(required=True, metadata={
        "description": "en, or und when the text is too short to tell or does not read as English."})
    offsets = fields.String(required=True, validate=validate.OneOf(("code_points", "utf16")), metadata={
        "description": "What start, end and sentence_start count: code points, or UTF-16 code units."})
    warnings = fields.List(fields.String(), load_default=None, metadata={
        "description": "What the reader should know of this answer, e.g. that the text is not English."})


class ExtractResponseSchema(Schema):
    id = fields.String(allow_none=True, required=True)
    index = fields.Integer(load_default=None, metadata={"description": "Position in the batch request (batch only)."})
    published = fields.String(allow_none=True, required=True, metadata={"description": "The anchor date used."})
    casualties = fields.List(fields.Nested(CasualtySchema), required=True)
    dates = fields.List(fields.Nested(DateMentionSchema), required=True)
    quantities = fields.List(fields.Nested(QuantitySchema), required=True)
    summary = fields.Dict(keys=fields.String(validate=validate.OneOf(CATEGORIES)),
                          values=fields.Nested(SummaryEntrySchema), required=True)
    meta = fields.Nested(MetaSchema, required=True)


class BatchErrorSchema(Schema):
    index = fields.Integer(required=True, metadata={"description": "Position of the document in the request."})
    id = fields.String(allow_none=True, load_default=None)
    reason = fields.String(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(load_default=None, metadata={"description": "Marshmallow messages per field."})


class BatchResponseSchema(Schema):
    results = fields.List(fields.Nested(ExtractResponseSchema), required=True)
    errors = fields.List(fields.Nested(BatchErrorSchema), required=True)


class ProblemSchema(Schema):
    """RFC 9457 problem details, served as application/problem+json."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    reason = fields.String(required=True, metadata={"description": "Machine-readable reason, e.g. invalid_fields."})
    errors = fields.Dict(load_default=None, metadata={"description": "Marshmallow messages per field."})
    request_id = fields.String(load_default=None)


class HealthSchema(Schema):
    status = fields.String(required=True)
    version = fields.String(required=True)


class EventFigureSchema(Schema):
    value = fields.Integer(required=True, metadata={"description": "The figure most of the event's reports give."})
    min = fields.Integer(allow_none=True, required=True,
                         metadata={"description": "The lowest figure a report gave, when the reports disagree."})
    max = fields.Integer(allow_none=True, required=True,
                         metadata={"description": "The highest figure a report gave, when the reports disagree."})
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))
    facts = fields.List(fields.String(), required=True, metadata={"description": "Ids of the facts behind it."})
    document = fields.String(required=True, metadata={"description": "The report the figure is taken from."})
    as_of = fields.String(allow_none=True, required=True, metadata={"description": "That report's publication date."})
    reports = fields.Integer(required=True, metadata={"description": "How many reports give a figure."})
    died_since = fields.Integer(metadata={"description": "Victims of this figure that later reports told dead, "
                                                         "moved to killed (the injured, the missing): "
                                                         "left out of value."})


class SeriesPointSchema(Schema):
    document = fields.String(required=True)
    published = fields.String(allow_none=True, required=True)
    value = fields.Integer(required=True)
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))


class EventSchema(Schema):
    id = fields.String(required=True, metadata={"description": "Stable for the same set of documents."})
    documents = fields.List(fields.String(), required=True, metadata={"description": "Its reports, oldest first."})
    first_published = fields.String(allow_none=True, required=True)
    last_published = fields.String(allow_none=True, required=True)
    summary = fields.Dict(keys=fields.String(validate=validate.OneOf(CATEGORIES)),
                          values=fields.Nested(EventFigureSchema), required=True)
    series = fields.Dict(keys=fields.String(validate=validate.OneOf(CATEGORIES)),
                         values=fields.List(fields.Nested(SeriesPointSchema)), required=True,
                         metadata={"description": "Each report's figure, in publication order."})
    place = fields.String(allow_none=True, required=True)
    date = fields.String(allow_none=True, required=True, metadata={"description": "The event date most facts give."})
    cause = fields.String(allow_none=True, required=True)
    perpetrator = fields.String(allow_none=True, required=True,
                                metadata={"description": "The perpetrator most of the reports' facts name."})


class EventsResponseSchema(Schema):
    events = fields.List(fields.Nested(EventSchema), required=True)
    errors = fields.List(fields.Nested(BatchErrorSchema), required=True,
                         metadata={"description": "Documents that could not be read; they are in no event."})
