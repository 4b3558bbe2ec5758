"""Events across articles: the event corpus (tests/corpus/events.yaml), order independence, the endpoint and
`tally events`."""
import datetime as dt
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from service.engine import extract
from service.engine.events import build_events
from service.engine.events.profile import Profile
from service.engine.events.tolls import figure

CORPUS = yaml.safe_load((Path(__file__).with_name("corpus") / "events.yaml").read_text(encoding="utf-8"))["cases"]


def _events(reports):
    items = [(r["id"], r["text"], extract(r["text"], published=r["published"], doc_id=r["id"])) for r in reports]
    return build_events(items)


def _groups(events):
    return {frozenset(e["documents"]) for e in events}


@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c["name"])
def test_event_corpus(case):
    events = _events(case["reports"])
    assert sorted(d for e in events for d in e["documents"]) == sorted(r["id"] for r in case["reports"])
    groups = _groups(events)
    for expected in case.get("groups", []):
        assert frozenset(expected) in groups
    for apart in case.get("apart", []):
        assert not any(set(apart) <= g for g in groups)
    by_document = {d: e for e in events for d in e["documents"]}
    for doc, figures in (case.get("figures") or {}).items():
        got = {cat: entry["value"] for cat, entry in by_document[doc]["summary"].items()}
        assert {cat: got.get(cat) for cat in figures} == figures


def test_events_do_not_depend_on_the_input_order():
    reports = [r for case in CORPUS for r in case["reports"]]
    first = _events(reports)
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    assert _events(shuffled) == first


def test_an_event_id_is_stable_for_its_documents_and_the_series_is_in_order():
    case = CORPUS[0]
    (event,) = _events(case["reports"])
    assert event["id"] == _events(list(reversed(case["reports"])))[0]["id"]
    assert [p["value"] for p in event["series"]["killed"]] == [12, 37]
    assert event["summary"]["killed"]["min"] == 12 and event["summary"]["killed"]["max"] == 37


def test_the_endpoint_groups_and_reports_unreadable_documents(client):
    reports = CORPUS[2]["reports"] + [{"text": "no id here"}, {"id": "t1", "text": "a second t1"}, {"id": 5}]
    resp = client.post("/v1/events", json={"documents": reports})
    assert resp.status_code == 200
    body = resp.get_json()
    assert {frozenset(e["documents"]) for e in body["events"]} == {frozenset({"t1", "t3"}), frozenset({"t2"})}
    assert [(e["index"], e["reason"]) for e in body["errors"]] == [(3, "invalid_fields"), (4, "invalid_fields"),
                                                                   (5, "invalid_fields")]


def test_tally_events_writes_one_line_per_event(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r) for r in CORPUS[3]["reports"] + CORPUS[2]["reports"]] + ["{broken"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "service.cli", "events", str(path), "--quiet"], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    events, errors = [r for r in rows if "documents" in r], [r for r in rows if "error" in r]
    assert {frozenset(e["documents"]) for e in events} == {frozenset({"d1", "d2"}), frozenset({"t1", "t3"}),
                                                           frozenset({"t2"})}
    assert [(e["line"], e["error"]["reason"]) for e in errors] == [(6, "malformed_json")]


def _told(reports):
    """(profile, response) pairs as an event holds them, for the figure policy alone."""
    out = []
    for doc_id, published, text in reports:
        response = extract(text, published=published, doc_id=doc_id)
        out.append((Profile(doc_id, dt.date.fromisoformat(published), Counter(), Counter(), frozenset(),
                            frozenset(), {}, frozenset()), response))
    return out


def test_a_tied_vote_goes_to_the_figure_more_reports_tell_among_their_facts():
    reports = _told([
        ("a", "2022-05-14", "Two people were shot on Elm Street in Dunmore on Friday, police said."),
        ("b", "2022-05-15", "Three people were shot on Elm Street in Dunmore on Friday, police said."),
        ("c", "2022-05-15", "Five people were shot on Elm Street in Dunmore on Friday. Three of them were wounded "
                            "in the legs, police said."),
    ])
    assert figure(reports, "injured")["value"] == 3  # 2, 3, 5 once each as summaries; 3 also in c's facts
    # without that support, the later report's figure stands
    assert figure(reports[:2], "injured")["value"] == 3
    assert figure([reports[0], reports[2]], "injured")["value"] == 5


def test_an_event_names_the_perpetrator_its_reports_agree_on():
    story = ("Gunmen kill three in Harlow market\nGunmen opened fire in the Harlow market on Saturday, killing three "
             "traders, police said. Officers found the stalls of Mill Road riddled with bullets.")
    events = _events([{"id": "a", "published": "2024-03-10", "text": story},
                      {"id": "b", "published": "2024-03-10", "text": story + " The market stayed closed on Sunday."}])
    assert len(events) == 1 and events[0]["perpetrator"] == "Gunmen"
