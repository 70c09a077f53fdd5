"""Ranges kept in order of their start: which of them overlap a stretch of text.

What a pane paints from: the spans of one script (or the stretches it greys out), asked
for the few lines on screen at every paint.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from desktop.core.models import Span

Entry = tuple[int, int, Span | None]


class RangeIndex:
    """(start, end, span) entries in code points, end exclusive; ``span`` is None for bare stretches.

    Entries sorted by start, with the longest length seen: the entries overlapping
    [a, b) all start in [a - longest, b), so a lookup is two bisections and a short scan.
    """

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._items: list[Entry] = []
        self._keys: list[int] = []
        self._longest = 0
        self.add_many(entries)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, start: int, end: int, span: Span | None) -> None:
        position = bisect_right(self._keys, start)
        self._keys.insert(position, start)
        self._items.insert(position, (start, end, span))
        self._longest = max(self._longest, end - start)

    def add_many(self, entries: Iterable[Entry]) -> None:
        new = list(entries)
        if not new:
            return
        self._items = sorted(self._items + new, key=lambda item: item[0])
        self._keys = [item[0] for item in self._items]
        self._longest = max(self._longest, max(end - start for start, end, _ in new))

    def discard(self, span_id: int) -> tuple[int, int] | None:
        """Remove a span's entry; returns the range it had."""
        for position, (start, end, span) in enumerate(self._items):
            if span is not None and span.id == span_id:
                del self._items[position]
                del self._keys[position]
                return start, end
        return None

    def overlapping(self, start: int, end: int) -> list[Entry]:
        """Entries that share at least one character with [start, end), clipped to it."""
        first = bisect_left(self._keys, start - self._longest)
        last = bisect_left(self._keys, end)
        found = []
        for a, b, span in self._items[first:last]:
            left, right = max(a, start), min(b, end)
            if right > left:
                found.append((left, right, span))
        return found
