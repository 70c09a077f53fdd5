"""The corpus search dock: a query in either script, filters, hits in context grouped by article,
and tagging the selected hits (or all of them) as one batch."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Category, Status
from desktop.core.search.searching import Hit
from desktop.ui.widgets.context_columns import show_contexts
from desktop.ui.widgets.labels import category_label, plain_label, plain_tooltip, status_label

HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchChoices(NamedTuple):
    """What the analyst asked for, as the panel's controls hold it."""

    query: str
    regex: bool
    status: str  # a Status value, or ""
    with_category: str
    without_category: str
    annotator: str
    field: str  # "name=value" or ""


def _flat(text: str) -> str:
    return text.replace("\n", " ⏎ ")


class SearchPanel(QWidget):
    searchRequested = Signal(object)  # SearchChoices
    hitChosen = Signal(object)  # Hit
    tagRequested = Signal(str, str, bool)  # category, widen ("hit", "clause", "sentence"), every hit (else selected)
    batchesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.regex = QCheckBox()
        self.search_button = QPushButton()
        self.status = QComboBox()
        self.with_category = QComboBox()
        self.without_category = QComboBox()
        self.annotator = QLineEdit()
        self.field = QLineEdit()
        self.results = QTreeWidget()
        self.results.setColumnCount(3)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setUniformRowHeights(True)
        # The contexts share what the hit leaves, each cut on the side away from the hit.
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        show_contexts(self.results, before=0, after=2)
        self.summary = plain_label()
        self.tag_category = QComboBox()
        self.widen = QComboBox()
        self.tag_selected = QPushButton()
        self.tag_all = QPushButton()
        self.batches_button = QPushButton()
        self.hits: list[Hit] = []
        self._articles: dict[int, QTreeWidgetItem] = {}
        self._build()
        self.query.returnPressed.connect(self.request)
        self.search_button.clicked.connect(self.request)
        self.results.itemActivated.connect(self._activated)
        self.tag_selected.clicked.connect(lambda: self._tag(every=False))
        self.tag_all.clicked.connect(lambda: self._tag(every=True))
        self.batches_button.clicked.connect(self.batchesRequested)
        self.retranslate()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.regex)
        top.addWidget(self.search_button)
        filters = QGridLayout()
        for column, widget in enumerate(
            (self.status, self.with_category, self.without_category, self.annotator, self.field)
        ):
            filters.addWidget(widget, 0, column)
        tagging = QHBoxLayout()
        for widget in (self.tag_category, self.widen, self.tag_selected, self.tag_all):
            tagging.addWidget(widget)
        tagging.addStretch(1)
        tagging.addWidget(self.batches_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addLayout(tagging)

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr('Search every article (Traditional or Simplified; "a phrase")'))
        self.regex.setText(self.tr("Regular expression"))
        self.search_button.setText(self.tr("Search"))
        self.annotator.setPlaceholderText(self.tr("Coded by analyst…"))
        self.field.setPlaceholderText(self.tr("Metadata field=value…"))
        self.results.setHeaderLabels([self.tr("Before"), self.tr("Hit"), self.tr("After")])
        self.results.headerItem().setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tag_selected.setText(self.tr("Tag selected hits"))
        self.tag_all.setText(self.tr("Tag all hits"))
        self.batches_button.setText(self.tr("Recent batches…"))
        current = self.status.currentIndex()
        self.status.clear()
        self.status.addItem(self.tr("Any status"), "")
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(max(0, current))
        current = self.widen.currentIndex()
        self.widen.clear()
        self.widen.addItem(self.tr("the hit"), "hit")
        self.widen.addItem(self.tr("its clause"), "clause")
        self.widen.addItem(self.tr("its sentence"), "sentence")
        self.widen.setCurrentIndex(max(0, current))

    def set_categories(self, categories: list[Category]) -> None:
        for combo, first in (
            (self.with_category, self.tr("With any code")),
            (self.without_category, self.tr("Without…")),
            (self.tag_category, None),
        ):
            chosen = combo.currentData()
            combo.clear()
            if first is not None:
                combo.addItem(first, "")
            for category in categories:
                if first is not None or category.codable:
                    combo.addItem(category_label(category), category.id)
            found = combo.findData(chosen)
            combo.setCurrentIndex(found if found >= 0 else 0)

    def choices(self) -> SearchChoices:
        return SearchChoices(
            self.query.text(),
            self.regex.isChecked(),
            str(self.status.currentData() or ""),
            str(self.with_category.currentData() or ""),
            str(self.without_category.currentData() or ""),
            self.annotator.text().strip(),
            self.field.text().strip(),
        )

    def request(self) -> None:
        if self.query.text().strip():
            self.searchRequested.emit(self.choices())

    # results --------------------------------------------------------------------------------

    def clear_results(self, summary: str = "") -> None:
        self.results.clear()
        self.hits = []
        self._articles = {}
        self.summary.setText(summary)

    def add_hits(self, hits: list[Hit]) -> None:
        for hit in hits:
            parent = self._articles.get(hit.article_id)
            if parent is None:
                parent = self._articles[hit.article_id] = QTreeWidgetItem(self.results)
                parent.setFirstColumnSpanned(True)
                parent.setData(0, HIT_ROLE, -1)
                parent.setExpanded(True)
            item = QTreeWidgetItem(parent, [_flat(hit.context_before), hit.text, _flat(hit.context_after)])
            item.setData(0, HIT_ROLE, len(self.hits))
            item.setToolTip(1, plain_tooltip(hit.title))
            self.hits.append(hit)
            parent.setText(0, f"{hit.title}  ({parent.childCount()})")
            parent.setToolTip(0, plain_tooltip(hit.title))

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def selected_hits(self) -> list[Hit]:
        chosen: list[Hit] = []
        for item in self.results.selectedItems():
            index = int(item.data(0, HIT_ROLE))
            if index >= 0:
                chosen.append(self.hits[index])
            else:  # an article row stands for all its hits
                children = (item.child(i) for i in range(item.childCount()))
                chosen += [self.hits[int(child.data(0, HIT_ROLE))] for child in children if child is not None]
        return sorted(set(chosen), key=lambda hit: (hit.article_id, hit.start, hit.end))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        index = int(item.data(0, HIT_ROLE))
        first = item.child(0) if index < 0 else None
        if first is not None:
            index = int(first.data(0, HIT_ROLE))
        if index >= 0:
            self.hitChosen.emit(self.hits[index])

    def _tag(self, every: bool) -> None:
        category = self.tag_category.currentData()
        if category:
            self.tagRequested.emit(str(category), str(self.widen.currentData()), every)
