"""One QUndoCommand that puts any core command on a QUndoStack, and only once the database holds it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.core.commands import Change, Command
from desktop.core.store import STORE_FAILURES, Store, StoreError, explain


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

    def redo(self) -> None:
        self._run(self.command.do)

    def undo(self) -> None:
        self._run(self.command.undo)

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
