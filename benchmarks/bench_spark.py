"""Benchmark: the Spark job against `tally batch` in one process, on the same articles, in one run.

    python benchmarks/bench_spark.py [../shared/data/gva-dev.jsonl] [--limit N]

Prints articles per second for `tally batch` (one process), and for the Spark job at local[1] and local[2]
(whole job: session start excluded, reading, the engine, writing three Parquet tables), per executor core, and
Spark's fixed and per-article overhead; then checks that the job's fact rows equal `tally batch`'s, row for row.
"""
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

from devdata import rows_from_args
from service import spark as job
from service import tables


def _requests(rows, folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            published = (r.get("published") or r.get("date") or r.get("dct") or "")[:10] or None
            f.write(json.dumps({"id": str(r["id"]), "text": r["text"], "published": published}) + "\n")
    return path


def _key(row: dict) -> str:
    return json.dumps({k: v for k, v in row.items() if k != job.PARTITION}, sort_keys=True, default=str)


def main():
    rows = rows_from_args(__doc__)
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-spark-"))
    path = _requests(rows, folder)
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "service.cli", "batch", str(path), "--quiet"], capture_output=True,
                         text=True, check=True).stdout
    batch_s = time.perf_counter() - t
    responses = [json.loads(line) for line in out.splitlines()]
    print(f"{len(rows)} articles: tally batch, one process: {batch_s:.1f} s, {len(rows) / batch_s:.1f} articles/s")
    for cores in (1, 2):
        spark = job.session(f"local[{cores}]", app_name=f"tally-bench-{cores}")
        spark.range(1).count()  # the JVM and the session up
        t = time.perf_counter()
        counts = job.run(spark, str(path), str(folder / f"out{cores}"))
        spark_s = time.perf_counter() - t
        spark.stop()
        print(f"  spark local[{cores}]: {spark_s:.1f} s, {len(rows) / spark_s:.1f} articles/s, "
              f"{len(rows) / spark_s / cores:.1f} per executor core; {counts}")
    facts = pq.read_table(str(folder / "out2" / "facts")).to_pylist()
    expected = [row for r in responses if "error" not in r for row in tables.fact_rows(r)]
    same = sorted(map(_key, facts)) == sorted(map(_key, expected))
    print(f"  fact rows equal to tally batch's, row for row: {same} ({len(facts)} rows)")


if __name__ == "__main__":
    main()
