"""HTTP routes: thin views that validate with a schema, call the engine, and serialise with a schema."""
from __future__ import annotations

import json
import time

from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from webargs.flaskparser import FlaskParser

from schemas import (BatchRequestSchema, BatchResponseSchema, EventsRequestSchema, EventsResponseSchema,
                     ExtractRequestSchema, ExtractResponseSchema, HealthSchema, ProblemSchema)
from schemas.requests import BatchQuerySchema

from . import __version__, metrics
from .documents import read_document
from .engine import extract
from .engine.events import build_events
from .export import summary_ndjson, to_csv, to_ndjson


class BodyParser(FlaskParser):
    """webargs' parser, for which every body Python's JSON reader cannot hold is malformed JSON (a 400): arrays
    nested thousands deep (``RecursionError``) and integers of more digits than Python converts (``ValueError``)."""

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as exc:
            # a non-empty document: webargs reads an empty one as "no body"
            raise json.JSONDecodeError(f"unreadable JSON ({type(exc).__name__})", "<body>", 0) from exc


class TallyBlueprint(Blueprint):
    ARGUMENTS_PARSER = BodyParser()


blp = TallyBlueprint("extract", __name__, url_prefix="/v1",
                     description="Extract casualty facts, dates and figures.")
health_blp = Blueprint("health", __name__, description="Liveness.")



@blp.before_request
def _require_json():
    if request.method == "POST" and not request.is_json:
        abort(415, message="Send the body as application/json.", reason="unsupported_media_type")


def _check_text(text: str) -> None:
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(text) > limit:
        abort(422, message=f"text has {len(text)} characters; the limit is {limit}.", reason="text_too_long",
              errors={"text": [f"Longer than {limit} characters."]})


# every operation's problems besides its own: an API key refused, a rate limit, the server's own failure, the
# deadline (all application/problem+json)
COMMON_PROBLEMS = (401, 429, 500, 503)


def _problems(*statuses):
    statuses = tuple(sorted(set(statuses + COMMON_PROBLEMS)))

    def deco(f):
        for status in statuses:
            f = blp.alt_response(status, schema=ProblemSchema, content_type="application/problem+json")(f)
        return f
    return deco


@blp.route("/extract")
class Extract(MethodView):
    @blp.doc(operationId="extract")
    @blp.arguments(ExtractRequestSchema)
    @blp.response(200, ExtractResponseSchema)
    @_problems(400, 413, 415, 422)
    def post(self, doc):
        """Read one article: casualty facts, dates, quantities and a summary."""
        _check_text(doc["text"])
        result = extract(doc["text"], published=doc.get("published"), doc_id=doc.get("id"),
                         timeout=current_app.config["REQUEST_DEADLINE"], categories=doc["categories"],
                         offsets=doc["offsets"])
        metrics.observe_result(result)
        return result


BATCH_FORMATS = {"application/json": "json", "application/x-ndjson": "ndjson", "text/csv": "csv"}


def _batch_format() -> str:
    """The format the Accept header asks for (a ``format`` query parameter overrides it)."""
    best = request.accept_mimetypes.best_match(list(BATCH_FORMATS), default="application/json")
    return BATCH_FORMATS[best]


def _alternate_response(fmt: str, results: list[dict], errors: list[dict], feed: str, hxl: bool) -> Response:
    """CSV or NDJSON: every document in request order, its rows or its error row."""
    items = sorted([*results, *errors], key=lambda r: r["index"])
    if fmt == "csv":
        body = to_csv(items, feed, hxl=hxl)
        resp = Response(body, mimetype="text/csv")
        resp.headers["Content-Disposition"] = f'attachment; filename="tally-{feed}.csv"'
    elif feed == "summary":
        resp = Response(summary_ndjson(items), mimetype="application/x-ndjson")
    else:  # one line per document: its result, or its error
        lines = [r if "casualties" in r else {"error": r, **r} for r in items]
        resp = Response(to_ndjson(lines), mimetype="application/x-ndjson")
    resp.headers["X-Tally-Errors"] = str(len(errors))
    return resp


def _capped(documents: list[dict], setting: str) -> list[dict]:
    """The documents of a call, or a 422 when there are more than the setting allows."""
    cap = current_app.config[setting]
    if len(documents) > cap:
        abort(422, message=f"{len(documents)} documents; the limit per call is {cap}.",
              reason="too_many_documents", errors={"documents": [f"More than {cap} documents."]})
    return documents


def _read_documents(documents: list[dict]) -> tuple[list[tuple[dict, str]], list[dict]]:
    """Each document read on its own (``service/documents.py``), within the request's deadline: (result, text) for
    each document read, and an error entry for each that does not validate, is too long, passes the deadline or
    makes the engine fail."""
    results, errors = [], []
    limit = current_app.config["MAX_TEXT_CHARS"]
    deadline = time.monotonic() + current_app.config["REQUEST_DEADLINE"]
    for index, raw in enumerate(documents):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            doc_id = raw.get("id") if isinstance(raw.get("id"), str) else None
            errors.append({"index": index, "id": doc_id, "reason": "deadline_exceeded",
                           "detail": "The request deadline passed before this document was read."})
            continue
        out = read_document(raw, limit, timeout=remaining, dump=False)
        if "error" in out:
            errors.append({"index": index, "id": out["id"], **out["error"]})
            continue
        out["index"] = index
        metrics.observe_result(out)
        results.append((out, raw["text"]))
    return results, errors


_FEED_DOC = {"type": "string", "description": "See the `feed` and `hxl` parameters."}


@blp.route("/extract/batch")
class ExtractBatch(MethodView):
    @blp.doc(operationId="extractBatch")
    @blp.arguments(BatchQuerySchema, location="query", as_kwargs=True)
    @blp.arguments(BatchRequestSchema)
    @blp.response(200, BatchResponseSchema, description=(
        "JSON by default. `Accept: application/x-ndjson` (or `?format=ndjson`) gives one line per document, "
        "in request order, each a response or an error (with `feed=summary`, one line per document and "
        "category); `Accept: text/csv` (or `?format=csv`, `&hxl=1` for the HXL hashtag row) gives one row per "
        "casualty fact (or per document and category with `feed=summary`), a failed document a row with its "
        "error. `X-Tally-Errors` counts the failed documents."),
        headers={"X-Tally-Errors": {"description": "How many documents failed.", "schema": {"type": "integer"}}})
    @blp.alt_response(200, schema=_FEED_DOC, content_type="text/csv", success=True,
                      description="The facts or summary feed as CSV.")
    @blp.alt_response(200, schema=_FEED_DOC, content_type="application/x-ndjson", success=True,
                      description="One JSON object per line.")
    @_problems(400, 413, 415, 422)
    def post(self, body, **query):
        """Read several articles; a bad document gets an entry in `errors` and the others go on."""
        fmt = query.get("format") or _batch_format()
        documents = _capped(body["documents"], "MAX_BATCH_DOCUMENTS")
        reads, errors = _read_documents(documents)
        results = [result for result, _ in reads]
        if fmt != "json":
            dumped = [ExtractResponseSchema().dump(r) for r in results]
            return _alternate_response(fmt, dumped, errors, query["feed"], query["hxl"])
        return {"results": results, "errors": errors}, 200, {"X-Tally-Errors": str(len(errors))}


@health_blp.route("/healthz")
class Health(MethodView):
    @health_blp.doc(operationId="health", security=[])
    @health_blp.response(200, HealthSchema)
    def get(self):
        """Liveness: the process answers and the engine is loaded."""
        return {"status": "ok", "version": __version__}


@blp.route("/events")
class Events(MethodView):
    @blp.doc(operationId="events")
    @blp.arguments(EventsRequestSchema)
    @blp.response(200, EventsResponseSchema)
    @_problems(400, 413, 415, 422)
    def post(self, body):
        """Group reports into events: the reports of one incident together, one figure per category, its series.
        Every document read lands in exactly one event; one that cannot be read gets an entry in `errors`."""
        documents = _capped(body["documents"], "MAX_EVENT_DOCUMENTS")
        reads, errors = _read_documents(documents)
        items, seen = [], set()
        for r, text in reads:
            if r["id"] is None or r["id"] in seen:
                errors.append({"index": r["index"], "id": r["id"], "reason": "invalid_fields",
                               "detail": "A document needs an id of its own to be grouped into events."})
                continue
            seen.add(r["id"])
            items.append((r["id"], text, ExtractResponseSchema().dump(r)))
        errors.sort(key=lambda e: e["index"])
        return {"events": build_events(items), "errors": errors}
