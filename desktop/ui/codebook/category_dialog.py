"""The form for one code: labels, colour, key, coding rule, codable. Refuses a key already taken."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.codebook import MANUAL_KEYS, Codebook
from desktop.core.colours import next_colour
from desktop.core.models import Category
from desktop.ui.widgets.labels import plain_label


class CategoryDialog(QDialog):
    def __init__(self, codebook: Codebook, category: Category | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.category = category
        self.setWindowTitle(self.tr("Edit code") if category else self.tr("New code"))
        self.label_zh = QLineEdit(category.label_zh if category else "")
        self.label_en = QLineEdit(category.label_en if category else "")
        self.colour = QLineEdit(category.colour if category else next_colour(c.colour for c in codebook))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(choose)
        self.key = QComboBox()
        self.key.addItem(self.tr("automatic (1–9, 0 in tree order)"), "")
        for key in MANUAL_KEYS:
            self.key.addItem(key, key)
        self.key.setCurrentIndex(max(0, self.key.findData(category.shortcut if category else "")))
        self.codable = QCheckBox(self.tr("Codable (untick for a heading that only groups codes)"))
        self.codable.setChecked(category.codable if category else True)
        self.rule = QPlainTextEdit(category.description if category else "")
        self.rule.setPlaceholderText(self.tr("When to use this code, and when not: what an analyst reads to decide"))
        self.problem = plain_label()
        self.problem.setStyleSheet("color: #a00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Chinese label"), self.label_zh)
        form.addRow(self.tr("English label"), self.label_en)
        form.addRow(self.tr("Colour"), colour_row)
        form.addRow(self.tr("Key"), self.key)
        form.addRow("", self.codable)
        form.addRow(self.tr("Coding rule"), self.rule)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.resize(460, 360)

    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour.text()), self, self.tr("Colour"))
        if colour.isValid():
            self.colour.setText(colour.name())

    def values(self) -> dict[str, Any]:
        label_zh = self.label_zh.text().strip()
        colour = self.colour.text().strip()
        return {
            "label_zh": label_zh,
            "label_en": self.label_en.text().strip() or label_zh,
            "colour": QColor(colour).name() if QColor.isValidColorName(colour) else colour,
            "shortcut": self.key.currentData() or "",
            "codable": self.codable.isChecked(),
            "description": self.rule.toPlainText().strip(),
        }

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the category edited (all of them for a new code)."""
        values = self.values()
        if self.category is None:
            return values
        return {name: value for name, value in values.items() if getattr(self.category, name) != value}

    def check(self) -> str:
        values = self.values()
        if not values["label_zh"]:
            return self.tr("A code needs a Chinese label.")
        if not QColor.isValidColorName(values["colour"]) or not values["colour"].startswith("#"):
            return self.tr("The colour must be written #rrggbb.")
        if self.codebook.key_problem(self.category.id if self.category else "", values["shortcut"]):
            return self.tr("The key %1 is already set on another code.").replace("%1", values["shortcut"])
        return ""

    def accept(self) -> None:
        problem = self.check()
        self.problem.setText(problem)
        if not problem:
            super().accept()
