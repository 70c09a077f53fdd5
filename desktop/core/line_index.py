"""Which spans touch each line of a text: what the panes paint line by line."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from desktop.core.models import Span


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
