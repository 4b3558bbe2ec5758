"""Configuration from the environment, with embedded defaults: no external service is needed.

Every setting has a ``TALLY_`` environment variable; ``create_app(config)`` may override any of them.
"""
from __future__ import annotations

import os

from .engine.categories import CATEGORIES  # noqa: F401  (declared once, in the casualty lexicon)

# name: (environment variable, default, type)
SETTINGS = {
    "HOST": ("TALLY_HOST", "127.0.0.1", str),
    "PORT": ("TALLY_PORT", 8000, int),
    "WORKERS": ("TALLY_WORKERS", 2, int),
    "THREADS": ("TALLY_THREADS", 1, int),
    "REQUEST_TIMEOUT": ("TALLY_REQUEST_TIMEOUT", 60, int),
    "MAX_CONTENT_LENGTH": ("TALLY_MAX_BODY_BYTES", 5 * 1024 * 1024, int),
    "MAX_TEXT_CHARS": ("TALLY_MAX_TEXT_CHARS", 1_000_000, int),
    "MAX_BATCH_DOCUMENTS": ("TALLY_MAX_BATCH_DOCUMENTS", 100, int),
    "MAX_EVENT_DOCUMENTS": ("TALLY_MAX_EVENT_DOCUMENTS", 500, int),
    "LOG_LEVEL": ("TALLY_LOG_LEVEL", "info", str),
    "REQUEST_DEADLINE": ("TALLY_REQUEST_DEADLINE", 20.0, float),
    "API_KEYS": ("TALLY_API_KEYS", "", str),
    "RATE_LIMIT": ("TALLY_RATE_LIMIT", "auto", str),
    "MAX_DRAIN_BYTES": ("TALLY_MAX_DRAIN_BYTES", 64 * 1024 * 1024, int),
    "RATE_LIMIT_STORAGE": ("TALLY_RATE_LIMIT_STORAGE", "memory://", str),
    "CORS_ORIGINS": ("TALLY_CORS_ORIGINS", "", str),
}


def api_keys(config) -> list[str]:
    """The configured API keys (comma-separated in TALLY_API_KEYS); none means the API is open."""
    return [k.strip() for k in str(config.get("API_KEYS") or "").split(",") if k.strip()]


KEYED_RATE_LIMIT = "600 per minute"  # per API key, when keys are configured and TALLY_RATE_LIMIT is "auto"


def rate_limits(config) -> list[str]:
    """The request limits per client. "auto" (the default): none on an open, single-tenant service (a load
    test or a back-fill from one host is its normal use), ``KEYED_RATE_LIMIT`` per key once API keys are
    configured; "off" (or "none", "0", empty): none; anything else: that limit, in flask-limiter's notation."""
    value = str(config.get("RATE_LIMIT") or "").strip()
    if value.lower() == "auto":
        return [KEYED_RATE_LIMIT] if api_keys(config) else []
    return [] if value.lower() in ("", "off", "none", "0") else [value]


def from_environment(environ=None) -> dict:
    """The settings as read from ``environ`` (default ``os.environ``), typed, with defaults filled."""
    environ = os.environ if environ is None else environ
    out = {}
    for name, (var, default, kind) in SETTINGS.items():
        raw = environ.get(var)
        if raw is None or raw == "":
            out[name] = default
            continue
        try:
            out[name] = kind(raw)
        except ValueError as exc:
            raise SystemExit(f"configuration: {var}={raw!r} is not a valid {kind.__name__}") from exc
    return out
