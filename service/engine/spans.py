"""Spans that do not overlap one another, kept in text order: whether a new span overlaps any of them is a
bisection, not a walk over all of them (the number layer's masks, the date layer's overlap policy)."""
from __future__ import annotations

from bisect import bisect_left, insort


class Spans:
    """Non-overlapping ``(start, end)`` spans in text order."""

    def __init__(self, spans=()):
        self._spans = sorted((a, b) for a, b, *_ in spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap one of the spans?"""
        i = bisect_left(self._spans, (end,))  # the spans before i start before ``end``; the last of them ends last
        return i > 0 and self._spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        """Keep ``[start, end)``, which overlaps none of the spans."""
        insort(self._spans, (start, end))
