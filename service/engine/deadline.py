"""A per-request deadline: the engine checks it between units of work and gives up with a clear error
rather than holding a worker on a pathological input."""
from __future__ import annotations

import time


class DeadlineExceeded(Exception):
    """The text took longer than the request's deadline to read."""


class Deadline:
    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.expires = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self.expires is not None and time.monotonic() > self.expires:
            raise DeadlineExceeded(f"reading the text took longer than {self.seconds:g} s")
