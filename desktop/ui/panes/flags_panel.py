"""The import flags of the open article; clicking one shows it in both panes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.core.models import Flag
from desktop.ui.widgets.labels import flag_label

FLAG_INDEX = Qt.ItemDataRole.UserRole


class FlagsPanel(QListWidget):
    flagChosen = Signal(object)  # the Flag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flags: list[Flag] = []
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def show_flags(self, flags: list[Flag]) -> None:
        self._flags = flags
        self.clear()
        for index, flag in enumerate(flags):
            excerpt = flag.excerpt.replace("\n", " ⏎ ")
            item = QListWidgetItem(f"{flag_label(flag.kind)}: {excerpt}")
            item.setData(FLAG_INDEX, index)
            self.addItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.flagChosen.emit(self._flags[item.data(FLAG_INDEX)])
