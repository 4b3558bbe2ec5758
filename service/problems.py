"""RFC 9457 problem details: every error the API returns, as application/problem+json.

A reason is machine-readable and stable (clients branch on it); the detail is for people. No handler
here ever includes a stack trace or the submitted text.
"""
from __future__ import annotations

import json
import logging

from flask import Response, g
from werkzeug.exceptions import HTTPException

log = logging.getLogger("tally.http")

PROBLEM_JSON = "application/problem+json"

# status -> (reason, title) when the raiser gave no reason of its own
DEFAULT_REASONS = {
    400: ("malformed_json", "Malformed request"),
    401: ("unauthorized", "Unauthorized"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    406: ("not_acceptable", "Not acceptable"),
    413: ("body_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
    422: ("invalid_fields", "Invalid fields"),
    429: ("rate_limited", "Too many requests"),
    500: ("internal_error", "Internal error"),
    503: ("unavailable", "Service unavailable"),
    504: ("deadline_exceeded", "Deadline exceeded"),
}


def problem(status: int, detail: str, reason: str | None = None, errors=None, headers=None) -> Response:
    default_reason, title = DEFAULT_REASONS.get(status, ("error", "Error"))
    body = {"type": f"https://tally.dev/problems/{reason or default_reason}", "title": title, "status": status,
            "detail": detail, "reason": reason or default_reason}
    if errors:
        body["errors"] = errors
    rid = getattr(g, "request_id", None) if g else None
    if rid:
        body["request_id"] = rid
    resp = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_JSON)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def from_http_exception(error: HTTPException) -> Response:
    """Turn any werkzeug/webargs HTTP exception into a problem response."""
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    errors = data.get("errors") or data.get("messages")
    reason = data.get("reason")
    detail = data.get("message") or error.description or ""
    if status == 422 and isinstance(errors, dict) and set(errors) == {"json"}:
        errors = errors["json"]  # webargs nests body errors under the location
    if status == 400 and reason is None:
        reason, detail = "malformed_json", "The request body is not valid JSON."
    if status == 422 and reason is None:
        detail = "Some fields are invalid; see errors for the messages per field."
    if status >= 500:
        log.error("internal error answered as %s", status)
        detail = "The server could not complete the request."
        errors = None
    headers = dict(data.get("headers") or {})
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429 and getattr(error, "retry_after", None):
        headers["Retry-After"] = str(error.retry_after)
    return problem(status, detail, reason, errors, headers)
