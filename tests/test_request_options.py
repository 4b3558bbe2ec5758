"""What a caller may ask beyond the facts: only some categories, UTF-16 offsets, the publication's time zone;
and what the answer says of its text: its language, with a warning when Tally cannot read it."""
import pytest

TEXT = "Two people were killed and 14 injured at 10 a.m. Saturday in Harlow; police arrested three men."


def _post(client, **body):
    resp = client.post("/v1/extract", json={"text": TEXT, "published": "2024-08-12", **body})
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()


def test_categories_keep_only_those_facts_and_figures(client):
    every = _post(client)
    assert {f["category"] for f in every["casualties"]} == {"killed", "injured", "arrested"}
    some = _post(client, categories=["killed", "arrested"])
    assert {f["category"] for f in some["casualties"]} == {"killed", "arrested"}
    assert set(some["summary"]) == {"killed", "arrested"}


@pytest.mark.parametrize("categories", [["dead"], [], "killed"])
def test_unknown_or_empty_categories_are_422(client, categories):
    resp = client.post("/v1/extract", json={"text": TEXT, "categories": categories})
    assert resp.status_code == 422 and "categories" in resp.get_json()["errors"]


def test_utf16_offsets_count_astral_characters_twice(client):
    text = "🙂👨‍👩‍👧 At least 93 people died on Saturday."
    plain = client.post("/v1/extract", json={"text": text, "published": "2024-08-12"}).get_json()
    js = client.post("/v1/extract", json={"text": text, "published": "2024-08-12", "offsets": "utf16"}).get_json()
    fact, js_fact = plain["casualties"][0], js["casualties"][0]
    assert text[fact["start"]:fact["end"]] == "At least 93" == js_fact["text"]
    utf16 = text.encode("utf-16-le")
    assert utf16[2 * js_fact["start"]:2 * js_fact["end"]].decode("utf-16-le") == "At least 93"
    assert js_fact["start"] == fact["start"] + 4  # four astral code points before it
    assert (plain["meta"]["offsets"], js["meta"]["offsets"]) == ("code_points", "utf16")
    js_date = js["dates"][0]
    assert utf16[2 * js_date["start"]:2 * js_date["end"]].decode("utf-16-le") == js_date["text"] == "Saturday"


def test_times_keep_the_publication_offset(client):
    local = _post(client, published="2024-08-12T09:30:00+03:00")
    times = [d for d in local["dates"] if d["type"] == "TIME"]
    assert times and all(d["value"].endswith("+03:00") for d in times)
    utc = _post(client, published="2024-08-12T09:30:00Z")
    assert all(d["value"].endswith("Z") for d in utc["dates"] if d["type"] == "TIME")
    plain = _post(client)
    assert all(d["value"][-1].isdigit() for d in plain["dates"] if d["type"] == "TIME")
    assert local["published"] == "2024-08-12"


@pytest.mark.parametrize("text, language, warned", [
    (TEXT, "en", False),
    ("Al menos 93 personas murieron el sábado cuando un ataque aéreo alcanzó una escuela en la ciudad de Gaza.",
     "und", True),
    ("Mindestens 93 Menschen starben am Samstag, als ein Luftangriff eine Schule in Gaza-Stadt traf.", "und", True),
    ("Two died.", "und", False),  # too short to tell: no warning
])
def test_language_and_its_warning(client, text, language, warned):
    meta = client.post("/v1/extract", json={"text": text}).get_json()["meta"]
    assert meta["language"] == language
    assert bool(meta.get("warnings")) == warned
