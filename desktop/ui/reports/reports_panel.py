"""Reports in the window: pick a table, see it with a heat map over its counts, and (for the
frequencies) a bar chart painted with Qt; export what is shown as CSV."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus.reporting import PER_ARTICLE, PER_UNIT, ReportKind, ReportRequest
from desktop.ui.reports.report_words import ShownTable
from desktop.ui.widgets.labels import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
SHOWN_ROWS = 5000  # the window shows this many rows of a long table; the CSV holds them all
HEAT = QColor("#d9534f")


class ReportModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.rows: list[tuple[Any, ...]] = []
        self.counts_from = 0
        self.shown = ShownTable([], {}, {}, frozenset(), "")
        self.highest = 0.0

    def set_table(self, shown: ShownTable, rows: list[tuple[Any, ...]], counts_from: int) -> None:
        self.beginResetModel()
        self.shown, self.headings, self.rows, self.counts_from = shown, shown.headings, rows, counts_from
        numbers = [
            v for row in rows for v in row[counts_from:] if isinstance(v, int | float) and not isinstance(v, bool)
        ]
        self.highest = float(max(numbers, default=0))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return f"{value:.1%}"
            return self.cell(index.column(), value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return plain_tooltip(self.cell(index.column(), value))
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.heat(index.row(), index.column())
        return None

    def cell(self, column: int, value: Any) -> str:
        """Codes by their label paths, the layer as the window names it, other cells as they are."""
        if not isinstance(value, str):
            return str(value)
        if column == 0:
            return self.shown.layers.get(value, value)
        if column in self.shown.code_columns:
            codes = self.shown.codes
            return "; ".join(codes.get(code, code) for code in value.split("; ")) if value else value
        return value

    def heat(self, row: int, column: int) -> QColor | None:
        """The heat-map colour of a count: stronger the nearer it is to the table's highest count."""
        value = self.rows[row][column]
        if column < self.counts_from or not isinstance(value, int) or isinstance(value, bool) or self.highest <= 0:
            return None
        colour = QColor(HEAT)
        colour.setAlphaF(0.08 + 0.6 * value / self.highest if value else 0.0)
        return colour


class BarChart(QWidget):
    """Horizontal bars, one per category: the frequencies table at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = bars
        self.setFixedHeight(max(1, len(bars)) * (self.fontMetrics().height() + 4) + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        label_width = min(self.width() // 2, max((metrics.horizontalAdvance(n) for n, _ in self.bars), default=0) + 8)
        highest = max((v for _, v in self.bars), default=0) or 1
        row = metrics.height() + 4
        text = self.palette().color(QPalette.ColorRole.Text)
        for i, (name, value) in enumerate(self.bars):
            y = 4 + i * row
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_width - 4, row),
                Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, label_width - 4),
            )
            width = (self.width() - label_width - 48) * value / highest
            painter.fillRect(QRectF(label_width, y + 2, max(width, 1 if value else 0), row - 6), HEAT)
            painter.drawText(QRectF(label_width + width + 4, y, 44, row), Qt.AlignmentFlag.AlignLeft, str(value))


class ReportsPanel(QWidget):
    requested = Signal(object)  # ReportRequest
    exportRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in ReportKind:
            self.kind.addItem(kind.value, kind.value)
        self.by = QComboBox()
        self.once = QCheckBox()
        self.run_button = QPushButton()
        self.export_button = QPushButton()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.chart = BarChart()
        self.model = ReportModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        controls = QHBoxLayout()
        for widget in (self.kind, self.by, self.once, self.run_button, self.export_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.run_button.clicked.connect(lambda: self.requested.emit(self.request()))
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.request()))
        self._fields: list[tuple[str, str]] = []
        self._shown = False  # a table is shown: until then the summary says what to do
        self.retranslate()

    def retranslate(self) -> None:
        if not self._shown:
            self.summary.setText(
                self.tr("Choose a report and press Show: it counts the spans of the layer chosen in the status bar.")
            )
        self.once.setText(self.tr("Once per article"))
        self.run_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export CSV…"))
        names = {
            ReportKind.FREQUENCIES: self.tr("Frequencies"),
            ReportKind.MATRIX: self.tr("Code × article matrix"),
            ReportKind.CROSSTAB: self.tr("Crosstab by metadata"),
            ReportKind.COOCCURRENCE: self.tr("Co-occurrence"),
            ReportKind.CODING_TABLE: self.tr("Coding table"),
        }
        for i in range(self.kind.count()):
            self.kind.setItemText(i, names[ReportKind(self.kind.itemData(i))])
        self._kind_changed()

    def set_choices(self, fields: list[tuple[str, str]]) -> None:
        """Metadata fields (name, label) to cross by; whose spans is the window's choice (the status bar's)."""
        self._fields = fields
        self._kind_changed()

    def current_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData() or ReportKind.FREQUENCIES.value)

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        current = self.by.currentData()
        self.by.clear()
        if kind is ReportKind.CROSSTAB:
            self.by.addItem(self.tr("Year"), "year")
            for name, label in self._fields:
                self.by.addItem(label, name)
        elif kind is ReportKind.COOCCURRENCE:
            self.by.addItem(self.tr("Per coding unit"), PER_UNIT)
            self.by.addItem(self.tr("Per article"), PER_ARTICLE)
        self.by.setCurrentIndex(max(0, self.by.findData(current)))
        self.by.setVisible(self.by.count() > 0)
        self.once.setVisible(kind in (ReportKind.MATRIX, ReportKind.CROSSTAB))

    def request(self) -> ReportRequest:
        """The report asked for, its layers still to be set from the window's choice."""
        return ReportRequest(
            self.current_kind(), by=self.by.currentData() or "", once=self.once.isVisible() and self.once.isChecked()
        )

    def show_table(self, shown: ShownTable, rows: list[tuple[Any, ...]], counts_from: int, summary: str) -> None:
        self.model.set_table(shown, rows, counts_from)
        self._shown = True
        self.summary.setText(summary)
        frequencies = self.current_kind() is ReportKind.FREQUENCIES
        self.chart.setVisible(frequencies)
        if frequencies:
            # Rows are (layer, code, spans, …); with several layers each bar says whose it is.
            several = len({row[0] for row in rows}) > 1
            cell = self.model.cell
            bars = [(f"{cell(0, row[0])} · " if several else "") + cell(1, row[1]) for row in rows]
            self.chart.set_bars([(bar, int(row[2])) for bar, row in zip(bars, rows, strict=True)])
        self.view.resizeColumnsToContents()
