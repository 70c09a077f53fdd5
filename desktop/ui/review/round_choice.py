"""Which two analysts and which articles a round compares: shared by the agreement report and the
adjudication dock (which the window builds at start, before any report is asked for)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.core.store import Store


def analyst_choices(store: Store) -> tuple[list[str], list[str]]:
    """The analysts, and the samples to compare them on."""
    return store.analysts.names(), [sample.name for sample in store.samples.all()]


class RoundChoice(QWidget):
    """First analyst, second analyst, and the sample: what both the report and adjudication ask for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second, self.sample = QComboBox(), QComboBox(), QComboBox()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.first_label, self.second_label, self.sample_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.first_label, self.first)
        self.form.addRow(self.second_label, self.second)
        self.form.addRow(self.sample_label, self.sample)
        self.retranslate()

    def retranslate(self) -> None:
        self.first_label.setText(self.tr("First analyst (reference)"))
        self.second_label.setText(self.tr("Second analyst"))
        self.sample_label.setText(self.tr("Articles"))
        if self.sample.count():
            self.sample.setItemText(0, self.tr("Every article either coded"))

    def fill(self, analysts: list[str], samples: list[str]) -> None:
        kept = (self.first.currentText(), self.second.currentText(), self.sample.currentData())
        for box in (self.first, self.second):
            box.clear()
            box.addItems([name for name in analysts if name])
        self.sample.clear()
        self.sample.addItem(self.tr("Every article either coded"), "")
        for name in samples:
            self.sample.addItem(name, name)
        if kept[0]:
            self.first.setCurrentText(kept[0])
        if kept[1]:
            self.second.setCurrentText(kept[1])
        elif self.second.count() > 1:
            self.second.setCurrentIndex(1)
        index = self.sample.findData(kept[2]) if kept[2] else self.sample.count() - 1
        self.sample.setCurrentIndex(max(0, index))

    def chosen(self) -> tuple[list[str], str]:
        return [self.first.currentText(), self.second.currentText()], str(self.sample.currentData() or "")
