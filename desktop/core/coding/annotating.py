"""Finding passages in an open article and the spans under a point, in either script."""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.document import Document
from desktop.core.models import Script, Span
from desktop.core.text.convert import convert


def spans_at(spans: Iterable[Span], position: int, script: Script = Script.SIMPLIFIED) -> list[Span]:
    """Spans that contain ``position`` of the Simplified or the original text, shortest first."""
    hits = []
    for span in spans:
        start, end = span.range_in(script)
        if start <= position < end:
            hits.append((end - start, start, span))
    return [span for _, _, span in sorted(hits, key=lambda hit: hit[:2])]


def find_all(document: Document, query: str) -> list[tuple[int, int]]:
    """Matches in the Simplified text of a query typed in either script.

    The query is converted to Simplified and searched in the Simplified text; it is
    also searched as typed in the original, and those hits are mapped across, so
    that a phrase the cleaning split (a pinyin note) is still found.
    """
    query = query.strip()
    if not query:
        return []
    found: set[tuple[int, int]] = set()
    for needle in {query, convert(query)}:
        for match in re.finditer(re.escape(needle), document.article.text):
            found.add(match.span())
        for match in re.finditer(re.escape(needle), document.article.original_text):
            start, end = document.offset_map.from_original(*match.span())
            if start < end:
                found.add((start, end))
    return sorted(found)
