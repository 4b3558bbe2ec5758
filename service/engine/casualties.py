"""The casualty layer: counts tied to a casualty category, with victims, date, place, source and cause.

Within each sentence, a count (from the number layer, or an implicit one such as "a man") is linked to a
trigger (from ``lexicon/casualty_triggers.yaml``) by one of four kinds of link, each allowed by the rules of
``lexicon/casualty_rules.yaml`` that read the gap between them; the rule's name is the fact's ``rule``:

  subject   the count is the subject of a passive or intransitive trigger   "At least 93 people died"
            (subject_gap, relative_gap, appositive_gap, coordinated_subject, coordinated_passive_gap,
            locative_subject, who_gap)
  object    the count is the object of an active trigger                    "killing about 1,200 people"
            (object_gap, coordinated_object, coordinated_count_object, coordinated_object_far)
  noun      the count counts a casualty noun                                "93 deaths", "251 hostages"
            (noun_gap)
  toll      a toll noun, a linking verb, the count                          "the death toll approaching 40,000"
            (toll_link, qualified_toll_gap)

Facts no link makes name the rule that found them: a breakdown (including, aside_open, of_them_after), a
phrase that is a fact by itself (ordinal_killing, multiple_shooting, caused_single_death), a stated zero
(negated_noun).

Link policy: each count takes the nearest trigger a pattern allows (subject and noun first, then object,
then toll); a count that no pattern links is not a casualty fact. A count after "including" is a
breakdown of the fact before it. Hypotheticals ("could kill thousands") are dropped; "feared dead"
is kept with status ``feared``; "no one was hurt" is a stated zero (``negated``).
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

import regex as re

from .categories import BARE_PLURAL_CATEGORIES, MASS_CATEGORIES, PRONOUN_CATEGORIES, ZERO_CATEGORIES
from .dates import DateMention
from .numbers import Count
from .casualty_rulebook import (  # the rulebook (RULES.name is a rule's pattern) and the word tables
    RULES, TRIGGER_PATTERNS, TRIGGER_FIRST_WORDS, WORD_RE, LINE_END_RE, TALLY_ORDINALS, relatives_value, ISO_DAY_RE,
    LINK_WINDOW, MULTIPLIERS, NEG_CAT, UNDATED_NEGATIONS, COMMA_RE,
)


@dataclass
class Fact:
    category: str
    count: dict
    start: int
    end: int
    sentence: tuple[int, int]
    rule: str
    victims: str | None = None
    negated: bool = False
    status: str = "reported"
    part_of: int | None = None
    cumulative: bool = False
    date: DateMention | None = None
    location: str | None = None
    source: str | None = None
    cause: str | None = None
    traits: "FactTraits" = field(default_factory=lambda: FactTraits())


@dataclass
class FactTraits:
    """What the casualty layer learns of a fact beyond its output fields, for the summary to weigh."""
    trigger: tuple[int, int] | None = None  # the span of the words that tie the count to its category
    link: str | None = None  # how the count links to it: subject, object, noun or toll
    ordinal: bool = False  # "the 4th child shot", "the city's 12th homicide": a running tally
    tally: bool = False  # "a fourth man was shot": one person, the fourth so far
    tally_value: int | None = None  # ... and how many so far
    anaphoric: bool = False  # "he was pronounced dead": a pronoun for someone already counted
    shot: bool = False  # injured because "shot": maybe among the dead
    all_shot: bool = False  # "a quadruple shooting": all those shot, the dead among them
    bare: bool = False  # a bare plural ("insurgents were detained"): two, by convention
    more: bool = False  # "two MORE suspects": a new group
    additive: bool = False  # "also", "another": a group added to the one before
    others: bool = False  # "three OTHERS injured": more people than the sentence's count before
    statistic: bool = False  # a period's statistic, not the incident's figure
    lead: bool = False  # in the article's first sentences
    headline: bool = False  # in its title
    other_event: bool = False  # its sentence names another event than the article's own
    place_at: int | None = None  # where the place named nearest the count begins


# Where the vetoes that drop a linked candidate are written down, when someone asks (``explain_vetoes``)
_VETO_LOG: contextvars.ContextVar[list | None] = contextvars.ContextVar("casualty_vetoes", default=None)


def _veto(name: str, cnt: Count, category: str | None = None) -> bool:
    """Write down that the veto ``name`` dropped ``cnt`` (when someone asks); True, as the veto holds."""
    log = _VETO_LOG.get()
    if log is not None:
        log.append({"veto": name, "category": category, "start": cnt.start, "end": cnt.end, "text": cnt.text})
    return True


@contextlib.contextmanager
def explain_vetoes():
    """Within it, every candidate count a veto drops is listed: ``with explain_vetoes() as vetoes: extract(...)``."""
    log: list = []
    token = _VETO_LOG.set(log)
    try:
        yield log
    finally:
        _VETO_LOG.reset(token)


def _sentence_words(text: str, s: int, e: int) -> frozenset | None:
    """The sentence's words, lower-cased; None when one is not ASCII (the prefilter then lets every pattern run)."""
    words = WORD_RE.findall(text, s, e)
    return None if any(not w.isascii() for w in words) else frozenset(w.lower() for w in words)


def _find_triggers(text: str, s: int, e: int, prefilter: bool = True) -> list[tuple[int, int, str, str]]:
    found = []
    words = _sentence_words(text, s, e) if prefilter else None
    for cat, kinds in TRIGGER_PATTERNS.items():
        for kind, pattern in kinds.items():
            if pattern is None:
                continue
            first = TRIGGER_FIRST_WORDS[cat][kind]
            if words is not None and first is not None and not first & words:
                continue  # none of its triggers' first words is in the sentence
            for m in pattern.finditer(text, s, e):
                found.append((m.start(), m.end(), cat, kind))
    # overlap policy, within a kind: the longest trigger wins ("shot dead" over "shot"); a passive and an
    # active reading of overlapping words both stay ("seriously wounded six others")
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    kept: list[tuple[int, int, str, str]] = []
    taken: dict[str, bytearray] = {}  # per kind, the characters a longer trigger holds
    spans: dict[str, set] = {}
    for t in found:
        occupied = taken.setdefault(t[3], bytearray(e - s))
        same = spans.setdefault(t[3], set())
        if (t[0], t[1]) not in same and any(occupied[t[0] - s:t[1] - s]):
            continue
        occupied[t[0] - s:t[1] - s] = b"\x01" * (t[1] - t[0])
        same.add((t[0], t[1]))
        kept.append(t)
    # "fired one SHOT": a shot fired is no wound
    kept = [t for t in kept if not (RULES.shot.match(text[t[0]:t[1]]) and
                                    RULES.fired_before.search(text, max(s, t[0] - 40), t[0]))]
    # "two men SHOT INTO the house": firing, no one hit
    kept = [t for t in kept if not (RULES.shot.match(text[t[0]:t[1]]) and RULES.fire_direction_after.match(text, t[1], e))]
    # a passive word inside a longer active phrase is that phrase ("charged with FATALLY SHOOTING a boy")
    actives = [t for t in kept if t[3] == "active"]
    kept = [t for t in kept if t[3] != "passive" or
            not any(a[0] <= t[0] and t[1] <= a[1] and a[1] - a[0] > t[1] - t[0] for a in actives)]
    kept.sort()
    return kept


# The rules of each kind of link, in the order they are tried (a fact's ``rule`` is one of them, or a rule that
# makes a fact without a link)
LINK_RULES = {
    "subject": ("appositive_gap", "coordinated_passive_gap", "coordinated_subject", "locative_subject", "relative_gap",
                "subject_gap", "who_gap"),
    "object": ("coordinated_count_object", "object_gap", "coordinated_object", "coordinated_object_far"),
    "noun": ("noun_gap",),
    "toll": ("toll_link", "qualified_toll_gap"),
}


def _subject_rule(gap: str) -> str | None:
    """The name of the rule that lets ``gap`` stand between a subject count and its verb, or None."""
    if RULES.appositive_gap.match(gap):
        return "appositive_gap"  # "Magnolia youth, Hank Bollen, dies"
    if len(gap) <= 110 and RULES.coordinated_passive_gap.match(gap):
        return "coordinated_passive_gap"  # "several insurgents presented an immediate threat ... and were killed"
    if RULES.coordinated_subject.match(gap):
        return "coordinated_subject"  # "A man and a woman were shot dead": each conjunct is a subject
    if RULES.locative_subject.match(gap):
        return "locative_subject"  # "383,457 people in 609 villages of 60 municipalities were affected"
    if RULES.relative_gap.match(gap):
        return "relative_gap"  # "A Brooklyn woman who was watching her clothes dry was killed"
    if len(gap) > 70 or not RULES.subject_gap.match(gap):
        return None
    if not RULES.clause_break.search(gap):
        return "subject_gap"
    return "who_gap" if RULES.who_gap.fullmatch(gap) else None


def _object_rule(gap: str, second_object: bool) -> str | None:
    """The name of the rule that lets ``gap`` stand between an active verb and its object count, or None."""
    if second_object:
        return "coordinated_count_object"  # "detained two Haqqani leaders and several insurgents"
    for name in LINK_RULES["object"][1:]:
        if RULES.rules[name].regex.match(gap):
            return name
    return None


def _toll_rule(text: str, ts: int, cs: int, gap: str, qualified: bool) -> str | None:
    """The name of the rule that ties a toll noun to the count after it, or None."""
    if len(gap) >= 60 or ";" in gap or RULES.not_toll_of.search(gap):
        return None
    if RULES.toll_link.search(text, ts, cs):
        return "toll_link"  # "the death toll rose to 40"
    return "qualified_toll_gap" if qualified and RULES.qualified_toll_gap.match(gap) else None


# Phrases that are a fact by themselves, count and trigger in one:
# (pattern with its "np" group, category, value, qualifier, rule, extra)
_PHRASE_FACTS = [
    (RULES.caused_single_death, "killed", lambda m: 1, "implicit", "caused_single_death", {}),  # "rain also led to a death"
    # "a quadruple shooting": four people shot, the dead among them
    (RULES.multiple_shooting, "injured", lambda m: MULTIPLIERS[m.group("word").lower()], "exact", "multiple_shooting",
     {"shot": True, "all_shot": True}),
]


def _in_aside(text: str, before: Fact, cs: int) -> bool:
    """Is the count at ``cs`` inside an aside that breaks the fact ``before`` down, between its count's noun and
    its verb ("six people, THREE men and three women, were shot"; not a headline's "2 boys, 2 girls shot")?"""
    trigger = before.traits.trigger or (0, 0)
    if not (before.end < cs < trigger[0] and RULES.aside_open.fullmatch(text, before.end, cs)):
        return False
    close = max((m.start() for m in COMMA_RE.finditer(text, cs, trigger[0])), default=-1)
    # (the aside closes on a comma right before the verb: ", were shot"; not the comma inside "6,200")
    return close > cs and bool(RULES.aside_close.fullmatch(text, close, trigger[0]))


def _takes_object(text: str, trigger_end: int, gap: str) -> bool:
    """"The gunman killed three": a verb followed by its object is active, so the count before it is the
    agent, not the victim — unless a passive auxiliary stands before the verb ("were killed")."""
    if RULES.passive_aux.search(gap):
        return False
    return bool(RULES.object_after.match(text, trigger_end))


def _between(starts: list[int], lo: int, hi: int) -> bool:
    """Is there a start in [lo, hi)? (``starts`` sorted)"""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _link(text, count_span, triggers, trigger_starts, others, qualified=False) \
        -> tuple[str, str, tuple[int, int], str] | None:
    """The category, the kind of link (subject, negated subject, object, noun, toll), the trigger span and the
    name of the rule a count links by, or None. ``triggers`` are sorted by start (``trigger_starts``), ``others``
    are the sorted starts of the other counts. ``qualified``: the count carries its own linking word
    ("approaching 40,000"), so a toll needs no verb before it."""
    cs, ce = count_span
    best = None
    lo = bisect_left(trigger_starts, cs - LINK_WINDOW)
    hi = bisect_left(trigger_starts, ce + LINK_WINDOW)
    for ts, te, cat, kind in triggers[lo:hi]:
        if ts < ce and cs < te:
            continue
        if ts >= ce:  # trigger after the count: subject or noun
            restated = RULES.restatement_gap.match(text, ce, ts)
            gap = text[restated.end() if restated else ce:ts]
            if _between(others, ce, ts) and not (RULES.coordinated_subject.match(gap) or kind == "passive" and (
                    RULES.locative_subject.match(gap) or RULES.appositive_gap.match(gap))):
                continue  # (an aside may hold counts of its own: "six people, three men and three women, were")
            adjective_and = RULES.noun_adjective_and.fullmatch(gap) and " " in text[ts:te]  # "sick and injured people"
            if kind == "nouns" and RULES.noun_gap.match(gap) and (not RULES.clause_break.search(gap) or adjective_and) and \
                    not RULES.noun_modifier.match(text, te) and not RULES.charge_gap.search(gap):
                cand = (len(gap), 0.5, cat, "noun", (ts, te), "noun_gap")
            elif kind == "passive" and (name := _subject_rule(gap)) and (
                    RULES.subject_affected.fullmatch(text, ts, te) and RULES.fled_from.match(text, te)
                    or not _takes_object(text, te, gap)) and \
                    not RULES.near_miss.search(gap):
                cand = (len(gap), 0, cat, "negated subject" if RULES.negation_before.search(gap) else "subject", (ts, te),
                        name)
            else:
                continue
        else:  # trigger before the count: object or toll
            gap = text[te:cs]
            second_object = False
            if kind != "tolls" and _between(others, te, cs):
                # "detained two Haqqani leaders and several suspected insurgents": a second counted object
                if not (kind == "active" and RULES.coordinated_count_object.match(gap)
                        and bisect_left(others, cs) - bisect_left(others, te + 1) == 1):
                    continue
                second_object = True
            if kind == "active" and (name := _object_rule(gap, second_object)):
                cand = (len(gap), 1, cat, "object", (ts, te), name)
            elif kind == "tolls" and (name := _toll_rule(text, ts, cs, gap, qualified)):
                cand = (len(gap), 2, cat, "toll", (ts, te), name)
            else:
                continue
        cand = (cand[0], cand[1], -(te - ts)) + cand[2:]
        if best is None or cand[:3] < best[:3]:
            best = cand
    if best is None:
        return None
    return best[3], best[4], best[5], best[6]


def _victims(text: str, count_end: int, trigger: tuple[int, int], sent: tuple[int, int]) -> str | None:
    m = RULES.victim_after.match(text, count_end, min(sent[1], count_end + 60))
    if m:
        return " ".join(m.group(1).split())
    before = text[max(sent[0], trigger[0] - 40):trigger[0]]
    m = RULES.victim_before.search(before)
    if m:
        return m.group(1)
    m = RULES.demonym_toll.search(text[sent[0]:trigger[1] + 1])
    return m.group(1) if m else None


def _source(text: str, sent: tuple[int, int]) -> str | None:
    m = RULES.source.search(text, sent[0], sent[1])
    if not m:
        return None
    src = next(g for g in m.groups() if g)
    return " ".join(src.split())


def _places(text: str, sent: tuple[int, int]) -> list[tuple[int, str]]:
    """The places a sentence names ("in Gaza City"), with where each is named. A place that opens the sentence
    ends at its comma: the sentence's subject follows ("In South Carolina, Helene spawned a tornado")."""
    places = []
    for m in RULES.location.finditer(text, sent[0], sent[1]):
        place = m.group(1)
        if not text[sent[0]:m.start()].strip():
            place = place.split(",")[0]
        if not RULES.not_place.match(place):
            places.append((m.start(), place))
    return places


def _nearest_place(places: list[tuple[int, str]], near: int) -> tuple[int, str] | None:
    """The place named nearest to ``near`` (the first of two as near), with its offset."""
    return min(places, key=lambda p: abs(p[0] - near)) if places else None


def _cause(text: str, sent: tuple[int, int]) -> str | None:
    m = RULES.cause.search(text, sent[0], sent[1])
    return " ".join(m.group(1).split()) if m else None


def event_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The date mentions that can date an event: resolved DATE/TIME values, not vague references, and not
    the date a statement was made ("officials said Wednesday")."""
    out = []
    for d in dates:
        if d.type not in ("DATE", "TIME") or not d.value[:4].isdigit():
            continue
        if RULES.reporting_before.search(text, max(0, d.start - 40), d.start) or \
                RULES.reporting_after.match(text, d.end, min(len(text), d.end + 30)):
            continue  # "officials said Wednesday", "Wednesday police said": when it was said
        out.append(d)
    return out


_ISO_WEEK_RE = re.compile(r"(\d{4})-W(\d{2})")


def event_day(value: str) -> str:
    """A fact's date as the calendar says it: '2024-08-10TMO' and '2024-08-10T21:00' are '2024-08-10'; a week
    ('2024-W33', '2024-W32-WE') is the month its Thursday falls in, as a report dates "last week"."""
    if ISO_DAY_RE.match(value):
        return value[:10]
    week = _ISO_WEEK_RE.match(value)
    if week:
        thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    return value


def _event_date(dates: list[DateMention], sent: tuple[int, int], near: int,
                date_starts: list[int] | None = None, days_by_value: list[DateMention] | None = None,
                published: dt.date | None = None) -> DateMention | None:
    """The event date of a fact: the nearest event date in its sentence; else the governing date — the
    earliest day-precise event date the article gives outside the sentence (a story is told from its
    incident on: later days are arrests, vigils, reports). A coarser date in the sentence naming an earlier
    period ("last year's bombings") yields to a governing day that falls inside it; one naming the current year or month ("earlier
    this year", "the 12th homicide of 2016") stands."""
    if date_starts is None:
        date_starts = [d.start for d in dates]
    if days_by_value is None:
        days_by_value = sorted((d for d in dates if d.grain in ("day", "minute")), key=lambda d: event_day(d.value))
    inside = dates[bisect_left(date_starts, sent[0]):bisect_left(date_starts, sent[1])]
    governing = next((d for d in days_by_value if not sent[0] <= d.start < sent[1]), None)
    if inside:
        best = min(inside, key=lambda d: abs(d.start - near))
        if best.grain in ("year", "month") and governing is not None and \
                not (published is not None and best.value.startswith(f"{published.year:04d}")) and \
                event_day(governing.value).startswith(best.value):
            return governing
        return best
    return governing


def _merge_coordinated(text: str, items: list) -> list:
    """"a 16-year-old boy and a 20-year-old man", "a man and a woman", "a 5-year-old girl and 7-year-old boy":
    one count of two people, as "twin sisters" is."""
    items = sorted(items, key=lambda c: c[0])
    merged: list = []
    absorbed: tuple[int, int] | None = None  # the span of a second victim already counted in the first
    for a, b, cnt in items:
        if absorbed is not None and absorbed[0] <= a and b <= absorbed[1] and cnt.kind == "implicit":
            continue
        if merged and cnt.kind == "implicit" and merged[-1][2].kind == "implicit" and \
                RULES.joined_before.fullmatch(text, merged[-1][1], a) is not None and \
                (RULES.age_np.search(cnt.text) and RULES.age_np.search(merged[-1][2].text) or
                 RULES.generic_person.search(cnt.text) and RULES.generic_person.search(merged[-1][2].text)):
            # victims described by age or by sex are one count ("a 16-year-old boy and a 20-year-old man",
            # "a man and a woman"); named roles stay apart ("a Taliban leader and a facilitator")
            pa, _, pc = merged[-1]
            value = pc.value + cnt.value
            merged[-1] = (pa, b, Count(pa, cnt.end, text[pa:cnt.end], value, None, None, "implicit", "implicit",
                                       pa, cnt.end))
            continue
        if cnt.kind == "implicit":
            m = RULES.bare_second.match(text, cnt.end)
            inside = m is not None and [(x, y, c) for x, y, c in items if x < m.end() and m.start("np") < y]
            # a second victim without a determiner joins the first even where another pattern found it alone
            # ("a 3-year-old girl and 23-year-old woman wounded"); one with a determiner is a victim of its own
            # unless the rule above joined them
            bare = m is not None and not RULES.determiner_start.match(m.group("np"))
            if m and (not inside or bare and all(c.kind == "implicit" and m.start("np") <= x and y <= m.end("np")
                                                 for x, y, c in inside)):
                end = m.end("np")
                cnt = Count(cnt.start, end, text[cnt.start:end], cnt.value + 1, None, None, "implicit", "implicit",
                            cnt.start, end)
                b = end
                absorbed = (m.start("np"), end)
        merged.append((a, b, cnt))
    return merged


def out_spans(items):
    return [(a, b) for a, b, _ in items]


def known_surnames(text: str) -> set[str]:
    """Surnames of people the text introduced by full name ("Caleb Arwood, 17,"): later, "Arwood was
    pronounced dead" counts one person."""
    return {m.group("surname") for m in RULES.full_name.finditer(text)}




def _candidate(m, group, value: int, kind: str, qualifier: str = "implicit", link_end: int | None = None):
    """A count candidate from a match: the people named by ``group``; linking starts after ``link_end``."""
    a, b = m.span(group)
    return a, link_end or b, Count(a, b, m.group(group), value, None, None, qualifier, kind, a, b)


# (pattern, group naming the people, kind, value); tried in order, a span already taken is skipped
_IMPLICIT_SOURCES = [
    (RULES.relatives, "np", "implicit", lambda m: relatives_value(m.group("np"))),
    (RULES.named_victim, "name", "implicit", lambda m: 1),
    (RULES.bare_object, "np", "implicit", lambda m: 1),
    (RULES.multiple_fatal, "word", "multiplier", lambda m: MULTIPLIERS[m.group("word").lower()]),
    (RULES.bare_victim, "np", "implicit", lambda m: 1),
    (RULES.possessive_death, "np", "possessive", lambda m: 1),
    (RULES.pronoun_subject, 0, "subject pronoun", lambda m: 1),
]


def _implicit_counts(text: str, s: int, e: int, taken: list[tuple[int, int]],
                     known_surnames: frozenset = frozenset()) -> list[tuple[int, int, Count]]:
    """Counts that no number states: "a man" (1), "twin sisters" (2), "Caleb Arwood, 17," (1), "he died" ..."""
    out: list[tuple[int, int, Count]] = []

    def free(a: int, b: int, also_out: bool = True) -> bool:
        if any(y <= a and a - y <= 2 and not text[y:a].strip() for _, y in taken):
            return False  # the noun a number counts ("1 CHILD shot"): that number's, not one more person
        return not any(x < b and a < y for x, y in taken + (out_spans(out) if also_out else []))

    for m in RULES.ordinal_person.finditer(text, s, e):  # "an 8th teen was injured", "a fourth victim": a tally
        if free(m.start(), m.end()):
            a, b = m.start(), m.end()
            if m.group("n"):  # "the 4th child shot in Chicago in 3 days": a tally across incidents
                out.append((a, b, Count(a, b, text[a:b], int(m.group("n")), None, None, "exact", "ordinal", a, b)))
            elif RULES.tally_of_a_kind.match(text, m.end("w")):
                # "a third FEMALE victim": the third of a kind, one more person but no running count of all
                out.append((a, b, Count(a, b, text[a:b], 1, None, None, "implicit", "implicit", a, b)))
            else:  # "three men shot, a fourth wounded": the incident's own running count
                n = TALLY_ORDINALS[m.group("w").lower()]
                out.append((a, b, Count(a, b, text[a:b], n, None, None, "exact", "ordinal word", a, b)))
    ordinals = list(out)
    for m in RULES.implicit.finditer(text, s, e):
        if not free(m.start(), m.end(), also_out=False) or any(x < m.end() and m.start() < y for x, y, _ in ordinals):
            continue
        if m.group("pair"):
            out.append(_candidate(m, 0, 2, "implicit"))
        elif m.group("det").lower() != "the" or m.group("age") or m.group("age2") or \
                RULES.definite_victim.search(m.group("np").lower()):
            out.append(_candidate(m, 0, 1, "implicit"))
    m = RULES.headline_pair.match(text, s, e)
    if m and free(*m.span("np")):  # "Man, woman found shot": one each
        out.append(_candidate(m, "np", len(RULES.generic_person_word.findall(m.group("np"))), "implicit"))
    else:
        m = RULES.headline_np.match(text, s, e)
        if m and free(*m.span("np")):
            out.append(_candidate(m, "np", 1, "implicit"))
    for m in RULES.name_age.finditer(text, s, e):
        if free(*m.span("name")):  # linked from after the age: "Jo Smith, 17, was shot"
            out.append(_candidate(m, "name", 1, "implicit", link_end=m.end()))
    for m in RULES.name_role.finditer(text, s, e):
        if free(*m.span("name")) and not RULES.not_a_name.match(m.group("name")):
            out.append(_candidate(m, "name", 1, "implicit", link_end=m.end()))
    for pattern, group, kind, value in _IMPLICIT_SOURCES:
        for m in pattern.finditer(text, s, e):
            if free(*m.span(group)):
                out.append(_candidate(m, group, value(m), kind))
    for m in RULES.surname.finditer(text, s, e):
        if m.group("last") in known_surnames and free(*m.span()):
            out.append(_candidate(m, "name", 1, "implicit"))
    for m in RULES.reflexive.finditer(text, s, e):
        out.append(_candidate(m, 0, 1, "object pronoun"))
    for m in RULES.one_of.finditer(text, s, e):
        if free(*m.span(), also_out=False):
            out.append(_candidate(m, 0, 1, "one of", qualifier="exact"))
    return _merge_coordinated(text, out) + _bare_plurals(text, s, e, taken)


def _bare_plurals(text: str, s: int, e: int, taken: list[tuple[int, int]]) -> list[tuple[int, int, Count]]:
    """"insurgents were detained": a plural with no count before it is two, by convention."""
    out = []
    for m in RULES.bare_plural.finditer(text, s, e):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if RULES.determined.search(text, max(s, m.start() - 40), m.start()):
            continue  # "several suspected insurgents", "the two targeted insurgents": not a bare plural
        cnt = Count(m.start(), m.end(), m.group(), 2, 2, None, "vague", "bare plural", m.start(), m.end())
        out.append((m.start(), m.end(), cnt))
    return out


@dataclass
class _FactList:
    """The facts of an article as they are found, with what later counts ask of them."""
    facts: list[Fact] = field(default_factory=list)
    index_of: dict[int, int] = field(default_factory=dict)  # id(fact) -> its index in facts
    linked: set[tuple[int, str]] = field(default_factory=set)  # (count start, category) already a fact
    negated_in: set[tuple[str, tuple[int, int]]] = field(default_factory=set)

    def add(self, fact: Fact) -> None:
        self.index_of[id(fact)] = len(self.facts)
        self.facts.append(fact)
        self.linked.add((fact.start, fact.category))
        if fact.negated:
            self.negated_in.add((fact.category, fact.sentence))


@dataclass
class _Sentence:
    """One sentence being read: its triggers, its candidate counts, the facts found in it so far."""
    text: str
    span: tuple[int, int]
    triggers: list[tuple[int, int, str, str]]
    candidates: list[tuple[int, int, Count]]
    others: list[int]  # the starts of its other counts, which a link must not step over
    facts: list[Fact] = field(default_factory=list)
    feared: bool | None = None  # "feared dead": read once the sentence has a fact
    trigger_starts: list[int] = field(init=False)

    def __post_init__(self):
        self.trigger_starts = [t[0] for t in self.triggers]


def extract_casualties(text: str, sentences: list[tuple[int, int]], counts: list[Count],
                       dates: list[DateMention], dateline_place: str | None = None, deadline=None,
                       published: dt.date | None = None) -> list[Fact]:
    found = _FactList()
    surnames = frozenset(known_surnames(text))
    counts = sorted(counts, key=lambda c: c.start)
    count_starts = [c.start for c in counts]
    for sent in sentences:
        if deadline is not None:
            deadline.check()
        _self_standing_facts(text, sent, found)
        triggers = _find_triggers(text, *sent)
        if not triggers:
            continue
        in_sentence = counts[bisect_left(count_starts, sent[0]):bisect_left(count_starts, sent[1])]
        sentence = _read_sentence(text, sent, triggers, in_sentence, surnames)
        for cs, ce, cnt in sentence.candidates:
            fact = _breakdown_of(sentence, cs, cnt, found) or _linked_fact(sentence, cs, ce, cnt, found)
            if fact is not None:
                sentence.facts.append(fact)
                found.add(fact)
        _negated_noun_facts(text, sent, found)
    facts = _drop_later_anaphora(found.facts)
    _attribute(text, sentences, facts, dates, dateline_place, published)
    _mark_round_up_titles(facts)
    return facts


def _self_standing_facts(text: str, sent: tuple[int, int], found: _FactList) -> None:
    """Phrases that are a fact by themselves: "the city's 12th homicide" (a tally), "a quadruple shooting"."""
    s, e = sent
    for m in RULES.ordinal_killing.finditer(text, s, e):
        a, b = m.start(), m.end()
        fact = Fact("killed", Count(a, b, text[a:b], int(m.group("n")), None, None, "exact", "ordinal", a,
                                    b).as_dict(), a, b, sent, "ordinal_killing")
        fact.traits.ordinal = True
        found.add(fact)
    for pattern, category, value, qualifier, rule, extra in _PHRASE_FACTS:
        for m in pattern.finditer(text, s, e):
            a, b = m.span("np")
            cnt = Count(a, b, text[a:b], value(m), None, None, qualifier, qualifier, a, b)
            fact = Fact(category, cnt.as_dict(), a, b, sent, rule)
            for name, trait in {**extra, "trigger": (a, b)}.items():
                setattr(fact.traits, name, trait)
            found.add(fact)


def _read_sentence(text: str, sent: tuple[int, int], triggers, counts: list[Count], surnames) -> _Sentence:
    """The sentence's candidate counts: stated, implicit ("a man") and negated ("no one"), partitive totals aside."""
    s, e = sent
    explicit = [(c.start, c.end, c) for c in counts]
    implicit = _implicit_counts(text, s, e, [(c.start, c.end) for c in counts], surnames)
    negations = [(m.start(), m.end(), Count(m.start(), m.end(), m.group(), 0, None, None, "exact", "negation",
                                            m.start(), m.end())) for m in RULES.negated.finditer(text, s, e)]
    candidates = sorted(explicit + implicit + negations, key=lambda c: c[0])
    # "80 people out of the 86 crew members perished", "three of the 12 passengers": the total aboard is
    # no casualty count, and it does not stand between the count that is and its verb
    partitive = {c[0] for c in explicit if RULES.out_of_before.search(text, max(s, c[0] - 30), c[0])
                 or RULES.of_the_opening.fullmatch(text, s, c[0])}
    return _Sentence(text, sent, triggers, [c for c in candidates if c[0] not in partitive],
                     sorted(c[0] for c in explicit + negations if c[0] not in partitive))


def _breakdown_of(sentence: _Sentence, cs: int, cnt: Count, found: _FactList) -> Fact | None:
    """A count after "including", or in an aside, breaks down the fact before it ("killed three, including two")."""
    text, (s, _) = sentence.text, sentence.span
    if not sentence.facts or cnt.kind == "negation":
        return None
    if RULES.including.search(text, max(s, cs - 40), cs):
        rule = "including"
    elif _in_aside(text, sentence.facts[-1], cs):
        rule = "aside_open"
    else:
        return None
    parent = sentence.facts[-1]
    fact = Fact(parent.category, cnt.as_dict(), cnt.start, cnt.end, sentence.span, rule,
                part_of=found.index_of[id(parent)])
    fact.traits.trigger = parent.traits.trigger
    fact.victims = _victims(text, cnt.core_end, parent.traits.trigger, sentence.span)
    return fact


def _linked_fact(sentence: _Sentence, cs: int, ce: int, cnt: Count, found: _FactList) -> Fact | None:
    """The fact a count makes with the trigger it links to, unless a veto drops it."""
    link = _link_of(sentence, cs, ce, cnt)
    if link is None:
        return None
    category, rule, trig, rule_name = link
    if _vetoed_before_people(sentence, cnt, category, rule, trig):
        return None
    cnt = _one_more_of_another_kind(sentence, cnt, category)
    reflexive = _reflexive(sentence, cs, ce, cnt, category, trig, found)
    if reflexive is None:
        return None
    cnt, perpetrator = reflexive
    if _vetoed_by_kind(sentence, cs, ce, cnt, category, rule, trig):
        return None
    if rule == "negated subject":
        if category not in ZERO_CATEGORIES:
            _veto("negated_subject_category", cnt, category)
            return None
        cnt = Count(cnt.start, cnt.end, cnt.text, 0, None, None, "exact", "negation", cnt.start, cnt.end)
        rule = "subject"
    if _hypothetical(sentence, cs, cnt, trig):
        _veto("hypothetical", cnt, category)  # "could kill thousands", "1,000 were planned to be evacuated"
        return None
    if category == "injured" and RULES.shot_then_died.match(sentence.text, trig[1], min(sentence.span[1], trig[1] + 100)):
        category = "killed"  # "was shot in the head and killed", "shot in head, dies"
    return _new_fact(sentence, cs, ce, cnt, category, (rule, rule_name), trig, perpetrator, found)


def _link_of(sentence: _Sentence, cs: int, ce: int, cnt: Count):
    """(category, kind of link, trigger span, rule name) of the trigger the count links to, or None."""
    starts = sentence.trigger_starts
    local = [t for t in sentence.triggers[bisect_left(starts, cs - LINK_WINDOW):bisect_left(starts, ce + LINK_WINDOW)]
             if not (t[0] < ce and cs < t[1])]
    link = _link(sentence.text, (cs, ce), local, [t[0] for t in local], sentence.others,
                 qualified=cnt.qualifier in ("about", "at_least", "more_than", "approaching", "at_most",
                                             "less_than", "range"))
    if link is None:
        _veto("no_link", cnt)  # no pattern ties the count to a trigger
    return link


def _vetoed_before_people(sentence: _Sentence, cnt: Count, category: str, rule: str, trig) -> bool:
    """Counts of things, not people ("impacted eight provinces"), and near misses ("nearly killed")."""
    text, (s, e) = sentence.text, sentence.span
    if cnt.kind in ("digits", "words", "vague", "range") and \
            RULES.not_persons_after.match(text, cnt.core_end, min(e, cnt.core_end + 40)):
        _veto("not_persons_after", cnt, category)
        return True  # "impacted eight provinces", "85,000 head of cattle were killed"
    if rule == "object" and RULES.near_miss_before.search(text, max(s, trig[0] - 15), trig[0]):
        _veto("near_miss", cnt, category)
        return True  # "bullets that nearly killed his father-in-law"
    return False


def _one_more_of_another_kind(sentence: _Sentence, cnt: Count, category: str) -> Count:
    """"three people were found dead and a fourth person was injured": one more, of another kind."""
    if cnt.kind == "ordinal word" and any(f.category != category and f.count["value"] == cnt.value - 1
                                          for f in sentence.facts):
        return Count(cnt.start, cnt.end, cnt.text, 1, None, None, "implicit", "implicit", cnt.start, cnt.end)
    return cnt


def _reflexive(sentence: _Sentence, cs: int, ce: int, cnt: Count, category: str, trig, found: _FactList):
    """(the count, whether it is the perpetrator) for reflexive and object pronouns; None when vetoed."""
    text, (s, e) = sentence.text, sentence.span
    if cnt.kind == "object pronoun" and RULES.reflexive_pronoun.fullmatch(cnt.text):
        prior = [c for c in sentence.candidates if c[1] <= trig[0] and c[2].kind in ("implicit", "digits", "words")
                 and trig[0] - LINK_WINDOW <= c[0] and not (  # not "faces two felony charges"
                     c[2].kind != "implicit" and RULES.not_persons_after.match(text, c[2].core_end,
                                                                            min(e, c[2].core_end + 40)))]
        by_start = {f.start: f for f in sentence.facts if f.category == category}
        if prior and (prior[-1][0], category) in found.linked:
            if category != "killed" or not (
                    RULES.new_subject.search(text, max(s, trig[0] - 25), trig[0]) or
                    all(by_start[c[0]].traits.link == "object" for c in prior if c[0] in by_start)):
                _veto("reflexive_already_counted", cnt, category)
                return None  # "a boy was hospitalized after shooting himself": the boy, already counted
            # "Hernandez was killed by her ex-boyfriend before HE killed himself", "Smith killed three
            # people before killing himself": the one who killed, dead too
            return cnt, True
        if prior:  # "a 15-year-old boy shot himself": the boy is the one shot
            return prior[-1][2], False
        return cnt, False
    if cnt.kind == "object pronoun" and sentence.facts and \
            any(f.category == category and f.start < cs for f in sentence.facts) and \
            RULES.agent_killed_pronoun.search(text, max(s, cs - 60), ce):
        return cnt, True  # "the gunman killed three people before police killed him"
    return cnt, False


def _vetoed_by_kind(sentence: _Sentence, cs: int, ce: int, cnt: Count, category: str, rule: str, trig) -> bool:
    """The kinds of count a category or a rule does not take (each veto named, in the order they are tried)."""
    text, e, kind = sentence.text, sentence.span[1], cnt.kind
    if kind in ("implicit", "ordinal", "ordinal word") and rule not in ("subject", "object"):
        return _veto("implicit_needs_subject_or_object", cnt, category)
    if rule == "object" and kind not in ("implicit", "object pronoun") and \
            RULES.person_only_verb.fullmatch(text, trig[0], trig[1]):
        return _veto("person_only_verb", cnt, category)  # "struck multiple vehicles": people only when named
    if RULES.hospital_verb.fullmatch(text, trig[0], trig[1]) and \
            (rule != "object" or not RULES.to_hospital.match(text, ce, min(e, ce + 80))):
        # "sent five people to the hospital", not "sent two officers to the scene"
        return _veto("hospital_verb_without_hospital", cnt, category)
    if kind in ("possessive", "multiplier") and (rule != "noun" or category != "killed"):
        return _veto("possessive_needs_death_noun", cnt, category)
    if category in MASS_CATEGORIES and kind not in ("digits", "words", "vague", "range"):
        return _veto("mass_category_needs_a_number", cnt, category)  # one who "fled" is no displacement
    if kind == "object pronoun" and (rule != "object" or category not in PRONOUN_CATEGORIES):
        return _veto("object_pronoun_needs_harm_object", cnt, category)
    if kind == "subject pronoun" and (rule != "subject" or category not in PRONOUN_CATEGORIES):
        return _veto("subject_pronoun_needs_harm_subject", cnt, category)
    if kind == "subject pronoun" and category == "injured" and \
            any(t[2] == "killed" and t[1] <= cs for t in sentence.triggers):
        # "Makanzee died days after she was shot": the one who died, not another wounded
        return _veto("pronoun_shot_before_dying", cnt, category)
    if kind == "bare plural" and category not in BARE_PLURAL_CATEGORIES:
        return _veto("bare_plural_category", cnt, category)
    if kind == "negation" and rule != "subject":
        return _veto("negation_needs_subject", cnt, category)
    if kind == "negation" and RULES.severity.search(text, trig[0], trig[1]):
        # "none had life-threatening injuries": some were hurt, none gravely
        return _veto("negation_of_severity", cnt, category)
    return False


def _hypothetical(sentence: _Sentence, cs: int, cnt: Count, trig) -> bool:
    """A hypothetical before the count in its own clause, or between the count and its verb."""
    text, s = sentence.text, sentence.span[0]
    lo = min(cs, trig[0])
    # the words before, and between a count and its verb ("1,000 people were PLANNED TO be evacuated")
    window = _own_clause(text[max(s, lo - 45):lo]) + " " + text[cnt.end:trig[0]] * (trig[0] > cnt.end)
    return bool(RULES.hypothetical.search(window)) and not RULES.may_have.search(window)


def _new_fact(sentence: _Sentence, cs: int, ce: int, cnt: Count, category: str, link: tuple[str, str], trig,
              perpetrator: bool, found: _FactList) -> Fact:
    """The fact of a linked count; ``link`` is the kind of link and the name of the rule it took."""
    text, (s, e), sent = sentence.text, sentence.span, sentence.span
    fact = Fact(category, cnt.as_dict(), cnt.start, cnt.end, sent, link[1], negated=cnt.kind == "negation")
    fact.traits.link = link[0]
    if RULES.of_them_after.match(text, cnt.core_end):  # "four people shot, two of them had serious injuries"
        parent = next((f for f in reversed(sentence.facts) if f.category == category and not f.negated), None)
        if parent is not None:
            fact.rule, fact.part_of = "of_them_after", found.index_of[id(parent)]
    fact.traits.trigger = trig
    fact.victims = None if cnt.kind == "negation" else _victims(text, cnt.core_end, trig, sent)
    if cnt.kind in ("implicit", "bare plural"):
        fact.victims = " ".join(cnt.text.split())
    fact.traits.anaphoric = not perpetrator and (
        (cnt.kind == "implicit" and RULES.anaphoric_determiner.match(cnt.text))
        or cnt.kind in ("object pronoun", "subject pronoun"))
    if perpetrator:
        fact.victims = "perpetrator"
    fact.traits.shot = category == "injured" and bool(RULES.shot.match(text[trig[0]:trig[1]]))
    fact.traits.bare = cnt.kind == "bare plural"
    fact.traits.ordinal = cnt.kind == "ordinal"
    fact.traits.tally = cnt.kind == "ordinal word"
    if fact.traits.tally:  # "a fourth man was shot": one person, the fourth so far
        fact.traits.tally_value = cnt.value
        fact.count = dict(fact.count, value=1, min=None, max=None, qualifier="implicit")
    _group_cues(sentence, cs, ce, cnt, fact)
    if sentence.feared is None:
        sentence.feared = bool(RULES.feared.search(text, s, e))
    if sentence.feared:
        fact.status = "feared"
    return fact


def _group_cues(sentence: _Sentence, cs: int, ce: int, cnt: Count, fact: Fact) -> None:
    """"two MORE", "also", "another", "others": whether the fact's group adds to the ones before it."""
    text, (s, e) = sentence.text, sentence.span
    # the cue is around the count, not in it ("another teen" names one victim; it adds no one)
    more = RULES.more_after.match(text, cnt.core_end, e) if cnt.kind in ("digits", "words", "vague") else None
    cue = RULES.additive.search(text, max(s, cs - 60), cs) or RULES.additive.search(text, ce, min(e, ce + 40)) or more
    fact.traits.more = more is not None  # "two MORE": a new group
    # "killed one man and wounded two others": "others" sets them apart from another category's
    # group in the same sentence; it adds nothing to an earlier figure of their own category
    contrast = cue is not None and RULES.contrast_cue.search(cue.group()) and \
        any(f.category != fact.category for f in sentence.facts)
    fact.traits.additive = cue is not None and not contrast
    fact.traits.others = bool(RULES.others_after.match(text, ce, min(e, ce + 20)))


def _negated_noun_facts(text: str, sent: tuple[int, int], found: _FactList) -> None:
    """"no injuries were reported": a stated zero, unless the sentence already gave one for the category."""
    for m in RULES.negated_noun.finditer(text, *sent):
        cat = NEG_CAT[m.group("noun").lower()]
        if (cat, sent) in found.negated_in:
            continue
        cnt = Count(m.start(), m.end(), m.group(), 0, None, None, "exact", "negation", m.start(), m.end())
        found.add(Fact(cat, cnt.as_dict(), m.start(), m.end(), sent, "negated_noun", negated=True))


def _attribute(text: str, sentences, facts: list[Fact], dates: list[DateMention], dateline_place: str | None,
               published: dt.date | None) -> None:
    """What each fact's sentence and article say of it: running total, statistic, lead, title, another event,
    its date, place, source, cause, and whether a later clause corrects it."""
    usable_dates = sorted(event_dates(text, dates), key=lambda d: d.start)
    date_starts = [d.start for d in usable_dates]
    days_by_value = sorted((d for d in usable_dates if d.grain in ("day", "minute")), key=lambda d: event_day(d.value))
    lead_end = _lead_end(text, sentences)
    headline = _headline(text, sentences)
    own_events = _own_event_names(text, sentences, headline)
    by_sentence: dict[tuple[int, int], _SentenceTraits] = {}  # many facts share a sentence: read it once
    for f in facts:
        trig = f.traits.trigger or (f.start, f.end)
        traits = by_sentence.get(f.sentence)
        if traits is None:
            traits = by_sentence[f.sentence] = _sentence_traits(text, f.sentence)
        ordinal = f.traits.ordinal  # "the 4th child shot": a running tally, not an incident
        f.cumulative = ordinal or f.traits.tally or traits.cumulative and not f.negated
        f.traits.statistic = ordinal or traits.statistic
        f.traits.lead = f.start < lead_end
        f.traits.headline = f.sentence == headline
        f.traits.other_event = _other_event(text, f.sentence[0], f.start, own_events)
        # "no arrests have been made": a state of the inquiry, no event that a date could be of
        undated = f.negated and f.category in UNDATED_NEGATIONS
        f.date = None if undated else _event_date(usable_dates, f.sentence, f.start, date_starts, days_by_value,
                                                  published)
        place = _nearest_place(traits.places, trig[0])
        f.location = place[1] if place else dateline_place
        if place:
            f.traits.place_at = place[0]
        f.source = traits.source
        f.cause = traits.cause
        if f.status == "reported" and traits.superseded(f.start, f.end):
            f.status = "superseded"  # "Initial reports said five victims, but police later said 6 had been shot"


def _mark_round_up_titles(facts: list[Fact]) -> None:
    """A title that gives the figures of a round-up its first sentence tells ("1 dead, 5 wounded in Chicago
    shootings", then "at least five people were wounded ... in separate shootings citywide") is that round-up too
    (one person named in both says too little: "Fatal shooting of 14-year-old")."""
    first_told = min((f.sentence for f in facts if not f.traits.headline), default=None)
    round_up = {(f.category, f.count["value"]) for f in facts if f.traits.statistic and f.sentence == first_told}
    for f in facts:
        if f.traits.headline and (f.category, f.count["value"]) in round_up and \
                (f.count["value"] > 1 or f.count["qualifier"] != "implicit"):
            f.traits.statistic = True


class _SentenceTraits(NamedTuple):
    cumulative: bool
    statistic: bool
    source: str | None
    cause: str | None
    places: list[tuple[int, str]]
    first_report: int | None  # where a first report opens ("Initial reports said ..."), if the sentence has one
    last_correction: int  # where its last correction starts ("but police LATER said"), -1 if none

    def superseded(self, start: int, end: int) -> bool:
        """Is the fact at [start, end) a first report the sentence corrects after it?"""
        return self.first_report is not None and self.first_report < start and end <= self.last_correction


def _sentence_traits(text: str, sent: tuple[int, int]) -> _SentenceTraits:
    """What a sentence says of every fact in it: a running total, a period's statistic, who reported it,
    its cause, the places it names, a first report and its correction."""
    s, e = sent
    opener = RULES.superseded_opener.search(text, s, e)
    corrections = [m.start() for m in RULES.superseded_correction.finditer(text, opener.end(), e)] if opener else []
    return _SentenceTraits(bool(RULES.cumulative.search(text, s, e)), bool(RULES.statistic.search(text, s, e)),
                           _source(text, sent), _cause(text, sent), _places(text, sent),
                           opener.start() if opener else None, corrections[-1] if corrections else -1)


def _drop_later_anaphora(facts: list[Fact]) -> list[Fact]:
    """"the boy", "him" after a fact of the same category are repeated mentions, not new facts."""
    kept: list[Fact] = []
    first_start: dict[str, int] = {}
    for f in facts:
        if f.traits.anaphoric and first_start.get(f.category, f.start) < f.start:
            continue
        if not f.traits.ordinal:  # a tally ("the 116th homicide") introduces no victim to refer back to
            first_start[f.category] = min(first_start.get(f.category, f.start), f.start)
        kept.append(f)
    new_index = {id(f): i for i, f in enumerate(kept)}
    for f in kept:  # breakdown parents are indices into the list
        if f.part_of is not None:
            f.part_of = new_index.get(id(facts[f.part_of]))
    return kept


def _own_clause(before: str) -> str:
    """The part of ``before`` (the words before a fact) in the fact's own clause: after the last word that opens
    a new one ("if anyone will be charged AFTER a boy was shot")."""
    last = None
    for last in RULES.clause_start.finditer(before):
        pass
    return before[last.end():] if last is not None else before


def _headline(text: str, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence when it is a title: a line of its own without a closing full stop."""
    if len(sentences) < 2:
        return None
    s, e = sentences[0]
    if text[e - 1] in ".!?\"'”’" or not LINE_END_RE.match(text, e):
        return None
    return s, e


def _event_names(text: str, start: int, end: int) -> list[str]:
    return [(m.group("before") or m.group("after")).lower() for m in RULES.event_name.finditer(text, start, end)]


def _own_event_names(text: str, sentences: list[tuple[int, int]], headline: tuple[int, int] | None) -> set[str]:
    """The names of the article's own event: those its title gives, and its first sentence after the title
    ("Typhoon Xangsane, known in the Philippines as Typhoon Reming, ..."). None without a title that names one."""
    if headline is None:
        return set()
    own = set(_event_names(text, *headline))
    i = sentences.index(headline)
    if own and i + 1 < len(sentences):
        own.update(_event_names(text, *sentences[i + 1]))
    return own


def _other_event(text: str, sentence_start: int, count_start: int, own: set[str]) -> bool:
    """Does the fact's sentence name another event than the article's own before the count ("The Butte Fire
    would later ... lead to the deaths of two civilians", in an article on the Electra Fire)?"""
    if not own:
        return False
    names = _event_names(text, sentence_start, count_start)
    return bool(names) and names[-1] not in own


def _lead_end(text: str, sentences: list[tuple[int, int]]) -> int:
    """Where the lead ends: after the first three sentences that carry prose (a headline is one)."""
    prose = [sp for sp in sentences if len(text[sp[0]:sp[1]].split()) >= 4]
    return prose[min(2, len(prose) - 1)][1] if prose else len(text)


def fact_id(doc_id: str | None, fact: Fact) -> str:
    key = f"{doc_id or ''}|{fact.start}|{fact.end}|{fact.category}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
