"""A rule that declares the words its matches begin with (``begins_with`` in casualty_rules.yaml), or follow
(``follows``), is tried only where one of them stands (``Rule.scan``): it finds exactly what its ``finditer``
finds, in any casing, next to hyphens, apostrophes, digits and non-ASCII words."""
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine.casualty_rulebook import RULES, WORD_LISTS
from service.engine.rulebook import TextWords, unmark, words_of

INDEXED = sorted(r.name for r in RULES
                 if r.first_words is not None or r.needed_words is not None or r.follow_words is not None)
LISTS = WORD_LISTS


def _vocabulary() -> list[str]:
    """The words of the indexed rules' lists and examples, and the lists their patterns name after them."""
    words = set()
    for name, value in LISTS.items():
        if isinstance(value, (list, dict)):
            words.update(str(w) for w in (value.keys() if isinstance(value, dict) else value))
    for rule in RULES:
        for example in rule.examples + rule.near_misses:
            words.update(unmark(example)[0].split())
    return sorted(words)


VOCABULARY = _vocabulary()
FILLERS = ["the", "police", "said", "3", "people", "-", ",", ".", "'s", "’s", "Ünal", "José", "x", "A", "THE"]
word = st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(FILLERS),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=5))
CASES = {"upper": str.upper, "lower": str.lower, "title": str.title, "same": str}
sentence = st.lists(st.tuples(word, st.sampled_from(sorted(CASES)), st.sampled_from([" ", "", "-", "  ", ", "])),
                    max_size=16).map(lambda parts: "".join(CASES[case](w) + sep for w, case, sep in parts))


def _spans(matches):
    return [m.span() for m in matches]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence)
def test_an_indexed_rule_finds_what_finditer_finds(text):
    words = words_of(text, 0, len(text))
    for name in INDEXED:
        rule = RULES.rules[name]
        assert _spans(rule.scan(text, 0, len(text), words)) == _spans(rule.regex.finditer(text, 0, len(text))), name


def test_on_every_example_of_every_indexed_rule():
    assert INDEXED  # the rulebook indexes some rules
    for name in INDEXED:
        rule = RULES.rules[name]
        for example in rule.examples + rule.near_misses:
            text = unmark(example)[0]
            words = words_of(text, 0, len(text))
            assert _spans(rule.scan(text, 0, len(text), words)) == _spans(rule.regex.finditer(text)), (name, text)


def test_a_stretch_with_a_word_not_ascii_is_scanned_whole():
    assert words_of("José was shot", 0, 13) is None


@settings(max_examples=1000, deadline=None)
@given(sentence, st.integers(0, 5), st.integers(0, 5))
def test_words_of_a_stretch_are_its_words_lower_cased(text, cut_start, cut_end):
    """``words_of`` reads an ASCII stretch lower-cased in one go: the same words, at the same offsets, as reading
    each word and lower-casing it; None when a word is not ASCII."""
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    found = [(m.start(), m.group()) for m in regex.compile(r"\w+").finditer(text, start, end)]
    expected = [(at, w.lower()) for at, w in found] if all(w.isascii() for _, w in found) else None
    assert words_of(text, start, end) == expected


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence, st.integers(0, 200), st.integers(0, 200))
def test_the_words_of_a_text_read_once_are_those_of_any_stretch(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert TextWords(text).of(start, end) == words_of(text, start, end)


_NOT_ASCII = ["’", "“", "—", "\u00a0", "é", "\u0301", "İ", "ß", "Ⓐ", "٣"]  # punctuation, letters, a mark, a digit


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence, st.lists(st.tuples(st.integers(0, 200), st.sampled_from(_NOT_ASCII)), max_size=4),
       st.integers(0, 200), st.integers(0, 200))
def test_the_words_of_a_text_with_characters_outside_ascii_are_those_of_any_stretch(text, inserts, a, b):
    """A text whose only non-ASCII characters are punctuation is read on the fast path; a letter, a mark or a digit
    outside ASCII ("José", "İ", a combining accent) sends it to the slow one. Either way, the same words."""
    for at, char in inserts:
        text = text[:at] + char + text[at:]
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert TextWords(text).of(start, end) == words_of(text, start, end)


def test_curly_quotes_and_dashes_leave_the_words_ascii():
    text = "“Two men—both 19—were shot,” police said. José’s car"
    words = TextWords(text)
    assert words.of(0, 41) == words_of(text, 0, 41) == [
        (1, "two"), (5, "men"), (9, "both"), (14, "19"), (17, "were"), (22, "shot"), (29, "police"), (36, "said")]
    assert words.of(42, len(text)) is None
