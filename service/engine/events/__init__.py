"""Events across articles: the reports of one incident grouped, with one figure per category and its series.

    from service.engine.events import build_events
    build_events([(doc_id, text, response), ...])   # response: service.engine.extract's, for that text

Stages: a profile per report (``profile.py``), blocked candidate pairs scored by a learned linker
(``linker.py``, weights in ``event_linker.json``), average-linkage grouping in publication order
(``grouping.py``), and the event's figures (``tolls.py``). The result does not depend on the input's order.
"""
from __future__ import annotations

import hashlib

from ...config import CATEGORIES
from .grouping import group
from .linker import Linker
from .profile import make_profiles
from .tolls import agreed, died_since, figure, series

__all__ = ["build_events"]


def build_events(items: list[tuple[str, str, dict]], linker: Linker | None = None) -> list[dict]:
    """One event per incident the reports tell, each report in exactly one; ordered by first publication."""
    ids = [doc_id for doc_id, _, _ in items]
    if len(set(ids)) != len(ids):
        raise ValueError("document ids must be unique to group reports into events")
    responses = {doc_id: response for doc_id, _, response in items}
    profiles = make_profiles(items)
    return [_event(group_, responses) for group_ in group(profiles, linker)]


def _event(reports, responses: dict) -> dict:
    pairs = [(p, responses[p.id]) for p in reports]
    documents = [p.id for p in reports]
    summary = {c: f for c in CATEGORIES if (f := figure(pairs, c)) is not None}
    died_since(pairs, summary)
    dates = [p.published.isoformat() for p in reports if p.published]
    return {
        "id": hashlib.sha256("\n".join(sorted(documents)).encode()).hexdigest()[:16],
        "documents": documents,
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
        "summary": summary,
        "series": {c: s for c in summary if (s := series(pairs, c))},
        "place": agreed(pairs, lambda f: f["location"]),
        "date": agreed(pairs, lambda f: (f["date"] or {}).get("value")),
        "cause": agreed(pairs, lambda f: f["cause"]),
        "perpetrator": agreed(pairs, lambda f: f["perpetrator"]),
    }
