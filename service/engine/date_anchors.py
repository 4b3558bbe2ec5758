"""Anchors for the date rules: cheap finds that every match of a rule contains.

A rule runs only within its anchor's window around the places the anchor is found, so a text pays for the
expensive patterns only where they can match. Word anchors are found with ``str.find`` on the lower-cased text
(C speed, no regex scan); a phrase is found by its longest word and then matched around it; the few shapes that
are not words use a small regex. Which anchor each rule has, and its window, is in ``dates.py`` (ANCHORS).

A finder takes ``(text, lower, tokens)``: the text, its lower-cased copy and the set of its lower-case letter
tokens, and returns the ``(start, end)`` spans it finds.
"""
from __future__ import annotations

import regex as re

from .rulebook import compile_rule

_TOKEN_RE = compile_rule(r"[a-z]+")


def word_anchor(words, whole_word: bool = True):
    """A finder of ``words``: a word starts at a word boundary, and ends at one when ``whole_word`` (then a word
    whose first token the text lacks is not looked for at all)."""
    first_tokens = []
    for w in sorted({w.lower() for w in words}):
        m = _TOKEN_RE.match(w)
        first_tokens.append((w, m.group() if m else ""))

    def find(text: str, lower: str, tokens: set[str]) -> list[tuple[int, int]]:
        out = []
        n = len(lower)
        for w, first in first_tokens:
            if whole_word and first and first not in tokens:
                continue
            i = lower.find(w)
            while i != -1:
                j = i + len(w)
                if (i == 0 or not lower[i - 1].isalnum()) and (not whole_word or j == n or not lower[j].isalnum()):
                    out.append((i, j))
                i = lower.find(w, i + 1)
        return out
    return find


from .lexicon import load

# words too common in news to look a phrase up by (lexicon/date_words.yaml): a phrase's key is its rarest word
_COMMON = {w: rank for rank, words in load("date_words")["common_words"].items() for w in words}


def phrase_anchor(phrases):
    """A finder of whole ``phrases`` whose words may be joined by any white space: each phrase's rarest word
    (the longest of its least common ones) is found by str.find, the phrase then matched around it."""
    by_key: dict[str, list[tuple[re.Pattern, int, int]]] = {}
    for p in phrases:
        words = p.lower().split()
        key = min(words, key=lambda w: (_COMMON.get(w, 0), -len(w)))
        k = words.index(key)
        pattern = compile_rule(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])")
        before = len(" ".join(words[:k])) + 10 if k else 0
        after = len(" ".join(words[k + 1:])) + 10 if k + 1 < len(words) else 0
        by_key.setdefault(key, []).append((pattern, before, after))
    key_find = word_anchor(by_key)

    def find(text: str, lower: str, tokens: set[str]) -> list[tuple[int, int]]:
        out = []
        for a, b in key_find(text, lower, tokens):
            for pattern, before, after in by_key[lower[a:b]]:
                m = pattern.search(lower, max(0, a - before), b + after)
                if m and m.start() <= a and b <= m.end():
                    out.append(m.span())
        return out
    return find


def regex_anchor(pattern: str, flags=0):
    """A finder of a small regex's matches (for shapes that are not words: "2024-08-10", "9 a.m.")."""
    compiled = re.compile(pattern, flags)
    return lambda text, lower, tokens: [m.span() for m in compiled.finditer(text)]


def gated(find, substrings):
    """``find``, run only on texts holding one of ``substrings`` (lower case)."""
    return lambda text, lower, tokens: find(text, lower, tokens) if any(x in lower for x in substrings) else []


def gated_by_tokens(find, tokens):
    """``find``, run only on texts holding one of the letter ``tokens`` (lower case) as a token of its own (the
    "th" of "14th")."""
    wanted = frozenset(tokens)
    return lambda text, lower, found: find(text, lower, found) if not wanted.isdisjoint(found) else []


def anchor_windows(text: str, anchors: dict):
    """``windows(name)``: the merged windows of ``text`` around anchor ``name``'s finds, computed once per
    anchor per text; ``anchors`` maps a name to ``(finder, characters before a find, characters after)``, and
    the name None is the whole text."""
    cache: dict[str | None, list[tuple[int, int]]] = {None: [(0, len(text))]}
    lower = text.lower()
    tokens = set(_TOKEN_RE.findall(lower))
    n = len(text)

    def windows(anchor: str | None) -> list[tuple[int, int]]:
        if anchor not in cache:
            find, before, after = anchors[anchor]
            merged: list[list[int]] = []
            for a, b in sorted(find(text, lower, tokens)):
                lo, hi = max(0, a - before), min(n, b + after)
                if merged and lo <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
            cache[anchor] = [(a, b) for a, b in merged]
        return cache[anchor]
    return windows
