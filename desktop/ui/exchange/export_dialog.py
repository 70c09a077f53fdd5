"""Export options as the command line has them: filters, and for CSV context, extra columns, formula guard, encoding.

The choices a format offers come from its registry record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from desktop.core.exchange.formats import CONTEXT, FORMULA_GUARD, WITH_METADATA, WITH_STATUS, ExchangeFormat
from desktop.core.exchange.outgoing import REPORTS_CORPUS, REPORTS_FILTERED, REPORTS_NONE, ExportOptions
from desktop.core.layers import Layers
from desktop.core.models import Category, SpanFilter, Status
from desktop.ui.widgets.labels import category_label, encoding_label, format_label, menu_text, plain_label, status_label
from desktop.ui.window.layer_choice import LayerBox, LayerOffer, resolve


class ExportDialog(QDialog):
    def __init__(
        self,
        fmt: ExchangeFormat,
        categories: list[Category],
        parent: QWidget | None = None,
        offer: LayerOffer | None = None,
    ) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.offer = offer or LayerOffer()
        self.setWindowTitle(self.tr("Export %1").replace("%1", format_label(fmt)))
        form = QFormLayout(self)
        self.category_boxes = {category.id: QCheckBox(menu_text(category_label(category))) for category in categories}
        self.status_boxes = {status: QCheckBox(status_label(status)) for status in Status}
        for boxes, label in ((self.category_boxes, self.tr("Categories")), (self.status_boxes, self.tr("Articles"))):
            row = QHBoxLayout()
            for box in boxes.values():  # type: ignore[attr-defined]
                box.setChecked(True)
                box.toggled.connect(self._check_choices)
                row.addWidget(box)
            form.addRow(label, row)
        # Whose spans, chosen as the window counts them (the status bar's choice) unless changed here.
        self.layers = LayerBox()
        self.layers.fill(self.offer.analysts, self.offer.me, self.offer.chosen, self.offer.locked)
        self.layers.currentIndexChanged.connect(self._check_choices)
        form.addRow(self.tr("Whose spans"), self.layers)
        self.reports = QComboBox()
        self.reports.addItem(self.tr("Of what the spans sheet holds"), REPORTS_FILTERED)
        self.reports.addItem(self.tr("Of the whole corpus (the same layers)"), REPORTS_CORPUS)
        self.reports.addItem(self.tr("None"), REPORTS_NONE)
        if self.fmt.key == "xlsx":
            form.addRow(self.tr("Report sheets"), self.reports)
        self.context = QSpinBox()
        self.context.setRange(0, 500)
        self.context.setSuffix(self.tr(" characters"))
        self.with_status = QCheckBox(self.tr("Add the article's status"))
        self.with_metadata = QCheckBox(self.tr("Add the article's hash, encoding, converter and import time"))
        self.guard = QCheckBox(self.tr("Neutralise cells a spreadsheet would run as formulas (=, +, -, @)"))
        self.guard.setChecked(True)
        self.encoding = QComboBox()
        for name in fmt.encodings:
            self.encoding.addItem(encoding_label(name), name)
        if CONTEXT in fmt.options:
            form.addRow(self.tr("Context"), self.context)
        boxes_for_options = (
            (WITH_STATUS, self.with_status),
            (WITH_METADATA, self.with_metadata),
            (FORMULA_GUARD, self.guard),
        )
        for option, box in boxes_for_options:
            if option in fmt.options:
                form.addRow(box)
        if len(fmt.encodings) > 1:
            form.addRow(self.tr("Encoding"), self.encoding)
        # Nothing ticked would mean nothing to export, not everything: refused until something is.
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #b03a2e")
        self.problem.hide()
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def problems(self) -> list[str]:
        """Why these choices cannot be exported; empty when they can."""
        found = []
        if not any(box.isChecked() for box in self.category_boxes.values()):
            found.append(self.tr("Tick at least one category."))
        if not any(box.isChecked() for box in self.status_boxes.values()):
            found.append(self.tr("Tick at least one article status."))
        if self.fmt.key == "doccano" and len(self.chosen_layers()) != 1:
            found.append(self.tr("doccano holds one layer per task: choose one analyst's spans or the study layer."))
        return found

    def chosen_layers(self) -> Layers:
        return resolve(self.layers.key(), self.offer.me, self.offer.analysts)

    def _check_choices(self) -> None:
        problems = self.problems()
        self.problem.setText(" ".join(problems))
        self.problem.setHidden(not problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if not self.problems():
            super().accept()

    def options(self) -> ExportOptions:
        def chosen(boxes: dict) -> tuple:  # type: ignore[type-arg]
            picked = tuple(key for key, box in boxes.items() if box.isChecked())
            # Every box ticked is no filter at all, which also takes categories made later.
            return () if len(picked) == len(boxes) else picked

        return ExportOptions(
            filters=SpanFilter(
                categories=chosen(self.category_boxes),
                statuses=tuple(status.value for status in chosen(self.status_boxes)),
                layers=self.chosen_layers(),
            ),
            reports=str(self.reports.currentData()),
            context=self.context.value() if CONTEXT in self.fmt.options else 0,
            with_status=self.with_status.isChecked() and WITH_STATUS in self.fmt.options,
            with_metadata=self.with_metadata.isChecked() and WITH_METADATA in self.fmt.options,
            neutralise_formulas=self.guard.isChecked(),
        )

    def chosen_encoding(self) -> str:
        return str(self.encoding.currentData())
