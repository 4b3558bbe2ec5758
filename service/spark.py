"""Archive back-fills on Spark: read JSONL or Parquet articles, run the engine on every row, write Parquet.

    tally spark articles.jsonl -o out/                        # local mode, every core
    spark-submit --master yarn scripts/tally_spark.py s3://bucket/articles/ -o s3://bucket/tally/

Three tables under the output folder, each partitioned by publication month (``published_month=2024-08``,
``unknown`` without a date): ``facts`` (one row per casualty fact), ``summaries`` (one row per article read)
and ``errors`` (one row per article that could not be read). Every input row lands in exactly one of
summaries or errors. A re-run over the same input replaces the partitions it writes and leaves the others.

The engine runs in ``mapInPandas``: it is imported and warmed once per Python worker (worker reuse is on), and
each row is read as ``tally batch`` reads a line (``service/documents.py``), so the rows equal its output. The
tables' column types come from the marshmallow response schemas (``service/tables.py``).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Iterator

from marshmallow import fields

from . import tables

TABLES = {"facts": tables.FACT_COLUMNS, "summaries": tables.SUMMARY_COLUMNS, "errors": tables.ERROR_COLUMNS}
PARTITION = "published_month"
_MONTH_RE = re.compile(r"\d{4}-\d{2}")
_worker: dict = {}  # per Python worker: the text limit, read once (the engine is warmed then)


# ------------------------------------------------------------------------------------- types from the schemas
def spark_type(field: fields.Field):
    """The Spark SQL type of a marshmallow field."""
    from pyspark.sql import types as T
    if isinstance(field, fields.Boolean):
        return T.BooleanType()
    if isinstance(field, fields.Integer):
        return T.LongType()
    if isinstance(field, (fields.Float, fields.Decimal)):
        return T.DoubleType()
    if isinstance(field, fields.List):
        return T.ArrayType(spark_type(field.inner))
    if isinstance(field, fields.String):
        return T.StringType()
    raise TypeError(f"no Spark type for {type(field).__name__}")


def output_columns() -> list[tuple[str, object]]:
    """The columns of the one frame the workers return: ``table``, every table's columns, the partition."""
    from pyspark.sql import types as T
    columns = {"table": T.StringType()}
    for table_columns in TABLES.values():
        for column in table_columns:
            kind = spark_type(column.marshmallow_field)
            if columns.setdefault(column.name, kind) != kind:
                raise TypeError(f"column {column.name} has two types")
    columns[PARTITION] = T.StringType()
    return list(columns.items())


def output_schema():
    from pyspark.sql import types as T
    return T.StructType([T.StructField(name, kind, nullable=True) for name, kind in output_columns()])


# ------------------------------------------------------------------------------------- on the workers
def _month(published) -> str:
    text = str(published or "")[:7]
    return text if _MONTH_RE.fullmatch(text) else "unknown"


def rows_of(raw: dict, deadline: float | None) -> list[dict]:
    """The output rows of one input row: its facts and its summary, or its error."""
    from .documents import read_document
    if not _worker:  # once per Python worker: the engine warmed, the limit read
        from .config import from_environment
        from .engine import warm_up
        warm_up()
        _worker["max_chars"] = from_environment()["MAX_TEXT_CHARS"]
    out = read_document(raw, _worker["max_chars"], timeout=deadline)
    if "error" in out:
        row = tables.error_row(raw.get("id"), raw.get("published"), out["error"]["reason"], out["error"]["detail"])
        return [dict(row, table="errors", **{PARTITION: _month(raw.get("published"))})]
    month = _month(out["published"])
    rows = [dict(r, table="facts", **{PARTITION: month}) for r in tables.fact_rows(out)]
    rows.append(dict(tables.summary_row(out), table="summaries", **{PARTITION: month}))
    return rows


def _pandas_dtypes(columns) -> dict:
    """Explicit pandas dtypes, so that a column of nulls stays a column of its own type for Arrow."""
    from pyspark.sql import types as T
    kinds = {T.LongType: "Int64", T.BooleanType: "boolean", T.DoubleType: "float64"}
    return {name: kinds.get(type(kind), "object") for name, kind in columns}


def extract_batches(batches: Iterator, deadline: float | None) -> Iterator:
    """``mapInPandas``' function: frames of input rows (id, text, published) in, frames of output rows out."""
    import pandas as pd
    columns = output_columns()
    names, dtypes = [name for name, _ in columns], _pandas_dtypes(columns)
    for frame in batches:
        rows = []
        for raw in frame.to_dict("records"):
            request = {k: (None if v is None or v != v else v) for k, v in raw.items()}  # NaN -> None
            request = {k: v for k, v in request.items() if not (k == "published" and v is None)}
            rows.extend(rows_of(request, deadline))
        # every cell given (a missing one would be NaN, which no array or string column holds)
        out = pd.DataFrame({name: pd.Series([row.get(name) for row in rows], dtype="object") for name in names})
        yield out.astype(dtypes)


# ------------------------------------------------------------------------------------- the driver
def session(master: str | None, app_name: str = "tally"):
    """A Spark session: the master given, or spark-submit's, or every local core; loopback in local mode."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master is None and not under_submit:
        master = "local[*]"
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # an unresolvable hostname kills the gateway
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in {"spark.python.worker.reuse": "true", "spark.ui.enabled": "false",
                       "spark.ui.showConsoleProgress": "false",
                       "spark.sql.sources.partitionOverwriteMode": "dynamic",
                       "spark.sql.shuffle.partitions": "8",
                       "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def read_input(spark, path: str, fmt: str | None, id_col: str, text_col: str, published_col: str):
    """The input as columns id, text, published (strings; a missing column is null)."""
    from pyspark.sql import functions as F
    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    frame = spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)
    def column(name, alias):
        return (F.col(name).cast("string") if name in frame.columns else F.lit(None).cast("string")).alias(alias)
    return frame.select(column(id_col, "id"), column(text_col, "text"), column(published_col, "published"))


def run(spark, path: str, output: str, fmt: str | None = None, id_col: str = "id", text_col: str = "text",
        published_col: str = "published", deadline: float | None = 20.0, partitions: int | None = None) -> dict:
    """Read ``path``, write the three tables under ``output``; the number of rows of each table."""
    frame = read_input(spark, path, fmt, id_col, text_col, published_col)
    frame = frame.repartition(partitions or 2 * spark.sparkContext.defaultParallelism)  # a small file is one split
    rows = frame.mapInPandas(lambda batches: extract_batches(batches, deadline), schema=output_schema())
    rows = rows.persist()  # written as three tables: the engine runs once
    counts = {}
    try:
        for table, columns in TABLES.items():
            names = [c.name for c in columns] + [PARTITION]
            part = rows.where(rows.table == table).select(*names)
            part.write.mode("overwrite").partitionBy(PARTITION).parquet(os.path.join(output, table))
            counts[table] = part.count()
    finally:
        rows.unpersist()
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tally spark", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    return run_from_args(ap.parse_args(argv))


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("input", help="JSONL or Parquet: a file, a folder or a glob, local or on object storage")
    ap.add_argument("-o", "--output", required=True, help="folder for the facts, summaries and errors tables")
    ap.add_argument("--format", choices=("jsonl", "parquet"), help="default: parquet for *.parquet, else JSONL")
    ap.add_argument("--id-column", default="id")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--published-column", default="published")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--deadline", type=float, default=20.0, help="seconds per article; past it, an error row")
    ap.add_argument("--partitions", type=int, help="input partitions (default: twice the cores)")


def run_from_args(args) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("tally spark: pyspark is not installed; pip install 'tally[spark]'", file=sys.stderr)
        return 2
    spark = session(args.master)
    try:
        fmt = {"jsonl": "json", "parquet": "parquet"}.get(args.format)
        counts = run(spark, args.input, args.output, fmt, args.id_column, args.text_column, args.published_column,
                     args.deadline, args.partitions)
    finally:
        spark.stop()
    print(f"tally spark: {counts['summaries']} articles read, {counts['errors']} errors, {counts['facts']} facts "
          f"-> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
