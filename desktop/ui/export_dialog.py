"""Export options as the command line has them: filters, context, extra columns, formula guard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.core.exporting import CSV_ENCODING, ExportOptions
from desktop.core.models import Category, Status
from desktop.core.span_filter import SpanFilter
from desktop.ui.labels import category_label, status_label


class ExportDialog(QDialog):
    def __init__(self, fmt: str, categories: list[Category], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.setWindowTitle(self.tr("Export options"))
        form = QFormLayout(self)
        self.category_boxes = {category.id: QCheckBox(category_label(category)) for category in categories}
        self.status_boxes = {status: QCheckBox(status_label(status)) for status in Status}
        for boxes, label in ((self.category_boxes, self.tr("Categories")), (self.status_boxes, self.tr("Articles"))):
            row = QHBoxLayout()
            for box in boxes.values():  # type: ignore[attr-defined]
                box.setChecked(True)
                row.addWidget(box)
            form.addRow(label, row)
        self.annotator = QLineEdit()
        self.annotator.setPlaceholderText(self.tr("all analysts"))
        form.addRow(self.tr("Analyst"), self.annotator)
        self.context = QSpinBox()
        self.context.setRange(0, 500)
        self.context.setSuffix(self.tr(" characters"))
        self.with_status = QCheckBox(self.tr("Add the article's status"))
        self.with_metadata = QCheckBox(self.tr("Add the article's hash, encoding, converter and import time"))
        self.guard = QCheckBox(self.tr("Neutralise cells a spreadsheet would run as formulas (=, +, -, @)"))
        self.guard.setChecked(True)
        self.encoding = QComboBox()
        for name, label in (
            (CSV_ENCODING, self.tr("UTF-8 with BOM (Excel)")),
            ("utf-8", self.tr("UTF-8")),
            ("gb18030", self.tr("GB18030")),
        ):
            self.encoding.addItem(label, name)
        if fmt == "csv":
            form.addRow(self.tr("Context"), self.context)
            form.addRow(self.with_status)
            form.addRow(self.with_metadata)
            form.addRow(self.guard)
            form.addRow(self.tr("Encoding"), self.encoding)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> ExportOptions:
        def chosen(boxes: dict) -> tuple:  # type: ignore[type-arg]
            picked = tuple(key for key, box in boxes.items() if box.isChecked())
            return () if len(picked) == len(boxes) else picked

        annotator = self.annotator.text().strip()
        return ExportOptions(
            filters=SpanFilter(
                categories=chosen(self.category_boxes),
                statuses=tuple(status.value for status in chosen(self.status_boxes)),
                annotators=(annotator,) if annotator else (),
            ),
            context=self.context.value() if self.fmt == "csv" else 0,
            with_status=self.with_status.isChecked() and self.fmt == "csv",
            with_metadata=self.with_metadata.isChecked() and self.fmt == "csv",
            neutralise_formulas=self.guard.isChecked(),
        )

    def chosen_encoding(self) -> str | None:
        return str(self.encoding.currentData()) if self.fmt == "csv" else None
