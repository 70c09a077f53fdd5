"""An import on a thread of its own with a cancellable progress dialog: what importing articles and
importing an annotation file share.

The worker has its own database connection (SQLite connections stay in one thread) and is asked
to stop through a threading.Event, set directly from the dialog's Cancel: the worker's thread is
busy importing, and a queued call would reach it only once the import was over.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from desktop.ui.window.database_actions import StoreOpener


class CancellableWorker(QObject):
    """Moved to its runner's thread; ``run`` opens the database at ``db_path`` with ``open_store``, does
    the work, asks ``cancelled`` and emits ``finished``."""

    finished = Signal(object)  # what the import ends with, for the runner's ``done``

    def __init__(self, db_path: str, open_store: StoreOpener) -> None:
        super().__init__()
        self._db_path = db_path
        self._open_store = open_store
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        raise NotImplementedError


class ProgressRunner(QObject):
    """Owns the thread, the worker and the progress dialog of one import."""

    done = Signal(object)  # the worker's ``finished``, once its thread has ended

    def __init__(self, worker: CancellableWorker, parent: QWidget) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.worker = worker
        worker.moveToThread(self.worker_thread)
        cancel = QCoreApplication.translate("ProgressRunner", "Cancel")
        self.dialog = QProgressDialog("", cancel, 0, 0, parent)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        self.worker_thread.started.connect(worker.run)
        worker.finished.connect(self._finished)

    def start(self) -> None:
        # At its minimum value the dialog starts its clock: it shows once the import has taken
        # longer than its minimum duration, whether or not progress has been told by then.
        self.dialog.setValue(0)
        self.worker_thread.start()

    def _finished(self, result: object) -> None:
        self.dialog.reset()
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.done.emit(result)
