"""Learn the event linker (service/engine/events/event_linker.json) from reports of known incidents.

    python scripts/train_event_linker.py [../shared/data/gva-events-dev.jsonl] [--folds 5] [--dry-run]

Each line: {"id", "text", "date", "incident": {"gva_id"}}. The engine reads every report; the candidate pairs
are those the grouping blocks together; a pair is positive when both reports are of one incident. A logistic
regression (L2, fitted by Newton's method in numpy: deterministic, seconds) gives the weights; the joining
threshold is the one whose grouping of the training reports has the best B-cubed F1. Cross-validation by
incident (k folds, reports of one incident never split) reports the grouping and the event tolls on held-out
incidents, grouped alone. Writes the weights, threshold, features, the training data's SHA-256 and the
cross-validated figures into the JSON.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.engine import extract, warm_up  # noqa: E402
from service.engine.events import build_events  # noqa: E402
from service.engine.events.grouping import candidate_pairs, weigh_all  # noqa: E402
from service.engine.events.linker import FEATURES, MODEL_PATH, Linker, features  # noqa: E402
from service.engine.events.profile import BACKGROUND_PATH, document_frequencies, make_profiles  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "gva-events-dev.jsonl"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
L2 = 1.0
BACKGROUND_MIN_DF = 5  # the background keeps words of at least this many reports: common words, never a name


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -60, 60)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def bcubed(gold: dict, pred: dict) -> tuple[float, float, float]:
    members_g, members_p = defaultdict(set), defaultdict(set)
    for d in gold:
        members_g[gold[d]].add(d)
        members_p[pred[d]].add(d)
    p = sum(len(members_g[gold[d]] & members_p[pred[d]]) / len(members_p[pred[d]]) for d in gold) / len(gold)
    r = sum(len(members_g[gold[d]] & members_p[pred[d]]) / len(members_g[gold[d]]) for d in gold) / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def evaluate(reports: list[dict], linker: Linker) -> dict:
    """Grouping B-cubed and event tolls in the incidents' totals, as ../shared/eval/events.py counts them."""
    events = build_events([(r["id"], r["text"], r["response"]) for r in reports], linker)
    pred = {d: e["id"] for e in events for d in e["documents"]}
    gold = {r["id"]: r["incident"]["gva_id"] for r in reports}
    p, rec, f1 = bcubed(gold, pred)
    by_event = {e["id"]: e for e in events}
    by_incident = defaultdict(list)
    for r in reports:
        by_incident[r["incident"]["gva_id"]].append(r)
    right = {"killed": 0, "injured": 0}
    for docs in by_incident.values():
        votes = defaultdict(int)
        for d in docs:
            votes[pred[d["id"]]] += 1
        summary = by_event[max(sorted(votes), key=votes.get)]["summary"]
        for cat in right:
            right[cat] += (summary.get(cat) or {}).get("value", 0) == docs[0]["gold"][cat]
    n = len(by_incident)
    return {"precision": round(p, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "killed_in_range": round(right["killed"] / n, 4), "injured_in_range": round(right["injured"] / n, 4),
            "incidents": n, "reports": len(reports)}


def pair_data(reports: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    profiles = make_profiles([(r["id"], r["text"], r["response"]) for r in reports])
    pairs = candidate_pairs(profiles, weigh_all(profiles))
    x = np.array([features(profiles[i], profiles[j]) for i, j in pairs], dtype=float)
    y = np.array([reports[i]["incident"]["gva_id"] == reports[j]["incident"]["gva_id"] for i, j in pairs], float)
    return x, y


def train(reports: list[dict]) -> Linker:
    x, y = pair_data(reports)
    weights, bias = fit_logistic(x, y)
    scored = [(evaluate(reports, Linker(tuple(weights), bias, t))["f1"], -t) for t in THRESHOLDS]
    threshold = -max(scored)[1]
    return Linker(tuple(float(w) for w in weights), bias, threshold)


def folds_by_incident(reports: list[dict], k: int) -> list[list[dict]]:
    incidents = sorted({r["incident"]["gva_id"] for r in reports})
    random.Random(20181).shuffle(incidents)
    fold_of = {g: i % k for i, g in enumerate(incidents)}
    return [[r for r in reports if fold_of[r["incident"]["gva_id"]] == i] for i in range(k)]


def write_background(reports: list[dict], dry_run: bool) -> None:
    """The document frequencies of the training reports' common words: the background that weighs words when
    only a few reports are grouped. (Cross-validation folds see it too: it holds no word rarer than
    BACKGROUND_MIN_DF reports, so no incident's own names.)"""
    df = document_frequencies(make_profiles([(r["id"], r["text"], r["response"]) for r in reports]))
    common = {w: n for w, n in sorted(df.items()) if n >= BACKGROUND_MIN_DF}
    print(f"background: {len(common)} words of {len(df)} in {len(reports)} reports", file=sys.stderr)
    if not dry_run:
        BACKGROUND_PATH.write_text(json.dumps({"documents": len(reports), "min_df": BACKGROUND_MIN_DF,
                                               "df": common}, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    raw = Path(args.path).read_bytes()
    reports = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    warm_up()
    for r in reports:
        r["response"] = extract(r["text"], published=(r.get("date") or "")[:10] or None, doc_id=r["id"])
    write_background(reports, args.dry_run)
    folds = folds_by_incident(reports, args.folds)
    held_out = []
    for i, test in enumerate(folds):
        linker = train([r for j, fold in enumerate(folds) if j != i for r in fold])
        figures = evaluate(test, linker)
        held_out.append(figures)
        print(f"fold {i}: threshold {linker.threshold}  {figures}", file=sys.stderr)
    mean = {k: round(sum(f[k] for f in held_out) / len(held_out), 4)
            for k in ("precision", "recall", "f1", "killed_in_range", "injured_in_range")}
    final = train(reports)
    out = {"features": list(FEATURES), "weights": [round(w, 6) for w in final.weights], "bias": round(final.bias, 6),
           "threshold": final.threshold, "l2": L2,
           "trained_on": {"file": Path(args.path).name, "sha256": hashlib.sha256(raw).hexdigest(),
                          "reports": len(reports), "incidents": len({r["incident"]["gva_id"] for r in reports})},
           "cross_validation": {"folds": args.folds, "by": "incident", "mean": mean, "per_fold": held_out},
           "on_training_data": evaluate(reports, final)}
    print(json.dumps(out, indent=2))
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
