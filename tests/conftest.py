import http.client
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from service.app import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 64 * 1024, "MAX_TEXT_CHARS": 20_000,
                       "MAX_BATCH_DOCUMENTS": 5})


@pytest.fixture
def client(app):
    return app.test_client()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(port) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


@pytest.fixture(scope="session")
def live_server():
    """`tally serve` — the Dockerfile's command — as a real gunicorn with two workers on loopback."""
    port = _free_port()
    env = dict(os.environ, TALLY_HOST="127.0.0.1", TALLY_PORT=str(port), TALLY_WORKERS="2",
               TALLY_MAX_BODY_BYTES="65536", TALLY_RATE_LIMIT="off")
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while not _healthy(port):
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("tally serve did not answer within 60 s")
        time.sleep(0.3)
    yield port
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("tally serve did not stop on SIGTERM")
