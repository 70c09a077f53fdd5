"""Paints spans block by block from a per-line index.

ExtraSelections repaint every span on every paint; a syntax highlighter keeps the
formats in each block's layout, so a new span repaints one line. Opening an article
paints the visible lines at once and the rest in small chunks while the window is idle,
so a long article shows as fast as its plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.core.line_index import LineSpanIndex
from desktop.core.models import Span
from desktop.core.offsets import Utf16Index

SPAN_ALPHA = 0.45
# Original text that the Simplified version leaves out (boilerplate, repeated titles).
MUTED_TEXT = QColor("#9a9a9a")
IDLE_CHUNK = 60


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
        self._units = Utf16Index("")
        self._index: LineSpanIndex | None = None
        self._muted: LineSpanIndex | None = None
        self._colours: dict[str, QColor] = {}
        self._formats: dict[tuple[tuple[str, ...], bool], QTextCharFormat] = {}
        self._pending: set[int] = set()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._work_while_idle)

    # feeding ------------------------------------------------------------------------------

    def reset(self, text: str, units: Utf16Index) -> None:
        """Forget the spans before new text is set, so Qt's own pass over it costs nothing."""
        self._text, self._units = text, units
        self._index = self._muted = None
        self._pending.clear()
        self._idle.stop()

    def set_spans(
        self,
        ranges: Iterable[tuple[int, int, Span]],
        colours: dict[str, str],
        muted: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Index the spans (and the text shown greyed out); every line is now to be painted."""
        self._colours = {key: tint(value) for key, value in colours.items()}
        self._formats.clear()
        self._index = LineSpanIndex(self._text, ranges)
        self._muted = LineSpanIndex(self._text, [(start, end, None) for start, end in muted])
        self._pending = set(range(self._index.line_count))
        self._idle.start()

    def change_spans(self, removed: Iterable[int], added: Iterable[tuple[int, int, Span]]) -> None:
        """Take spans out and put spans in; repaint only the lines they touch."""
        if self._index is None:
            return
        touched: list[tuple[int, int]] = []
        for span_id in removed:
            where = self._index.discard(span_id)
            if where is not None:
                touched.append(where)
        for start, end, span in added:
            self._index.add(start, end, span)
            touched.append((start, end))
        lines = {line for start, end in touched for line in self._index.lines_of(start, end)}
        self.paint_lines(sorted(lines), force=True)

    # painting ------------------------------------------------------------------------------

    def paint_lines(self, lines: Iterable[int], force: bool = False) -> None:
        document = self.document()
        for line in lines:
            if force or line in self._pending:
                self._pending.discard(line)
                self.rehighlightBlock(document.findBlockByNumber(line))

    def is_complete(self) -> bool:
        return not self._pending

    def finish(self) -> None:
        """Paint every line still waiting (tests and exports of the view)."""
        self.paint_lines(sorted(self._pending))

    def _work_while_idle(self) -> None:
        self.paint_lines(sorted(self._pending)[:IDLE_CHUNK])
        if self._pending:
            self._idle.start()

    def _format(self, categories: tuple[str, ...], muted: bool) -> QTextCharFormat:
        key = (categories, muted)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if categories:
                colours = [self._colours.get(category, QColor("#dddddd")) for category in categories]
                fmt.setBackground(blend(colours))
                if len(categories) > 1:
                    # Overlaps stay visible: the blend shows both, the underline says "more than one".
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineColor(colours[-1].darker(170))
            if muted:
                fmt.setForeground(MUTED_TEXT)
            self._formats[key] = fmt
        return fmt

    def highlightBlock(self, _text: str) -> None:
        if self._index is None:
            return
        line = self.currentBlock().blockNumber()
        self._pending.discard(line)
        entries = self._index.line_spans(line)
        muted = self._muted.line_spans(line) if self._muted else []
        if not entries and not muted:
            return
        both = entries + muted
        cuts = sorted({start for start, _, _ in both} | {end for _, end, _ in both})
        line_start = self._index.line_start(line)
        base = self._units.to_utf16(line_start)
        for left, right in pairwise(cuts):
            categories = tuple(sorted(s.category_id for a, b, s in entries if a <= left and right <= b and s))
            is_muted = any(a <= left and right <= b for a, b, _ in muted)
            if not categories and not is_muted:
                continue
            start_unit = self._units.to_utf16(line_start + left) - base
            end_unit = self._units.to_utf16(line_start + right) - base
            self.setFormat(start_unit, end_unit - start_unit, self._format(categories, is_muted))
