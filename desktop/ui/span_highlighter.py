"""Paints spans block by block from a per-line index, so that adding a span repaints one line.

ExtraSelections would repaint every span on every paint; a syntax highlighter keeps
the formats in the layout and only the touched blocks are redone.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.core.annotating import LineSpanIndex
from desktop.core.models import Span
from desktop.core.offsets import Utf16Index

SPAN_ALPHA = 0.45
# Original text that the Simplified version leaves out (boilerplate, repeated titles).
MUTED_TEXT = QColor("#9a9a9a")


def tint(colour: str, alpha: float = SPAN_ALPHA) -> QColor:
    """The category colour laid over white paper."""
    base = QColor(colour)
    return QColor(
        round(255 + (base.red() - 255) * alpha),
        round(255 + (base.green() - 255) * alpha),
        round(255 + (base.blue() - 255) * alpha),
    )


def blend(colours: list[QColor]) -> QColor:
    count = len(colours)
    return QColor(
        sum(c.red() for c in colours) // count,
        sum(c.green() for c in colours) // count,
        sum(c.blue() for c in colours) // count,
    )


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._text = ""
        self._index: LineSpanIndex | None = None
        self._colours: dict[str, QColor] = {}
        self._line_maps: dict[int, Utf16Index] = {}
        self._muted: LineSpanIndex | None = None

    def set_spans(
        self,
        text: str,
        ranges: Iterable[tuple[int, int, Span]],
        colours: dict[str, str],
        muted: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Index the spans (and the text shown greyed out); repaint everything (opening an article)."""
        self._text = text
        self._colours = {key: tint(value) for key, value in colours.items()}
        self._index = LineSpanIndex(text, ranges)
        self._muted = LineSpanIndex(text, [(start, end, None) for start, end in muted])  # type: ignore[misc]
        self._line_maps.clear()
        self.rehighlight()

    def update_spans(self, ranges: Iterable[tuple[int, int, Span]], touched: Iterable[tuple[int, int]]) -> None:
        """Re-index and repaint only the lines that ``touched`` ranges cover."""
        self._index = LineSpanIndex(self._text, ranges)
        document = self.document()
        lines = sorted({line for start, end in touched for line in self._index.lines_of(start, end)})
        for line in lines:
            self.rehighlightBlock(document.findBlockByNumber(line))

    def spans_on_line(self, line: int) -> list[tuple[int, int, Span]]:
        return self._index.line_spans(line) if self._index else []

    def _line_map(self, line: int) -> Utf16Index:
        if line not in self._line_maps:
            assert self._index is not None
            self._line_maps[line] = Utf16Index(self._index.line_text(self._text, line))
        return self._line_maps[line]

    def highlightBlock(self, _text: str) -> None:
        if self._index is None:
            return
        line = self.currentBlock().blockNumber()
        entries = self._index.line_spans(line)
        muted = self._muted.line_spans(line) if self._muted else []
        if not entries and not muted:
            return
        units = self._line_map(line)
        cuts = sorted({start for start, _, _ in entries + muted} | {end for _, end, _ in entries + muted})
        for left, right in pairwise(cuts):
            covering = [span for start, end, span in entries if start <= left and right <= end]
            is_muted = any(start <= left and right <= end for start, end, _ in muted)
            if not covering and not is_muted:
                continue
            fmt = QTextCharFormat()
            if covering:
                colours = [self._colours.get(span.category_id, QColor("#dddddd")) for span in covering]
                fmt.setBackground(blend(colours))
                if len(covering) > 1:
                    # Overlaps stay visible: the blend shows both, the underline says "more than one".
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineColor(colours[-1].darker(170))
            if is_muted:
                fmt.setForeground(MUTED_TEXT)
            start_unit = units.to_utf16(left)
            self.setFormat(start_unit, units.to_utf16(right) - start_unit, fmt)
