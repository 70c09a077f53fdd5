"""The window's actions: every menu entry and key, built once and kept as the window's attributes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.core.models import Status
from desktop.ui.panes.pane_menu import NOTE_KEY
from desktop.ui.widgets import i18n
from desktop.ui.window.menus import unique_keys
from desktop.ui.window.undo import follow_steps

Keys = QKeySequence | QKeySequence.StandardKey | str


def _action(window: Any, shortcut: Keys | None = None, slot: Callable[..., object] | None = None) -> QAction:
    action = QAction(window)
    if shortcut is not None:
        action.setShortcuts(unique_keys(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(self: Any) -> None:
    """Every action of the window's menus and keys, as attributes of the window."""
    keys = QKeySequence.StandardKey
    self.quit_action = _action(self, keys.Quit, self.close)
    self.undo_action = QAction(self)
    self.undo_action.setShortcuts(unique_keys(keys.Undo))
    self.redo_action = QAction(self)
    self.redo_action.setShortcuts(unique_keys(keys.Redo, "Ctrl+Shift+Z"))
    self.addActions([self.undo_action, self.redo_action])
    follow_steps(self.undo_stack, self.undo_action, self.redo_action, self.report_failure)
    self.find_action = _action(self, keys.Find, self.find_bar.open_bar)
    self.delete_span_action = _action(self, None, self.controller.delete_selected)
    self.note_action = _action(self, QKeySequence(NOTE_KEY), lambda: self.controller.open_note_editor())
    move = self.controller.move_selected
    self.move_actions = {
        "end+": _action(self, QKeySequence("Shift+Alt+Right"), lambda: move(end_step=1)),
        "end-": _action(self, QKeySequence("Shift+Alt+Left"), lambda: move(end_step=-1)),
        "start-": _action(self, QKeySequence("Ctrl+Alt+Left"), lambda: move(start_step=-1)),
        "start+": _action(self, QKeySequence("Ctrl+Alt+Right"), lambda: move(start_step=1)),
    }
    self.zoom_in_action = _action(self, None, lambda: self.pane_zoom.step(1))
    self.zoom_in_action.setShortcuts(unique_keys("Ctrl+=", "Ctrl++"))
    self.zoom_out_action = _action(self, QKeySequence("Ctrl+-"), lambda: self.pane_zoom.step(-1))
    self.zoom_reset_action = _action(self, QKeySequence("Ctrl+0"), lambda: self.pane_zoom.step(0))
    self.next_action = _action(self, QKeySequence("Ctrl+PgDown"), lambda: self.article_list.step(1))
    self.previous_action = _action(self, QKeySequence("Ctrl+PgUp"), lambda: self.article_list.step(-1))
    self.next_todo_action = _action(self, QKeySequence("Ctrl+Shift+PgDown"), self.next_todo)
    self.status_actions = {
        status: _action(self, key, lambda _=False, s=status: self.controller.set_status(s))
        for status, key in (
            (Status.TODO, "Ctrl+Shift+T"),
            (Status.IN_PROGRESS, "Ctrl+Shift+P"),
            (Status.DONE, "Ctrl+Shift+D"),
        )
    }
    self.reprocess_action = _action(self, None, lambda: _reprocess(self))
    self.shortcuts_action = _action(self, QKeySequence(QKeySequence.StandardKey.HelpContents), self.show_shortcuts)
    self.tag_actions = []
    self.language_group = QActionGroup(self)
    self.language_actions = {}
    for code in (i18n.SYSTEM, *i18n.LANGUAGES):
        action = QAction(self, checkable=True)
        action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        self.language_group.addAction(action)
        self.language_actions[code] = action
    self.language_menu = QMenu(self)
    self.language_menu.addActions(list(self.language_actions.values()))
    self._build_tag_actions()


def build_tag_actions(self: Any) -> None:
    """One action per code with a key (the keys follow the codebook), and the category bar's buttons."""
    for action in self.tag_actions:
        self.removeAction(action)
    self.tag_actions = []
    for category in self.controller.categories:
        if category.key:
            action = _action(self, category.key, lambda _=False, c=category.id: self.controller.tag(c))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.tag_actions.append(action)
    self.category_bar.set_categories(self.controller.categories)
    self.corpus.set_categories()


def _reprocess(window: Any) -> None:
    # The text pipeline loads when an article is re-processed, not with the window.
    from desktop.ui.exchange.reprocess_dialog import reprocess_open_article

    reprocess_open_article(window)
