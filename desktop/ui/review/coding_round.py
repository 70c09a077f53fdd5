"""A double-coding round in the window: draw a sample, read the agreement report, adjudicate.

The actions sit in File → Analyst; the adjudication is a dock. Decisions go on the window's undo
stack like every other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from desktop.core.analysts.verdicts import Decision
from desktop.core.coding.commands import Change, Command
from desktop.core.models import Script
from desktop.core.store import STORE_FAILURES, StoreError, explain
from desktop.ui.review.adjudication_panel import AdjudicationPanel, PassageNames
from desktop.ui.review.round_choice import analyst_choices
from desktop.ui.widgets.labels import category_label, field_label
from desktop.ui.window.command_words import batch_outcome
from desktop.ui.window.undo import CoreUndoCommand
from desktop.ui.window.window_layout import DeferredDock

if TYPE_CHECKING:  # the agreement code and its dialog load when a round is started, not with the window
    from desktop.core.analysts.disagreements import Comparison, Disagreement
    from desktop.ui.review.agreement_dialog import AgreementDialog


class SampleDialog(QDialog):
    def __init__(self, fields: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Draw a double-coding sample"))
        self.name = QLineEdit(self.tr("double coding"))
        self.articles = QSpinBox(minimum=1, maximum=1_000_000, value=20)
        self.seed = QSpinBox(minimum=0, maximum=2_000_000_000, value=1)
        self.stratify = QComboBox()
        self.stratify.addItem(self.tr("(not stratified)"), "")
        for name, label in fields:
            self.stratify.addItem(label, name)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Articles"), self.articles)
        form.addRow(self.tr("Seed (the same seed draws the same sample)"), self.seed)
        form.addRow(self.tr("Stratified by"), self.stratify)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CodingRound(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        # The Review workspace's panel is made when first shown.
        self._deferred = DeferredDock(window, "adjudication", Qt.DockWidgetArea.RightDockWidgetArea, self._made)
        self.dock = self._deferred.dock
        self.dock.hide()
        self.sample_action = QAction(self)
        self.sample_action.triggered.connect(self.draw_sample)
        self.agreement_action = QAction(self)
        self.agreement_action.triggered.connect(self.show_agreement)
        self.adjudicate_action = self.dock.toggleViewAction()
        self.dock.visibilityChanged.connect(self._dock_shown)
        self.comparison: Comparison | None = None
        self.pair: tuple[str, str] = ("", "")
        window.analysts.extra = [None, self.sample_action, self.agreement_action, self.adjudicate_action]

    @property
    def panel(self) -> AdjudicationPanel:
        return self._deferred.panel()

    def _made(self) -> AdjudicationPanel:
        panel = AdjudicationPanel()
        panel.startRequested.connect(self.start)
        panel.passageChosen.connect(self.show_passage)
        panel.decided.connect(self.decide)
        panel.acceptAgreedRequested.connect(self.accept_agreed)
        return panel

    def retranslate(self) -> None:
        self.sample_action.setText(self.tr("Draw a double-coding &sample…"))
        self.agreement_action.setText(self.tr("A&greement report…"))
        self.dock.setWindowTitle(self.tr("Adjudication"))
        if self._deferred.built is not None:
            self._deferred.built.retranslate()
        self.refresh()  # the codes by their labels in the new language

    def use_store(self) -> None:
        """Another database: nothing of the previous round stays listed."""
        self.comparison = None
        if self._deferred.built is not None:  # (one made later starts empty and fills itself when shown)
            self._deferred.built.show_passages([], {}, 0)
            self._fill_choices()

    def _dock_shown(self, shown: bool) -> None:
        if shown:
            self._fill_choices()

    def _fill_choices(self) -> None:
        try:
            self.panel.choice.fill(*analyst_choices(self.window.store))
        except STORE_FAILURES as error:
            self._failed(explain(error, self.window.store.path))

    # sample and report -----------------------------------------------------------------------

    def draw_sample(self) -> None:
        store = self.window.store
        dialog = SampleDialog([(f.name, field_label(f)) for f in store.metadata.fields()], self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            from desktop.core.analysts.sampling import draw_sample

            chosen = draw_sample(
                store, dialog.name.text(), dialog.articles.value(), dialog.seed.value(), dialog.stratify.currentData()
            )
        except STORE_FAILURES as error:
            self.window.show_error(self.tr("No sample drawn"), str(error))
            return
        self.window.article_list.show_sample(dialog.name.text(), chosen)
        self.window.show_status(
            self.tr("Sample “%1”: %n article(s), listed now", "", len(chosen)).replace("%1", dialog.name.text())
        )

    def show_agreement(self) -> AgreementDialog:
        from desktop.ui.review.agreement_dialog import AgreementDialog

        dialog = AgreementDialog(self.window.store, self.window.open_store, self.window)
        dialog.passageChosen.connect(self.select_passage)
        dialog.show()
        return dialog

    def stop(self) -> None:
        """End the threads of open report dialogs: the window closes and takes them with it."""
        self.pause()

    def pause(self) -> None:
        """End the threads (and so the connections) of open report dialogs; ``resume`` gives them new ones."""
        from desktop.ui.review.agreement_dialog import AgreementDialog

        for dialog in self.window.findChildren(AgreementDialog):
            dialog.runner.stop()

    def resume(self) -> None:
        from desktop.ui.review.agreement_dialog import AgreementDialog

        for dialog in self.window.findChildren(AgreementDialog):
            dialog.runner.resume()

    def select_passage(self, article_id: int, start: int, end: int) -> None:
        document = self.window.controller.document
        if document is None or document.article.id != article_id:
            self.window.open_article(article_id)
            document = self.window.controller.document
        if document is None or document.article.id != article_id:
            return
        panes = self.window.controller.panes
        panes.simplified.select(start, end)
        panes.original.select(*document.original_range_of_text(start, end))

    # adjudication ----------------------------------------------------------------------------

    def start(self) -> None:
        analysts, sample = self.panel.choice.chosen()
        try:
            # No figure is needed to walk the disagreements (levels=()): at corpus size they cost seconds.
            from desktop.core.analysts.double_coding import report

            self.comparison = report(self.window.store, analysts, sample, levels=()).comparison
        except STORE_FAILURES as error:
            self.window.show_error(self.tr("Cannot adjudicate"), str(error))
            return
        self.pair = (analysts[0], analysts[1])
        self.refresh()

    def refresh(self) -> None:
        if self.comparison is None:
            return
        store = self.window.store
        done = store.adjudications.decisions(*self.pair)
        articles = {item.article_id for item in self.comparison.disagreements}
        shown = PassageNames(
            {a: store.articles.get(a).title for a in articles},
            {c.id: category_label(c) for c in self.window.categories()},
            {a: store.articles.text(a) for a in articles},
        )
        from desktop.core.analysts.adjudication import progress

        waiting = progress(done, self.comparison).agreed_waiting
        self.panel.show_passages(self.comparison.disagreements, done, waiting, shown)

    def show_passage(self, item: Disagreement) -> None:
        self.select_passage(item.article_id, item.start, item.end)
        controller = self.window.controller
        if controller.document is None or controller.document.article.id != item.article_id:
            return
        controller.finish_reading()
        for pane, script in (
            (controller.panes.simplified, Script.SIMPLIFIED),
            (controller.panes.original, Script.ORIGINAL),
        ):
            marks = [
                (*span.range_in(script), 0 if span.annotator == self.pair[0] else 1)
                for span in controller.spans
                if span.annotator in self.pair
            ]
            pane.set_marks(marks)

    def decide(self, item: Disagreement, decision: Decision) -> None:
        if item.key in self.panel.decisions:
            self.window.show_status(self.tr("Decided already: undo the decision first (Ctrl+Z)"))
            return
        try:
            from desktop.core.analysts.adjudication import decide

            command = decide(self.window.store, *self.pair, item, decision)
        except STORE_FAILURES as error:
            self._failed(explain(error, self.window.store.path))
            return
        self._push(command)
        self.panel.next_open()

    def accept_agreed(self) -> None:
        if self.comparison is None:
            return
        from desktop.core.analysts.adjudication import accept_agreed

        command = accept_agreed(self.window.store, *self.pair, self.comparison)
        if command is not None:
            self._push(command)

    def _push(self, command: Command) -> None:
        self.window.undo_stack.push(CoreUndoCommand(command, self.window.store, self._changed, self._failed))

    def _changed(self, change: Change) -> None:
        self.window.refresh_from_database()
        self.window.show_status(batch_outcome(change))
        self.refresh()  # lists the passages again, which shows the current one with its new spans

    def _failed(self, error: StoreError) -> None:
        self.window.report_failure(self.tr("Not saved"), error)
