"""Importing an annotation file off the UI thread, with a cancellable progress dialog.

A restore of 10,000 processed articles takes ~12 s: on the UI thread the window stopped answering
for all of it, with no way to stop it. The window re-reads what the import added when it is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.core.environment import default_workers
from desktop.core.store import STORE_FAILURES, explain
from desktop.ui.exchange.background_import import CancellableWorker, ProgressRunner

if TYPE_CHECKING:
    from desktop.ui.window.database_actions import StoreOpener


class AnnotationImportWorker(CancellableWorker):
    progressed = Signal(int)  # the last line stored

    def __init__(self, db_path: str, path: Path, annotator: str, open_store: StoreOpener) -> None:
        super().__init__(db_path, open_store)
        self._path = path
        self._annotator = annotator

    @Slot()
    def run(self) -> None:
        # Reading annotation files needs the import pipeline: loaded at the first file, not with the window.
        from desktop.core.exchange.attach import import_annotations
        from desktop.core.exchange.import_report import ImportReport

        report = ImportReport()
        try:
            with self._open_store(self._db_path) as store:
                report = import_annotations(
                    store,
                    self._path,
                    self._annotator,
                    workers=default_workers(),
                    progress=self.progressed.emit,
                    cancelled=self.cancelled,
                )
        except STORE_FAILURES as error:
            report.failed = f"{self._path}: {explain(error, self._db_path)}"
        finally:
            # Whatever happened, the window learns that the import is over.
            self.finished.emit(report)


class AnnotationImportRunner(ProgressRunner):
    """An import of one annotation file; ``done`` carries its ImportReport."""

    def __init__(self, db_path: str, path: Path, annotator: str, open_store: StoreOpener, parent: QWidget) -> None:
        worker = AnnotationImportWorker(db_path, path, annotator, open_store)
        super().__init__(worker, parent)
        self.worker: AnnotationImportWorker = worker
        self._name = path.name
        self.dialog.setLabelText(self.tr("Importing %1…").replace("%1", path.name))
        self.dialog.setWindowTitle(self.tr("Import annotations"))
        worker.progressed.connect(self._progress)

    def _progress(self, line: int) -> None:
        # (how many lines a file has is not known until it is read to its end: the bar stays busy)
        self.dialog.setLabelText(
            self.tr("Importing %1…\nstored up to line %2").replace("%1", self._name).replace("%2", f"{line:,}")
        )
