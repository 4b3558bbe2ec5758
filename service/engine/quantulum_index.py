"""A faster, equivalent form of quantulum3's unit disambiguation without a classifier.

When a unit's surface names several units ("pound": weight or sterling), quantulum3 (0.10, no scikit-learn)
scores each candidate by the words of its training texts that occur in the text — walking its whole training
set (3.4 MB of examples) and splitting every example again, for every candidate, on every call: a third of the
time quantulum3 takes on gun-violence news. ``disambiguate`` gives the same answer from the words of each
unit gathered once (``tests/test_quantities.py`` compares the two on every ambiguous surface). ``install`` puts
it in quantulum3's place; the engine calls it once, when it loads quantulum3.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache


SHORT = 12  # a training word this long or shorter is looked up among the text's substrings; a longer one searched


@lru_cache(maxsize=None)
def _words_by_unit(lang: str) -> dict[str, tuple[int, dict[str, int], tuple[tuple[str, int], ...]]]:
    """For each unit name: the summed length of its training texts, and each of their words with how many times it
    stands in them (a word found in the text counts that many times, as quantulum3 counts it once per occurrence):
    the short ones (``SHORT``) as a dict, the longer ones as pairs."""
    from quantulum3 import load
    index: dict[str, tuple[int, list[str]]] = {}
    for word_set in load.training_set(lang):
        total, words = index.setdefault(word_set["unit"], (0, []))
        words.extend(word_set["text"].split(" "))
        index[word_set["unit"]] = (total + len(word_set["text"]), words)
    out = {}
    for unit, (total, words) in index.items():
        counted = Counter(words)
        out[unit] = (total, {w: n for w, n in counted.items() if len(w) <= SHORT},
                     tuple((w, n) for w, n in counted.items() if len(w) > SHORT))
    return out


def _substrings(text: str) -> set[str]:
    """Every substring of ``text`` up to ``SHORT`` characters long (the empty one too): a short word is in the text
    when it is one of them."""
    return {text[i:i + k] for k in range(SHORT + 1) for i in range(len(text) - k + 1)}


def disambiguate(entities, text, lang="en_US"):
    """The entity or unit whose training words occur most in ``text``, relative to its training texts' length
    (ties: the one with more words found; then the first) — quantulum3's ``disambiguate_no_classifier``."""
    index = _words_by_unit(lang)
    substrings = _substrings(text)
    max_entity, max_count, max_relative = None, 0, 0
    for entity in entities:
        total, short, long = index.get(entity.name, (0, {}, ()))
        count = sum(short[w] for w in substrings.intersection(short)) + sum(n for word, n in long if word in text)
        relative = count / total if total else 0
        if relative > max_relative or (relative == max_relative and count > max_count):
            max_entity, max_count, max_relative = entity, count, relative
    return max_entity


REPLACED: dict[str, object] = {}  # quantulum3's own function, once ``install`` has put ``disambiguate`` in its place


def install() -> None:
    """Use ``disambiguate`` where quantulum3 disambiguates without a classifier."""
    from quantulum3 import no_classifier
    if no_classifier.disambiguate_no_classifier is not disambiguate:
        REPLACED.setdefault("disambiguate_no_classifier", no_classifier.disambiguate_no_classifier)
        no_classifier.disambiguate_no_classifier = disambiguate
