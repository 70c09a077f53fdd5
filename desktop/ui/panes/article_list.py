"""The article list: a table model that fetches rows page by page, with status and text filters."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.layers import Layers
from desktop.core.models import ArticleFilter, ArticleSummary, Status
from desktop.core.store import Store
from desktop.core.store.analysts import Progress
from desktop.ui.widgets.labels import plain_tooltip, status_label

PAGE_SIZE = 200
# The text filter waits for a pause in typing, then searches off the window's thread.
FILTER_DELAY_MS = 250
# The title keeps at least this many characters' width before the analysts column is left out.
TITLE_MIN_EMS = 8
Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    """Rows are fetched from the store a page at a time, only when the view asks for them."""

    COLUMNS = ("title", "status", "spans", "flags", "analysts")

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.listed = ArticleFilter()
        self._count = 0
        self._pages: dict[int, list[ArticleSummary]] = {}
        self._progress: dict[int, dict[int, list[Progress]]] = {}
        self.refresh()

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def store(self) -> Store:
        return self._store

    def set_filter(self, status: Status | None, ids: list[int] | None = None) -> None:
        """Articles of a status, and (when ``ids`` is given) only those a search found."""
        self.listed = replace(self.listed, status=status, ids=None if ids is None else tuple(ids))
        self.refresh()

    def set_order(self, ids: list[int] | None) -> None:
        """List these articles first, in this order (None: by number)."""
        self.listed = replace(self.listed, order=None if ids is None else tuple(ids))
        self.refresh()

    def set_layers(self, layers: Layers, status_of: str = "") -> None:
        """Count these layers' spans (a number each) and show this analyst's own status ('': the article's)."""
        self.listed = replace(self.listed, layers=layers, status_of=status_of)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._progress.clear()
        self._count = self._store.summaries.count(self.listed)
        self.endResetModel()

    def invalidate_article(self, article_id: int) -> None:
        """Re-read the row of an article after its status or spans changed (only that row: a tag stays cheap)."""
        for page, rows in self._pages.items():
            for offset, summary in enumerate(rows):
                if summary.id == article_id:
                    fresh = self._store.summaries.of(article_id, self.listed)
                    if fresh is None:  # the filter no longer lists it: the rows below it move up
                        self.refresh()
                        return
                    rows[offset] = fresh
                    progress = self._store.analysts.progress([article_id]).get(article_id, [])
                    self._progress.setdefault(page, {})[article_id] = progress
                    row = page * PAGE_SIZE + offset
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                    return

    def summary(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < self._count:
            return None
        page = row // PAGE_SIZE
        if page not in self._pages:
            self._pages[page] = self._store.summaries.page(page * PAGE_SIZE, PAGE_SIZE, self.listed)
            self._progress[page] = self._store.analysts.progress([row.id for row in self._pages[page]])
        rows = self._pages[page]
        offset = row - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def row_of(self, article_id: int) -> int:
        """The row of an article in the current filter, or -1."""
        return self._store.summaries.row_of(article_id, self.listed)

    def next_to_do(self, after: int | None) -> int | None:
        """The next listed article still to do after this one (wrapping round), or None."""
        return self._store.summaries.next_to_do(after, self.listed)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Title"), self.tr("Status"), self.tr("Spans"), self.tr("Flags"), self.tr("Analysts")][section]

    def progress(self, row: int) -> list[Progress]:
        """Each analyst's spans and own status on the article of a row (only the listed analyst's when blind)."""
        summary = self.summary(row)
        if summary is None:
            return []
        found = self._progress.get(row // PAGE_SIZE, {}).get(summary.id, [])
        return [p for p in found if p.annotator == self.listed.status_of] if self.listed.status_of else found

    def progress_text(self, row: int) -> str:
        marks = {Status.DONE: "✓", Status.IN_PROGRESS: "…", Status.TODO: "○"}
        return " · ".join(
            f"{p.annotator} {marks[p.status] if p.status else ''}{p.spans}".strip() for p in self.progress(row)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 4:
                return self.progress_text(index.row())
            # A number for one layer; several layers side by side, each its own number.
            counts = summary.span_counts
            spans = counts[0] if len(counts) == 1 else " · ".join(str(count) for count in counts)
            return [summary.title, status_label(summary.status), spans, summary.flag_count][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain_tooltip(summary.title)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4):
            return plain_tooltip(
                "\n".join(
                    f"{p.annotator}: {status_label(p.status) if p.status else '—'}, {p.spans}"
                    for p in self.progress(index.row())
                )
            )
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None


class ArticleList(QWidget):
    """Filter controls above the lazily loaded table."""

    articleChosen = Signal(int)
    listedChanged = Signal()  # a sample chip came or went: the status bar counts what is listed
    # The text filter: (text, status) to search for; show_found() answers with the ids.
    filterRequested = Signal(str, object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleTableModel(store, self)
        self.filter_text = QLineEdit()
        self.filter_status = QComboBox()
        self.view = QTableView()
        self._several = store.analysts.several()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # No size-to-contents anywhere: with 100,000 rows it would read every row at startup.
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        # The title takes what the other columns, each as wide as its heading or its widest value, leave.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000"))
        self.view.setWordWrap(False)
        # Crawled titles share their beginnings (site names) and ends (dates): keep both visible.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        controls = QHBoxLayout()
        controls.addWidget(self.filter_text, 1)
        controls.addWidget(self.filter_status)
        # A drawn sample limits the list: shown as a chip that one click takes away.
        self.sample: tuple[str, tuple[int, ...]] | None = None
        self.sample_chip = QPushButton()
        self.sample_chip.setStyleSheet("QPushButton { background: #e8eef4; border-radius: 8px; padding: 2px 8px; }")
        self.sample_chip.hide()
        self.sample_chip.clicked.connect(self.clear_sample)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.sample_chip, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(FILTER_DELAY_MS)
        self._typing.timeout.connect(self._apply_filter)
        self.filter_text.textChanged.connect(lambda _text: self._typing.start())
        self.filter_status.currentIndexChanged.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_text.setPlaceholderText(self.tr("Filter by text…"))
        current = self.filter_status.currentIndex()
        self.filter_status.blockSignals(True)
        self.filter_status.clear()
        self.filter_status.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.filter_status.addItem(status_label(status), status)
        self.filter_status.setCurrentIndex(max(0, current))
        self.filter_status.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ArticleTableModel.COLUMNS) - 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Status, spans, flags and analysts as wide as their heading or widest value; the title the rest.

        The analysts column shows only once there are several analysts, and only while the title
        keeps TITLE_MIN_EMS beside it (the status column's tooltip names them as well).
        """
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 12
        widest = {
            1: [status_label(status) for status in Status],
            2: ["0000"],
            3: ["000"],
            4: ["甲 ✓00 · 乙 ✓00"],
        }
        widths = {}
        for column, values in widest.items():
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            widths[column] = max(metrics.horizontalAdvance(text) for text in (heading, *values)) + margin
            self.view.setColumnWidth(column, widths[column])
        room = self.view.viewport().width() - sum(widths.values())
        self.view.setColumnHidden(4, not self._several or room < TITLE_MIN_EMS * metrics.horizontalAdvance("中"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def chosen_status(self) -> Status | None:
        # Qt hands the enum back as its string value.
        status = self.filter_status.currentData()
        return Status(status) if status else None

    def _apply_filter(self) -> None:
        text = self.filter_text.text().strip()
        if text:
            self.filterRequested.emit(text, self.chosen_status())
        else:
            self.model.set_filter(self.chosen_status(), list(self.sample[1]) if self.sample else None)
        self.listedChanged.emit()

    def show_sample(self, name: str, ids: list[int]) -> None:
        """List only a sample's articles, with a chip saying so."""
        self.sample = (name, tuple(ids))
        self.sample_chip.setText(self.tr("Sample: %1  ×").replace("%1", name))
        self.sample_chip.setToolTip(self.tr("Click to list every article again"))
        self.sample_chip.show()
        self._apply_filter()

    def set_store(self, store: Store) -> None:
        """Another database: its list, with no sample of the last one."""
        self.sample = None
        self.sample_chip.hide()
        self.model.set_store(store)
        self._several = store.analysts.several()
        self._fit_columns()

    def clear_sample(self) -> None:
        self.sample = None
        self.sample_chip.hide()
        self._apply_filter()

    def status_counts(self) -> dict[Status, int]:
        """Articles by status of what is listed: the sample's when one is, else every article's."""
        store = self.model.store()
        if self.sample is None:
            return store.articles.status_counts()
        listed = self.model.listed
        return {
            status: store.summaries.count(replace(listed, status=status, ids=self.sample[1], contains=""))
            for status in Status
        }

    def refresh(self) -> None:
        """Read the list again (articles were added or changed); a text filter is searched again."""
        if self.filter_text.text().strip():
            self._apply_filter()
        else:
            self.model.refresh()
        self._several = self.model.store().analysts.several()
        self._fit_columns()

    def show_found(self, text: str, ids: list[int]) -> None:
        """The articles a search for the filter text found (ignored when the text changed meanwhile)."""
        if text == self.filter_text.text().strip():
            if self.sample is not None:
                ids = [article_id for article_id in ids if article_id in set(self.sample[1])]
            self.model.set_filter(self.chosen_status(), ids)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if article_id is not None:
            self.articleChosen.emit(int(article_id))

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.blockSignals(True)
            self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectionModel().blockSignals(False)
            self.view.blockSignals(False)
            self.view.scrollTo(self.model.index(row, 0))

    def step(self, rows: int) -> None:
        """Open the article that many rows down (up when negative), if there is one."""
        row = self.view.currentIndex().row() + rows
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)

    def choose_next_to_do(self) -> bool:
        """Open the next listed article still to do after the current one; False when none is left."""
        current = self.model.data(self.view.currentIndex(), Qt.ItemDataRole.UserRole)
        found = self.model.next_to_do(None if current is None else int(current))
        if found is None:
            return False
        row = self.model.row_of(found)
        if row >= 0:
            self.view.selectRow(row)
        return True
