"""The command line: extract and batch give the same response as HTTP."""
import json
import subprocess
import sys

from schemas import ExtractResponseSchema
from tests.test_api import ARTICLE


def _strip(resp):
    resp = dict(resp)
    resp["meta"] = {k: v for k, v in resp["meta"].items() if k != "elapsed_ms"}
    return resp


def _tally(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "service.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_extract_batch_and_http_agree(client, tmp_path):
    http = client.post("/v1/extract", json={"text": ARTICLE, "published": "2013-01-25", "id": "a"}).get_json()
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli = _tally("extract", str(path), "--published", "2013-01-25", "--id", "a")
    assert cli.returncode == 0, cli.stderr
    one = json.loads(cli.stdout)
    line = json.dumps({"id": "a", "text": ARTICLE, "published": "2013-01-25"})
    batch = _tally("batch", stdin=line + "\n")
    assert batch.returncode == 0, batch.stderr
    many = json.loads(batch.stdout.splitlines()[0])
    assert _strip(http) == _strip(one) == _strip(many)
    assert ExtractResponseSchema().validate(one) == {}


def test_batch_bad_lines_yield_errors_and_the_rest_go_on(tmp_path):
    lines = ['{"id": "1", "text": "Two people died."}', "{not json", '{"id": "3", "text": 7}', "[1, 2]",
             '{"id": "5", "text": "Police arrested four men."}', '{"text": ' + "[" * 5000 + "]" * 5000 + "}",
             '{"text": "x", "id": ' + "9" * 5000 + "}"]
    out = tmp_path / "out.jsonl"
    res = _tally("batch", "-", "-o", str(out), stdin="\n".join(lines) + "\n")
    assert res.returncode == 0
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 7
    assert [r.get("id") for r in rows] == ["1", None, "3", None, "5", None, None]
    assert [r["error"]["reason"] for r in rows if "error" in r] == ["malformed_json", "invalid_fields",
                                                                     "invalid_fields", "malformed_json",
                                                                     "malformed_json"]
    assert rows[4]["summary"]["arrested"]["value"] == 4


def test_extract_rejects_bad_published():
    res = _tally("extract", "-", "--published", "yesterday", stdin="Two died.")
    assert res.returncode == 2 and "published" in res.stderr


def test_unreadable_inputs_are_one_clean_line(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe\x00")
    for args in (["batch", str(tmp_path / "missing.jsonl")], ["batch", str(tmp_path)], ["batch", str(binary)],
                 ["extract", str(tmp_path / "missing.txt")], ["events", str(tmp_path)]):
        res = _tally(*args)
        assert res.returncode == 2, (args, res.stderr)
        assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
        assert res.stderr.startswith(f"tally {args[0]}: ")


def test_fail_on_error_exits_non_zero_when_a_line_failed():
    lines = '{"id": "1", "text": "Two people died."}\n{broken\n'
    assert _tally("batch", "--quiet", stdin=lines).returncode == 0  # every line answered: by default, success
    assert _tally("batch", "--quiet", "--fail-on-error", stdin=lines).returncode == 1
    assert _tally("batch", "--quiet", "--fail-on-error", stdin=lines.splitlines()[0] + "\n").returncode == 0
    assert _tally("events", "--quiet", "--fail-on-error", stdin=lines).returncode == 1


def test_quiet_prints_nothing():
    res = _tally("batch", "--quiet", stdin='{"id": "1", "text": "Two people died."}\n')
    assert res.returncode == 0 and res.stderr == ""


def test_extract_explain_lists_the_vetoes():
    res = _tally("extract", "-", "--explain", "--compact", stdin="The storm could kill thousands.")
    body = json.loads(res.stdout)
    assert body["response"]["casualties"] == []
    assert [(v["veto"], v["text"]) for v in body["vetoes"]] == [("hypothetical", "thousands")]
