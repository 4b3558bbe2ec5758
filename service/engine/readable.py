"""A copy of a text that every pattern of the engine reads as it reads the original, one code point for one.

``readable(text)`` writes two kinds of character otherwise, so that every offset into the copy is an offset into
the original (the engine reads the copy and quotes the original):

- a digit of a script newer than Python's ``unicodedata`` (Kawi, Nag Mundari, Ol Onal, ...), which ``regex``'s
  ``\\d`` matches but ``int()`` and ``float()`` cannot read: as its ASCII digit, so the number is read at its value;
- a character that Python's ``re`` and the ``regex`` module class differently as a word character, a digit or a
  space (``re``'s ``\\w`` is ``str.isalnum()`` and "_"; ``regex``'s is Unicode's: combining accents, joiners,
  letters newer than Python's tables are word characters to it; superscripts and fractions are not): as "_" where
  ``regex`` counts it a word character (one of neither letter nor digit, as a combining accent is), else as "¦"
  (no word character, digit or space to either). The engine's patterns are compiled by whichever engine takes them
  (``rulebook.compile_rule``), and both then read the copy alike, as ``regex`` reads the original.
"""
from __future__ import annotations

import re as stdlib_re
import unicodedata

import regex as re

_VALUE_RES = [re.compile(rf"\p{{Numeric_Value={value}}}") for value in range(10)]
_CLASSES = [(re.compile(c), stdlib_re.compile(c)) for c in (r"\w", r"\d", r"\s")]  # (as regex reads it, as re does)
_WORD, _NEITHER = "_", "\u00a6"
_ASCII_ALIKE = "".join(c for c in map(chr, range(128))
                       if all(bool(a.match(c)) == bool(b.match(c)) for a, b in _CLASSES))
_MAY_DIFFER_RE = stdlib_re.compile(f"[^{stdlib_re.escape(_ASCII_ALIKE)}]")
_STAND_INS: dict[str, str | None] = {}  # each character met so far: what the copy writes for it (None: itself)


def _ascii_digit(char: str) -> str:
    """The ASCII digit of a decimal digit ``regex`` knows and Python does not."""
    for value, pattern in enumerate(_VALUE_RES):
        if pattern.fullmatch(char):
            return str(value)
    return "0"  # a decimal digit with no numeric value in regex's tables cannot be: read it as a digit still


def _stand_in(char: str) -> str | None:
    if _CLASSES[1][0].match(char) and unicodedata.digit(char, None) is None:
        return _ascii_digit(char)
    if all(bool(a.match(char)) == bool(b.match(char)) for a, b in _CLASSES):
        return None
    return _WORD if _CLASSES[0][0].match(char) else _NEITHER


def readable(text: str, digits_only: bool = False) -> str:
    """``text`` with each digit Python cannot read as its ASCII digit, and (unless ``digits_only``: for a reader
    of its own, as quantulum3 is, to whom "km²" is a unit) each character the two regex engines class differently
    as its stand-in."""
    table = {}
    for char in set(_MAY_DIFFER_RE.findall(text)):
        if char not in _STAND_INS:
            _STAND_INS[char] = _stand_in(char)
        stand_in = _STAND_INS[char]
        if stand_in is not None and not (digits_only and not stand_in.isdigit()):
            table[ord(char)] = stand_in
    return text.translate(table) if table else text
