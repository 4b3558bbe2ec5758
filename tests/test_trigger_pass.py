"""The one pass over a sentence's words (each trigger pattern tried only where one of its triggers' first words
stands) finds exactly what running every pattern's finditer finds: any casing, hyphens, apostrophes, digits,
non-ASCII words, triggers inside triggers."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine.casualties import find_triggers
from service.engine.lexicon import load

TRIGGERS = sorted({str(w) for spec in load("casualty_triggers")["categories"].values()
                   for kind in ("passive", "active", "nouns", "tolls") for w in spec.get(kind) or []})
FILLERS = ["the", "police", "said", "3", "people", "non-", "self-", "’s", "'s", "-", ",", ".", "(", "Ünal", "José",
           "ſhot", "KILLED", "k", "shot-dead", "pre", "x"]
word = st.one_of(st.sampled_from(TRIGGERS), st.sampled_from(FILLERS),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6))
CASES = {"upper": str.upper, "lower": str.lower, "title": str.title, "same": str}
sentence = st.lists(st.tuples(word, st.sampled_from(sorted(CASES)), st.sampled_from([" ", "", "-", "  ", "\n"])),
                    max_size=14).map(lambda parts: "".join(CASES[case](w) + sep for w, case, sep in parts))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence)
def test_one_pass_finds_what_every_pattern_finds(text):
    assert find_triggers(text, 0, len(text)) == find_triggers(text, 0, len(text), one_pass=False)


def test_one_pass_on_known_sentences():
    for text in ["Two men were SHOT DEAD on Friday.", "A teen was shot-dead, police said.",
                 "The storm's death toll rose to 12.", "Crews rescued 40 people; 12 remain missing.",
                 "He was shot and killed, shot, and shot dead; killed killed.", "shot shot shot dead"]:
        found = find_triggers(text, 0, len(text))
        assert found and found == find_triggers(text, 0, len(text), one_pass=False)
    assert find_triggers("The council met on Friday.", 0, 26) == []
