"""Two small dialogs of corpus work: the recent batches of tagged hits (undo or redo one, even
after the window was closed), and the suggestion rules with how often each was accepted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.learning.predicting import LEARNED
from desktop.core.search.suggesting import TAGGED
from desktop.core.store.batches import Batch, BatchState
from desktop.core.store.suggestion_log import SourceRecord
from desktop.ui.widgets.labels import plain_label


def _table(headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class BatchesDialog(QDialog):
    undoRequested = Signal(object)  # Batch
    redoRequested = Signal(object)  # Batch

    def __init__(self, read: Callable[[], list[Batch]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recent batches"))
        self._read = read
        self.batches: list[Batch] = []
        self.table = _table(
            [
                self.tr("Batch"),
                self.tr("When"),
                self.tr("State"),
                self.tr("Analyst"),
                self.tr("Tagged"),
                self.tr("What"),
            ]
        )
        self.undo_button = QPushButton(self.tr("Undo batch"))
        self.redo_button = QPushButton(self.tr("Redo batch"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Undoing a batch removes its spans that are as it made them.")))
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.undo_button.clicked.connect(lambda: self._emit(BatchState.DONE))
        self.redo_button.clicked.connect(lambda: self._emit(BatchState.UNDONE))
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(760, 360)
        self.refresh()

    def refresh(self) -> None:
        self.batches = self._read()
        self.table.setRowCount(len(self.batches))
        states = {BatchState.DONE: self.tr("done"), BatchState.UNDONE: self.tr("undone")}
        for row, batch in enumerate(self.batches):
            tagged = self.tr("%1 tagged, %2 skipped").replace("%1", str(batch.tagged)).replace("%2", str(batch.skipped))
            values = [str(batch.id), batch.created_at, states[batch.state], batch.annotator, tagged, batch.description]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.batches:
            self.table.selectRow(0)
        self._enable()

    def chosen(self) -> Batch | None:
        row = self.table.currentRow()
        return self.batches[row] if 0 <= row < len(self.batches) else None

    def _enable(self) -> None:
        batch = self.chosen()
        self.undo_button.setEnabled(batch is not None and batch.state is BatchState.DONE)
        self.redo_button.setEnabled(batch is not None and batch.state is BatchState.UNDONE)

    def _emit(self, state: BatchState) -> None:
        """Undo a done batch or redo an undone one: the button pressed names which."""
        batch = self.chosen()
        if batch is not None and batch.state is state:
            (self.undoRequested if state is BatchState.DONE else self.redoRequested).emit(batch)
            self.refresh()


class RulesDialog(QDialog):
    """Each source of suggestions: accepted, rejected, the share accepted; untick to switch it off."""

    switched = Signal(str, bool)  # source, on
    editRequested = Signal()

    def __init__(self, records: list[SourceRecord], problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggestion rules"))
        self.table = _table([self.tr("Source"), self.tr("Accepted"), self.tr("Rejected"), self.tr("Accepted share")])
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            # A rule by the name its file gives it; the other sources in the interface's words.
            words = {TAGGED: self.tr("Strings tagged elsewhere"), LEARNED: self.tr("Learned from your coding")}
            name = QTableWidgetItem(words.get(record.source, record.source))
            name.setData(Qt.ItemDataRole.UserRole, record.source)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked if record.switched_off else Qt.CheckState.Checked)
            self.table.setItem(row, 0, name)
            share = "–" if record.acceptance is None else f"{record.acceptance:.0%}"
            for column, value in enumerate((str(record.accepted), str(record.rejected), share), start=1):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.itemChanged.connect(self._changed)
        edit = QPushButton(self.tr("Edit rules file…"))
        edit.clicked.connect(self.editRequested)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if problems:
            layout.addWidget(plain_label("\n".join(problems)))
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        bottom.addWidget(edit)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(620, 420)

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.switched.emit(str(item.data(Qt.ItemDataRole.UserRole)), item.checkState() == Qt.CheckState.Checked)
