"""The main window's menu bar: which action sits in which menu, in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.ui.window.menus import fill_menu_bar


def build_menus(window: Any) -> None:
    translate = QCoreApplication.translate
    window.databases.fill_recent()
    language_menu = window.language_menu
    language_menu.setTitle(translate("MainWindow", "Language"))
    shown = (window.articles_dock, window.codebook_dock, window.spans_dock, window.flags_dock, *window.study.docks())
    shown += tuple(window.corpus.docks())
    docks = [dock.toggleViewAction() for dock in shown]
    file_menu = [window.databases.new_action, window.databases.open_action, window.databases.recent_menu]
    file_menu += [window.safety.restore_action, None]
    file_menu += [*window.exchange.import_actions(), None, *window.exchange.export_actions.values()]
    file_menu += [None, window.analysts.menu]
    edit_menu = [window.undo_action, window.redo_action, None, window.find_action, None]
    edit_menu += [window.note_action, window.delete_span_action, *window.move_actions.values(), None]
    corpus = window.corpus
    edit_menu += [corpus.search_action, corpus.passages.action, corpus.batches_action, None]
    edit_menu += [*corpus.suggestions.actions(), None]
    article_menu = [window.previous_action, window.next_action, window.next_todo_action, None]
    article_menu += [*window.status_actions.values(), None, window.reprocess_action]
    workspace_menu = window.workspaces.menu
    workspace_menu.setTitle(translate("MainWindow", "&Workspace"))
    view: list[Any] = [workspace_menu, None]
    view += [window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action, None, window.study.units_action]
    view += [None, *docks, language_menu]
    fill_menu_bar(
        window.menuBar(),
        [
            (translate("MainWindow", "&File"), [*file_menu, None, window.quit_action]),
            (translate("MainWindow", "&Edit"), edit_menu),
            (translate("MainWindow", "&Article"), article_menu),
            (translate("MainWindow", "&Codebook"), [*window.codebook.actions(), None, corpus.rules_action]),
            (translate("MainWindow", "&View"), view),
            (translate("MainWindow", "&Help"), [window.shortcuts_action]),
        ],
    )
