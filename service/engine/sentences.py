"""Sentence boundaries for news text, with offsets (``text[start:end]`` is the sentence)."""
from __future__ import annotations

import re

from .lexicon import load
from .rulebook import compile_rule, match_at

_ABBREVIATIONS = {a.lower() for a in load("abbreviations")["abbreviations"]}
# a full stop and a capital, a blank line, a line break before a capital, or a Unicode line/paragraph separator
_BOUNDARY_RE = compile_rule(
    r"(?<=[.!?][\"'”’)\]]?)\s+(?=[\"'“‘(\[]?[A-Z0-9])|"
    # a citation mark after the full stop: "The toll was 128.[1] The effects ..."
    r"(?<=[.!?](?:\[\d{1,3}\])+)\s*(?=[\"'“‘(]?[A-Z])|\n\s*\n|\n(?=\s*[A-Z\"“])|[\u2028\u2029]+\s*"
    # a full stop run into the next sentence by a lost space: "neighborhood.Maurice Harris"
    r"|(?<=[a-z]{3}[.!?][\"”’]?)(?=[A-Z][a-z]|[AI]\s)")
# Where a boundary can begin: every branch above begins right after a full stop, a closing quote or bracket, or
# at a line break. The boundary pattern is tried only there (``_boundaries``), which finds what ``finditer``
# finds at a fraction of the cost (tests/test_sentences.py compares the two).
_LINE_BREAKS = "\n\u2028\u2029"
_BOUNDARY_MARK_RE = compile_rule(rf"[.!?\"'”’)\]{_LINE_BREAKS}]")
_LINE_BREAK_RE = compile_rule(f"[{_LINE_BREAKS}]")
_INITIALS_RE = compile_rule(r"(?:[a-z]\.)+[a-z]?")
_LAST_WORD_RE = compile_rule(r"([\w.]+)[.]?[\"'”’)\]]?$")
_LAST_WORD_REACH = 64  # characters before a boundary in which its last word is looked for first


def _boundaries(text: str) -> list[re.Match]:
    starts = [m.start() if m.group() in _LINE_BREAKS else m.end() for m in _BOUNDARY_MARK_RE.finditer(text)]
    return match_at(_BOUNDARY_RE, text, starts, 0, len(text))


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` (with its dots), lower-cased, as ``_LAST_WORD_RE`` finds it; read from
    the stretch's tail unless the word may begin before it."""
    lo = max(start, end - _LAST_WORD_REACH)
    last = _LAST_WORD_RE.search(text, lo, end)
    if lo > start and (last is None or last.start() == lo):
        last = _LAST_WORD_RE.search(text, start, end)  # the tail is all one word: read the whole stretch
    return last.group(1).lower() if last else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; an abbreviation ("Oct.", "U.S.", "Gen.") does not end one."""
    spans = []
    start = 0
    for m in _boundaries(text):
        if not _LINE_BREAK_RE.search(m.group()):
            word = _last_word(text, start, m.start())
            if word.rstrip(".") in _ABBREVIATIONS or _INITIALS_RE.fullmatch(word) and \
                    not text[m.end():m.end() + 1].isdigit() and len(word) <= 4:
                continue
        if not text[start:m.start()].isspace() and m.start() > start:
            spans.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
