"""The HTTP API through the real app (Flask test client): responses, schemas, and every error status."""
import json
import re

import pytest

from schemas import BatchResponseSchema, ExtractResponseSchema, ProblemSchema
from schemas.requests import YEAR_RANGE_PATTERN, PublicationDate

ARTICLE = ("KABUL, Afghanistan (Jan. 25, 2013)\nAt least 12 people were killed and 30 wounded on Thursday when a "
           "bomb exploded in Kabul, police said. Two days later, officials said 4 suspects had been arrested.")


def _problem(resp, status, reason):
    assert resp.status_code == status
    assert resp.mimetype == "application/problem+json"
    body = resp.get_json(force=True)
    assert ProblemSchema().validate(body) == {}
    assert body["status"] == status and body["reason"] == reason
    assert "Traceback" not in resp.get_data(as_text=True)
    return body


def test_extract_returns_valid_facts(client):
    resp = client.post("/v1/extract", json={"text": ARTICLE, "published": "2013-01-25", "id": "a1"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert ExtractResponseSchema().validate(body) == {}
    assert body["id"] == "a1"
    got = {(c["category"], c["count"]["value"]) for c in body["casualties"]}
    assert {("killed", 12), ("injured", 30), ("arrested", 4)} <= got
    for c in body["casualties"]:
        assert ARTICLE[c["start"]:c["end"]] == c["text"]
    for d in body["dates"]:
        assert ARTICLE[d["start"]:d["end"]] == d["text"]
    assert body["summary"]["killed"]["value"] == 12


def test_dateline_is_the_anchor_when_published_is_absent(client):
    body = client.post("/v1/extract", json={"text": ARTICLE}).get_json()
    assert body["published"] == "2013-01-25"
    assert body["meta"]["published_source"] == "dateline"
    thursday = next(d for d in body["dates"] if d["text"] == "Thursday")
    assert thursday["value"] == "2013-01-24"


def test_date_prefix_dateline(client):
    text = "date 2024-08-12 At least 93 people died Saturday in Gaza City."
    body = client.post("/v1/extract", json={"text": text}).get_json()
    assert body["published"] == "2024-08-12"
    fact = body["casualties"][0]
    assert text[fact["start"]:fact["end"]] == "At least 93"
    assert fact["date"]["value"] == "2024-08-10"


def test_published_accepts_iso_datetime(client):
    body = client.post("/v1/extract", json={"text": "Two died yesterday.", "published": "2024-08-12T09:30:00Z"})
    assert body.get_json()["published"] == "2024-08-12"


@pytest.mark.parametrize("text", ["It began 9999999 days earlier.", "It ended 99999999999 weeks later.",
                                  "It ended 9999999999 years ago."])
def test_a_span_past_the_calendar_is_a_length_not_a_500(client, text):
    r = client.post("/v1/extract", json={"text": text, "published": "2024-08-12"})
    assert r.status_code == 200
    assert [d["type"] for d in r.get_json()["dates"]] == ["DURATION"]


def test_the_openapi_year_pattern_states_the_years_the_schema_accepts():
    low, high = PublicationDate.YEARS
    assert [bool(re.match(YEAR_RANGE_PATTERN, f"{y:04d}-01-01")) for y in (low - 1, low, high, high + 1)] == \
        [False, True, True, False]


def test_malformed_json_is_400(client):
    resp = client.post("/v1/extract", data='{"text": ', content_type="application/json")
    _problem(resp, 400, "malformed_json")


def test_wrong_content_type_is_415(client):
    resp = client.post("/v1/extract", data="text=hello", content_type="application/x-www-form-urlencoded")
    _problem(resp, 415, "unsupported_media_type")


def test_body_over_limit_is_413(client):
    resp = client.post("/v1/extract", data=json.dumps({"text": "x" * 70_000}), content_type="application/json")
    _problem(resp, 413, "body_too_large")


@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": 5}, "text"),
    ({"text": "ok", "published": "12/08/2024"}, "published"),
    ({"text": "ok", "published": "2024-02-30"}, "published"),
    ({"text": "ok", "published": "0001-01-01"}, "published"),  # outside the years dates are counted in
    ({"text": "ok", "colour": "red"}, "colour"),
])
def test_invalid_fields_are_422_with_messages(client, body, field):
    problem = _problem(client.post("/v1/extract", json=body), 422, "invalid_fields")
    assert field in problem["errors"]


def test_json_that_is_not_an_object_is_422(client):
    _problem(client.post("/v1/extract", json=["text"]), 422, "invalid_fields")


def test_text_over_limit_is_422(client):
    problem = _problem(client.post("/v1/extract", json={"text": "a" * 20_001}), 422, "text_too_long")
    assert "text" in problem["errors"]


def test_unknown_route_is_404(client):
    _problem(client.get("/v1/nothing"), 404, "not_found")


def test_wrong_method_is_405(client):
    resp = client.get("/v1/extract")
    _problem(resp, 405, "method_not_allowed")
    assert "POST" in resp.headers["Allow"]


def test_batch_reports_every_document(client):
    docs = [{"id": "ok", "text": ARTICLE}, {"id": "bad", "text": 3}, "not an object"]
    resp = client.post("/v1/extract/batch", json={"documents": docs})
    assert resp.status_code == 422  # a non-object document makes the list itself invalid
    docs = [{"id": "ok", "text": ARTICLE}, {"id": "bad", "text": 3}, {"id": "long", "text": "a" * 20_001}]
    resp = client.post("/v1/extract/batch", json={"documents": docs})
    assert resp.status_code == 200
    body = resp.get_json()
    assert BatchResponseSchema().validate(body) == {}
    assert [r["id"] for r in body["results"]] == ["ok"]
    assert [(e["index"], e["id"], e["reason"]) for e in body["errors"]] == [(1, "bad", "invalid_fields"),
                                                                              (2, "long", "text_too_long")]


def test_batch_cap(client):
    resp = client.post("/v1/extract/batch", json={"documents": [{"text": "x"}] * 6})
    _problem(resp, 422, "too_many_documents")


def test_batch_needs_documents(client):
    _problem(client.post("/v1/extract/batch", json={"documents": []}), 422, "invalid_fields")


def test_healthz(client):
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_openapi_is_generated_from_the_schemas(client):
    spec = client.get("/openapi.json").get_json()
    assert "/v1/extract" in spec["paths"] and "/v1/extract/batch" in spec["paths"]
    names = set(spec["components"]["schemas"])
    assert {"ExtractRequest", "ExtractResponse", "Casualty", "Count", "Problem"} <= names
    casualty = spec["components"]["schemas"]["Casualty"]["properties"]
    assert casualty["category"]["enum"][0] == "killed"


def test_docs_work_offline(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in page and "http" not in page.split("<script")[1].split(">")[0]
    asset = client.get("/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.get_data()) > 100_000
