"""The per-line index the panes paint from, against brute force."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.line_index import LineSpanIndex
from desktop.core.models import Span

spans_strategy = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 25)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.text("ab\n", max_size=40), spans_strategy, st.data())
def test_line_index_matches_brute_force(text: str, raw: list[tuple[int, int]], data: st.DataObject) -> None:
    spans = [
        Span(i, 1, "project", s, min(s + n, len(text)), "", 0, 0, "") for i, (s, n) in enumerate(raw) if s < len(text)
    ]
    index = LineSpanIndex(text, [(s.start, s.end, s) for s in spans])
    removed = data.draw(st.sets(st.sampled_from([s.id for s in spans]))) if spans else set()
    for span_id in removed:
        assert index.discard(span_id) is not None
    kept = [s for s in spans if s.id not in removed]
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for line, line_start in enumerate(starts):
        line_end = text.find("\n", line_start) if "\n" in text[line_start:] else len(text)
        expected = sorted(
            (max(s.start, line_start) - line_start, min(s.end, line_end) - line_start, s.id)
            for s in kept
            if min(s.end, line_end) > max(s.start, line_start)
        )
        got = sorted((a, b, s.id) for a, b, s in index.line_spans(line))
        assert got == expected
