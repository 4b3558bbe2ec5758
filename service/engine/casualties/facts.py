"""A casualty fact as the layer finds it: its output fields, the traits the summary weighs, and its id."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..dates import DateMention


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
    perpetrator: str | None = None
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
    all_dead: bool = False  # "a double fatal shooting": all the dead, those its sentence names among them
    self_inflicted: bool = False  # "took his own life": a death by the dead's own hand, none of those he shot
    bare: bool = False  # a bare plural ("insurgents were detained"): two, by convention
    more: bool = False  # "two MORE suspects": a new group
    additive: bool = False  # "also", "another": a group added to the one before
    others: bool = False  # "three OTHERS injured": more people than the sentence's count before
    statistic: bool = False  # a period's statistic, not the incident's figure
    lead: bool = False  # in the article's first sentences
    headline: bool = False  # in its title
    other_event: bool = False  # another event than the article's own: its sentence names one, or dates it a week before
    place_at: int | None = None  # where the place named nearest the count begins


def fact_id(doc_id: str | None, fact: Fact) -> str:
    key = f"{doc_id or ''}|{fact.start}|{fact.end}|{fact.category}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
