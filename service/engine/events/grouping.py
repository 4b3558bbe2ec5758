"""Reports grouped into events: each report, in publication order, joins the event it most likely belongs to
or opens one.

Candidates are blocked, so that the work grows with the number of reports, not its square: a report is
compared only with reports that share one of its rarest words (``Vocabulary.top_terms``; a word among the top
terms of more than ``MAX_POSTING`` reports blocks nothing: it is a topic, not an incident) and were published
within ``WINDOW_DAYS``. Each report then has at most TOP_TERMS x MAX_POSTING candidates, whatever the size of
the archive. A report joins the event whose reports it links to with the highest mean probability (a report
not among its candidates counts 0), when that mean reaches the model's threshold (average linkage): one strong
link to one report of a large event is not enough, which keeps two shootings in one city on one day apart.
"""
from __future__ import annotations

from collections import defaultdict

from .linker import Linker, features, trained_linker
from .profile import Profile, Vocabulary

MAX_POSTING = 100
WINDOW_DAYS = 400


def _order(p: Profile) -> tuple:
    return (p.published.isoformat() if p.published else "9999", p.id)


def candidate_pairs(profiles: list[Profile], vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """The pairs of reports (indices, i < j) blocked together: a rare word in common, near enough in time."""
    postings: dict[str, list[int]] = defaultdict(list)
    tops = [vocabulary.top_terms(p) for p in profiles]
    for i, terms in enumerate(tops):
        for w in terms:
            postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, terms in enumerate(tops):
        for w in terms:
            posting = postings[w]
            if len(posting) <= MAX_POSTING:
                pairs.update((i, j) for j in posting if j > i and _within_window(profiles[i], profiles[j]))
    return sorted(pairs)


def weigh_all(profiles: list[Profile], use_background: bool = True) -> Vocabulary:
    vocabulary = Vocabulary(profiles, use_background)
    for p in profiles:
        vocabulary.weigh(p)
    return vocabulary


def _within_window(a: Profile, b: Profile) -> bool:
    return a.published is None or b.published is None or abs((a.published - b.published).days) <= WINDOW_DAYS


def group(profiles: list[Profile], linker: Linker | None = None) -> list[list[Profile]]:
    """The events, each a list of its reports in publication order; every report in exactly one."""
    linker = linker or trained_linker()
    links: dict[str, dict[str, float]] = defaultdict(dict)
    for i, j in candidate_pairs(profiles, weigh_all(profiles)):
        a, b = profiles[i], profiles[j]
        links[a.id][b.id] = links[b.id][a.id] = linker.probability(features(a, b))
    threshold = linker.threshold
    events: list[list[Profile]] = []
    event_of: dict[str, int] = {}
    for p in sorted(profiles, key=_order):
        mine = links.get(p.id, {})
        totals: dict[int, float] = defaultdict(float)
        for other, prob in mine.items():
            if other in event_of:
                totals[event_of[other]] += prob
        best, best_mean = None, threshold
        for e, total in sorted(totals.items()):
            mean = total / len(events[e])
            if mean >= best_mean:
                best, best_mean = e, mean
        if best is None:
            event_of[p.id] = len(events)
            events.append([p])
        else:
            event_of[p.id] = best
            events[best].append(p)
    return events
