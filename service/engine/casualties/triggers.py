"""The triggers of a sentence, in one pass over its words, and the one overlap policy (within a kind of trigger,
the longest wins).

The pass: every category's trigger patterns are indexed by the first words their triggers begin with
(``TRIGGER_FIRST_WORDS``) and by the last words they end with (``TRIGGER_LAST_WORDS``); each word of the sentence
looks up the patterns it may begin, and each such pattern whose last words the sentence holds is tried at that word
alone, leftmost first and never inside its own last match -- what ``finditer`` would find, since
a trigger can begin only where one of its first words stands. A pattern whose triggers have no first word to
tell, and every pattern of a sentence with a word that is not ASCII, is scanned whole.
"""
from __future__ import annotations

from collections import defaultdict

from ..casualty_rulebook import RULES, TRIGGER_FIRST_WORDS, TRIGGER_LAST_WORDS, TRIGGER_PATTERNS
from ..rulebook import match_at, words_of

# (category, kind) of every trigger pattern, in the order of the declarations
_PATTERN_KEYS = tuple((cat, kind) for cat, kinds in TRIGGER_PATTERNS.items() for kind, pattern in kinds.items()
                      if pattern is not None)
_SCANNED_WHOLE = tuple(key for key in _PATTERN_KEYS if TRIGGER_FIRST_WORDS[key[0]][key[1]] is None)
_BY_FIRST_WORD: dict[str, tuple[tuple[str, str], ...]] = {}
_BY_LAST_WORD: dict[str, tuple[tuple[str, str], ...]] = {}
for _key in _PATTERN_KEYS:
    for _word in TRIGGER_FIRST_WORDS[_key[0]][_key[1]] or ():
        _BY_FIRST_WORD[_word] = _BY_FIRST_WORD.get(_word, ()) + (_key,)
    for _word in TRIGGER_LAST_WORDS[_key[0]][_key[1]] or ():
        _BY_LAST_WORD[_word] = _BY_LAST_WORD.get(_word, ()) + (_key,)
_FIRST_WORDS = frozenset(_BY_FIRST_WORD)
_LAST_WORDS = frozenset(_BY_LAST_WORD)
_NO_LAST_WORD = frozenset(key for key in _PATTERN_KEYS if TRIGGER_LAST_WORDS[key[0]][key[1]] is None)
_ORDER = {key: i for i, key in enumerate(_PATTERN_KEYS)}  # the declarations' order, the order matches are told


def _scan_whole(text: str, s: int, e: int, keys) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), cat, kind) for cat, kind in keys
            for m in TRIGGER_PATTERNS[cat][kind].finditer(text, s, e)]


def _trigger_matches(text: str, s: int, e: int, words) -> list[tuple[int, int, str, str]]:
    """Every match of every trigger pattern in the sentence, as each pattern's ``finditer`` finds them."""
    if words is None:
        return _scan_whole(text, s, e, _PATTERN_KEYS)  # (the index is exact for ASCII words only)
    # a pattern is tried where one of its first words stands, in a sentence that holds one of its last words
    possible = {key for word in _LAST_WORDS & words.vocabulary for key in _BY_LAST_WORD[word]} | _NO_LAST_WORD
    openers = _FIRST_WORDS & words.vocabulary
    starts: dict[tuple[str, str], list[int]] = defaultdict(list)
    if possible and openers:
        for at, word in words:
            if word in openers:
                for key in _BY_FIRST_WORD[word]:
                    if key in possible:
                        starts[key].append(at)
    found = _scan_whole(text, s, e, _SCANNED_WHOLE)
    for key in sorted(starts, key=_ORDER.__getitem__):
        pattern = TRIGGER_PATTERNS[key[0]][key[1]]
        found += [(m.start(), m.end()) + key for m in match_at(pattern, text, starts[key], s, e)]
    return found


def find_triggers(text: str, s: int, e: int, one_pass: bool = True, words=None) -> list[tuple[int, int, str, str]]:
    """The triggers of the sentence ``text[s:e]``: (start, end, category, kind), sorted. ``words`` are its words
    (``rulebook.words_of``, computed when not given). ``one_pass=False`` runs every pattern's ``finditer`` over the
    whole sentence instead (the same result, slower: for tests)."""
    if one_pass:
        found = _trigger_matches(text, s, e, words_of(text, s, e) if words is None else words)
    else:
        found = _scan_whole(text, s, e, _PATTERN_KEYS)
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
    kept = [t for t in kept
            if not (RULES.shot.match(text[t[0]:t[1]]) and RULES.fire_direction_after.match(text, t[1], e))]
    # a passive word inside a longer active phrase is that phrase ("charged with FATALLY SHOOTING a boy")
    actives = [t for t in kept if t[3] == "active"]
    kept = [t for t in kept if t[3] != "passive" or
            not any(a[0] <= t[0] and t[1] <= a[1] and a[1] - a[0] > t[1] - t[0] for a in actives)]
    kept.sort()
    return kept
