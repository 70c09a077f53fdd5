"""Importing off the UI thread, with a cancellable progress dialog and a summary at the end."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.core.environment import default_workers
from desktop.core.store import STORE_FAILURES, explain
from desktop.core.text.reading import find_article_files
from desktop.ui.exchange.background_import import CancellableWorker, ProgressRunner
from desktop.ui.widgets.messages import inform

if TYPE_CHECKING:
    from desktop.core.coding.importing import ImportOutcome
    from desktop.ui.window.database_actions import StoreOpener

# Below this many files one process is faster than starting workers.
PARALLEL_FROM = 40


class ImportWorker(CancellableWorker):
    progressed = Signal(int, int, str)  # done, total, current path

    def __init__(self, db_path: str, paths: list[Path], open_store: StoreOpener) -> None:
        super().__init__(db_path, open_store)
        self._paths = paths

    @Slot()
    def run(self) -> None:
        # The import pipeline (and multiprocessing) loads with the first import, not with the window.
        from desktop.core.coding.importing import ImportOutcome, Result, import_paths

        outcomes: list[ImportOutcome] = []
        try:
            files = [found.path for found in find_article_files(self._paths)]
            with self._open_store(self._db_path) as store:
                # Worker processes pay off once there are more files than a process takes to start.
                workers = default_workers() if len(files) >= PARALLEL_FROM else 1
                for outcome in import_paths(store, files, cancelled=self.cancelled, workers=workers):
                    outcomes.append(outcome)
                    self.progressed.emit(len(outcomes), len(files), outcome.path)
        except STORE_FAILURES as error:
            outcomes.append(ImportOutcome(self._db_path, Result.FAILED, str(explain(error, self._db_path))))
        finally:
            # Whatever happened, the dialog learns that the import is over.
            self.finished.emit(outcomes)


class ImportRunner(ProgressRunner):
    """An import of article files; ``done`` carries its outcomes (list[ImportOutcome])."""

    def __init__(self, db_path: str, paths: list[Path], open_store: StoreOpener, parent: QWidget) -> None:
        worker = ImportWorker(db_path, paths, open_store)
        super().__init__(worker, parent)
        self.worker: ImportWorker = worker
        self.dialog.setLabelText(self.tr("Importing…"))
        self.dialog.setWindowTitle(self.tr("Import articles"))
        worker.progressed.connect(self._progress)

    def _progress(self, done: int, total: int, path: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            self.tr("Importing %1 of %2\n%3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", Path(path).name)
        )


def summary_text(outcomes: list[ImportOutcome]) -> str:
    from desktop.core.coding.importing import Result

    counts = Counter(outcome.result for outcome in outcomes)
    text = QCoreApplication.translate("ImportRunner", "%1 imported, %2 duplicate, %3 failed")
    text = (
        text.replace("%1", str(counts[Result.IMPORTED]))
        .replace("%2", str(counts[Result.DUPLICATE]))
        .replace("%3", str(counts[Result.FAILED]))
    )
    failures = [f"{Path(o.path).name}: {o.detail}" for o in outcomes if o.result is Result.FAILED]
    if failures:
        text += "\n\n" + "\n".join(failures[:20]) + ("\n…" if len(failures) > 20 else "")
    return text


def show_summary(parent: QWidget, outcomes: list[ImportOutcome]) -> None:
    inform(parent, QCoreApplication.translate("ImportRunner", "Import finished"), summary_text(outcomes))
