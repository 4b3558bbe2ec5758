"""Figures with units: quantulum3's readings as the engine corrects them."""
import json
import os
import subprocess
import sys

import pytest

from service.engine import extract


@pytest.mark.parametrize("text, expected", [
    ("The road is 3 km long and costs rose 12%.", [("3 km", "kilometre"), ("12%", "percentage")]),
    ("He paid $2,000 in 2023.", [("$2,000", "dollar")]),  # the year is no quantity
    ("Aetna had a $15 million tax credit.", [("$15 million", "dollar")]),
    # the words of a range before the figure are its own
    ("The wall was three to four feet high.", [("three to four feet", "foot")]),
])
def test_quantities(text, expected):
    assert [(q["text"], q["unit"]) for q in extract(text, published="2024-08-12")["quantities"]] == expected


def test_a_span_that_ends_inside_a_word_is_cut_before_it_whatever_the_hash_seed():
    """With PYTHONHASHSEED=0 quantulum3 reads "$15 million ta" (unit "dollar unk") out of "$15 million tax"."""
    code = ("import json; from service.engine import extract; "
            "print(json.dumps([(q['text'], q['unit']) for q in "
            "extract('Aetna had a $15 million tax credit.', published='2024-08-12')['quantities']]))")
    for seed in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert json.loads(out.stdout) == [["$15 million", "dollar"]]
