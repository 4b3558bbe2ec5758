"""Anchors for the date rules: cheap finds that every match of a rule contains.

A rule runs only within its anchor's window around the places the anchor is found, so a text pays for the
expensive patterns only where they can match. Word anchors are found with ``str.find`` on the lower-cased text
(C speed, no regex scan); a phrase is found by its longest word and then matched around it; the few shapes that
are not words use a small regex. Which anchor each rule has, and its window, is in ``dates.py`` (ANCHORS).

A finder takes ``(text, lower, tokens)``: the text, its lower-cased copy and its lower-case letter tokens (a
``TextTokens``), and returns the ``(start, end)`` spans it finds, in no particular order. A word is looked for
only when the text holds each of its letter runs as a token, and found once per text whichever anchors share it.
"""
from __future__ import annotations

from itertools import filterfalse
from operator import itemgetter

import regex as re

from .rulebook import compile_rule

_TOKEN_RE = compile_rule(r"[a-z]+")
# a window that ends inside a word ends after it: a rule's pattern sees the text as if it stopped at the window's
# end, and "Monday" cut from "Mondays" would pass its end-of-word check
_WORD_REST_RE = compile_rule(r"\w*")


class TextTokens(set):
    """The lower-case letter tokens of a text, and where each anchor word is found in its lower-cased copy (found
    once, shared by the anchors that look for the same word: "year")."""

    def __init__(self, lower: str, words: list[tuple[int, str]] | None = None):
        """``words``: the text's words and where each starts, lower case, when lower-casing kept each one's length
        (``TextWords.exact``): their letter runs are the tokens, read without a second scan of the text."""
        if words is None:
            super().__init__(_TOKEN_RE.findall(lower))
        else:
            super().__init__(map(itemgetter(1), words))
            runs_of = list(filterfalse(str.isalpha, self))  # "14th", "covid_19": their letter runs
            self.difference_update(runs_of)
            self.update(_TOKEN_RE.findall(" ".join(runs_of)))
        self._lower = lower
        self._found: dict[str, list[int]] = {}

    def found(self, word: str) -> list[int]:
        """Every place ``word`` occurs in the lower-cased text, word boundaries or not."""
        at = self._found.get(word)
        if at is None:
            at, lower = [], self._lower
            i = lower.find(word)
            while i != -1:
                at.append(i)
                i = lower.find(word, i + 1)
            self._found[word] = at
        return at


def word_anchor(words):
    """A finder of whole ``words``: each starts and ends at a word boundary, so a text that lacks one of a word's
    letter runs as a token of its own ("year-ago" needs "year" and "ago") does not hold it. The words are
    filed by their first letter run, and only the files of the text's tokens are read."""
    by_first_run, without_letters, first_runs = _filed_by_first_run(w.lower() for w in words)

    def find(text: str, lower: str, tokens: TextTokens) -> list[tuple[int, int]]:
        out = []
        n = len(lower)
        for w in [w for first in first_runs & tokens for w in by_first_run[first]] + without_letters:
            if _RUNS[w] <= tokens:
                _whole_words(lower, n, w, tokens.found(w), out)
        return out
    return find


_RUNS: dict[str, frozenset] = {}  # a word's letter runs, read once


def _filed_by_first_run(words) -> tuple[dict[str, list[str]], list[str], frozenset]:
    """``words`` (lower case, each once, in order) filed by their first letter run; those without letters apart;
    the runs that file some. A text's tokens pick the files to read with one set intersection."""
    by_first_run: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        _RUNS.setdefault(w, frozenset(_TOKEN_RE.findall(w)))
        first = _TOKEN_RE.search(w)
        by_first_run.setdefault(first.group() if first else "", []).append(w)
    without_letters = by_first_run.pop("", [])
    return by_first_run, without_letters, frozenset(by_first_run)


def _whole_words(lower: str, n: int, word: str, found: list[int], out: list[tuple[int, int]]) -> None:
    """The places in ``found`` where ``word`` stands as a whole word, appended to ``out``."""
    for i in found:
        j = i + len(word)
        if (i == 0 or not lower[i - 1].isalnum()) and (j == n or not lower[j].isalnum()):
            out.append((i, j))


from .lexicon import load

# words too common in news to look a phrase up by (lexicon/date_words.yaml): a phrase's key is its rarest word
_COMMON = {w: rank for rank, words in load("date_words")["common_words"].items() for w in words}


def phrase_anchor(phrases):
    """A finder of whole ``phrases`` whose words may be joined by any white space: each phrase's rarest word
    (the longest of its least common ones) is found by str.find, the phrase then matched around it; a phrase is
    looked for only when the text holds each of its words as tokens, and its key only for such a phrase."""
    by_key: dict[str, list[tuple[re.Pattern, int, int, frozenset]]] = {}
    for p in phrases:
        words = p.lower().split()
        key = min(words, key=lambda w: (_COMMON.get(w, 0), -len(w)))
        k = words.index(key)
        pattern = compile_rule(r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])")
        before = len(" ".join(words[:k])) + 10 if k else 0
        after = len(" ".join(words[k + 1:])) + 10 if k + 1 < len(words) else 0
        by_key.setdefault(key, []).append((pattern, before, after, frozenset(_TOKEN_RE.findall(p.lower()))))
    by_first_run, without_letters, first_runs = _filed_by_first_run(by_key)

    def find(text: str, lower: str, tokens: TextTokens) -> list[tuple[int, int]]:
        out = []
        n = len(lower)
        keys = [k for first in first_runs & tokens for k in by_first_run[first]] + without_letters
        for key in keys:
            live = [entry for entry in by_key[key] if entry[3] <= tokens]  # (the text holds all its words)
            if not live:
                continue
            at: list[tuple[int, int]] = []
            _whole_words(lower, n, key, tokens.found(key), at)
            for a, b in at:
                for pattern, before, after, _ in live:
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
    # (wanted & found: isdisjoint would read every token, as it reads a set's subclass item by item)
    return lambda text, lower, found: find(text, lower, found) if wanted & found else []


def anchor_windows(text: str, anchors: dict, words: list[tuple[int, str]] | None = None):
    """``windows(name, reach)``: the merged windows of ``text`` around anchor ``name``'s finds, computed once per
    anchor and reach per text. ``anchors`` maps a name to ``(finder, characters before a find, characters
    after)``; ``reach`` (characters before, after) narrows that window for a rule whose matches reach less far
    from the find than the anchor's widest rule; the name None is the whole text. ``words``: the text's exact word
    index (``TextWords.exact``), when it has been read."""
    finds: dict[str, list[tuple[int, int]]] = {}
    cache: dict[tuple, list[tuple[int, int]]] = {}
    lower = text.lower()
    tokens = TextTokens(lower, words)
    n = len(text)

    def windows(anchor: str | None, reach: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        if anchor is None:
            return [(0, n)]
        key = (anchor, reach)
        if key not in cache:
            find, before, after = anchors[anchor]
            if anchor not in finds:
                finds[anchor] = sorted(find(text, lower, tokens))
            if not finds[anchor]:
                cache[key] = []
                return cache[key]
            before, after = reach or (before, after)
            merged: list[list[int]] = []
            for a, b in finds[anchor]:
                lo, hi = max(0, a - before), _WORD_REST_RE.match(text, min(n, b + after)).end()
                if merged and lo <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], hi)
                else:
                    merged.append([lo, hi])
            cache[key] = [(a, b) for a, b in merged]
        return cache[key]
    return windows
