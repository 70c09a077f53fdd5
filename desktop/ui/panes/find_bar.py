"""Find in the open article, in either script; Enter selects the next match, Escape closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.ui.widgets.labels import plain_label


class FindBar(QWidget):
    findNext = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.status = plain_label()
        self.next_button = QPushButton()
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.returnPressed.connect(lambda: self.findNext.emit(self.field.text()))
        self.next_button.clicked.connect(lambda: self.findNext.emit(self.field.text()))
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in this article (Traditional or Simplified)"))
        self.next_button.setText(self.tr("Next"))

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
