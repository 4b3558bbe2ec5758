"""The production server: gunicorn running ``create_app()``, configured from the environment.

The app is loaded in the master before forking (``preload_app``) so that the lexicons are compiled and
quantulum3 is warmed once, and every worker starts ready.
"""
from __future__ import annotations

import json
import logging

from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker
from gunicorn.workers.sync import SyncWorker

from .app import create_app
from .config import from_environment


def _child_exit(server, worker) -> None:
    from .metrics import mark_worker_dead
    mark_worker_dead(worker.pid)


# gunicorn answers what it rejects before the app sees it (a request line or headers over its limits, a
# malformed request) with an HTML page; an API answers every error in one format
GUNICORN_REASONS = {400: "malformed_request", 403: "forbidden", 414: "request_line_too_long",
                    417: "expectation_failed", 431: "headers_too_large", 500: "internal_error",
                    501: "unsupported_transfer_coding"}


def write_problem(sock, status_int, reason, mesg):
    """gunicorn's ``util.write_error``, written as RFC 9457 problem+json (no request text is echoed)."""
    code = GUNICORN_REASONS.get(status_int, "malformed_request" if status_int < 500 else "internal_error")
    body = json.dumps({"type": f"https://tally.dev/problems/{code}", "title": reason, "status": status_int,
                       "detail": f"The server could not read the request: {reason.lower()}.", "reason": code})
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    gunicorn_util.write_nonblock(sock, (head + body).encode("latin1"))


class ProblemErrors:
    """A worker whose own error answers are problem+json: gunicorn writes them through ``util.write_error``,
    which each worker process points at ``write_problem`` when it starts."""

    def init_process(self):
        gunicorn_util.write_error = write_problem
        super().init_process()


class ProblemThreadWorker(ProblemErrors, ThreadWorker):
    """gunicorn's threaded worker, with problem+json errors."""


class DrainingSyncWorker(ProblemErrors, SyncWorker):
    """gunicorn's sync worker, which on a graceful stop (SIGTERM) also serves the connections the kernel had
    already queued for it. The stock worker stops accepting at once, and a client whose connection was in the
    listen queue at that moment gets a reset although it connected before the stop."""

    def run(self):
        super().run()
        for listener in self.sockets:
            while True:
                try:
                    self.accept(listener)
                except BlockingIOError:  # the queue is empty
                    break
                except ConnectionAbortedError:  # that client left before being served
                    continue
                except OSError:  # the listener is gone
                    break


class TallyServer(BaseApplication):
    def __init__(self, settings: dict):
        self.settings = settings
        super().__init__()

    def load_config(self):
        s = self.settings
        self.cfg.set("bind", f"{s['HOST']}:{s['PORT']}")
        self.cfg.set("workers", s["WORKERS"])
        self.cfg.set("threads", s["THREADS"])
        worker = "DrainingSyncWorker" if s["THREADS"] <= 1 else "ProblemThreadWorker"
        self.cfg.set("worker_class", f"{__name__}.{worker}")
        self.cfg.set("timeout", s["REQUEST_TIMEOUT"])
        self.cfg.set("graceful_timeout", 30)
        self.cfg.set("preload_app", True)
        self.cfg.set("loglevel", s["LOG_LEVEL"])
        self.cfg.set("accesslog", None)
        self.cfg.set("proc_name", "tally")
        self.cfg.set("child_exit", _child_exit)

    def load(self):
        from .engine import warm_up
        logging.basicConfig(level=self.settings["LOG_LEVEL"].upper(),
                            format="%(asctime)s %(levelname)s %(name)s %(message)s")
        warm_up()
        return create_app(self.settings)


def run(overrides: dict | None = None) -> None:
    settings = from_environment()
    settings.update(overrides or {})
    TallyServer(settings).run()
