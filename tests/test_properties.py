"""Property-based tests: whatever text comes in, the engine answers within its invariants.

No exception; every offset inside the text; ``text[start:end]`` equal to the quoted span; the response
valid against its schema.
"""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import ExtractResponseSchema
from service.engine import extract

SCHEMA = ExtractResponseSchema()

# words the rules react to, so generated texts reach deep into them
NEWS_WORDS = ["at least", "more than", "nearly", "about", "dozens", "several", "a man", "two", "1,200", "93",
              "killed", "died", "wounded", "injured", "arrested", "detained", "hostages", "death toll", "rose to",
              "Saturday", "Oct. 7", "last year", "2023", "yesterday", "in", "Gaza City", "police said", "including",
              "no one was hurt", "$3 million", "12%", "km", "15-year-old", "and", "the", ",", ".", "\n", "-", "(",
              "nineteen ninety-six", "the quarter", "a year earlier", "himself", "Caleb Arwood, 17,", "were",
              "last Christmas", "next year", "next decade", "two days later", "9999999 days earlier",
              "the week of March 6", "the day before", "the year before", "the nineties", "$5 a year"]
SPECIALS = ["\u200b", "\u200f", "\u202e", "\u00a0", "\u2009", "\u2028", "\ufeff", "\x00", "\x1b", "\t", "\r",
            "🙂", "👨‍👩‍👧", "é", "ß", "Ω", "漢字", "<b>", "</p>", "&amp;", "\\", '"']

news_text = st.lists(st.sampled_from(NEWS_WORDS + SPECIALS), max_size=80).map(" ".join)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=400)
surrogate_text = st.text(alphabet=st.characters(categories=("Cs", "Ll", "Nd", "Zs")), max_size=60)


def check_invariants(text: str, result: dict) -> None:
    n = len(text)
    for fact in result["casualties"]:
        assert 0 <= fact["start"] <= fact["end"] <= n
        assert text[fact["start"]:fact["end"]] == fact["text"] == fact["count"]["text"] or \
            text[fact["start"]:fact["end"]] == fact["text"]
        s = fact["sentence_start"]
        assert text[s:s + len(fact["sentence"])] == fact["sentence"]
    for d in result["dates"] + result["quantities"]:
        assert 0 <= d["start"] <= d["end"] <= n
        assert text[d["start"]:d["end"]] == d["text"]
    dumped = SCHEMA.dump(result)
    assert SCHEMA.validate(dumped) == {}
    json.dumps(dumped)  # serialisable (ensure_ascii escapes lone surrogates)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text, st.sampled_from([None, "2024-08-12", "1998-02-27"]))
def test_news_like_text(text, published):
    check_invariants(text, extract(text, published=published))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text, st.sampled_from(["0001-01-01", "0001-12-31", "9999-01-01", "9999-12-31"]))
def test_anchors_at_the_edges_of_the_calendar(text, published):
    """A library caller may anchor anywhere the calendar allows; a date it cannot hold is simply not given."""
    check_invariants(text, extract(text, published=published))


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_arbitrary_unicode(text):
    check_invariants(text, extract(text, published="2024-08-12"))


@settings(max_examples=50, deadline=None)
@given(surrogate_text)
def test_lone_surrogates(text):
    check_invariants(text, extract(text))


def test_one_megabyte_of_one_character():
    for ch in ("x", " ", "9", ".", "\u200b"):
        text = ch * 1_000_000
        check_invariants(text, extract(text, published="2024-08-12", timeout=60))


def test_very_long_token_and_line():
    text = "killed" + "a" * 200_000 + " 12 people died. " + "-" * 100_000
    result = extract(text, published="2024-08-12")
    check_invariants(text, result)
    assert [c["count"]["value"] for c in result["casualties"]] == [12]


def test_html_is_read_as_text():
    text = "<p>At least <b>12</b> people were killed.</p><script>alert(1)</script>"
    check_invariants(text, extract(text, published="2024-08-12"))
