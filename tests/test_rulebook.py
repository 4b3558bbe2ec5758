"""One test walks every rule of the casualty rulebook (service/engine/lexicon/casualty_rules.yaml): each fires on
its examples and on none of its near misses; and the loader's own promises."""
import pytest
import regex

from service.engine.casualty_rulebook import RULES
from service.engine.rulebook import Rulebook, unmark, words_of

CASES = [(rule.name, "example", text) for rule in RULES for text in rule.examples] + \
        [(rule.name, "near miss", text) for rule in RULES for text in rule.near_misses]


@pytest.mark.parametrize("name, kind, text", CASES, ids=[f"{n}: {t}" for n, _, t in CASES])
def test_rule_reads_its_examples(name, kind, text):
    rule = RULES.rules[name]
    assert rule.fires_on(text) == (kind == "example"), f"{name} ({rule.applies}) on {kind} {text!r}"


def test_every_rule_has_a_doc_an_example_and_a_near_miss():
    lacking = [r.name for r in RULES if not (r.doc and r.examples and r.near_misses)]
    assert not lacking


def test_a_rule_is_reached_by_its_name():
    assert RULES.subject_gap is RULES.rules["subject_gap"].regex
    with pytest.raises(AttributeError):
        RULES.no_such_rule  # noqa: B018


def test_unmark_gives_the_text_and_the_window():
    assert unmark("two[ were ]killed") == ("two were killed", (3, 9))
    assert unmark("no window") == ("no window", None)


def _book(tmp_path, monkeypatch, text):
    from service.engine import lexicon
    (tmp_path / "book.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    lexicon.load.cache_clear()
    try:
        return Rulebook("book", {"verbs": ["shot", "killed"], "nouns": {"deaths": "killed"}})
    finally:
        lexicon.load.cache_clear()


def test_macros_expand_to_word_lists_and_pieces(tmp_path, monkeypatch):
    book = _book(tmp_path, monkeypatch, """
pieces:
  gap: '(?:\\w+\\s+){0,2}'
rules:
  verb: {pattern: '@verbs', examples: [], near_misses: []}
  bare: {pattern: '@verbs/bare', examples: [], near_misses: []}
  raw: {pattern: '@verbs/raw', examples: [], near_misses: []}
  both: {pattern: '@verbs+nouns', examples: [], near_misses: []}
  braced: {pattern: '@{gap}x', case: sensitive, examples: [], near_misses: []}
  lines:
    pattern: |-
      a
      b
    examples: []
    near_misses: []
""")
    assert book.verb.pattern == r"(?:\bkilled\b|\bshot\b)"
    assert book.bare.pattern == r"(?:killed|shot)"
    assert book.raw.pattern == "shot|killed"
    assert book.both.pattern == r"(?:\bdeaths\b|\bkilled\b|\bshot\b)"  # longest first, then in order
    assert book.braced.pattern == r"(?:\w+\s+){0,2}x" and not book.braced.flags & regex.IGNORECASE
    assert book.verb.flags & regex.IGNORECASE
    assert book.lines.pattern == "ab"


def test_an_unknown_macro_is_an_error(tmp_path, monkeypatch):
    with pytest.raises(KeyError, match="nothing"):
        _book(tmp_path, monkeypatch, "rules:\n  r: {pattern: '@nothing', examples: [], near_misses: []}\n")


def test_a_piece_may_not_refer_to_itself(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="itself"):
        _book(tmp_path, monkeypatch, "pieces:\n  p: 'a@p'\nrules:\n  r: {pattern: '@p', examples: [], near_misses: []}\n")


# The rules whose name a fact carries in its `rule` field: each example, extracted whole, gives a fact of that rule;
# no near miss does.
FACT_RULES = ("subject_gap", "who_gap", "relative_gap", "appositive_gap", "coordinated_subject",
              "coordinated_passive_gap", "locative_subject", "object_gap", "coordinated_object",
              "coordinated_count_object", "coordinated_object_far", "noun_gap", "toll_link", "qualified_toll_gap",
              "including", "aside_open", "of_them_after", "ordinal_killing", "caused_single_death", "gun_on_self",
              "multiple_shooting", "negated_noun", "reflexive_conjunct")
FACT_CASES = [(name, kind, text) for name, kind, text in CASES if name in FACT_RULES]


@pytest.mark.parametrize("name, kind, text", FACT_CASES, ids=[f"{n}: {t}" for n, _, t in FACT_CASES])
def test_a_fact_names_the_rule_that_made_it(name, kind, text):
    from service.engine import extract
    plain, _ = unmark(text)
    rules = [f["rule"] for f in extract(plain, published="2024-08-12")["casualties"]]
    assert (name in rules) == (kind == "example"), f"{name} on {kind} {plain!r}: facts by {rules}"


def test_every_link_rule_is_in_the_rulebook_and_names_facts():
    from service.engine.casualties import LINK_RULES
    names = [n for kind in LINK_RULES.values() for n in kind]
    assert set(names) <= set(RULES.rules)
    assert set(names) <= set(FACT_RULES)


def _facts(text):
    from service.engine import extract
    return [(f["category"], f["count"]["value"]) for f in extract(text, published="2024-08-12")["casualties"]]


@pytest.mark.parametrize("text, facts", [
    ("He was shot.", [("injured", 1)]),  # pronouns: injured takes them
    ("He was detained.", []),  # ... arrested does not
    ("Insurgents were detained.", [("arrested", 2)]),  # bare_plurals: arrested takes them
    ("Insurgents were wounded.", []),  # ... injured does not
    ("The two passengers were not hurt.", [("injured", 0)]),  # stated_zeros: injured states them
    ("Two men were not detained.", []),  # ... arrested does not
])
def test_the_category_flags_decide_what_may_count(text, facts):
    """The flags of casualty_triggers.yaml's category blocks (pronouns, bare_plurals, stated_zeros), not code."""
    assert _facts(text) == facts


def test_a_rule_that_needs_a_word_is_not_scanned_where_none_stands(tmp_path, monkeypatch):
    book = _book(tmp_path, monkeypatch, """
rules:
  possessive: {pattern: "\\\\w+'s\\\\s+(?=@verbs)", needs: [verbs], examples: [], near_misses: []}
""")
    rule = book.rules["possessive"]
    assert rule.needed_words == {"shot", "killed"}
    for text in ["the man's shot rang out", "the man's dog barked"]:
        words = words_of(text, 0, len(text))
        assert [m.span() for m in rule.scan(text, 0, len(text), words)] == \
            [m.span() for m in rule.regex.finditer(text)]
    assert rule.scan("the man's dog barked", 0, 20, words_of("the man's dog barked", 0, 20)) == []
