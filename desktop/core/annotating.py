"""From a selection in either script to a span that quotes both; spans at a point; find."""

from __future__ import annotations

import getpass
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.convert import convert
from desktop.core.models import Article, Span
from desktop.core.offsets import OffsetMap


def default_annotator() -> str:
    """The analyst a span is stored under when none is named: the operating system's user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


class SelectionError(ValueError):
    """A selection that cannot become a span; the message says why, for the user."""


@dataclass(frozen=True)
class Document:
    """An article with its map, as the window holds it while it is open."""

    article: Article
    offset_map: OffsetMap

    def span_from_text(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """A span from a selection of the Simplified text (white space at its ends left out)."""
        start, end = _trimmed(self.article.text, start, end)
        return self.span_at(start, end, category_id, annotator, note)

    def span_at(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """The span at exactly these offsets of the Simplified text, quoting both scripts."""
        o_start, o_end = self.offset_map.to_original(start, end)
        return Span(
            None,
            self.article.id,
            category_id,
            start,
            end,
            self.article.text[start:end],
            o_start,
            o_end,
            self.article.original_text[o_start:o_end],
            note=note,
            annotator=annotator,
        )

    def span_from_original(self, start: int, end: int, category_id: str, annotator: str, note: str = "") -> Span:
        """A span from a selection of the original text, snapped to the Simplified text it belongs to."""
        if start >= end:
            raise SelectionError("nothing is selected")
        t_start, t_end = self.offset_map.from_original(start, end)
        if t_start >= t_end:
            raise SelectionError("the selection lies in text removed from the Simplified version (boilerplate)")
        return self.span_from_text(t_start, t_end, category_id, annotator, note)

    def quotes_match(self, span: Span) -> bool:
        """Whether a stored span still quotes this article at its offsets, in both scripts."""
        article = self.article
        return (
            0 <= span.start < span.end <= len(article.text)
            and article.text[span.start : span.end] == span.text
            and article.original_text[span.original_start : span.original_end] == span.original_text
        )

    def text_range_of_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offset_map.from_original(start, end)

    def original_range_of_text(self, start: int, end: int) -> tuple[int, int]:
        return self.offset_map.to_original(start, end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading and trailing white space is never part of a span."""
    if start >= end:
        raise SelectionError("nothing is selected")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise SelectionError("the selection holds only white space")
    return start, end


def spans_at(spans: list[Span], position: int) -> list[Span]:
    """Spans of the Simplified text that contain ``position``, shortest first."""
    hits = [span for span in spans if span.start <= position < span.end]
    return sorted(hits, key=lambda span: (span.end - span.start, span.start))


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


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    return starts


class LineSpanIndex:
    """Which spans touch each line (each Qt block), with offsets relative to the line.

    ``ranges`` are (start, end, span) in the coordinates of ``text``: the Simplified
    offsets for the Simplified pane, the original offsets for the original pane.
    Ranges are kept sorted by start and a line's spans are looked up when it is painted,
    so opening an article costs one sort, and tagging one insertion.
    """

    def __init__(self, text: str, ranges: Iterable[tuple[int, int, Span | None]]) -> None:
        self._starts = line_starts(text)
        self._ends = [start - 1 for start in self._starts[1:]] + [len(text)]
        self._items = sorted(ranges, key=lambda item: (item[0], item[1]))
        self._keys = [item[0] for item in self._items]
        self._longest = max((end - start for start, end, _ in self._items), default=0)

    def add(self, start: int, end: int, span: Span | None) -> None:
        position = bisect_right(self._keys, start)
        self._keys.insert(position, start)
        self._items.insert(position, (start, end, span))
        self._longest = max(self._longest, end - start)

    def discard(self, span_id: int) -> tuple[int, int] | None:
        """Remove a span; returns the range it had."""
        for position, (start, end, span) in enumerate(self._items):
            if span is not None and span.id == span_id:
                del self._items[position]
                del self._keys[position]
                return start, end
        return None

    def lines_of(self, start: int, end: int) -> range:
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, max(start, end - 1)) - 1
        return range(first, last + 1)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_spans(self, line: int) -> list[tuple[int, int, Span | None]]:
        line_start, line_end = self._starts[line], self._ends[line]
        first = bisect_left(self._keys, line_start - self._longest)
        last = bisect_left(self._keys, line_end)
        found = []
        for start, end, span in self._items[first:last]:
            left, right = max(start, line_start), min(end, line_end)
            if right > left:
                found.append((left - line_start, right - line_start, span))
        return found

    def line_start(self, line: int) -> int:
        return self._starts[line]
