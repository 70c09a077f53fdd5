"""Selections to spans, find in both scripts, the per-line index, and the undoable commands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotating import Document, LineSpanIndex, SelectionError, find_all, spans_at
from desktop.core.commands import AddSpan, ChangeCategory, ChangeStatus, DeleteSpan, EditNote
from desktop.core.importing import prepare_article
from desktop.core.models import Span, Status
from desktop.core.store import Store

ORIGINAL = "青禾縣創(chuàng)業(yè)推進(jìn)發(fā)展規劃,,建設產業園。\n第二行𠮷祥街區。\n\n分享到:\n"


@pytest.fixture
def document(store: Store) -> Document:
    [article_id] = store.add_articles([prepare_article(ORIGINAL, "a.txt", "utf-8")])
    return Document(store.article(article_id), store.offset_map(article_id))


def test_span_from_text_quotes_both_scripts(document: Document) -> None:
    span = document.span_from_text(3, 7, "project", "li")
    assert (span.text, span.original_text) == ("创业推进", "創(chuàng)業(yè)推進(jìn)")
    trimmed = document.span_from_text(15, 19, "target", "li")
    assert not trimmed.text[0].isspace() and not trimmed.text[-1].isspace()
    with pytest.raises(SelectionError):
        document.span_from_text(5, 5, "project", "li")


def test_span_from_original_snaps_and_refuses_removed_text(document: Document) -> None:
    note = ORIGINAL.index("(chuàng)")
    span = document.span_from_original(note + 1, note + 4, "project", "li")
    assert span.text == "创" and span.original_text == "創(chuàng)"
    tail = ORIGINAL.index("分享到")
    with pytest.raises(SelectionError, match="removed"):
        document.span_from_original(tail, tail + 3, "project", "li")


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


def test_commands_do_and_undo(store: Store, document: Document) -> None:
    add = AddSpan(document.span_from_text(3, 7, "project", "li"))
    add.do(store)
    assert add.stored is not None
    span = add.stored
    note = EditNote(span, "重要")
    note.do(store)
    category = ChangeCategory(store.span(span.id), "measure")
    category.do(store)
    assert (store.span(span.id).note, store.span(span.id).category_id) == ("重要", "measure")
    category.undo(store)
    note.undo(store)
    assert (store.span(span.id).note, store.span(span.id).category_id) == ("", "project")
    delete = DeleteSpan(store.span(span.id))
    delete.do(store)
    assert store.spans(document.article.id) == []
    delete.undo(store)
    assert store.span(span.id).id == span.id
    add.undo(store)
    assert store.spans(document.article.id) == []
    add.do(store)  # redo brings back the same row
    assert store.spans(document.article.id)[0].id == span.id
    status = ChangeStatus(document.article.id, Status.DONE, Status.TODO)
    status.do(store)
    assert store.status_of(document.article.id) is Status.DONE
    status.undo(store)
    assert store.status_of(document.article.id) is Status.TODO
