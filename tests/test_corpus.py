"""Corpus tests: example text -> expected values, one corpus file per layer (tests/corpus/*.yaml).

Adding a case is adding lines to a corpus file, never a new test function.
"""
import datetime as dt
from pathlib import Path

import pytest
import yaml

from service.engine import extract
from service.engine.dates import extract_dates
from service.engine.numbers import find_counts, scan_numbers

CORPUS = Path(__file__).with_name("corpus")


def _load(name):
    with open(CORPUS / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


NUMBERS = _load("numbers")
DATES = _load("dates")
CASUALTIES = _load("casualties")
SUMMARIES = _load("summaries")
ANCHOR = dt.date.fromisoformat(DATES["published"])


def _assert_offsets(text, start, end, quoted):
    assert text[start:end] == quoted


@pytest.mark.parametrize("case", NUMBERS["positives"], ids=lambda c: c["text"])
def test_number_corpus(case):
    text = case["text"]
    got = [[c.text, c.value, c.min, c.max, c.qualifier] for c in find_counts(text)]
    assert got == case["counts"]
    for c in find_counts(text):
        _assert_offsets(text, c.start, c.end, c.text)


@pytest.mark.parametrize("text", NUMBERS["negatives"])
def test_number_corpus_negatives(text):
    assert find_counts(text) == []


def test_number_corpus_has_at_least_as_many_negatives_as_positives():
    assert len(NUMBERS["negatives"]) >= len(NUMBERS["positives"])


@pytest.mark.parametrize("case", DATES["positives"], ids=lambda c: c[0])
def test_date_corpus(case):
    text, span, value, typ = case
    found = extract_dates(text, ANCHOR, scan_numbers(text))
    assert [(d.text, d.value, d.type) for d in found] == [(span, value, typ)]
    _assert_offsets(text, found[0].start, found[0].end, span)


@pytest.mark.parametrize("case", DATES["sequences"], ids=lambda c: c[0][:40])
def test_date_sequences(case):
    text, expected = case
    found = [d for d in extract_dates(text, ANCHOR, scan_numbers(text)) if d.type == "DATE"]
    assert [[d.text, d.value] for d in found] == expected
    for d in found:
        _assert_offsets(text, d.start, d.end, d.text)


@pytest.mark.parametrize("text", DATES["negatives"])
def test_date_corpus_negatives(text):
    assert [d for d in extract_dates(text, ANCHOR, scan_numbers(text)) if d.type == "DATE"] == []


@pytest.mark.parametrize("case", CASUALTIES["positives"], ids=lambda c: c["text"][:40])
def test_casualty_corpus(case):
    result = extract(case["text"], published="2024-08-12")
    got = [[c["category"], c["text"], c["count"]["value"], c["count"]["qualifier"]] for c in result["casualties"]]
    assert got == case["facts"]
    for c in result["casualties"]:
        _assert_offsets(case["text"], c["start"], c["end"], c["text"])


@pytest.mark.parametrize("text", CASUALTIES["negatives"])
def test_casualty_corpus_negatives(text):
    assert extract(text, published="2024-08-12")["casualties"] == []


@pytest.mark.parametrize("case", CASUALTIES["places"], ids=lambda c: c["text"][:40])
def test_fact_places(case):
    facts = extract(case["text"], published="2024-08-12")["casualties"]
    if "locations" in case:  # one place a count, in the order the counts are told
        assert [f["location"] for f in sorted(facts, key=lambda f: f["start"])] == case["locations"]
    else:
        assert facts and all(f["location"] == case["location"] for f in facts)


@pytest.mark.parametrize("case", SUMMARIES["cases"], ids=lambda c: c["text"][:40])
def test_summary_corpus(case):
    summary = extract(case["text"], published="2024-08-12")["summary"]
    assert {cat: entry["value"] for cat, entry in summary.items()} == case["summary"]


@pytest.mark.parametrize("text, expected", [
    ("Last week, fighters killed three soldiers.", "2024-08"),          # a week is dated by its month
    ("Two people were killed in the attack on Saturday.", "2024-08-10"),
    ("Police said Wednesday that two people were killed.", None),       # when it was said, not when it happened
    ("The chief said during a news briefing late Wednesday morning that two people were killed.", None),
    # a coarse date of the current year stands; one of an earlier period yields to a day inside it
    ("A girl was gunned down earlier this year at a park. A man was shot nearby on Friday.", "2024"),
    ("Four men were killed in last year's bombings, police said. The bombs went off on Aug. 7, 2023.", "2023-08-07"),
    # the fact's own clause: a date past "after", "before", "but", ";" is another event's, and yields to the
    # article's governing date; a "when" clause tells the fact's own time
    ("Police opened an inquiry on Saturday after an eruption killed five people. It erupted on Friday.",
     "2024-08-09"),
    # ... unless the article's governing day is not shortly before it: then the sentence's date stands
    ("Police opened an inquiry on Saturday after an eruption killed five people. It had erupted on May 3, 2023, too.",
     "2024-08-10"),
    ("Five people were killed on Saturday after a bus left the road. Police came on Sunday.", "2024-08-10"),
    ("Seven soldiers were killed when two helicopters crashed on Saturday. An inquiry began on Sunday.",
     "2024-08-10"),
    # no date in the sentence: the governing date, the earliest day the article gives
    ("Five people were killed in the attack. It happened on Saturday; arrests followed on Sunday.", "2024-08-10"),
    # the start of a period counted dates no event, in the sentence or as the governing date ...
    ("Nine people have been killed since Monday.", None),
    ("The war began on Aug. 1. Five people were killed in a raid, officials said.", "2024-08-01"),
    ("Fighting has raged since Aug. 1. Five people were killed in a raid on Saturday.", "2024-08-10"),
    ("Fighting has raged since Aug. 1. Five people were killed in a raid.", None),
    # ... and a period's running total is as of the day it was told
    ("The death toll since Aug. 1 has risen to 212, the ministry said on Friday.", "2024-08-09"),
    # ... told in another sentence: the article's statement day, never the war's first day named elsewhere
    ("Death toll since Aug. 1 rises to 212\n\nThe ministry said on Friday that the toll had climbed. The war "
     "began with an attack on Aug. 1.", "2024-08-09"),
    # a figure of the past hours or days is as of the day it was told
    ("The ministry said on Friday that 41 people were killed over the past 24 hours. Fighting began on Aug. 1.",
     "2024-08-09"),
    # ... not a longer period, which follows the policy (the governing day)
    ("Fighting began on Aug. 1. The ministry said 41 people were killed over the past two years.", "2024-08-01"),
    # the running total of an incident keeps the incident's date
    ("A bomb went off on Aug. 1. The death toll in the blast has risen to 12, officials said on Friday.",
     "2024-08-01"),    # what a report tells as past is never dated after the report: a page's update stamp, a court date set
    ("Updated: Monday, Sept. 8, 2025. Four people were shot around 3 a.m.", None),
    ("A man was shot dead. A court date was set for Aug. 20.", None),
    # ... while the day after publication stands (a story filed late at night, dated in another time zone)
    ("Two people were killed in a crash on Aug. 13.", "2024-08-13"),
])
def test_fact_event_dates(text, expected):
    fact = extract(text, published="2024-08-12")["casualties"][0]
    assert (fact["date"] or {}).get("value") == expected


@pytest.mark.parametrize("text, count, expected", [
    # a fact without a date of its own takes the incident's day: the first incident fact dated in its own clause,
    # not the earliest day the article names (the background attack of Aug. 5)
    ("Rioters injured 50 officers on Aug. 6. The unrest began after two children were killed in an attack on "
     "Aug. 5. Eight officers were badly hurt.", "Eight", "2024-08-06"),
    # an arrest comes after its incident and dates only itself: the earliest day governs
    ("Two men were arrested on Aug. 9 in connection with a robbery. It happened on Aug. 3. Three people were hurt "
     "in it.", "Three", "2024-08-03"),
    # so does a running total, as of the day it was told
    ("The death toll rose to 40 on Aug. 9. The quake struck on Aug. 6. Twelve people were injured.", "Twelve",
     "2024-08-06"),
    # a sentence saying when the incident happened gives its day, before a day an aside later in the story gives
    ("Four villagers were killed by gunmen. Police said the incident occurred on Aug. 10. On Aug. 4, two soldiers "
     "were killed in a separate clash.", "Four", "2024-08-10"),
    # a day named after the verb goes before a clock time alone
    ("A man was shot dead. The shooting happened around 9 p.m. on Saturday. Two men were arrested on Aug. 3.",
     "A man", "2024-08-10"),
    # ... and no other event's "took place" does: the funeral's day is not the incident's
    ("A man was shot dead. His funeral took place on Aug. 9. Two men had been arrested on Aug. 3.", "A man",
     "2024-08-03"),
    # nor a day before the verb ("on Aug. 9 the incident comes ..."): only what follows it says when it happened
    ("A man was shot dead. On Aug. 9 the attack came after a quarrel. Police arrested a suspect on Aug. 3.",
     "A man", "2024-08-03"),
])
def test_undated_fact_takes_the_incident_day(text, count, expected):
    fact = next(c for c in extract(text, published="2024-08-12")["casualties"] if c["text"] == count)
    assert (fact["date"] or {}).get("value") == expected


@pytest.mark.parametrize("text, statuses", [
    ("Twelve people died and 20 are feared dead.", [("Twelve", "reported"), ("20", "feared")]),
    ("Three climbers are presumed dead.", [("Three", "feared")]),
    # the words that fear qualify others' fate, not the five killed
    ("Several people are feared trapped after a building collapsed, killing five people.",
     [("Several", "feared"), ("five", "reported")]),
])
def test_feared_is_the_status_of_the_fact_it_qualifies(text, statuses):
    facts = extract(text, published="2024-08-12")["casualties"]
    assert [(f["text"], f["status"]) for f in facts] == statuses


@pytest.mark.parametrize("text, category, expected", [
    # an arrest that did not happen is no event: no date; a stated zero of an incident keeps the incident's
    ("A man was shot on Saturday. No arrests have been made as of Monday.", "arrested", None),
    ("A fire broke out on Saturday. No one was hurt in the fire on Saturday.", "injured", "2024-08-10"),
])
def test_negated_fact_dates(text, category, expected):
    fact = next(c for c in extract(text, published="2024-08-12")["casualties"] if c["category"] == category)
    assert fact["negated"] and (fact["date"] or {}).get("value") == expected


def test_latest_quarter_is_the_one_just_named_when_it_is_over():
    text = "Sales in the first quarter fell; costs in the latest quarter rose."
    assert [(d.text, d.value) for d in extract_dates(text, ANCHOR, scan_numbers(text))] == \
        [("the first quarter", "2024-Q1"), ("the latest quarter", "2024-Q1")]


def test_without_a_publication_date_the_articles_own_year_makes_old_events_comparisons():
    text = ("Hurricane Debbie in 1961 caused 60 fatalities in Cape Verde. Hurricane Fran struck the islands in August "
            "1996 and killed 29 people.")
    assert extract(text)["summary"]["killed"]["value"] == 29


VETOES = _load("vetoes")


@pytest.mark.parametrize("name, text, words", [(name, text, words) for name, cases in VETOES.items()
                                                for text, words in cases], ids=lambda v: str(v)[:40])
def test_veto_corpus(name, text, words):
    from service.engine import explain
    result = explain(text, published=DATES["published"])
    assert any(v["veto"] == name and v["text"] == words for v in result["vetoes"]), result["vetoes"]
    assert words not in [f["text"] for f in result["response"]["casualties"]]


def test_every_veto_in_the_code_has_examples():
    import re
    layer = Path(__file__).parents[1] / "service" / "engine" / "casualties"
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(layer.glob("*.py")))
    named = set(re.findall(r'\bveto\("(\w+)"', source))
    assert len(named) >= 17  # the vetoes are found where the layer writes them
    missing = named - set(VETOES)
    # a veto whose condition no plain sentence reaches yet is listed here, to be given an example
    assert missing <= {"possessive_needs_death_noun", "subject_pronoun_needs_harm_subject"}, missing


@pytest.mark.parametrize("text, expected", [
    # the agent of the fact's verb: a participle's is the main clause's subject, after a time that opens it
    ("Last year, Hamas breached the fence, killing about 1,200 people and taking 251 hostages.", ["Hamas", "Hamas"]),
    ("On Monday, militants stormed the village, killing 12 people.", ["militants"]),
    # the subject of an active verb right before the count; a name too
    ("A gunman shot three people outside a bar.", ["A gunman"]),
    ("Police said John Reyes shot two men on Elm Street.", ["John Reyes"]),
    # after a passive trigger, "by" and the agent
    ("Five people were killed by gunmen on Friday.", ["gunmen"]),
    ("A teenager was shot by his brother.", ["his brother"]),
    # near misses: a cause, a thing, a storm's name, a verb of weather, an arrest
    ("Floods killed 12 people.", [None]),
    ("Israeli airstrikes killed 20 people.", [None]),
    ("A man was killed by a stray bullet.", [None]),
    ("Hurricane Floyd hit the coast. In Ohio, Floyd killed 13 people.", [None]),
    ("Iris dropped heavy rain on the island, killing eight people.", [None]),
    ("Two men were arrested by police.", [None]),
    ("She was named as one of the slain victims by her cousin.", [None]),
])
def test_a_fact_names_its_perpetrator(text, expected):
    facts = extract(text, published="2024-08-12")["casualties"]
    assert [f["perpetrator"] for f in facts] == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 93 people died Saturday when an Israeli airstrike hit a school.", "Israeli airstrike"),
    ("Twelve people died in the floods.", "floods"),
    # a natural hazard is a cause too, and a determiner opens no modifier of it
    ("During the week the heat wave struck, 600 people died.", "heat wave"),
    ("Two people were killed when a tornado hit the town.", "tornado"),
    # near miss: a place is no cause
    ("Two people died in the hospital.", None),
])
def test_a_fact_names_its_cause(text, expected):
    assert extract(text, published="2024-08-12")["casualties"][0]["cause"] == expected
