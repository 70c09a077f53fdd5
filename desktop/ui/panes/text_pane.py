"""A read-only article pane. Speaks code points to the rest of the program.

Qt positions are UTF-16 units; every conversion in the window goes through this
pane's Utf16Index (``selection`` / ``select`` / ``position_at`` / ``scroll_to``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRegion,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.colours import SELECTION_ALPHA, SELECTION_COLOUR
from desktop.core.models import Span
from desktop.core.offsets import Utf16Index
from desktop.ui.panes.laid_out_block import LaidOutBlock
from desktop.ui.panes.span_painter import MUTED_VEIL, Segment, SpanPaint

OUTLINE_COLOUR = QColor("#c0392b")
# Adjudication: the first analyst's spans underlined solid and low, the second's dashed and higher.
MARK_STYLES = (
    (QColor("#1f4e99"), Qt.PenStyle.SolidLine, 1),
    (QColor("#b03a2e"), Qt.PenStyle.DashLine, 4),
)
# The selection's fill, and its hatch: no span is ever hatched, so a selection left after an undo
# never reads as a tag.
SELECTION_FILL = QColor(SELECTION_COLOUR)
SELECTION_FILL.setAlpha(round(SELECTION_ALPHA * 255))
SELECTION_HATCH = QColor(SELECTION_COLOUR)
SELECTION_HATCH.setAlpha(140)
# Past this many changed suggestions or marks one repaint of the viewport is cheaper than many small ones.
CHANGED_AREAS_LIMIT = 40


class TextPane(QPlainTextEdit):
    """Shows one script of the open article with its spans."""

    # Code point offsets.
    spanActivated = Signal(int)  # double click at a position
    contextRequested = Signal(int, QPoint)
    topScrolled = Signal(int)  # first visible position changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self._text = ""
        self._units = Utf16Index("")
        self._outline: tuple[int, int] | None = None
        # Suggestions: (start, end, colour) drawn with a dashed outline, never as spans; one may be current.
        self.suggestions: list[tuple[int, int, str]] = []
        self.marks: list[tuple[int, int, int]] = []
        self.current_suggestion: int | None = None
        self.paint = SpanPaint()
        self._see_through_selection()
        self.tooltip_for: Callable[[int], str] = lambda _position: ""
        self.verticalScrollBar().valueChanged.connect(self._emit_top)

    def _see_through_selection(self) -> None:
        """A translucent selection: a span tagged from it shows its colour at once, under the selection."""
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, SELECTION_FILL)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.color(group, QPalette.ColorRole.Text))
        self.setPalette(palette)

    # content ------------------------------------------------------------------------

    def set_content(self, text: str) -> None:
        self._text = text
        self._units = Utf16Index(text)
        self._outline = None
        # Drawn ranges belong to the text they were found in.
        self.marks, self.suggestions, self.current_suggestion = [], [], None
        self.paint.reset({})
        self.setPlainText(text)

    @property
    def text(self) -> str:
        """The text as set (never read back from the widget)."""
        return self._text

    def set_spans(
        self,
        ranges: Iterable[tuple[int, int, Span]],
        colours: dict[str, str],
        muted: Iterable[tuple[int, int]] = (),
    ) -> None:
        """The spans of the open article (all, or the first of them); painted at the next paint."""
        self.paint.reset(colours)
        self.paint.add(ranges)
        self.paint.set_muted(muted)
        self.viewport().update()

    def add_spans(self, ranges: Iterable[tuple[int, int, Span]]) -> None:
        """More spans of the open article, read after it was shown; repainted only if one is on screen."""
        added = list(ranges)
        self.paint.add(added)
        top, bottom = self._units.to_codepoint(self.firstVisibleBlock().position()), self.visible_end()
        if any(start <= bottom and end >= top for start, end, _span in added):
            self.viewport().update()

    def change_spans(self, removed: Iterable[int], added: Iterable[tuple[int, int, Span]]) -> None:
        """Take spans out and put spans in; only the lines they touch are painted again."""
        touched = [where for span_id in removed if (where := self.paint.spans.discard(span_id)) is not None]
        for start, end, span in added:
            self.paint.spans.add(start, end, span)
            touched.append((start, end))
        for where in touched:
            self.viewport().update(self._area_of(where))

    def set_hidden(self, categories: frozenset[str]) -> None:
        """Leave the spans of these categories unpainted, so a dense article can be read one code at a time."""
        self.paint.hidden = frozenset(categories)
        self.viewport().update()

    def painted_segments(self) -> list[Segment]:
        """Every stretch of the text painted as a span or greyed out, line by line as the lines show them."""
        segments, start = [], 0
        for line in self._text.split("\n"):
            segments += self.paint.segments(start, start + len(line))
            start += len(line) + 1
        return segments

    def visible_end(self) -> int:
        """A position at or past the end of what the viewport shows, guessed without laying text out.

        Lines are counted as if every character were as narrow as the narrowest the font
        draws, so the guess errs towards reading a few spans too many.
        """
        metrics = self.fontMetrics()
        narrow = max(1, min(metrics.averageCharWidth(), metrics.horizontalAdvance("中") // 2))
        per_line = max(1, self.viewport().width() // narrow)
        lines_left = self.viewport().height() // max(1, metrics.lineSpacing()) + 1
        block = self.firstVisibleBlock()
        end = block.position()
        while block.isValid() and lines_left > 0:
            lines_left -= max(1, -(-block.length() // per_line))
            end = block.position() + block.length()
            block = block.next()
        return min(len(self._text), self._units.to_codepoint(end))

    # positions in code points -----------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (
            self._units.to_codepoint(cursor.selectionStart()),
            self._units.to_codepoint(cursor.selectionEnd(), round_up=True),
        )

    def to_utf16(self, position: int) -> int:
        """A code point position of the text as Qt counts it (UTF-16 units)."""
        return self._units.to_utf16(position)

    def select(self, start: int, end: int, *, scroll: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._units.to_utf16(start))
        cursor.setPosition(self._units.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.centerCursor()

    def position_at(self, point: QPoint) -> int:
        return self._units.to_codepoint(self.cursorForPosition(point).position())

    def caret_rect(self, position: int) -> QRect:
        """Where the caret before ``position`` is drawn, in viewport coordinates."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._units.to_utf16(min(position, len(self._text))))
        return self.cursorRect(cursor)

    def is_visible(self, position: int) -> bool:
        return self.viewport().rect().contains(self.caret_rect(position).center())

    def top_position(self) -> int:
        return self.position_at(QPoint(2, 2))

    def scroll_to(self, position: int) -> None:
        """Scroll so that the line holding ``position`` is the first visible one."""
        unit = self._units.to_utf16(min(position, len(self._text)))
        block = self.document().findBlock(unit)
        layout = block.layout()
        line = layout.lineForTextPosition(unit - block.position()) if layout else None
        offset = line.lineNumber() if line is not None and line.isValid() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + offset)

    def _emit_top(self) -> None:
        self.topScrolled.emit(self.top_position())

    # the outlined (selected) span ---------------------------------------------------------

    def set_outline(self, span_range: tuple[int, int] | None) -> None:
        if span_range == self._outline:
            return
        # Repaint only where the old and the new outline are, not the whole page.
        for old_or_new in (self._outline, span_range):
            if old_or_new is not None:
                self.viewport().update(self._area_of(old_or_new))
        self._outline = span_range

    def _area_of(self, span_range: tuple[int, int]) -> QRect:
        """The viewport rectangle around the lines a range covers (empty when they are out of view)."""
        start, end = span_range
        document = self.document()
        block = document.findBlock(self._units.to_utf16(start))
        last = document.findBlock(self._units.to_utf16(end)).blockNumber()
        offset, bottom = self.contentOffset(), self.viewport().height()
        area = QRect()
        while block.isValid() and block.blockNumber() <= last:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if geometry.bottom() >= 0:
                for rect in LaidOutBlock(block, geometry, self._units).rects(start, max(end, start + 1)):
                    area = area.united(rect.toAlignedRect())
            block = block.next()
        return area.adjusted(-2, -2, 2, 2) if not area.isEmpty() else area

    def outline(self) -> tuple[int, int] | None:
        return self._outline

    def set_marks(self, marks: list[tuple[int, int, int]]) -> None:
        """Underlines that tell analysts apart while adjudicating: (start, end, 0 or 1), solid or dashed."""
        self._update_changed(self.marks, marks)
        self.marks = marks

    def set_suggestions(self, suggestions: list[tuple[int, int, str]], current: int | None = None) -> None:
        before = self._numbered(self.suggestions, self.current_suggestion)
        self._update_changed(before, self._numbered(suggestions, current))
        self.suggestions, self.current_suggestion = suggestions, current

    @staticmethod
    def _numbered(ranges: list[tuple[int, int, str]], current: int | None) -> list[tuple[int, int, str, bool]]:
        return [(start, end, colour, number == current) for number, (start, end, colour) in enumerate(ranges)]

    def _update_changed(self, before: Sequence[tuple[Any, ...]], after: Sequence[tuple[Any, ...]]) -> None:
        """Repaint where drawn ranges appeared or went: every tag refreshes them, mostly to the same."""
        changed = set(before) ^ set(after)
        if len(changed) > CHANGED_AREAS_LIMIT:
            self.viewport().update()
            return
        for entry in changed:
            area = self._area_of((entry[0], entry[1]))
            if not area.isEmpty():
                self.viewport().update(area)

    # painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Span colours under the text, then Qt's text and selection, then veils, underlines and the outline."""
        # One reading of each block's lines serves its segments and the outline.
        blocks = [LaidOutBlock(block, geometry, self._units) for block, geometry in self._blocks_in(event.region())]
        pieces = [
            (rect, segment)
            for block in blocks
            for segment in self.paint.segments(block.first, block.last)
            for rect in block.rects(segment.start, segment.end)
        ]
        painter = QPainter(self.viewport())
        for rect, segment in pieces:
            if segment.categories:
                painter.fillRect(rect, self.paint.fill(segment.categories))
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for rect, segment in pieces:
            if segment.muted:
                painter.fillRect(rect, MUTED_VEIL)
            underline = self.paint.underline(segment.categories)
            if underline is not None:
                painter.setPen(QPen(underline, 1))
                painter.drawLine(rect.bottomLeft() - QPointF(0, 1), rect.bottomRight() - QPointF(0, 1))
        self._paint_suggestions(painter, blocks)
        self._paint_marks(painter, blocks)
        self._paint_selection(painter, blocks)
        if self._outline is not None:
            painter.setPen(QPen(OUTLINE_COLOUR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            start, end = self._outline
            for block in blocks:
                for rect in block.rects(start, end):
                    painter.drawRect(rect.adjusted(-1, 0, 1, 0))
        painter.end()

    def _paint_suggestions(self, painter: QPainter, blocks: list[LaidOutBlock]) -> None:
        if not self.suggestions or not blocks:
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        first, last = blocks[0].first, blocks[-1].last
        for number, (start, end, colour) in enumerate(self.suggestions):
            if end <= first or start > last:
                continue
            pen = QPen(QColor(colour), 2 if number == self.current_suggestion else 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for block in blocks:
                for rect in block.rects(start, end):
                    painter.drawRect(rect.adjusted(0, 1, 0, -1))

    def _paint_selection(self, painter: QPainter, blocks: list[LaidOutBlock]) -> None:
        if not self.textCursor().hasSelection() or not blocks:
            return
        start, end = self.selection()
        painter.setPen(QPen(SELECTION_HATCH, 1))
        painter.setBrush(QBrush(SELECTION_HATCH, Qt.BrushStyle.BDiagPattern))
        for block in blocks:
            for rect in block.rects(start, end):
                painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def _paint_marks(self, painter: QPainter, blocks: list[LaidOutBlock]) -> None:
        if not self.marks or not blocks:
            return
        first, last = blocks[0].first, blocks[-1].last
        for start, end, style in self.marks:
            if end <= first or start > last:
                continue
            colour, pen_style, lift = MARK_STYLES[style % len(MARK_STYLES)]
            painter.setPen(QPen(colour, 2, pen_style))
            for block in blocks:
                for rect in block.rects(start, end):
                    painter.drawLine(rect.bottomLeft() - QPointF(0, lift), rect.bottomRight() - QPointF(0, lift))

    def _blocks_in(self, area: QRegion) -> Iterator[tuple[QTextBlock, QRectF]]:
        """The blocks (lines of the text) on screen within ``area``, with their geometry in the viewport."""
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = area.boundingRect().bottom()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible() and area.intersects(geometry.toAlignedRect()):
                yield block, geometry
            block = block.next()

    # mouse and hover -------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.spanActivated.emit(self.position_at(event.position().toPoint()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.contextRequested.emit(self.position_at(event.pos()), event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_for(self.position_at(event.pos()))  # type: ignore[attr-defined]
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # zoom ------------------------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.setFont(font)
