"""The dateline: its place, its date, and where it ends (the story's own dates are not the dateline's)."""
import pytest

from service.engine import extract
from service.engine.dateline import find_dateline


@pytest.mark.parametrize("text, place, quoted", [
    ("KABUL, Afghanistan (Aug. 21) - A force conducted operations Friday.", "KABUL, Afghanistan",
     "KABUL, Afghanistan (Aug. 21) -"),
    ("TEHRAN, August 8 (Xinhua) --\n\nThe ministry on Saturday deplored the blast.", "Tehran", "TEHRAN, August 8 (Xinhua) --"),
    ("KABUL, Afghanistan (Jan. 25, 2013) \u2013 Forces killed two insurgents.", "KABUL, Afghanistan",
     "KABUL, Afghanistan (Jan. 25, 2013) \u2013"),
    ("WASHINGTON (AP) - Officials said on Aug. 3 that two men were held.", "Washington", "WASHINGTON (AP) -"),
])
def test_dateline_extent(text, place, quoted):
    d = find_dateline(text)
    assert d.place == place
    assert text[d.start:d.end] == quoted


def test_story_date_on_the_dateline_line_dates_the_facts():
    text = ("KABUL, Afghanistan (Aug. 21, 2010) - A patrol carried out a raid in the northern province "
            "Friday.   During the raid, several suspected militants were detained and two were killed.")
    facts = extract(text)["casualties"]
    assert [(f["category"], f["date"]["value"]) for f in facts] == [("arrested", "2010-08-20"), ("killed", "2010-08-20")]


def test_dateline_date_dates_a_fact_only_when_the_article_gives_no_event_date():
    text = "KABUL, Afghanistan (Aug. 21, 2010) - Two insurgents were killed in the operation."
    assert extract(text)["casualties"][0]["date"] == {"text": "Aug. 21, 2010", "value": "2010-08-21"}
    text = "date 2023-01-30 A bombing killed at least 28 people. It struck on Sunday."
    assert extract(text)["casualties"][0]["date"]["value"] == "2023-01-29"
    text = "date 2023-01-30 A bombing killed at least 28 people."
    assert extract(text)["casualties"][0]["date"] == {"text": "2023-01-30", "value": "2023-01-30"}
    # no dateline: no date
    assert extract("A bombing killed at least 28 people.", published="2023-01-30")["casualties"][0]["date"] is None


def test_headline_day_dated_by_the_release_number():
    text = ("July 10: Patrol Operations in Two Provinces\n\u2028Joint Command - Press Office\u20282010-07-CA-054 "
            "\u2028For Immediate Release\u2028 A patrol killed an armed man in the eastern province last night.")
    d = find_dateline(text)
    assert (d.date.isoformat(), text[d.start:d.end]) == ("2010-07-10", "July 10")
    result = extract(text)
    assert result["meta"]["published_source"] == "dateline"
    assert [(f["category"], f["date"]["value"]) for f in result["casualties"]] == [("killed", "2010-07-09")]


@pytest.mark.parametrize("text", [
    "July 10: Operations in Ghazni. A force killed two insurgents last night.",  # no year in the header
    "July 10: Operations in Ghazni. 2010-08-CA-054. A force killed two insurgents last night.",  # another month
])
def test_headline_day_without_its_year_is_no_dateline(text):
    assert find_dateline(text) is None
