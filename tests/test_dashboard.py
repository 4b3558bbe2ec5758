"""Feeds for dashboards: CSV (with HXL) and NDJSON from the batch endpoint and `tally batch`, stable fact
ids, version metadata, Prometheus metrics."""
import csv
import io
import json
import subprocess
import sys

from service.engine import RULES_VERSION

DOCS = [{"id": "a", "text": "At least 93 people died Saturday in Gaza City, officials said.", "published": "2024-08-12"},
        {"id": "b", "text": 7},
        {"id": "c", "text": "Police arrested two men on Friday.", "published": "2024-08-12"}]
COLUMNS = ["document_id", "published", "fact_id", "category", "value", "min", "max", "qualifier", "victims",
           "event_date", "location", "source", "cumulative", "text", "start", "end"]


def test_batch_csv_with_hxl(client):
    resp = client.post("/v1/extract/batch?format=csv&hxl=1", json={"documents": DOCS})
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.headers["X-Tally-Errors"] == "1"
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert rows[0] == COLUMNS
    assert rows[1][COLUMNS.index("value")] == "#affected+num" and rows[1][COLUMNS.index("event_date")] == "#date+occurred"
    facts = [dict(zip(COLUMNS, r)) for r in rows[2:]]
    assert [(f["document_id"], f["category"], f["value"], f["event_date"]) for f in facts] == \
        [("a", "killed", "93", "2024-08-10"), ("c", "arrested", "2", "2024-08-09")]


def test_batch_csv_by_accept_header(client):
    resp = client.post("/v1/extract/batch", json={"documents": DOCS}, headers={"Accept": "text/csv"})
    assert resp.mimetype == "text/csv" and resp.get_data(as_text=True).startswith("document_id,")


def test_batch_ndjson_keeps_order_and_reports_errors(client):
    resp = client.post("/v1/extract/batch", json={"documents": DOCS}, headers={"Accept": "application/x-ndjson"})
    assert resp.mimetype == "application/x-ndjson"
    lines = [json.loads(x) for x in resp.get_data(as_text=True).splitlines()]
    assert [x["index"] for x in lines] == [0, 1, 2]
    assert "error" in lines[1] and lines[1]["reason"] == "invalid_fields"


def test_unknown_format_is_422(client):
    assert client.post("/v1/extract/batch?format=xml", json={"documents": DOCS}).status_code == 422


def test_fact_ids_are_stable_and_distinct(client):
    one = client.post("/v1/extract", json=DOCS[0]).get_json()
    two = client.post("/v1/extract", json=DOCS[0]).get_json()
    other = client.post("/v1/extract", json={**DOCS[0], "id": "z"}).get_json()
    assert [f["id"] for f in one["casualties"]] == [f["id"] for f in two["casualties"]]
    assert one["casualties"][0]["id"] != other["casualties"][0]["id"]
    assert one["meta"]["rules_version"] == RULES_VERSION and one["meta"]["version"]


def test_cli_batch_csv_and_workers_keep_order(tmp_path):
    src = tmp_path / "in.jsonl"
    docs = [{"id": f"d{i}", "text": f"{i + 2} people were killed on Monday.", "published": "2024-08-12"}
            for i in range(30)]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs))
    run = subprocess.run([sys.executable, "-m", "service.cli", "batch", str(src), "--workers", "2",
                          "--format", "csv", "--hxl"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[1][0] == "#meta+id"
    assert [r[0] for r in rows[2:]] == [f"d{i}" for i in range(30)]
    assert [r[4] for r in rows[2:]] == [str(i + 2) for i in range(30)]
    assert "30 documents, 0 errors" in run.stderr  # progress and totals go to standard error


def test_metrics_endpoint(client):
    client.post("/v1/extract", json=DOCS[0])
    client.get("/v1/nowhere")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'tally_facts_extracted_total{category="killed"}' in text
    assert 'tally_http_errors_total{reason="not_found",status="404"}' in text
    assert "tally_http_request_duration_seconds_bucket" in text
