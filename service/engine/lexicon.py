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
    """A regex alternation matching any of ``words`` (spaces match any run of white space), longest first.

    It is written as a trie (``\\b(?:m(?:an\\b|en\\b)|...)``): words that share a beginning share its test, which
    makes a list of hundreds of words cheap to try at every word of a text. It matches what the flat alternation
    of the words, longest first, matches, in the same order (``tests/test_lexicon.py``): two words that match at one
    place begin the same, one extends the other, and the trie tries the longer first. Where that could fail -- a word
    that begins another but for case ("Dead", "deadly"), a character outside ASCII (whose case folding is more than
    one letter's), a backslash, a white space other than one space -- the words are written flat."""
    unique = sorted(set(map(str, words)), key=lambda w: (-len(w), w))  # longest first; ties in one order
    trie = _trie(unique)
    if trie is None:
        return flat_alternation(unique, boundary=boundary)
    return "(?:" + "|".join(_alternatives(trie, boundary, first=True)) + ")"


def flat_alternation(words, *, boundary: bool = True) -> str:
    """``alternation`` written as one alternative per word, longest first."""
    parts = []
    for w in sorted(set(map(str, words)), key=lambda w: (-len(w), w)):
        p = re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+")
        if boundary:
            if w[:1].isalnum():
                p = r"\b" + p
            if w[-1:].isalnum():
                p = p + r"\b"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


_END = ""  # the trie's key for "a word ends here", holding the word


def _trie(unique: list[str]) -> dict | None:
    """The words as a trie of their characters, or None where it could match otherwise than the flat form."""
    if any(not w.isascii() or "\\" in w or "  " in w or any(c.isspace() and c != " " for c in w) for w in unique) \
            or _case_clash(unique):
        return None
    root: dict = {}
    for w in unique:
        node = root
        for char in w:
            node = node.setdefault(char, {})
        node[_END] = w
    return root


def _case_clash(unique: list[str]) -> bool:
    """Is one word the beginning of another but for case ("Dead", "dead", "deadly")? Read without case, both
    match at one place, yet they sit on two branches of the trie, which would not try the longer first. (Words
    that differ in case and not as beginnings, "Afghan" and "adult", never match at one place.)"""
    by_lower: dict[str, list[str]] = {}
    for w in unique:
        by_lower.setdefault(w.lower(), []).append(w)
    for longer in unique:
        low = longer.lower()
        for k in range(len(low) + 1):
            if any(w != longer and not longer.startswith(w) for w in by_lower.get(low[:k], ())):
                return True
    return False


def _alternatives(node: dict, boundary: bool, first: bool = False) -> list[str]:
    """A trie node's alternatives: each branch (its character, then the rest), and last the word ending here."""
    parts = []
    for char, child in node.items():
        if char == _END:
            continue
        lead = r"\b" if first and boundary and char.isalnum() else ""
        rest = _alternatives(child, boundary)
        token = r"\s+" if char == " " else re.escape(char)
        parts.append(lead + token + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    if _END in node:
        parts.append(r"\b" if boundary and node[_END][-1:].isalnum() else "")
    return parts
