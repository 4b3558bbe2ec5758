"""Loads the engine's language knowledge: YAML files in ``service/engine/lexicon/``.

Each file is read once per process (the engine never reads a lexicon per request) and helpers here turn
word lists into regular-expression alternations, longest first so that "more than" beats "more".
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex as re
import yaml

LEXICON_DIR = Path(__file__).with_name("lexicon")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed content of ``lexicon/<name>.yaml``."""
    with open(LEXICON_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def alternation(words, *, boundary: bool = True) -> str:
    """A regex alternation matching any of ``words`` (spaces match any run of white space)."""
    parts = []
    for w in sorted(set(map(str, words)), key=lambda w: (-len(w), w)):  # longest first; ties in one order
        p = re.escape(str(w)).replace(r"\ ", " ").replace(" ", r"\s+")
        if boundary:
            if str(w)[:1].isalnum():
                p = r"\b" + p
            if str(w)[-1:].isalnum():
                p = p + r"\b"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"
