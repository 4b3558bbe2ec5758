"""Sentence boundaries for news text, with offsets (``text[start:end]`` is the sentence)."""
from __future__ import annotations

import regex as re

from .lexicon import load

_ABBREVIATIONS = {a.lower() for a in load("abbreviations")["abbreviations"]}
# a full stop and a capital, a blank line, a line break before a capital, or a Unicode line/paragraph separator
_BOUNDARY_RE = re.compile(r"(?<=[.!?][\"'”’)\]]?)\s+(?=[\"'“‘(\[]?[A-Z0-9])|"
                          # a citation mark after the full stop: "The toll was 128.[1] The effects ..."
                          r"(?<=[.!?](?:\[\d{1,3}\])+)\s*(?=[\"'“‘(]?[A-Z])|\n\s*\n|\n(?=\s*[A-Z\"“])|[\u2028\u2029]+\s*"
                          # a full stop run into the next sentence by a lost space: "neighborhood.Maurice Harris"
                          r"|(?<=[a-z]{3}[.!?][\"”’]?)(?=[A-Z][a-z]|[AI]\s)")
_LINE_BREAK_RE = re.compile(r"[\n\u2028\u2029]")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]?")
_LAST_WORD_RE = re.compile(r"([\w.]+)[.]?[\"'”’)\]]?$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``; an abbreviation ("Oct.", "U.S.", "Gen.") does not end one."""
    spans = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        piece = text[start:m.start()]
        if not _LINE_BREAK_RE.search(m.group()):
            last = _LAST_WORD_RE.search(piece)
            word = last.group(1).lower() if last else ""
            if word.rstrip(".") in _ABBREVIATIONS or _INITIALS_RE.fullmatch(word) and \
                    not text[m.end():m.end() + 1].isdigit() and len(word) <= 4:
                continue
        if piece.strip():
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
