"""The dateline: its place, its date, and where it ends (the story's own dates are not the dateline's)."""
import pytest

from service.engine import extract
from service.engine.dateline import find_dateline


@pytest.mark.parametrize("text, place, quoted", [
    ("KABUL, Afghanistan (Aug. 21) - A force conducted operations Friday.", "KABUL, Afghanistan",
     "KABUL, Afghanistan (Aug. 21) -"),
    ("TEHRAN, August 8 (Xinhua) --\n\nIran Saturday condemned the bombing.", "Tehran", "TEHRAN, August 8 (Xinhua) --"),
    ("KABUL, Afghanistan (Jan. 25, 2013) \u2013 Forces killed two insurgents.", "KABUL, Afghanistan",
     "KABUL, Afghanistan (Jan. 25, 2013) \u2013"),
    ("WASHINGTON (AP) - Officials said on Aug. 3 that two men were held.", "Washington", "WASHINGTON (AP) -"),
])
def test_dateline_extent(text, place, quoted):
    d = find_dateline(text)
    assert d.place == place
    assert text[d.start:d.end] == quoted


def test_story_date_on_the_dateline_line_dates_the_facts():
    text = ("KABUL, Afghanistan (Aug. 21, 2010) - A security force conducted operations in Kunduz province "
            "Friday.   During the operation, several suspected insurgents were detained and two were killed.")
    facts = extract(text)["casualties"]
    assert [(f["category"], f["date"]["value"]) for f in facts] == [("arrested", "2010-08-20"), ("killed", "2010-08-20")]


def test_dateline_date_is_not_an_event_date():
    text = "KABUL, Afghanistan (Aug. 21, 2010) - Two insurgents were killed in the operation."
    assert extract(text)["casualties"][0]["date"] is None
