"""The README's dashboard recipes end to end: a day of articles through the batch endpoint as the summary feed
(CSV), then deaths per day charted with matplotlib; and deaths per day by event."""
import csv
import importlib.util
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("deaths_per_day", ROOT / "scripts" / "deaths_per_day.py")
recipe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recipe)


def test_recipe_charts_deaths_per_day(tmp_path, monkeypatch):
    from service.app import create_app
    client = create_app({"TESTING": True, "RATE_LIMIT": "off"}).test_client()
    batch = json.loads((ROOT / "examples" / "batch.json").read_text())
    resp = client.post("/v1/extract/batch?format=csv&feed=summary&hxl=1", json=batch)
    assert resp.status_code == 200 and resp.headers["X-Tally-Errors"] == "0"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    per_day = recipe.deaths_per_day(rows)
    assert per_day["2024-03-04"] == 9  # the bus crash on Monday
    assert per_day["2024-03-05"] == 4  # the warehouse explosion on Tuesday
    csv_path = tmp_path / "facts.csv"
    csv_path.write_text(resp.get_data(as_text=True))
    png = tmp_path / "deaths.png"
    monkeypatch.setattr("sys.argv", ["deaths_per_day.py", str(csv_path), "-o", str(png)])
    recipe.main()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


_spec2 = importlib.util.spec_from_file_location("event_deaths", ROOT / "scripts" / "event_deaths_per_day.py")
event_recipe = importlib.util.module_from_spec(_spec2)
_spec2.loader.exec_module(event_recipe)


def test_event_recipe_counts_each_incident_once(tmp_path, monkeypatch):
    events = [{"documents": ["a", "b"], "date": "2024-03-02", "summary": {"killed": {"value": 21}}},
              {"documents": ["c"], "date": None, "first_published": "2024-03-02", "summary": {"killed": {"value": 2}}},
              {"documents": ["d"], "date": "2024-03-04", "summary": {"injured": {"value": 5}}}]
    assert event_recipe.deaths_per_day(events) == {"2024-03-02": 23}
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events) + '{"line": 9, "error": {}}\n')
    png = tmp_path / "chart.png"
    monkeypatch.setattr("sys.argv", ["event_deaths_per_day.py", str(path), "-o", str(png)])
    event_recipe.main()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
