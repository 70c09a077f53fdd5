"""One QUndoCommand that puts any core command on a QUndoStack, and only once the database holds it.

Undo and redo from the window's actions run the step against the database *before* the stack
moves (``step``): a step that fails for a passing reason (a lock, a full disk) stays where it is,
to be tried again; one that can never succeed (another program changed those rows) is dropped,
and the window says which change it was and why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from desktop.core.coding.commands import Change, Command
from desktop.core.store import STORE_FAILURES, Fault, Store, StoreError, explain


class CoreUndoCommand(QUndoCommand):
    """Runs a core command against the store; tells the window what changed, or what failed."""

    def __init__(
        self,
        command: Command,
        store: Store,
        changed: Callable[[Change], None],
        failed: Callable[[StoreError], None],
    ) -> None:
        super().__init__(command.describe())
        self.command = command
        self._store = store
        self._changed = changed
        self._failed = failed
        # Set by ``attempt``: the step is done in the database already, the stack only has to follow.
        self._done: Change | None = None
        self._dropped = False

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
    """The stack's own Undo and Redo actions (texts, enabled state) made to run through ``step``.

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
        action.triggered.disconnect()
        action.triggered.connect(
            lambda _=False, u=undo: step(stack, u, lambda what, error, kept: failed(u, what, error, kept))
        )
