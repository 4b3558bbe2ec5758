"""Catastrophic-backtracking shapes against every pattern of the engine: each search must finish well
inside a second (the `regex` module's timeout raises otherwise; a rule compiled by Python's `re`, which has no
timeout, is timed in a child process that is stopped if it runs away), and whole texts made of these shapes
are read within a bound."""
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from service.engine import casualty_rulebook, date_anchors, dateline, dates, extract, numbers, quantities, sentences

SHAPES = {
    "word run": "a" * 300,
    "word run, then a mismatch": "a" * 300 + "!",
    "spaced words": "a " * 150,
    "dots": "a." * 150,
    "hyphens": "a-" * 150,
    "digits": "1" * 300,
    "digit groups": "1," * 150,
    "apostrophes": "a'" * 150,
    "capitalised words": "Aa " * 100,
    "number words": "one two " * 40,
    "spaces then letter": " " * 300 + "a",
    "newlines": "a\n" * 150,
}


def _patterns():
    for module in (casualty_rulebook, date_anchors, dateline, dates, numbers, quantities, sentences):
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                yield f"{module.__name__.rsplit('.', 1)[1]}.{name}", value
    for rule in dates.RULES:
        yield f"dates.RULES[{rule.name}]", rule.pattern
    for rule in casualty_rulebook.RULES:
        yield f"casualty_rules.{rule.name}", rule.regex
    for cat, kinds in casualty_rulebook.TRIGGER_PATTERNS.items():
        for kind, pattern in kinds.items():
            if pattern is not None:
                yield f"triggers.{cat}.{kind}", pattern


ALL = dict(_patterns())
PATTERNS = {name: p for name, p in ALL.items() if isinstance(p, regex.Pattern)}
IN_RE = sorted(name for name, p in ALL.items() if isinstance(p, re.Pattern))

_TIME_IN_RE = """
import json, sys, time
sys.path[:0] = sys.argv[1:3]
import test_pathological as t
worst = {}
for name in t.IN_RE:
    pattern = t.ALL[name]
    for shape, text in t.SHAPES.items():
        started = time.perf_counter()
        pattern.search(text)
        list(pattern.finditer(text))
        worst[name] = max(worst.get(name, 0.0), time.perf_counter() - started)
print(json.dumps(worst))
"""


def test_no_rule_compiled_by_re_backtracks_catastrophically():
    here = str(Path(__file__).parent)
    done = subprocess.run([sys.executable, "-c", _TIME_IN_RE, here, str(Path(here).parent)], capture_output=True,
                          text=True, timeout=300, check=True)
    worst = json.loads(done.stdout)
    assert set(worst) == set(IN_RE) and IN_RE
    assert not {name: round(s, 2) for name, s in worst.items() if s > 1.0}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_pattern_backtracks_catastrophically(name):
    pattern = PATTERNS[name]
    for shape, text in SHAPES.items():
        try:
            pattern.search(text, timeout=1.0)
            list(pattern.finditer(text, timeout=1.0))
        except TimeoutError:  # pragma: no cover - the failure this test exists for
            pytest.fail(f"{name} exceeded 1 s on {shape!r}")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_whole_texts_of_pathological_shapes_return_within_a_bound(shape):
    text = (SHAPES[shape] + " killed. ") * 200
    started = time.monotonic()
    extract(text, published="2024-08-12", timeout=10)
    assert time.monotonic() - started < 10
