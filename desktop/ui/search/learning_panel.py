"""The Suggestions panel's learned half: switch learning on, say the precision wanted, and read how often
each code's suggestions were right on articles the model did not see, before trusting them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.learning.limits import DEFAULT_PRECISION, MIN_ARTICLES, MIN_POSITIVES

if TYPE_CHECKING:  # the figures' types load with the first training, not with the window
    from desktop.core.learning.results import CodeFigures, Training


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


class LearningPanel(QWidget):
    enabledChanged = Signal(bool)
    uncertainFirstChanged = Signal(bool)
    precisionChanged = Signal(float)
    trainRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox()
        self.uncertain_box = QCheckBox()
        self.precision_label = QLabel()
        self.precision = QDoubleSpinBox(minimum=0.5, maximum=0.99, singleStep=0.05, decimals=2)
        self.precision.setValue(DEFAULT_PRECISION)
        self.train_button = QPushButton()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The code's name takes what the figures leave: a narrow dock elides it rather than scroll.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setTextFormat(Qt.TextFormat.PlainText)
        # Rows of one or two controls: the dock shares a side of the window and is often narrow.
        precision_row = QHBoxLayout()
        precision_row.addWidget(self.precision_label)
        precision_row.addWidget(self.precision)
        precision_row.addStretch(1)
        train_row = QHBoxLayout()
        train_row.addWidget(self.train_button)
        train_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled_box)
        layout.addLayout(precision_row)
        layout.addWidget(self.uncertain_box)
        layout.addLayout(train_row)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rule)
        self.enabled_box.toggled.connect(self._enabled)
        self.uncertain_box.toggled.connect(self.uncertainFirstChanged)
        self.precision.valueChanged.connect(self.precisionChanged)
        self.train_button.clicked.connect(self.trainRequested)
        self._training: Training | None = None
        self._labels: dict[str, str] = {}
        self._enabled(False)

    def retranslate(self) -> None:
        self.enabled_box.setText(self.tr("Learn from my coding"))
        self.enabled_box.setToolTip(
            self.tr(
                "A model per code learns from the coding units of the articles you marked done, on this"
                " computer; its suggestions join the others (Show suggestions)"
            )
        )
        self.uncertain_box.setText(self.tr("Least sure articles first"))
        self.uncertain_box.setToolTip(
            self.tr("List the articles the model is least sure of first, so each one coded teaches it most")
        )
        self.precision_label.setText(self.tr("Precision at least"))
        self.train_button.setText(self.tr("Train now"))
        # Short headings (the dock is narrow), the whole word in each one's tooltip.
        headings = [
            (self.tr("Code"), self.tr("Code")),
            (self.tr("Units"), self.tr("Coding units coded with it (sub-codes included)")),
            (self.tr("Prec."), self.tr("Precision: of the units suggested, the share coded with it")),
            (self.tr("Rec."), self.tr("Recall: of the units coded with it, the share suggested")),
            (self.tr("F1"), self.tr("F1: the harmonic mean of precision and recall")),
            (self.tr("Thr."), self.tr("Threshold: the probability a unit needs to be suggested")),
        ]
        for column, (text, tip) in enumerate(headings):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.rule.setText(
            self.tr(
                "Figures from cross-validation by article. A code is suggested once it has %1 coded units in %2"
                " articles and its suggestions reach the precision asked for."
            )
            .replace("%1", str(MIN_POSITIVES))
            .replace("%2", str(MIN_ARTICLES))
        )
        self.show_training(self._training, self._labels)

    def _enabled(self, on: bool) -> None:
        for widget in (self.precision, self.train_button, self.uncertain_box, self.table):
            widget.setEnabled(on)
        self.enabledChanged.emit(on)

    def set_state(self, text: str) -> None:
        self.state.setText(text)

    def show_training(self, training: Training | None, labels: dict[str, str]) -> None:
        """Each code's figures, in codebook order; a code not suggested says why instead of a threshold."""
        self._training, self._labels = training, labels
        figures = training.figures if training is not None else []
        self.table.setRowCount(len(figures))
        if not figures:
            return
        from desktop.core.learning.results import Verdict

        for row, figure in enumerate(figures):
            cells = [
                labels.get(figure.code, figure.code),
                str(figure.positives),
                _figure(figure.precision),
                _figure(figure.recall),
                _figure(figure.f1),
                self._threshold(figure),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if figure.verdict is not Verdict.SUGGESTED:
                    item.setForeground(self.palette().placeholderText())
                item.setToolTip(self._why(figure))
                self.table.setItem(row, column, item)

    def _threshold(self, figure: CodeFigures) -> str:
        from desktop.core.learning.results import Verdict

        if figure.verdict is Verdict.SUGGESTED and figure.threshold is not None:
            return f"{figure.threshold:.2f}"
        if figure.verdict is Verdict.TOO_FEW:
            return self.tr("too few")
        return self.tr("imprecise")

    def _why(self, figure: CodeFigures) -> str:
        from desktop.core.learning.results import Verdict

        if figure.verdict is Verdict.SUGGESTED:
            return (
                self.tr("Suggested where its probability reaches %1; %2 units in %3 articles")
                .replace("%1", _figure(figure.threshold))
                .replace("%2", str(figure.positives))
                .replace("%3", str(figure.articles))
            )
        if figure.verdict is Verdict.TOO_FEW:
            return (
                self.tr("Not suggested: %1 coded units in %2 articles (it needs %3 in %4)")
                .replace("%1", str(figure.positives))
                .replace("%2", str(figure.articles))
                .replace("%3", str(MIN_POSITIVES))
                .replace("%4", str(MIN_ARTICLES))
            )
        return self.tr(
            "Not suggested: on articles it did not see, its suggestions never reached the precision asked for"
        )
