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
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
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
