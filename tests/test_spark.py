"""The Spark job on local Spark (local[2], loopback): its tables equal `tally batch`'s output row for row, every
input row lands in exactly one of summaries or errors, a re-run replaces its partitions, a deadline is a row."""
import json
import shutil
import subprocess
import sys

import pytest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("needs a Java runtime (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

import pyarrow.parquet as pq  # noqa: E402

from service import spark as job  # noqa: E402
from service import tables  # noqa: E402

PLACES = ["Riverton", "Lake Hollis", "Port Amery", "Bellmoor", "North Cade"]
SHAPES = [
    "{n} people were killed and {m} wounded when gunmen opened fire in {place} on Saturday, police said.",
    "A man was shot dead in {place} late Tuesday. Officers said {m} others were taken to hospital.",
    "Police arrested {n} suspects after a robbery in {place}. No one was hurt.",
    "Floods in {place} have displaced about {n},000 residents; the death toll rose to {m} on Monday.",
    "At least {n} miners are missing after a collapse near {place}, officials said Thursday.",
]


def _articles():
    rows = []
    for i in range(30):
        text = SHAPES[i % len(SHAPES)].format(n=2 + i % 7, m=1 + i % 4, place=PLACES[i % len(PLACES)])
        rows.append({"id": f"a{i:02d}", "text": text, "published": f"2024-0{1 + i % 3}-{10 + i % 9}"})
    rows.append({"id": "undated", "text": "Three people died in a fire."})
    rows.append({"id": "no-text", "text": None, "published": "2024-02-01"})
    rows.append({"id": "bad-date", "text": "Two died.", "published": "yesterday"})
    return rows


@pytest.fixture(scope="module")
def spark():
    session = job.session("local[2]", app_name="tally-test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    path = tmp_path_factory.mktemp("in") / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _articles()), encoding="utf-8")
    return path


def _batch(path):
    out = subprocess.run([sys.executable, "-m", "service.cli", "batch", str(path), "--quiet"], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def _table(folder, name):
    return pq.read_table(str(folder / name)).to_pylist()


def _key(row):
    return json.dumps({k: v for k, v in row.items() if k != job.PARTITION}, sort_keys=True, default=str)


def test_tables_equal_tally_batch(spark, articles, tmp_path):
    counts = job.run(spark, str(articles), str(tmp_path), partitions=3)
    responses = _batch(articles)
    good = [r for r in responses if "error" not in r]
    assert counts == {"facts": sum(len(r["casualties"]) for r in good), "summaries": len(good), "errors": 2}
    expected_facts = [row for r in good for row in tables.fact_rows(r)]
    assert sorted(map(_key, _table(tmp_path, "facts"))) == sorted(map(_key, expected_facts))
    assert sorted(map(_key, _table(tmp_path, "summaries"))) == sorted(_key(tables.summary_row(r)) for r in good)
    errors = {(e["document_id"], e["reason"]) for e in _table(tmp_path, "errors")}
    assert errors == {("no-text", "invalid_fields"), ("bad-date", "invalid_fields")}
    # every input row in exactly one of summaries or errors
    read = [s["document_id"] for s in _table(tmp_path, "summaries")] + [e[0] for e in errors]
    assert sorted(read) == sorted(r["id"] for r in _articles())
    months = {p.name for p in (tmp_path / "summaries").iterdir() if p.name.startswith(job.PARTITION)}
    assert months == {"published_month=2024-01", "published_month=2024-02", "published_month=2024-03",
                      "published_month=unknown"}

    again = job.run(spark, str(articles), str(tmp_path), partitions=2)  # a re-run replaces, never appends
    assert again == counts and len(_table(tmp_path, "facts")) == counts["facts"]


def test_a_row_past_its_deadline_is_an_error_row(spark, articles, tmp_path):
    counts = job.run(spark, str(articles), str(tmp_path), deadline=1e-9, partitions=2)
    assert counts["summaries"] == 0 and counts["facts"] == 0
    reasons = {e["reason"] for e in _table(tmp_path, "errors")}
    assert reasons == {"deadline_exceeded", "invalid_fields"}


def test_parquet_input_with_other_column_names(spark, articles, tmp_path):
    frame = spark.read.json(str(articles)).withColumnRenamed("text", "body").withColumnRenamed("id", "doc")
    frame.write.parquet(str(tmp_path / "in.parquet"))
    counts = job.run(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out"), id_col="doc", text_col="body")
    assert counts["summaries"] == 31 and counts["errors"] == 2


def test_table_types_come_from_the_response_schemas():
    from pyspark.sql import types as T
    kinds = dict(job.output_columns())
    assert kinds["value"] == T.LongType() and kinds["negated"] == T.BooleanType()
    assert kinds["killed_facts"] == T.ArrayType(T.StringType()) and kinds["event_date"] == T.StringType()
