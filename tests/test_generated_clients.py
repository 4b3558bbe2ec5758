"""Clients generated from /openapi.json, as their users generate them: openapi-python-client's client calls every
data endpoint and reads every field of the answers; datamodel-codegen's pydantic models validate real responses.
Generated at test time into a temporary folder (never committed)."""
import enum
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from service.app import create_app

BIN = Path(sys.executable).parent
ARTICLE = ("GAZA CITY (Aug. 12, 2024) - At least 93 people died Saturday when an airstrike hit a school-turned-shelter "
           "in Gaza City, according to Palestinian health authorities. On Oct. 7 last year, gunmen breached the "
           "fence, killing about 1,200 people and taking 251 hostages, according to Israel. The death toll in Gaza "
           "is approaching 40,000. 🙂 No one was arrested.")
DOCUMENTS = [{"id": "a", "text": ARTICLE, "published": "2024-08-12"},
             {"id": "b", "text": "Two men were shot dead in Harlow on Monday, police said.", "published": "2024-08-12"},
             {"id": "c", "text": 7}]


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "RATE_LIMIT": "off"})


@pytest.fixture(scope="module")
def spec_path(app, tmp_path_factory):
    path = tmp_path_factory.mktemp("spec") / "openapi.json"
    path.write_text(json.dumps(app.test_client().get("/openapi.json").get_json()), encoding="utf-8")
    return path


def _run(*args, cwd):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.fixture(scope="module")
def generated(spec_path):
    """openapi-python-client's package, importable."""
    folder = spec_path.parent
    _run(str(BIN / "openapi-python-client"), "generate", "--path", str(spec_path), "--meta", "none",
         "--output-path", str(folder / "tally_api_client"), cwd=folder)
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("tally_api_client")
    finally:
        sys.path.remove(str(folder))


def _client(generated, app):
    return generated.Client(base_url="http://tally.test", raise_on_unexpected_status=True,
                            httpx_args={"transport": httpx.WSGITransport(app=app)})


def _read_all(value, seen: list):
    """Every field of a generated model, read through its attributes, as plain JSON."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_read_all(v, seen) for v in value]
    if hasattr(type(value), "__attrs_attrs__"):  # a generated model
        out = {}
        for name in type(value).__attrs_attrs__:
            if name.name == "additional_properties":
                continue
            got = getattr(value, name.name)
            seen.append(name.name)
            if type(got).__name__ != "Unset":
                out[name.name.rstrip("_")] = _read_all(got, seen)
        for key, item in getattr(value, "additional_properties", {}).items():
            out[key] = _read_all(item, seen)
        return out
    return value


def test_generated_client_reads_every_field_of_extract(generated, app):
    from tally_api_client.api.extract import extract
    from tally_api_client.models import ExtractRequest
    with _client(generated, app) as client:
        result = extract.sync(client=client, body=ExtractRequest(text=ARTICLE, published="2024-08-12", id="seed"))
    raw = app.test_client().post("/v1/extract", json={"text": ARTICLE, "published": "2024-08-12", "id": "seed"})
    expected = raw.get_json()
    seen: list = []
    read = _read_all(result, seen)
    expected["meta"].pop("elapsed_ms"), read["meta"].pop("elapsed_ms")
    assert read == expected
    dated = [c for c in result.casualties if c.date is not None]
    assert dated and all(c.date.value for c in dated)  # a nullable date reads as its model, never as an empty one
    assert any(c.count.min_ is None for c in result.casualties)  # a null bound reads as None
    assert {"casualties", "count", "date", "summary", "meta", "quantities", "dates"} <= set(seen)


def test_generated_client_reads_batch_and_events(generated, app):
    from tally_api_client.api.extract import events, extract_batch
    from tally_api_client.models import BatchRequest, EventsRequest
    with _client(generated, app) as client:
        batch = extract_batch.sync(client=client, body=BatchRequest.from_dict({"documents": DOCUMENTS}))
        grouped = events.sync(client=client, body=EventsRequest.from_dict({"documents": DOCUMENTS}))
    assert [r.id for r in batch.results] == ["a", "b"] and [e.index for e in batch.errors] == [2]
    assert sorted(d for e in grouped.events for d in e.documents) == ["a", "b"]
    seen: list = []
    _read_all(batch, seen), _read_all(grouped, seen)
    assert {"results", "errors", "events", "series", "summary"} <= set(seen)


def test_datamodel_codegen_models_validate_real_responses(spec_path, app):
    folder = spec_path.parent
    _run(str(BIN / "datamodel-codegen"), "--input", str(spec_path), "--input-file-type", "openapi",
         "--output", str(folder / "tally_models.py"), "--output-model-type", "pydantic_v2.BaseModel", cwd=folder)
    sys.path.insert(0, str(folder))
    try:
        models = importlib.import_module("tally_models")
    finally:
        sys.path.remove(str(folder))
    client = app.test_client()
    one = client.post("/v1/extract", json={"text": ARTICLE, "published": "2024-08-12"}).get_json()
    models.ExtractResponse.model_validate(one)
    nulls = [c for c in one["casualties"] if c["date"] is None or c["count"]["min"] is None]
    assert nulls  # the null fields other models rejected are in this answer
    models.BatchResponse.model_validate(client.post("/v1/extract/batch", json={"documents": DOCUMENTS}).get_json())
    models.EventsResponse.model_validate(client.post("/v1/events", json={"documents": DOCUMENTS}).get_json())
    problem = client.post("/v1/extract", json={"txt": 1})
    models.Problem.model_validate(problem.get_json())
