"""One document read as the batch interfaces read it (``tally batch``, the Spark job): validated by the request
schema, bounded in length and time, and answered with its response or its error, never an exception."""
from __future__ import annotations

import logging

from marshmallow import ValidationError

log = logging.getLogger("tally.documents")


def read_document(raw: dict, request_schema, response_schema, max_chars: int, timeout: float | None = None) -> dict:
    """The dumped response for the request ``raw`` ({text, published?, id?}), or ``{"id", "error": {reason,
    detail}}`` when it does not validate, is too long, passes ``timeout`` seconds or makes the engine fail."""
    from .engine import DeadlineExceeded, extract
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
        return response_schema.dump(extract(doc["text"], published=doc["published"], doc_id=doc["id"],
                                            timeout=timeout, categories=doc["categories"],
                                            offsets=doc["offsets"]))
    except DeadlineExceeded:
        return {"id": doc_id, "error": {"reason": "deadline_exceeded",
                                        "detail": f"The document could not be read within {timeout:g} s."}}
    except Exception as exc:  # one document's failure is reported as its own; the others go on
        log.error("internal error on document %r: %s", doc_id, type(exc).__name__)
        return {"id": doc_id, "error": {"reason": "internal_error", "detail": "The engine failed on this document."}}
