"""The temporal layer: date expressions in a text, normalised to TIMEX3 values against a reference date.

Each rule is a named pattern and a production; ``RULES`` at the end of the module is the whole inventory.
Productions return what the phrase names, resolved by ``date_resolution`` against the anchor (the
publication date) — or, for "the day before" and "that year", against the last event date the text gave.
Overlap policy: every rule matches, then the longest span wins (ties: the earlier rule in ``RULES``).
Words live in ``lexicon/date_words.yaml``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import regex as re
from dateutil.easter import easter

from . import date_resolution as R
from .date_anchors import anchor_windows, gated, gated_by_tokens, phrase_anchor, regex_anchor, word_anchor
from .lexicon import alternation, load
from .numbers import NumberMention, UNITS, TENS, parse_number_words
from .rulebook import TextWords, compile_rule
from .spans import Spans

W = load("date_words")
MONTHS: dict[str, int] = W["months"]
WEEKDAYS: dict[str, int] = W["weekdays"]

_I = re.IGNORECASE
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_WORD = rf"(?:{alternation(_FULL_MONTHS)}|{alternation([m for m in MONTHS if m not in _FULL_MONTHS])}\.|sept\b)"
MONTH = rf"(?P<month>{_MONTH_WORD})"
DAY = r"(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>(?:1[5-9]|20)\d{2})(?![\d])"
_WEEKDAY_WORD = rf"(?:{alternation([w for w in WEEKDAYS if w.endswith('day')])}|" \
                rf"{alternation([w for w in WEEKDAYS if not w.endswith('day')])}\.)"
WD = rf"(?P<wd>{_WEEKDAY_WORD})"
WD_OPT = rf"(?:(?P<wdo>{_WEEKDAY_WORD}),?\s+)?"  # "Sunday, May 4": the weekday that pins a day's year
PART = rf"(?:\s+(?P<part>{alternation(W['parts_of_day'])}))?"
MOD = rf"(?:(?P<mod>{alternation(W['modifiers'])})(?:-|\s+))?"
NUMWORD = (rf"(?:\d+|a|an|one|{alternation(list(UNITS) + list(TENS))}(?:[-\s]{alternation(UNITS)})?"
           r"|several|a few|few|many)")
NUMWORD_SHORT = NUMWORD.replace(r"\d+", r"\d{1,3}", 1)
UNIT = rf"(?P<unit>{alternation(W['units'])})"
# nineteen ninety-six · two thousand and one (a year in words, as transcripts write it)
YEAR_IN_WORDS = (rf"(?:(?P<century>eighteen|nineteen|twenty)\s+"
                 rf"(?P<rest>(?:{alternation(TENS)})(?:[-\s]{alternation(UNITS)})?"
                 rf"|{alternation([u for u in UNITS if UNITS[u] >= 10])})"
                 rf"|(?P<century2>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest2>{alternation(UNITS)}))?)")
_YEAR_WORDS_RE = compile_rule(YEAR_IN_WORDS, re.IGNORECASE)
# a year in digits, or in words after a month or a season ("January nineteen ninety-seven")
YEAR_ANY = rf"(?:{YEAR}|(?P<yearwords>{YEAR_IN_WORDS.replace('(?P<', '(?P<w_')}))"
PART_OF_DAY_IN_VALUE = False  # "Sunday night" -> the day (TimeBank mostly writes the day alone)


class _Cues:
    """Is one of these cue words in a stretch of text? Words by a set lookup of the stretch's tokens, phrases
    by a lookup in its normalised token string (several times faster than a regex alternation over a short
    window, with the same word boundaries)."""

    _TOKEN_RE = compile_rule(r"[a-z]+(?:-[a-z]+)*|'[a-z]+")  # "would-be" is one word

    def __init__(self, cues):
        cues = [" ".join(self._TOKEN_RE.findall(c.lower())) for c in cues]
        self.words = {c for c in cues if " " not in c}
        phrases = sorted(c for c in cues if " " in c)
        # " going to " in the joined tokens " they were going to meet "
        self._phrases_re = compile_rule(f" (?:{'|'.join(re.escape(c) for c in phrases)}) ") if phrases else None

    def search(self, text: str, lo: int, hi: int) -> bool:
        tokens = self._TOKEN_RE.findall(text[lo:hi].lower())
        if not self.words.isdisjoint(tokens):
            return True
        return self._phrases_re is not None and self._phrases_re.search(f" {' '.join(tokens)} ") is not None


_FUTURE_CUES = _Cues(W["future_cues"])
_PAST_CUES = _Cues(W["past_cues"])
_PAST_VERBS = _Cues(W["past_verbs_after"])
# "last", "this past", "next" ... before a weekday, a month, a month day or a season: which way it lies
def _phrase(words: str) -> str:
    """A matched phrase as the lexicons key it: lower case, its words joined by one space ("Last  Year")."""
    return " ".join(words.lower().split())


_DIRECTIONS = {_phrase(k): v for k, v in W["direction_words"].items()}
_DEADLINE_BEFORE_RE = compile_rule(alternation(W["deadline_prepositions"], boundary=True) + r"\s*$", _I)
_MONTH_PREP_RE = compile_rule(alternation(W["month_prepositions"], boundary=True) + r"\s*$", _I)


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str
    type: str
    grain: str | None
    rule: str
    mod: str | None = None

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value, "type": self.type,
                "grain": self.grain, "mod": self.mod, "rule": self.rule}


_SENTENCE_REACH = 400


@dataclass
class Context:
    """What productions may consult: the text, the anchor, and the last event date seen so far."""

    text: str
    anchor: dt.date | None
    last_day: dt.date | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    last_quarter: tuple[int, int] | None = None
    last_day_end: int | None = None  # where the mention of last_day ends

    def looks_ahead(self, start: int, end: int | None = None) -> bool:
        """Does the clause before ``start`` speak of the future ("will meet on Tuesday")? Given ``end``, a
        past-tense verb right after the expression overrules it ("a service planned for Saturday WAS
        canceled", "until Thursday they HAD not called")."""
        clause_start = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start),
                           self.text.rfind(";", 0, start), start - 80, 0)
        if not _FUTURE_CUES.search(self.text, clause_start, start):
            return False
        if end is not None:
            stop = min(x for x in (self.text.find(". ", end), self.text.find(";", end), len(self.text), end + 40)
                       if x >= 0)
            if _PAST_VERBS.search(self.text, end, stop) and not _FUTURE_CUES.search(self.text, end, stop):
                return False  # (but "on Saturday and WERE PLANNING to drive" still looks ahead)
        return True

    def looks_back(self, start: int, end: int, in_sentence: bool = False) -> bool:
        """Does the clause around the expression speak of the past ("died on Oct. 7")? ``in_sentence``: look
        no further than its sentence."""
        lo, hi = max(0, start - 60), min(len(self.text), end + 40)
        if in_sentence:
            sentence_start, sentence_end = self.sentence_around(start, end)
            lo, hi = max(lo, sentence_start), min(hi, sentence_end)
        return _PAST_CUES.search(self.text, lo, hi)

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence that holds text[start:end] begins and ends (at ". " or a line break), looked for
        no further than _SENTENCE_REACH characters either side (a text of one endless sentence stays linear)."""
        lo, hi = max(0, start - _SENTENCE_REACH), min(len(self.text), end + _SENTENCE_REACH)
        begin = max(self.text.rfind(". ", lo, start) + 1, self.text.rfind("\n", lo, start) + 1, lo)
        stops = [i for i in (self.text.find(". ", end, hi), self.text.find("\n", end, hi)) if i >= 0]
        return begin, min(stops) if stops else hi


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    produce: Callable[[re.Match, Context], tuple | None]  # -> (value, type, grain, mod) or None
    anchor: str | None = None  # a key of ANCHORS: the rule runs only in windows around such words
    stateful: bool = False  # its value depends on the mentions before it (ctx.last_day, last_year, last_quarter)
    # (characters before, after) its anchor's find that its matches reach, where that is nearer than the anchor's
    # window (as wide as its widest rule reaches): the rule is tried on fewer characters
    reach: tuple[int, int] | None = None


def _mod(m) -> str | None:
    g = m.groupdict().get("mod")
    return W["modifiers"].get(_phrase(g)) if g else None


def _month(m, group="month") -> int:
    return MONTHS[m.group(group).lower().rstrip(".")]


def _year(m, group="year") -> int:
    if m.groupdict().get("yearwords"):  # "January nineteen ninety-seven"
        return _year_from_words(m.group("yearwords"))
    return int(m.group(group))


def _has_year(m) -> bool:
    return bool(m.groupdict().get("year") or m.groupdict().get("yearwords"))


def _day_value(d: dt.date, part: str | None = None) -> str:
    return d.isoformat() + (W["parts_of_day"][part.lower()] if part else "")


def _month_ok(m, ctx: Context, group="month") -> bool:
    """"May" the verb and "march" the noun are not months: ambiguous names must be capitalised."""
    word = m.group(group)
    if word.lower().rstrip(".") in W["ambiguous_months"] or word.lower() in ("may", "march"):
        return word[0].isupper()
    return True


# ----------------------------------------------------------------------------------------------- productions
def p_iso(m, ctx):
    try:
        return dt.date(int(m["y"]), int(m["mo"]), int(m["d"])).isoformat(), "DATE", "day", None
    except ValueError:
        return None


def p_slash(m, ctx):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        month, day = a, b
    else:
        return None  # 10/08/2024: the order is not certain
    try:
        return dt.date(y, month, day).isoformat(), "DATE", "day", None
    except ValueError:
        return None


def p_full_date(m, ctx):
    return _full_date(m, ctx, int(m["day"]))


def _full_date(m, ctx, day: int):
    """The day ``day`` of the rule's month and year, told in full ("May 3, 2009", "the third of May, 2009")."""
    return _day_production(_year(m), _month(m), day) if _month_ok(m, ctx) else None


def _day_production(year: int, month: int, day: int):
    """The production of a day, or None when the calendar has no such day ("the 31st" of a month of 30)."""
    try:
        return _day_value(dt.date(year, month, day)), "DATE", "day", None
    except ValueError:
        return None


def p_month_day(m, ctx):
    return _month_day(m, ctx, int(m["day"]))


def p_ordinal_day_month(m, ctx):
    """"the third of May", "the twenty-first of June, 2009"."""
    day = W["day_of_month_words"][_phrase(m["dayword"]).replace(" ", "-")]
    return _full_date(m, ctx, day) if m.groupdict().get("year") else _month_day(m, ctx, day)


def p_day_of_month(m, ctx):
    """"on the 14th": of the month it names ("the 20th of next month"), else of the month the text last named, else
    of the month around the publication that the clause's tense makes nearest (a past one when it looks back)."""
    day = int(m["day"])
    if m["rel"] and ctx.anchor is not None:  # "the 20th of next month"
        return _day_production(*R.shift_months(ctx.anchor.year, ctx.anchor.month, _REL_SIGN[m["rel"].lower()]), day)
    if ctx.last_month is not None:
        return _day_production(*ctx.last_month, day)
    if ctx.anchor is None:
        return None
    d = R.resolve_day_of_month(day, ctx.anchor, ctx.looks_ahead(m.start(), m.end()),
                               ctx.looks_back(m.start(), m.end()))
    return (d.isoformat(), "DATE", "day", None) if d is not None else None


def _month_day(m, ctx, day: int):
    """The day ``day`` of the rule's month, its year resolved (``R.resolve_month_day``) unless the rule told it."""
    if not _month_ok(m, ctx) or ctx.anchor is None:
        return None if ctx.anchor is not None or not _month_ok(m, ctx) else (
            f"XXXX-{_month(m):02d}-{day:02d}", "DATE", "day", None)
    rel = m.groupdict().get("rel")
    month = _month(m)
    if rel:
        year = ctx.anchor.year + _REL_SIGN[rel.lower()]
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
    elif m.groupdict().get("dir"):  # "last Oct. 23": the latest one before the anchor; "next May 1": the first after
        d = R.directed_month_day(month, day, ctx.anchor, _DIRECTIONS[m["dir"].lower()] == "past")
    else:
        weekday = m.groupdict().get("wdo")
        d = R.resolve_month_day(month, day, ctx.anchor, ctx.looks_ahead(m.start(), m.end()),
                                ctx.looks_back(m.start(), m.end()),
                                WEEKDAYS[weekday.lower().rstrip(".")] if weekday else None)
    if d is None:
        return None
    return _day_value(d, m.groupdict().get("part") if PART_OF_DAY_IN_VALUE else None), "DATE", "day", None


def p_week_of(m, ctx):
    """"The week of March 6": the (ISO) week that holds the day."""
    if m.groupdict().get("year"):
        try:
            day = dt.date(_year(m), _month(m), int(m["day"]))
        except ValueError:
            return None
    else:
        produced = p_month_day(m, ctx)
        if produced is None or not produced[0][:4].isdigit():
            return None
        day = dt.date.fromisoformat(produced[0][:10])
    return R.iso_week(day), "DATE", "week", None


def p_month_year(m, ctx):
    if not _month_ok(m, ctx):
        return None
    return f"{_year(m):04d}-{_month(m):02d}", "DATE", "month", _mod(m)


def p_month_rel_year(m, ctx):
    if not _month_ok(m, ctx) or ctx.anchor is None:
        return None
    year = ctx.anchor.year + _REL_SIGN[m["rel"].lower()]
    return f"{year:04d}-{_month(m):02d}", "DATE", "month", _mod(m)


def p_month(m, ctx):
    word = m.group("month")
    before = ctx.text[max(0, m.start() - 25):m.start()]
    direction = (m.groupdict().get("dir") or "").lower()
    if not word[0].isupper():
        return None
    if word.lower().rstrip(".") in W["ambiguous_months"] and not direction and not _mod(m) \
            and not _MONTH_PREP_RE.search(before):
        return None
    if ctx.anchor is None:
        return f"XXXX-{_month(m):02d}", "DATE", "month", _mod(m)
    d = _DIRECTIONS.get(direction, "auto")
    looks_back = ctx.looks_back(m.start(), m.end())
    # "pay down the loan BY February", "loans THROUGH January": a deadline ahead, unless the clause is past
    ahead = ctx.looks_ahead(m.start(), m.end()) or not looks_back and bool(_DEADLINE_BEFORE_RE.search(before))
    y, mo = R.resolve_month(_month(m), ctx.anchor, ahead, d, looks_back)
    if direction == "last" and R.shift_months(ctx.anchor.year, ctx.anchor.month, -1) == (y, mo):
        y -= 1  # "last February" written in March: the month just gone would be "last month"
    return f"{y:04d}-{mo:02d}", "DATE", "month", _mod(m)


def p_year(m, ctx):
    return f"{_year(m):04d}", "DATE", "year", _mod(m)


def _words_year_value(m) -> int | None:
    if m["century2"]:
        rest = parse_number_words(m["rest2"]) if m["rest2"] else [(0, 0, 0)]
        return 2000 + rest[0][0]
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}.get(m["century"].lower())
    rest = parse_number_words(m["rest"])
    if century is None or not rest or rest[0][0] >= 100:
        return None
    return century * 100 + rest[0][0]


def _year_from_words(words: str) -> int:
    value = _words_year_value(_YEAR_WORDS_RE.fullmatch(words))
    if value is None:
        raise ValueError(words)
    return value


def p_year_words(m, ctx):
    value = _words_year_value(m)
    return None if value is None else (f"{value:04d}", "DATE", "year", None)


def p_century(m, ctx):
    """"the 20th century" -> 19, "the fabled 11th century temple" -> 10 (TIMEX3: the century's two digits)."""
    n = int(m["n"]) if m["n"] else W["century_ordinals"].get(_phrase(m["ord"]))
    if not n or n > 30:
        return None
    return f"{n - 1:02d}", "DATE", "century", _mod(m)


def p_decade(m, ctx):
    decade = m.groupdict().get("decade")
    if decade:
        return decade[:3], "DATE", "decade", _mod(m)
    short = m.groupdict().get("short")
    if short and ctx.anchor is not None:
        century = "19" if int(short) > (ctx.anchor.year % 100) else str(ctx.anchor.year // 100)
        return f"{century}{short[0]}", "DATE", "decade", _mod(m)
    return None


_DECADE_WORD_MEASURE = _Cues(W["measures_before_decade_words"])


def p_decade_words(m, ctx):
    """"The nineties", "the late sixties": the decades of the twentieth century, as news names them."""
    if _DECADE_WORD_MEASURE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # "temperatures in the forties", "highs in the low nineties": a measure
    return str(W["decade_words"][m["dw"].lower()]), "DATE", "decade", _mod(m)


def p_weekday(m, ctx):
    if ctx.anchor is None:
        return None
    wd_word = m.group("wd").lower().rstrip(".")
    rel = (m.groupdict().get("rel") or "").lower()
    base = ctx.anchor
    direction = _DIRECTIONS.get(rel)
    if direction == "this":  # "this Friday": the tense decides, as for a bare weekday
        direction = None
    if direction is None:
        direction = "auto_future" if ctx.looks_ahead(m.start(), m.end()) else "auto"
        if direction == "auto" and (base.weekday() - WEEKDAYS[wd_word]) % 7 == 6 and \
                ctx.looks_back(m.start(), m.end()):
            direction = "auto_past"  # only six days back does the tense decide (see resolve_weekday)
    d = R.resolve_weekday(WEEKDAYS[wd_word], base, direction)
    return _day_value(d, m.groupdict().get("part") if PART_OF_DAY_IN_VALUE else None), "DATE", "day", None


_GENERIC_TODAY_RE = compile_rule(rf"['’]s\s+(?:[a-z]+\s+)?{alternation(W['generic_present_nouns'])}\b", _I)


_OF_TOMORROW_RE = compile_rule(r"\bthe\s+[a-z]+\s+of\s+$", _I)
_NAME_BEFORE_RE = compile_rule(r"\b[A-Z]{2,}\s+$")  # an acronym before a capitalised "Today": "VOA Today"


def p_relative_day(m, ctx):
    if ctx.anchor is None:
        return None
    word = _phrase(m["word"])
    if word == "today" and _GENERIC_TODAY_RE.match(ctx.text, m.end()):
        return None  # "today's world", "today's youth": the present age, not a day
    if word == "tomorrow" and _OF_TOMORROW_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "the people of tomorrow": the age to come, not a day
    if m["word"][0].isupper() and _NAME_BEFORE_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "VOA Today", "USA Today": a name
    d = ctx.anchor + dt.timedelta(days=W["relative_days"][word])
    part = m.groupdict().get("part")
    if word == "tonight":
        part = part or "tonight"
    part = part if PART_OF_DAY_IN_VALUE and part and part.lower() != "tonight" else None
    return _day_value(d, part), "DATE", "day", None


def p_part_of_today(m, ctx):
    if ctx.anchor is None:
        return None
    return _day_value(ctx.anchor, m["part"]), "TIME", "day", None


def _offset(table: str, words: str) -> int:
    """The offset the lexicon table ``table`` gives the matched words ("the following month" -> 1)."""
    return W[table][_phrase(words)]


def p_anaphoric_day(m, ctx):
    base = ctx.last_day or ctx.anchor
    if base is None:
        return None
    word = _phrase(m["word"])
    if word.endswith(_COUNTED_FROM_EVENT) and ctx.last_day_end is not None \
            and _APPOSITION_RE.fullmatch(ctx.text, ctx.last_day_end, m.start()) \
            and _EVENT_NAMED_AFTER_RE.match(ctx.text, m.end()):
        return ctx.last_day.isoformat(), "DATE", "day", None  # "Oct. 12, the day before the plunge": Oct. 12
    d = base + dt.timedelta(days=_offset("anaphoric_days", m["word"]))
    return d.isoformat(), "DATE", "day", None


_APPOSITION_RE = compile_rule(r"\s*,\s*")
_COUNTED_FROM_EVENT = tuple(" " + w for w in W["counted_from_event"])  # "the day BEFORE", "the year AFTER"
# A lowercase word after "the day before", "10 days before": the event it is counted from is named ("the
# murder", "authorities issued ..."), the phrase does not end there.
_EVENT_NAMED_AFTER_RE = compile_rule(r"\s+[a-z]")


def p_anaphoric_weekday(m, ctx):
    base = ctx.last_day or ctx.anchor
    if base is None:
        return None
    direction = "past" if _offset("anaphoric_weekday_words", m["word"]) < 0 else "future"
    d = R.resolve_weekday(WEEKDAYS[m.group("wd").lower().rstrip(".")], base, direction)
    return d.isoformat(), "DATE", "day", None


def p_day_from_weekday(m, ctx):
    """"the day before last Tuesday's hearing": the weekday as the weekday rule reads it, then the offset."""
    weekday = p_weekday(m, ctx)
    if weekday is None:
        return None
    offset = _offset("day_offsets_before_weekday", m["offset"])
    return (dt.date.fromisoformat(weekday[0][:10]) + dt.timedelta(days=offset)).isoformat(), "DATE", "day", None


def p_day_of_event(m, ctx):
    """"Today is the eighth day of Desert Shield", "It's the second day of an offensive": the day it is."""
    return None if ctx.anchor is None else (ctx.anchor.isoformat(), "DATE", "day", None)


def p_someday(m, ctx):
    return "FUTURE_REF", "DATE", "ref", None


def p_paired_day(m, ctx):
    """"April 24 and 25": the second day, in the month and year of the day just dated (the first day is always
    dated before it; a probe without it reads the anchor's month)."""
    base = ctx.last_day or ctx.anchor
    if base is None:
        return None
    try:
        return base.replace(day=int(m["day"])).isoformat(), "DATE", "day", None
    except ValueError:
        return None


def p_anaphoric_month(m, ctx):
    base = ctx.last_month or ((ctx.anchor.year, ctx.anchor.month) if ctx.anchor else None)
    if base is None:
        return None
    index = base[0] * 12 + base[1] - 1 + _offset("anaphoric_months", m["word"])
    return f"{index // 12:04d}-{index % 12 + 1:02d}", "DATE", "month", None


_BEFORE_AFTER_RE = compile_rule(rf"\s+{alternation(W['counted_from_event'])}\b", _I)


def p_anaphoric_year(m, ctx):
    base = ctx.last_year or (ctx.anchor.year if ctx.anchor else None)
    if base is None:
        return None
    word = _phrase(m["word"])
    if word.endswith(_COUNTED_FROM_EVENT) and _EVENT_NAMED_AFTER_RE.match(ctx.text, m.end()):
        return None  # "the year before the war": counted from an event the text need not date
    year = base + _offset("anaphoric_years", m["word"])
    return f"{year:04d}", "DATE", "year", None


_REL_SIGN = {_phrase(k): v for k, v in W["relative_openers"].items()}
_REL_MOD = dict(W["relative_opener_mods"])


_TITLE_OPEN_RE = compile_rule(r"(?:\"|''|``|“|‘)$")


def _title(ctx, start: int, word: str) -> bool:
    """A capitalised span right after an opening quote is a title, not a time: ABC's "This Week", CBS's
    ''60 Minutes,'' a ``Spring of Life'' rally."""
    return word[:1].isupper() and not word.isupper() and \
        _TITLE_OPEN_RE.search(ctx.text, max(0, start - 2), start) is not None


def p_relative_unit(m, ctx):
    if ctx.anchor is None or _title(ctx, m.start(), m["unit"]):
        return None
    rel = _phrase(m["rel"])
    unit = W["units"][m["unit"].lower()]
    sign = _REL_SIGN.get(rel)
    if sign is None:
        return None
    mod = next((v for k, v in _REL_MOD.items() if rel.startswith(k)), None)
    value, grain = R.shift(ctx.anchor, sign, unit)
    return value, "DATE", grain, mod


# a half of a unit, in a smaller one: (unit, its number of halves -> the smaller unit's count)
_HALVES = {"Y": ("M", 6), "DE": ("Y", 5), "CE": ("Y", 50), "M": ("D", 15), "W": ("D", 3.5)}


def _halved(m, amount: int | None, unit: str) -> tuple[int | None, str]:
    """"a year and a half", "one and a half years" (3 halves), "half a century" (1): the amount in the unit a half
    of ``unit`` is counted in (18 months, 50 years); a unit without one (days, hours) gives no amount."""
    halves = 1 if m["half_of"] else 2 * amount + 1
    if unit not in _HALVES or amount is None or m["half_of"] and amount != 1:
        return None, unit
    smaller, per_half = _HALVES[unit]
    return int(halves * per_half), smaller


def p_ago(m, ctx):
    if ctx.anchor is None:
        return None
    amount = _amount(m["n"])
    unit = W["units"][m["unit"].lower()]
    if m["half_of"] or m["and_half"] or m["n_and_half"]:
        amount, unit = _halved(m, amount, unit)
        if amount is None:
            return None
    if amount is None:
        return "PAST_REF" if m["dir"].lower() in ("ago", "earlier", "before") else "FUTURE_REF", "DATE", "ref", None
    if unit in ("H", "MIN", "N"):
        return None
    direction = m["dir"].lower()
    if direction == "before" and _EVENT_NAMED_AFTER_RE.match(ctx.text, m.end()):
        # "10 days before the murder": counted from an event the text names but need not date — its length
        return f"P{amount}{unit}", "DURATION", None, None
    sign = 1 if direction in ("later", "from now", "hence") else -1
    try:
        value, grain = R.shift(_counted_from(ctx, direction, unit), sign * amount, unit)
    except ValueError:  # "9999999 days earlier": no calendar year; what the text gives is a length
        return f"P{amount}{unit}", "DURATION", None, None
    return value, "DATE", grain, None


def _counted_from(ctx, direction: str, unit: str) -> dt.date:
    """The day a span is counted from: "ago" and "from now" count from the publication; "later", "earlier" and
    "before" from the last event the text dated ("Slepian was shot on Oct. 23. Ten days before, ..." is
    Oct. 13), at the grain of the span, and from the publication when the text dated none."""
    if direction in ("ago", "from now", "hence"):
        return ctx.anchor
    if unit in ("D", "W") and ctx.last_day is not None:
        return ctx.last_day
    if unit == "M" and ctx.last_month is not None:
        return dt.date(ctx.last_month[0], ctx.last_month[1], 1)
    if unit == "Y" and ctx.last_year is not None:
        return dt.date(ctx.last_year, 1, 1)
    return ctx.anchor


def _amount(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    parsed = parse_number_words(word)
    return parsed[0][0] if parsed else None


def p_quarter(m, ctx):
    q = W["ordinals"][m["ord"].lower()]
    bare = not m.group().lower().startswith(("the", "its", "fiscal")) and not m.groupdict().get("year") \
        and not m.groupdict().get("rel")
    if bare and m["ord"].lower() == "last" and m["unit"].lower() == "quarter":
        return None  # "last quarter": the quarter before this one ("this quarter"'s rule), not the fourth
    if m.groupdict().get("year"):
        year = _year(m)
    elif ctx.anchor is None:
        return None
    else:
        year = ctx.anchor.year + _REL_SIGN.get((m.groupdict().get("rel") or "").lower(), 0)
    unit = "H" if m["unit"].lower() == "half" else "Q"
    return f"{year:04d}-{unit}{q if unit == 'Q' else min(q, 2)}", "DATE", "quarter" if unit == "Q" else "half", None


def p_quarter_code(m, ctx):
    """"Q3 2024", "2024 Q3": that quarter; "Q3" alone: of the anchor's year."""
    year = m["year"] or m["year2"]
    if year is None and ctx.anchor is None:
        return None
    return _quarter(int(year) if year else ctx.anchor.year, int(m["q"]))


def p_two_quarters(m, ctx):
    if not m.groupdict().get("year") and ctx.anchor is None:
        return None
    year = _year(m) if m.groupdict().get("year") else ctx.anchor.year
    return f"{year:04d}-H{W['two_quarter_halves'][m['which'].lower()]}", "DATE", "half", None


def _quarter(year: int, quarter: int) -> tuple:
    return f"{year:04d}-Q{quarter}", "DATE", "quarter", None


def _quarter_back(anchor: dt.date, months: int) -> tuple:
    """The quarter ``months`` before the anchor's month (0: the anchor's own quarter)."""
    y, mo = R.shift_months(anchor.year, anchor.month, -months)
    return _quarter(y, R.quarter_of(mo))


def p_this_quarter(m, ctx):
    if ctx.anchor is None:
        return None
    word = m["which"].lower()
    if word in ("current", "this"):
        return _quarter_back(ctx.anchor, 0)
    return _latest_quarter(ctx, named=word != "last")


def _latest_quarter(ctx, named: bool = True):
    """"The latest quarter": the one just named, if it is over ("the third quarter ... the latest quarter"; the
    current one is over in a fiscal year when the report gives its figures, "a decline in fourth-quarter
    earnings ... the latest period"), else the last quarter completed — the one a report speaks of."""
    current = (ctx.anchor.year, R.quarter_of(ctx.anchor.month))
    if named and ctx.last_quarter is not None and ctx.last_quarter <= current:
        return _quarter(*ctx.last_quarter)
    return _quarter_back(ctx.anchor, 3)


def p_this_period(m, ctx):
    if ctx.anchor is not None and "latest" in m.group().lower():
        return _latest_quarter(ctx)
    if ctx.last_quarter is not None:
        return _quarter(*ctx.last_quarter)
    return None if ctx.anchor is None else _quarter_back(ctx.anchor, 1)


def _months_period_before(ctx, start: int) -> bool:
    """Does the sentence before ``start`` report a span of months ("For the nine months, net rose ...")? Then a
    figure compared with "a year earlier" or "the 1988 period" is of that span a year before: of its year, not
    of the quarter the article reports."""
    return _MONTHS_PERIOD_RE.search(ctx.text, ctx.sentence_around(start, start)[0], start) is not None


def p_year_earlier(m, ctx):
    said_quarter = "quarter" in m.group().lower()
    if ctx.last_quarter is not None and (said_quarter or not _months_period_before(ctx, m.start())):
        return _quarter(ctx.last_quarter[0] - 1, ctx.last_quarter[1])
    return None if ctx.anchor is None else (f"{ctx.anchor.year - 1:04d}", "DATE", "year", None)


def p_year_period(m, ctx):
    """"The 1988 period", "the 1989 quarter": the quarter the article reports, in that year."""
    year = _year(m)
    if ctx.last_quarter is not None and (m["unit"].lower() == "quarter" or not _months_period_before(ctx, m.start())):
        return _quarter(year, ctx.last_quarter[1])
    return f"{year:04d}", "DATE", "year", None


def p_the_weekend(m, ctx):
    if ctx.anchor is None:
        return None
    back = (ctx.anchor.weekday() - 5) % 7  # days since the last Saturday (0 on a Saturday)
    saturday = ctx.anchor - dt.timedelta(days=back)
    if ctx.looks_ahead(m.start(), m.end()) and back:
        saturday += dt.timedelta(days=7)
    return R.iso_week(saturday) + "-WE", "DATE", "week", None


def p_this_year(m, ctx):
    if ctx.anchor is None or _BEFORE_AFTER_RE.match(ctx.text, m.end()):
        return None  # "the year before": the year before another (see p_anaphoric_year), not this one
    return f"{ctx.anchor.year:04d}", "DATE", "year", None


def p_season(m, ctx):
    if m["season"].lower() == "fall" and not (m.groupdict().get("rel") or _has_year(m)
                                              or m.group()[:4].lower() == "the "):
        return None  # "prices fall": a verb
    if _title(ctx, m.start(), m["season"]):
        return None
    season = W["seasons"][m["season"].lower()]
    if _has_year(m):
        return f"{_year(m):04d}-{season}", "DATE", "season", _mod(m)
    if ctx.anchor is None:
        return None
    rel = (m.groupdict().get("rel") or "").lower()
    direction = _DIRECTIONS.get(rel, "this")
    return f"{R.season_year(season, ctx.anchor, direction):04d}-{season}", "DATE", "season", _mod(m)


_MONTHS_PERIOD_RE = compile_rule(rf"\b{alternation(W['months_periods'])}\b", _I)
_SENTENCE_START_RE = compile_rule(r"(?:^|[.!?][\"'”’]*\s+|\n\s*)$")


def p_reference(m, ctx):
    word = _phrase(m.group())
    if word in W["discourse_openers"] and ctx.text.startswith(",", m.end()) and \
            _SENTENCE_START_RE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "Now, he says, ...": a turn in the argument, not a time
    for value, words in W["references"].items():
        if word in words:
            return value, "DATE", "ref", None
    return None


def p_holiday(m, ctx):
    name = _phrase(m["name"])
    year = _year(m) if m.groupdict().get("year") else None
    if year is None:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year
    day = _holiday_day(name, year)
    if not m.groupdict().get("year") and (m.groupdict().get("rel") or "").lower() == "last" and day >= ctx.anchor:
        day = _holiday_day(name, year - 1)
    elif not m.groupdict().get("year") and day > ctx.anchor and not ctx.looks_ahead(m.start(), m.end()) and \
            (day - ctx.anchor).days > 45:
        day = _holiday_day(name, year - 1)
    if m.groupdict().get("week"):
        return R.iso_week(day), "DATE", "week", None
    return day.isoformat(), "DATE", "day", None


def _holiday_day(name: str, year: int) -> dt.date:
    """The day of a holiday in a year: fixed, floating (the nth weekday of a month) or counted from Easter."""
    if name in W["holidays"]:
        mo, d = W["holidays"][name]
        return dt.date(year, mo, d)
    if name in W["easter_holidays"]:
        return easter(year) + dt.timedelta(days=W["easter_holidays"][name])
    mo, wd, nth = W["floating_holidays"][name]
    return R.nth_weekday(year, mo, wd, nth)


def p_time(m, ctx):
    hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minute = int(m["min"] or 0)
    day = None
    if m.groupdict().get("wd") and ctx.anchor is not None:
        wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
        direction = "auto_future" if ctx.looks_ahead(m.start(), m.end()) else "auto"
        if direction == "auto" and (ctx.anchor.weekday() - wd) % 7 == 6 and ctx.looks_back(m.start(), m.end()):
            direction = "auto_past"
        day = R.resolve_weekday(wd, ctx.anchor, direction)
    elif ctx.anchor is not None:
        day = ctx.last_day if ctx.last_day else ctx.anchor
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return f"{prefix}T{hour:02d}:{minute:02d}", "TIME", "minute", None


_RATE_BEFORE_RE = compile_rule(
    rf"(?<![\w.,])(?:\$\s*)?(?:\d[\d,.]*|{alternation(list(UNITS) + list(TENS))})"
    rf"(?:\s+{alternation(W['rate_magnitudes'])})?(?:\s+[a-z]+){{0,2}}\s+$", _I)


def p_duration(m, ctx):
    if _title(ctx, m.start(), m["unit"]):
        return None
    amount = _amount(m["n"])
    unit = W["units"][m["unit"].lower()]
    if unit in ("WE", "Q"):
        amount = None if amount is None else amount * 3 if unit == "Q" else amount
        if unit == "WE" or amount is None:
            return None
        return f"P{amount}M", "DURATION", None, None
    code = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE", "H": "H", "MIN": "M", "N": "D"}[unit]
    if m["n"].lower() in ("a", "an") and _RATE_BEFORE_RE.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "$500 million a year", "four flights a week", "24 hours a day": the period of a rate, a TIMEX3 SET
        return f"P{'T' if unit in ('H', 'MIN') else ''}1{code}", "SET", None, None
    if amount is None:
        return f"P{'T' if unit in ('H', 'MIN') else ''}X{code}", "DURATION", None, None
    if unit == "DE":
        return f"P{amount * 10}Y", "DURATION", None, None
    if unit == "CE":
        return f"P{amount * 100}Y", "DURATION", None, None
    return f"P{'T' if unit in ('H', 'MIN') else ''}{amount}{code}", "DURATION", None, None


# ----------------------------------------------------------------------------------------------- rules
def _r(name, pattern, produce, flags=_I, anchor=None, stateful=False, reach=None):
    return Rule(name, compile_rule(pattern, flags), produce, anchor, stateful, reach)


# Anchors (see date_anchors.py): cheap finds that every match of a rule contains; a rule runs only in the
# windows around them.
_AW = W["anchor_words"]
_MONTH_ANCHOR_WORDS = _FULL_MONTHS + [m + "." for m in MONTHS if m not in _FULL_MONTHS] + ["sept"]
_WEEKDAY_ANCHOR_WORDS = [w for w in WEEKDAYS if w.endswith("day")] + \
    [w + "." for w in WEEKDAYS if not w.endswith("day")]
# name -> (finder, characters of window before a find, characters after it): as wide as a rule's match can
# reach from its anchor, with room for the lookarounds at its edges; a rule that reaches less far declares its
# own reach (the longest text its pattern takes on either side of the find, with some room for white space)
ANCHORS = {
    "month": (word_anchor(_MONTH_ANCHOR_WORDS), 40, 40),
    "weekday": (word_anchor(_WEEKDAY_ANCHOR_WORDS), 20, 20),  # "this coming" before, "'s afternoon" after
    "iso": (regex_anchor(r"\d{4}-\d\d-\d\d"), 2, 2),
    "slash": (gated(regex_anchor(r"\d/\d"), ["/"]), 10, 10),
    "relative unit": (word_anchor(_AW["relative unit"]), 40, 5),
    "this period": (phrase_anchor(W["this_period"]), 2, 6),
    "year earlier": (phrase_anchor(W["year_earlier_period"]), 2, 2),
    "year period": (word_anchor(["period", "quarter"]), 12, 8),
    "this year": (phrase_anchor(W["this_year_words"]), 2, 2),
    "anaphoric year": (phrase_anchor(W["anaphoric_years"]), 2, 2),
    "anaphoric month": (phrase_anchor(W["anaphoric_months"]), 2, 2),
    "unit": (word_anchor(_AW["unit"]), 35, 15),
    "quarter": (word_anchor(_AW["quarter"]), 60, 40),
    "quarter code": (gated_by_tokens(regex_anchor(r"(?<![\w-])Q[1-4](?![\w])"), ["q"]), 8, 8),  # ("Q2": the token "q")
    "weekend": (word_anchor(["weekend"]), 30, 10),
    "ago": (word_anchor(_AW["ago"]), 60, 10),
    "season": (word_anchor(W["seasons"]), 50, 30),
    # a reference is its own anchor: the phrase itself, its words joined by any white space
    "reference": (phrase_anchor([w for ws in W["references"].values() for w in ws]), 5, 5),
    "relative day": (phrase_anchor(W["relative_days"]), 20, 30),
    "part of today": (phrase_anchor([f"this {p}" for p in W["parts_of_today"]]), 20, 2),
    "anaphoric day": (phrase_anchor(W["anaphoric_days"]), 2, 2),
    "holiday": (word_anchor(_AW["holiday"]), 40, 40),
    "ampm": (gated_by_tokens(regex_anchor(r"(?<![a-z])[ap]\.?m\b", _I), _AW["ampm tokens"]), 30, 40),
    "number word": (word_anchor(_AW["number word"]), 40, 60),
    "century": (word_anchor(["century"]), 40, 10),
    "day offset": (phrase_anchor(W["day_offsets_before_weekday"]), 2, 30),
    "anaphoric weekday": (word_anchor(W["anaphoric_weekday_words"]), 10, 25),
    "one day": (phrase_anchor(_AW["one day"]), 20, 5),
    "day of": (phrase_anchor(_AW["day of"]), 70, 5),
    "week of": (phrase_anchor(_AW["week of"]), 2, 40),
    "decade words": (word_anchor(W["decade_words"]), 40, 5),
    "decade": (gated(regex_anchor(r"\d0'?s\b|'\d0s", _I), ["0s", "0's"]), 40, 20),
    "ordinal": (gated_by_tokens(regex_anchor(r"(?<![\w])\d{1,2}(?:st|nd|rd|th)(?![\w])", _I),
                                ["st", "nd", "rd", "th"]), 20, 30),
}


_REL_UNIT_WORDS = alternation(sorted(_REL_SIGN, key=len, reverse=True))
_ANA_DAYS = alternation(W["anaphoric_days"])
_ANA_YEARS = alternation(W["anaphoric_years"])
_ANA_MONTHS = alternation(W["anaphoric_months"])
_REL_DAYS = alternation(W["relative_days"])
_REFS = alternation([w for ws in W["references"].values() for w in ws])
_HOLIDAYS = alternation(list(W["holidays"]) + list(W["floating_holidays"]) + list(W["easter_holidays"]))
_ORD = alternation(W["ordinals"])
_SEASON = alternation(W["seasons"])
_HALF = alternation(W["half_of_unit"])  # "HALF a century ago"
_AND_A_HALF = alternation(W["and_a_half"])  # "a year AND A HALF ago"
_B = r"(?<![\w-])"
_E = r"(?![\w])"

RULES: list[Rule] = [
    # 2024-08-10
    _r("iso date", rf"{_B}(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})(?![\d])", p_iso, anchor="iso"),
    # 2024/08/10
    _r("slashed iso date", rf"{_B}(?P<y>\d{{4}})/(?P<mo>\d{{1,2}})/(?P<d>\d{{1,2}})(?![\d/])", p_iso, anchor="slash"),
    # 10/08/2024 where the order is certain (a part above 12)
    _r("numeric date", rf"{_B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){_E}", p_slash, anchor="slash"),
    # August 10, 2024 · Saturday, Aug. 10, 2024
    _r("month day year", rf"{_B}{WD_OPT}{MONTH}\s+{DAY},?\s+{YEAR}", p_full_date, anchor="month",
       reach=(18, 20)),  # "Wednesday, " before its month; ". 31st, 2024" after
    # 10 August 2024
    _r("day month year", rf"{_B}{WD_OPT}{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", p_full_date, anchor="month",
       reach=(26, 14)),  # "Wednesday, 31st of "; ", 2024"
    # Oct. 7 last year · Aug. 10 · Saturday, Aug. 10 · Aug. 10 morning
    _r("month day", rf"{_B}(?:(?P<dir>last|next|this past|this coming)\s+)?{WD_OPT}{MONTH}\s+{DAY}"
       rf"(?:,?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?{PART}{_E}",
       p_month_day, anchor="month", reach=(30, 36)),  # "this coming Wednesday, "; ". 31st, of next year afternoon"
    # the week of March 6
    _r("week of", rf"{_B}the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?{_E}", p_week_of, anchor="week of"),
    # 10 August · the 10th of August · Sunday 4 May
    _r("day month", rf"{_B}{WD_OPT}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<rel>last|this|next)\s+year)?{_E}",
       p_month_day, anchor="month", reach=(30, 18)),  # "Wednesday, the 31st of "; ", next year"
    # July 2024 · late July 2024
    # the third of May · the twenty-first of June, 2009 (but "the Fourth of July" is a holiday's name)
    _r("ordinal day month", rf"{_B}(?:the\s+)?(?!{_HOLIDAYS}{_E})(?P<dayword>{alternation(W['day_of_month_words'])})"
       rf"\s+of\s+{MONTH}(?:,?\s+{YEAR})?{_E}", p_ordinal_day_month, anchor="month",
       reach=(29, 14)),  # "the twenty-seventh of "; ", 2024"
    # on the 14th · by the 2nd of this month (a day without its month)
    _r("day of month", rf"(?<=\b{alternation(W['day_of_month_before'])}\s+)the\s+{DAY}(?<=\d(?:st|nd|rd|th))"
       rf"(?:\s+of\s+(?P<rel>this|last|next)\s+month)?"
       rf"(?=\s*[,.;:)!?]|\s*$|\s+{alternation(W['day_of_month_followers'])})", p_day_of_month, anchor="ordinal",
       stateful=True),
    _r("month year", rf"{_B}{MOD}{MONTH},?\s+(?:of\s+)?{YEAR_ANY}{_E}", p_month_year, anchor="month",
       reach=(26, 40)),  # "the second half of "; ", of two thousand and seventeen"
    # June last year
    _r("month relative year", rf"{_B}{MOD}{MONTH}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year{_E}", p_month_rel_year,
       anchor="month", reach=(26, 20)),  # "the second half of "; " of next year"
    # in March · last April · the end of July · mid-November
    _r("month", rf"{_B}(?:(?P<dir>this past|this coming|last|next|this)\s+)?{MOD}{MONTH}{_E}", p_month, anchor="month",
       reach=(38, 6)),  # "this coming the second half of "; "."
    # nineteen ninety-six · the year two thousand
    _r("year in words", rf"{_B}(?:the\s+year\s+)?{YEAR_IN_WORDS}{_E}", p_year_words, anchor="number word"),
    # the 20th century · the early nineteenth century · 11th-century
    _r("century", rf"{_B}(?:the\s+)?{MOD}"
       rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ord>{alternation(W['century_ordinals'])}))"
       rf"[-\s]century{_E}",
       p_century, anchor="century"),
    # the 1990s · the late 1970s · the '90s
    _r("decade", rf"{_B}(?:the\s+)?{MOD}(?:the\s+)?(?:(?P<decade>(?:1[5-9]|20)\d0)'?s|'(?P<short>\d0)s){_E}",
       p_decade, anchor="decade"),
    # the nineties · the late sixties · the end of the eighties (with "the": "in his forties" is an age)
    _r("decade in words", rf"{_B}(?:{MOD}the\s+|the\s+{MOD})(?P<dw>{alternation(W['decade_words'])}){_E}",
       p_decade_words, anchor="decade words"),
    # third quarter of 2024 · the fourth quarter · Q3 · last year's second quarter · the first half
    _r("quarter", rf"{_B}(?:the\s+)?(?:{YEAR}\s+|(?P<rel>this|last|next)\s+year's\s+|its\s+|fiscal\s+)?"
       rf"(?:fiscal[-\s])?(?P<ord>{_ORD})[-\s](?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?{YEAR})?{_E}",
       p_quarter, anchor="quarter"),
    # Q3 2024 · Q3 · 2024 Q3 · Q3 of 2024 (a capital Q only: "q2" is not read as a quarter)
    _r("quarter code", rf"{_B}(?:{YEAR}\s+)?(?-i:Q)(?P<q>[1-4])(?:\s+(?:of\s+)?(?P<year2>(?:1[5-9]|20)\d{{2}}))?{_E}",
       p_quarter_code, anchor="quarter code"),
    # the first two quarters of 1990: a half
    _r("two quarters", rf"{_B}(?:the\s+)?(?P<which>{alternation(W['two_quarter_halves'])})\s+two\s+quarters"
       rf"(?:\s+of\s+(?:fiscal\s+)?{YEAR})?{_E}", p_two_quarters, anchor="quarter"),
    _r("this quarter", rf"{_B}(?:the\s+)?(?P<which>current|this|latest|last|past|recent|most recent)\s+quarter{_E}",
       p_this_quarter, anchor="quarter", stateful=True),
    # the quarter · a year earlier (that quarter, a year before) · the year
    _r("this period", rf"{_B}{alternation(W['this_period'])}{_E}(?!-to-)", p_this_period, anchor="this period",
       stateful=True),  # (not "quarter-to-quarter")
    _r("year earlier", rf"{_B}{alternation(W['year_earlier_period'])}{_E}", p_year_earlier, anchor="year earlier",
       stateful=True),
    _r("year period", rf"{_B}the\s+{YEAR}\s+(?P<unit>period|quarter){_E}", p_year_period, anchor="year period",
       stateful=True),
    _r("the weekend", rf"{_B}(?:the|over\s+the|during\s+the)\s+weekend{_E}", p_the_weekend, anchor="weekend"),
    _r("this year", rf"{_B}{alternation(W['this_year_words'])}{_E}", p_this_year, anchor="this year"),
    # this summer · last fall · the winter of 1994
    _r("season", rf"{_B}(?:(?P<rel>this past|this coming|this|last|next)\s+|the\s+)?{MOD}(?P<season>{_SEASON})"
       rf"(?:\s+(?:of\s+)?{YEAR_ANY})?{_E}", p_season, anchor="season"),
    # Saturday · last Friday · next Tuesday · Wednesday night
    _r("weekday", rf"{_B}(?:(?P<rel>this past|this coming|last|next|this|coming|past)\s+"
       rf"|(?:early|late|earlier|later)\s+)?"
       rf"{WD}(?:'s)?{PART}{_E}", p_weekday, anchor="weekday"),
    # yesterday · today · tonight · tomorrow morning
    _r("relative day", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?P<word>{_REL_DAYS}){PART}{_E}", p_relative_day,
       anchor="relative day"),
    # this morning · later this afternoon: a part of the publication day, a TIME as TIMEX3 writes it
    _r("part of today", rf"{_B}(?:(?:early|late|earlier|later)\s+)?this\s+"
       rf"(?P<part>{alternation(W['parts_of_today'])}){_E}", p_part_of_today, anchor="part of today"),
    # the day before · the following day
    _r("anaphoric day", rf"{_B}(?P<word>{_ANA_DAYS}){_E}", p_anaphoric_day, anchor="anaphoric day", stateful=True),
    # the day before last Tuesday · the previous Friday
    _r("day from weekday", rf"{_B}(?P<offset>{alternation(W['day_offsets_before_weekday'])})\s+"
       rf"(?:(?P<rel>last|next|this)\s+)?"
       rf"{WD}(?:'s)?{_E}", p_day_from_weekday, anchor="day offset"),
    _r("anaphoric weekday", rf"{_B}the\s+(?P<word>{alternation(W['anaphoric_weekday_words'])})\s+{WD}{_E}",
       p_anaphoric_weekday, anchor="anaphoric weekday", stateful=True),
    _r("anaphoric year", rf"{_B}(?P<word>{_ANA_YEARS}){_E}", p_anaphoric_year, anchor="anaphoric year", stateful=True),
    _r("anaphoric month", rf"{_B}(?P<word>{_ANA_MONTHS}){_E}", p_anaphoric_month, anchor="anaphoric month",
       stateful=True),
    # this week · last month · next year · earlier this year · the end of this month
    _r("relative unit", rf"{_B}(?P<rel>{_REL_UNIT_WORDS})\s+"
       rf"(?P<unit>week|weekend|month|year|quarter|decade|century){_E}",
       p_relative_unit, anchor="relative unit"),
    # two days ago · a year earlier · three weeks later
    # a year and a half ago · half a century ago: counted in the next smaller unit
    _r("ago", rf"{_B}(?:(?:about|nearly|almost|some|more than|over|just|only)\s+)?(?:(?P<half_of>{_HALF})\s+)?"
       rf"(?P<n>{NUMWORD})(?P<n_and_half>\s+{_AND_A_HALF})?\s+{UNIT}(?P<and_half>\s+{_AND_A_HALF})?\s+"
       rf"(?P<dir>ago|earlier|before|later|from now|hence){_E}", p_ago, anchor="ago", stateful=True),
    # in 2023 · fiscal 1989 · early 2024 (years are the number layer's: see extract_dates)
    # now · recently · in recent weeks · the future
    _r("reference", rf"{_B}{_REFS}{_E}", p_reference, anchor="reference"),
    # Christmas · Thanksgiving Day 2015
    _r("holiday", rf"{_B}(?<!\b{alternation(W['holiday_similes'])}\s+(?:the\s+|a\s+)?)"
       rf"(?:(?P<rel>last|this|next)\s+)?(?P<name>{_HOLIDAYS})(?:\s+{YEAR})?(?P<week>\s+week)?{_E}"
       rf"(?!\s+{alternation(W['holiday_names_before'])})",
       p_holiday, anchor="holiday"),  # (Easter week: the week that holds it)
    # 9 a.m. · 9:30 p.m. Tuesday
    _r("clock time", rf"{_B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)"
       rf"(?:[^\S\n]+(?-i:{alternation(W['time_zones'])})\b)?(?:[^\S\n]+(?P<wd>{alternation(WEEKDAYS)}))?(?![\w])",
       p_time, anchor="ampm", stateful=True),
    # "will one day be": some future day, not a duration
    _r("someday", rf"(?<=\b{alternation(W['someday_before'])}\s+)one\s+day(?=\s+[a-z])", p_someday, anchor="one day"),
    # today is the eighth day of the operation
    _r("day of event", rf"(?<=\b{alternation(W['day_of_event_before'])}\s+)the\s+"
       rf"(?:{alternation(W['day_ordinals'])}|\d+(?:st|nd|rd|th))\s+"
       rf"(?:{alternation(W['day_of_event_adjectives'])}\s+)?day(?=\s+of\b)", p_day_of_event, anchor="day of"),
    # April 24 and 25: the second day of a pair
    _r("paired day", rf"(?<={_MONTH_WORD}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{alternation(W['paired_day_joiners'])}\s+)"
       rf"{DAY}(?=\s*[,.;:)!?]|\s*$|\s+(?:last|this|next)\s+year)(?!,?\s*\d{{4}})", p_paired_day, anchor="month",
       stateful=True, reach=(0, 40)),  # (a day ends its phrase: not "between March 3 and 5 people"; it begins past
    # its month: the look-behind reads the text before the window)
    # three days · two weeks · 24 hours (durations, not dates)
    # the past three months · the next two weeks: one duration, not "the past" and a duration
    _r("duration", rf"{_B}(?:(?:the\s+)?{alternation(W['duration_openers'])}\s+)?"
       rf"(?P<n>{NUMWORD_SHORT})\s+(?:more\s+|full\s+|straight\s+|consecutive\s+)?{UNIT}{_E}"
       rf"(?![-\s]+old\b|\s+of\b|\s+(?:ago|earlier|later|before|after)\b)", p_duration, anchor="unit"),
]

_YEAR_RULE = "year"
_YEAR_ONLY = Rule(_YEAR_RULE, compile_rule(r"(?P<year>\d{4})"), p_year)
_YEAR_WITH_MOD_RE = compile_rule(
    rf"(?:(?P<mod>{alternation(W['modifiers'])})(?:-|\s+))?(?:fiscal\s+|the\s+year\s+)?(?P<year>\d{{4}})", _I)
_YEAR_MOD_RE = compile_rule(rf"(?:(?P<mod>{alternation(W['modifiers'])})(?:-|\s+))?(?:fiscal\s+|the\s+year\s+)?$", _I)


_INDEFINITE_BEFORE_RE = compile_rule(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", _I)


def _reported_quarter(ctx, start: int, surface: str, quarter: tuple[int, int]) -> bool:
    """May "the quarter" and "a year earlier" refer back to this quarter? Not to one still ahead ("expect the
    trend to continue into the fourth quarter", "through the third quarter of 1990"), nor to the current one
    unless told in the past ("no estimate of its impact on fourth-quarter results"), nor to one told in
    passing with an indefinite article ("After a flat second quarter, ..."; but "a third-quarter loss": the
    article is the loss's): a report's figures are of a quarter completed."""
    if ctx.anchor is not None:
        current = (ctx.anchor.year, R.quarter_of(ctx.anchor.month))
        if quarter > current or quarter == current and (
                ctx.looks_ahead(start) or not ctx.looks_back(start, start + len(surface), in_sentence=True)):
            return False  # (the current one may be over in a fiscal year: "REPORTED a decline in fourth-quarter")
    return "-quarter" in surface.lower() or _INDEFINITE_BEFORE_RE.search(ctx.text, max(0, start - 16), start) is None


def _produce(rule: Rule, m, ctx: Context) -> tuple | None:
    """A rule's value, or None when the calendar cannot hold it (an anchor at the edge of the years 1-9999,
    "last Christmas" written on 0001-01-05)."""
    try:
        return rule.produce(m, ctx)
    except (ValueError, OverflowError):
        return None


def extract_dates(text: str, anchor: dt.date | None, numbers: list[NumberMention] | None = None,
                  words: TextWords | None = None) -> list[DateMention]:
    """Every date expression in ``text``, longest first, resolved against ``anchor``; ``numbers`` and ``words``
    are the number layer's mentions and the text's word index, when the caller has read them."""
    candidates = _rule_candidates(text, words.exact if words else None) + _year_candidates(text, numbers or [])
    # the overlap policy: the longest span wins, among the candidates the calendar can hold; a candidate that
    # overlaps one already chosen is not produced at all
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    probe = Context(text, anchor)  # (no earlier mention: what a production gives before any is remembered)
    produced_by_probe: dict[int, tuple] = {}
    chosen: list[tuple[int, int, int, Rule, re.Match]] = []
    taken = Spans()  # the chosen spans
    for c in candidates:
        if taken.overlaps(c[0], c[1]):
            continue
        produced = _produce(c[3], c[4], probe)
        if produced is None:
            continue
        produced_by_probe[id(c[4])] = produced
        chosen.append(c)
        taken.add(c[0], c[1])
    chosen.sort(key=lambda c: c[0])
    ctx = Context(text, anchor)
    out: list[DateMention] = []
    for start, end, _, rule, m in chosen:
        # a production that reads no earlier mention gives what it gave the probe
        produced = _produce(rule, m, ctx) if rule.stateful else produced_by_probe[id(m)]
        if produced is None:
            continue
        value, typ, grain, mod = produced
        surface = text[start:end]
        out.append(DateMention(start, end, surface, value, typ, grain, rule.name, mod))
        _remember(ctx, start, surface, end, rule, value, typ, grain)
    return out


def _rule_candidates(text: str, words: list[tuple[int, str]] | None) -> list[tuple[int, int, int, Rule, re.Match]]:
    """Every rule's matches, each rule run only near its anchor words (in windows that neither overlap nor touch,
    so that no match is found twice)."""
    candidates = []
    windows = anchor_windows(text, ANCHORS, words)
    for order, rule in enumerate(RULES):
        for lo, hi in windows(rule.anchor, rule.reach):
            for m in rule.pattern.finditer(text, lo, hi):
                if m.end() > m.start():
                    candidates.append((m.start(), m.end(), order, rule, m))
    return candidates


def _year_candidates(text: str, numbers: list[NumberMention]) -> list[tuple[int, int, int, Rule, re.Match | None]]:
    """Years: the number layer decides that "2023" is a year and not a count."""
    candidates = []
    for n in numbers:
        if n.role == "year":
            pre = _YEAR_MOD_RE.search(text, max(0, n.start - 30), n.start)
            start = pre.start() if pre and pre.group().strip() else n.start
            m = _YEAR_WITH_MOD_RE.match(text, start, n.end)
            if m is None or m.end() != n.end:
                m = _YEAR_ONLY.pattern.match(text, n.start, n.end)
                start = n.start
            candidates.append((start, n.end, len(RULES), _YEAR_ONLY, m))
    return candidates


_POSSESSIVE_ENDINGS = tuple(W["possessive_endings"])


def _remember(ctx: Context, start: int, surface: str, end: int, rule: Rule, value: str, typ: str, grain) -> None:
    """What a date tells the ones after it: the last day, month, year and reported quarter the text gave."""
    if typ == "DATE" and grain == "day" and rule.name not in ("relative day",) and value[:4].isdigit() and \
            not surface.endswith(_POSSESSIVE_ENDINGS):  # "Wednesday's incident" names an event, sets no scene
        ctx.last_day = dt.date.fromisoformat(value[:10])
        ctx.last_day_end = end
        ctx.last_year = ctx.last_day.year
        ctx.last_month = (ctx.last_day.year, ctx.last_day.month)
    elif typ == "DATE" and grain in ("year", "month") and value[:4].isdigit():
        ctx.last_year = int(value[:4])
        if grain == "month" and value[5:7].isdigit():
            ctx.last_month = (int(value[:4]), int(value[5:7]))
    if typ == "DATE" and grain == "quarter" and rule.name not in ("year earlier", "year period") \
            and value[:4].isdigit() and _reported_quarter(ctx, start, surface, (int(value[:4]), int(value[-1]))):
        ctx.last_quarter = (int(value[:4]), int(value[-1]))
