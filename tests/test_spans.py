"""``spans.Spans`` answers what a walk over every kept span answers."""
from hypothesis import given
from hypothesis import strategies as st

from service.engine.spans import Spans

SPAN = st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(SPAN, max_size=30))
def test_overlaps_as_a_walk_over_every_span_answers(candidates):
    kept, spans = [], Spans()
    for a, b in candidates:
        walked = any(s < b and a < e for s, e in kept)
        assert spans.overlaps(a, b) == walked
        if not walked:
            kept.append((a, b))
            spans.add(a, b)


def test_spans_start_from_non_overlapping_ones_in_any_order():
    spans = Spans([(10, 12, "phone"), (0, 4, "date")])
    assert spans.overlaps(3, 5) and spans.overlaps(11, 20) and not spans.overlaps(4, 10) and not spans.overlaps(12, 13)
