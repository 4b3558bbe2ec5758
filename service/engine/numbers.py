"""The numeral layer: every number in a text, the role it plays there, and the counts among them.

``scan_numbers(text)`` finds each number expression — digits ("1,200", "2.3m"), words ("a hundred and
twelve", "two dozen"), vague quantities ("dozens", "tens of thousands") — and gives it a role: ``count``,
or one of the roles that make it something else (year, date, time, age, address, identifier, phone,
money, percent, measure, duration, score, decimal, pronoun, idiom, restatement). ``find_counts(text)`` keeps the counts,
each with its qualifier ("at least", "nearly", ...), range and exact offsets.

The language knowledge lives in ``lexicon/number_words.yaml``, ``vague_quantities.yaml``,
``qualifiers.yaml`` and ``number_contexts.yaml``; this module only applies it.
Overlap policy: the longest expression at a position wins; masks (dates like 2024-08-10, clock times,
phone numbers) are found first and a number inside one takes the mask's role.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from .lexicon import alternation, load
from .rulebook import WORD_RE, TextWords, compile_rule, first_word, match_at
from .spans import Spans

_WORDS = load("number_words")
_VAGUE = load("vague_quantities")
_QUALS = load("qualifiers")
_CTX = load("number_contexts")

UNITS: dict[str, int] = _WORDS["units"]
TENS: dict[str, int] = _WORDS["tens"]
SCALES: dict[str, int] = _WORDS["scales"]
ABBREVIATIONS: dict[str, int] = _WORDS["scale_abbreviations"]
MULTIPLES: dict[str, int] = _WORDS["multiples"]
MAX_DIGITS = 18
VAGUE: dict[str, int] = {k.lower(): v for k, v in _VAGUE["quantities"].items()}


@dataclass(frozen=True)
class Count:
    """A count as the API reports it: ``text[start:end]`` is the qualifier and the number together."""

    start: int
    end: int
    text: str
    value: int
    min: int | None
    max: int | None
    qualifier: str
    kind: str  # digits | words | vague | range
    core_start: int
    core_end: int

    def as_dict(self) -> dict:
        return {"value": self.value, "min": self.min, "max": self.max, "qualifier": self.qualifier,
                "text": self.text}


@dataclass(frozen=True)
class NumberMention:
    """One number expression and its role; ``count`` is set when the role is ``count``."""

    start: int
    end: int
    text: str
    value: float
    role: str
    kind: str
    count: Count | None = None
    unit_hint: str | None = None


# ----------------------------------------------------------------------------------------------- patterns
_F = re.IGNORECASE | re.VERBOSE

_DIGIT_CORE = r"""
(?<![\w.,:/\\])
(?P<num>
    \d{1,2}(?:,\d{2})+,\d{3}                # 27,00,000   1,79,321: South Asian grouping (lakhs, crores)
  | \d{1,3}(?:,\d{3})+(?:\.\d+)?            # 1,200   40,000   1,200.5
  | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+   # 1 200 with a thin or no-break space
  | \d{1,3}(?:\x20\d{3})*\x20000(?=\x20[a-z]) # 200 000 people: a plain space, thousands before a word
  | \d{1,3}(?:\.\d{3}){2,}                  # 1.200.000: European grouping, unambiguous
  | \d+(?:\.\d+)?                           # 93   2.3   2023
)
(?:
    \s*(?P<scale>""" + alternation(SCALES, boundary=False) + r""")(?:s\b|\b)
  | (?P<abbr>""" + alternation(ABBREVIATIONS, boundary=False) + r""")
)?
(?![\w]|[.,]\d)
"""

_UNIT_WORD = alternation(UNITS)
_TENS_WORD = alternation(TENS)
_SCALE_WORD = alternation(list(SCALES) + list(MULTIPLES))
_NUMBER_WORD = rf"(?:{_TENS_WORD}(?:[-\s]{_UNIT_WORD})?|{_UNIT_WORD}|{_SCALE_WORD})"
_ARTICLE = alternation(_WORDS["article_one"])
_WORD_CORE = rf"""
(?<![\w-])
(?P<words>
    (?:{alternation(_WORDS['half_words'])}\s+)?
    (?:{_ARTICLE}\s+(?={_SCALE_WORD}))?
    {_NUMBER_WORD}
    (?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_ARTICLE}\s+(?={_SCALE_WORD}))?{_NUMBER_WORD})*
)
(?![\w-])
"""

_VAGUE_CORE = r"(?P<vague>" + alternation(VAGUE) + r")"
_CORE_RE = compile_rule(rf"{_DIGIT_CORE}|{_VAGUE_CORE}|{_WORD_CORE}", _F)
# A number begins at a word that opens with a digit, or at one of these words (the first words of the lists
# the word and vague cores are made of): ``_core_matches`` tries the core pattern only there.
_CORE_FIRST_WORDS = frozenset(
    first_word(w) for lst in (UNITS, TENS, SCALES, MULTIPLES, VAGUE, _WORDS["half_words"], _WORDS["article_one"])
    for w in lst)
if not all(w and w.isascii() for w in _CORE_FIRST_WORDS):
    raise ValueError("number words must begin with an ASCII word: a word index compares lower-cased words")

_QUAL_BEFORE = {q: alternation(ws) for q, ws in _QUALS["before"].items()}
_QUAL_BEFORE_RE = compile_rule(
    r"(?<![\w])(?:" + "|".join(f"(?P<{q}>{p})" for q, p in _QUAL_BEFORE.items()) + r")\s*$", re.IGNORECASE)
_QUAL_AFTER_RE = compile_rule(
    r"^(?:\s*-?\s*(?P<at_least>" + alternation(_QUALS["after"]["at_least"]) + r")"
    r"|\s+(?P<about>" + alternation(_QUALS["after"]["about"]) + r"))", re.IGNORECASE)

# Masks: expressions found before the numbers; a number inside one takes its role. A mask may tell where its matches
# begin, so that it is tried only there (``match_at``): at a word holding a digit or followed by a hyphen ("AK-47",
# "B52", "#12", "1.2.3", "5ft" -- ``_DIGIT_WORD``), or at one of the first words of its phrases; else anywhere.
# (The masks scan whole texts, where regex's search for a pattern's opening is the faster; the other patterns of
# this module are tried at places and on short contexts, where re is: ``rulebook.compile_rule``.)
_DIGIT_WORD = "digit word"


def _first_words(phrases) -> frozenset:
    return frozenset(first_word(p) for p in phrases)


_MASKS = [
    ("date", re.compile(r"(?<![\w/.-])\d{4}-\d{1,2}-\d{1,2}(?![\w/-])")),
    ("date", re.compile(r"(?<![\w/.-])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\w/])")),
    ("date", re.compile(r"(?<![\w/.,-])\d{1,2}/\d{1,2}(?![\w/])")),
    # "(555) 010-4477", "1-877-903-STOP" (a number spelled in letters at its end)
    ("phone", re.compile(r"(?<![\w-])(?:\+?1[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-](?:\d{4}|[A-Z]{4})(?![\w-])")),
    ("phone", re.compile(r"(?<![\w-])\d{3}-\d{4}(?![\w-])")),  # a local number: "call 555-0123"
    ("time", re.compile(r"(?<![\w:.])\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?(?![\w:])", re.IGNORECASE)),
    ("date", re.compile(r"(?<![\w])(?:1[5-9]|20)\d{2}\s*[-–/]\s*(?:\d{2}|(?:1[5-9]|20)\d{2})(?![\w-])")),
    ("date", re.compile(r"(?<![\w])(?:1[5-9]|20)\d0'?s(?![\w])")),
    # "mid-1996", "late-2023": a year with its modifier, not an identifier
    ("year", re.compile(r"(?<=(?<![\w])" + alternation(_CTX["year_modifiers"]) + r"-)(?:1[5-9]|20)\d{2}(?![\w-])",
                        re.IGNORECASE)),
    ("identifier", re.compile(r"(?<![\w])(?:[A-Za-z]+-\d+[A-Za-z]*|[A-Za-z]\d+|#\d+|\d+(?:\.\d+){2,}"
                              r"|\d+(?:\.\d+)?(?!(?:k|m|mn|mln|bn|b)(?![\w]))[A-Za-z]+\d*)(?![\w])"), _DIGIT_WORD),
    ("ordinal", re.compile(r"(?<![\w])\d+(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)),
    ("idiom", re.compile(alternation(_CTX["set_phrases"]), re.IGNORECASE),  # "ground zero", "zero tolerance"
     _first_words(_CTX["set_phrases"])),
    ("age", re.compile(r"(?<=\b" + alternation(_CTX["age_decade_before"]) + r"[-\s]{1,2})\d0['’]?s(?![\w])",
                       re.IGNORECASE)),
    # "a 12-year-boy" (an age missing its "old"), "dead at 25"
    ("age", re.compile(r"(?<![\w-])\d{1,3}-years?-(?=[a-z])", re.IGNORECASE)),
    ("age", re.compile(r"(?<=\b" + alternation(_CTX["age_at_before"]) + r"\s)\d{1,3}(?![\w,.]\d)", re.IGNORECASE)),
    # "one 16 and the other 17": the ages of a pair, one by one
    ("age", re.compile(r"(?<=\b" + alternation(_CTX["age_pair_openers"]) + r"\s)\d{1,2}(?=\s+"
                       + alternation(_CTX["age_pair_joiners"]) + r"\s+\d{1,2}\b)|(?<=\b"
                       + alternation(_CTX["age_pair_openers"]) + r"\s\d{1,2}\s+" + alternation(_CTX["age_pair_joiners"])
                       + r"\s)\d{1,2}\b", re.IGNORECASE)),
    # a channel number before a station's name or call sign: "Local 10 News", "13 WREX has learned"
    ("identifier", re.compile(r"(?<![\w.,])\d{1,2}(?=\s+(?:" + alternation(_CTX["broadcaster_after"])
                              + r"|[KW][A-Z]{3}\s+(?i:" + alternation(_CTX["call_sign_verbs"]) + r")))")),
    # "called 911", "a 911 call": the emergency number
    ("identifier", re.compile(r"(?<![\w-])911(?![\w-])")),
    ("identifier", re.compile(r"(?<![\w])" + alternation(_CTX["gallery_words"]) + r"\s+\d+\s*(?:of|/)\s*\d+(?![\w])",
                              re.IGNORECASE), _first_words(_CTX["gallery_words"])),
]

_MONTH = alternation(_CTX["months"])
_MONTH_BEFORE_RE = compile_rule(rf"(?<![\w]){_MONTH}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER_RE = compile_rule(rf"^(?:\s*(?:th|st|nd|rd)?\s*(?:of\s+)?){_MONTH}(?![\w])", re.IGNORECASE)
# "ages 24, 25, and 41", "aged 16 to 18": every number of the list is an age
_AGE_BEFORE_RE = compile_rule(r"(?<![\w])" + alternation(_CTX["age_before"]) + r"\s*:?\s*"
                              r"(?:\d{1,3}\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|to)\s+|-\s*))*$", re.IGNORECASE)
_DISTANCE_AFTER_RE = compile_rule(r"\s+" + alternation(_CTX["distance_after"]), re.IGNORECASE)
_AGE_AFTER_RE = compile_rule(r"^\s*" + alternation(_CTX["age_after"], boundary=False) + r"(?![a-z])", re.IGNORECASE)
_AGE_NOUNS = alternation(_CTX["age_apposition_nouns"])
_AGE_APPOSITION_RE = compile_rule(r"(?:[A-Z][\w'.-]+|(?i:" + _AGE_NOUNS + r")),\s*$")
# ... and the ages after the first of such a list: "Three teens, 15, 16 AND 17, were wounded"
_AGE_LIST_RE = compile_rule(r"(?i:" + _AGE_NOUNS + r"),\s*(?:\d{1,3}\s*,\s*)*\d{1,3}"
                            r"\s*(?:,\s*|,?\s+(?:and|&)\s+)$")
# ... and the ages before the last of a list that only the last marks: "the 15- and 16-year-old boys", "15, 16
# and 17-year-olds"
_AGE_AHEAD_RE = compile_rule(r"^-?(?:\s*,\s*\d{1,3}-?)*,?\s+" + alternation(_CTX["age_list_joiners"], boundary=False)
                             + r"\s+\d{1,3}\s*-\s*" + alternation(_CTX["age_units"], boundary=False)
                             + r"[-\s]olds?(?![a-z])", re.IGNORECASE)
# "Rena Vock, 29, ...", "Rena Vock, 29 and pregnant, ...", "Smith, 29, and his wife"
_AGE_APPOSITION_AFTER_RE = compile_rule(r"^\s*(?:,|\)|;|\.(?:\s|$)|and\s+\d|of\s+[A-Z]|who\b|and\s+[A-Z]|"
                                        r"and\s+" + alternation(_CTX["age_apposition_and"]) + ")")
_TIME_AFTER_RE = compile_rule(r"^\s*" + alternation(_CTX["time_after"]) + r"(?![\w])", re.IGNORECASE)
_CURRENCY_BEFORE_RE = compile_rule(alternation(_CTX["currency_before"], boundary=False) + r"\s?$")
_CURRENCY_AFTER_RE = compile_rule(r"^\s*" + alternation(_CTX["currency_after"]) + r"(?![\w])", re.IGNORECASE)
_PERCENT_AFTER_RE = compile_rule(r"^\s*" + alternation(_CTX["percent_after"], boundary=False) + r"(?![a-z])",
                                 re.IGNORECASE)
_MEASURE_AFTER_RE = compile_rule(r"^\s*-?" + alternation(_CTX["measure_after"], boundary=False) + r"(?![a-z\d])",
                                 re.IGNORECASE)
_FREQUENCY_BEFORE_RE = compile_rule(r"(?<![\w])" + alternation(_CTX["frequency_before"]) + r"\s+$", re.IGNORECASE)
_DURATION_AFTER_RE = compile_rule(r"^\s*-?" + alternation(_CTX["duration_after"]) + r"(?![\w])", re.IGNORECASE)
_ADDRESS_AFTER_RE = compile_rule(
    r"^\s+(?:" + alternation(_CTX["address_after"]) + r"|(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){0,3}"
    + alternation(_CTX["street_suffixes"]) + r"\.?(?![\w]))", re.IGNORECASE)
_ADDRESS_STRICT_RE = compile_rule(r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){0,3}[A-Z]")
_IDENTIFIER_BEFORE_RE = compile_rule(r"(?<![\w])" + alternation(_CTX["identifier_before"]) + r"\s*$", re.IGNORECASE)
_SCORE_CONTEXT_RE = compile_rule(alternation(_CTX["score_context"]), re.IGNORECASE)
_YEAR_BEFORE_RE = compile_rule(r"(?<![\w])" + alternation(_CTX["year_before"]) + r"\s*$", re.IGNORECASE)
_POSSESSIVE_BEFORE_RE = compile_rule(r"(?<=\w)['’]s\s+$")  # "Navigation Mixte's 1989 unconsolidated profit"
_FAMILY_BEFORE_RE = compile_rule(r"(?<![\w-])" + alternation(_CTX["family_before"], boundary=False) + r"\s*$",
                                 re.IGNORECASE)
_FAMILY_AFTER = {w.lower() for w in _CTX["family_after"]}
_ONE_BEFORE_RE = compile_rule(r"(?<![\w])" + alternation(_CTX["one_pronoun_before"]) + r"\s*$", re.IGNORECASE)
_ONE_AFTER_RE = compile_rule(r"^\s*" + alternation(_CTX["one_pronoun_after"], boundary=False) + r"(?![\w])",
                             re.IGNORECASE)
_NEXT_WORD_RE = compile_rule(r"^\s+([A-Za-z][\w'-]*)")
_RANGE_SEP_RE = compile_rule(r"^(?:\s*[-–—]\s*|\s+to\s+|\s+or\s+|\s+and\s+)$", re.IGNORECASE)
_RANGE_OPENER_RE = compile_rule(r"(?<![\w])(?P<w>between|from)\s+$", re.IGNORECASE)
_NEED_OF = {p.lower() for p in _VAGUE["need_of"]}
_NEED_NOUN = {p.lower() for p in _VAGUE["need_noun"]}
_VAGUE_NOT_BEFORE_RE = compile_rule(r"\s+(?:[\w-]+\s+)?" + alternation(_VAGUE["not_before"]), re.IGNORECASE)
_FREQUENCY_AFTER_RE = compile_rule(r"^\s*(?:more\s+|other\s+|[\w-]+\s+)?" + alternation(_CTX["frequency_after"]),
                                   re.IGNORECASE)
_NOT_A_NOUN = {w.lower() for w in _CTX["not_a_noun"]}
_COUNTED_WITHOUT_S = {w.lower() for w in _CTX["counted_without_s"]}


_GROUP_SEP_RE = compile_rule(r"[,\u00a0\u202f\u2009 ]")
_LETTERS_RE = compile_rule(r"[A-Za-z]+")
_LOWER_WORD_AFTER_RE = compile_rule(r"\s+[a-z]")
_DOT_THOUSANDS_RE = compile_rule(r"\d{1,3}(?:\.\d{3})")
_OF_AFTER_RE = compile_rule(r"\s+of\b", re.IGNORECASE)
# "27 lakh (2.7 million) people": the same figure again in parentheses, in other units
_RESTATEMENT_OPEN_RE = compile_rule(r"\s*\(\s*(?:[a-z]+\s+){0,2}")
_RESTATEMENT_CLOSE_RE = compile_rule(r"\s*(?:[a-z]+\s*)?\)")
RESTATEMENT_TOLERANCE = 0.1  # a conversion rounds: "about one lakh (100 thousand)", "1,29,000 (130,000)"
_DIGIT_AFTER_RE = compile_rule(r"\s+\d")
# "the 1100 block of", "the 400 and 500 blocks of Bourbon Street": both are house numbers
_BLOCK_AFTER_RE = compile_rule(r"(?:\s*(?:and|to|through|-|–)\s*\d+)?\s+" + alternation(_CTX["address_after"]),
                               re.IGNORECASE)
_YEAR_CONTEXT_RE = compile_rule(r"\s*(?:[,.;)]|$|" + alternation(_CTX["year_context_after"]) + ")")


# ----------------------------------------------------------------------------------------------- values
def parse_digits(num: str) -> float:
    """"1,200" -> 1200, "1 200" -> 1200, "1.200.000" -> 1200000, "2.3" -> 2.3."""
    plain = _GROUP_SEP_RE.sub("", num)
    if plain.count(".") > 1:
        plain = plain.replace(".", "")
    return float(plain)


class _NumberReader:
    """Reads number words one at a time into one well-formed number ("a hundred and twelve"), and says where it
    stops. ``last`` is the kind of the last number word: unit, teen, tens, hundred, scale, or article ("a")."""

    def __init__(self):
        self.total, self.current, self.start, self.end = 0, 0, None, None
        self.last, self.last_scale, self.half = None, 10 ** 15, False

    def take(self, w: str, s: int, e: int, following: str | None) -> str:
        """"took" the word, "skip" it (it joins, as "and" does), or "stop" before it."""
        if w == "half" and self.start is None:
            self.half, self.start = True, s
            return "skip"
        if w in _WORDS["article_one"] and following in {**SCALES, **MULTIPLES}:
            if self.last is not None and w != "one":
                return "stop"
            if self.last is None:
                self.current, self.start, self.end, self.last = 1, (s if self.start is None else self.start), e, "article"
                return "skip"
        if w == "and":
            joins = self.last in ("hundred", "scale") and (following in UNITS or following in TENS)
            return "skip" if joins else "stop"
        if not self._number_word(w):
            return "stop"
        self.start = s if self.start is None else self.start
        self.end = e
        return "took"

    def _number_word(self, w: str) -> bool:
        current, last = self.current, self.last
        if w in UNITS:
            n = UNITS[w]
            if not (last in (None, "hundred", "scale") or (last == "tens" and n < 10 and current % 10 == 0)):
                return False
            self.current, self.last = current + n, ("teen" if n >= 10 else "unit")
        elif w in TENS:
            if not (last in (None, "hundred", "scale") and current % 100 == 0):
                return False
            self.current, self.last = current + TENS[w], "tens"
        elif w == "hundred":
            if not (last in ("unit", "teen", "article") and current < 100):
                return False
            self.current, self.last = current * 100, "hundred"
        elif w in SCALES:
            scale = SCALES[w]
            if last is None or scale >= self.last_scale or current == 0:
                return False
            self.total, self.current, self.last_scale, self.last = self.total + current * scale, 0, scale, "scale"
        elif w in MULTIPLES:
            if last is None or current == 0:
                return False
            self.current, self.last, self.last_scale = current * MULTIPLES[w], "scale", 1
        else:
            return False
        return True

    def value(self) -> int:
        value = self.total + self.current
        return value // 2 if self.half else value


def parse_number_words(words: str) -> list[tuple[int, int, int]]:
    """Read a run of number words into well-formed numbers: [(value, start, end)] with offsets into ``words``.

    "a hundred and twelve" -> [(112, 0, 20)]; "two or three" is split by the caller; "two three" gives
    two numbers because English writes no cardinal that way.
    """
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _LETTERS_RE.finditer(words)]
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(tokens):
        reader, j = _NumberReader(), i
        while j < len(tokens):
            w, s, e = tokens[j]
            if reader.take(w, s, e, tokens[j + 1][0] if j + 1 < len(tokens) else None) == "stop":
                break
            j += 1
        if reader.end is None or reader.last == "article":
            i = max(j, i + 1)
            continue
        out.append((reader.value(), reader.start, reader.end))
        i = j
    return out


def _qualified(value: float, qualifier: str) -> tuple[int, int | None, int | None]:
    """Point value, min and max for a number and its qualifier (table in lexicon/qualifiers.yaml)."""
    v = int(round(value))
    if qualifier == "at_least":
        return v, v, None
    if qualifier == "more_than":
        return v + 1, v + 1, None
    if qualifier in ("approaching", "at_most"):
        return v, None, v
    if qualifier == "less_than":
        return max(v - 1, 0), None, max(v - 1, 0)
    if qualifier == "vague":
        return v, v, None
    return v, None, None


# ----------------------------------------------------------------------------------------------- scanning
@dataclass
class _Core:
    start: int
    end: int
    value: float
    kind: str  # digits | words | vague
    role: str = "count"
    integral: bool = True
    unit_hint: str | None = None


def _digit_word_starts(text: str, words: list[tuple[int, str]]) -> list[int]:
    """Where a word holding a digit (or followed by a hyphen) begins, or the "#" before a word of digits."""
    starts = []
    for at, word in words:
        if not word.isalpha():
            if at and text[at - 1] == "#":
                starts.append(at - 1)
            starts.append(at)
        elif text[at + len(word):at + len(word) + 1] == "-":
            starts.append(at)
    return starts


def _core_matches(text: str, words: list[tuple[int, str]] | None) -> list[re.Match]:
    """What ``_CORE_RE.finditer(text)`` finds, trying the pattern only where a number can begin: a word opening
    with a digit, a word of ``_CORE_FIRST_WORDS``, or a word not in ASCII (whose case folding ``lower()`` may
    not follow). ``words``: the text's lower-cased ASCII words (``TextWords.exact``), or None to read them."""
    if words is not None:
        starts = [at for at, word in words if word[0].isdigit() or word in _CORE_FIRST_WORDS]
    else:
        starts = [m.start() for m in WORD_RE.finditer(text) if m.group()[0].isdigit()
                  or m.group().lower() in _CORE_FIRST_WORDS or not m.group().isascii()]
    return match_at(_CORE_RE, text, starts, 0, len(text))


def _cores(text: str, words: list[tuple[int, str]] | None) -> list[_Core]:
    cores: list[_Core] = []
    for m in _core_matches(text, words):
        if m.group("num"):
            if len(m.group("num")) > MAX_DIGITS:
                continue  # a run of digits this long is an identifier, never a count or a quantity
            value = parse_digits(m.group("num"))
            integral = value == int(value)
            scale = m.group("scale")
            abbr = m.group("abbr")
            end = m.end()
            if scale:
                value *= SCALES[scale.lower().rstrip("s")] if scale.lower().rstrip("s") in SCALES else 1
                integral = True
            elif abbr:
                if abbr.lower() == "m" and integral and not _CURRENCY_BEFORE_RE.search(text, 0, m.start()) \
                        and (not _LOWER_WORD_AFTER_RE.match(text, end, end + 3) or _DISTANCE_AFTER_RE.match(text, end)):
                    # "100m" on its own is a distance; "2.3m people" and "$3m" are millions
                    cores.append(_Core(m.start(), end, value, "digits", role="measure", unit_hint="m"))
                    continue
                value *= ABBREVIATIONS[abbr.lower()]
                integral = True
            if _DOT_THOUSANDS_RE.fullmatch(m.group("num")) and not scale and not abbr:
                # "1.200 people": a count cannot be fractional, so a three-digit tail is a thousands group
                # when a counted noun follows; otherwise it stays a decimal.
                nxt = _NEXT_WORD_RE.match(text[end:end + 40])
                if nxt and nxt.group(1)[0].islower() and nxt.group(1).lower() not in _CTX["measure_after"]:
                    value, integral = float(m.group("num").replace(".", "")), True
            cores.append(_Core(m.start(), end, value, "digits", integral=integral))
        elif m.group("vague"):
            phrase = " ".join(m.group("vague").lower().split())
            after = text[m.end():m.end() + 40]
            if phrase in _NEED_OF and not _OF_AFTER_RE.match(after):
                continue
            if _VAGUE_NOT_BEFORE_RE.match(after):
                continue  # "multiple times", "several rounds"
            if phrase in _NEED_NOUN:
                nxt = _NEXT_WORD_RE.match(after)
                if not nxt or nxt.group(1).lower() in _NOT_A_NOUN or not nxt.group(1)[0].islower() or \
                        _CORE_RE.match(after.lstrip()) or _DIGIT_AFTER_RE.match(after):
                    continue
            cores.append(_Core(m.start(), m.end(), VAGUE[phrase], "vague"))
        else:
            base = m.start("words")
            for value, s, e in parse_number_words(m.group("words")):
                cores.append(_Core(base + s, base + e, value, "words"))
    return cores


def _masks(text: str, words: list[tuple[int, str]] | None) -> list[tuple[int, int, str]]:
    """The masks' spans, each mask in turn, none overlapping an earlier one; ``words`` are the text's words
    (``TextWords.exact``), None to scan each mask over the whole text."""
    spans: list[tuple[int, int, str]] = []
    taken = Spans()
    digit_words = None
    for role, pattern, *opens in _MASKS:
        if words is None or not opens:
            found = pattern.finditer(text)
        elif opens[0] == _DIGIT_WORD:
            digit_words = _digit_word_starts(text, words) if digit_words is None else digit_words
            found = match_at(pattern, text, digit_words, 0, len(text))
        else:
            found = match_at(pattern, text, [at for at, word in words if word in opens[0]], 0, len(text))
        for m in found:
            if not taken.overlaps(m.start(), m.end()):
                spans.append((m.start(), m.end(), role))
                taken.add(m.start(), m.end())
    return spans


def _counts_no_other_noun(after: str) -> bool:
    """After "a father of two": no plural follows the number ("of two was shot", "Father of three killed"), or one
    of children ("of two young sons"); "the mother of two victims" counts the victims."""
    nxt = _NEXT_WORD_RE.match(after)
    if nxt is None:
        return True
    w = nxt.group(1).lower()
    return w in _NOT_A_NOUN or w in _FAMILY_AFTER or not (w.endswith("s") or w in _COUNTED_WITHOUT_S)


def _role(text: str, c: _Core) -> str:
    """The role a number plays in its context (the policy is the order of the checks)."""
    if c.role != "count":
        return c.role
    before = text[max(0, c.start - 60):c.start]
    after = text[c.end:c.end + 80]
    if c.kind == "vague":
        return "count"
    if _MONTH_BEFORE_RE.search(before) and c.kind == "digits" and c.value <= 31 and c.integral:
        return "date"
    if _MONTH_AFTER_RE.match(after) and c.value <= 31:
        return "date"
    if _AGE_AFTER_RE.match(after) or (_AGE_BEFORE_RE.search(before) and c.value < 130):
        return "age"
    if c.kind == "digits" and c.value < 130 and _AGE_APPOSITION_RE.search(before) and \
            _AGE_APPOSITION_AFTER_RE.match(after):
        return "age"
    if c.kind == "digits" and c.value < 130 and _AGE_LIST_RE.search(before) and _AGE_APPOSITION_AFTER_RE.match(after):
        return "age"
    if c.kind == "digits" and c.value < 130 and _AGE_AHEAD_RE.match(after):
        return "age"
    if _FAMILY_BEFORE_RE.search(before) and _counts_no_other_noun(after):
        return "family"  # "a father of two was shot": his children, not the victims
    if _TIME_AFTER_RE.match(after):
        return "time"
    if _CURRENCY_BEFORE_RE.search(before) or _CURRENCY_AFTER_RE.match(after):
        return "money"
    if _PERCENT_AFTER_RE.match(after):
        return "percent"
    if _DURATION_AFTER_RE.match(after):
        return "duration"
    if _FREQUENCY_AFTER_RE.match(after) or _FREQUENCY_BEFORE_RE.search(before):
        return "frequency"
    if _MEASURE_AFTER_RE.match(after):
        return "measure"
    if c.kind == "digits" and _BLOCK_AFTER_RE.match(after):
        return "address"  # "the 1100 block of East March Lane"
    if c.kind == "digits":
        num = text[c.start:c.end]
        if len(num) == 4 and num.isdigit() and 1000 <= c.value <= 2100:
            if _qualifier_before(before) is None:
                nxt = _NEXT_WORD_RE.match(after)
                if _YEAR_BEFORE_RE.search(before) or _MONTH_BEFORE_RE.search(before) or not nxt or not nxt.group(1)[0].islower() \
                        or nxt.group(1).lower() in _NOT_A_NOUN or 1900 <= c.value <= 2100 and (
                            _is_year_context(after) or _singular_noun(nxt.group(1))
                            or _POSSESSIVE_BEFORE_RE.search(before)):
                    return "year"
        if _IDENTIFIER_BEFORE_RE.search(before):
            return "identifier"
        if c.value >= 10 and _ADDRESS_AFTER_RE.match(after) and _ADDRESS_STRICT_RE.match(after) or \
                _BLOCK_AFTER_RE.match(after):
            return "address"
        if not c.integral:
            return "decimal"
    if c.kind == "words" and c.value == 1 and text[c.start:c.end].lower() == "one":
        if _ONE_BEFORE_RE.search(before) or _ONE_AFTER_RE.match(after):
            return "pronoun"
    return "count"


def _is_year_context(after: str) -> bool:
    return bool(_YEAR_CONTEXT_RE.match(after))


def _singular_noun(word: str) -> bool:
    """A count takes a plural ("1996 troops", "2000 people", "1500 killed"); a year modifies a singular noun
    ("his 1996 campaign", "a 1978 resolution")."""
    w = word.lower()
    return not (w.endswith("s") or w.endswith("ed") or w in _COUNTED_WITHOUT_S)


def _qualifier_before(before: str) -> tuple[str, int] | None:
    m = _QUAL_BEFORE_RE.search(before)
    if not m:
        return None
    return m.lastgroup, len(before) - m.start()


def _score(text: str, a: _Core, b: _Core) -> bool:
    window = text[max(0, a.start - 50):b.end + 50]
    return bool(_SCORE_CONTEXT_RE.search(window))


def scan_numbers(text: str, words: TextWords | None = None) -> list[NumberMention]:
    """Every number expression in ``text`` with its role, in text order. ``words``: the text's ``TextWords``, when
    the caller has read them for another stage too."""
    exact = (words if words is not None else TextWords(text)).exact
    masks = _masks(text, exact)
    masked = Spans(masks)
    cores = [c for c in _cores(text, exact) if not masked.overlaps(c.start, c.end)]
    for c in cores:
        c.role = _role(text, c)
    for prev, c in zip(cores, cores[1:]):
        if prev.role == c.role == "count" and _RESTATEMENT_OPEN_RE.fullmatch(text, prev.end, c.start) \
                and _RESTATEMENT_CLOSE_RE.match(text, c.end) \
                and abs(c.value - prev.value) <= RESTATEMENT_TOLERANCE * max(c.value, prev.value):
            c.role = "restatement"
    mentions: list[NumberMention] = []
    i = 0
    while i < len(cores):
        c = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        # a range: "20 to 30", "20-30", "between 20 and 30", "one or two"
        if nxt is not None and c.role == "count" and nxt.kind != "vague" and c.kind != "vague" \
                and _RANGE_SEP_RE.match(text[c.end:nxt.start]):
            sep = text[c.end:nxt.start].strip().lower()
            opener = _RANGE_OPENER_RE.search(text[max(0, c.start - 12):c.start])
            lo, hi = c.value, nxt.value
            if nxt.role == "count" and hi >= 10 * lo and lo < 1000 and text[nxt.start:nxt.end].strip()[-1:].isalpha():
                lo *= 10 ** int(len(str(int(hi))) - len(str(int(lo))))  # "two to three million"
            ok_sep = (sep in ("-", "–", "—", "to") and (opener is None or opener.group("w").lower() == "from")) \
                or (sep == "and" and opener is not None and opener.group("w").lower() == "between") \
                or sep == "or"
            if ok_sep and hi > lo and nxt.role in ("count", c.role) and not (sep in "-–—" and _score(text, c, nxt)):
                start = c.start - (len(opener.group()) if opener else 0) if opener else c.start
                qual = _qualifier_before(text[max(0, start - 60):start])
                if qual is None or qual[0] in ("about",):
                    start = start - qual[1] if qual else start
                    value = int(round((lo + hi) / 2 + 1e-9))
                    cnt = Count(start, nxt.end, text[start:nxt.end], value, int(lo), int(hi), "range", "range",
                                c.start, nxt.end)
                    mentions.append(NumberMention(start, nxt.end, text[start:nxt.end], value, "count", "range", cnt))
                    i += 2
                    continue
            if sep in "-–—" and hi <= lo and c.kind == nxt.kind == "digits" and _score(text, c, nxt):
                for x in (c, nxt):
                    mentions.append(NumberMention(x.start, x.end, text[x.start:x.end], x.value, "score", x.kind))
                i += 2
                continue
        mentions.append(_mention(text, c))
        i += 1
    # a mask (a phone number, "9:00 p.m.", "2009-2010") is one mention with the mask's role
    mentions.extend(NumberMention(s, e, text[s:e], float("nan"), role, "mask") for s, e, role in masks)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _mention(text: str, c: _Core) -> NumberMention:
    surface = text[c.start:c.end]
    if c.role != "count":
        return NumberMention(c.start, c.end, surface, c.value, c.role, c.kind, None, c.unit_hint)
    before = text[max(0, c.start - 60):c.start]
    qualifier, start, end = ("vague" if c.kind == "vague" else "exact"), c.start, c.end
    q = _qualifier_before(before)
    if q is not None and not (c.kind == "vague" and q[0] in ("about",)):
        qualifier, start = q[0], c.start - q[1]
    elif c.kind != "vague":
        post = _QUAL_AFTER_RE.match(text[c.end:c.end + 30])
        if post:
            qualifier, end = post.lastgroup, c.end + post.end()
    if c.kind == "vague" and qualifier == "vague":
        value, lo, hi = _qualified(c.value, "vague")
    elif c.kind == "vague":
        # "more than a dozen" is read as the qualifier on 12; "over dozens" keeps its vague minimum
        value, lo, hi = _qualified(c.value, qualifier)
    else:
        value, lo, hi = _qualified(c.value, qualifier)
    cnt = Count(start, end, text[start:end], value, lo, hi, qualifier, c.kind, c.start, c.end)
    return NumberMention(start, end, text[start:end], c.value, "count", c.kind, cnt)


def find_counts(text: str) -> list[Count]:
    """The counts in ``text`` (numbers whose role is ``count``), qualifiers and ranges applied."""
    return [m.count for m in scan_numbers(text) if m.count is not None]
