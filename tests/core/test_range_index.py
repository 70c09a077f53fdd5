"""The index the panes paint from, against brute force."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.coding.range_index import RangeIndex
from desktop.core.models import Span

ranges = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 25)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(ranges, ranges, st.data())
def test_overlapping_matches_brute_force(
    first: list[tuple[int, int]], later: list[tuple[int, int]], data: st.DataObject
) -> None:
    spans = [Span(i, 1, "project", s, s + n, "", 0, 0, "") for i, (s, n) in enumerate(first + later)]
    index = RangeIndex((s.start, s.end, s) for s in spans[: len(first)])
    # Spans arrive one at a time (tagging) and in batches (pages read while idle).
    for span in spans[len(first) : len(first) + len(later) // 2]:
        index.add(span.start, span.end, span)
    index.add_many((s.start, s.end, s) for s in spans[len(first) + len(later) // 2 :])
    removed = data.draw(st.sets(st.sampled_from([s.id for s in spans]))) if spans else set()
    for span_id in removed:
        assert index.discard(span_id) is not None
    kept = [s for s in spans if s.id not in removed]
    assert len(index) == len(kept)
    a = data.draw(st.integers(0, 70))
    b = data.draw(st.integers(a, 80))
    expected = sorted((max(s.start, a), min(s.end, b), s.id) for s in kept if min(s.end, b) > max(s.start, a))
    assert sorted((left, right, s.id) for left, right, s in index.overlapping(a, b)) == expected  # type: ignore[union-attr]
