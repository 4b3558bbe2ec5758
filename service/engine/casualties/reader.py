"""The casualty layer's reading, sentence by sentence: self-standing phrases, the candidates, breakdowns, the
link, the vetoes, the new fact and its group cues, stated zeros; then the article-wide attributes."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from ..casualty_rulebook import LINK_WINDOW, MULTIPLIERS, NEG_CAT, RULES
from ..categories import ZERO_CATEGORIES
from ..dates import DateMention
from ..numbers import Count
from ..rulebook import TextWords
from .attributes import attribute_facts, mark_round_up_titles, victims_of
from .facts import Fact
from .implicit import implicit_counts, known_surnames
from .links import COORDINATED_OBJECT_RULES, best_link, in_aside
from .sentence import FactList, Sentence
from .triggers import find_triggers
from .vetoes import hypothetical, one_more_of_another_kind, reflexive_count, veto, vetoed_before_people, vetoed_by_kind


# Phrases that are a fact by themselves, count and trigger in one:
# (the rule with its "np" group, category, value, qualifier, the fact's rule name, traits, victims)
_PHRASE_FACTS = [
    # "rain also led to a death"
    ("caused_single_death", "killed", lambda m: 1, "implicit", "caused_single_death", {}, None),
    # "then turned the gun on himself": the shooter, dead, none of those he shot
    ("gun_on_self", "killed", lambda m: 1, "implicit", "gun_on_self", {}, "perpetrator"),
    # "a quadruple shooting": four people shot, the dead among them
    ("multiple_shooting", "injured", lambda m: MULTIPLIERS[m.group("word").lower()], "exact", "multiple_shooting",
     {"shot": True, "all_shot": True}, None),
]


def extract_casualties(text: str, sentences: list[tuple[int, int]], counts: list[Count],
                       dates: list[DateMention], dateline_place: str | None = None, deadline=None,
                       published: dt.date | None = None, dateline_day: DateMention | None = None,
                       text_words: TextWords | None = None) -> list[Fact]:
    """The casualty facts of ``text``; ``text_words``: its ``TextWords``, when another stage has read them."""
    found = FactList()
    surnames = frozenset(known_surnames(text))
    counts = sorted(counts, key=lambda c: c.start)
    count_starts = [c.start for c in counts]
    text_words = TextWords(text) if text_words is None else text_words
    for sent in sentences:
        if deadline is not None:
            deadline.check()
        words = text_words.of(*sent)  # read once: the trigger pass and the rules that begin with known words
        _self_standing_facts(text, sent, found, words)
        triggers = find_triggers(text, *sent, words=words)
        if not triggers:
            continue
        in_sentence = counts[bisect_left(count_starts, sent[0]):bisect_left(count_starts, sent[1])]
        sentence = _read_sentence(text, sent, triggers, in_sentence, surnames, words)
        for cs, ce, cnt in sentence.candidates:
            fact = _breakdown_of(sentence, cs, cnt, found) or _linked_fact(sentence, cs, ce, cnt, found)
            if fact is not None:
                sentence.facts.append(fact)
                found.add(fact)
        _negated_noun_facts(text, sent, found)
    facts = _drop_later_anaphora(found.facts)
    attribute_facts(text, sentences, facts, dates, dateline_place, published, dateline_day)
    mark_round_up_titles(facts)
    return facts


def _self_standing_facts(text: str, sent: tuple[int, int], found: FactList, words) -> None:
    """Phrases that are a fact by themselves: "the city's 12th homicide" (a tally), "a quadruple shooting"."""
    s, e = sent
    for m in RULES.scan("ordinal_killing", text, s, e, words):
        a, b = m.start(), m.end()
        fact = Fact("killed", Count(a, b, text[a:b], int(m.group("n")), None, None, "exact", "ordinal", a,
                                    b).as_dict(), a, b, sent, "ordinal_killing")
        fact.traits.ordinal = True
        found.add(fact)
    for name, category, value, qualifier, rule, extra, victims in _PHRASE_FACTS:
        for m in RULES.scan(name, text, s, e, words):
            a, b = m.span("np")
            cnt = Count(a, b, text[a:b], value(m), None, None, qualifier, qualifier, a, b)
            fact = Fact(category, cnt.as_dict(), a, b, sent, rule)
            fact.victims = victims
            for name, trait in {**extra, "trigger": (a, b)}.items():
                setattr(fact.traits, name, trait)
            found.add(fact)


ONE_OF_REACH = 160  # past its count, one_of_the_dead's look-ahead reads a number in words, 90 characters, an
# auxiliary and the longest death phrase


def _one_of_the_dead(text: str, at: int, sent: tuple[int, int]) -> bool:
    """Is the count at ``at`` the N of "One of N ... died" (the one died; N is the group's total)?"""
    # a match ends at the count and begins at most 12 characters before it; its look-ahead reads at most
    # ONE_OF_REACH characters past it: the search is bounded on both sides, so a sentence of many counts stays linear
    m = RULES.one_of_the_dead.search(text, max(sent[0], at - 12), min(sent[1], at + ONE_OF_REACH))
    return m is not None and m.end() == at


def _read_sentence(text: str, sent: tuple[int, int], triggers, counts: list[Count], surnames, words) -> Sentence:
    """The sentence's candidate counts: stated, implicit ("a man") and negated ("no one"), partitive totals aside."""
    s, e = sent
    explicit = [(c.start, c.end, c) for c in counts]
    implicit = implicit_counts(text, s, e, [(c.start, c.end) for c in counts], surnames, words)
    negations = [(m.start(), m.end(), Count(m.start(), m.end(), m.group(), 0, None, None, "exact", "negation",
                                            m.start(), m.end())) for m in RULES.scan("negated", text, s, e, words)]
    candidates = sorted(explicit + implicit + negations, key=lambda c: c[0])
    # "80 people out of the 86 crew members perished", "three of the 12 passengers": the total aboard is
    # no casualty count, and it does not stand between the count that is and its verb; but a sentence that opens
    # on the total of a casualty noun tells that figure too ("Of the 31 injured, 27 suffered burns")
    partitive = {c[0] for c in explicit if RULES.out_of_before.search(text, max(s, c[0] - 30), c[0])
                 or _one_of_the_dead(text, c[0], sent)
                 or RULES.of_the_opening.fullmatch(text, s, c[0]) and not _counts_a_casualty(text, c[2], triggers)}
    return Sentence(text, sent, triggers, [c for c in candidates if c[0] not in partitive],
                     sorted(c[0] for c in explicit + negations if c[0] not in partitive))


def _counts_a_casualty(text: str, cnt: Count, triggers) -> bool:
    """Does a casualty word follow the count within its noun phrase ("31 injured", "20 people killed")?"""
    return any(t[0] >= cnt.end and RULES.noun_gap.match(text[cnt.end:t[0]]) and t[3] in ("nouns", "passive")
               for t in triggers if t[0] - cnt.end <= 30)


def _breakdown_of(sentence: Sentence, cs: int, cnt: Count, found: FactList) -> Fact | None:
    """A count after "including", or in an aside, breaks down the fact before it ("killed three, including two")."""
    text, (s, _) = sentence.text, sentence.span
    if not sentence.facts or cnt.kind == "negation":
        return None
    # the part of the nearest fact before it that can hold it: "14 shot, one fatally, including 6 at a party" is a
    # part of the 14, not of the one
    parent = next((f for f in reversed(sentence.facts) if f.count["value"] >= cnt.value), None)
    if parent is None:
        return None
    if RULES.including.search(text, max(s, cs - 40), cs):
        rule = "including"
    elif in_aside(text, parent, cs):
        rule = "aside_open"
    else:
        return None
    fact = Fact(parent.category, cnt.as_dict(), cnt.start, cnt.end, sentence.span, rule,
                part_of=found.index_of[id(parent)])
    fact.traits.trigger = parent.traits.trigger
    fact.victims = victims_of(text, cnt.core_end, parent.traits.trigger, sentence.span)
    return fact


def _linked_fact(sentence: Sentence, cs: int, ce: int, cnt: Count, found: FactList) -> Fact | None:
    """The fact a count makes with the trigger it links to, unless a veto drops it."""
    link = _link_of(sentence, cs, ce, cnt)
    if link is None:
        return None
    category, rule, trig, rule_name = link
    if vetoed_before_people(sentence, cnt, category, rule, trig):
        return None
    told, cnt = cnt, one_more_of_another_kind(cnt, category, found)
    reflexive = reflexive_count(sentence, cs, ce, cnt, category, trig, found)
    if reflexive is None:
        return None
    cnt, perpetrator = reflexive
    if vetoed_by_kind(sentence, cs, ce, cnt, category, rule, trig):
        return None
    if rule == "negated subject":
        if category not in ZERO_CATEGORIES:
            veto("negated_subject_category", cnt, category)
            return None
        cnt = Count(cnt.start, cnt.end, cnt.text, 0, None, None, "exact", "negation", cnt.start, cnt.end)
        rule = "subject"
    if hypothetical(sentence, cs, cnt, trig):
        veto("hypothetical", cnt, category)  # "could kill thousands", "1,000 were planned to be evacuated"
        return None
    if category == "injured" and (
            RULES.shot_then_died.match(sentence.text, trig[1], min(sentence.span[1], trig[1] + 100))
            and not RULES.hospital_verb.fullmatch(sentence.text, trig[0], trig[1])  # "sent five to the hospital"
            or cs > trig[1] and RULES.object_to_death.match(sentence.text, cnt.end, sentence.span[1])):
        category = "killed"  # "was shot in the head and killed", "shot in head, dies", "shot his brother to death"
    fact = _new_fact(sentence, cs, ce, cnt, category, (rule, rule_name), trig, perpetrator, found)
    if told.kind == "ordinal word" and told is not cnt:
        fact.traits.additive = True  # "Two were killed. A third person was injured": someone other than the dead
    return fact


def _link_of(sentence: Sentence, cs: int, ce: int, cnt: Count):
    """(category, kind of link, trigger span, rule name) of the trigger the count links to, or None."""
    starts = sentence.trigger_starts
    local = [t for t in sentence.triggers[bisect_left(starts, cs - LINK_WINDOW):bisect_left(starts, ce + LINK_WINDOW)]
             if not (t[0] < ce and cs < t[1])]
    link = best_link(sentence.text, (cs, ce), local, [t[0] for t in local], sentence.others,
                 qualified=cnt.qualifier in ("about", "at_least", "more_than", "approaching", "at_most",
                                             "less_than", "range"))
    if link is None:
        veto("no_link", cnt)  # no pattern ties the count to a trigger
    return link


def _new_fact(sentence: Sentence, cs: int, ce: int, cnt: Count, category: str, link: tuple[str, str], trig,
              perpetrator: bool, found: FactList) -> Fact:
    """The fact of a linked count; ``link`` is the kind of link and the name of the rule it took."""
    text, (s, e), sent = sentence.text, sentence.span, sentence.span
    fact = Fact(category, cnt.as_dict(), cnt.start, cnt.end, sent, link[1], negated=cnt.kind == "negation")
    fact.traits.link = link[0]
    if RULES.of_them_after.match(text, cnt.core_end):  # "four people shot, two of them had serious injuries"
        parent = next((f for f in reversed(sentence.facts) if f.category == category and not f.negated), None)
        if parent is not None:
            fact.rule, fact.part_of = "of_them_after", found.index_of[id(parent)]
    fact.traits.trigger = trig
    fact.victims = None if cnt.kind == "negation" else victims_of(text, cnt.core_end, trig, sent)
    if cnt.kind in ("implicit", "bare plural"):
        fact.victims = " ".join(cnt.text.split())
    fact.traits.anaphoric = not perpetrator and (
        (cnt.kind == "implicit" and RULES.anaphoric_determiner.match(cnt.text))
        or cnt.kind in ("object pronoun", "subject pronoun"))
    if perpetrator:
        fact.victims = "perpetrator"
    fact.traits.shot = category == "injured" and bool(RULES.shot.match(text[trig[0]:trig[1]]))
    fact.traits.self_inflicted = category == "killed" and \
        bool(RULES.self_inflicted_death.fullmatch(text[trig[0]:trig[1]]))
    fact.traits.bare = cnt.kind == "bare plural"
    fact.traits.all_dead = cnt.kind == "multiplier"  # "a double fatal shooting": all its dead
    fact.traits.ordinal = cnt.kind == "ordinal"
    fact.traits.tally = cnt.kind == "ordinal word"
    if fact.traits.tally:  # "a fourth man was shot": one person, the fourth so far
        fact.traits.tally_value = cnt.value
        fact.count = dict(fact.count, value=1, min=None, max=None, qualifier="implicit")
    _group_cues(sentence, cs, ce, cnt, fact)
    if sentence.feared is None:
        sentence.feared = [m.span() for m in RULES.feared.finditer(text, s, e)]
    lo, hi = min(cs, trig[0]), max(ce, trig[1])
    if any(a < hi and lo < b for a, b in sentence.feared):
        fact.status = "feared"  # "20 miners are FEARED dead" (not "five were killed" beside "others feared trapped")
    return fact


def _group_cues(sentence: Sentence, cs: int, ce: int, cnt: Count, fact: Fact) -> None:
    """"two MORE", "also", "another", "others": whether the fact's group adds to the ones before it."""
    text, (s, e) = sentence.text, sentence.span
    # the cue is around the count, not in it ("another teen" names one victim; it adds no one)
    counted = cnt.kind in ("digits", "words", "vague")
    more = RULES.more_after.match(text, cnt.core_end, e) if counted else None
    # the count's own "more" or "other" ("A FEW OTHER militants were captured"): more people than those told before
    own = RULES.additive_after.match(text, cnt.core_end, e) if counted else None
    cue = RULES.additive.search(text, max(s, cs - 60), cs) or RULES.additive.search(text, ce, min(e, ce + 40)) or own
    fact.traits.more = more is not None  # "two MORE": a new group
    # "killed one man and wounded two others": "others" sets them apart from another category's
    # group in the same sentence; it adds nothing to an earlier figure of their own category
    contrast = cue is not None and RULES.contrast_cue.search(cue.group()) and \
        any(f.category != fact.category for f in sentence.facts)
    fact.traits.additive = cue is not None and not contrast
    fact.traits.others = bool(RULES.others_after.match(text, ce, min(e, ce + 20)))


def _negated_noun_facts(text: str, sent: tuple[int, int], found: FactList) -> None:
    """"no injuries were reported": a stated zero, unless the sentence already gave one for the category."""
    for m in RULES.negated_noun.finditer(text, *sent):
        cat = NEG_CAT[m.group("noun").lower()]
        if (cat, sent) in found.negated_in:
            continue
        cnt = Count(m.start(), m.end(), m.group(), 0, None, None, "exact", "negation", m.start(), m.end())
        found.add(Fact(cat, cnt.as_dict(), m.start(), m.end(), sent, "negated_noun", negated=True))


def _new_possessed(f: Fact, before: Fact, kept: list[Fact]) -> bool:
    """Is ``f`` a possessed person that another verb of the sentence of ``before`` takes as its object ("shot two
    children and injured HIS WIFE"), or that joins a counted object of the same verb ("shot two firefighters and
    HIS BROTHER"): one more person, not a mention of someone counted?"""
    if f.traits.link != "object" or RULES.possessive_start.match(f.count["text"]) is None:
        return False
    if f.rule in COORDINATED_OBJECT_RULES:
        return any(k.sentence == f.sentence and k.traits.trigger == f.traits.trigger and k.category == f.category
                   for k in kept)
    return f.sentence == before.sentence and f.traits.trigger != before.traits.trigger


def _drop_later_anaphora(facts: list[Fact]) -> list[Fact]:
    """"the boy", "him" after a fact of the same category are repeated mentions, not new facts."""
    kept: list[Fact] = []
    first: dict[str, Fact] = {}
    for f in facts:
        before = first.get(f.category)
        if f.traits.anaphoric and before is not None and before.start < f.start:
            if not _new_possessed(f, before, kept):
                continue
            f.traits.anaphoric = False
        if not f.traits.ordinal and (before is None or f.start < before.start):
            first[f.category] = f  # (a tally, "the 116th homicide", introduces no victim to refer back to)
        kept.append(f)
    new_index = {id(f): i for i, f in enumerate(kept)}
    for f in kept:  # breakdown parents are indices into the list
        if f.part_of is not None:
            f.part_of = new_index.get(id(facts[f.part_of]))
    return kept
