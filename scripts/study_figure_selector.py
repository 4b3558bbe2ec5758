"""Study: can a learned choice of the article's figure beat the hand-written summary policy?

    python scripts/study_figure_selector.py [--folds 5]

For each document and category of the count sets in ../shared/data (gva-dev, isaf-dev, wikimpacts-dev,
news-dev), the candidates are the distinct values of the article's facts of that category, the policy's own
figure (which may be derived: those shot less those killed), and "none". A logistic regression over what a reader
weighs (the title, the first paragraph, mentions, running total, qualifier, link rule, breakdown, negation,
status, an old date, magnitude among the candidates) scores each candidate; the best one is the pick. K-fold
cross-validation by document, two models:

- ``with policy``: the policy's pick is a feature (so the model may learn when to override it);
- ``alone``: the policy's pick is only a candidate among others (a selector that stands on its own).

Prints, per set and category, the share of documents whose figure lies in the gold range: the policy's, and each
model's, on held-out documents. Standard library and numpy. ``--save-weights FILE`` also fits both models on every
dev document and writes their weights, for ``scripts/selector_batch.py`` to score the check sets with.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from service.engine import extract, warm_up  # noqa: E402
from service.engine.casualties import LINK_RULES  # noqa: E402
from train_event_linker import fit_logistic  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SETS = ("gva-dev", "isaf-dev", "wikimpacts-dev", "news-dev")
GOLD_CATEGORY = {"killed": "killed", "killed_min": "killed", "deaths": "killed", "injured": "injured",
                 "injuries": "injured", "captured_min": "arrested", "arrested": "arrested", "displaced": "displaced",
                 "homeless": "homeless", "affected": "affected", "missing": "missing", "kidnapped": "kidnapped"}
QUALIFIERS = ("exact", "about", "at_least", "more_than", "approaching", "range", "vague", "implicit")
RULES = tuple(LINK_RULES)  # the kinds of link: subject, object, noun, toll


def gold_range(g) -> tuple | None:
    if isinstance(g, dict):
        lo, hi = g.get("min"), g.get("max")
        lo, hi = (hi if lo is None else lo), (lo if hi is None else hi)
        return None if lo is None else (lo, hi)
    return None if g is None else (g, g)


def _old(facts, published) -> bool:
    for f in facts:
        value = (f["date"] or {}).get("value") or ""
        if published and len(value) >= 10 and value[:4].isdigit():
            try:
                if (dt.date.fromisoformat(published) - dt.date.fromisoformat(value[:10])).days > 30:
                    return True
            except ValueError:
                continue
    return False


def candidates(response: dict, text: str, category: str) -> list[tuple[int, dict]]:
    """(value, features) of each candidate figure, "none" last (value 0)."""
    facts = [f for f in response["casualties"] if f["category"] == category]
    policy = response["summary"].get(category)
    by_value: dict[int, list] = defaultdict(list)
    for f in facts:
        by_value[f["count"]["value"]].append(f)
    if policy:
        by_value.setdefault(policy["value"], [])
    values, n, first_fact = sorted(by_value), len(text) or 1, min((f["start"] for f in facts), default=None)
    out = []
    for value, fs in by_value.items():
        start = min((f["start"] for f in fs), default=n)
        x = {"candidate": 1.0, "policy": float(bool(policy) and policy["value"] == value),
             "mentions": math.log1p(len(fs)), "derived": float(not fs), "position": start / n,
             "title": float(any(f["sentence_start"] == 0 for f in fs)),
             "first_paragraph": float("\n\n" not in text[:start]), "first_fact": float(start == first_fact),
             "running": float(any(f["cumulative"] for f in fs)),
             "negated": float(bool(fs) and all(f["negated"] for f in fs)),
             "not_reported": float(bool(fs) and all(f["status"] != "reported" for f in fs)),
             "breakdown": float(bool(fs) and all(f["part_of"] for f in fs)),
             "largest": float(value == values[-1]), "smallest": float(len(values) > 1 and value == values[0]),
             "log_value": math.log1p(value), "old_date": float(_old(fs, response.get("published")))}
        x.update({f"q_{q}": float(any(f["count"]["qualifier"] == q for f in fs)) for q in QUALIFIERS})
        x.update({f"r_{r}": float(any(f["rule"] in LINK_RULES[r] for f in fs)) for r in RULES})
        out.append((value, x))
    out.append((0, {"none": 1.0, "policy": float(not policy)}))
    return out


def load_cases() -> list[tuple]:
    warm_up()
    cases = []
    for name in SETS:
        with open(DATA / f"{name}.jsonl", encoding="utf-8") as f:
            docs = [json.loads(line) for line in f if line.strip()]  # (not splitlines: U+2028 sits in texts)
        for doc in docs:
            published = (doc.get("date") or doc.get("dct") or "")[:10]
            published = published if len(published) == 10 else None  # a partial date anchors nothing
            response = extract(doc["text"], published=published, doc_id=doc["id"])
            for field, g in (doc.get("gold") or {}).items():
                category, bounds = GOLD_CATEGORY.get(field), gold_range(g)
                if category and bounds:
                    cases.append((name, doc["id"], category, bounds, candidates(response, doc["text"], category)))
    return cases


def cross_validate(cases, names, use_policy: bool, folds: int) -> dict:
    docs = sorted({(c[0], c[1]) for c in cases})
    random.Random(7).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    right: dict = defaultdict(int)
    keys = [k for k in names if use_policy or k != "policy"]
    for k in range(folds):
        w, b = fit_logistic(*training_rows([c for c in cases if fold[(c[0], c[1])] != k], keys))
        model = {"features": keys, "weights": list(w), "bias": b}
        for name, doc, category, (lo, hi), cands in cases:
            if fold[(name, doc)] == k:
                right[(name, category)] += lo <= pick(model, cands)[0] <= hi
    return right


def training_rows(cases, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """One row a candidate, of the documents where some candidate is right and some is not."""
    xs, ys = [], []
    for _, _, _, (lo, hi), cands in cases:
        labels = [lo <= v <= hi for v, _ in cands]
        if any(labels) and not all(labels):
            xs += [[x.get(k, 0.0) for k in names] for _, x in cands]
            ys += [float(label) for label in labels]
    return np.array(xs), np.array(ys)


def save_weights(cases, names: list[str], path: str) -> None:
    models = {}
    for variant, keys in (("with policy", names), ("alone", [k for k in names if k != "policy"])):
        w, b = fit_logistic(*training_rows(cases, keys))
        models[variant] = {"features": keys, "weights": [float(v) for v in w], "bias": b}
    Path(path).write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")


def pick(model: dict, cands: list[tuple[int, dict]]) -> tuple[int, dict]:
    """The candidate the model scores highest."""
    def score(x):
        return sum(w * x.get(k, 0.0) for k, w in zip(model["features"], model["weights"])) + model["bias"]
    return max(cands, key=lambda c: score(c[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--save-weights", metavar="FILE")
    args = ap.parse_args()
    cases = load_cases()
    names = sorted({k for c in cases for _, x in c[4] for k in x})
    if args.save_weights:
        save_weights(cases, names, args.save_weights)
    counts, policy = defaultdict(int), defaultdict(int)
    for name, _, category, (lo, hi), cands in cases:
        counts[(name, category)] += 1
        policy[(name, category)] += lo <= next(v for v, x in cands if x.get("policy")) <= hi
    with_policy = cross_validate(cases, names, True, args.folds)
    alone = cross_validate(cases, names, False, args.folds)
    print(f"{'set':<16}{'category':<11}{'n':>5}  policy  with policy  alone   ({args.folds}-fold, by document)")
    for key in sorted(counts):
        n = counts[key]
        if n >= 10:
            print(f"{key[0]:<16}{key[1]:<11}{n:>5}  {policy[key] / n:.3f}   {with_policy[key] / n:.3f}        "
                  f"{alone[key] / n:.3f}")


if __name__ == "__main__":
    main()
