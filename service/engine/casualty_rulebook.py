"""The casualty layer's language, loaded once: its triggers and its rulebook.

``lexicon/casualty_triggers.yaml`` declares the categories with their triggers and the person nouns;
``lexicon/casualty_grammar.yaml`` holds the word lists the rules are made of; ``lexicon/casualty_rules.yaml`` is
the rulebook: every pattern the casualty and summary layers apply, a named record with its examples and near
misses (``RULES.name`` is that rule's compiled pattern). This module only builds the trigger patterns from the
category declarations and gives the word tables their Python form; it knows no English.
"""
from __future__ import annotations

import regex as re

from .lexicon import alternation, load
from .rulebook import Rulebook, compile_rule, first_word, last_word

TRIGGERS = load("casualty_triggers")
GRAMMAR = load("casualty_grammar")
TRIGGER_KINDS = ("passive", "active", "nouns", "tolls")
_PLURAL_PERSONS = {p.lower() for p in TRIGGERS["plural_persons"]}


def _singular_persons(any_case: bool) -> list[str]:
    """The person nouns that name one person ("man", "victim"; capitalised ones such as "Marine" only with
    ``any_case``): a plural is a word ending in -s, or one that ``plural_persons`` lists."""
    return [p for p in TRIGGERS["persons"] if not p.endswith("s") and p.lower() not in _PLURAL_PERSONS
            and (any_case or p[0].islower())]


def _word_lists() -> dict[str, object]:
    date_words = load("date_words")
    lists = {**GRAMMAR, **{k: v for k, v in TRIGGERS.items() if k != "categories"},
             "months": date_words["months"], "weekdays": date_words["weekdays"],
             "singular_persons": _singular_persons(any_case=False),
             "singular_persons_any_case": _singular_persons(any_case=True)}
    return lists


WORD_LISTS = _word_lists()  # every list a rule may name as @list
RULES = Rulebook("casualty_rules", WORD_LISTS)


# ------------------------------------------------------------------------------------------- triggers
def _trigger_regex(words, phrase: str | None = None) -> re.Pattern | None:
    # never the second half of a hyphenated word: "a NON-FATAL shooting of his son" is no death
    parts = ([rf"(?<!-){alternation(words)}"] if words else []) + ([phrase] if phrase else [])
    return compile_rule("|".join(parts), re.IGNORECASE) if parts else None


def _phrase_regex(spec: dict) -> str:
    """A trigger built of an opener, up to three modifiers and a head: "taken to a hospital WITH
    NON-LIFE-THREATENING INJURIES", "SUFFERED MINOR HEAD INJURIES", "ESCAPED WITH SERIOUS, BUT NOT
    LIFE-THREATENING, WOUNDS"."""
    modifier = rf"(?:{alternation(spec['modifiers'])}(?:\s*,\s*|\s+)(?:{alternation(spec['joiners'])}\s+)?)"
    return (rf"{alternation(spec['openers'])}\s+(?:{alternation(spec['articles'])}\s+)?{modifier}{{0,3}}"
            rf"{alternation(spec['heads'])}")


# Per category and kind of trigger (passive, active, nouns, tolls), one pattern of all its triggers
TRIGGER_PATTERNS = {cat: {kind: _trigger_regex(spec.get(kind) or [],
                                               _phrase_regex(spec[f"{kind}_phrases"])
                                               if f"{kind}_phrases" in spec else None)
                          for kind in TRIGGER_KINDS}
                    for cat, spec in TRIGGERS["categories"].items()}


def _trigger_words(word_of, phrase_part: str) -> dict[str, dict[str, frozenset | None]]:
    """Per category and kind, ``word_of`` each of its triggers (for phrase triggers, of each ``phrase_part``);
    None where one has no such word."""
    return {cat: {kind: (None if None in (words := {word_of(w) for w in (spec.get(kind) or [])} |
                                          {word_of(w) for w in spec.get(f"{kind}_phrases", {}).get(phrase_part, [])})
                         else frozenset(words))
                  for kind in TRIGGER_KINDS}
            for cat, spec in TRIGGERS["categories"].items()}


# Per category and kind, the first words its triggers can begin with (an opener, for phrase triggers): a sentence
# none of whose words is one of them holds no trigger of that kind, and its pattern need not run (None: no first
# word to tell, the pattern always runs). Exact for ASCII words, where the patterns' case folding is lower().
TRIGGER_FIRST_WORDS = _trigger_words(first_word, "openers")
# ... and the last words they end with (a head, for phrase triggers): a sentence none of whose words is one of
# them holds no trigger of that kind either (None: no last word to tell).
TRIGGER_LAST_WORDS = _trigger_words(last_word, "heads")

# ------------------------------------------------------------------------------------------- word tables
UNDATED_NEGATIONS = frozenset(GRAMMAR["undated_negations"])
PRONOUNS = frozenset(w.lower() for w in GRAMMAR["subject_pronouns"] + GRAMMAR["object_pronouns"])
PERPETRATOR_HEADS = frozenset(w.lower().rstrip("s") for w in GRAMMAR["perpetrator_heads"])
MULTIPLIERS = dict(GRAMMAR["multipliers"])  # "double fatal shooting": two killed
TALLY_ORDINALS = {k.lower(): v for k, v in GRAMMAR["tally_ordinals"].items()}  # "a fourth man": the fourth so far
PAIR_NOUNS = {w.lower() for w in GRAMMAR["pair_nouns"]}  # "an elderly couple": two people
NEG_CAT = dict(GRAMMAR["negated_nouns"])  # "no injuries": the category a negated noun states a zero of
OPENING_QUOTES = "".join(GRAMMAR["opening_quotes"])  # a quoted count links as a bare one
CLOSING_QUOTES = "".join(GRAMMAR["closing_quotes"])
LINK_WINDOW = 220  # no pattern bridges more characters than this between a count and its trigger
COMMA_RE = re.compile(r",(?!\d)")  # a comma between words, not a thousands separator
ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
LINE_END_RE = re.compile(r"[ \t\u00a0]*[\n\u2028\u2029]")  # a title is a line of its own: its sentence ends there


def relatives_value(np: str) -> int:
    """How many people a possessive list of relatives names: one each, two for a plural."""
    return len(RULES.relative_one.findall(np)) + 2 * len(RULES.relatives_plural.findall(np))
