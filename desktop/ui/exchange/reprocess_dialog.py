"""Article → Re-process: what the current pipeline would change in the open article, then do it.

Re-processing rewrites the Simplified text the spans quote, so it is shown first: the
title, the changed lines, how many spans move, and any span that would land in text the
new pipeline removes (then nothing is written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.store import STORE_FAILURES, explain
from desktop.core.text.cleaning import DEFAULT_RULES
from desktop.core.text.convert import DEFAULT_CONVERTER

if TYPE_CHECKING:
    from desktop.core.coding.reprocessing import ReprocessPlan


class ReprocessDialog(QDialog):
    def __init__(self, plan: ReprocessPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-process article"))
        self.summary = QLabel(self.describe(plan))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setPlainText("\n".join(plan.changed_lines()) or self.tr("(the Simplified text stays as it is)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("Re-process"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(not plan.unchanged and not plan.blocking)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def describe(self, plan: ReprocessPlan) -> str:
        if plan.unchanged:
            return self.tr("The current pipeline gives this article exactly what it has: nothing to do.")
        lines = [
            self.tr("Converter: %1 → %2")
            .replace("%1", f"{plan.article.converter} {plan.article.converter_version}")
            .replace("%2", f"{plan.fresh.converter} {plan.fresh.converter_version}"),
            self.tr("Simplified text: %1 → %2 characters")
            .replace("%1", str(len(plan.article.text)))
            .replace("%2", str(len(plan.fresh.text))),
        ]
        if plan.fresh.title != plan.article.title:
            lines.append(self.tr("Title: %1 → %2").replace("%1", plan.article.title).replace("%2", plan.fresh.title))
        lines.append(
            self.tr("Spans: %1 of %2 move to new offsets (their original text stays the same).")
            .replace("%1", str(plan.spans_moved))
            .replace("%2", str(len(plan.before)))
        )
        if plan.blocking:
            lines.append(
                self.tr(
                    "%n span(s) would fall in text the new pipeline removes; nothing can be re-processed.",
                    "",
                    len(plan.blocking),
                )
            )
        lines.append(self.tr("Re-processing clears the undo history of the window."))
        return "\n".join(lines)


def reprocess_open_article(window: Any) -> None:
    """Plan, preview, and on confirmation re-process the article open in ``window``."""
    document = window.controller.document
    if document is None:
        return
    # The text pipeline is loaded here, not at start-up.
    from desktop.core.coding.reprocessing import apply_plan, plan_reprocess

    translate = QCoreApplication.translate
    article_id = document.article.id
    try:
        # The rules the article was imported with; the converter the program now uses.
        plan = plan_reprocess(window.store, article_id, document.article.rules or DEFAULT_RULES, DEFAULT_CONVERTER)
    except STORE_FAILURES as error:
        window.report_failure(translate("MainWindow", "Cannot re-process"), explain(error, window.store.path))
        return
    dialog = ReprocessDialog(plan, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        outcome = apply_plan(window.store, plan)
    except STORE_FAILURES as error:
        window.report_failure(translate("MainWindow", "Cannot re-process"), explain(error, window.store.path))
        return
    if outcome.changed:
        # Stored commands hold the old offsets: they could no longer be undone exactly.
        window.undo_stack.clear()
        window.controller.open_article(article_id)
        window.article_list.model.invalidate_article(article_id)
        window.show_status(
            translate("MainWindow", "Re-processed: %1 spans moved").replace("%1", str(outcome.spans_moved))
        )
