"""Whose spans the window counts: one visible choice (the status bar's "Counting:"), shared by the
codebook's counts, the article list, the Reports dock, the Passages dock, suggestions from tagged
strings and the export dialogs' default.

The default is the study layer (the consensus on adjudicated articles, the analyst at work's spans
elsewhere). In blind coding the choice is locked to the analyst's own spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.core.layers import CONSENSUS, Layer, Layers, study_default
from desktop.core.store import STORE_FAILURES
from desktop.ui.widgets.labels import plain_label, plain_tooltip

STUDY = "study"


@dataclass(frozen=True)
class LayerOffer:
    """What an export may take: the analysts there are, the one at work, the window's choice, blind or not."""

    analysts: list[str] = field(default_factory=list)
    me: str = ""
    chosen: str = STUDY
    locked: bool = False


EVERY_LAYER = "all"
_ONE = "one:"


def shown(layers: Layers, *, full: bool = False) -> str:
    """Whose spans, in the interface's language (core.layers.describe says it for files and the command line).

    ``full`` spells the study layer out, as a table's caption must.
    """
    translate = QCoreApplication.translate
    if not layers:
        return translate("layers", "every analyst's spans")
    if len(layers) > 1:
        names = ", ".join(layer.name for layer in layers)
        return translate("layers", "each layer side by side: %1").replace("%1", names)
    layer = layers[0]
    if layer.study and full:
        return translate("layers", "the study layer (consensus on adjudicated articles, else %1's spans)").replace(
            "%1", layer.analyst
        )
    if layer.study:
        return translate("layers", "the study layer (consensus, else %1)").replace("%1", layer.analyst)
    if layer.analyst == CONSENSUS:
        return translate("layers", "the consensus")
    return translate("layers", "%1's spans").replace("%1", layer.analyst)


def resolve(key: str, me: str, analysts: list[str]) -> Layers:
    """The layers a choice's key names, for the analyst at work and the analysts there are."""
    if key == EVERY_LAYER:
        return tuple(Layer(name) for name in sorted(set(analysts) | {me}))
    if key.startswith(_ONE):
        return (Layer(key.removeprefix(_ONE)),)
    return study_default(me)


class LayerBox(QComboBox):
    """The study layer, each analyst's (the consensus included), every layer side by side; or, locked, mine."""

    def fill(self, analysts: list[str], me: str, chosen: str, locked: bool) -> None:
        self.blockSignals(True)
        self.clear()
        if locked:
            self.addItem(self.tr("Only my spans (%1, blind coding)").replace("%1", me), _ONE + me)
        else:
            self.addItem(self.tr("Study layer (consensus, else %1)").replace("%1", me), STUDY)
            for name in sorted(set(analysts) | {me}):
                label = self.tr("Consensus") if name == CONSENSUS else name
                self.addItem(label, _ONE + name)
                self.setItemData(self.count() - 1, plain_tooltip(name), Qt.ItemDataRole.ToolTipRole)
            self.addItem(self.tr("Every layer, side by side"), EVERY_LAYER)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.setEnabled(not locked)
        self.blockSignals(False)

    def key(self) -> str:
        return str(self.currentData() or STUDY)


class LayerChoice(QObject):
    """The window's choice; ``layers()`` is what every counting part of the window asks for."""

    changed = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.box = LayerBox()
        self.label: QLabel = plain_label()
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.box)
        self.box.currentIndexChanged.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Counting:"))
        self.box.setToolTip(self.tr("Whose spans the codebook, the article list, reports and exports count"))
        self.fill()

    def _analysts(self) -> list[str]:
        try:
            return list(self.window.store.analysts.names())
        except STORE_FAILURES:
            return []

    def fill(self) -> None:
        analysts = self.window.analysts
        chosen = str(self.window.settings.value("view/layers", STUDY) or STUDY)
        self.box.fill(self._analysts(), analysts.current(), chosen, analysts.blind())

    def _chosen(self) -> None:
        if self.box.isEnabled():
            self.window.settings.setValue("view/layers", self.box.key())
        self.apply()

    def layers(self) -> Layers:
        analysts = self.window.analysts
        if analysts.blind():
            return (Layer(analysts.current()),)
        return resolve(self.box.key(), analysts.current(), self._analysts())

    def describe(self) -> str:
        return self.box.currentText()

    def offer(self) -> LayerOffer:
        """What an export dialog offers, starting from the window's choice."""
        analysts = self.window.analysts
        return LayerOffer(self._analysts(), analysts.current(), self.box.key(), analysts.blind())

    def apply(self) -> None:
        """Everything that counts spans counts the chosen layers again."""
        analysts = self.window.analysts
        try:
            self.window.article_list.model.set_layers(self.layers(), analysts.current() if analysts.blind() else "")
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), error)
        self.window.codebook.refresh()
        self.changed.emit()
