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
COLUMNS = ["document_id", "published", "fact_id", "category", "value", "min", "max", "qualifier", "status",
           "negated", "part_of", "cumulative", "in_summary", "victims", "event_date", "event_timex", "location",
           "source", "cause", "perpetrator", "text", "start", "end", "error_reason", "error_detail"]


def _csv(resp):
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))


def test_batch_csv_with_hxl(client):
    resp = client.post("/v1/extract/batch?format=csv&hxl=1", json={"documents": DOCS})
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.headers["X-Tally-Errors"] == "1"
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert rows[0][:len(COLUMNS)] == COLUMNS and rows[0][len(COLUMNS):][:2] == ["killed", "injured"]
    tags = dict(zip(rows[0], rows[1]))
    assert (tags["killed"], tags["arrested"], tags["affected"], tags["event_date"]) == \
        ("#affected+killed", "#affected+arrested", "#affected", "#date+occurred")
    facts = [dict(zip(rows[0], r)) for r in rows[2:]]
    assert [(f["document_id"], f["category"], f["value"], f["event_date"], f["error_reason"]) for f in facts] == \
        [("a", "killed", "93", "2024-08-10", ""), ("b", "", "", "", "invalid_fields"),
         ("c", "arrested", "2", "2024-08-09", "")]
    assert facts[0]["killed"] == "93" and facts[0]["arrested"] == "" and facts[2]["arrested"] == "2"


def test_fact_rows_carry_status_negation_breakdowns_and_the_summary_mark(client):
    text = ("Five people were killed, including two children, on Monday. Initial reports said eight people had "
            "been shot, but police later said six were shot. No one was arrested.")
    resp = client.post("/v1/extract/batch?format=csv", json={"documents": [{"id": "x", "text": text,
                                                                           "published": "2024-08-12"}]})
    facts = _csv(resp)
    by_text = {f["text"]: f for f in facts}
    assert by_text["two"]["part_of"] == by_text["Five"]["fact_id"] and by_text["two"]["in_summary"] == "false"
    assert by_text["eight"]["status"] == "superseded" and by_text["six"]["in_summary"] == "true"
    assert any(f["negated"] == "true" for f in facts)


def test_the_summary_feed_sums_to_the_articles_figures(client):
    docs = [{"id": "p", "text": "At least 12 people were killed in the blast on Monday. Twelve people died, and "
                                "among the dead were three children.", "published": "2024-08-12"},
            {"id": "q", "text": "Two people were killed and 14 injured when a bus crashed on Sunday.",
             "published": "2024-08-12"}, {"id": "r", "text": None}]
    results = client.post("/v1/extract/batch", json={"documents": docs}).get_json()["results"]
    rows = _csv(client.post("/v1/extract/batch?format=csv&feed=summary", json={"documents": docs}))
    killed = sum(int(r["value"]) for r in rows if r["category"] == "killed")
    assert killed == sum(r["summary"]["killed"]["value"] for r in results) == 14
    assert [(r["document_id"], r["error_reason"]) for r in rows if r["error_reason"]] == [("r", "invalid_fields")]
    lines = [json.loads(x) for x in client.post("/v1/extract/batch?format=ndjson&feed=summary",
                                               json={"documents": docs}).get_data(as_text=True).splitlines()]
    assert [(x["document_id"], x.get("category")) for x in lines] == [("p", "killed"), ("q", "killed"),
                                                                     ("q", "injured"), ("r", None)]
    assert all(x["facts"] for x in lines if x.get("category"))


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
    assert [r[rows[0].index("killed")] for r in rows[2:]] == [str(i + 2) for i in range(30)]
    assert "30 documents, 0 errors" in run.stderr  # progress and totals go to standard error


def test_metrics_endpoint(client):
    client.post("/v1/extract", json=DOCS[0])
    client.get("/v1/nowhere")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'tally_facts_extracted_total{category="killed"}' in text
    assert 'tally_http_errors_total{reason="not_found",status="404"}' in text
    assert "tally_http_request_duration_seconds_bucket" in text
    assert f'tally_build_info{{rules_version="{RULES_VERSION}",version=' in text
    assert "tally_engine_seconds_count" in text and "tally_http_requests_in_flight" in text


def test_categories_are_declared_once_and_served_to_the_page(client):
    from schemas.responses import CasualtySchema
    from service.config import CATEGORIES
    from service.engine.lexicon import load
    declared = list(load("casualty_triggers")["categories"])
    assert list(CATEGORIES) == declared
    assert list(CasualtySchema().fields["category"].validate.choices) == declared
    served = client.get("/categories.json").get_json()["categories"]
    assert [c["name"] for c in served] == declared and all(c["colour"].startswith("#") for c in served)
