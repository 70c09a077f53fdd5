"""What the codebook panel does: add, edit, merge, delete and move codes, each an undoable command.

The window's one undo stack holds these next to span commands; every change re-reads the
codebook, the keys and the open article from the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop.core.coding.codebook_commands import AddCategory, EditCategory, MoveCategory, RemoveCategory
from desktop.core.coding.commands import Change, Command
from desktop.core.models import Category
from desktop.core.store import STORE_FAILURES, StoreError, explain
from desktop.ui.codebook.codebook_panel import CodebookPanel
from desktop.ui.widgets.i18n import current_language
from desktop.ui.widgets.labels import category_label
from desktop.ui.window.undo import CoreUndoCommand


class CodebookActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panel = CodebookPanel()
        # Span counts after tagging: read once the burst of keys is over, never between key and paint.
        self._counts_timer = QTimer(self, singleShot=True, interval=400)
        self._counts_timer.timeout.connect(self.refresh)
        self.add_action = QAction(self)
        self.add_child_action = QAction(self)
        self.edit_action = QAction(self)
        self.merge_action = QAction(self)
        self.delete_action = QAction(self)
        self.add_action.triggered.connect(lambda: self.add(None))
        self.add_child_action.triggered.connect(lambda: self.add(self.panel.current_id()))
        self.edit_action.triggered.connect(self.edit)
        self.merge_action.triggered.connect(self.merge)
        self.delete_action.triggered.connect(self.delete)
        for action in self.actions():
            self.panel.toolbar.addAction(action)
        self.panel.tree.moveRequested.connect(self.move)
        self.panel.tree.itemDoubleClicked.connect(lambda *_: self.edit())
        for pane in (window.original_pane, window.text_pane):
            self.panel.hiddenChanged.connect(pane.set_hidden)
        self.panel.tree.setContextMenuPolicy(self.panel.tree.contextMenuPolicy().CustomContextMenu)
        self.panel.tree.customContextMenuRequested.connect(self._menu)
        self.panel.shown.connect(self.refresh)
        self.retranslate()

    def actions(self) -> list[QAction]:
        return [self.add_action, self.add_child_action, self.edit_action, self.merge_action, self.delete_action]

    def retranslate(self) -> None:
        self.add_action.setText(self.tr("Add code…"))
        self.add_child_action.setText(self.tr("Add sub-code…"))
        self.edit_action.setText(self.tr("Edit…"))
        self.merge_action.setText(self.tr("Merge into…"))
        self.delete_action.setText(self.tr("Delete…"))
        self.panel.retranslate()

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self.panel)
        menu.addActions(self.actions())
        menu.exec(self.panel.tree.viewport().mapToGlobal(point))

    # reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The tree as the database has it (nothing to do while the panel is not on screen)."""
        if not self.panel.isVisible() and self.panel.items:
            return
        store = self.window.store
        if not store.is_open:  # closed while a backup is being put back; read again once it opens
            return
        try:
            counts = [store.categories.span_counts(layer) for layer in self.window.layer_choice.layers()]
            self.panel.show_codebook(store.categories.all(), counts)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the codebook"), explain(error, store.path))

    def refresh_soon(self) -> None:
        self._counts_timer.start()

    def _current(self) -> Category | None:
        category_id = self.panel.current_id()
        if category_id is None:
            self.window.show_status(self.tr("Select a code in the codebook first"))
            return None
        return self.window.store.categories.get(category_id)

    def _choose(self, title: str, question: str, excluded: list[str], codable_only: bool) -> str | None:
        """Another category, chosen by its path from a list."""
        codebook = self.window.store.categories.codebook()
        english = not current_language().startswith("zh")
        choices = {
            codebook.path(c.id, english=english): c.id
            for c in codebook
            if c.id not in excluded and (c.codable or not codable_only)
        }
        if not choices:
            self.window.show_status(self.tr("There is no other code to choose"))
            return None
        name, ok = QInputDialog.getItem(self.window, title, question, list(choices), 0, False)
        return choices[name] if ok and name in choices else None

    # changing --------------------------------------------------------------------------------

    def push(self, command: Command) -> None:
        self.window.undo_stack.push(CoreUndoCommand(command, self.window.store, self._changed, self._failed))

    def _changed(self, change: Change) -> None:
        self.window.refresh_from_database()

    def _failed(self, error: StoreError) -> None:
        self.window.report_failure(self.tr("Codebook not changed"), error)

    def add(self, parent_id: str | None) -> None:
        try:
            codebook = self.window.store.categories.codebook()
        except STORE_FAILURES as error:
            self._failed(explain(error, self.window.store.path))
            return
        from desktop.ui.codebook.category_dialog import CategoryDialog

        dialog = CategoryDialog(codebook, None, self.window)
        if not dialog.exec():
            return
        values = dialog.values()
        category_id = self.window.store.categories.new_id(values["label_zh"], values["label_en"])
        category = Category(
            category_id,
            values["label_zh"],
            values["label_en"],
            values["colour"],
            values["shortcut"],
            0,
            values["description"],
            parent_id,
            values["codable"],
        )
        self.push(AddCategory(category))
        self.panel.select(category_id)

    def edit(self) -> None:
        category = self._current()
        if category is None:
            return
        from desktop.ui.codebook.category_dialog import CategoryDialog

        dialog = CategoryDialog(self.window.store.categories.codebook(), category, self.window)
        if dialog.exec() and dialog.changes():
            self.push(EditCategory(category, dialog.changes()))

    def move(self, category_id: str, parent_id: str | None, index: int) -> None:
        problem = self.window.store.categories.codebook().move_problem(category_id, parent_id)
        if problem:
            self.window.show_status(self.tr("Cannot move the code: a code cannot go under its own sub-codes"))
            return
        self.push(MoveCategory(category_id, parent_id, index))
        self.panel.select(category_id)

    def merge(self) -> None:
        category = self._current()
        if category is None:
            return
        subtree = self.window.store.categories.codebook().subtree(category.id)
        target = self._choose(
            self.tr("Merge code"),
            self.tr("Merge “%1” into (its spans and sub-codes go there):").replace("%1", category_label(category)),
            subtree,
            codable_only=True,
        )
        if target is not None:
            self.push(RemoveCategory.merging(category.id, target))
            self.panel.select(target)

    def delete(self) -> None:
        category = self._current()
        if category is None:
            return
        count = self.window.store.categories.span_counts(None).get(category.id, 0)  # every analyst's go with it
        spans_to: str | None = None
        if count:
            box = QMessageBox(self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWindowTitle(self.tr("Delete code"))
            box.setText(
                self.tr("“%1” has %n span(s). Move them to another code, or delete them with it?", "", count).replace(
                    "%1", category_label(category)
                )
            )
            move = box.addButton(self.tr("Move spans…"), QMessageBox.ButtonRole.AcceptRole)
            remove = box.addButton(self.tr("Delete spans"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is move:
                subtree = [category.id]
                spans_to = self._choose(
                    self.tr("Delete code"), self.tr("Move its spans to:"), subtree, codable_only=True
                )
                if spans_to is None:
                    return
            elif box.clickedButton() is not remove:
                return
        self.push(RemoveCategory.deleting(category, spans_to))
