"""What a pane paints under and over its text: span colours, overlaps, greyed-out stretches.

The pane paints these itself around QPlainTextEdit's own paint, for the lines on screen
only. Nothing is stored in the text document, so a new span or a new article never makes
Qt lay out or re-highlight lines: tagging repaints one line's pixels, opening an article
costs what its plain text costs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtGui import QColor

from desktop.core.coding.range_index import RangeIndex
from desktop.core.colours import SPAN_ALPHA
from desktop.core.colours import tint as paper_tint
from desktop.core.models import Span

# Laid over original text that the Simplified version leaves out (boilerplate, repeated titles):
# black glyphs under it read as grey.
MUTED_VEIL = QColor(255, 255, 255, 150)
UNKNOWN_CATEGORY = QColor("#dddddd")


def tint(colour: str, alpha: float = SPAN_ALPHA) -> QColor:
    """The category colour laid over white paper (as colours.tint works it out for choosing colours)."""
    base = QColor(colour)
    red, green, blue = paper_tint((base.red(), base.green(), base.blue()), alpha)
    return QColor(round(red), round(green), round(blue))


def blend(colours: list[QColor]) -> QColor:
    count = len(colours)
    return QColor(
        sum(c.red() for c in colours) // count,
        sum(c.green() for c in colours) // count,
        sum(c.blue() for c in colours) // count,
    )


@dataclass(frozen=True)
class Segment:
    """A stretch (code points) painted one way: the categories over it, greyed out or not."""

    start: int
    end: int
    categories: tuple[str, ...]
    muted: bool


class SpanPaint:
    """The spans and greyed-out stretches of one pane, and the colours they are painted in."""

    def __init__(self) -> None:
        self.spans = RangeIndex()
        self.muted = RangeIndex()
        self._colours: dict[str, QColor] = {}
        self._blends: dict[tuple[str, ...], QColor] = {}
        # Categories whose spans are not painted (unticked in the codebook panel).
        self.hidden: frozenset[str] = frozenset()

    def reset(self, colours: dict[str, str]) -> None:
        self.spans = RangeIndex()
        self.muted = RangeIndex()
        self._colours = {key: tint(value) for key, value in colours.items()}
        self._blends.clear()

    def set_muted(self, stretches: Iterable[tuple[int, int]]) -> None:
        self.muted = RangeIndex((start, end, None) for start, end in stretches)

    def add(self, ranges: Iterable[tuple[int, int, Span]]) -> None:
        self.spans.add_many(ranges)

    def segments(self, start: int, end: int) -> list[Segment]:
        """How [start, end) is painted, cut where a span or a greyed-out stretch begins or ends."""
        entries = self.spans.overlapping(start, end)
        if self.hidden:
            entries = [entry for entry in entries if entry[2] is None or entry[2].category_id not in self.hidden]
        muted = self.muted.overlapping(start, end)
        if not entries and not muted:
            return []
        cuts = sorted({a for a, _, _ in entries + muted} | {b for _, b, _ in entries + muted})
        found = []
        for left, right in pairwise(cuts):
            categories = tuple(sorted(s.category_id for a, b, s in entries if s and a <= left and right <= b))
            is_muted = any(a <= left and right <= b for a, b, _ in muted)
            if categories or is_muted:
                found.append(Segment(left, right, categories, is_muted))
        return found

    def fill(self, categories: tuple[str, ...]) -> QColor:
        colour = self._blends.get(categories)
        if colour is None:
            colour = blend([self._colours.get(category, UNKNOWN_CATEGORY) for category in categories])
            self._blends[categories] = colour
        return colour

    def underline(self, categories: tuple[str, ...]) -> QColor | None:
        """Overlaps stay visible: the blend shows both, an underline says "more than one"."""
        if len(categories) < 2:
            return None
        return self._colours.get(categories[-1], UNKNOWN_CATEGORY).darker(170)
