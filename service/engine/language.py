"""Is the text English? Tally's rules read English only; a text in another language gets a warning, not
silence.

The share of English function words among a text's words (``lexicon/english_words.yaml``) is about 0.4 in
English news and below 0.1 in other languages; a text of fewer than ``MIN_WORDS`` words is not judged.
"""
from __future__ import annotations

import regex as re

from .lexicon import load

MIN_WORDS = 8
ENGLISH_SHARE = 0.15  # well between English (about 0.4) and other languages (below 0.1)
_WORD_RE = re.compile(r"\p{L}+")
_FUNCTION_WORDS = frozenset(load("english_words")["function_words"])
NOT_ENGLISH_WARNING = ("The text does not read as English: Tally's rules read English only, so its facts and "
                       "dates are likely missed.")


def language_of(text: str, sample_chars: int = 20_000) -> str:
    """"en", "und" (undetermined: too short, or not English)."""
    words = _WORD_RE.findall(text[:sample_chars])
    if len(words) < MIN_WORDS:
        return "und"
    share = sum(map(_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words)
    return "en" if share >= ENGLISH_SHARE else "und"


def warnings_for(text: str, language: str) -> list[str]:
    if language != "en" and len(_WORD_RE.findall(text[:20_000])) >= MIN_WORDS:
        return [NOT_ENGLISH_WARNING]
    return []
