"""List the project's own examples that share a stretch of text with the development or check data.

    python scripts/examples_unseen.py [--window 45]

The corpora under tests/corpus, the rules' examples and near misses in service/engine/lexicon and the texts
the tests and benchmarks write (their string literals) must be
written by the project, never copied from ../shared (whose articles are not redistributable and whose check
sets must stay unread). This prints every example string that holds a stretch of ``--window`` characters
(white space and the rules' brackets aside) found in a development article; the check sets are compressed
and are not read. Not part of the test run: the tests never need ../shared.
"""
import argparse
import ast
import glob
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STEP = 5


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _examples(node):
    """The examples, near misses and docs of a lexicon's rules (its word lists are the language, not examples)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("examples", "near_misses", "doc"):
                yield from _strings(v)
            else:
                yield from _examples(v)
    elif isinstance(node, list):
        for v in node:
            yield from _examples(v)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("[", "").replace("]", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--window", type=int, default=45)
    args = ap.parse_args()
    texts = []
    for path in sorted(glob.glob(str(SHARED / "data" / "*.jsonl")) + glob.glob(str(SHARED / "gold" / "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line).get("text") or "" for line in f if line.strip()]
    shared = _flat("\n".join(texts))
    files = sorted(glob.glob(str(ROOT / "tests" / "corpus" / "*.yaml")) +
                   glob.glob(str(ROOT / "service" / "engine" / "lexicon" / "*.yaml")))
    found = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        for s in (_examples(data) if "lexicon" in path else _strings(data)):
            flat, w = _flat(s), args.window
            if len(flat) >= w and any(flat[k:k + w] in shared for k in range(0, len(flat) - w + 1, STEP)):
                found += 1
                print(f"{Path(path).relative_to(ROOT)}\t{s!r}")
    for path in sorted(glob.glob(str(ROOT / "tests" / "*.py")) + glob.glob(str(ROOT / "benchmarks" / "*.py"))):
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                flat, w = _flat(node.value), args.window
                if len(flat) >= w and any(flat[k:k + w] in shared for k in range(0, len(flat) - w + 1, STEP)):
                    found += 1
                    print(f"{Path(path).relative_to(ROOT)}\t{node.value!r}")
    print(f"{found} example strings share a {args.window}-character stretch with ../shared")


if __name__ == "__main__":
    main()
