"""The spans of the open article: category, text, note; edit the note, change category, delete, jump.

A model over the open article's spans: opening an article resets it once (thousands of spans
cost no widget item per cell); a change inserts, removes or updates only the rows it names.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.core.coding.commands import Change, ChangeKind
from desktop.core.models import Category, Span, text_order
from desktop.ui.panes.span_painter import tint
from desktop.ui.widgets.labels import category_label, plain_tooltip

Index = QModelIndex | QPersistentModelIndex
NOTE_COLUMN = 2


class SpanTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.spans: list[Span] = []
        self._categories: dict[str, Category] = {}

    def set_spans(self, spans: list[Span], categories: list[Category]) -> None:
        self.beginResetModel()
        self.spans = list(spans)
        self._categories = {category.id: category for category in categories}
        self.endResetModel()

    def row_of(self, span_id: int | None) -> int:
        return next((row for row, span in enumerate(self.spans) if span.id == span_id), -1)

    def apply(self, change: Change) -> None:
        """The rows a change names, as the change says they now are; applying it twice changes nothing more."""
        for span in change.spans:
            row = self.row_of(span.id)
            if change.kind is ChangeKind.SPANS_REMOVED:
                if row >= 0:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self.spans[row]
                    self.endRemoveRows()
            elif row >= 0:
                self.spans[row] = span
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            elif change.kind is ChangeKind.SPANS_ADDED:
                row = bisect_left(self.spans, text_order(span), key=text_order)
                self.beginInsertRows(QModelIndex(), row, row)
                self.spans.insert(row, span)
                self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Category"), self.tr("Text"), self.tr("Note")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.spans):
            return None
        span = self.spans[index.row()]
        category = self._categories.get(span.category_id)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return category_label(category) if category else span.category_id
            if column == 1:
                return span.text.replace("\n", " ⏎ ")
            return span.note
        if role == Qt.ItemDataRole.BackgroundRole and column == 0 and category is not None:
            return tint(category.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return plain_tooltip(span.text)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        return None


class SpanList(QTableView):
    spanChosen = Signal(int)  # span id
    noteRequested = Signal(int)  # span id: open the note editor
    categoryChosen = Signal(int, str)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span_model = SpanTableModel()
        self.setModel(self.span_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Notes are written in the editor over the pane (double click, F2 or N), never in a cell.
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doubleClicked.connect(
            lambda index: self._request_note(self.span_model.data(index, Qt.ItemDataRole.UserRole))
        )
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setColumnWidth(0, 80)
        self.setColumnWidth(NOTE_COLUMN, 110)
        # An empty Note column only takes the text's width: shown while some span has a note.
        self.span_model.modelReset.connect(self._show_notes_column)
        self.span_model.rowsInserted.connect(self._show_notes_column)
        self.span_model.rowsRemoved.connect(self._show_notes_column)
        self.span_model.dataChanged.connect(self._show_notes_column)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self._categories: list[Category] = []
        self._quiet = False
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.addAction(self.delete_action)
        self.note_action = QAction(self)
        self.note_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.note_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.note_action.triggered.connect(lambda: self._request_note(self.current_span_id()))
        self.addAction(self.note_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.delete_action.setText(self.tr("Delete span"))
        self.note_action.setText(self.tr("Edit note…"))
        self.span_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def _show_notes_column(self) -> None:
        self.setColumnHidden(NOTE_COLUMN, not any(span.note for span in self.span_model.spans))

    def show_spans(self, spans: list[Span], categories: list[Category], selected: int | None = None) -> None:
        self._categories = categories
        self._quiet = True
        self.span_model.set_spans(spans, categories)
        self._quiet = False
        self.select_span(selected)

    def apply(self, change: Change, selected: int | None) -> None:
        self._quiet = True
        self.span_model.apply(change)
        self._quiet = False
        self.select_span(selected)

    def select_span(self, span_id: int | None) -> None:
        row = self.span_model.row_of(span_id)
        self._quiet = True
        if row >= 0:
            self.setCurrentIndex(self.span_model.index(row, 1))
            self.scrollTo(self.span_model.index(row, 1))
        else:
            self.clearSelection()
        self._quiet = False

    def current_span_id(self) -> int | None:
        index = self.currentIndex()
        return self.span_model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        span_id = self.span_model.data(current, Qt.ItemDataRole.UserRole)
        if span_id is not None and not self._quiet:
            self.spanChosen.emit(span_id)

    def _delete_current(self) -> None:
        span_id = self.current_span_id()
        if span_id is not None:
            self.deleteRequested.emit(span_id)

    def _request_note(self, span_id: int | None) -> None:
        if span_id is not None:
            self.noteRequested.emit(span_id)

    def menu_for(self, span_id: int) -> QMenu:
        """Recode (to any other category), note, delete: what can be done to a span from the list."""
        menu = QMenu(self)
        current = self.span_model.spans[self.span_model.row_of(span_id)].category_id
        for category in self._categories:
            if category.id == current or not category.codable:
                continue
            action = menu.addAction(self.tr("Change to %1").replace("%1", category_label(category)))
            action.triggered.connect(lambda _=False, c=category.id: self.categoryChosen.emit(span_id, c))
        menu.addSeparator()
        menu.addAction(self.note_action)
        menu.addAction(self.delete_action)
        return menu

    def _menu(self, point: QPoint) -> None:
        span_id = self.current_span_id()
        if span_id is not None:
            self.menu_for(span_id).exec(self.viewport().mapToGlobal(point))
