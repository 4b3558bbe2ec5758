"""Short load and fault runs of benchmarks/load_test.py against the real server (the full run is
`python benchmarks/load_test.py`, 60 s)."""
import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.served

_spec = importlib.util.spec_from_file_location("load_test", Path(__file__).parents[1] / "benchmarks" / "load_test.py")
load_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load_test)


def test_sustained_load_has_no_errors_and_flat_memory():
    report = load_test.run(duration=4, concurrency=4, workers=2, quiet=True)
    assert report["requests"] > 50
    assert report["errors"] == 0, report["statuses"]
    growth = max(report["rss_end"]["workers_kib"]) - max(report["rss_start"]["workers_kib"])
    assert growth < 50_000, report  # KiB


def test_a_killed_worker_costs_at_most_its_requests_in_flight():
    report = load_test.run(duration=4, concurrency=4, workers=2, kill_worker=True, quiet=True)
    assert report["errors"] <= 1 + 2, report["statuses"]  # the victim's request, and any queued on it
    assert report["server_answering_after"] is True


def test_sigterm_finishes_requests_in_flight():
    # eight clients for two workers keep connections in the listen queue when the signal comes
    report = load_test.run(duration=4, concurrency=8, workers=2, sigterm=True, quiet=True)
    assert report["in_flight_failures_after_sigterm"] == 0, report["statuses"]
    assert report["server_exit_code"] == 0
