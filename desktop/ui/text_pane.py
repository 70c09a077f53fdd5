"""A read-only article pane. Speaks code points to the rest of the program.

Qt positions are UTF-16 units; every conversion in the window goes through this
pane's Utf16Index (``selection`` / ``select`` / ``position_at`` / ``scroll_to``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.models import Span
from desktop.core.offsets import Utf16Index
from desktop.ui.span_highlighter import SpanHighlighter

OUTLINE_COLOUR = QColor("#c0392b")


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
        self.highlighter = SpanHighlighter(self.document())
        self.tooltip_for: Callable[[int], str] = lambda _position: ""
        self.verticalScrollBar().valueChanged.connect(self._emit_top)
        # Lines scrolled into view are painted before the idle pass reaches them.
        self.updateRequest.connect(self._paint_visible)

    # content ------------------------------------------------------------------------

    def set_content(self, text: str) -> None:
        self._text = text
        self._units = Utf16Index(text)
        self._outline = None
        self.highlighter.reset(text, self._units)
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
        """Spans of a newly opened article: the visible lines are painted now, the rest when idle."""
        self.highlighter.set_spans(ranges, colours, muted)
        self.highlighter.paint_lines(self.visible_lines())

    def change_spans(self, removed: Iterable[int], added: Iterable[tuple[int, int, Span]]) -> None:
        self.highlighter.change_spans(removed, added)

    def visible_lines(self) -> range:
        first = self.firstVisibleBlock().blockNumber()
        bottom = self.cursorForPosition(QPoint(0, self.viewport().height() - 1)).block().blockNumber()
        return range(first, max(first, bottom) + 1)

    def _paint_visible(self) -> None:
        if not self.highlighter.is_complete():
            self.highlighter.paint_lines(self.visible_lines())

    # positions in code points -----------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (
            self._units.to_codepoint(cursor.selectionStart()),
            self._units.to_codepoint(cursor.selectionEnd(), round_up=True),
        )

    def select(self, start: int, end: int, *, scroll: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._units.to_utf16(start))
        cursor.setPosition(self._units.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.centerCursor()

    def position_at(self, point: QPoint) -> int:
        return self._units.to_codepoint(self.cursorForPosition(point).position())

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
                self.viewport().update(self._outline_area(old_or_new))
        self._outline = span_range

    def _outline_area(self, span_range: tuple[int, int]) -> QRect:
        start, end = (self._units.to_utf16(p) for p in span_range)
        first, last = self.document().findBlock(start), self.document().findBlock(end)
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(first).translated(offset).top()
        bottom = self.blockBoundingGeometry(last).translated(offset).bottom()
        return QRect(0, int(top) - 2, self.viewport().width(), int(bottom - top) + 4)

    def outline(self) -> tuple[int, int] | None:
        return self._outline

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._outline is None:
            return
        start, end = (self._units.to_utf16(p) for p in self._outline)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(OUTLINE_COLOUR, 2))
        block = self.document().findBlock(start)
        offset = self.contentOffset()
        while block.isValid() and block.position() <= end:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > self.viewport().height():
                break
            layout = block.layout()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                left, right = max(start, line_start), min(end, line_end)
                if right <= left:
                    continue
                # PySide returns (x, cursor position) here; its stubs say "object".
                x1 = line.cursorToX(left - block.position())[0]  # type: ignore[index]
                x2 = line.cursorToX(right - block.position())[0]  # type: ignore[index]
                rect = QRectF(x1, line.y(), x2 - x1, line.height()).translated(geometry.topLeft())
                painter.drawRect(rect.adjusted(-1, 0, 1, 0))
            block = block.next()
        painter.end()

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
