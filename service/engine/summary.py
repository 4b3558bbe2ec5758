"""The per-article summary: one best figure per category for the article's main event.

The policy, rule by rule, is in the README ("Summary policy") and in tests/corpus/summaries.yaml.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter

from .casualties import Fact, event_day
# GROUP_CATEGORIES: operations that take people group by group (a later group adds to the figure)
from .categories import GROUP_CATEGORIES, MASS_CATEGORIES
from .casualty_rulebook import PERPETRATOR_HEADS, PRONOUNS, RULES

LEAD_FIRST = True
ADDITIVE_MAX = 10  # a later sentence adds its group ("also detained one other") only when the group is small
PLACE_NEAR = 80  # a place named this near a count is its group's own place ("one death in the Philippines")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


def summarise(facts: list[Fact], ids: list[str], published: dt.date | None, text: str = "") -> dict:
    summary: dict[str, dict] = {}
    by_cat: dict[str, list[tuple[Fact, str]]] = {}
    for f, fid in zip(facts, ids):
        by_cat.setdefault(f.category, []).append((f, fid))
    published = published or _stand_in_publication(facts)
    only_history: set[str] = set()  # categories whose figure is an earlier event's
    breaks: list[list[int]] = []  # where the text's paragraphs break: read once an article, when first needed
    for cat, items in by_cat.items():
        entry, history = _category_figure(cat, items, published, text, breaks)
        if history:
            only_history.add(cat)
        if entry is not None:
            summary[cat] = entry
    _without_period_statistics(summary, by_cat)
    _across_categories(summary, by_cat, only_history, published)
    return summary


def _without_period_statistics(summary: dict, by_cat: dict) -> None:
    """A category whose figure is only a period's statistic ("so far this year, 21 adults have been accidentally
    shot") has no figure when the article tells its own incident in another category ("a teenager died"): the
    statistic is the background, not the incident's count."""
    def statistic_only(cat: str) -> bool:
        ids = set(summary[cat]["facts"])
        return bool(ids) and all(f.traits.statistic for f, i in by_cat[cat] if i in ids)
    stats = [cat for cat in summary if statistic_only(cat)]
    if stats and any(cat not in stats and not all(f.negated for f, _ in by_cat[cat]) for cat in summary):
        for cat in stats:
            del summary[cat]


def _stand_in_publication(facts: list[Fact]) -> dt.date | None:
    """Without a publication date, the year the article's facts are mostly dated to stands in for it (an
    encyclopaedia article about a 1996 storm recalls "Hurricane Debbie in 1961" as a comparison)."""
    years = Counter(f.date.value[:4] for f in facts if f.date is not None and f.date.value[:4].isdigit())
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], y))  # ties: the later year (articles look back)
    return dt.date(int(year), 1, 1)  # its first day: none of its own dates is "90 days before"


def _category_figure(cat: str, items: list[tuple[Fact, str]], published: dt.date | None, text: str,
                     breaks: list[list[int]]) -> tuple[dict | None, bool]:
    """One category's figure (policies 1-3, 6, 7), and whether it is only an earlier event's."""
    # another named event than the article's own ("the Butte Fire", in an article on the Electra Fire) is
    # never its figure; "a quadruple shooting" tells all those shot, the dead among them: it bounds the figure
    # (below), it is no group of its own
    reported = [(f, i) for f, i in items if not f.negated and f.status == "reported" and f.part_of is None
                and not f.traits.other_event and not f.traits.all_shot]
    # an earlier event is a comparison — unless the article tells of nothing else (a trial, an anniversary)
    usable = [(f, i) for f, i in reported if not _historical(f, published)]
    history = not usable
    if history:
        usable = reported
    if any(not f.traits.statistic for f, _ in usable):
        usable = [(f, i) for f, i in usable if not f.traits.statistic]
    if any(not f.traits.ordinal for f, _ in usable):
        # "Wexler's death marks the 4th homicide in 2017": the ordinal numbers the period's killings, the
        # incident is the death told beside it
        usable = [(f, i) for f, i in usable if not f.traits.ordinal]
    if not usable:
        zeros = [(f, i) for f, i in items if f.negated]
        return (_entry(zeros[0][0], [i for _, i in zeros]) if zeros else None), history
    usable = _without_rounded_bounds(usable)
    cumulative = [(f, i) for f, i in usable if f.cumulative]
    # a tally ("a fourth victim") counts the incident so far: it stands as a running total, never as a group
    incident = _incident_total([(f, i) for f, i in usable if not f.traits.tally] or usable, text, cat)
    if cumulative:
        best = max(cumulative, key=lambda fi: _running(fi[0]))
        total = _running(best[0])
        # a stated total replaces a single figure when it is at least as large, and stands for the groups the
        # story adds up when it holds the largest of them ("Altogether there were 13 deaths ... two in the
        # Dominican Republic")
        parts = [f.count["value"] for f, i in usable if i in incident["facts"]]
        if total >= incident["value"] or len(parts) > 1 and total >= max(parts):
            incident = _entry(best[0], [i for f, i in cumulative if _running(f) == total])
        return incident, history
    if not breaks:
        breaks.append([m.start() for m in _PARAGRAPH_BREAK_RE.finditer(text)])
    by_place = _place_by_place(usable, text, breaks[0])
    if by_place is not None and by_place["value"] > incident["value"]:
        incident = by_place
    return incident, history


def _across_categories(summary: dict, by_cat: dict, only_history: set[str], published: dt.date | None) -> None:
    """What one category's figure says of another's (policies 4 and 5)."""
    evacuated = summary.get("evacuated")
    if evacuated and evacuated["value"] > (summary["displaced"]["value"] if "displaced" in summary else -1):
        # disaster displacement includes evacuations (IDMC's convention): the larger evacuated figure stands in
        summary["displaced"] = dict(evacuated, facts=list(evacuated["facts"]))
    injured, killed = summary.get("injured"), summary.get("killed")
    if injured and killed and injured["value"] > 0 and ("killed" not in only_history or "injured" in only_history):
        shot = [f for f, i in by_cat["injured"] if i in injured["facts"]]
        dead = [f for f, i in by_cat["killed"] if i in killed["facts"]]
        told_dead = [f for f, _ in by_cat["killed"] if not f.negated]
        if all(f.traits.shot for f in shot) and _dead_among_shot(dead, shot, told_dead):
            left = max(injured["value"] - _victims_dead(killed, dead), 0)  # (a shooter's suicide is no one shot)
            injured.update(value=left, min=None if injured["min"] is None else min(injured["min"], left))
    all_shot = [(f, i) for f, i in by_cat.get("injured", [])
                if f.traits.all_shot and not f.traits.other_event and not _historical(f, published)]
    if all_shot:
        # "Police ID teen killed in quadruple shooting": four shot, one dead, so at least three wounded
        f, i = max(all_shot, key=lambda fi: fi[0].count["value"])
        left = f.count["value"] - (killed["value"] if killed else 0)
        if left > (injured["value"] if injured else 0):
            summary["injured"] = {"value": left, "min": None, "max": None, "qualifier": "exact",
                                  "facts": [i] + (killed["facts"] if killed else [])}


def _dead_among_shot(dead: list[Fact], shot: list[Fact], told_dead: list[Fact]) -> bool:
    """Are the dead (``dead``: the killed figure's facts; ``told_dead``: every death told) some of those shot
    ("Four teens shot, one fatally"; "a boy shot Tuesday died"), or others ("three killed ... her boyfriend was
    ALSO shot"; "a juvenile was killed and a driver was shot"; "a deputy was shot ... the gunman killed himself")?"""
    # (a pronoun refers back: an "other" near it is someone else's, as in "two other people shot him")
    if any(f.traits.additive and f.count["text"].lower() not in PRONOUNS for f in shot):
        return False
    if any(d.sentence == f.sentence and d.start != f.start and d.count["qualifier"] == f.count["qualifier"] == "implicit"
           and not d.traits.anaphoric and not f.traits.anaphoric for d in told_dead for f in shot):
        return False  # "A juvenile was killed and a pizza delivery driver was shot": two people, one verb each
    return not all(_perpetrator(d) for d in dead)


def _perpetrator(fact: Fact) -> bool:
    return fact.victims == "perpetrator" or _head(fact.victims) in PERPETRATOR_HEADS or fact.traits.self_inflicted


def _victims_dead(killed: dict, dead: list[Fact]) -> int:
    """The killed figure less the perpetrators counted in it ("killing two, before turning the gun on himself")."""
    return killed["value"] - sum(d.count["value"] for d in dead if _perpetrator(d))


def _incident_total(items: list[tuple[Fact, str]], text: str, category: str = "") -> dict:
    """Distinct groups of one incident added up, repeated mentions once (policy 3 above)."""
    sentences = _groups_by_sentence(items)
    total, ids = None, []
    best_single = max(items, key=lambda fi: fi[0].count["value"])
    told = 0  # people the sentences after the first have told of, group by group
    for sent, group in sentences.items():
        s_sum = _sentence_figure(group, text)
        # "Deputies LATER found ANOTHER victim": one more person, told as new
        additive = any(f.traits.additive for f, _ in group) or (
            any(RULES.new_person_determiner.match(text, f.start) for f, _ in group) and _new_group_cue(group, text))
        if total is not None:
            told += s_sum
        if total is None:
            total, ids = s_sum, [i for _, i in group]
            first_total = s_sum if not any(f.count["qualifier"] == "implicit" for f, _ in group) else None
            # a lead of coded minimums only does not hold the figure against a larger one told later: bare plurals
            # ("Insurgents Killed", coded 2), vague words ("kills dozens", coded 12; "at least 28" in the body)
            lead = group[0][0].traits.lead and not all(f.traits.bare or f.count["qualifier"] == "vague"
                                                       for f, _ in group)
            titled = group[0][0].traits.headline
        elif titled:
            # the story retells its title in full: "Taliban Leader Captured" then "detained several
            # insurgents, including the leader" is the body's figure, not the sum of the two
            titled = False
            if s_sum >= total:
                total, ids = s_sum, [i for _, i in group]
        elif first_total is not None and told <= first_total and additive and not _new_group_cue(group, text):
            # "Five people were shot ... Two victims were found at the scene ... Three other victims showed up
            # at the hospital": the story tells the first figure's people group by group
            continue
        elif category in GROUP_CATEGORIES and _joined_to_one_told(group, text):
            # "detained four suspects, including a commander ... the commander and three additional suspects were
            # detained": the later group with the one already told is the story retold, the figure the larger
            if s_sum + 1 > total:
                total, ids = s_sum + 1, ids + [i for _, i in group]
        elif category in GROUP_CATEGORIES and (additive or _new_group(
                group, [f for sid in sentences if sid != sent for f, _ in sentences[sid] if f.start < group[0][0].start])) \
                and s_sum <= ADDITIVE_MAX:
            # arrests and abductions take people group by group ("also detained one other"); for deaths and
            # injuries a later group is the story retold or another incident
            total += s_sum
            ids += [i for _, i in group]
        elif s_sum > total and not (LEAD_FIRST and lead):
            total, ids = s_sum, [i for _, i in group]
    if total is None or (len(ids) == 1 and total == best_single[0].count["value"]):
        return _entry(best_single[0], [best_single[1]])
    return _total_entry(total, ids, items)


def _groups_by_sentence(items: list[tuple[Fact, str]]) -> dict[tuple[int, int], list[tuple[Fact, str]]]:
    """The facts of each sentence that tell a group, in text order; a figure told again in a later sentence, an
    anaphoric mention and a bare plural after the first sentence are repeats, left out."""
    seen_values: set[int] = set()
    sentences: dict[tuple[int, int], list[tuple[Fact, str]]] = {}
    first_told = None  # where the earliest group kept so far begins
    for f, i in items:
        v = f.count["value"]
        repeat = (f.count["qualifier"] != "implicit" and v in seen_values and f.sentence not in sentences
                  and not f.traits.additive) \
            or (f.traits.anaphoric and first_told is not None and first_told < f.start) or (f.traits.bare and sentences)
        seen_values.add(v)
        if not repeat:
            sentences.setdefault(f.sentence, []).append((f, i))
            first_told = f.start if first_told is None else min(first_told, f.start)
    return sentences


def _total_entry(total: int, ids: list[str], items: list[tuple[Fact, str]]) -> dict:
    """The summary entry of a figure added up from the facts ``ids``: exact when all its parts are."""
    quals = {"exact" if f.count["qualifier"] == "implicit" and len(ids) > 1 else f.count["qualifier"]
             for f, i in items if i in ids}
    qualifier = quals.pop() if len(quals) == 1 else "at_least"
    return {"value": total, "min": total if qualifier in ("at_least", "vague") else None, "max": None,
            "qualifier": qualifier if len(ids) == 1 else ("exact" if qualifier in ("exact", "implicit") else "at_least"),
            "facts": ids}


def _place_by_place(items: list[tuple[Fact, str]], text: str, breaks: list[int]) -> dict | None:
    """The first paragraph that tells a toll place by place, a sentence for each place, adds its places up ("Usagi
    caused one death in the Philippines ... Usagi caused 3 deaths in Vietnam"). Each group is stated with a number
    (or as "another") and has its own place beside it or opening its sentence; a group told again ("killing all
    three") is no new place, and two places in one sentence are no such list ("hours before three officers were
    shot dead in Baton Rouge, a week after five in Dallas")."""
    paragraphs: dict[int, list[tuple[Fact, str]]] = {}
    for f, i in items:
        at = f.traits.place_at
        if at is None or f.traits.tally or f.count["qualifier"] == "vague":
            continue
        if abs(at - f.start) > PLACE_NEAR and text[f.sentence[0]:at].strip():
            continue  # neither beside the count nor the sentence's opening ("In Malawi, ... killed eight")
        if f.count["qualifier"] == "implicit" and not RULES.new_person_determiner.match(text, f.start):
            continue  # "a man" named in one place and "a woman" in another may be one story's two scenes
        if RULES.place_list_retold_before.search(text, max(0, f.start - 12), f.start) \
                or RULES.place_list_retold_after.match(text, f.end):
            continue
        paragraphs.setdefault(bisect.bisect_right(breaks, f.start), []).append((f, i))
    if not paragraphs:
        return None
    group = paragraphs[min(paragraphs)]
    stated = [f.count["value"] for f, _ in group if f.count["qualifier"] != "implicit"]
    if len(group) < 2 or len({f.location for f, _ in group}) < len(group) \
            or len({f.sentence for f, _ in group}) < len(group) or len(set(stated)) < len(stated):
        return None  # the same number twice is one group told twice ("two killed in Austin ... in Texas")
    total = sum(f.count["value"] for f, _ in group)
    exact = all(f.count["qualifier"] in ("exact", "implicit") for f, _ in group)
    return {"value": total, "min": None if exact else total, "max": None, "qualifier": "exact" if exact else "at_least",
            "facts": [i for _, i in group]}


def _joined_to_one_told(group, text: str) -> bool:
    """Is a later group joined to one person the story told of ("the commander and three additional suspects")?"""
    return len(group) == 1 and RULES.joined_to_one_told.search(text, group[0][0].sentence[0],
                                                                group[0][0].start) is not None


def _new_group_cue(group, text: str) -> bool:
    """"also detained one other", "an additional suspect": a cue that the group is new, not a retelling."""
    return any(f.traits.more or RULES.new_group_cue.search(text, max(f.sentence[0], f.start - 40), f.end + 40)
               for f, _ in group)


def _head(victims: str | None) -> str:
    return (victims or "").lower().split()[-1].rstrip("s") if victims else ""


def _new_group(group: list[tuple[Fact, str]], earlier: list[Fact]) -> bool:
    """A later group of other people than a named individual before it ("captured a Taliban leader ...
    detained two suspected insurgents")."""
    if not earlier or not all(f.count["qualifier"] == "implicit" and f.count["value"] == 1 for f in earlier):
        return False
    heads = {_head(f.victims) for f in earlier}
    return all(f.count["qualifier"] != "implicit" and _head(f.victims) and _head(f.victims) not in heads
               for f, _ in group)


def _sentence_figure(group: list[tuple[Fact, str]], text: str = "") -> int:
    """The figure one sentence gives: distinct groups added when a person is named among them ("a Taliban
    leader and two associates" is 3); two stated numbers keep the larger ("243 died, 196 in Germany");
    two names for one person on one verb are one ("13-year-old Colby Varn was killed"); a multiple killing
    ("man killed in double fatal shooting") holds the sentence's other dead."""
    whole = [f.count["value"] for f, _ in group if f.traits.all_dead]
    if whole:
        rest = [(f, i) for f, i in group if not f.traits.all_dead]
        return max(max(whole), _sentence_figure(rest, text) if rest else 0)
    values = [f.count["value"] for f, _ in group]
    if not any(f.count["qualifier"] == "implicit" for f, _ in group):
        ordered = sorted((f for f, _ in group), key=lambda f: f.start)
        joined = len(ordered) > 1 and all(
            a.traits.trigger == b.traits.trigger and RULES.counts_joined.fullmatch(text, a.end, b.start)
            and not RULES.households.match(text, a.end)  # "1,000 families, some 6,200 people": one group told twice
            for a, b in zip(ordered, ordered[1:]))
        if joined:  # "two boys and two girls were shot": one subject of two groups
            return sum(values)
        if len(ordered) > 1 and any(f.traits.others for f in ordered[1:]):
            # "One person in critical condition, three others injured": the others are more people
            return sum(values)
        return max(values)
    total, previous = 0, None
    for f, _ in sorted(group, key=lambda fi: fi[0].start):
        same_person = previous is not None and f.traits.trigger == previous.traits.trigger and \
            f.count["qualifier"] == previous.count["qualifier"] == "implicit" and \
            not RULES.and_between.search(text, previous.end, f.start) and \
            "perpetrator" not in (f.victims, previous.victims)  # ("kills wife, self": the killer is someone else)
        if not same_person:
            total += f.count["value"]
        previous = f
    return total


HISTORICAL_DAYS = 90  # an event its own sentence dates this long before publication is an earlier event
_SEASON_MONTHS = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}


def _historical(f: Fact, published: dt.date | None) -> bool:
    if f.date is None or published is None or not f.date.value[:4].isdigit():
        return False
    year = int(f.date.value[:4])
    if year < published.year - 1:
        return True
    if not f.sentence[0] <= f.date.start < f.sentence[1]:
        return False  # a date borrowed from another sentence says too little about this one
    value = event_day(f.date.value)
    if len(value) == 4:
        return year < published.year and published.month > 3
    part = value[5:7]
    month = int(part) if part.isdigit() else _SEASON_MONTHS.get(part)
    if month is None:
        return False
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else dt.date(year, month, 28)
    except ValueError:
        return False
    return (published - day).days > HISTORICAL_DAYS


BOUND_NEAR = 0.9  # "nears 500", "nearly 500", "up to 500": a figure this close below the bound is the one it rounds


def _bound_from_above(f: Fact) -> bool:
    """Is the fact's count only a bound from above ("nears 500", "up to 30": a max and no min)?"""
    return f.count["max"] is not None and f.count["min"] is None and f.traits.tally_value is None


def _without_rounded_bounds(usable: list[tuple[Fact, str]]) -> list[tuple[Fact, str]]:
    """A figure stated only as a bound from above ("As death toll NEARS 500") yields to a figure the article states
    that the bound rounds ("has killed at least 480": at most the bound, and near it)."""
    stated = [f.count["value"] for f, _ in usable if not _bound_from_above(f)]
    return [(f, i) for f, i in usable if not (
        _bound_from_above(f) and any(BOUND_NEAR * f.count["max"] <= v <= f.count["max"] for v in stated))]


def _running(f: Fact) -> int:
    """The figure a running total gives: its count, or for a tally ("a fourth victim", one person) its rank."""
    return f.traits.tally_value if f.traits.tally_value is not None else f.count["value"]


def _entry(f: Fact, ids: list[str]) -> dict:
    c = f.count
    if f.traits.tally_value is not None:  # "a fourth victim was found": four so far
        return {"value": f.traits.tally_value, "min": f.traits.tally_value, "max": None, "qualifier": "at_least",
                "facts": ids}
    value = c["value"]
    stated = value - 1
    if f.category in MASS_CATEGORIES and c["qualifier"] == "more_than" and stated >= 1000 and stated % 100 == 0:
        value = stated  # "more than 1.6 million" states a round figure: report it (min stays N + 1)
    return {"value": value, "min": c["min"], "max": c["max"], "qualifier": c["qualifier"], "facts": ids}
