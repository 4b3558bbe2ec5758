"""Rulebooks: a stage's patterns kept as named records in a YAML file of ``lexicon/``, each with its examples.

A rulebook file has two sections::

    pieces:                      # shared pieces of pattern, used as @name in rules and other pieces (their lines
                                 # joined without a separator, as a rule's are)
      age: '\\d{1,3}[-\\s]?(?:year|yr|month|week)s?[-\\s]?old'
    rules:
      relative_gap:              # the rule's name: what the code applies, and what a fact or a test names
        doc: between a count and its verb, a relative clause
        pattern: |-              # a regular expression; its lines are joined without a separator
          ^\\s*(?:[\\w'’-]+\\s+){0,3}?,?\\s*@relative_pronouns\\s+
          [^;:]{0,90}?(?:,\\s*)?@subject_auxiliaries\\s+$
        examples: ["A woman[ who was walking home was ]killed"]
        near_misses: ["Two men[ were ]shot"]

In a pattern, ``@name`` is a piece, or else the alternation of the word list ``name`` (whole words, longest
first: ``lexicon.alternation``); ``@name/bare`` the same without word boundaries; ``@name/raw`` the list's words
joined by ``|`` as written (they are patterns themselves); ``@a+b`` lists a and b as one; ``@{name}`` where a
letter follows. Rules ignore case unless ``case: sensitive``.

Examples and near misses are written as text with, in brackets, the window the code hands the rule (the gap
between a count and its trigger, the words after a count ...); the rest is context for the reader. The rule reads
the window as ``applies`` says: ``search`` (the default), ``match`` (from its start) or ``fullmatch``; an example
without brackets is read whole. It must fire on every example and on no near miss: ``tests/test_rulebook.py``
walks every record.

Three optional fields make a rule cheaper to scan, never different (``tests/test_rule_index.py``): ``begins_with``
names the word lists whose first words every match begins with (the rule is tried only where one stands),
``follows`` the lists one of whose entries and one space stand right before every match (a rule that opens on a
look-behind: it is tried one space after the last word of such an entry), and ``needs`` the lists of which every
match holds a word (a stretch without one is not scanned at all).

This module knows no language: the words are the lexicon's, the shapes the rulebook's.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Mapping

import re as _stdlib_re

import regex as re

from .lexicon import alternation, load

_MACRO_RE = re.compile(r"@(?:\{(?P<braced>[a-z_]+(?:\+[a-z_]+)*)\}|(?P<plain>[a-z_]+(?:\+[a-z_]+)*))"
                       r"(?:/(?P<form>bare|raw))?")
_MARK_RE = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Rule:
    name: str
    doc: str
    source: str  # the pattern as written, with its macros
    regex: re.Pattern
    examples: tuple[str, ...]
    near_misses: tuple[str, ...]
    applies: str  # "search", "match" or "fullmatch": how the code applies it to a window, so how its examples are read
    first_words: frozenset | None = None  # the words a match begins with (``begins_with``); None: any place
    needed_words: frozenset | None = None  # a match holds one of these words (``needs``); None: no such word
    follow_words: frozenset | None = None  # a match begins one space after one of these words (``follows``)

    def scan(self, text: str, start: int, end: int, words: Words | None = None) -> list[re.Match]:
        """The rule's matches in ``text[start:end]``, as ``finditer`` finds them. Given the stretch's ``words``
        (``words_of``, ``TextWords.of``), a rule that declares the words its matches begin with is tried only where
        one stands, one that declares the words its matches follow only one space after one: leftmost first, never
        inside its own last match."""
        if words is not None and self.needed_words is not None and self.needed_words.isdisjoint(words.vocabulary):
            return []  # the stretch holds none of the words every match holds
        if words is None or self.first_words is None and self.follow_words is None:
            return list(self.regex.finditer(text, start, end))
        follow = self.follow_words
        if (follow if follow is not None else self.first_words).isdisjoint(words.vocabulary):
            return []  # no word of the stretch is one a match begins with or follows
        if follow is not None:
            return match_at(self.regex, text, [at + len(word) + 1 for at, word in words if word in follow], start, end)
        return match_at(self.regex, text, [at for at, word in words if word in self.first_words], start, end)

    def fires_on(self, marked: str) -> bool:
        """Does the rule fire on ``marked``: on its bracketed window, read as ``applies`` says (without brackets,
        on the whole text)?"""
        text, span = unmark(marked)
        window = text[span[0]:span[1]] if span else text
        return getattr(self.regex, self.applies)(window) is not None


_SAME_FLAGS = {re.IGNORECASE: _stdlib_re.IGNORECASE, re.MULTILINE: _stdlib_re.MULTILINE,
               re.DOTALL: _stdlib_re.DOTALL, re.VERBOSE: _stdlib_re.VERBOSE}


def compile_rule(pattern: str, flags: int = 0):
    """``pattern`` compiled by Python's own ``re`` where it takes it, else by ``regex`` (variable-length
    look-behind, ``(?r)``, a flag ``re`` lacks): on the same pattern the two find the same matches
    (``tests/test_rule_engines.py`` compares them on every rule), and ``re`` is about twice as fast to try a pattern
    at a place, which is most of the casualty layer's work."""
    if flags & ~sum(_SAME_FLAGS):
        return re.compile(pattern, flags)
    try:
        return _stdlib_re.compile(pattern, sum(theirs for ours, theirs in _SAME_FLAGS.items() if flags & ours))
    except _stdlib_re.error:
        return re.compile(pattern, flags)


WORD_RE = re.compile(r"\w+")  # a word, as the word indexes of the rulebook and the number layer read it
_ASCII_WORD_RE = _stdlib_re.compile(r"\w+", _stdlib_re.ASCII)  # the same on ASCII words, where re is the faster
_NOT_ASCII_RE = _stdlib_re.compile(r"[^\x00-\x7f]")


def first_word(phrase: str) -> str | None:
    """The first word of a phrase, lower-cased (None when it begins with no word)."""
    m = WORD_RE.match(str(phrase))
    return m.group().lower() if m else None


def last_word(phrase: str) -> str | None:
    """The last word of a phrase, lower-cased, when the phrase ends with a letter or a digit (None otherwise):
    where ``lexicon.alternation`` closes the phrase with a word boundary, so that the word stands whole in every
    text the phrase matches."""
    found = WORD_RE.findall(str(phrase))
    return found[-1].lower() if found and str(phrase)[-1:].isalnum() else None


def match_at(pattern: re.Pattern, text: str, starts: list[int], start: int, end: int) -> list[re.Match]:
    """What ``pattern.finditer(text, start, end)`` finds, when a match can begin only at one of the sorted
    ``starts``: tried at each, leftmost first, never inside the last match."""
    found, last_end = [], start
    for at in starts:
        if at < last_end:
            continue  # inside the last match, where finditer does not look again
        m = pattern.match(text, at, end)
        if m:
            found.append(m)
            last_end = max(m.end(), at + 1)
    return found


class Words(list):
    """The words of a stretch of a text as (start, lower case) pairs, in order (``words_of``, ``TextWords.of``);
    ``vocabulary``, the set of them, is gathered once, when first asked for: a rule whose words are none of them
    is not tried at all."""

    _vocabulary: frozenset | None = None

    @property
    def vocabulary(self) -> frozenset:
        if self._vocabulary is None:
            self._vocabulary = frozenset(word for _, word in self)
        return self._vocabulary


def words_of(text: str, start: int, end: int) -> Words | None:
    """The words of ``text[start:end]`` as (start, lower case) pairs, for ``Rule.scan``; None when one is not ASCII
    (case folding is then more than ``lower()``, and every rule scans the whole stretch)."""
    stretch = text[start:end]
    if stretch.isascii():  # lower-casing keeps every offset: read the words of the lower-cased stretch
        return Words((start + m.start(), m.group()) for m in WORD_RE.finditer(stretch.lower()))
    words = [(m.start(), m.group()) for m in WORD_RE.finditer(text, start, end)]
    if not all(w.isascii() for _, w in words):
        return None
    return Words((at, w.lower()) for at, w in words)


def _words_all_ascii(text: str) -> bool:
    """Is every word of ``text`` ASCII: is no character outside ASCII (a curly quote, a dash) part of a word?"""
    return text.isascii() or not any(WORD_RE.match(c) for c in set(_NOT_ASCII_RE.findall(text)))


class TextWords:
    """The words of a whole text, read once: ``of(start, end)`` is ``words_of(text, start, end)`` without reading
    the stretch again (a stretch whose edge cuts a word is read again, as ``words_of`` reads it)."""

    def __init__(self, text: str):
        self.text = text
        if _words_all_ascii(text):  # lower-casing keeps every offset (it lengthens only a letter, İ)
            self._words = [(m.start(), m.group()) for m in _ASCII_WORD_RE.finditer(text.lower())]
            self._not_ascii = self._ends = None
        else:
            raw = [(m.start(), m.group()) for m in WORD_RE.finditer(text)]
            self._words = [(at, w.lower()) for at, w in raw]
            self._ends = [at + len(w) for at, w in raw]  # (lower-casing may change a length outside ASCII)
            self._not_ascii = [0]  # how many of the first i words are not ASCII
            for _, w in raw:
                self._not_ascii.append(self._not_ascii[-1] + (not w.isascii()))

    def of(self, start: int, end: int) -> Words | None:
        words = self._words
        i, j = bisect_left(words, (start,)), bisect_left(words, (end,))
        if i > 0 and self._end(i - 1) > start or j > i and self._end(j - 1) > end:
            return words_of(self.text, start, end)
        if self._not_ascii is not None and self._not_ascii[j] > self._not_ascii[i]:
            return None
        return Words(words[i:j])

    def _end(self, k: int) -> int:
        return self._ends[k] if self._ends is not None else self._words[k][0] + len(self._words[k][1])

    @property
    def exact(self) -> list[tuple[int, str]] | None:
        """Every word of the text as (start, lower case), when lower-casing kept each word's length (every word is
        ASCII): then ``start + len(word)`` is where it ends, and a word's letters are the text's own but for case.
        None otherwise."""
        return self._words if self._ends is None else None


def unmark(marked: str) -> tuple[str, tuple[int, int] | None]:
    """The text of an example without its brackets, and the bracketed span (None when there is none)."""
    m = _MARK_RE.search(marked)
    if not m:
        return marked, None
    text = marked[:m.start()] + m.group(1) + marked[m.end():]
    return text, (m.start(), m.start() + len(m.group(1)))


class Rulebook:
    """The rules of ``lexicon/<name>.yaml``, compiled; ``book.rule_name`` is that rule's compiled pattern."""

    def __init__(self, name: str, word_lists: Mapping[str, object]):
        spec = load(name)
        self.name = name
        self._words = word_lists
        self._pieces = {k: "".join(str(v).splitlines()) for k, v in (spec.get("pieces") or {}).items()}
        clash = set(self._pieces) & set(word_lists)
        if clash:
            raise ValueError(f"{name}: pieces named like word lists: {sorted(clash)}")
        self.rules: dict[str, Rule] = {}
        for rule_name, record in spec["rules"].items():
            if rule_name in vars(self) or hasattr(type(self), rule_name):
                raise ValueError(f"{name}: a rule may not be named {rule_name!r}")
            self.rules[rule_name] = self._rule(rule_name, record)
            setattr(self, rule_name, self.rules[rule_name].regex)  # book.rule_name, looked up as fast as any

    def _rule(self, name: str, record: dict) -> Rule:
        source = "".join(str(record["pattern"]).splitlines())
        flags = 0 if record.get("case") == "sensitive" else re.IGNORECASE
        applies = record.get("applies", "search")
        if applies not in ("search", "match", "fullmatch"):
            raise ValueError(f"{self.name}.{name}: applies is search, match or fullmatch, not {applies!r}")
        return Rule(name, " ".join(str(record.get("doc", "")).split()), source,
                    compile_rule(self.expand(source), flags), tuple(record.get("examples") or ()),
                    tuple(record.get("near_misses") or ()), applies, self._first_words(record.get("begins_with")),
                    self._first_words(record.get("needs")), self._last_words(name, record))

    def _first_words(self, lists) -> frozenset | None:
        """The first words of the entries of the word lists named (``begins_with``, ``needs``)."""
        if not lists:
            return None
        words = set()
        for name in lists:
            value = self._words[name]
            for entry in (value.keys() if isinstance(value, Mapping) else value):
                first = first_word(entry)
                if first is None:
                    raise ValueError(f"{self.name}: {name!r} holds {entry!r}, which begins with no word")
                words.add(first)
        return frozenset(words)

    def _last_words(self, name: str, record: dict) -> frozenset | None:
        """The last words of the entries of the word lists a rule's matches follow (``follows``)."""
        if not record.get("follows"):
            return None
        if record.get("begins_with"):
            raise ValueError(f"{self.name}.{name}: a rule declares begins_with or follows, not both")
        words = set()
        for list_name in record["follows"]:
            value = self._words[list_name]
            for entry in (value.keys() if isinstance(value, Mapping) else value):
                last = last_word(entry)
                if last is None:
                    raise ValueError(f"{self.name}: {list_name!r} holds {entry!r}, which does not end with a word")
                words.add(last)
        return frozenset(words)

    def expand(self, source: str, _seen: tuple[str, ...] = ()) -> str:
        """``source`` with its macros replaced by the pieces and word lists they name."""
        def one(m: re.Match) -> str:
            names = (m.group("braced") or m.group("plain")).split("+")
            form = m.group("form")
            if len(names) == 1 and names[0] in self._pieces and form is None:
                if names[0] in _seen:
                    raise ValueError(f"{self.name}: piece {names[0]} refers to itself")
                return self.expand(self._pieces[names[0]], _seen + (names[0],))
            words: list = []
            for n in names:
                if n not in self._words:
                    raise KeyError(f"{self.name}: no piece or word list named {n!r}")
                value = self._words[n]
                words.extend(value.keys() if isinstance(value, Mapping) else value)
            if form == "raw":
                return "|".join(str(w) for w in words)
            return alternation(words, boundary=form != "bare")
        return _MACRO_RE.sub(one, source)

    def __getattr__(self, name: str) -> re.Pattern:  # only reached for a name that is no rule
        raise AttributeError(f"rulebook {self.__dict__.get('name')!r} has no rule {name!r}")

    def __iter__(self):
        return iter(self.rules.values())

    def scan(self, name: str, text: str, start: int, end: int, words: Words | None = None) -> list[re.Match]:
        """The matches of the rule ``name`` in ``text[start:end]`` (``Rule.scan``)."""
        return self.rules[name].scan(text, start, end, words)
