"""The development set a benchmark reads: ../shared/data/gva-dev.jsonl beside the project, or a path."""
import argparse
import json
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva-dev.jsonl"


def rows_from_args(description: str) -> list[dict]:
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    args = ap.parse_args()
    with open(args.path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:args.limit] if args.limit else rows
