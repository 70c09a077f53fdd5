"""One QUndoCommand that puts any core command on a QUndoStack, and only once the database holds it.

Undo and redo from the window's actions run the step against the database *before* the stack
moves (``step``): a step that fails for a passing reason (a lock, a full disk) stays where it is,
to be tried again; one that can never succeed (another program changed those rows) is dropped,
and the window says which change it was and why.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from desktop.core.coding.commands import Change, Command
from desktop.core.models import Category
from desktop.core.store import STORE_FAILURES, Fault, Store, StoreError, explain
from desktop.ui.widgets.labels import category_label, field_label
from desktop.ui.window.command_words import command_text


class CoreUndoCommand(QUndoCommand):
    """Runs a core command against the store; tells the window what changed, or what failed."""

    def __init__(
        self,
        command: Command,
        store: Store,
        changed: Callable[[Change], None],
        failed: Callable[[StoreError], None],
    ) -> None:
        super().__init__()
        self.command = command
        self._store = store
        self._codes: dict[str, Category | None] = {}  # read once: a code deleted later keeps its name here
        self._fields: dict[str, str] = {}
        self.retranslate()
        self._changed = changed
        self._failed = failed
        # Set by ``attempt``: the step is done in the database already, the stack only has to follow.
        self._done: Change | None = None
        self._dropped = False

    def retranslate(self) -> None:
        """The step's name in the interface's language, its codes by their labels."""
        self.setText(command_text(self.command, self._code_label, self._field_label))

    def _code_label(self, category_id: str) -> str:
        if category_id not in self._codes:
            try:
                self._codes[category_id] = self._store.categories.get(category_id)
            except STORE_FAILURES:
                self._codes[category_id] = None
        category = self._codes[category_id]
        return category_label(category) if category is not None else category_id

    def _field_label(self, name: str) -> str:
        if name not in self._fields:
            try:
                fields = {f.name: field_label(f) for f in self._store.metadata.fields()}
            except STORE_FAILURES:
                fields = {}
            self._fields[name] = fields.get(name, name)
        return self._fields[name]

    def redo(self) -> None:
        if not self._follow():
            self._run(self.command.do)

    def undo(self) -> None:
        if not self._follow():
            self._run(self.command.undo)

    @property
    def dropped(self) -> bool:
        """The last attempt failed for good: the step leaves the stack as it moves."""
        return self._dropped

    def _follow(self) -> bool:
        if self._dropped:
            self.setObsolete(True)
            return True
        if self._done is None:
            return False
        change, self._done = self._done, None
        self._changed(change)
        return True

    def attempt(self, undo: bool) -> StoreError | None:
        """Run the undo (or redo) against the database now; the failure, or None once it is done."""
        try:
            self._done = (self.command.undo if undo else self.command.do)(self._store)
        except STORE_FAILURES as error:
            failure = explain(error, self._store.path)
            # Only another program's change to the same rows is for good; a lock or a full disk passes.
            self._dropped = failure.fault is Fault.CONFLICT
            return failure
        return None

    def _run(self, step: Callable[[Store], Change]) -> None:
        try:
            change = step(self._store)
        except STORE_FAILURES as error:
            # Nothing was written (every store write is one transaction). An obsolete command is
            # dropped by QUndoStack right after this step, so the stack never offers to undo a
            # change the database does not hold, nor to redo one over another program's rows.
            self.setObsolete(True)
            self._failed(explain(error, self._store.path))
            return
        self._changed(change)


def step(stack: QUndoStack, undo: bool, failed: Callable[[str, StoreError, bool], None]) -> None:
    """Undo (or redo) the next step, moving the stack only once the database holds the result.

    ``failed(what, error, kept)``: the step named ``what`` failed; ``kept`` says it is still there.
    """
    index = stack.index() - 1 if undo else stack.index()
    if not 0 <= index < stack.count():
        return
    command = stack.command(index)
    if not isinstance(command, CoreUndoCommand):
        stack.undo() if undo else stack.redo()
        return
    what = command.text()
    error = command.attempt(undo)
    if error is None or command.dropped:
        # Done (the stack follows), or for good impossible (the stack drops the step as it moves).
        stack.undo() if undo else stack.redo()
    if error is not None:
        failed(what, error, not command.dropped)


def follow_steps(
    stack: QUndoStack, undo_action: QAction, redo_action: QAction, report: Callable[[str, StoreError], None]
) -> None:
    """Undo and Redo actions that follow the stack (texts, enabled state) and run through ``step``.

    ``report(what, error)``: the window's one place for failures (status bar, log, dialog when needed).
    """

    def failed(undo: bool, what: str, error: StoreError, kept: bool) -> None:
        translate = QCoreApplication.translate
        titles = {
            (True, True): translate("undo", "Not undone: “%1” (it stays on the list; try again)"),
            (False, True): translate("undo", "Not redone: “%1” (it stays on the list; try again)"),
            (True, False): translate("undo", "“%1” can no longer be undone"),
            (False, False): translate("undo", "“%1” can no longer be redone"),
        }
        report(titles[undo, kept].replace("%1", what), error)

    for action, undo in ((undo_action, True), (redo_action, False)):
        action.triggered.connect(
            lambda _=False, u=undo: step(stack, u, lambda what, error, kept: failed(u, what, error, kept))
        )
    stack.canUndoChanged.connect(undo_action.setEnabled)
    stack.canRedoChanged.connect(redo_action.setEnabled)
    stack.indexChanged.connect(lambda _index: name_steps(stack, undo_action, redo_action))
    name_steps(stack, undo_action, redo_action)


def name_steps(stack: QUndoStack, undo_action: QAction, redo_action: QAction) -> None:
    """``Undo tag “…” as 项目``: the next step's name in the interface's language, read at every move.

    (Qt's own undo actions keep the words "Undo %1" of the language they were made in.)
    """
    translate = QCoreApplication.translate
    if not (shiboken6.isValid(stack) and shiboken6.isValid(undo_action) and shiboken6.isValid(redo_action)):
        return  # the window is going: a stack being destroyed empties itself and says so
    undo_action.setEnabled(stack.canUndo())
    redo_action.setEnabled(stack.canRedo())
    undo_action.setIconText(translate("undo", "Undo"))
    redo_action.setIconText(translate("undo", "Redo"))
    undo_action.setText(
        translate("undo", "&Undo %1").replace("%1", stack.undoText()) if stack.canUndo() else translate("undo", "&Undo")
    )
    redo_action.setText(
        translate("undo", "&Redo %1").replace("%1", stack.redoText()) if stack.canRedo() else translate("undo", "&Redo")
    )


def retranslate_history(stack: QUndoStack, undo_action: QAction, redo_action: QAction) -> None:
    """Every step's name in the interface's language (Qt keeps the text a command was made with)."""
    for index in range(stack.count()):
        step = stack.command(index)
        if isinstance(step, CoreUndoCommand):
            step.retranslate()
    name_steps(stack, undo_action, redo_action)
