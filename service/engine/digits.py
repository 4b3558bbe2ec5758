"""Digits of every script the ``regex`` module knows, readable by Python.

The engine's patterns use ``regex``, whose Unicode tables are newer than those of Python's ``unicodedata``:
its ``\\d`` matches the digits of scripts added since (Kawi, Nag Mundari, Ol Onal, ...), which ``int()`` and
``float()`` cannot read. ``readable(text)`` gives the text with each such digit written as its ASCII digit,
one code point for one, so that every offset into the copy is an offset into the original, and every
number the text writes in those digits is read at its value.
"""
from __future__ import annotations

import unicodedata

import regex as re

_NON_ASCII_DIGIT_RE = re.compile(r"[^\P{Nd}0-9]")  # a decimal digit outside 0-9, by regex's own tables
_VALUE_RES = [re.compile(rf"\p{{Numeric_Value={value}}}") for value in range(10)]


def _ascii_digit(char: str) -> str | None:
    """The ASCII digit of a decimal digit Python does not know; None when Python knows it."""
    if unicodedata.digit(char, None) is not None:
        return None
    for value, pattern in enumerate(_VALUE_RES):
        if pattern.fullmatch(char):
            return str(value)
    return "0"  # a decimal digit with no numeric value in regex's tables cannot be: read it as a digit still


def readable(text: str) -> str:
    """``text`` with each decimal digit Python cannot read as a number written as its ASCII digit."""
    table = {}
    for m in _NON_ASCII_DIGIT_RE.finditer(text):
        char = m.group()
        if ord(char) not in table:
            ascii_digit = _ascii_digit(char)
            if ascii_digit is not None:
                table[ord(char)] = ascii_digit
    return text.translate(table) if table else text
