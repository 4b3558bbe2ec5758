"""Study: the learned figure selector on articles it was not trained on -- ``tally batch`` with each category's
summary figure replaced by the model's pick, for ``../shared/eval/run.py`` to score (the check sets included,
whose figures alone it prints).

    python scripts/study_figure_selector.py --save-weights /tmp/selector.json
    python ../shared/eval/run.py --cmd "python scripts/selector_batch.py /tmp/selector.json alone" gva-check

VARIANT is ``with policy`` or ``alone`` (see study_figure_selector.py). Reads JSONL requests on stdin and writes the
responses, as ``tally batch`` does.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from study_figure_selector import candidates, pick  # noqa: E402

CATEGORIES = ("killed", "injured", "arrested")


def reselect(response: dict, text: str, model: dict) -> dict:
    for category in CATEGORIES:
        value, features = pick(model, candidates(response, text, category))
        told = response["summary"].get(category)
        if features.get("none"):
            response["summary"].pop(category, None)
        elif not told or told["value"] != value:
            response["summary"][category] = dict(told or {"qualifier": "exact", "facts": []},
                                                 value=value, min=value, max=value)
    return response


def main() -> None:
    weights, variant = sys.argv[1], " ".join(sys.argv[2:])
    model = json.loads(Path(weights).read_text(encoding="utf-8"))[variant]
    requests = sys.stdin.read()
    texts = {r["id"]: r["text"] for r in (json.loads(line) for line in requests.split("\n") if line.strip())}
    tally = Path(sys.executable).with_name("tally")
    out = subprocess.run([str(tally), "batch"], input=requests, capture_output=True, text=True, check=True).stdout
    for line in out.split("\n"):  # (not splitlines: U+2028 sits in texts)
        if line.strip():
            response = json.loads(line)
            if "casualties" in response:
                response = reselect(response, texts[response["id"]], model)
            print(json.dumps(response, ensure_ascii=False))


if __name__ == "__main__":
    main()
