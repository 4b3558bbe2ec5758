"""Sentence boundaries: offsets exact, abbreviations kept, lost spaces after a full stop restored."""
import pytest

from service.engine.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Two men died. Police said three were hurt.", ["Two men died.", "Police said three were hurt."]),
    ("The U.S. Embassy in Kenya was hit on Oct. 7 last year.", ["The U.S. Embassy in Kenya was hit on Oct. 7 last year."]),
    ("Gen. Smith spoke. He said 12 died.", ["Gen. Smith spoke.", "He said 12 died."]),
    ("Headline Without A Stop\nThe story begins here.", ["Headline Without A Stop", "The story begins here."]),
    # a space lost after the full stop
    ("He was shot in the neighborhood.Maurice Harris faces charges.",
     ["He was shot in the neighborhood.", "Maurice Harris faces charges."]),
    ('"I lost too many kids."The motive was revenge.', ['"I lost too many kids."', "The motive was revenge."]),
    ("He was hurt in a weekend shooting.A 14-year-old girl came in.",
     ["He was hurt in a weekend shooting.", "A 14-year-old girl came in."]),
    # a citation mark after the full stop (encyclopaedia text)
    ("The toll was 128.[1] The effects were wide.[2][3]Rains fell.",
     ["The toll was 128.[1]", "The effects were wide.[2][3]", "Rains fell."]),
    # ... but not inside names and addresses
    ("Read more at WRCBtv.com today. Mrs. Smith said so.", ["Read more at WRCBtv.com today.", "Mrs. Smith said so."]),
])
def test_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected
