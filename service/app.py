"""The Flask application factory: configuration, the API blueprint, docs, and problem+json errors."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import uuid

from flask import Flask, Response, g, request, send_from_directory
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from . import __version__, metrics
from .config import api_keys, from_environment, rate_limits
from .engine import DeadlineExceeded
from .problems import from_http_exception, problem

OPEN_PATHS = ("/healthz", "/openapi.json", "/docs", "/metrics", "/static/", "/favicon.ico", "/categories.json")


def _is_open(path: str) -> bool:
    """Paths anyone may read: the page, its files, health, docs and metrics (the data API needs a key)."""
    return path == "/" or path.startswith(OPEN_PATHS)

log = logging.getLogger("tally.http")


class ProblemApi(Api):
    """flask-smorest's Api, answering every HTTP error as RFC 9457 problem+json (and documenting them so: each
    operation declares its problems, so there is no default error response of flask-smorest's own shape)."""

    DEFAULT_ERROR_RESPONSE_NAME = None

    def handle_http_exception(self, error):
        return from_http_exception(error)


def _discard_body(limit: int) -> None:
    """Read and drop the body of a request refused as too large, up to ``limit`` bytes. A client that sends its
    whole body before it reads the answer (Python's http.client, most SDKs) would otherwise have the server
    close on it mid-send and see a broken pipe instead of the 413 problem."""
    stream, length = request.environ.get("wsgi.input"), request.content_length
    if stream is None or length is None or length > limit:
        return
    while length > 0:
        chunk = stream.read(min(length, 1 << 16))
        if not chunk:
            return
        length -= len(chunk)


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(from_environment())
    app.config.update(
        API_TITLE="Tally",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.1.0",  # nullable fields as ["integer", "null"]: generated clients read them right
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/docs/assets/",
        API_SPEC_OPTIONS={
            "info": {"description": "Casualty figures and dates extracted from article text. Every error is "
                                    "RFC 9457 application/problem+json with a machine-readable `reason`."},
            "servers": [{"url": "/", "description": "this server"}],
            "components": {"securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "An API key, when the server is configured with TALLY_API_KEYS."},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}},
            # open unless keys are configured: either scheme, or none
            "security": [{"bearer": []}, {"apiKey": []}, {}],
        },
        JSON_SORT_KEYS=False,
        PROPAGATE_EXCEPTIONS=False,
        DEBUG=False,
    )
    if config:
        app.config.update(config)
    _register_access(app)  # keys, rate limits, CORS: before any other hook
    api = ProblemApi(app)
    from .routes import blp, health_blp
    api.register_blueprint(blp)
    api.register_blueprint(health_blp)
    _register_pages(app)
    _register_request_hooks(app)
    _register_errors(app)
    return app


def _register_access(app: Flask) -> None:
    """API keys (checked in constant time), rate limits per key or client, and the CORS allow-list."""
    keys = [k.encode() for k in api_keys(app.config)]

    def _presented_key() -> str | None:
        auth = request.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        return request.headers.get("X-API-Key")

    def _rate_key() -> str:
        key = _presented_key()
        # a key is a client of its own; the limiter stores a hash of it, never the key itself
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:16] if key else "ip:" + get_remote_address()

    limiter = Limiter(key_func=_rate_key, app=app, default_limits=rate_limits(app.config),
                      storage_uri=app.config["RATE_LIMIT_STORAGE"],
                      headers_enabled=True, default_limits_exempt_when=lambda: _is_open(request.path))
    app.extensions["tally_limiter"] = limiter
    origins = [o.strip() for o in app.config["CORS_ORIGINS"].split(",") if o.strip()]
    if origins:
        CORS(app, origins=origins, expose_headers=["X-Request-Id", "Retry-After"])

    @app.before_request
    def _authenticate():
        if not keys or _is_open(request.path) or request.method == "OPTIONS":
            return None
        presented = (_presented_key() or "").encode()
        # constant-time comparison against every key, so timing says nothing about which one is close
        ok = False
        for key in keys:
            ok |= hmac.compare_digest(presented, key)
        if not ok:
            return problem(401, "A valid API key is required (Authorization: Bearer <key> or X-API-Key).",
                           "unauthorized", headers={"WWW-Authenticate": 'Bearer realm="tally"'})
        return None


def _register_pages(app: Flask) -> None:
    """What is not the data API: the page, its icon and categories, the docs' assets, the metrics."""

    @app.get("/docs/assets/<path:filename>")
    def swagger_assets(filename):
        """Swagger UI's files, served from the swagger-ui-bundle package: the docs work offline."""
        from swagger_ui_bundle import swagger_ui_path
        return send_from_directory(swagger_ui_path, filename, max_age=3600)

    @app.get("/")
    def page():
        """The page for people: paste an article, see its facts highlighted in place."""
        return app.send_static_file("index.html")

    @app.get("/categories.json")
    def categories():
        """The casualty categories as declared (name, label, colour), for the page's legend and colours."""
        from .engine.categories import DECLARED
        return {"categories": [{"name": c.name, "label": c.label, "colour": c.colour} for c in DECLARED]}

    @app.get("/favicon.ico")
    def favicon():
        """The page's icon (an SVG), where browsers look for it."""
        return send_from_directory(app.static_folder, "favicon.svg", mimetype="image/svg+xml", max_age=86400)

    @app.get("/metrics")
    def prometheus_metrics():
        """Prometheus metrics, summed over every worker of the server."""
        body, content_type = metrics.exposition()
        return Response(body, content_type=content_type)


def _register_request_hooks(app: Flask) -> None:
    """A request id, requests in flight, and per request: its metrics and one log line (never the text)."""

    @app.before_request
    def _start():
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        g.started = time.perf_counter()
        g.in_flight = True
        metrics.request_started()

    @app.teardown_request
    def _end(_error=None):
        if g.pop("in_flight", False):
            metrics.request_ended()

    @app.after_request
    def _finish(resp):
        resp.headers["X-Request-Id"] = g.get("request_id", "")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        endpoint = request.url_rule.rule if request.url_rule is not None else "unmatched"
        if endpoint != "/metrics":
            metrics.observe_request(request.method, endpoint, resp.status_code, elapsed / 1000)
        if resp.status_code >= 400 and resp.mimetype == "application/problem+json":
            try:
                metrics.observe_error(resp.status_code, json.loads(resp.get_data())["reason"])
            except (ValueError, KeyError):
                metrics.observe_error(resp.status_code, "unknown")
        # sizes and counts only: article text never reaches the logs
        log.info("%s %s %s %d bytes in, %.1f ms, request %s", request.method, request.path, resp.status_code,
                 request.content_length or 0, elapsed, g.get("request_id"))
        return resp


def _register_errors(app: Flask) -> None:
    """Every error as problem+json: HTTP errors, the request deadline, and anything unexpected (no trace)."""

    @app.errorhandler(DeadlineExceeded)
    def _deadline(error):
        return problem(503, f"The text could not be read within the request deadline of "
                            f"{app.config['REQUEST_DEADLINE']:g} s; send it in smaller parts.", "deadline_exceeded",
                       headers={"Retry-After": "1"})

    @app.errorhandler(HTTPException)
    def _http_error(error):
        if error.code == 413:
            _discard_body(app.config["MAX_DRAIN_BYTES"])
        return from_http_exception(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        log.exception("unhandled error in request %s", g.get("request_id"))
        return from_http_exception(InternalServerError())
