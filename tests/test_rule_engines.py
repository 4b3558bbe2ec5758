"""The casualty rulebook, the date rules, the number layer and the sentence splitter compile each pattern with
Python's ``re`` where it takes it, else with ``regex`` (``rulebook.compile_rule``): the two must find the same
matches, with the same groups, on every rule and trigger pattern — on the rules' own examples and near misses (the
date and number corpora for the others), and on texts built of their words in any casing, beside digits,
punctuation and letters outside ASCII whose case folding differs ("İ", "ß", the Kelvin sign), as the engine reads
them: its ``readable`` copy, where a character the two engines class differently (a combining accent, "½") has a
stand-in both read alike."""
import re as stdlib_re
from pathlib import Path

import regex
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine import date_anchors, dates, numbers, sentences
from service.engine.casualty_rulebook import RULES, TRIGGER_PATTERNS
from service.engine.readable import readable
from service.engine.rulebook import compile_rule, unmark

PATTERNS = [(rule.name, rule.regex) for rule in RULES] + \
    [(f"{cat}/{kind}", p) for cat, kinds in TRIGGER_PATTERNS.items() for kind, p in kinds.items() if p is not None] + \
    [(f"dates/{rule.name}", rule.pattern) for rule in dates.RULES] + \
    [(f"{module.__name__}.{name}", p) for module in (numbers, dates, sentences, date_anchors)
     for name, p in vars(module).items() if isinstance(p, stdlib_re.Pattern)]
_FLAGS = {stdlib_re.IGNORECASE: regex.IGNORECASE, stdlib_re.MULTILINE: regex.MULTILINE,
          stdlib_re.DOTALL: regex.DOTALL, stdlib_re.VERBOSE: regex.VERBOSE}
IN_RE = [(name, p, regex.compile(p.pattern, sum(theirs for ours, theirs in _FLAGS.items() if p.flags & ours)))
         for name, p in PATTERNS if isinstance(p, stdlib_re.Pattern)]  # (name, as re compiles it, as regex does)
DATE_CORPUS, NUMBER_CORPUS = (yaml.safe_load((Path(__file__).with_name("corpus") / f"{name}.yaml").read_text(
    encoding="utf-8")) for name in ("dates", "numbers"))
TEXTS = [unmark(t)[0] for rule in RULES for t in rule.examples + rule.near_misses] + \
    [case[0] for case in DATE_CORPUS["positives"] + DATE_CORPUS["sequences"]] + DATE_CORPUS["negatives"] + \
    [case["text"] for case in NUMBER_CORPUS["positives"]] + [
        case if isinstance(case, str) else case["text"] for case in NUMBER_CORPUS["negatives"]]
WORDS = sorted({w for t in TEXTS for w in t.split()}) + \
    ["İstanbul", "straße", "\u212a", "ſ", "Ünal", "٣", "—", "’s", "Jose\u0301", "1½", "km²", "a\u200db", "\x1c"]
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([str, str.upper, str.lower, str.title]),
                          st.sampled_from([" ", ", ", ". ", "\n", "-", " ("])), min_size=1, max_size=18).map(
    lambda parts: readable("".join(case(w) + sep for w, case, sep in parts)))


def _found(pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_most_rules_run_on_re_and_the_rest_on_regex():
    assert len(IN_RE) > 0.8 * len(PATTERNS)
    assert isinstance(compile_rule("man", regex.IGNORECASE | regex.VERSION1), regex.Pattern)  # a flag re lacks
    assert isinstance(compile_rule(r"(?<=\b(?:a|an)\s)man"), regex.Pattern)  # a look-behind of two lengths
    assert isinstance(compile_rule(r"(?i)man"), stdlib_re.Pattern)


def test_both_engines_read_the_rules_examples_alike():
    for name, pattern, twin in IN_RE:
        for text in TEXTS:
            assert _found(pattern, text) == _found(twin, text), (name, text)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_both_engines_read_any_text_of_the_rules_words_alike(text):
    for name, pattern, twin in IN_RE:
        assert _found(pattern, text) == _found(twin, text), name
        for at in range(0, len(text), 7):  # tried at a place, as the word index tries it
            a, b = pattern.match(text, at), twin.match(text, at)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, at)
