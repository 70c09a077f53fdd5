"""A one-line note editor laid over the pane, at the span it annotates.

Enter or moving the focus away keeps the note; Escape drops the edit. It is a child of
the pane, not a dialog, so the analyst never leaves the text to write a note.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

WIDTH_EMS = 24


class NoteEditor(QLineEdit):
    committed = Signal(int, str)  # span id, note
    finished = Signal()

    def __init__(self, span_id: int, note: str, parent: QWidget) -> None:
        super().__init__(note, parent)
        self.span_id = span_id
        self._done = False
        self.returnPressed.connect(self._commit)

    def open_at(self, anchor: QRect) -> None:
        """Show below ``anchor`` (viewport coordinates of the span's first line), inside the parent."""
        parent = self.parentWidget()
        assert parent is not None, "the editor lives in a pane's viewport"
        area = parent.rect()
        width = min(area.width() - 8, WIDTH_EMS * self.fontMetrics().horizontalAdvance("中"))
        x = max(4, min(anchor.left(), area.width() - width - 4))
        y = anchor.bottom() + 2
        if y + self.sizeHint().height() > area.height():
            y = max(0, anchor.top() - self.sizeHint().height() - 2)
        self.setGeometry(x, y, width, self.sizeHint().height())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu or tooltip popping up takes the focus for a moment: that is not leaving the editor.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._commit()

    def _commit(self) -> None:
        if not self._done:
            self.committed.emit(self.span_id, self.text())
        self._finish()

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        self.finished.emit()
        self.deleteLater()
