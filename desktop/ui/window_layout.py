"""The window's central area: the read-only banner, the category bar, the two panes side by side, the find bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.ui.labels import plain_label


def read_only_banner() -> QLabel:
    banner = plain_label()
    banner.setStyleSheet("background: #fff3b0; color: #5a4500; padding: 4px;")
    banner.hide()
    return banner


def _with_header(pane: QWidget, header: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(header)
    layout.addWidget(pane)
    return box


def central_area(
    banner: QLabel, category_bar: QWidget, panes: Sequence[tuple[QWidget, QLabel]], find_bar: QWidget
) -> QWidget:
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for pane, header in panes:
        splitter.addWidget(_with_header(pane, header))
    splitter.setChildrenCollapsible(False)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 4)
    for widget in (banner, category_bar):
        layout.addWidget(widget)
    layout.addWidget(splitter, 1)
    layout.addWidget(find_bar)
    return central
