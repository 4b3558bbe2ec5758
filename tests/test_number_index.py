"""The number layer tries its core pattern only where a number can begin (``numbers._core_matches``), and a mask
only where its matches can begin (``numbers._masks``): each finds exactly what a whole ``finditer`` finds, in any
casing, next to hyphens, commas, scales and non-ASCII words, whether it reads the words itself or is given the
text's ``TextWords``. (The layers read the engine's ``readable`` copy of a text, as ``extract`` gives it.)"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine import numbers
from service.engine.readable import readable
from service.engine.rulebook import TextWords

WORDS = sorted({str(w) for lst in (numbers.UNITS, numbers.TENS, numbers.SCALES, numbers.MULTIPLES, numbers.VAGUE)
                for w in lst} | {"a", "an", "half", "and", "of", "people", "times", "K", "Ünal", "٣", "x",
                                 "AK", "B52", "#", "photo", "ground", "zero", "2.0.1", "5ft", "_"})
DIGITS = ["1", "12", "1,200", "40,000", "2.3", "1.200", "27,00,000", "200 000", "5m", "3bn", "100m", "2023",
          "47", "9:30", "555-123-4567", "1 of 5", "3/4"]
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(DIGITS), st.text(max_size=3))
CASES = [str.upper, str.lower, str.title, str]
TEXT = st.lists(st.tuples(PIECE, st.sampled_from(range(4)), st.sampled_from([" ", "", "-", ", ", ".", "  "])),
                max_size=20).map(lambda parts: readable("".join(CASES[c](w) + sep for w, c, sep in parts)))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_indexed_core_finds_what_finditer_finds(text):
    whole = [m.span() for m in numbers._CORE_RE.finditer(text)]
    assert [m.span() for m in numbers._core_matches(text, None)] == whole
    assert [m.span() for m in numbers._core_matches(text, TextWords(text).exact or None)] == whole


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_indexed_masks_find_what_finditer_finds(text):
    assert numbers._masks(text, TextWords(text).exact) == numbers._masks(text, None)


def test_mask_examples():
    text = "An AK-47, a B52 and #12 (photo 3 of 5) at ground zero; version 2.0.1 in 5ft."
    masks = numbers._masks(text, TextWords(text).exact)
    assert masks == numbers._masks(text, None)
    assert {text[a:b] for a, b, _ in masks} == {"AK-47", "B52", "#12", "photo 3 of 5", "ground zero", "2.0.1", "5ft"}


def test_examples():
    text = "Twenty-one people, a dozen police and 1,200 troops; half a million fled; some 3bn, ONE HUNDRED."
    found = [text[slice(*m.span())] for m in numbers._core_matches(text, TextWords(text).exact)]
    assert found == [m.group() for m in numbers._CORE_RE.finditer(text)]
    assert "Twenty-one" in found and "1,200" in found
