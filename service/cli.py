"""The ``tally`` command: ``extract`` one article, ``batch`` a JSONL stream, ``serve`` the HTTP API."""
from __future__ import annotations

import argparse
import functools
import json
import sys
import time

from marshmallow import ValidationError

from . import __version__


def _schemas():
    from schemas import ExtractRequestSchema, ExtractResponseSchema
    return ExtractRequestSchema(), ExtractResponseSchema()


def cmd_extract(args) -> int:
    from .engine import extract
    request_schema, response_schema = _schemas()
    text = sys.stdin.read() if args.file in (None, "-") else open(args.file, encoding="utf-8").read()
    try:
        doc = request_schema.load({"text": text, "published": args.published, "id": args.id})
    except ValidationError as exc:
        print(json.dumps({"error": "invalid_fields", "errors": exc.messages}), file=sys.stderr)
        return 2
    options = dict(published=doc["published"], doc_id=doc["id"], categories=doc["categories"],
                   offsets=doc["offsets"])
    if args.explain:  # the response, and the candidate counts the casualty layer's vetoes dropped
        from .engine import explain
        explained = explain(doc["text"], **options)
        result = {"response": response_schema.dump(explained["response"]), "vetoes": explained["vetoes"]}
    else:
        result = response_schema.dump(extract(doc["text"], **options))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0


def _batch_line(line: str, max_chars: int) -> dict:
    from .documents import read_document
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": {"reason": "malformed_json", "detail": f"Line is not JSON: {exc.msg}."}}
    except (RecursionError, ValueError) as exc:  # nested too deep, or an integer of too many digits
        return {"error": {"reason": "malformed_json", "detail": f"Line is JSON Python cannot hold "
                                                                f"({type(exc).__name__})."}}
    if not isinstance(raw, dict):
        return {"id": None, "error": {"reason": "invalid_fields", "detail": "A line must be a JSON object."}}
    return read_document(raw, max_chars)


@functools.lru_cache(maxsize=1)
def _max_chars() -> int:
    from .config import from_environment
    return from_environment()["MAX_TEXT_CHARS"]


def _process(item: tuple[int, str]) -> tuple[int, dict]:
    line_no, line = item
    out = _batch_line(line, _max_chars())
    if "error" in out:
        out["line"] = line_no
    return line_no, out


class Progress:
    """Progress on stderr: a bar when stderr is a terminal, otherwise a line every 10 seconds."""

    def __init__(self, total: int | None, enabled: bool = True):
        self.total, self.done, self.failed = total, 0, 0
        self.started = self.last = time.monotonic()
        self.bar = None
        self.enabled = enabled
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.bar is not None:
            self.bar.update(1)
        elif self.enabled and time.monotonic() - self.last >= 10:
            self.last = time.monotonic()
            of = f"/{self.total}" if self.total else ""
            print(f"tally batch: {self.done}{of} documents, {self.failed} errors, "
                  f"{self.done / (self.last - self.started):.1f} docs/s", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        if not self.enabled:  # --quiet: nothing on standard error
            return
        elapsed = max(time.monotonic() - self.started, 1e-9)
        print(f"tally batch: {self.done} documents, {self.failed} errors, {elapsed:.1f} s, "
              f"{self.done / elapsed:.1f} docs/s", file=sys.stderr)


def _open_input(path):
    return sys.stdin if path in (None, "-") else open(path, encoding="utf-8")


def _read_lines(src, workers: int):
    """(line number, response or error) for each non-empty line of ``src``, in input order."""
    items = ((n, line) for n, line in enumerate(src, 1) if line.strip())
    if workers <= 1:
        yield from map(_process, items)
        return
    import multiprocessing
    from .engine import warm_up
    warm_up()  # before the fork: every worker starts with the lexicons compiled and quantulum3 loaded
    _max_chars()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_process, items, chunksize=4)  # imap keeps the input order


def cmd_batch(args) -> int:
    from .export import CsvWriter, summary_ndjson
    src = _open_input(args.input)
    dst = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8", newline="")
    total = None
    if src is not sys.stdin:
        total = sum(1 for line in src if line.strip())
        src.seek(0)
    csv_writer = CsvWriter(dst, args.feed, hxl=args.hxl) if args.format == "csv" else None
    progress = Progress(total, enabled=not args.quiet)
    try:
        for _, out in _read_lines(src, args.workers):
            failed = "error" in out
            if csv_writer is not None:
                csv_writer.write(out)  # a failed line is a row with its error
            elif args.feed == "summary":
                dst.write(summary_ndjson([out]))
            else:
                dst.write(json.dumps(out, ensure_ascii=False) + "\n")
            progress.update(failed)
    finally:
        progress.close()
        if dst is not sys.stdout:
            dst.close()
        if src is not sys.stdin:
            src.close()
    return 1 if args.fail_on_error and progress.failed else 0


def cmd_events(args) -> int:
    """Read every article, then group them into events: one JSON line per event; a line that cannot be read is
    an error line, as in ``tally batch``, and belongs to no event."""
    from .engine.events import build_events
    src = _open_input(args.input)
    try:
        lines = src.readlines()
    finally:
        if src is not sys.stdin:
            src.close()
    items, errors, seen = [], [], set()
    for line_no, out in _read_lines(lines, args.workers):
        if "error" not in out and (out["id"] is None or out["id"] in seen):
            out = {"id": out["id"], "error": {"reason": "invalid_fields",
                                              "detail": "An article needs an id of its own to be grouped."}}
        if "error" in out:
            errors.append(dict(out, line=line_no))
            continue
        seen.add(out["id"])
        items.append((out["id"], json.loads(lines[line_no - 1])["text"], out))
    dst = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
    try:
        for event in build_events(items):
            dst.write(json.dumps(event, ensure_ascii=False) + "\n")
        for error in errors:
            dst.write(json.dumps(error, ensure_ascii=False) + "\n")
    finally:
        if dst is not sys.stdout:
            dst.close()
    if not args.quiet:
        print(f"tally events: {len(items)} articles, {len(errors)} errors", file=sys.stderr)
    return 1 if args.fail_on_error and errors else 0


def cmd_spark(args) -> int:
    from .spark import run_from_args
    return run_from_args(args)


def cmd_serve(args) -> int:
    import os
    import tempfile
    # before prometheus_client is imported anywhere: each worker writes its samples to this directory and
    # /metrics sums them (see service/metrics.py); a fresh directory per server start
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="tally-metrics-")
    from .server import run
    overrides = {k: v for k, v in {"HOST": args.host, "PORT": args.port, "WORKERS": args.workers}.items()
                 if v is not None}
    run(overrides)
    return 0


def _unreadable(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"the input is not UTF-8 text (byte {exc.start}); give a JSONL or text file"
    where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
    return f"{where}{exc.strerror or exc}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tally", description="Casualty facts, dates and figures from article text.")
    ap.add_argument("--version", action="version", version=f"tally {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read one article and print the response JSON")
    p.add_argument("file", nargs="?", help="a text file, or - for standard input (default)")
    p.add_argument("--published", help="publication date, YYYY-MM-DD")
    p.add_argument("--id", help="an id to echo")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.add_argument("--explain", action="store_true",
                   help="also list the candidate counts a veto dropped, and why: {response, vetoes}")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("batch", help="read JSONL requests, write one JSON response per line")
    p.add_argument("input", nargs="?", help="JSONL file of {id, text, published}, or - (default)")
    p.add_argument("-o", "--output", help="output file (default standard output)")
    p.add_argument("--format", choices=("ndjson", "csv"), default="ndjson",
                   help="ndjson: one response per line (default); csv: one row per casualty fact")
    p.add_argument("--feed", choices=("facts", "summary"), default="facts",
                   help="with --format csv, or for summary lines: facts (one row per fact) or summary (one row per "
                        "document and category, whose sums are the articles' figures)")
    p.add_argument("--hxl", action="store_true", help="with --format csv: add the HXL hashtag row")
    p.add_argument("--workers", type=int, default=1, help="processes to read with (output order is kept)")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    p.add_argument("--fail-on-error", action="store_true",
                   help="exit 1 when any line could not be read (each is an error line either way)")
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("events", help="group JSONL articles into events: one JSON line per event")
    p.add_argument("input", nargs="?", help="JSONL file of {id, text, published}, or - (default)")
    p.add_argument("-o", "--output", help="output file (default standard output)")
    p.add_argument("--workers", type=int, default=1, help="processes to read the articles with")
    p.add_argument("--quiet", action="store_true", help="no summary line on standard error")
    p.add_argument("--fail-on-error", action="store_true", help="exit 1 when any line could not be read")
    p.set_defaults(func=cmd_events)
    p = sub.add_parser("spark", help="back-fill an archive on Spark: JSONL or Parquet in, Parquet tables out")
    from .spark import add_arguments
    add_arguments(p)
    p.set_defaults(func=cmd_spark)
    p = sub.add_parser("serve", help="start the HTTP API (gunicorn)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int)
    p.set_defaults(func=cmd_serve)
    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # the reader went away (`tally batch ... | head`): stop quietly
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, UnicodeDecodeError) as exc:  # a file that is missing, a folder, unreadable, or not text
        print(f"tally {args.command}: {_unreadable(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
