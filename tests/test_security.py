"""Access and limits: API keys, rate limiting, CORS, the request deadline, logs without article text."""
import logging
import time

import pytest

from service.app import create_app

TEXT = "At least 93 people died Saturday in Gaza City, officials said."


def _client(**config):
    base = {"TESTING": True, "RATE_LIMIT": ""}
    base.update(config)
    return create_app(base).test_client()


def test_api_keys_required_when_configured(caplog):
    client = _client(API_KEYS="alpha-key, beta-key")
    caplog.set_level(logging.DEBUG)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-API-Key": "alpha-ke"}):
        resp = client.post("/v1/extract", json={"text": TEXT}, headers=headers)
        assert resp.status_code == 401 and resp.mimetype == "application/problem+json"
        assert resp.get_json()["reason"] == "unauthorized"
        assert "Bearer" in resp.headers["WWW-Authenticate"]
    assert client.post("/v1/extract", json={"text": TEXT}, headers={"Authorization": "Bearer beta-key"}).status_code == 200
    assert client.post("/v1/extract", json={"text": TEXT}, headers={"X-API-Key": "alpha-key"}).status_code == 200
    assert client.get("/healthz").status_code == 200  # health stays open
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "alpha-key" not in logged and "beta-key" not in logged and "Gaza" not in logged


def test_api_is_open_by_default():
    assert _client().post("/v1/extract", json={"text": TEXT}).status_code == 200


def test_rate_limit_answers_429_with_retry_after():
    client = _client(RATE_LIMIT="3 per minute")
    codes = [client.post("/v1/extract", json={"text": TEXT}).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    resp = client.post("/v1/extract", json={"text": TEXT})
    assert resp.status_code == 429 and resp.mimetype == "application/problem+json"
    assert resp.get_json()["reason"] == "rate_limited"
    assert int(resp.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200  # health is never limited


def test_rate_limit_is_per_key():
    client = _client(RATE_LIMIT="2 per minute", API_KEYS="k1,k2")
    for _ in range(2):
        assert client.post("/v1/extract", json={"text": TEXT}, headers={"X-API-Key": "k1"}).status_code == 200
    assert client.post("/v1/extract", json={"text": TEXT}, headers={"X-API-Key": "k1"}).status_code == 429
    assert client.post("/v1/extract", json={"text": TEXT}, headers={"X-API-Key": "k2"}).status_code == 200


def test_cors_only_for_configured_origins():
    assert "Access-Control-Allow-Origin" not in _client().get("/healthz", headers={"Origin": "https://x.org"}).headers
    client = _client(CORS_ORIGINS="https://dash.example.org")
    ok = client.get("/healthz", headers={"Origin": "https://dash.example.org"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://dash.example.org"
    other = client.get("/healthz", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_deadline_turns_a_pathological_text_into_a_clear_error():
    client = _client(REQUEST_DEADLINE=0.2, MAX_CONTENT_LENGTH=10_000_000)
    text = "It cost $5 and 3 km. " * 20000  # 40,000 figures with units: seconds of quantulum3 work
    started = time.monotonic()
    resp = client.post("/v1/extract", json={"text": text})
    elapsed = time.monotonic() - started
    assert resp.status_code == 503 and resp.get_json()["reason"] == "deadline_exceeded"
    assert resp.headers["Retry-After"]
    assert elapsed < 5, elapsed


def test_batch_reports_documents_past_the_deadline():
    client = _client(REQUEST_DEADLINE=0.2, MAX_CONTENT_LENGTH=10_000_000)
    docs = [{"id": "slow", "text": "It cost $5 and 3 km. " * 20000}, {"id": "late", "text": TEXT}]
    body = client.post("/v1/extract/batch", json={"documents": docs}).get_json()
    assert {e["id"]: e["reason"] for e in body["errors"]} == {"slow": "deadline_exceeded",
                                                              "late": "deadline_exceeded"}
    assert body["results"] == []


def test_lone_surrogate_in_json_is_answered():
    client = _client()
    resp = client.post("/v1/extract", data='{"text": "\\ud800 Two people were killed."}',
                       content_type="application/json")
    assert resp.status_code == 200
    assert resp.get_json()["casualties"][0]["count"]["value"] == 2


def test_no_debug_mode():
    app = create_app({"RATE_LIMIT": ""})
    assert app.debug is False and app.config["PROPAGATE_EXCEPTIONS"] is False


@pytest.mark.parametrize("path", ["/healthz", "/openapi.json", "/docs"])
def test_open_paths_need_no_key(path):
    assert _client(API_KEYS="secret").get(path).status_code == 200
