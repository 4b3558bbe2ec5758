"""The state of a reading: the article's facts as they are found, and the sentence being read."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..numbers import Count
from .facts import Fact


@dataclass
class FactList:
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
class Sentence:
    """One sentence being read: its triggers, its candidate counts, the facts found in it so far."""
    text: str
    span: tuple[int, int]
    triggers: list[tuple[int, int, str, str]]
    candidates: list[tuple[int, int, Count]]
    others: list[int]  # the starts of its other counts, which a link must not step over
    facts: list[Fact] = field(default_factory=list)
    feared: list[tuple[int, int]] | None = None  # where it says "feared dead": read once the sentence has a fact
    trigger_starts: list[int] = field(init=False)

    def __post_init__(self):
        self.trigger_starts = [t[0] for t in self.triggers]
