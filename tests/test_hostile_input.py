"""Hostile input: digits of every script, JSON of any depth and number size, and a batch whose one document
the engine fails on. Never a 5xx; a bad document fails alone."""
import json
import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service import routes
from service.config import KEYED_RATE_LIMIT, rate_limits
from service.engine import extract
from service.engine.readable import readable
from test_properties import check_invariants

# every numeral the regex module knows (its Unicode tables are newer than Python's), found by its own \p{N}
_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
NUMERALS = [m.group() for m in regex.finditer(r"\p{N}", _ALL)]
DIGITS = [m.group() for m in regex.finditer(r"\d", _ALL)]
del _ALL

numeral_text = st.lists(st.one_of(st.sampled_from(NUMERALS), st.sampled_from(DIGITS),
                                  st.sampled_from([" people died", " killed", "at least ", ",", ".", " ", "-"]),
                                  st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",))),
                        max_size=40).map("".join)


def test_the_numerals_cover_scripts_newer_than_python():
    import unicodedata
    assert any(unicodedata.digit(d, None) is None for d in DIGITS)  # else this test proves nothing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(numeral_text)
def test_numerals_of_every_script(text):
    check_invariants(text, extract(text, published="2024-08-12"))


@pytest.mark.parametrize("digit, value", [("\U00011F57", 7), ("\U00016D73", 3), ("\u0663", 3), ("7", 7)])
def test_digits_python_does_not_know_are_read(digit, value):
    text = f"At least {digit} people died"
    result = extract(text, published="2024-08-12")
    check_invariants(text, result)
    (fact,) = result["casualties"]
    assert (fact["count"]["value"], fact["text"]) == (value, f"At least {digit}")


def test_readable_keeps_length_and_known_digits():
    text = "\u0663 and \U00011F52\U00011F50 and 12"
    assert readable(text) == "\u0663 and 20 and 12"
    assert readable("no digits") == "no digits"


def test_readable_gives_a_stand_in_both_regex_engines_class_alike():
    text = "Jose\u0301 ran 1\u00bd km\u00b2, a\u200db \U00011F52"
    assert readable(text) == "Jose_ ran 1\u00a6 km\u00a6, a_b 2"
    assert readable(text, digits_only=True) == "Jose\u0301 ran 1\u00bd km\u00b2, a\u200db 2"  # for quantulum3
    every = "".join(chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF)
    copy = readable(every)
    for pattern in (r"\w", r"\d", r"\s"):
        assert [m.start() for m in re.finditer(pattern, copy)] == [m.start() for m in regex.finditer(pattern, copy)]
        assert [m.start() for m in regex.finditer(pattern, copy)] == [m.start() for m in regex.finditer(pattern, every)]


NESTED = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize("path, body", [
    ("/v1/extract", '{"text": ' + NESTED + "}"),
    ("/v1/extract/batch", '{"documents": ' + NESTED + "}"),
    ("/v1/extract", '{"text": "x", "id": ' + "9" * 5000 + "}"),
    ("/v1/extract/batch", '{"documents": [{"text": "x", "published": ' + "1" * 10_000 + "}]}"),
])
def test_json_python_cannot_hold_is_malformed(client, path, body):
    resp = client.post(path, data=body, content_type="application/json")
    assert resp.status_code == 400 and resp.mimetype == "application/problem+json"
    assert resp.get_json()["reason"] == "malformed_json"


@pytest.mark.parametrize("body", ['{"text": "x", "id": 1e999999}', '{"text": "x", "published": -1e400}',
                                  '{"text": "' + "9" * 4000 + '"}'])
def test_numbers_of_any_size_are_fields_to_check(client, body):
    resp = client.post("/v1/extract", data=body, content_type="application/json")
    assert resp.status_code in (200, 422) and resp.status_code < 500


@pytest.fixture
def failing_engine(monkeypatch):
    import service.engine as engine
    real = engine.extract

    def extract_or_fail(text, **kwargs):
        if "FAIL" in text:
            raise RuntimeError("the engine broke")
        return real(text, **kwargs)
    monkeypatch.setattr(routes, "extract", extract_or_fail)  # the single-document view
    monkeypatch.setattr(engine, "extract", extract_or_fail)  # service/documents.py, which every batch reads with


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_a_document_the_engine_fails_on_fails_alone(client, failing_engine, fmt):
    docs = [{"id": "good", "text": "Two people were killed."}, {"id": "bad", "text": "FAIL"},
            {"id": "also-good", "text": "Three were wounded."}]
    resp = client.post(f"/v1/extract/batch?format={fmt}", json={"documents": docs})
    assert resp.status_code == 200
    assert resp.headers["X-Tally-Errors"] == "1"
    if fmt == "json":
        body = resp.get_json()
        assert [r["id"] for r in body["results"]] == ["good", "also-good"]
        assert [(e["index"], e["id"], e["reason"]) for e in body["errors"]] == [(1, "bad", "internal_error")]
    elif fmt == "ndjson":
        lines = [json.loads(line) for line in resp.get_data(as_text=True).splitlines()]
        assert [line["id"] for line in lines] == ["good", "bad", "also-good"]
        assert lines[1]["reason"] == "internal_error" and "casualties" in lines[2]
    else:
        rows = resp.get_data(as_text=True).splitlines()
        assert any(row.startswith("good,") for row in rows) and any(row.startswith("also-good,") for row in rows)


def test_the_single_endpoint_answers_an_engine_failure_as_a_problem(client, failing_engine):
    resp = client.post("/v1/extract", json={"text": "FAIL"})
    assert resp.status_code == 500 and resp.mimetype == "application/problem+json"
    assert resp.get_json()["reason"] == "internal_error" and "Traceback" not in resp.get_data(as_text=True)


@pytest.mark.parametrize("config, limits", [
    ({"RATE_LIMIT": "auto"}, []),                                   # open and single-tenant: no limit
    ({"RATE_LIMIT": "auto", "API_KEYS": "k1"}, [KEYED_RATE_LIMIT]),  # keys: a limit per key
    ({"RATE_LIMIT": "off", "API_KEYS": "k1"}, []),
    ({"RATE_LIMIT": "5 per second"}, ["5 per second"]),
])
def test_rate_limit_default(config, limits):
    assert rate_limits(config) == limits
