"""The extraction engine: plain functions from text to data, no web framework.

    from service.engine import extract
    extract("At least 93 people died Saturday.", published="2024-08-12")

Stages, in order: dateline -> sentences -> numbers -> dates -> quantities -> casualty facts -> summary.
"""
from __future__ import annotations

import datetime as dt
import time

from .. import __version__
from .casualties import event_day, explain_vetoes, extract_casualties, fact_id
from .dateline import find_dateline
from .deadline import Deadline, DeadlineExceeded
from .readable import readable
from .language import language_of, warnings_for
from .response_options import keep_categories, utf16_offsets, with_time_offset
from .dates import extract_dates
from .numbers import scan_numbers
from .quantities import extract_quantities, warm_up
from .rulebook import TextWords
from .sentences import split_sentences
from .summary import summarise

RULES_VERSION = "2026.12.04.30"

__all__ = ["extract", "explain", "warm_up", "RULES_VERSION", "DeadlineExceeded"]


def _anchor(published) -> tuple[dt.date | None, dt.timedelta | None]:
    """The publication day, and its offset from UTC when a time zone was given."""
    if published is None:
        return None, None
    if isinstance(published, dt.datetime):
        return published.date(), published.utcoffset()
    if isinstance(published, dt.date):
        return published, None
    text = str(published).strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text), None
    return _anchor(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))


def extract(text: str, published=None, doc_id: str | None = None, timeout: float | None = None,
            categories=None, offsets: str = "code_points") -> dict:
    """Read one article: its casualty facts, dates, quantities and summary, as the API returns them.

    ``timeout`` (seconds) bounds the work: past it, ``DeadlineExceeded`` is raised. ``categories`` keeps only
    those categories' facts and figures; ``offsets="utf16"`` counts offsets in UTF-16 code units (JavaScript's);
    a ``published`` datetime with a time zone gives its offset to the times of day."""
    started = time.perf_counter()
    original, text = text, readable(text)  # one code point for one: offsets hold in both
    deadline = Deadline(timeout)
    anchor, utc_offset = _anchor(published)
    source = "request" if anchor else "none"
    dateline = find_dateline(text)
    if anchor is None and dateline is not None and dateline.date is not None:
        anchor, source = dateline.date, "dateline"
    sentences = split_sentences(text)
    words = TextWords(text)  # read once, for the number, date and casualty layers
    numbers = scan_numbers(text, words)
    deadline.check()
    counts = [n.count for n in numbers if n.count is not None]
    dates = extract_dates(text, anchor, numbers, words)
    deadline.check()
    quantities = extract_quantities(readable(original, digits_only=True), numbers, sentences, deadline)
    deadline.check()
    # the dateline's own date is when the article was written, not when anything happened
    event_dates = [d for d in dates if dateline is None or not dateline.start <= d.start < dateline.end]
    # ... and the day a fact no sentence dates is reported on
    dateline_day = next((d for d in dates if dateline is not None and dateline.start <= d.start < dateline.end
                         and d.grain == "day"), None)
    facts = extract_casualties(text, sentences, counts, event_dates, dateline.place if dateline else None, deadline,
                               anchor, dateline_day, words)
    ids = [fact_id(doc_id, f) for f in facts]
    casualties = []
    for f, fid in zip(facts, ids):
        s, e = f.sentence
        count = f.count if text is original else dict(f.count, text=original[f.start:f.end])
        casualties.append({
            "id": fid, "category": f.category, "count": count, "start": f.start, "end": f.end,
            "text": original[f.start:f.end], "sentence": original[s:e], "sentence_start": s, "victims": f.victims,
            "date": {"text": _quoted(f.date, text, original), "value": event_day(f.date.value)} if f.date else None,
            "location": f.location, "source": f.source, "cause": f.cause, "perpetrator": f.perpetrator,
            "cumulative": f.cumulative,
            "negated": f.negated, "status": f.status, "part_of": ids[f.part_of] if f.part_of is not None else None,
            "rule": f.rule,
        })
    result = {
        "id": doc_id,
        "published": anchor.isoformat() if anchor else None,
        "casualties": casualties,
        "dates": [d.as_dict() for d in dates],
        "quantities": quantities,
        "summary": summarise(facts, ids, anchor, text),
        "meta": {"version": __version__, "rules_version": RULES_VERSION, "chars": len(text),
                 "elapsed_ms": round((time.perf_counter() - started) * 1000, 2), "published_source": source},
    }
    if text is not original:
        _quote_original(result, original)
    _apply_options(result, original, categories, offsets, utc_offset)
    return result


def explain(text: str, **options) -> dict:
    """``extract`` (same options), and every candidate count a veto of the casualty layer dropped: its name (as in
    tests/corpus/vetoes.yaml), the category it would have had, its span and words. For a reader who asks why a
    figure is not a fact."""
    with explain_vetoes() as vetoes:
        response = extract(text, **options)
    return {"response": response, "vetoes": vetoes}


def _apply_options(result: dict, text: str, categories, offsets: str, utc_offset) -> None:
    language = language_of(text)
    result["meta"].update(language=language, offsets="code_points")
    if warnings := warnings_for(text, language):
        result["meta"]["warnings"] = warnings
    if categories:
        keep_categories(result, categories)
    if offsets == "utf16":
        utf16_offsets(result, text)
    with_time_offset(result, utc_offset)


def _quoted(date, text: str, original: str) -> str:
    """A date's words as the text sent them (the engine may have read a copy with its digits rewritten)."""
    return original[date.start:date.end] if text is not original and date.text == text[date.start:date.end] \
        else date.text


def _quote_original(result: dict, original: str) -> None:
    """Quote the dates and quantities from the text as sent, where the engine read a copy of it."""
    for item in (*result["dates"], *result["quantities"]):
        item["text"] = original[item["start"]:item["end"]]
