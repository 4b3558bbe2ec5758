"""One document read as every batch interface reads it (``tally batch``, ``tally events``, the HTTP batch and
events endpoints, the Spark job): validated by the request schema, bounded in length and time, and answered with
its response or its error — never an exception."""
from __future__ import annotations

import logging
from functools import lru_cache

from marshmallow import ValidationError

log = logging.getLogger("tally.documents")


@lru_cache(maxsize=1)
def _schemas():
    from schemas import ExtractRequestSchema, ExtractResponseSchema
    return ExtractRequestSchema(), ExtractResponseSchema()


def read_document(raw: dict, max_chars: int, timeout: float | None = None, dump: bool = True) -> dict:
    """The response for the request ``raw`` ({text, published?, id?, ...}; dumped by the response schema unless
    ``dump`` is false), or ``{"id", "error": {reason, detail[, errors]}}`` when it does not validate, is longer than
    ``max_chars``, passes ``timeout`` seconds or makes the engine fail."""
    from .engine import DeadlineExceeded, extract
    request_schema, response_schema = _schemas()
    doc_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    try:
        doc = request_schema.load(raw)
    except ValidationError as exc:
        return {"id": doc_id, "error": {"reason": "invalid_fields", "detail": "Some fields are invalid.",
                                        "errors": exc.messages}}
    if len(doc["text"]) > max_chars:
        return {"id": doc_id, "error": {"reason": "text_too_long",
                                        "detail": f"text has {len(doc['text'])} characters; the limit is {max_chars}."}}
    try:
        result = extract(doc["text"], published=doc["published"], doc_id=doc["id"], timeout=timeout,
                         categories=doc["categories"], offsets=doc["offsets"])
    except DeadlineExceeded:
        return {"id": doc_id, "error": {"reason": "deadline_exceeded",
                                        "detail": f"The document could not be read within {timeout:g} s."}}
    except Exception:  # one document's failure is reported as its own; the others go on
        log.exception("internal error on document %r", doc_id)
        return {"id": doc_id, "error": {"reason": "internal_error", "detail": "The engine failed on this document."}}
    return response_schema.dump(result) if dump else result
