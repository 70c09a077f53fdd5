"""A row of action buttons that folds the ones that do not fit into a "More" menu with a visible label.

QToolBar hides what does not fit behind an unlabelled » that new users never open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget


class FoldingBar(QWidget):
    """Buttons for actions, left to right; those past the bar's width go into "More ▾"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QToolButton] = []
        self._menu = QMenu(self)
        self.more = QToolButton(self)
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setMenu(self._menu)
        self.more.setAutoRaise(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addStretch(1)
        self._layout.addWidget(self.more)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        self.more.setText(self.tr("More ▾"))
        self._fold()

    def addAction(self, action: QAction) -> None:  # type: ignore[override]
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        self._buttons.append(button)
        self._layout.insertWidget(len(self._buttons) - 1, button)
        action.changed.connect(self._fold)
        self._fold()

    def shown_actions(self) -> list[QAction]:
        return [button.defaultAction() for button in self._buttons if not button.isHidden()]

    def folded_actions(self) -> list[QAction]:
        return list(self._menu.actions())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fold()
        return super().event(event)

    def _fold(self) -> None:
        """Show buttons while they fit; the rest, in order, in the menu."""
        spacing = self._layout.spacing()
        widths = [button.sizeHint().width() for button in self._buttons]
        room = self.width()
        if sum(widths) + spacing * max(0, len(widths) - 1) > room:
            room -= self.more.sizeHint().width() + spacing
        used, fits = 0, len(self._buttons)
        for number, width in enumerate(widths):
            if used + width > room:
                fits = number
                break
            used += width + spacing
        self._menu.clear()
        for number, button in enumerate(self._buttons):
            button.setVisible(number < fits)
            if number >= fits:
                self._menu.addAction(button.defaultAction())
        self.more.setVisible(fits < len(self._buttons))

    def minimumSizeHint(self) -> QSize:
        """Room for "More" alone: every action stays reachable however narrow the bar."""
        return self.more.sizeHint()

    def sizeHint(self) -> QSize:
        widths = [button.sizeHint().width() for button in self._buttons]
        height = max([self.more.sizeHint().height(), *(b.sizeHint().height() for b in self._buttons)])
        return QSize(sum(widths) + self._layout.spacing() * max(0, len(widths) - 1), height)
