"""The spans of the open article: category, text, note; edit the note, change category, delete, jump."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem, QWidget

from desktop.core.models import Category, Span
from desktop.ui.labels import category_label
from desktop.ui.span_highlighter import tint

SPAN_ID = Qt.ItemDataRole.UserRole


class SpanList(QTableWidget):
    spanChosen = Signal(int)  # span id
    noteEdited = Signal(int, str)
    categoryChosen = Signal(int, str)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setColumnWidth(2, 110)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemChanged.connect(self._item_changed)
        self.currentCellChanged.connect(self._current_changed)
        self._categories: list[Category] = []
        self._filling = False
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.addAction(self.delete_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Text"), self.tr("Note")])
        self.delete_action.setText(self.tr("Delete span"))

    def show_spans(self, spans: list[Span], categories: list[Category], selected: int | None = None) -> None:
        self._categories = categories
        by_id = {category.id: category for category in categories}
        self._filling = True
        self.blockSignals(True)
        self.setRowCount(len(spans))
        for row, span in enumerate(spans):
            category = by_id.get(span.category_id)
            name = QTableWidgetItem(category_label(category) if category else span.category_id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if category:
                name.setBackground(tint(category.colour))
            text = QTableWidgetItem(span.text.replace("\n", " ⏎ "))
            text.setFlags(text.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text.setToolTip(span.text)
            note = QTableWidgetItem(span.note)
            for item in (name, text, note):
                item.setData(SPAN_ID, span.id)
            self.setItem(row, 0, name)
            self.setItem(row, 1, text)
            self.setItem(row, 2, note)
            if span.id == selected:
                self.setCurrentCell(row, 1)
        self.blockSignals(False)
        self._filling = False

    def select_span(self, span_id: int | None) -> None:
        self.blockSignals(True)
        for row in range(self.rowCount()):
            if self.item(row, 0).data(SPAN_ID) == span_id:
                self.setCurrentCell(row, 1)
                break
        else:
            self.clearSelection()
        self.blockSignals(False)

    def current_span_id(self) -> int | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return None if item is None else item.data(SPAN_ID)

    def _current_changed(self, row: int, _column: int, _previous_row: int, _previous_column: int) -> None:
        item = self.item(row, 0) if row >= 0 else None
        if item is not None:
            self.spanChosen.emit(item.data(SPAN_ID))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == 2:
            self.noteEdited.emit(item.data(SPAN_ID), item.text())

    def _delete_current(self) -> None:
        span_id = self.current_span_id()
        if span_id is not None:
            self.deleteRequested.emit(span_id)

    def _menu(self, point: QPoint) -> None:
        span_id = self.current_span_id()
        if span_id is None:
            return
        menu = QMenu(self)
        for category in self._categories:
            action = menu.addAction(self.tr("Change to %1").replace("%1", category_label(category)))
            action.triggered.connect(lambda _=False, c=category.id: self.categoryChosen.emit(span_id, c))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.viewport().mapToGlobal(point))
