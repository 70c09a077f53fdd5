"""The agreement report in the window: figures per code, the confusion table, the disagreements.

The same report as `policy-annotator agreement` (built by ``core.double_coding``), computed
off the window's thread; a double click on a disagreement opens its article with the passage
selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysts.agreement import MEASURES, OVERALL, Level
from desktop.core.analysts.disagreements import NONE
from desktop.core.analysts.double_coding import Report, context_of, shown
from desktop.core.store import STORE_FAILURES, Store
from desktop.ui.review.report_runner import ReportRunner
from desktop.ui.review.round_choice import RoundChoice, analyst_choices
from desktop.ui.widgets.labels import category_label, plain_label


class AgreementDialog(QDialog):
    passageChosen = Signal(int, int, int)  # article id, start, end (Simplified)

    def __init__(self, store: Store, open_store: Callable[[str], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement report"))
        self.resize(900, 600)
        self.store = store
        self.runner = ReportRunner(store, open_store, self)
        self.runner.figured.connect(self._show_figures)
        self.runner.ready.connect(self._show)
        self.runner.failed.connect(self._failed)
        self.report: Report | None = None
        self._labels: dict[str, str] = {}
        self._titles: dict[int, str] = {}
        self.choice = RoundChoice()
        self.choice.fill(*analyst_choices(store))
        self.compute = QPushButton(self.tr("Compute"))
        self.compute.clicked.connect(self.show_report)
        # Articles one analyst has not coded would count as disagreement: by default they are left out.
        self.finished_only = QCheckBox(self.tr("Only articles every analyst coded"))
        self.finished_only.setChecked(True)
        self.coverage = plain_label()
        self.coverage.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.figures, self.confusion, self.disagreements = QTableWidget(), QTableWidget(), QTableWidget()
        for table in (self.figures, self.confusion, self.disagreements):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.disagreements.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.disagreements.cellDoubleClicked.connect(self._open_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.addTab(self.confusion, self.tr("Confusion"))
        self.tabs.addTab(self.disagreements, self.tr("Disagreements"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.finished_only)
        layout.addWidget(self.compute)
        layout.addWidget(self.coverage)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def show_report(self) -> None:
        """Ask for the report; the tables fill when it comes (at corpus size, seconds later)."""
        analysts, sample = self.choice.chosen()
        self.compute.setEnabled(False)
        self.summary.setText(self.tr("Computing the agreement of %1…").replace("%1", ", ".join(analysts)))
        self.runner.start(analysts, sample, self.finished_only.isChecked())

    def _failed(self, message: str) -> None:
        self.compute.setEnabled(True)
        self.summary.setText(message)

    def _show_figures(self, result: Report) -> None:
        """The figures, ahead of the confusion table and the disagreements still being worked out."""
        self._show_coverage(result)
        self._fill_figures(result)
        for table in (self.confusion, self.disagreements):
            table.setRowCount(0)
        self.summary.setText(self.tr("Figures ready; the confusion table and the disagreements are being worked out…"))

    def _show(self, result: Report, texts: dict[int, str]) -> None:
        self.compute.setEnabled(True)
        self.report = result
        self._show_coverage(result)
        self.summary.setText(
            self.tr(
                "%n article(s); spans: %2. n/a: not defined by the data. Percent agreement is not chance-corrected.",
                "",
                result.articles,
            ).replace("%2", ", ".join(f"{name} {result.spans.get(name, 0)}" for name in result.analysts))
        )
        self._fill_figures(result)
        self._fill_confusion(result)
        self._fill_disagreements(result, texts)

    def _show_coverage(self, result: Report) -> None:
        """How much of the set each analyst coded; a warning banner when one has not finished it."""
        coverage = result.coverage
        parts = ", ".join(
            self.tr("%1 coded %2 of %3").replace("%1", name).replace("%2", str(n)).replace("%3", str(coverage.articles))
            for name, n in coverage.coded.items()
        )
        missing = coverage.unfinished()
        if not missing:
            self.coverage.setText(self.tr("Coverage: %1.").replace("%1", parts))
            self.coverage.setStyleSheet("")
        elif coverage.finished_only:
            self.coverage.setText(
                self.tr(
                    "Not every analyst finished the set (%1): the figures cover the %n article(s) all of them coded.",
                    "",
                    result.articles,
                ).replace("%1", parts)
            )
            self.coverage.setStyleSheet("background: #fff3b0; color: #5a4500; padding: 4px;")
        else:
            self.coverage.setText(
                self.tr(
                    "Not every analyst finished the set (%1): an article one of them has not coded counts as"
                    " disagreement."
                ).replace("%1", parts)
            )
            self.coverage.setStyleSheet("background: #fff3b0; color: #5a4500; padding: 4px;")

    def done(self, result: int) -> None:
        """Closed by its button, Esc or the title bar (QDialog's close ends here too): the thread ends."""
        self.runner.stop()
        super().done(result)

    def measure_names(self) -> dict[str, str]:
        return {
            "f1_exact": self.tr("F1, exact spans"),
            "f1_overlap": self.tr("F1, overlapping spans"),
            "cohen_kappa": self.tr("Cohen's κ"),
            "fleiss_kappa": self.tr("Fleiss' κ"),
            "krippendorff_alpha": self.tr("Krippendorff's α"),
            "percent_agreement": self.tr("Percent agreement"),
            "krippendorff_alpha_u": self.tr("Krippendorff's uα (characters)"),
        }

    def code(self, category_id: str) -> str:
        """A code by its label in the interface's language (its id if it is gone)."""
        if not self._labels:
            try:
                self._labels = {c.id: category_label(c) for c in self.store.categories.all()}
            except STORE_FAILURES:
                return category_id
        return self._labels.get(category_id, category_id)

    def title(self, article_id: int) -> str:
        if article_id not in self._titles:
            try:
                self._titles[article_id] = self.store.articles.get(article_id).title
            except STORE_FAILURES:
                return str(article_id)
        return self._titles[article_id]

    def _fill_figures(self, result: Report) -> None:
        measures = [m for level in Level for m in MEASURES[level] if any(f.measure == m for f in result.figures)]
        categories = list(dict.fromkeys(f.category for f in result.figures))
        self.figures.setRowCount(len(categories))
        self.figures.setColumnCount(len(measures))
        names = self.measure_names()
        for column, measure in enumerate(measures):
            heading = QTableWidgetItem(names.get(measure, measure))
            heading.setData(Qt.ItemDataRole.UserRole, measure)
            self.figures.setHorizontalHeaderItem(column, heading)
        for row, category in enumerate(categories):
            heading = QTableWidgetItem(self.tr("All codes") if category == OVERALL else self.code(category))
            heading.setData(Qt.ItemDataRole.UserRole, category)
            self.figures.setVerticalHeaderItem(row, heading)
        for row, category in enumerate(categories):
            for column, measure in enumerate(measures):
                value = shown(result.value(category, measure)) or "n/a"
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.figures.setItem(row, column, item)
        self.figures.resizeColumnsToContents()

    def _fill_confusion(self, result: Report) -> None:
        codes = sorted(
            {a for a, _ in result.confusion} | {b for _, b in result.confusion}, key=lambda c: (c == NONE, c)
        )
        labels = [self.code(code) if code else self.tr("(nothing)") for code in codes]
        self.confusion.setRowCount(len(codes))
        self.confusion.setColumnCount(len(codes))
        self.confusion.setVerticalHeaderLabels([f"{result.analysts[0]}: {label}" for label in labels])
        self.confusion.setHorizontalHeaderLabels([f"{result.analysts[1]}: {label}" for label in labels])
        for row, a in enumerate(codes):
            for column, b in enumerate(codes):
                self.confusion.setItem(row, column, QTableWidgetItem(str(result.confusion.get((a, b), 0))))
        self.confusion.resizeColumnsToContents()

    def _fill_disagreements(self, result: Report, texts: dict[int, str]) -> None:
        items = result.comparison.disagreements
        self.disagreements.setRowCount(len(items))
        self.disagreements.setColumnCount(4)
        first, second = result.analysts[0], result.analysts[1]
        self.disagreements.setHorizontalHeaderLabels([self.tr("Article"), first, second, self.tr("Passage")])
        for row, item in enumerate(items):
            before, passage, after = context_of(texts.get(item.article_id, ""), item.start, item.end)
            cells = [
                self.title(item.article_id),
                ", ".join(self.code(s.category_id) for s in item.first) or "—",
                ", ".join(self.code(s.category_id) for s in item.second) or "—",
                f"{before}【{passage}】{after}",
            ]
            for column, text in enumerate(cells):
                self.disagreements.setItem(row, column, QTableWidgetItem(text))
        self.disagreements.resizeColumnsToContents()

    def _open_row(self, row: int, _column: int) -> None:
        if self.report is not None and 0 <= row < len(self.report.comparison.disagreements):
            item = self.report.comparison.disagreements[row]
            self.passageChosen.emit(item.article_id, item.start, item.end)
