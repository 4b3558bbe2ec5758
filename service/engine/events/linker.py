"""How likely two reports tell one incident: a logistic model over what a reader compares.

The features are below, in the order of the weights in ``event_linker.json``; the weights, the threshold at
which a report joins an event, the hash of the data they were learned from and their cross-validated figures
are in that file, written by ``scripts/train_event_linker.py``.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .profile import Profile, cosine

MODEL_PATH = Path(__file__).with_name("event_linker.json")
NEAR_DAYS = 3  # reports of one incident mostly come out within days of each other

FEATURES = (
    "text_cosine",        # tf-idf cosine of the whole texts
    "lead_cosine",        # ... of their titles and leads
    "names_cosine",       # ... of the capitalised names they use (victims, streets), towns aside: sharing
                          # a town is no evidence (two shootings in one city on one day are two events)
    "log_days_apart",     # log(1 + days between their publication dates)
    "near_in_time",       # published within NEAR_DAYS of each other
    "same_killed",        # the same killed figure (both may be 0)
    "same_injured",       # the same injured figure
    "killed_vs_none",     # one tells of deaths, the other of none
    "shared_place",       # a fact's place in common
)


def features(a: Profile, b: Profile) -> list[float]:
    days = abs((a.published - b.published).days) if a.published and b.published else 30
    ka, kb = a.figures.get("killed", 0), b.figures.get("killed", 0)
    return [
        cosine(a.vectors["text"], b.vectors["text"]),
        cosine(a.vectors["lead"], b.vectors["lead"]),
        cosine(a.vectors["names"], b.vectors["names"]),
        math.log1p(days),
        float(days <= NEAR_DAYS),
        float(ka == kb),
        float(a.figures.get("injured", 0) == b.figures.get("injured", 0)),
        float((ka > 0) != (kb > 0)),
        float(bool(a.places & b.places)),
    ]


@dataclass(frozen=True)
class Linker:
    """A logistic model over ``FEATURES``, and the mean probability at which a report joins an event."""
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@lru_cache(maxsize=1)
def trained_linker() -> Linker:
    """The linker in ``event_linker.json``."""
    with open(MODEL_PATH, encoding="utf-8") as f:
        data = json.load(f)
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL_PATH.name} was trained on other features; run scripts/train_event_linker.py")
    return Linker(tuple(data["weights"]), data["bias"], data["threshold"])
