"""``lexicon.alternation`` writes a word list as a trie; it must match what the flat alternation of the same words,
longest first, matches -- the same spans, in the same order, with the same groups -- wherever a pattern uses it:
alone, before more pattern that makes it back off to a shorter word, in either case, with or without boundaries."""
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.lexicon import LEXICON_DIR, alternation, flat_alternation, load

_WORDS = ["man", "men", "mankind", "police", "police officer", "police officers", "shot", "shot dead", "dead",
          "x-ray", "a", "an", "another", "o'clock", "U.S.", "St.", "no one", "one", "non-fatal", "fatal", "ma",
          "Mankind", "Man", "Afghan", "adult", "Dead", "deadly", "Taliban", "teen"]
_FILLERS = [" ", "  ", "\n", "-", ",", ".", "'", "s", "X", "9"]

word_lists = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8)
texts = st.lists(st.sampled_from(_WORDS + _FILLERS), max_size=14).map("".join)
cases = st.sampled_from([str, str.upper, str.title, str.lower])
# what follows the list in the pattern: nothing, a word that makes a longer list word give way to a shorter, a group
tails = st.sampled_from(["", r"\s+dead", r"(?P<rest>\s+\w+)?", r"kind", r"\b"])


def _found(pattern: str, text: str, flags: int):
    return [(m.span(), m.groups()) for m in regex.compile(pattern, flags).finditer(text)]


@settings(max_examples=800, deadline=None)
@given(word_lists, texts, cases, tails, st.booleans(), st.booleans())
def test_the_trie_matches_what_the_flat_alternation_matches(words, text, case, tail, boundary, ignore_case):
    flags = regex.IGNORECASE if ignore_case else 0
    text = case(text)
    trie, flat = alternation(words, boundary=boundary), flat_alternation(words, boundary=boundary)
    assert _found(f"(?P<w>{trie}){tail}", text, flags) == _found(f"(?P<w>{flat}){tail}", text, flags)
    # inside a look-behind, matched backwards
    assert _found(rf"(?<={trie}\s)\w+", text, flags) == _found(rf"(?<={flat}\s)\w+", text, flags)


def test_a_word_before_a_longer_one_that_shares_its_beginning_is_tried_after_it():
    assert regex.match(alternation(["police", "police officer"]), "police officer said").group() == "police officer"
    assert regex.match(alternation(["police", "police officer"]) + r"\s+officer", "police officer").group() == \
        "police officer"  # the longer word gives way where the rest of the pattern needs its tail


def test_words_alike_but_for_case_or_outside_ascii_are_written_flat():
    assert alternation(["Dead", "dead"]) == flat_alternation(["Dead", "dead"])
    assert alternation(["Dead", "deadly"]) == flat_alternation(["Dead", "deadly"])
    assert alternation(["Afghan", "adult", "adults"]) != flat_alternation(["Afghan", "adult", "adults"])  # a trie
    assert alternation(["José", "Jose"]) == flat_alternation(["José", "Jose"])
    assert alternation(["man", "men"]) != flat_alternation(["man", "men"])  # the trie: m(?:an|en)


def test_every_word_list_of_the_lexicon_matches_as_written_flat():
    """Each list of words in lexicon/*.yaml, on a text of its own words run together and apart."""
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        for words in _word_lists(load(path.stem)):
            text = " ".join(words) + " " + "-".join(words[:20]) + " " + "".join(words[:20])
            for written, flags in ((text, 0), (text.upper(), regex.IGNORECASE)):
                for tail in ("", r"\s+\w+", r"\b"):
                    assert _found(alternation(words) + tail, written, flags) == \
                        _found(flat_alternation(words) + tail, written, flags), (path.stem, words[:5])


def _word_lists(node):
    if isinstance(node, dict):
        flat_table = not any(isinstance(v, (dict, list)) for v in node.values())
        if node and all(isinstance(k, str) for k in node) and flat_table:
            yield sorted(node)  # a table: its keys are the words
        for value in node.values():
            yield from _word_lists(value)
    elif isinstance(node, list) and node and all(isinstance(w, str) for w in node):
        yield node
