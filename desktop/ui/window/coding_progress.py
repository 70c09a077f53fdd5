"""The status bar's account of the coding: a bar of the articles done, and how many have each status."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from desktop.core.models import Status
from desktop.ui.widgets.labels import plain_label, status_label


class CodingProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(110)
        self.bar.setMaximumHeight(14)
        self.bar.setFormat("%p%")
        self.label = plain_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar)
        row.addWidget(self.label)
        self.counts: dict[Status, int] = dict.fromkeys(Status, 0)
        self.sample = ""

    def show_counts(self, counts: dict[Status, int], sample: str = "") -> None:
        """The articles listed by status: a sample's when ``sample`` names the one listed, else every article's."""
        self.counts = {status: counts.get(status, 0) for status in Status}
        self.sample = sample
        self.retranslate()

    def retranslate(self) -> None:
        done, total = self.counts[Status.DONE], sum(self.counts.values())
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        text = self.tr("Done %1 / %2").replace("%1", str(done)).replace("%2", str(total))
        if self.sample:
            text = self.tr("Sample %1: ").replace("%1", self.sample) + text
        if self.counts[Status.IN_PROGRESS]:
            text += self.tr(" · %1 in progress").replace("%1", str(self.counts[Status.IN_PROGRESS]))
        self.label.setText(text)
        # The label and the bar have none of their own: Qt asks their parent, this widget.
        self.setToolTip("\n".join(f"{status_label(status)}: {self.counts[status]}" for status in Status))
