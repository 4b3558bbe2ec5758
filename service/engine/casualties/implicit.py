"""Counts that no number states: "a man" (1), "twin sisters" (2), "Caleb Arwood, 17," (1), "he died",
"insurgents were detained" (2, by convention)."""
from __future__ import annotations


from ..casualty_rulebook import MULTIPLIERS, PAIR_NOUNS, relatives_value, RULES, TALLY_ORDINALS
from ..numbers import Count
from ..rulebook import words_of


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
        if merged and cnt.kind == "implicit" and merged[-1][2].kind == "implicit" and cnt.text[:1].isupper() and \
                not text[merged[-1][1]:a].strip() and RULES.age_np.search(merged[-1][2].text):
            # an age right before a name is that person's ("16-year-old Jo Smith was shot"): one count
            pa, _, pc = merged[-1]
            merged[-1] = (pa, b, Count(pa, cnt.end, text[pa:cnt.end], pc.value, None, None, "implicit", "implicit",
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
    ("relatives", "np", "implicit", lambda m: relatives_value(m.group("np"))),
    ("headline_relatives", "np", "implicit", lambda m: relatives_value(m.group("np"))),
    ("possessive_object", "np", "implicit", lambda m: 1),
    ("named_victim", "name", "implicit", lambda m: 1),
    ("bare_object", "np", "implicit", lambda m: 1),
    ("multiple_fatal", "word", "multiplier", lambda m: MULTIPLIERS[m.group("word").lower()]),
    ("bare_victim", "np", "implicit", lambda m: 1),
    ("another_alone", "np", "implicit", lambda m: 1),
    ("possessive_death", "np", "possessive", lambda m: 1),
    ("pronoun_subject", 0, "subject pronoun", lambda m: 1),
]


def implicit_counts(text: str, s: int, e: int, taken: list[tuple[int, int]],
                    known_surnames: frozenset = frozenset(), words=None) -> list[tuple[int, int, Count]]:
    """Counts that no number states: "a man" (1), "twin sisters" (2), "Caleb Arwood, 17," (1), "he died" ..."""
    out: list[tuple[int, int, Count]] = []
    if words is None:  # a rule that tells the words it begins with is tried only where they stand
        words = words_of(text, s, e)

    def free(a: int, b: int, also_out: bool = True) -> bool:
        if any(y <= a and a - y <= 2 and not text[y:a].strip() for _, y in taken):
            return False  # the noun a number counts ("1 CHILD shot"): that number's, not one more person
        return not any(x < b and a < y for x, y in taken + (out_spans(out) if also_out else []))

    for m in RULES.scan("ordinal_person", text, s, e, words):  # "an 8th teen was injured", "a fourth victim": a tally
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
    for m in RULES.scan("implicit", text, s, e, words):
        if not free(m.start(), m.end(), also_out=False) or any(x < m.end() and m.start() < y for x, y, _ in ordinals):
            continue
        if m.group("pair"):
            out.append(_candidate(m, 0, 2, "implicit"))
        elif m.group("det").lower() != "the" or m.group("age") or m.group("age2") or \
                RULES.definite_victim.search(m.group("np").lower()):
            out.append(_candidate(m, 0, 2 if (m.group("noun") or "").lower() in PAIR_NOUNS else 1, "implicit"))
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
    for m in RULES.scan("name_role", text, s, e, words):
        if free(*m.span("name")) and not RULES.not_a_name.match(m.group("name")):
            out.append(_candidate(m, "name", 1, "implicit", link_end=m.end()))
    for name, group, kind, value in _IMPLICIT_SOURCES:
        for m in RULES.scan(name, text, s, e, words):
            if free(*m.span(group)):
                out.append(_candidate(m, group, value(m), kind))
    for m in RULES.scan("surname", text, s, e, words) if known_surnames else ():
        if m.group("last") in known_surnames and free(*m.span()):
            out.append(_candidate(m, "name", 1, "implicit"))
    for m in RULES.scan("reflexive", text, s, e, words):
        if not any(x < m.end() and m.start() < y for x, y in out_spans(out)):  # not the "her" of "her neighbor"
            out.append(_candidate(m, 0, 1, "object pronoun"))
    for m in RULES.one_of.finditer(text, s, e):
        if free(*m.span(), also_out=False):
            out.append(_candidate(m, 0, 1, "one of", qualifier="exact"))
    return _merge_coordinated(text, out) + _bare_plurals(text, s, e, taken, words)


def _bare_plurals(text: str, s: int, e: int, taken: list[tuple[int, int]], words=None) -> list[tuple[int, int, Count]]:
    """"insurgents were detained": a plural with no count before it is two, by convention."""
    out = []
    for m in RULES.scan("bare_plural", text, s, e, words):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if RULES.determined.search(text, max(s, m.start() - 40), m.start()):
            continue  # "several suspected insurgents", "the two targeted insurgents": not a bare plural
        cnt = Count(m.start(), m.end(), m.group(), 2, 2, None, "vague", "bare plural", m.start(), m.end())
        out.append((m.start(), m.end(), cnt))
    return out
