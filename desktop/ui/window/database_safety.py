"""Keeping the open database safe: its locks, a check that failed in the background, backups, restore.

Whenever the window looks at the database (every poll, every return to the window, every closed
file dialog) it also asks whether its connection can still be trusted with the file. Locks lost
(something in this process opened and closed the file) are taken again by closing every
connection of the window and opening the file anew; a file replaced or removed under the window
is not the one it wrote, so the window stops writing and says so. A check that finds damage in a
large file after it opened shows its message once; writes were held until then and are refused.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.store import FileProblem, Store, StoreError
from desktop.core.store.backups import BackupKind, backups_of, make_backup
from desktop.ui.widgets.dialog_events import DialogEvents


class SafetyHost(Protocol):
    """What this needs of the window: its store, the parts holding connections of their own, its messages."""

    store: Store
    watcher: Any  # StoreWatcher
    exchange: Any  # ExchangeActions: is an import running
    corpus: Any  # CorpusDocks: the search thread's connection
    coding_round: Any  # CodingRound: agreement reports' connections
    databases: Any  # DatabaseActions: switching to the restored file
    read_only_banner: QLabel

    def report_failure(self, what: str, error: StoreError) -> None: ...

    def show_status(self, text: str) -> None: ...

    def show_error(self, title: str, text: str) -> None: ...


log = logging.getLogger("policy_annotator")


def _changed_since(database: str, kind: BackupKind) -> bool:
    """Whether the database (or its write-ahead log) changed after its newest backup of that kind."""
    from pathlib import Path

    made = [backup.made.timestamp() for backup in backups_of(database) if backup.kind is kind]
    if not made:
        return True
    newest = 0.0
    for name in (database, database + "-wal"):
        try:
            newest = max(newest, Path(name).stat().st_mtime)
        except OSError:
            continue
    return newest > max(made)


class DatabaseSafety(QObject):
    def __init__(self, window: QWidget, host: SafetyHost) -> None:
        super().__init__(window)
        self._parent = window
        self.window = host
        self._deferred: FileProblem | None = None
        self._refusal_shown = ""
        self._backup: threading.Thread | None = None
        self.restore_action = QAction(window)
        self.restore_action.triggered.connect(self.restore)
        host.watcher.looked.connect(self.check)
        DialogEvents.instance().closed.connect(self.check)
        self.look_soon()

    def look_soon(self) -> None:
        """The locks a database just opened holds are the ones to keep: noted on a thread while the
        window starts (nothing in the window can have closed the file before)."""
        self.window.store.note_locks_soon()

    def retranslate(self) -> None:
        self.restore_action.setText(self.tr("Restore &backup…"))

    # the file under the window --------------------------------------------------------------

    def check(self) -> None:
        """Act on a connection that can no longer be trusted, and on a failed background check."""
        store = self.window.store
        if not store.is_open:  # a window being closed, or between two databases
            return
        problem = store.file_problem()
        if problem is not None:
            self._handle(problem)
        refusal = store.write_refusal()
        if refusal is not None and str(refusal) != self._refusal_shown:
            self._refusal_shown = str(refusal)
            self.window.report_failure(self.tr("Changes are not saved"), refusal)

    def _handle(self, problem: FileProblem) -> None:
        store = self.window.store
        log.warning("%s: %s", store.path, problem.value)
        if not problem.reopening_helps:
            store.give_up_writing(problem.value)
            self.window.read_only_banner.setText(
                self.tr("This database file was replaced or removed while open; changes are no longer saved.")
            )
            self.window.read_only_banner.show()
            return
        if self.window.exchange.import_running():
            # The import's own connection shares the locks: the file is opened anew once it is done.
            self._deferred = problem
            store.give_up_writing(problem.value)
            return
        self.reopen(problem)

    def import_finished(self) -> None:
        if self._deferred is not None:
            problem, self._deferred = self._deferred, None
            self.reopen(problem)

    def reopen(self, problem: FileProblem) -> None:
        """Close every connection of the window to the file and open it anew (the locks are taken again)."""
        window = self.window
        window.corpus.stop()
        window.coding_round.pause()
        try:
            window.store.reopen()
        except StoreError as error:
            window.report_failure(self.tr("Cannot open the database again"), error)
            return
        finally:
            window.corpus.use_store(window.store)
            window.coding_round.resume()
        window.watcher.set_store(window.store)
        window.show_status(self.tr("The database was closed and opened again: %1").replace("%1", problem.value))

    # backups ---------------------------------------------------------------------------------

    def backup_opened(self) -> None:
        """The file as this window opened it, copied on a thread once it passed its check."""
        path = self.window.store.path
        if self.window.store.read_only or not _changed_since(path, BackupKind.OPENED):
            return

        def copy() -> None:
            try:
                from desktop.core.store.integrity import gate_for

                gate_for(path).admit()
                make_backup(path, BackupKind.OPENED)
            except StoreError as error:
                log.warning("no backup at open: %s", error)

        self._backup = threading.Thread(target=copy, name="backup at open", daemon=True)
        self._backup.start()

    def backup_at_close(self) -> str:
        """Today's backup when there is none yet; the reason when none could be kept ('' otherwise)."""
        if self._backup is not None:
            self._backup.join()
        try:
            self.window.store.keep_backup()
        except StoreError as error:
            log.warning("no backup at close: %s", error)
            return str(error)
        return ""

    def restore(self) -> None:
        """Put a backup in place of the open database, then show it."""
        window = self.window
        path = window.store.path
        if window.exchange.import_running():
            window.show_error(self.tr("Not restored"), self.tr("Wait for the import to finish first."))
            return
        window.corpus.stop()
        window.coding_round.pause()
        window.store.close()
        from desktop.ui.window.restore_dialog import ask_and_restore  # (imported when first asked for)

        restored = ask_and_restore(path, self._parent)
        if restored is None or not window.databases.switch(path):
            # Nothing restored (or the restored file did not open): the window goes on with the file it had.
            window.store.reopen()
            window.corpus.use_store(window.store)
            window.coding_round.resume()
            return
        window.coding_round.resume()
        window.show_status(" ".join(restored.lines()))
