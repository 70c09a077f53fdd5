"""The agreement report computed off the window's thread, with a connection of its own.

At corpus size the report reads and counts for about a second; the window stays usable meanwhile,
and the figures are shown as soon as they are ready, before the confusion table and the
disagreements. A newer request makes an older answer stale: it is dropped when it arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.analysts.double_coding import report_in_steps
from desktop.core.store import STORE_FAILURES, Store, explain
from desktop.core.store.database import MEMORY

log = logging.getLogger("policy_annotator")


class _Worker(QObject):
    figured = Signal(int, object)  # job, the Report's figures alone
    finished = Signal(int, object, object)  # job, Report, {article id: Simplified text} of the disagreements
    failed = Signal(int, str)

    def __init__(self, path: str, open_store: Callable[[str], Store], own_connection: bool) -> None:
        super().__init__()
        self._path = path
        self._open_store = open_store
        self._own_connection = own_connection

    @Slot(int, list, str, bool)
    def run(self, job: int, analysts: list[str], sample: str, finished_only: bool) -> None:
        try:
            # Opened for each report and closed after it: reports are rare, connections are cheap.
            store = self._open_store(self._path)
            try:
                for result in report_in_steps(store, analysts, sample, finished_only=finished_only):
                    if not result.complete:
                        self.figured.emit(job, result)
                ids = {item.article_id for item in result.comparison.disagreements}
                texts = {article_id: store.articles.texts(article_id)[0] for article_id in ids}
            finally:
                if self._own_connection:
                    store.close()
        except STORE_FAILURES as error:
            self.failed.emit(job, str(explain(error, self._path)))
            return
        except Exception as error:  # a fault of ours must not leave the dialog waiting forever
            log.exception("agreement report failed")
            self.failed.emit(job, f"{type(error).__name__}: {error}")
            return
        self.finished.emit(job, result, texts)


class ReportRunner(QObject):
    figured = Signal(object)  # the Report's figures alone, sent ahead
    ready = Signal(object, object)  # Report, texts
    failed = Signal(str)
    _run = Signal(int, list, str, bool)

    def __init__(self, store: Store, open_store: Callable[[str], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        # An in-memory database has no second connection: its report is made on this thread.
        self._shared = store.path == MEMORY
        self._path = store.path
        self._open_store: Callable[[str], Store] = (lambda _path: store) if self._shared else open_store
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.resume()

    def resume(self) -> None:
        """A worker (on a thread of its own) ready for reports; again after ``stop``."""
        if self._worker is not None:
            return
        self._worker = _Worker(self._path, self._open_store, not self._shared)
        if not self._shared:
            self._thread = QThread(self)
            self._worker.moveToThread(self._thread)
            self._thread.start()
        self._run.connect(self._worker.run)
        self._worker.figured.connect(self._figured)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)

    def start(self, analysts: list[str], sample: str, finished_only: bool = True) -> None:
        self._job += 1
        self.resume()
        self._run.emit(self._job, list(analysts), sample, finished_only)

    def stop(self) -> None:
        """End the thread (waiting for a report under way to finish: it holds a connection)."""
        self._job += 1
        if self._worker is not None:
            self._run.disconnect(self._worker.run)
            self._worker = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None

    def _figured(self, job: int, result: object) -> None:
        if job == self._job:
            self.figured.emit(result)

    def _finished(self, job: int, result: object, texts: object) -> None:
        if job == self._job:
            self.ready.emit(result, texts)

    def _failed(self, job: int, message: str) -> None:
        if job == self._job:
            self.failed.emit(message)
