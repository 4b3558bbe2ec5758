"""The casualty categories, each declared once (``lexicon/casualty_triggers.yaml``: its triggers, its flags, its
label, colour and HXL attribute). The config, the schemas, the feeds and the page read them from here; adding a
category is one block in that file, with its examples in tests/corpus/casualties.yaml."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import load


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    colour: str
    hxl: str  # its attribute under #affected ("" for plain #affected)
    mass: bool  # counted by numbers only, never by one person
    later_groups_add: bool  # a later sentence's group adds to the figure ("also detained one other")
    pronouns: bool  # a pronoun may be its subject or object ("he was shot")
    bare_plurals: bool  # a plural without a count may be its subject or object ("insurgents were detained")
    stated_zeros: bool  # a count with a negated verb states a zero of it ("the two were not hurt")
    dates_incident: bool  # its fact, dated in its own clause, dates the article's incident
    perpetrated: bool  # its fact may name who did it: the agent of its verb
    dies_into: str | None = None  # the category its victims move to when a later report tells them dead


DECLARED = tuple(Category(name, spec["label"], spec["colour"], spec["hxl"], bool(spec["mass"]),
                          bool(spec["later_groups_add"]), bool(spec["pronouns"]),
                          bool(spec["bare_plurals"]), bool(spec["stated_zeros"]),
                          bool(spec["dates_incident"]), bool(spec["perpetrated"]), spec.get("dies_into"))
                 for name, spec in load("casualty_triggers")["categories"].items())
CATEGORIES = tuple(c.name for c in DECLARED)
if any(c.dies_into is not None and c.dies_into not in CATEGORIES for c in DECLARED):
    raise ValueError("dies_into must name a declared category")
BY_NAME = {c.name: c for c in DECLARED}
MASS_CATEGORIES = tuple(c.name for c in DECLARED if c.mass)
GROUP_CATEGORIES = tuple(c.name for c in DECLARED if c.later_groups_add)
PRONOUN_CATEGORIES = frozenset(c.name for c in DECLARED if c.pronouns)
BARE_PLURAL_CATEGORIES = frozenset(c.name for c in DECLARED if c.bare_plurals)
ZERO_CATEGORIES = frozenset(c.name for c in DECLARED if c.stated_zeros)
INCIDENT_CATEGORIES = frozenset(c.name for c in DECLARED if c.dates_incident)
PERPETRATED_CATEGORIES = frozenset(c.name for c in DECLARED if c.perpetrated)
