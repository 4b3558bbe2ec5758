"""Linking a count to a trigger: the kinds of link (subject, object, noun, toll), the rules that allow the gap
between them, and the policy that picks one trigger per count."""
from __future__ import annotations

from bisect import bisect_left

from ..casualty_rulebook import CLOSING_QUOTES, COMMA_RE, LINK_WINDOW, OPENING_QUOTES, RULES
from .facts import Fact


# The rules of each kind of link, in the order they are tried (a fact's ``rule`` is one of them, or a rule that
# makes a fact without a link)
_PLAIN_OBJECT_RULES = ("object_gap", "coordinated_object", "coordinated_object_far")  # tried in this order
# the object rules that join a count to another object of the same verb ("shot two firefighters AND his brother")
COORDINATED_OBJECT_RULES = ("coordinated_count_object", "coordinated_object", "coordinated_object_far")
LINK_RULES = {
    "subject": ("appositive_gap", "coordinated_passive_gap", "coordinated_subject", "locative_subject", "relative_gap",
                "subject_gap", "who_gap"),
    "object": ("coordinated_count_object",) + _PLAIN_OBJECT_RULES + ("reflexive_conjunct",),
    "noun": ("noun_gap",),
    "toll": ("toll_link", "qualified_toll_gap"),
}


def _subject_rule(gap: str) -> str | None:
    """The name of the rule that lets ``gap`` stand between a subject count and its verb, or None."""
    if RULES.appositive_gap.match(gap):
        return "appositive_gap"  # "Elmdale youth, Ned Tarrow, dies"
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


def _object_rule(gap: str, second_object: bool, reflexive: bool = False) -> str | None:
    """The name of the rule that lets ``gap`` stand between an active verb and its object count, or None
    (``reflexive``: the count is a reflexive pronoun, which may end a title's list of bare nouns)."""
    if second_object:
        return "coordinated_count_object"  # "detained two Haqqani leaders and several insurgents"
    for name in _PLAIN_OBJECT_RULES:
        if RULES.rules[name].regex.match(gap):
            return name
    if reflexive and RULES.reflexive_conjunct.match(gap):
        return "reflexive_conjunct"  # "Man kills wife, self"
    return None


TOLL_GAP = 90  # no toll noun reaches its count over more characters than this


def _toll_rule(text: str, ts: int, cs: int, gap: str, qualified: bool) -> str | None:
    """The name of the rule that ties a toll noun to the count after it, or None."""
    if len(gap) >= TOLL_GAP or ";" in gap or RULES.not_toll_of.search(gap):
        return None
    if RULES.toll_link.search(text, ts, cs):
        return "toll_link"  # "the death toll rose to 40"
    return "qualified_toll_gap" if qualified and RULES.qualified_toll_gap.match(gap) else None


def in_aside(text: str, before: Fact, cs: int) -> bool:
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


def _before_quote(text: str, lo: int, cs: int) -> int:
    """Where the gap before a count ends: before the quotation mark that opens on the count ('the toll was "at
    least six"'), so that a quoted count links as a bare one; not on a title ('killed "Three Kings"')."""
    quoted = cs - 1 > lo and text[cs - 1] in OPENING_QUOTES and text[cs - 2].isspace()
    return cs - 1 if quoted and not text[cs].isupper() else cs


def _past_quote(text: str, ce: int, hi: int) -> int:
    """Where the gap after a count begins: past the quotation mark that closes on it ('"six" were killed')."""
    return ce + 1 if ce + 1 < hi and text[ce] in CLOSING_QUOTES and text[ce + 1].isspace() else ce


def _between(starts: list[int], lo: int, hi: int) -> bool:
    """Is there a start in [lo, hi)? (``starts`` sorted)"""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _cannot_win(best, gap: str, priority: float, ts: int, te: int) -> bool:
    """Could a link over ``gap`` not beat the ``best`` so far (a shorter gap, then the kind's priority, then the
    longer trigger win; the first found wins a tie)? Then its rules need not be tried."""
    return best is not None and (len(gap), priority, -(te - ts)) >= best[:3]


def best_link(text, count_span, triggers, trigger_starts, others, qualified=False) \
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
            gap = text[restated.end() if restated else _past_quote(text, ce, ts):ts]
            if kind not in ("nouns", "passive") or _cannot_win(best, gap, 0.5 if kind == "nouns" else 0, ts, te):
                continue
            if _between(others, ce, ts) and not (RULES.coordinated_subject.match(gap) or kind == "passive" and (
                    RULES.locative_subject.match(gap) or RULES.appositive_gap.match(gap))):
                continue  # (an aside may hold counts of its own: "six people, three men and three women, were")
            adjective_and = RULES.noun_adjective_and.fullmatch(gap) and " " in text[ts:te]  # "sick and injured people"
            if kind == "nouns" and RULES.noun_gap.match(gap) and \
                    (not RULES.clause_break.search(gap) or adjective_and) and \
                    not RULES.noun_modifier.match(text, te) and not RULES.charge_gap.search(gap) and \
                    not RULES.partitive_person_gap.match(gap) and not RULES.accused_gap.match(gap):
                cand = (len(gap), 0.5, cat, "noun", (ts, te), "noun_gap")
            elif kind == "passive" and (name := _subject_rule(gap)) and (
                    RULES.subject_affected.fullmatch(text, ts, te) and RULES.fled_from.match(text, te)
                    or not _takes_object(text, te, gap)) and \
                    not RULES.near_miss.search(gap):
                link = "negated subject" if RULES.negation_before.search(gap) else "subject"
                cand = (len(gap), 0, cat, link, (ts, te), name)
            else:
                continue
        else:  # trigger before the count: object or toll
            gap_end = _before_quote(text, te, cs)
            gap = text[te:gap_end]
            if kind not in ("active", "tolls") or _cannot_win(best, gap, 1 if kind == "active" else 2, ts, te):
                continue
            second_object = False
            if kind != "tolls" and _between(others, te, cs):
                # "detained two Haqqani leaders and several suspected insurgents": a second counted object
                if not (kind == "active" and RULES.coordinated_count_object.match(gap)
                        and bisect_left(others, cs) - bisect_left(others, te + 1) == 1):
                    continue
                second_object = True
            if kind == "active" and (name := _object_rule(gap, second_object,
                                                          bool(RULES.reflexive_pronoun.fullmatch(text, cs, ce)))):
                cand = (len(gap), 1, cat, "object", (ts, te), name)
            elif kind == "tolls" and (name := _toll_rule(text, ts, gap_end, gap, qualified)):
                cand = (len(gap), 2, cat, "toll", (ts, te), name)
            else:
                continue
        cand = (cand[0], cand[1], -(te - ts)) + cand[2:]
        if best is None or cand[:3] < best[:3]:
            best = cand
    if best is None:
        return None
    return best[3], best[4], best[5], best[6]
