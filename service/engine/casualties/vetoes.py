"""The vetoes that drop a linked candidate, each named, and the log that lists them when someone asks
(``explain_vetoes``): counts of things and near misses, reflexives, kinds a rule or category does not take,
hypotheticals."""
from __future__ import annotations

import contextlib
import contextvars

from ..casualty_rulebook import LINK_WINDOW, RULES
from ..categories import BARE_PLURAL_CATEGORIES, MASS_CATEGORIES, PRONOUN_CATEGORIES
from ..numbers import Count
from .sentence import FactList, Sentence


# Where the vetoes that drop a linked candidate are written down, when someone asks (``explain_vetoes``)
_VETO_LOG: contextvars.ContextVar[list | None] = contextvars.ContextVar("casualty_vetoes", default=None)


def veto(name: str, cnt: Count, category: str | None = None) -> bool:
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


def vetoed_before_people(sentence: Sentence, cnt: Count, category: str, rule: str, trig) -> bool:
    """Counts of things, not people ("impacted eight provinces"), and near misses ("nearly killed")."""
    text, (s, e) = sentence.text, sentence.span
    if cnt.kind in ("digits", "words", "vague", "range") and \
            RULES.not_persons_after.match(text, cnt.core_end, min(e, cnt.core_end + 40)):
        veto("not_persons_after", cnt, category)
        return True  # "impacted eight provinces", "85,000 head of cattle were killed"
    if rule == "subject" and RULES.passive_agent_before.search(text, max(s, cnt.start - 10), cnt.start) and \
            not RULES.relative_gap.match(text[cnt.end:trig[0]]):
        veto("passive_agent", cnt, category)
        return True  # "Child shot by FATHER dies": the one who shot, not the subject of the death (but "killed
        # by a gunman WHO was later shot dead" tells the gunman's own death)
    if rule == "object" and RULES.near_miss_before.search(text, max(s, trig[0] - 15), trig[0]):
        veto("near_miss", cnt, category)
        return True  # "bullets that nearly killed his father-in-law"
    return False


def one_more_of_another_kind(cnt: Count, category: str, found: FactList) -> Count:
    """"three people were found dead and a fourth person was injured", "Two were killed. A third person was
    injured": one more, of another kind than the ones told before it."""
    if cnt.kind == "ordinal word" and any(f.category != category and f.count["value"] == cnt.value - 1
                                          for f in found.facts):  # (the sentence's own facts among them)
        return Count(cnt.start, cnt.end, cnt.text, 1, None, None, "implicit", "implicit", cnt.start, cnt.end)
    return cnt


def reflexive_count(sentence: Sentence, cs: int, ce: int, cnt: Count, category: str, trig, found: FactList):
    """(the count, whether it is the perpetrator) for reflexive and object pronouns; None when vetoed."""
    text, (s, e) = sentence.text, sentence.span
    if cnt.kind == "object pronoun" and RULES.reflexive_pronoun.fullmatch(cnt.text):
        if category == "killed" and any(f.category == category and f.traits.trigger == trig and
                                        f.traits.link == "object" and f.start < cs for f in sentence.facts):
            return cnt, True  # "killed his wife and HIMSELF": one object of the verb is its agent, dead too
        prior = [c for c in sentence.candidates if c[1] <= trig[0] and c[2].kind in ("implicit", "digits", "words")
                 and trig[0] - LINK_WINDOW <= c[0] and not (  # not "faces two felony charges"
                     c[2].kind != "implicit" and RULES.not_persons_after.match(text, c[2].core_end,
                                                                            min(e, c[2].core_end + 40)))]
        # the objects of an earlier verb are not who the pronoun is: the one who shot them is ("fatally shot his
        # wife and two sons before killing HIMSELF", "wounded his cousin and killed herself": one more dead)
        by_start = {f.start: f for f in sentence.facts if f.category == category}
        verbs_before = [t[1] for t in sentence.triggers if t[3] == "active" and t[1] <= trig[0]
                        and not RULES.passive_aux.search(text, max(s, t[0] - 20), t[0])]
        objects = [c for c in prior if verbs_before and c[0] >= verbs_before[0]
                   and (c[0] not in by_start or by_start[c[0]].traits.link == "object")]
        if objects and category == "killed":
            return cnt, True
        prior = [c for c in prior if c not in objects]
        if prior and (prior[-1][0], category) in found.linked:
            if category != "killed" or not (
                    RULES.new_subject.search(text, max(s, trig[0] - 25), trig[0]) or
                    all(by_start[c[0]].traits.link == "object" for c in prior if c[0] in by_start)):
                veto("reflexive_already_counted", cnt, category)
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


def vetoed_by_kind(sentence: Sentence, cs: int, ce: int, cnt: Count, category: str, rule: str, trig) -> bool:
    """The kinds of count a category or a rule does not take (each veto named, in the order they are tried)."""
    text, e, kind = sentence.text, sentence.span[1], cnt.kind
    if kind in ("implicit", "ordinal", "ordinal word") and rule not in ("subject", "object"):
        return veto("implicit_needs_subject_or_object", cnt, category)
    if rule == "object" and kind not in ("implicit", "object pronoun") and \
            RULES.person_only_verb.fullmatch(text, trig[0], trig[1]) and \
            not RULES.person_object.match(text, cnt.core_end, min(e, cnt.core_end + 60)):
        return veto("person_only_verb", cnt, category)  # "struck multiple vehicles": people only when counted
    if RULES.hospital_verb.fullmatch(text, trig[0], trig[1]) and \
            (rule != "object" or not RULES.to_hospital.match(text, ce, min(e, ce + 80))):
        # "sent five people to the hospital", not "sent two officers to the scene"
        return veto("hospital_verb_without_hospital", cnt, category)
    if kind in ("possessive", "multiplier") and (rule != "noun" or category != "killed"):
        return veto("possessive_needs_death_noun", cnt, category)
    if category in MASS_CATEGORIES and kind not in ("digits", "words", "vague", "range"):
        return veto("mass_category_needs_a_number", cnt, category)  # one who "fled" is no displacement
    if kind == "object pronoun" and (rule != "object" or category not in PRONOUN_CATEGORIES):
        return veto("object_pronoun_needs_harm_object", cnt, category)
    if kind == "subject pronoun" and (rule != "subject" or category not in PRONOUN_CATEGORIES):
        return veto("subject_pronoun_needs_harm_subject", cnt, category)
    if kind == "subject pronoun" and category == "injured" and \
            any(t[2] == "killed" and t[1] <= cs for t in sentence.triggers):
        # "Makanzee died days after she was shot": the one who died, not another wounded
        return veto("pronoun_shot_before_dying", cnt, category)
    if kind == "bare plural" and category not in BARE_PLURAL_CATEGORIES:
        return veto("bare_plural_category", cnt, category)
    if kind != "negation" and any(t[2] != category and (RULES.or_between.fullmatch(text, trig[1], t[0]) or
                                                      RULES.or_between.fullmatch(text, t[1], trig[0]))
                                  for t in sentence.triggers):
        # "captured or killed a large number": the two together, neither's figure ("no one was killed or hurt"
        # states both zeros)
        return veto("or_joined_categories", cnt, category)
    if kind == "negation" and rule != "subject":
        return veto("negation_needs_subject", cnt, category)
    if kind == "negation" and RULES.severity.search(text, trig[0], trig[1]):
        # "none had life-threatening injuries": some were hurt, none gravely
        return veto("negation_of_severity", cnt, category)
    return False


def hypothetical(sentence: Sentence, cs: int, cnt: Count, trig) -> bool:
    """A hypothetical before the count in its own clause, or between the count and its verb."""
    text, s = sentence.text, sentence.span[0]
    lo = min(cs, trig[0])
    # the words before, and between a count and its verb ("1,000 people were PLANNED TO be evacuated")
    window = _own_clause(text[max(s, lo - 45):lo]) + " " + text[cnt.end:trig[0]] * (trig[0] > cnt.end)
    return bool(RULES.hypothetical.search(window)) and not RULES.may_have.search(window)


def _own_clause(before: str) -> str:
    """The part of ``before`` (the words before a fact) in the fact's own clause: after the last word that opens
    a new one ("if anyone will be charged AFTER a boy was shot")."""
    last = None
    for last in RULES.clause_start.finditer(before):
        pass
    return before[last.end():] if last is not None else before
