"""One QUndoCommand that puts any core command on a QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.core.commands import Change, Command
from desktop.core.store import Store, StoreError


class CoreUndoCommand(QUndoCommand):
    """Runs a core command against the store; tells the window what changed, or what failed."""

    def __init__(
        self,
        command: Command,
        store: Store,
        changed: Callable[[Change], None],
        failed: Callable[[str], None],
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
        except StoreError as error:
            # Nothing was written (every store write is atomic); drop the command so that
            # the stack never claims a change the database does not hold.
            self.setObsolete(True)
            self._failed(str(error))
            return
        self._changed(change)
