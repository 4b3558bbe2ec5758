"""The date rules run only in windows around their anchors (``date_anchors.py``): cheap finds that every match
of a rule contains. The windows are a speed device and nothing else — a rule run in its windows finds exactly
what it finds when run over the whole text."""
import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine import dates
from service.engine.date_anchors import TextTokens, anchor_windows, word_anchor
from service.engine.rulebook import TextWords

DATE_CORPUS = yaml.safe_load((Path(__file__).with_name("corpus") / "dates.yaml").read_text(encoding="utf-8"))
TEXTS = [case[0] for case in DATE_CORPUS["positives"] + DATE_CORPUS["sequences"]] + DATE_CORPUS["negatives"]
# the corpus's words, and words that hold an anchor word inside them
WORDS = sorted({w for t in TEXTS for w in t.split()}) + \
    ["Mondays", "Sundays", "year-end", "year-ago", "yearend", "springs", "Christmastime", "q2", "Q2", "mid-May"]
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([str, str.upper, str.lower, str.title]),
                          st.sampled_from([" ", ", ", ". ", "\n", "-", " ("])), min_size=1, max_size=18).map(
    lambda parts: "".join(case(w) + sep for w, case, sep in parts))


def _spans_in_windows(text: str) -> dict[str, tuple[set, set]]:
    """Each rule's match spans, run in its windows and over the whole text."""
    windows = anchor_windows(text, dates.ANCHORS)
    out = {}
    for rule in dates.RULES:
        whole = {m.span() for m in rule.pattern.finditer(text) if m.end() > m.start()}
        windowed = {m.span() for lo, hi in windows(rule.anchor, rule.reach) for m in rule.pattern.finditer(text, lo, hi)
                    if m.end() > m.start()}
        out[rule.name] = (windowed, whole)
    return out


def _find(finder, text: str) -> list[str]:
    lower = text.lower()
    return [text[a:b] for a, b in sorted(finder(text, lower, TextTokens(lower)))]  # (found in no set order)


def test_every_rule_has_an_anchor_it_names():
    assert all(rule.anchor is None or rule.anchor in dates.ANCHORS for rule in dates.RULES)
    assert sum(rule.anchor is not None for rule in dates.RULES) > 0.9 * len(dates.RULES)


def test_the_windows_find_what_the_whole_text_holds_on_the_corpus():
    for text in TEXTS:
        for name, (windowed, whole) in _spans_in_windows(text).items():
            assert windowed == whole, (name, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_windows_find_what_the_whole_text_holds_on_any_text_of_its_words(text):
    for name, (windowed, whole) in _spans_in_windows(text).items():
        assert windowed == whole, name


def test_a_window_that_ends_inside_a_word_ends_after_it():
    # the weekday window reaches some characters past "Friday"; "Mondays" straddles its end
    after = dates.ANCHORS["weekday"][2]
    text = "On Friday " + "x" * (after - 4) + " Mondays are quiet."
    assert text.index("Mondays") < len("On Friday") + after < text.index("Mondays") + len("Mondays")
    windows = anchor_windows(text, dates.ANCHORS)("weekday")
    assert all(hi == len(text) or not text[hi].isalnum() for _, hi in windows)
    assert [m.text for m in dates.extract_dates(text, dt.date(2024, 8, 12))] == ["Friday"]


def test_a_word_anchor_finds_whole_words_only():
    find = word_anchor(["monday", "year-end"])
    assert _find(find, "Monday, then the year-end review") == ["Monday", "year-end"]
    assert _find(find, "Mondays, the yearend, a year-ender, premonday") == []
    assert _find(find, "a year without end") == []  # both runs are tokens, the word is not there
    assert _find(find, "MONDAY") == ["MONDAY"]


def test_a_word_is_looked_for_once_per_text():
    tokens = TextTokens("the year ended; a year-end, yearly")
    assert tokens.found("year") == [4, 18, 28]
    assert tokens.found("year") is tokens.found("year")
    assert "year" in tokens and "yearly" in tokens and "end" in tokens and "ended" in tokens
    assert tokens.found("monday") == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, st.text(alphabet="aZ1_ -.\u00e9\u0130\u212a\u2019\u00b2x", max_size=40)))
def test_the_tokens_read_off_the_word_index_are_those_of_a_scan(text):
    exact = TextWords(text).exact
    if exact is not None:  # (a text whose lower-casing changes a word's length has no exact index)
        assert TextTokens(text.lower(), exact) == TextTokens(text.lower())


def test_the_tokens_of_a_word_with_digits_are_its_letter_runs():
    text = "On the 14th, covid_19 and year-end"
    assert TextTokens(text.lower(), TextWords(text).exact) == {"on", "the", "th", "covid", "and", "year", "end"}
