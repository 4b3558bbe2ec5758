"""What a fact's sentence and article say of it: victims, place, source, cause, perpetrator, its date, running
total or statistic, lead or title, another event, and whether a later clause corrects it."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

import regex as re

from ..casualty_rulebook import ISO_DAY_RE, LINE_END_RE, RULES, UNDATED_NEGATIONS
from ..categories import INCIDENT_CATEGORIES, PERPETRATED_CATEGORIES
from ..dates import DateMention
from .facts import Fact


def victims_of(text: str, count_end: int, trigger: tuple[int, int], sent: tuple[int, int]) -> str | None:
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


def _fact_place(text: str, places: list[tuple[int, str]], f: Fact, trigger: tuple[int, int]) -> tuple[int, str] | None:
    """A fact's place: one named right after its count ("killed 12 in Guatemala and 4 in Honduras":
    ``count_place_gap``), else the one nearest its trigger."""
    for at, place in places:
        if at >= f.end and RULES.count_place_gap.fullmatch(text, f.end, at):
            return at, place
    return _nearest_place(places, trigger[0])


def _place_unplaced(facts: list[Fact]) -> None:
    """A fact whose sentence names no place, in an article with no dateline, is at the incident's place: where
    the first fact of the article's own event that its sentence places happened ("Six people were shot in Venice
    ... Police arrested a family member")."""
    placed = [f for f in facts if f.traits.place_at is not None and not f.traits.other_event]
    if not placed:
        return
    incident_place = min(placed, key=lambda f: f.start).location
    for f in facts:
        if f.location is None:
            f.location = incident_place


def perpetrator_of(text: str, f: Fact, trigger: tuple[int, int], names=lambda: True) -> str | None:
    """Who did it, as the sentence tells the agent of the fact's verb: after a passive trigger with "by" ("killed
    by gunmen"), the subject of an active verb right before the count ("a gunman shot three people"), or the main
    clause's subject before a participle ("Hamas breached defenses, killing about 1,200 people"). A capitalised
    name counts outside a title-cased line and where the sentence names no cause, and when ``names()`` (False in a
    story of a natural hazard: a storm's name is none)."""
    s, e = f.sentence
    m = RULES.perpetrator_by.match(text, trigger[1], min(e, trigger[1] + 60))
    if m is None:
        m = RULES.perpetrator_before_verb.search(text, max(s, f.start - 120), f.start)
    if m is None and RULES.perpetrator_participle.search(text, max(s, f.start - 40), f.start):
        m = RULES.clause_subject.match(text, s, f.start)
    if m is None or m.group("name") and (f.traits.headline or f.cause or _title_cased(text[s:e]) or not names()):
        return None  # a title's capitals name no one; nor does a name beside a cause ("Iris ... landslides")
    return " ".join(m.group("agent").split())


def _title_cased(sentence: str) -> bool:
    """Are most of a line's words capitalised ("Man Arrested After Early Morning Shooting"), so that a capital marks
    no name?"""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _cause(text: str, sent: tuple[int, int]) -> str | None:
    m = RULES.cause.search(text, sent[0], sent[1])
    return " ".join(m.group(1).split()) if m else None


def _resolved(d: DateMention) -> bool:
    return d.type in ("DATE", "TIME") and d.value[:4].isdigit()


def _told(text: str, d: DateMention) -> bool:
    """Is ``d`` the day a statement was made ("officials said Wednesday", "Wednesday police said")?"""
    return bool(RULES.reporting_before.search(text, max(0, d.start - 40), d.start) or
                RULES.reporting_after.match(text, d.end, min(len(text), d.end + 30)))


def _period_start(text: str, d: DateMention) -> bool:
    """Is ``d`` the start of a period counted ("killed since Oct. 7")?"""
    return RULES.period_start_before.search(text, max(0, d.start - 20), d.start) is not None


def told_days(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The days statements were made on ("the ministry said on Friday"): a running total is as of that day."""
    return [d for d in dates if _resolved(d) and d.grain in ("day", "minute") and _told(text, d)]


def event_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The date mentions that can date an event: resolved DATE/TIME values, not vague references, not the date
    a statement was made ("officials said Wednesday"), and not the start of a period counted ("since Oct. 7")."""
    out = []
    for d in dates:
        if not _resolved(d):
            continue
        if _told(text, d):
            continue  # "officials said Wednesday", "Wednesday police said": when it was said
        if _period_start(text, d):
            continue  # "killed since Oct. 7": when the period counted began
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


def _event_date(dates: list[DateMention], sent: tuple[int, int], near: int, clause: tuple[int, int] | None = None,
                date_starts: list[int] | None = None, days_by_value: list[DateMention] | None = None,
                published: dt.date | None = None) -> DateMention | None:
    """The event date of a fact (README, "The date of a fact"): the nearest event date in its own clause (from the
    last "after" before it to the sentence's end, ``clause``); when the sentence's dates all lie before that, in
    the later event's clause ("police launched an inquiry on Tuesday AFTER an eruption killed five"), the governing
    date if it falls at most AFTER_DAYS before them — the governing date is the earliest day-precise event date
    the article gives outside the sentence (a story is told from its incident on: later days are arrests,
    vigils, reports); else the nearest date in the sentence; else the governing date. A
    coarser date in the sentence naming an earlier period ("last year's bombings") yields to a governing day that
    falls inside it; one naming the current year or month ("earlier this year", "the 12th homicide of 2016")
    stands."""
    if date_starts is None:
        date_starts = [d.start for d in dates]
    if days_by_value is None:
        days_by_value = sorted((d for d in dates if d.grain in ("day", "minute")), key=lambda d: event_day(d.value))
    inside = dates[bisect_left(date_starts, sent[0]):bisect_left(date_starts, sent[1])]
    governing = next((d for d in days_by_value if not sent[0] <= d.start < sent[1]), None)
    if inside and clause is not None:
        own = [d for d in inside if clause[0] <= d.start < clause[1]]
        told = min(inside, key=lambda d: abs(d.start - near))
        if not own and governing is not None and _shortly_before(governing, told):
            return governing  # the sentence's dates are of a later event, told before the fact's clause
        inside = own or inside
    if inside:
        best = min(inside, key=lambda d: abs(d.start - near))
        if best.grain in ("year", "month") and governing is not None and \
                not (published is not None and best.value.startswith(f"{published.year:04d}")) and \
                event_day(governing.value).startswith(best.value):
            return governing
        return best
    return governing


AFTER_DAYS = 31  # an event told "after" another came at most this many days after it


def _shortly_before(earlier: DateMention, later: DateMention) -> bool:
    """Is ``earlier`` a day at most AFTER_DAYS before the day or period ``later`` names?"""
    a, b = event_day(earlier.value), event_day(later.value)
    if len(a) != 10 or not b[:4].isdigit():
        return False
    try:
        end = dt.date.fromisoformat(b) if len(b) == 10 else dt.date(int(b[:4]), int(b[5:7]) if len(b) >= 7 else 12, 28)
    except ValueError:
        return False
    return 0 <= (end - dt.date.fromisoformat(a)).days <= AFTER_DAYS


def _own_clause_span(text: str, sent: tuple[int, int], start: int, trigger: tuple[int, int],
                     dates: list[DateMention]) -> tuple[int, int]:
    """The stretch of the sentence from the last clause break before the fact's count and trigger to its end
    (``date_clause_break``: "after"): what comes before such a break is
    another event, told after the fact ("police opened an inquiry on Tuesday AFTER an eruption killed five");
    what follows the fact is its own ("five were killed AFTER a bus left the road on Saturday"), and so are
    "when" and "since" clauses ("killed when two helicopters crashed last February"). A break inside a date is
    none ("THE DAY AFTER the shooting, police arrested ...")."""
    lo = min(start, trigger[0])
    opened = [m.end() for m in RULES.date_clause_break.finditer(text, sent[0], lo)
              if not any(d.start <= m.start() < d.end for d in dates)]
    return (opened[-1] if opened else sent[0]), sent[1]


def _after_publication(d: DateMention, published: dt.date | None) -> bool:
    """Does ``d`` begin after the day after publication (a page's "Updated: Monday, July 7, 2014" on a story of
    2013, "the trial set for July 13")? What a report tells as having happened cannot be dated after the report."""
    if published is None:
        return False
    value = event_day(d.value)
    try:
        begins = dt.date.fromisoformat(value) if len(value) == 10 else \
            dt.date(int(value[:4]), int(value[5:7]) if len(value) == 7 else 1, 1)
    except ValueError:
        return False
    return (begins - published).days > 1


class _ArticleDates(NamedTuple):
    """The dates of an article as the facts' dates are chosen from them."""
    all: list[DateMention]
    events: list[DateMention]  # those that can date an event (``event_dates``), in text order
    starts: list[int]  # their offsets
    days_by_value: list[DateMention]  # the day-precise ones, earliest first: the first outside a sentence governs
    told: list[DateMention]  # the days statements were made on
    period_starts: list[DateMention]  # the starts of periods counted ("since Oct. 7")
    recent_periods: list[DateMention]  # durations counted back from the report ("over the past 24 hours")
    dateline_day: DateMention | None
    published: dt.date | None

    @classmethod
    def of(cls, text: str, dates: list[DateMention], published: dt.date | None,
           dateline_day: DateMention | None) -> "_ArticleDates":
        events = sorted((d for d in event_dates(text, dates) if not _after_publication(d, published)),
                        key=lambda d: d.start)
        days = sorted((d for d in events if d.grain in ("day", "minute")), key=lambda d: event_day(d.value))
        return cls(dates, events, [d.start for d in events], days, told_days(text, dates),
                   [d for d in dates if _period_start(text, d)],
                   [d for d in dates if d.type == "DURATION" and RULES.recent_period.match(d.text)],
                   dateline_day, published)


def _fact_date(text: str, f: Fact, trigger: tuple[int, int], ad: _ArticleDates) -> DateMention | None:
    """A fact's date, by the README's policy ("The date of a fact")."""
    if f.negated and f.category in UNDATED_NEGATIONS:
        return None  # "no arrests have been made": a state of the inquiry, no event that a date could be of
    s, e = f.sentence
    date = _event_date(ad.events, f.sentence, f.start, _own_clause_span(text, f.sentence, f.start, trigger, ad.all),
                       ad.starts, ad.days_by_value, ad.published)
    counted = f.cumulative and any(s <= d.start < e for d in ad.period_starts) or \
        any(s <= d.start < e for d in ad.recent_periods)
    if counted and (date is None or not s <= date.start < e):
        # the figure of a period counted ("the toll since Oct. 7 has risen to ...", "201 killed over the past 24
        # hours") is as of the day it was told: its sentence's, else the article's first statement day, else the
        # dateline's; never a day of an event before it (the war's first day); an incident's total keeps the
        # incident's date
        told = [d for d in ad.told if s <= d.start < e]
        date = min(told, key=lambda d: abs(d.start - f.start)) if told else \
            (ad.told[0] if ad.told else ad.dateline_day)
    return date if date is not None else ad.dateline_day  # no event date at all: the day the dateline reports


def _incident_day(text: str, sentences: list[tuple[int, int]], facts: list[Fact],
                  ad: _ArticleDates) -> DateMention | None:
    """The article's incident's day: whichever the text tells first of the day the first fact of an incident
    category (``dates_incident``) gives in its own clause, when it is one incident's ("three were shot Saturday"),
    not a running total, a statistic or another event's; and the day a sentence saying when the incident happened
    gives after saying so ("the shooting happened just before 8 p.m. Sunday", ``incident_told_at``)."""
    told = [c for c in (_first_dated_incident_fact(text, facts, ad), _first_incident_statement(text, sentences, ad))
            if c is not None]
    return min(told, key=lambda c: c[0])[1] if told else None


def _first_dated_incident_fact(text: str, facts: list[Fact], ad: _ArticleDates) -> tuple[int, DateMention] | None:
    """(where it is told, the day) of the first fact of one incident that its own clause dates."""
    for f in sorted(facts, key=lambda f: f.start):
        if f.category not in INCIDENT_CATEGORIES or f.cumulative or f.traits.statistic or f.traits.other_event:
            continue
        lo, hi = _own_clause_span(text, f.sentence, f.start, f.traits.trigger or (f.start, f.end), ad.all)
        own = [d for d in ad.days_by_value if lo <= d.start < hi]
        if own:
            return f.start, min(own, key=lambda d: abs(d.start - f.start))
    return None


def _first_incident_statement(text: str, sentences: list[tuple[int, int]],
                              ad: _ArticleDates) -> tuple[int, DateMention] | None:
    """(where it is told, the day) of the first sentence saying when the incident happened that gives a day after
    saying so; a day named ("8:20pm on Saturday") goes before a clock time alone."""
    ends = [e for _, e in sentences]
    for told in RULES.incident_told_at.finditer(text):
        i = bisect_left(ends, told.end())
        e = ends[i] if i < len(ends) else len(text)
        days = [d for d in ad.days_by_value if told.end() <= d.start < e]
        if days:
            return told.start(), min(days, key=lambda d: (d.grain != "day", d.start))
    return None


EARLIER_INCIDENT_DAYS = 7  # a fact its own sentence dates more days than this before the incident's is another's


def _before_the_incident(f: Fact, incident: DateMention) -> bool:
    """Is ``f`` dated by its own sentence to a day well before the incident's ("Four people were shot Friday
    night ... On Nov. 1, an 11-year-old boy was fatally shot"): an earlier incident the story recalls? (A later day
    is the same incident's: a victim who died, an arrest.)"""
    d = f.date
    if d is None or d is incident or d.grain not in ("day", "minute") or not f.sentence[0] <= d.start < f.sentence[1]:
        return False
    try:
        gap = dt.date.fromisoformat(event_day(incident.value)) - dt.date.fromisoformat(event_day(d.value))
    except ValueError:
        return False
    return gap.days > EARLIER_INCIDENT_DAYS


def attribute_facts(text: str, sentences, facts: list[Fact], dates: list[DateMention], dateline_place: str | None,
               published: dt.date | None, dateline_day: DateMention | None = None) -> None:
    """What each fact's sentence and article say of it: running total, statistic, lead, title, another event,
    its date, place, source, cause, perpetrator, and whether a later clause corrects it."""
    article_dates = _ArticleDates.of(text, dates, published, dateline_day)
    lead_end = _lead_end(text, sentences)
    headline = _headline(text, sentences)
    own_events = _own_event_names(text, sentences, headline)
    by_sentence: dict[tuple[int, int], _SentenceTraits] = {}  # many facts share a sentence: read it once

    @cache
    def named_agents() -> bool:  # "Floyd killed 13": a storm's name, no one's; looked up once, when a name is found
        return RULES.natural_hazard.search(text) is None

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
        place = _fact_place(text, traits.places, f, trig)
        f.location = place[1] if place else dateline_place
        if place:
            f.traits.place_at = place[0]
        f.source = traits.source
        f.cause = traits.cause
        if f.category in PERPETRATED_CATEGORIES:
            f.perpetrator = perpetrator_of(text, f, trig, named_agents)
        if f.status == "reported" and traits.superseded(f.start, f.end):
            f.status = "superseded"  # "Initial reports said five victims, but police later said 6 had been shot"
    _place_unplaced(facts)
    incident = _incident_day(text, sentences, facts, article_dates)
    if incident is not None:  # the incident's day governs the facts without a date of their own
        article_dates = article_dates._replace(
            days_by_value=[incident] + [d for d in article_dates.days_by_value if d is not incident])
    for f in facts:
        f.date = _fact_date(text, f, f.traits.trigger or (f.start, f.end), article_dates)
        if incident is not None and _before_the_incident(f, incident):
            f.traits.other_event = True


def mark_round_up_titles(facts: list[Fact]) -> None:
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
    would later ... lead to the deaths of two civilians", in an article on the Electra Fire), or is it a line that
    links to another story ("Related Coverage ...", a video's running time)?"""
    if RULES.other_story_line.match(text, sentence_start):
        return True
    if not own:
        return False
    names = _event_names(text, sentence_start, count_start)
    return bool(names) and names[-1] not in own


def _lead_end(text: str, sentences: list[tuple[int, int]]) -> int:
    """Where the lead ends: after the first three sentences that carry prose (a headline is one)."""
    prose = [sp for sp in sentences if len(text[sp[0]:sp[1]].split()) >= 4]
    return prose[min(2, len(prose) - 1)][1] if prose else len(text)
