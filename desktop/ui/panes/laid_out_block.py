"""Where a range of the text is drawn: the rectangles of one laid-out block's lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextLine

from desktop.core.offsets import Utf16Index


class LaidOutBlock:
    """The lines of one laid-out block, asked for the rectangles a range covers.

    A paint asks for hundreds of ranges on a few dozen lines; each line's extent is read
    from Qt once, and each x position once, however many ranges meet there.
    """

    def __init__(self, block: QTextBlock, geometry: QRectF, units: Utf16Index) -> None:
        self._block = block
        self._base = block.position()
        self._units = units
        self._origin = geometry.topLeft()
        # The block's text in code points of the whole text, its separator left out.
        self.first = units.to_codepoint(self._base)
        self.last = units.to_codepoint(self._base + block.length() - 1)
        self._lines: list[QTextLine] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._x: dict[tuple[int, int], float] = {}

    def _read_lines(self) -> None:
        """The lines as Qt laid them out, read when a range first asks (most blocks on screen hold none)."""
        layout = self._block.layout()
        self._lines = [layout.lineAt(index) for index in range(layout.lineCount())]
        self._starts = [line.textStart() for line in self._lines]
        self._ends = [start + line.textLength() for start, line in zip(self._starts, self._lines, strict=True)]

    def rects(self, start: int, end: int) -> Iterator[QRectF]:
        """One rectangle per line that [start, end) (code points of the text) covers."""
        if end <= self.first or start > self.last:
            return
        if not self._lines:
            self._read_lines()
        left_unit = self._units.to_utf16(start) - self._base
        right_unit = self._units.to_utf16(end) - self._base
        index = max(0, bisect_right(self._starts, left_unit) - 1)
        while index < len(self._lines) and self._starts[index] < right_unit:
            left, right = max(left_unit, self._starts[index]), min(right_unit, self._ends[index])
            if right > left:
                line = self._lines[index]
                x1, x2 = self._x_at(index, left), self._x_at(index, right)
                yield QRectF(x1, line.y(), x2 - x1, line.height()).translated(self._origin)
            index += 1

    def _x_at(self, index: int, unit: int) -> float:
        x = self._x.get((index, unit))
        if x is None:
            # PySide returns (x, cursor position) here; its stubs say "object".
            x = self._x[(index, unit)] = self._lines[index].cursorToX(unit)[0]  # type: ignore[index]
        return x
