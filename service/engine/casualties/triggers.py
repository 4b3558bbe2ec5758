"""The triggers of a sentence: every category's trigger patterns, run only where their first words occur, and
the one overlap policy (within a kind of trigger, the longest wins)."""
from __future__ import annotations


from ..casualty_rulebook import RULES, TRIGGER_FIRST_WORDS, TRIGGER_PATTERNS, WORD_RE


def _sentence_words(text: str, s: int, e: int) -> frozenset | None:
    """The sentence's words, lower-cased; None when one is not ASCII (the prefilter then lets every pattern run)."""
    words = WORD_RE.findall(text, s, e)
    return None if any(not w.isascii() for w in words) else frozenset(w.lower() for w in words)


def find_triggers(text: str, s: int, e: int, prefilter: bool = True) -> list[tuple[int, int, str, str]]:
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
