"""A margin beside a text pane that numbers the coding units: each line shows the unit that
starts on it (``chapter-clause-sentence``; the article is the open one) and how many more do."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from desktop.ui.panes.text_pane import TextPane


class UnitMargin(QWidget):
    def __init__(self, pane: TextPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.starts: list[int] = []  # UTF-16 positions, ascending
        self.labels: list[str] = []
        self.hide()
        pane.updateRequest.connect(lambda *_: self.update())
        pane.installEventFilter(self)

    def set_units(self, units: list[tuple[int, str]]) -> None:
        """(code point start, unit id) of the pane's text, in text order."""
        self.starts = [self.pane.to_utf16(start) for start, _ in units]
        # The article id is the open article's: the margin shows chapter-clause-sentence.
        self.labels = [label.split("-", 1)[-1] for _, label in units]
        self.update()

    def set_shown(self, shown: bool) -> None:
        self.setVisible(shown)
        self.pane.setViewportMargins(self.margin_width() if shown else 0, 0, 0, 0)
        self._place()

    def margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("00-00-00 +9") + 8

    def lines(self) -> list[tuple[int, str]]:
        """(y, text) of each label on screen: what the margin paints."""
        found: list[tuple[int, str]] = []
        offset = self.pane.contentOffset()
        block = self.pane.firstVisibleBlock()
        height = self.pane.viewport().height()
        while block.isValid():
            geometry = self.pane.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            start, end = block.position(), block.position() + block.length()
            index = bisect_left(self.starts, start)
            on_line: dict[int, list[str]] = {}
            while index < len(self.starts) and self.starts[index] < end:
                line = block.layout().lineForTextPosition(self.starts[index] - start)
                y = int(geometry.top() + (line.y() if line.isValid() else 0))
                on_line.setdefault(y, []).append(self.labels[index])
                index += 1
            for y, labels in on_line.items():
                found.append((y, labels[0] + (f" +{len(labels) - 1}" if len(labels) > 1 else "")))
            block = block.next()
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        top = self.pane.viewport().y() - self.y()
        line_height = self.fontMetrics().height()
        for y, text in self.lines():
            painter.drawText(
                QRect(2, top + y, self.width() - 6, line_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _place(self) -> None:
        area = self.pane.contentsRect()
        self.setGeometry(area.left(), area.top(), self.margin_width(), area.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)
