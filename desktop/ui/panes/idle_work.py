"""Work done in slices while the window is idle, so that input is never kept waiting.

A job is a generator: each ``yield`` ends a slice. ``finish`` runs what is left at once,
for when an action needs the job's result before it can go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from desktop.core.store import STORE_FAILURES


class IdleWork(QObject):
    def __init__(self, on_failure: Callable[[Exception], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Iterator[None] | None = None
        self._on_failure = on_failure
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def start(self, job: Iterator[None]) -> None:
        """Run ``job`` from the next idle moment on, in place of any job still running."""
        self._job = job
        self._timer.start()

    def stop(self) -> None:
        self._job = None
        self._timer.stop()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def finish(self) -> None:
        while self._job is not None:
            self._step()
        self._timer.stop()

    def _slice(self) -> None:
        self._step()
        if self._job is not None:
            self._timer.start()

    def _step(self) -> None:
        job = self._job
        if job is None:
            return
        try:
            next(job)
        except StopIteration:
            if self._job is job:
                self._job = None
        except STORE_FAILURES as error:
            if self._job is job:
                self._job = None
            self._on_failure(error)
