"""Prometheus metrics: requests, latency, requests in flight, engine time per document, facts extracted by
category, errors by status, and the build (version, rules version).

Under gunicorn (`tally serve`) every worker is a process of its own: the server points
PROMETHEUS_MULTIPROC_DIR at a fresh directory before any worker starts, each worker writes its samples
there, and /metrics adds them up (prometheus_client's multiprocess mode), so the figures are the
server's, not one worker's.
"""
from __future__ import annotations

import os

from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest,
                               multiprocess)

from . import __version__
from .engine import RULES_VERSION

REQUESTS = Counter("tally_http_requests_total", "HTTP requests answered.", ["method", "endpoint", "status"])
LATENCY = Histogram("tally_http_request_duration_seconds", "Time to answer a request.", ["endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
FACTS = Counter("tally_facts_extracted_total", "Casualty facts extracted.", ["category"])
DOCUMENTS = Counter("tally_documents_total", "Documents read.")
ERRORS = Counter("tally_http_errors_total", "Error responses.", ["status", "reason"])
ENGINE_TIME = Histogram("tally_engine_seconds", "The engine's time to read one document.",
                        buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 20))
IN_FLIGHT = Gauge("tally_http_requests_in_flight", "Requests being answered now.", multiprocess_mode="livesum")
BUILD_INFO = Gauge("tally_build_info", "The build answering: always 1, labelled with its versions.",
                   ["version", "rules_version"], multiprocess_mode="max")
BUILD_INFO.labels(__version__, RULES_VERSION).set(1)


def request_started() -> None:
    IN_FLIGHT.inc()


def request_ended() -> None:
    IN_FLIGHT.dec()


def observe_request(method: str, endpoint: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, endpoint, str(status)).inc()
    LATENCY.labels(endpoint).observe(seconds)


def observe_error(status: int, reason: str) -> None:
    ERRORS.labels(str(status), reason).inc()


def observe_result(result: dict) -> None:
    DOCUMENTS.inc()
    ENGINE_TIME.observe(result["meta"]["elapsed_ms"] / 1000)
    for fact in result.get("casualties") or ():
        FACTS.labels(fact["category"]).inc()


def exposition() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


def mark_worker_dead(pid: int) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid)
