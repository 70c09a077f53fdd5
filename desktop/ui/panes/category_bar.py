"""One button per category, with its colour and key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.core.models import Category
from desktop.ui.panes.span_painter import tint
from desktop.ui.widgets.labels import category_label, menu_text, plain_label, plain_tooltip


class CategoryBar(QWidget):
    categoryChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._title = plain_label()
        self.buttons: dict[str, QPushButton] = {}
        self._categories: list[Category] = []

    def set_categories(self, categories: list[Category]) -> None:
        self._categories = categories
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self._title:
                widget.deleteLater()
        self._layout.addWidget(self._title)
        self.buttons.clear()
        for category in categories:
            if not category.codable:
                continue
            button = QPushButton()
            button.setStyleSheet(f"background-color: {tint(category.colour).name()}; padding: 3px 10px;")
            button.clicked.connect(lambda _=False, c=category.id: self.categoryChosen.emit(c))
            self._layout.addWidget(button)
            self.buttons[category.id] = button
        self._layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Tag selection:"))
        for category in filter(lambda c: c.codable, self._categories):
            key = f" ({category.key})" if category.key else ""
            self.buttons[category.id].setText(menu_text(f"{category_label(category)}{key}"))
            self.buttons[category.id].setToolTip(
                plain_tooltip(self.tr("Tag the selected text as %1").replace("%1", category_label(category)))
            )
