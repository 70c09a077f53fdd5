"""The Adjudication dock: walk two analysts' disagreements article by article and decide each one.

Choosing a passage opens its article with the passage selected; the panes underline the first
analyst's spans solid and the second's dashed. Keep first / second / both / neither copy spans into
the ``consensus`` analyst (keys 1, 2, 3, 0 in the list); an edited boundary is a move of the
consensus span afterwards (Shift+Alt / Ctrl+Alt with the arrows). Every decision is undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysts.verdicts import Decision, Quarrel
from desktop.ui.review.round_choice import RoundChoice
from desktop.ui.widgets.labels import plain_tooltip

if TYPE_CHECKING:  # the agreement code loads when a round starts, not with the window
    from desktop.core.analysts.agreement import CodedSpan
    from desktop.core.analysts.disagreements import Disagreement


class PassageNames(NamedTuple):
    """What a passage is shown by: its article's title and words, its codes by label."""

    titles: dict[int, str]
    labels: dict[str, str]
    texts: dict[int, str] | None = None

    def codes(self, spans: tuple[CodedSpan, ...]) -> str:
        return ", ".join(self.labels.get(s.category_id, s.category_id) for s in spans) or "—"

    def words(self, item: Disagreement, most: int = 24) -> str:
        text = (self.texts or {}).get(item.article_id, "")[item.start : item.end].replace("\n", " ")
        return text if len(text) <= most else text[: most - 1] + "…"


DECISION_KEYS = {Decision.FIRST: "1", Decision.SECOND: "2", Decision.BOTH: "3", Decision.NEITHER: "0"}


class AdjudicationPanel(QWidget):
    startRequested = Signal()
    passageChosen = Signal(object)  # the Disagreement
    decided = Signal(object, object)  # the Disagreement, the Decision
    acceptAgreedRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = RoundChoice()
        self.start = QPushButton()
        self.start.clicked.connect(self.startRequested)
        self.progress = QProgressBar()
        self.progress_text = QLabel()
        self.progress_text.setWordWrap(True)
        self.items = QListWidget()
        self.items.currentRowChanged.connect(self._row_changed)
        self.passages: list[Disagreement] = []
        self.decisions: dict[str, str] = {}
        self.buttons: dict[Decision, QPushButton] = {}
        self.shown = PassageNames({}, {})
        self.agreed_waiting = 0
        # Two by two: the four decisions fit a side dock in either language.
        row = QGridLayout()
        for number, decision in enumerate(DECISION_KEYS):
            button = QPushButton()
            button.clicked.connect(lambda _=False, d=decision: self._decide(d))
            self.buttons[decision] = button
            row.addWidget(button, number // 2, number % 2)
        # The keys act in the list only, ahead of the window's code keys and the list's type-ahead search.
        self.items.installEventFilter(self)
        self.accept_agreed = QPushButton()
        self.accept_agreed.clicked.connect(self.acceptAgreedRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.start)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        layout.addWidget(self.accept_agreed)
        self.retranslate()

    def retranslate(self) -> None:
        self.choice.retranslate()
        self.start.setText(self.tr("List the disagreements"))
        names = self.decision_names()
        for decision, button in self.buttons.items():
            button.setText(f"{names[decision]} ({DECISION_KEYS[decision]})")
        self.accept_agreed.setText(self.tr("Accept every span both coded alike"))
        if self.passages:
            row = self.items.currentRow()
            self._list()
            self.items.blockSignals(True)
            self.items.setCurrentRow(row)
            self.items.blockSignals(False)
        self._show_progress()

    def decision_names(self) -> dict[str, str]:
        return {
            Decision.FIRST: self.tr("Keep first"),
            Decision.SECOND: self.tr("Keep second"),
            Decision.BOTH: self.tr("Both"),
            Decision.NEITHER: self.tr("Neither"),
        }

    def show_passages(
        self,
        passages: list[Disagreement],
        decisions: dict[str, str],
        agreed_waiting: int,
        shown: PassageNames | None = None,
    ) -> None:
        """The disagreements with the decisions taken so far; keeps the current row where it can."""
        row = self.items.currentRow()
        self.passages, self.decisions = passages, decisions
        self.shown = shown or PassageNames({}, {})
        self._list()
        done = sum(1 for item in passages if item.key in decisions)
        self.progress.setRange(0, max(1, len(passages)))
        self.progress.setValue(done)
        self.agreed_waiting = agreed_waiting
        self._show_progress()
        self.accept_agreed.setEnabled(agreed_waiting > 0)
        if passages:
            self.items.setCurrentRow(min(max(row, 0), len(passages) - 1))

    def _list(self) -> None:
        """One line per passage: decision, its words, each analyst's codes by label, how they differ."""
        names, quarrels = self.decision_names(), self.quarrels()
        self.items.blockSignals(True)
        self.items.clear()
        for item in self.passages:
            decision = self.decisions.get(item.key, "")
            codes_a = self.shown.codes(item.first)
            codes_b = self.shown.codes(item.second)
            mark = f"✓ {names.get(decision, decision)}" if decision else "•"
            quarrel = quarrels.get(item.quarrel, item.quarrel.value)
            words = self.shown.words(item)
            codes = f"{codes_a} | {codes_b}  ({quarrel})"
            entry = QListWidgetItem(f"{mark}  “{words}”  {codes}")
            # The row may be cut at the dock's edge: the tooltip holds all of it.
            entry.setToolTip(plain_tooltip(f"{self.shown.titles.get(item.article_id, '')}\n\n{words}\n{codes}"))
            self.items.addItem(entry)
        self.items.blockSignals(False)
        self.items.setCurrentRow(self.items.currentRow())

    def _show_progress(self) -> None:
        done = sum(1 for item in self.passages if item.key in self.decisions)
        decided = self.tr("%1 of %n disagreement(s) decided", "", len(self.passages)).replace("%1", str(done))
        waiting = self.tr("%n agreed span(s) not yet accepted", "", self.agreed_waiting)
        self.progress_text.setText(self.tr("%1; %2").replace("%1", decided).replace("%2", waiting))

    def quarrels(self) -> dict[Quarrel, str]:
        return {
            Quarrel.CODE: self.tr("other code"),
            Quarrel.BOUNDARY: self.tr("other ends"),
            Quarrel.ONLY_FIRST: self.tr("first only"),
            Quarrel.ONLY_SECOND: self.tr("second only"),
            Quarrel.MIXED: self.tr("several spans"),
        }

    def current(self) -> Disagreement | None:
        row = self.items.currentRow()
        return self.passages[row] if 0 <= row < len(self.passages) else None

    def next_open(self) -> None:
        """Move to the next passage not yet decided (after the current one, wrapping round)."""
        count = len(self.passages)
        start = self.items.currentRow()
        for step in range(1, count + 1):
            row = (start + step) % count
            if self.passages[row].key not in self.decisions:
                self.items.setCurrentRow(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.items and isinstance(event, QKeyEvent) and event.text() in DECISION_KEYS.values():
            if kind == QEvent.Type.ShortcutOverride:
                # The code keys (1, 2, 3…) tag in the panes; in this list they decide.
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress:
                self._decide(next(d for d, key in DECISION_KEYS.items() if event.text() == key))
                return True
        return super().eventFilter(watched, event)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.passages):
            self.passageChosen.emit(self.passages[row])

    def _decide(self, decision: Decision) -> None:
        item = self.current()
        if item is not None:
            self.decided.emit(item, decision)
