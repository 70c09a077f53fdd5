"""Find in both scripts and the spans under a point, in either script."""

from __future__ import annotations

from desktop.core.coding.annotating import find_all, spans_at
from desktop.core.document import Document
from desktop.core.models import Script, Span, ranges_in


def test_find_in_either_script(document: Document) -> None:
    text = document.article.text
    start = text.index("产业园")
    assert find_all(document, "產業園") == [(start, start + 3)]
    assert find_all(document, "产业园") == [(start, start + 3)]
    # A phrase the original splits with a pinyin note is still found through the original.
    assert find_all(document, "創(chuàng)業") == [(3, 5)]
    assert find_all(document, "  ") == []


def test_spans_at_shortest_first() -> None:
    wide = Span(1, 1, "project", 0, 10, "x" * 10, 0, 10, "x" * 10)
    narrow = Span(2, 1, "target", 4, 6, "xx", 4, 6, "xx")
    assert spans_at([wide, narrow], 5) == [narrow, wide]
    assert spans_at([wide, narrow], 10) == []


def test_spans_at_a_point_of_the_original() -> None:
    # In the original a pinyin note makes the first span wider than it is in the Simplified text.
    noted = Span(1, 1, "project", 0, 2, "创业", 0, 17, "創(chuàng)業(yè)")
    inner = Span(2, 1, "target", 1, 2, "业", 9, 17, "業(yè)")
    assert spans_at([noted, inner], 12, Script.ORIGINAL) == [inner, noted]
    assert spans_at([noted, inner], 3, Script.ORIGINAL) == [noted]
    assert spans_at([noted, inner], 3) == []
    assert spans_at([noted, inner], 17, Script.ORIGINAL) == []


def test_ranges_in_either_script_agree_with_each_span(document: Document) -> None:
    spans = [document.span_at(3, 7, "project", "li"), document.span_at(15, 18, "target", "li")]
    for script in Script:
        assert ranges_in(spans, script) == [(*span.range_in(script), span) for span in spans]
    assert ranges_in(spans, Script.ORIGINAL)[0][:2] == (spans[0].original_start, spans[0].original_end)
    assert ranges_in(spans, Script.SIMPLIFIED)[1][:2] == (15, 18)
