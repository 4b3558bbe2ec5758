"""The served app: `tally serve` (the Dockerfile's command) as a real gunicorn on loopback."""
import http.client
import json
import pytest

pytestmark = pytest.mark.served


@pytest.fixture(scope="module")
def server(live_server):
    return live_server


def _request(port, method, path, body=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": content_type} if body is not None else {}
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.getheader("Content-Type"), data


def test_served_extract(server):
    body = json.dumps({"text": "At least 93 people died Saturday in Gaza City.", "published": "2024-08-12"})
    status, ctype, data = _request(server, "POST", "/v1/extract", body)
    assert status == 200 and ctype.startswith("application/json")
    fact = json.loads(data)["casualties"][0]
    assert (fact["category"], fact["count"]["value"], fact["date"]["value"]) == ("killed", 93, "2024-08-10")


@pytest.mark.parametrize("method, path, body, ctype, status", [
    ("POST", "/v1/extract", '{"text": ', "application/json", 400),
    ("POST", "/v1/extract", "text=x", "text/plain", 415),
    ("POST", "/v1/extract", json.dumps({"text": "x" * 70_000}), "application/json", 413),
    ("POST", "/v1/extract", json.dumps({"txt": "x"}), "application/json", 422),
    ("GET", "/nowhere", None, None, 404),
    ("DELETE", "/v1/extract", None, None, 405),
])
def test_served_errors_are_problems(server, method, path, body, ctype, status):
    got, content_type, data = _request(server, method, path, body, ctype) if body is not None else \
        _request(server, method, path)
    assert got == status
    assert content_type == "application/problem+json"
    assert json.loads(data)["status"] == status


def _metric(text: str, name: str, **labels) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith((name + "{", name + " ")) and all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_add_up_over_workers(server):
    before = _request(server, "GET", "/metrics")[2].decode()
    body = json.dumps({"text": "Two people were killed and three wounded.", "published": "2024-08-12"})
    for _ in range(12):  # spread over both workers
        assert _request(server, "POST", "/v1/extract", body)[0] == 200
    after = _request(server, "GET", "/metrics")[2].decode()
    key = dict(endpoint="/v1/extract", method="POST", status="200")
    assert _metric(after, "tally_http_requests_total", **key) - _metric(before, "tally_http_requests_total", **key) == 12
    assert _metric(after, "tally_facts_extracted_total", category="injured") - \
        _metric(before, "tally_facts_extracted_total", category="injured") == 12
    assert "tally_http_request_duration_seconds_bucket" in after
    assert _metric(after, "tally_engine_seconds_count") - _metric(before, "tally_engine_seconds_count") == 12
    assert "tally_build_info{" in after
    # the scrape itself is the one request in flight, summed over the live workers
    in_flight = [line for line in after.splitlines() if line.startswith("tally_http_requests_in_flight")]
    assert in_flight and sum(float(line.rsplit(" ", 1)[1]) for line in in_flight) == 1


def _raw(port, request: bytes) -> tuple[int, str, bytes]:
    """Send bytes as they are (http.client would refuse to write a malformed request) and read the answer."""
    import socket
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers.get("Content-Type", ""), body


@pytest.mark.parametrize("request_bytes, status, reason", [
    (b"GET /healthz?q=" + b"x" * 5000 + b" HTTP/1.1\r\nHost: a\r\n\r\n", 414, "request_line_too_long"),
    (b"NOT A REQUEST LINE\r\n\r\n", 400, "malformed_request"),
    (b"GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: " + b"y" * 10_000 + b"\r\n\r\n", 431, "headers_too_large"),
    (b"GET /healthz HTTP/1.1\r\nHost: a\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n",
     431, "headers_too_large"),
    (b"GET /healthz HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n", 400, "malformed_request"),
])
def test_the_servers_own_errors_are_problems(server, request_bytes, status, reason):
    got, content_type, body = _raw(server, request_bytes)
    assert (got, content_type) == (status, "application/problem+json")
    assert json.loads(body)["reason"] == reason


def test_an_oversized_body_from_a_client_that_does_not_wait_reads_its_413(server):
    """http.client sends the whole body before it reads the answer: the server must read it, not close on it."""
    body = b'{"text": "' + b"x" * 40_000_000 + b'"}'
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=60)
    conn.request("POST", "/v1/extract", body=body, headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    assert resp.status == 413 and resp.getheader("Content-Type") == "application/problem+json"
    assert json.loads(data)["reason"] == "body_too_large"
