"""The production server: gunicorn running ``create_app()``, configured from the environment.

The app is loaded in the master before forking (``preload_app``) so that the lexicons are compiled and
quantulum3 is warmed once, and every worker starts ready.
"""
from __future__ import annotations

import logging

from gunicorn.app.base import BaseApplication
from gunicorn.workers.sync import SyncWorker

from .app import create_app
from .config import from_environment


def _child_exit(server, worker) -> None:
    from .metrics import mark_worker_dead
    mark_worker_dead(worker.pid)


class DrainingSyncWorker(SyncWorker):
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
        if s["THREADS"] <= 1:
            self.cfg.set("worker_class", f"{__name__}.DrainingSyncWorker")
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
