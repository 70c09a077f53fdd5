"""The retrieval view: every passage of one code (its sub-codes included) or of all codes, across
all articles, with the words around it; filtered, sorted, read a page at a time as it scrolls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Category, Span
from desktop.core.store.passages import Passage, PassageFilter, PassageOrder
from desktop.ui.widgets.context_columns import show_contexts
from desktop.ui.widgets.labels import category_label, menu_text, plain_label, plain_tooltip

PAGE = 200
TEXT_COLUMN, CODE_COLUMN, ANALYST_COLUMN, NOTE_COLUMN = 2, 4, 5, 6
Index = QModelIndex | QPersistentModelIndex
Reader = Callable[[PassageFilter, PassageOrder, int, int], list[Passage]]


class PassageModel(QAbstractTableModel):
    COLUMNS = ("article", "before", "text", "after", "category", "annotator", "note")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Passage] = []
        self._read: Reader | None = None
        self._chosen = PassageFilter(())
        self._order = PassageOrder.ARTICLE
        self._more = False
        self.labels: dict[str, str] = {}

    def show(self, read: Reader, chosen: PassageFilter, order: PassageOrder) -> None:
        self.beginResetModel()
        self._read, self._chosen, self._order = read, chosen, order
        self.rows = read(chosen, order, 0, PAGE)
        self._more = len(self.rows) == PAGE
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self._read is None or parent.isValid():
            return
        more = self._read(self._chosen, self._order, len(self.rows), PAGE)
        self._more = len(more) == PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows += more
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("Article"), self.tr("Before"), self.tr("Passage"), self.tr("After")]
        return [*names, self.tr("Code"), self.tr("Analyst"), self.tr("Note")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        passage = self.rows[index.row()]
        span = passage.span
        if role == Qt.ItemDataRole.DisplayRole:
            before, after = passage.before.replace("\n", " ⏎ "), passage.after.replace("\n", " ⏎ ")
            category = self.labels.get(span.category_id, span.category_id)
            values = [passage.title, before, span.text, after, category, span.annotator, span.note]
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 2, 6):
            return plain_tooltip([passage.title, "", span.text, "", "", "", span.note][index.column()])
        return None

    def has_notes(self) -> bool:
        return any(passage.span.note for passage in self.rows)


class RetrievalPanel(QWidget):
    requested = Signal()  # the choices changed: read again
    passageChosen = Signal(object)  # Span
    recodeRequested = Signal(object, str)  # Span, category id
    deleteRequested = Signal(object)  # Span
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = QComboBox()
        self.contains = QLineEdit()
        self.order = QComboBox()
        self.export_button = QPushButton()
        self.count = plain_label()
        self.whose = plain_label()  # whose passages: the window's choice of layers
        self.model = PassageModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # The passage takes the spare width; titles, contexts and notes keep a few characters each.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (CODE_COLUMN, ANALYST_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        em = self.fontMetrics().horizontalAdvance("中")
        for column, characters in ((0, 8), (1, 6), (3, 6), (NOTE_COLUMN, 10)):
            self.view.setColumnWidth(column, characters * em)
        show_contexts(self.view, before=1, after=3)
        self.model.modelReset.connect(self._show_notes_column)
        self.model.rowsInserted.connect(self._show_notes_column)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.categories: list[Category] = []
        # Delete in the list deletes the passage's span (a key press, not a second shortcut for Delete).
        self.delete_action = QAction(self.view)
        self.view.installEventFilter(self)
        controls = QHBoxLayout()
        for widget in (self.category, self.contains, self.order):
            controls.addWidget(widget, 1)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(controls)
        layout.addWidget(self.whose)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self.category.currentIndexChanged.connect(lambda _i: self.requested.emit())
        self.order.currentIndexChanged.connect(lambda _i: self.requested.emit())
        self.contains.editingFinished.connect(self.requested)
        self.export_button.clicked.connect(self.exportRequested)
        self.view.activated.connect(self._chosen)
        self.view.doubleClicked.connect(self._chosen)
        self.view.customContextMenuRequested.connect(self._menu)
        self.delete_action.triggered.connect(self._delete_current)
        self.retranslate()

    def retranslate(self) -> None:
        self.contains.setPlaceholderText(self.tr("Passage or note holds…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.delete_action.setText(self.tr("Delete"))
        current = self.order.currentIndex()
        self.order.blockSignals(True)
        self.order.clear()
        names = {
            PassageOrder.ARTICLE: self.tr("In article order"),
            PassageOrder.CATEGORY: self.tr("By code"),
            PassageOrder.ANNOTATOR: self.tr("By analyst"),
            PassageOrder.TEXT: self.tr("By passage text"),
            PassageOrder.NOTE: self.tr("Noted first"),
        }
        for order, name in names.items():
            self.order.addItem(name, order.value)
        self.order.setCurrentIndex(max(0, current))
        self.order.blockSignals(False)
        self.set_categories(self.categories)

    def set_categories(self, categories: list[Category]) -> None:
        self.categories = categories
        self.model.labels = {c.id: category_label(c) for c in categories}
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All codes"), "")
        for category in categories:
            self.category.addItem(category_label(category), category.id)
        found = self.category.findData(chosen)
        self.category.setCurrentIndex(found if found >= 0 else 0)
        self.category.blockSignals(False)

    def choose_category(self, category_id: str) -> None:
        found = self.category.findData(category_id)
        if found >= 0:
            self.category.setCurrentIndex(found)

    def chosen_category(self) -> str:
        return str(self.category.currentData() or "")

    def chosen_order(self) -> PassageOrder:
        return PassageOrder(str(self.order.currentData() or PassageOrder.ARTICLE.value))

    def show_passages(self, read: Reader, chosen: PassageFilter, total: int) -> None:
        self.model.show(read, chosen, self.chosen_order())
        self.count.setText(self.tr("%n passage(s)", "", total))

    def _show_notes_column(self) -> None:
        """A Note column only while some passage shown has a note: an empty one only takes width."""
        self.view.setColumnHidden(NOTE_COLUMN, not self.model.has_notes())

    def current_span(self) -> Span | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row].span if 0 <= row < len(self.model.rows) else None

    def _chosen(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.rows):
            self.passageChosen.emit(self.model.rows[index.row()].span)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and event.matches(QKeySequence.StandardKey.Delete):  # type: ignore[attr-defined]
            self._delete_current()
            return True
        return super().eventFilter(watched, event)

    def _delete_current(self) -> None:
        span = self.current_span()
        if span is not None:
            self.deleteRequested.emit(span)

    def _menu(self, point: QPoint) -> None:
        span = self.current_span()
        if span is None:
            return
        menu = QMenu(self)
        recode = menu.addMenu(self.tr("Change to"))
        for category in self.categories:
            if category.codable and category.id != span.category_id:
                action = recode.addAction(menu_text(category_label(category)))
                action.setToolTip(plain_tooltip(category_label(category)))
                action.triggered.connect(lambda _=False, c=category.id, s=span: self.recodeRequested.emit(s, c))
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(point))
