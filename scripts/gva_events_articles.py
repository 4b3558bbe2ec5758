"""Write the gva-events-dev articles that gva-dev does not hold as a per-article counts set, scored as gva-dev is.

    python scripts/gva_events_articles.py /tmp/gva-events-articles.jsonl
    python ../shared/eval/run.py --cmd "tally batch" /tmp/gva-events-articles.jsonl

gva-events-dev gives every report of an incident the incident's final GVA totals, as gva-dev does; the 1,425
reports outside gva-dev (by id or by opening) are more gun-violence news no rule was written from, readable where
the check sets are not. The set is written outside the repository: the articles are not redistributable.
"""
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OPENING = 200  # characters: a copy of a gva-dev article under another id opens the same way


def main(out: str) -> None:
    with open(SHARED / "gva-dev.jsonl", encoding="utf-8") as f:
        dev = [json.loads(line) for line in f]
    ids, openings = {d["id"] for d in dev}, {d["text"][:OPENING] for d in dev}
    kept = 0
    with open(SHARED / "gva-events-dev.jsonl", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids or row["text"][:OPENING] in openings:
                continue
            gold = {"killed": row["gold"]["killed"], "injured": row["gold"]["injured"]}
            w.write(json.dumps({"id": row["id"], "text": row["text"], "date": row["date"], "gold": gold}) + "\n")
            kept += 1
    print(f"{kept} articles -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
