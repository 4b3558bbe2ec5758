"""The HXL feeds pass libhxl's validation (its default schema: numbers under #affected, dates under #date),
with each category's figure under its own #affected attribute."""
import hxl
import pytest

TEXTS = [
    "At least 93 people died Saturday when an airstrike hit a school in Gaza City, officials said.",
    "Floods this autumn left 1,200 people homeless; about 3,000 were evacuated and 12 are missing.",
    "Gunmen abducted 20 students last week. Police arrested three suspects on Friday. No one was hurt.",
    "The storm killed 14 people in the north, including two children, and injured dozens.",
]


def _validate(tmp_path, body: str):
    path = tmp_path / "feed.csv"
    path.write_text(body, encoding="utf-8")
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    problems = []
    valid = hxl.schema(callback=problems.append).validate(source)
    return valid, problems, hxl.data(str(path), hxl.InputOptions(allow_local=True))


@pytest.mark.parametrize("feed", ["facts", "summary"])
def test_hxl_feed_is_valid(client, tmp_path, feed):
    docs = [{"id": f"d{i}", "text": t, "published": "2024-08-12"} for i, t in enumerate(TEXTS)]
    docs.append({"id": "bad", "text": 3})  # a row with its error, and no figure
    resp = client.post(f"/v1/extract/batch?format=csv&hxl=1&feed={feed}", json={"documents": docs})
    valid, problems, source = _validate(tmp_path, resp.get_data(as_text=True))
    assert valid and problems == []
    tags = {str(c.get_display_tag()) for c in source.columns}
    assert {"#affected+killed", "#affected+missing", "#affected+displaced", "#date+occurred"} <= tags
    killed = [row.get("#affected+killed") for row in source]
    assert "93" in killed


def test_an_invalid_feed_is_caught_by_the_validation(tmp_path):
    """The check can fail: a text under #affected is an error."""
    valid, problems, _ = _validate(tmp_path, "a,b\n#affected+killed,#date+occurred\nexact,2024-FA\n")
    assert not valid and len(problems) == 2
