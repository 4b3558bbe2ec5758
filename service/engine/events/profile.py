"""What one report says that tells its incident from others: its words, its names, its day and its figures.

A profile is made from the request (text, published) and the engine's response; the words are weighed by
how rare they are in news (``Vocabulary``: the set of reports being grouped, added to the document frequencies
of common words in a background of news reports, ``event_vocabulary.json``), so that a site's recurring chrome
and the words of every shooting story count for little, and a victim's name or a street for much, even when
only a few reports are grouped.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex as re

from ..lexicon import alternation, load

BACKGROUND_PATH = Path(__file__).with_name("event_vocabulary.json")
# days and months are capitalised, and name no one
_DATE_NAMES = frozenset(w.lower() for w in (*load("date_words")["months"], *load("date_words")["weekdays"]))

WORD_RE = re.compile(r"\p{L}[\p{L}'’-]{2,}")
# a capitalised run that does not open a sentence: names of people, streets, towns ("Luis Carrasco")
NAME_RE = re.compile(r"(?<![.!?\n]\s*|^\s*)\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*")
_TOWN_BEFORE_RE = re.compile(alternation(load("event_words")["town_prepositions"]) + r"\s+$")
CHROME_MIN_CHARS = 30  # a shorter line ("Advertisement") is no evidence either way
CHROME_SHARE = 0.5  # two stories under different titles that share less than this of the shorter are not copies
LEAD_CHARS = 400  # the title and the first sentence or two: what the report is about
TOP_TERMS = 25  # a report's rarest words, by which it finds the reports it may share an incident with


@dataclass
class Profile:
    id: str
    published: dt.date | None
    words: Counter
    lead_words: Counter
    names: frozenset  # people, streets, organisations
    towns: frozenset  # names after a town preposition
    figures: dict  # category -> the report's summary figure
    places: frozenset
    vectors: dict = field(default_factory=dict)  # filled by Vocabulary.weigh


def _words(text: str) -> Counter:
    """The text's words, days and months aside (two reports of one day share them whatever they tell)."""
    return Counter(w for w in (m.lower() for m in WORD_RE.findall(text)) if w not in _DATE_NAMES)


def _names(text: str) -> tuple[frozenset, frozenset]:
    """The capitalised names of a text (days and months aside): (people and streets, towns)."""
    names, towns = set(), set()
    for m in NAME_RE.finditer(text):
        name = m.group().lower()
        if name not in _DATE_NAMES:
            (towns if _TOWN_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) else names).add(name)
    return frozenset(names - towns), frozenset(towns)


def _title(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def site_chrome(texts: dict[str, str]) -> dict[str, set[str]]:
    """Per report, its lines that are a site's chrome (a newsletter box, a footer), not its story: lines it shares
    with reports under other titles that are not copies of it (they share less than CHROME_SHARE of the shorter
    text), or that reports under three or more titles share. A copy of one story under one title keeps them."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, text in texts.items():
        for line in {line.strip() for line in text.split("\n")}:
            if len(line) >= CHROME_MIN_CHARS:
                docs_of[line].add(doc_id)
    titles = {doc_id: _title(text) for doc_id, text in texts.items()}
    chrome: dict[str, set[str]] = defaultdict(set)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line, docs in docs_of.items():
        if len({titles[d] for d in docs}) >= 3:
            for d in docs:
                chrome[d].add(line)
        elif len(docs) == 2:
            shared[tuple(sorted(docs))].add(line)
    for (a, b), lines in shared.items():
        if titles[a] != titles[b] and sum(map(len, lines)) < CHROME_SHARE * min(len(texts[a]), len(texts[b])):
            chrome[a] |= lines
            chrome[b] |= lines
    return chrome


def make_profiles(items: list[tuple[str, str, dict]]) -> list[Profile]:
    """The profiles of (id, text, response) reports, each read without its site's chrome."""
    texts = {doc_id: text for doc_id, text, _ in items}
    chrome = site_chrome(texts)
    profiles = []
    for doc_id, text, response in items:
        if chrome.get(doc_id):
            text = "\n".join(line for line in text.split("\n") if line.strip() not in chrome[doc_id])
        profiles.append(make_profile(doc_id, text, response))
    return profiles


def make_profile(doc_id: str, text: str, response: dict) -> Profile:
    published = dt.date.fromisoformat(response["published"]) if response.get("published") else None
    names, towns = _names(text)
    return Profile(
        id=doc_id, published=published, words=_words(text), lead_words=_words(text[:LEAD_CHARS]),
        names=names, towns=towns,
        figures={cat: entry["value"] for cat, entry in response["summary"].items()},
        places=frozenset(f["location"].lower() for f in response["casualties"] if f["location"]))


@lru_cache(maxsize=1)
def background() -> dict:
    """{"documents": N, "df": {word: reports of the background that use it}}, common words only."""
    if not BACKGROUND_PATH.exists():
        return {"documents": 0, "df": {}}
    with open(BACKGROUND_PATH, encoding="utf-8") as f:
        return json.load(f)


def document_frequencies(profiles: list[Profile]) -> Counter:
    df: Counter = Counter()
    for p in profiles:
        df.update(p.words.keys())
        df.update(n for n in p.names | p.towns if n not in p.words)
    return df


class Vocabulary:
    """Document frequencies over the reports being grouped and the background, and the vectors they give."""

    def __init__(self, profiles: list[Profile], use_background: bool = True):
        bg = background() if use_background else {"documents": 0, "df": {}}
        self.size = len(profiles) + bg["documents"]
        self.df = document_frequencies(profiles)
        self.background = bg["df"]

    def idf(self, word: str) -> float:
        return math.log((self.size + 1) / (self.df.get(word, 0) + self.background.get(word, 0) + 1)) + 1

    def vector(self, counts) -> dict[str, float]:
        """Unit-length tf-idf vector of a bag of words (or a set of names)."""
        items = counts.items() if isinstance(counts, Counter) else ((w, 1) for w in counts)
        v = {w: (1 + math.log(c)) * self.idf(w) for w, c in items}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    def weigh(self, p: Profile) -> None:
        p.vectors = {"text": self.vector(p.words), "lead": self.vector(p.lead_words),
                     "names": self.vector(p.names)}

    def top_terms(self, p: Profile) -> list[str]:
        return [w for w, _ in sorted(p.vectors["text"].items(), key=lambda t: (-t[1], t[0]))[:TOP_TERMS]]


def cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
