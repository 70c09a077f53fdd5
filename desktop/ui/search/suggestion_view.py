"""Suggestions in the panes: dashed outlines in the category's colour, stepped through and accepted
or rejected from the keyboard (Tab / Shift+Tab, Enter, Backspace in a pane), each naming its source."""

from __future__ import annotations

import time
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.coding.commands import Change
from desktop.core.coding.suggestion_commands import AcceptSuggestion, RejectSuggestion
from desktop.core.document import SelectionError
from desktop.core.learning.predicting import LEARNED
from desktop.core.search.suggesting import TAGGED, Suggester, Suggestion, load_rules, rules_path
from desktop.core.store import STORE_FAILURES, StoreError, explain
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.search.learning_view import LearningView
from desktop.ui.widgets.labels import category_label
from desktop.ui.window.undo import CoreUndoCommand

# Strings tagged elsewhere are re-read at most this often (a GROUP BY over every span).
TAGGED_REFRESH_S = 30.0


class SuggestionView(QObject):
    def __init__(self, window: Any, learning: LearningView) -> None:
        super().__init__(window)
        self.window = window
        self.learning = learning
        self.suggestions: list[Suggestion] = []
        self.current: int | None = None
        self.problems: list[str] = []
        self._suggester: Suggester | None = None
        self._read_at = 0.0
        self.show_action = QAction(self, checkable=True)
        self.show_action.setShortcut("Ctrl+Shift+G")
        self.show_action.toggled.connect(self._toggled)
        window.addAction(self.show_action)
        self.pane_actions: dict[str, QAction] = {}
        for name, key, slot in (
            ("next", "Tab", lambda: self.step(1)),
            ("previous", "Shift+Tab", lambda: self.step(-1)),
            ("accept", "Return", self.accept),
            ("reject", "Backspace", self.reject),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setEnabled(False)
            action.triggered.connect(slot)
            for pane in (window.original_pane, window.text_pane):
                pane.addAction(action)
            self.pane_actions[name] = action
        controller = window.controller
        # Suggestions need every span of the article (none overlaps a span of its code): made once all are read.
        controller.articleOpened.connect(lambda _a: self._clear())
        controller.spansRead.connect(lambda _a: self.refresh())
        controller.spansChanged.connect(lambda _c: self.refresh())
        # Learned suggestions come from the worker a moment after the article opens, and anew after a training.
        learning.suggestionsReady.connect(self._learned_ready)
        learning.changed.connect(self.refresh)
        for pane in (window.original_pane, window.text_pane):
            spans_tip = pane.tooltip_for
            pane.tooltip_for = lambda position, p=pane, tip=spans_tip: "<hr>".join(
                part for part in (tip(position), self.tooltip(p, position)) if part
            )
        self.retranslate()

    def retranslate(self) -> None:
        self.show_action.setText(self.tr("Show &suggestions"))
        texts = {
            "next": self.tr("Next suggestion"),
            "previous": self.tr("Previous suggestion"),
            "accept": self.tr("Accept the suggestion"),
            "reject": self.tr("Reject the suggestion"),
        }
        for name, text in texts.items():
            self.pane_actions[name].setText(text)

    def actions(self) -> list[QAction]:
        return [self.show_action, *self.pane_actions.values()]

    def reset(self) -> None:
        """Another database or edited rules: read the rules and the tagged strings again."""
        self._suggester = None
        self.refresh()

    def _toggled(self, shown: bool) -> None:
        for action in self.pane_actions.values():
            action.setEnabled(shown)
        self._suggester = None
        self.window.controller.finish_reading()
        self.refresh()
        if shown and self.problems:
            self.window.show_error(self.tr("Suggestion rules"), "\n".join(self.problems))

    def _ready(self) -> Suggester:
        stale = time.monotonic() - self._read_at > TAGGED_REFRESH_S
        if self._suggester is None or stale:
            store = self.window.store
            rules, self.problems = load_rules(rules_path(), [c.id for c in self.window.controller.categories])
            # Strings tagged in the layers the window counts: in blind coding one's own, never a colleague's.
            tagged = store.suggestions.tagged_strings(self.window.layer_choice.layers())
            self._suggester = Suggester(rules, tagged, store.suggestions.switched_off())
            self._read_at = time.monotonic()
        return self._suggester

    def refresh(self) -> None:
        document = self.window.controller.document
        if not self.show_action.isChecked() or document is None:
            self.suggestions, self.current = [], None
            self._paint()
            return
        try:
            suggester = self._ready()
            held = [(s.start, s.end, s.category_id) for s in self.window.controller.spans]
            rejected = self.window.store.suggestions.rejected(document.article.id)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, self.window.store.path))
            return
        found = suggester.suggest(document.article.text, held, rejected)
        try:
            # Switched off in the rules dialog like any source: then the model suggests nothing here.
            off = LEARNED in self.window.store.suggestions.switched_off()
            learned = [] if off else self.learning.suggestions(document, held, rejected)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, self.window.store.path))
            learned = []
        # A place a rule or a tagged string already suggests for the code is suggested once, by them.
        made = {s[:3] for s in found}
        found += [s for s in learned if s[:3] not in made]
        self.suggestions = sorted(found, key=lambda s: (s.start, s.end, s.category_id))
        if suggester.problems:
            self.window.show_status(suggester.problems[-1])
            suggester.problems.clear()
        self.current = None
        self._paint()

    def _learned_ready(self, article_id: int) -> None:
        document = self.window.controller.document
        if document is not None and document.article.id == article_id:
            current = self.suggestions[self.current] if self.current is not None else None
            self.refresh()
            if current is not None and current in self.suggestions:  # keep the place the analyst stepped to
                self.current = self.suggestions.index(current)
                self._paint()

    def tooltip(self, pane: TextPane, position: int) -> str:
        """The suggestions under the pointer, each with its code and source, as escaped rich text."""
        document = self.window.controller.document
        if document is None or not self.suggestions:
            return ""
        if pane is self.window.original_pane:
            position = document.offset_map.from_original(position, position + 1)[0]
        lines = [escape(self.describe_source(s)) for s in self.suggestions if s.start <= position < s.end]
        return "<br>".join(lines)

    def _clear(self) -> None:
        self.suggestions, self.current = [], None
        self._paint()

    def _paint(self) -> None:
        colours = {c.id: c.colour for c in self.window.controller.categories}
        document = self.window.controller.document
        simplified = [(s.start, s.end, colours.get(s.category_id, "#888888")) for s in self.suggestions]
        original = []
        if document is not None:
            for start, end, colour in simplified:
                original.append((*document.offset_map.to_original(start, end), colour))
        self.window.text_pane.set_suggestions(simplified, self.current)
        self.window.original_pane.set_suggestions(original, self.current)

    def step(self, direction: int) -> None:
        """Go to the next (or previous) suggestion after the caret, selecting it in both panes."""
        if not self.suggestions:
            self.window.show_status(self.tr("No suggestions in this article"))
            return
        if self.current is None:
            here = self.window.text_pane.selection()[0]
            after = [i for i, s in enumerate(self.suggestions) if s.start >= here]
            self.current = (after[0] if after else 0) if direction > 0 else (after[0] - 1 if after else -1)
        else:
            self.current += direction
        self.current %= len(self.suggestions)
        suggestion = self.suggestions[self.current]
        document = self.window.controller.document
        self.window.text_pane.select(suggestion.start, suggestion.end)
        self.window.original_pane.select(*document.offset_map.to_original(suggestion.start, suggestion.end))
        self.window.controller.last_pane = self.window.text_pane
        self._paint()
        self.window.show_status(self.describe(suggestion))

    def _label(self, suggestion: Suggestion) -> str:
        category = next((c for c in self.window.controller.categories if c.id == suggestion.category_id), None)
        return category_label(category) if category is not None else suggestion.category_id

    def _source(self, suggestion: Suggestion) -> str:
        if suggestion.source == TAGGED:
            return self.tr("tagged elsewhere %1").replace("%1", suggestion.detail)
        if suggestion.source == LEARNED:
            return self.tr("learned from your coding, probability %1").replace("%1", suggestion.detail)
        return self.tr("rule %1").replace("%1", suggestion.source)

    def describe_source(self, suggestion: Suggestion) -> str:
        return (
            self.tr("Suggested: %1 (%2)").replace("%1", self._label(suggestion)).replace("%2", self._source(suggestion))
        )

    def describe(self, suggestion: Suggestion) -> str:
        return (
            self.tr("Suggestion %1 (%2): Enter accepts, Backspace rejects, Tab goes on")
            .replace("%1", self._label(suggestion))
            .replace("%2", self._source(suggestion))
        )

    def under_cursor(self) -> Suggestion | None:
        """The suggestion stepped to, else the one holding the caret of the pane in use."""
        if self.current is not None and 0 <= self.current < len(self.suggestions):
            return self.suggestions[self.current]
        document = self.window.controller.document
        pane: TextPane = self.window.original_pane if self.window.original_pane.hasFocus() else self.window.text_pane
        position = pane.selection()[0]
        if document is not None and pane is self.window.original_pane:
            position = document.offset_map.from_original(position, position + 1)[0]
        return next((s for s in self.suggestions if s.start <= position < s.end), None)

    def accept(self) -> None:
        suggestion = self.under_cursor()
        document = self.window.controller.document
        if suggestion is None or document is None:
            self.window.show_status(self.tr("No suggestion here: Tab goes to the next one"))
            return
        try:
            span = document.span_at(suggestion.start, suggestion.end, suggestion.category_id, self.window.annotator())
        except SelectionError as error:
            self.window.show_status(str(error))
            return
        self.window.controller.push(AcceptSuggestion(span, suggestion.source))

    def reject(self) -> None:
        suggestion = self.under_cursor()
        document = self.window.controller.document
        if suggestion is None or document is None:
            return
        command = RejectSuggestion(
            document.article.id, suggestion.start, suggestion.end, suggestion.category_id, suggestion.source
        )
        self.window.undo_stack.push(CoreUndoCommand(command, self.window.store, self._changed, self._failed))

    def _changed(self, change: Change) -> None:
        document = self.window.controller.document
        if document is None or document.article.id != change.article_id:
            self.window.open_article(change.article_id)
        self.refresh()

    def _failed(self, error: StoreError) -> None:
        self.window.report_failure(self.tr("Not saved"), error)
