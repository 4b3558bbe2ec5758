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


def test_the_indexed_disambiguation_chooses_as_quantulum3_does():
    """``quantulum_index.disambiguate`` stands in for quantulum3's own: the same unit for every ambiguous surface,
    in texts that favour one reading, the other, or none."""
    from quantulum3 import load

    from service.engine import quantulum_index
    from service.engine.quantities import warm_up

    warm_up()  # installs the index
    original = quantulum_index.REPLACED["disambiguate_no_classifier"]
    units = load.units("en_US")
    ambiguous = [(surface, base) for table in (units.surfaces, units.symbols)
                 for surface, base in table.items() if len(base) > 1]
    assert len(ambiguous) > 20
    texts = ["", "He weighed 200 pounds.", "The bill was 20 pounds sterling in London.", "a 5 m wall, 3 m deep",
             "the temperature fell to 5 degrees", "the angle was 30 degrees", "he ran 3 miles an hour",
             "cost 40 cents per kilowatt hour of power"]
    for surface, base in ambiguous:
        entities = sorted(base, key=lambda u: u.name)
        for text in texts + [f"about 3 {surface} of it"]:
            assert quantulum_index.disambiguate(entities, text) is original(entities, text), (surface, text)
