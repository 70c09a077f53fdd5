"""An open article: selections in either script to spans that quote both."""

from __future__ import annotations

import pytest

from desktop.core.document import Document, SelectionError
from tests.core.conftest import ORIGINAL


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


def test_store_hands_out_the_article_with_its_map(store, document: Document) -> None:  # type: ignore[no-untyped-def]
    assert document.article == store.articles.get(document.article.id)
    assert document.offset_map == store.articles.offset_map(document.article.id)
    assert document.original_range_of_text(3, 7) == (3, 24)
