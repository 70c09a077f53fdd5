"""The status bar's account of the coding: a bar of the articles done, and how many have each status."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from desktop.core.models import Status
from desktop.ui.labels import plain_label, status_label


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

    def show_counts(self, counts: dict[Status, int]) -> None:
        self.counts = {status: counts.get(status, 0) for status in Status}
        self.retranslate()

    def retranslate(self) -> None:
        done, total = self.counts[Status.DONE], sum(self.counts.values())
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        text = self.tr("Done %1 / %2").replace("%1", str(done)).replace("%2", str(total))
        if self.counts[Status.IN_PROGRESS]:
            text += self.tr(" · %1 in progress").replace("%1", str(self.counts[Status.IN_PROGRESS]))
        self.label.setText(text)
        # The label and the bar have none of their own: Qt asks their parent, this widget.
        self.setToolTip("\n".join(f"{status_label(status)}: {self.counts[status]}" for status in Status))
