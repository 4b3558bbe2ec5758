"""Sentence boundaries: offsets exact, abbreviations kept, lost spaces after a full stop restored."""
import pytest

from service.engine.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Two men died. Police said three were hurt.", ["Two men died.", "Police said three were hurt."]),
    ("The U.S. Embassy in Kenya was hit on Oct. 7 last year.", ["The U.S. Embassy in Kenya was hit on Oct. 7 last year."]),
    ("Gen. Smith spoke. He said 12 died.", ["Gen. Smith spoke.", "He said 12 died."]),
    ("Headline Without A Stop\nThe story begins here.", ["Headline Without A Stop", "The story begins here."]),
    # a space lost after the full stop
    ("He was shot in the neighborhood.Maurice Harris faces charges.",
     ["He was shot in the neighborhood.", "Maurice Harris faces charges."]),
    ('"I lost too many kids."The motive was revenge.', ['"I lost too many kids."', "The motive was revenge."]),
    ("He was hurt in a weekend shooting.A 14-year-old girl came in.",
     ["He was hurt in a weekend shooting.", "A 14-year-old girl came in."]),
    # a citation mark after the full stop (encyclopaedia text)
    ("The toll was 128.[1] The effects were wide.[2][3]Rains fell.",
     ["The toll was 128.[1]", "The effects were wide.[2][3]", "Rains fell."]),
    # ... but not inside names and addresses
    ("Read more at WRCBtv.com today. Mrs. Smith said so.", ["Read more at WRCBtv.com today.", "Mrs. Smith said so."]),
])
def test_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


# The splitter tries its boundary pattern only after a full stop, a quote or a bracket and at line breaks, and
# reads the last word before a boundary from the stretch's tail: both must find what a whole scan finds.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from service.engine import sentences  # noqa: E402

PIECES = ["Two", "men", "died", ".", "!", "?", "U.S.", "Oct.", "Gen.", "a.m.", "e.g.", "[1]", "[12]", '"', "'", "”",
          "’", "“", ")", "(", "]", "[", "\n", "\n\n", "\u2028", "\u2029", " ", "  ", "\t", "A", "I", "12", "Mrs.",
          "neighborhood.Maurice", "x" * 70, "a." * 40, "ab" * 40 + ".", "Ünal", "José"]
STRETCH = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRETCH)
def test_boundaries_tried_at_marks_are_the_boundaries_of_a_whole_scan(text):
    assert [m.span() for m in sentences._boundaries(text)] == \
        [m.span() for m in sentences._BOUNDARY_RE.finditer(text)]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STRETCH, st.integers(0, 200))
def test_the_last_word_read_from_the_tail_is_the_last_word_of_the_stretch(text, start):
    start = min(start, len(text))
    whole = sentences._LAST_WORD_RE.search(text[start:])
    assert sentences._last_word(text, start, len(text)) == (whole.group(1).lower() if whole else "")


def test_a_last_word_longer_than_the_tail_is_read_whole():
    text = "see www." + "example" * 20 + ".com. Next"
    assert sentences._last_word(text, 0, text.index(" Next")) == "www." + "example" * 20 + ".com."
