"""Help → Keyboard shortcuts: read from the window's actions, so the list cannot go stale."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what the action does, its keys) for every action bound to a key, in menu order, each once."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts() if on_keyboards(key)]
        # The icon text: the action's name without its mnemonic, or a fixed one (Undo, not "Undo tag …").
        name = action.iconText().removesuffix("…")
        row = (name, ", ".join(key for key in keys if key))
        if row[1] and row not in rows:
            rows.append(row)
    return rows


def on_keyboards(sequence: QKeySequence) -> bool:
    """Keys an analyst's keyboard has: standard bindings also list F13–F35 (Sun's Undo key is F14) and
    media keys (Undo, Copy…), which Qt names in English."""
    return all(sequence[i].key().value < Qt.Key.Key_F13.value for i in range(sequence.count()))  # type: ignore[index]


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(rows):
            # QTableWidgetItem shows its text as plain text: names from data stay literal.
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
