"""The ``tally`` command: ``extract`` one article, ``batch`` a JSONL stream, ``serve`` the HTTP API."""
from __future__ import annotations

import argparse
import json
import sys

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
    result = response_schema.dump(extract(doc["text"], published=doc["published"], doc_id=doc["id"]))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0


def _batch_line(line: str, request_schema, response_schema, max_chars: int) -> dict:
    from .engine import extract
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": {"reason": "malformed_json", "detail": f"Line is not JSON: {exc.msg}."}}
    doc_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    if not isinstance(raw, dict):
        return {"id": doc_id, "error": {"reason": "invalid_fields", "detail": "A line must be a JSON object."}}
    try:
        doc = request_schema.load(raw)
    except ValidationError as exc:
        return {"id": doc_id, "error": {"reason": "invalid_fields", "detail": "Some fields are invalid.",
                                        "errors": exc.messages}}
    if len(doc["text"]) > max_chars:
        return {"id": doc_id, "error": {"reason": "text_too_long",
                                        "detail": f"text has {len(doc['text'])} characters; the limit is {max_chars}."}}
    try:
        return response_schema.dump(extract(doc["text"], published=doc["published"], doc_id=doc["id"]))
    except Exception as exc:  # one document's failure is reported on its line; the batch goes on
        print(f"tally batch: internal error on document {doc_id!r}: {type(exc).__name__}", file=sys.stderr)
        return {"id": doc_id, "error": {"reason": "internal_error", "detail": "The engine failed on this document."}}


def cmd_batch(args) -> int:
    from .config import from_environment
    request_schema, response_schema = _schemas()
    max_chars = from_environment()["MAX_TEXT_CHARS"]
    src = sys.stdin if args.input in (None, "-") else open(args.input, encoding="utf-8")
    dst = sys.stdout if args.output in (None, "-") else open(args.output, "w", encoding="utf-8")
    done = failed = 0
    try:
        for line_no, line in enumerate(src, 1):
            if not line.strip():
                continue
            out = _batch_line(line, request_schema, response_schema, max_chars)
            if "error" in out:
                out["line"] = line_no
                failed += 1
            done += 1
            dst.write(json.dumps(out, ensure_ascii=False) + "\n")
    finally:
        if dst is not sys.stdout:
            dst.close()
        if src is not sys.stdin:
            src.close()
    print(f"tally batch: {done} documents, {failed} errors", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from .server import run
    overrides = {k: v for k, v in {"HOST": args.host, "PORT": args.port, "WORKERS": args.workers}.items()
                 if v is not None}
    run(overrides)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tally", description="Casualty facts, dates and figures from article text.")
    ap.add_argument("--version", action="version", version=f"tally {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="read one article and print the response JSON")
    p.add_argument("file", nargs="?", help="a text file, or - for standard input (default)")
    p.add_argument("--published", help="publication date, YYYY-MM-DD")
    p.add_argument("--id", help="an id to echo")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("batch", help="read JSONL requests, write one JSON response per line")
    p.add_argument("input", nargs="?", help="JSONL file of {id, text, published}, or - (default)")
    p.add_argument("-o", "--output", help="output file (default standard output)")
    p.set_defaults(func=cmd_batch)
    p = sub.add_parser("serve", help="start the HTTP API (gunicorn)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int)
    p.set_defaults(func=cmd_serve)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
