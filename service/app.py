"""The Flask application factory: configuration, the API blueprint, docs, and problem+json errors."""
from __future__ import annotations

import logging
import time
import uuid

from flask import Flask, g, request, send_from_directory
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from . import __version__
from .config import from_environment
from .problems import from_http_exception

log = logging.getLogger("tally.http")


class ProblemApi(Api):
    """flask-smorest's Api, answering every HTTP error as RFC 9457 problem+json."""

    def handle_http_exception(self, error):
        return from_http_exception(error)


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(from_environment())
    app.config.update(
        API_TITLE="Tally",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/docs/assets/",
        API_SPEC_OPTIONS={"info": {"description": "Casualty figures and dates extracted from article text."}},
        JSON_SORT_KEYS=False,
        PROPAGATE_EXCEPTIONS=False,
        DEBUG=False,
    )
    if config:
        app.config.update(config)

    api = ProblemApi(app)
    from .routes import blp, health_blp
    api.register_blueprint(blp)
    api.register_blueprint(health_blp)

    @app.get("/docs/assets/<path:filename>")
    def swagger_assets(filename):
        """Swagger UI's files, served from the swagger-ui-bundle package: the docs work offline."""
        from swagger_ui_bundle import swagger_ui_path
        return send_from_directory(swagger_ui_path, filename, max_age=3600)

    @app.before_request
    def _start():
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def _finish(resp):
        resp.headers["X-Request-Id"] = g.get("request_id", "")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        # sizes and counts only: article text never reaches the logs
        log.info("%s %s %s %d bytes in, %.1f ms, request %s", request.method, request.path, resp.status_code,
                 request.content_length or 0, elapsed, g.get("request_id"))
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(error):
        return from_http_exception(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        log.exception("unhandled error in request %s", g.get("request_id"))
        return from_http_exception(InternalServerError())

    return app
