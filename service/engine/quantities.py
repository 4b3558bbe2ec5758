"""Figures with units — money, percentages, distances, areas, weights — read with quantulum3.

quantulum3 names units well but is slow to warm and wrong in known ways, so it is called only on the
sentences where the number layer saw a number with a unit role (money, percent, measure), and its
results are corrected: a year or a date it reads as a quantity is dropped, a span is widened to take a
currency sign, and the number layer's value replaces quantulum3's where they disagree on grouping
("1.200"). ``warm_up()`` pays the first-call cost once, at start-up.
"""
from __future__ import annotations

import logging
import re
import warnings
from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import quantulum_index
from .lexicon import alternation, load
from .numbers import NumberMention

log = logging.getLogger("tally.engine")

UNIT_ROLES = ("money", "percent", "measure")
_ARTICLE_OPENING_RE = re.compile(rf"{alternation(load('number_contexts')['articles_before_figure'])}\s", re.I)


@lru_cache(maxsize=1)
def _parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    quantulum_index.install()
    return parser


def warm_up() -> None:
    """Load quantulum3's unit tables now rather than on the first request."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _parser().parse("warm up: 3 km and $5")


WINDOW = 100  # characters of context quantulum3 sees on each side of a number with a unit role


def _windows(text: str, wanted: list[NumberMention], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows around the wanted numbers, kept inside their sentences, so quantulum3's cost is
    bounded by the number of figures, never by the length of a sentence."""
    starts = [sp[0] for sp in sentences]
    out: list[list[int]] = []
    for n in wanted:
        i = max(bisect_right(starts, n.start) - 1, 0)
        s, e = sentences[i] if sentences else (0, len(text))
        lo, hi = max(s, n.start - WINDOW), min(e, n.end + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(a, b) for a, b in out]


def _realigned(parser, text: str, qs: int, qe: int, ours: NumberMention):
    """quantulum3 sometimes takes an article before the figure or ends inside a word after it ("a $15 milli" of
    "a $15 million", unit "dollar to the 1.5e+07"; "$15 million ta" of "$15 million tax", unit "dollar unk" —
    which reading it picks varies with the hash seed): the span read again without the article and up to its
    last whole word, as (quantity, start) with the quantity's span relative to start; None when nothing with a
    unit is left."""
    article = _ARTICLE_OPENING_RE.match(text, qs, ours.start)
    start = article.end() if article else qs
    end = qe
    if end < len(text) and text[end - 1].isalpha() and text[end].isalpha():
        while end > ours.end and text[end - 1].isalpha():  # back to the start of the broken word
            end -= 1
    end = max(start + len(text[start:end].rstrip()), ours.end)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            again = parser.parse(text[start:end])
        except Exception:
            return None
    q = next((q for q in again if q.span[0] == 0), None)
    return None if q is None else (q, start)


def _misaligned(text: str, qs: int, qe: int, ours: NumberMention) -> bool:
    """Does quantulum3's span open with an article before the figure ("a $15 milli"), or end inside a word
    ("$15 million ta")? (Other words before the figure are its own: "three to four feet".)"""
    return _ARTICLE_OPENING_RE.match(text, qs, ours.start) is not None or \
        (qe < len(text) and text[qe - 1].isalpha() and text[qe].isalpha())


def extract_quantities(text: str, numbers: list[NumberMention],
                       sentences: list[tuple[int, int]], deadline=None) -> list[dict]:
    """Quantities with units in ``text``; ``numbers`` is the number layer's output for the same text."""
    wanted = [n for n in numbers if n.role in UNIT_ROLES]
    if not wanted:
        return []
    out: list[dict] = []
    seen: set[tuple[int, int]] = set()
    parser = _parser()
    wanted_starts = [n.start for n in wanted]
    for s, e in _windows(text, wanted, sentences):
        if deadline is not None:
            deadline.check()
        inside = wanted[bisect_left(wanted_starts, s):bisect_left(wanted_starts, e)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = parser.parse(text[s:e])
            except Exception:  # quantulum3 raises on some odd inputs; a window without figures is not fatal
                log.debug("quantulum3 failed on a window of %d characters", e - s)
                continue
        for q in found:
            qs, qe = s + q.span[0], s + q.span[1]
            ours = next((n for n in inside if n.start < qe and qs < n.end), None)
            if ours is None:
                continue  # quantulum3 saw a unit where the number layer saw a year, a date or a count
            if _misaligned(text, qs, qe, ours):
                again = _realigned(parser, text, qs, qe, ours)  # "a $15 milli|on", "$15 million ta|x"
                if again is None:
                    continue
                q, qs = again
                qe = qs + q.span[1]
            if q.unit.name == "dimensionless" or (qs, qe) in seen:
                continue
            value = ours.value if ours.value == ours.value else q.value  # the number layer's grouping wins
            out.append({"text": text[qs:qe], "start": qs, "end": qe, "value": float(value),
                        "unit": q.unit.name, "kind": ours.role})
            seen.add((qs, qe))
    return out
