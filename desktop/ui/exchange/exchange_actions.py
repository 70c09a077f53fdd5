"""File menu, exchange part: import articles and annotations, export in every registered format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.core.exchange.formats import FORMATS, READABLE_FORMATS, ExchangeFormat, format_by_key
from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.models import Category
from desktop.core.store import STORE_FAILURES, Store, explain
from desktop.ui.widgets.labels import category_label, format_label
from desktop.ui.widgets.messages import ask, inform
from desktop.ui.window.layer_choice import LayerChoice

if TYPE_CHECKING:
    from desktop.core.coding.importing import ImportOutcome
    from desktop.core.exchange.import_report import ImportReport
    from desktop.ui.exchange.annotation_import import AnnotationImportRunner
    from desktop.ui.exchange.import_dialog import ImportRunner
    from desktop.ui.window.database_actions import StoreOpener

# The dialogs (file, import, export) load when first opened: the window's start needs none of them.

# Keys for the exports used most; the others are in the menu only.
EXPORT_SHORTCUTS = {"csv": "Ctrl+E", "jsonl": "Ctrl+Shift+E"}


class ExchangeHost(Protocol):
    """What these actions need of the window."""

    store: Store
    open_store: StoreOpener
    layer_choice: LayerChoice

    def annotator(self) -> str: ...

    def categories(self) -> list[Category]: ...

    def show_error(self, title: str, text: str) -> None: ...

    def show_status(self, text: str) -> None: ...

    def articles_added(self) -> None: ...

    def annotations_added(self) -> None: ...


class ExchangeActions(QObject):
    importFinished = Signal()

    def __init__(self, parent: QWidget, host: ExchangeHost) -> None:
        super().__init__(parent)
        self._parent = parent
        self._host = host
        self.running_import: ImportRunner | AnnotationImportRunner | None = None
        self.import_files_action = self._action(self.import_files, "Ctrl+I")
        self.import_folder_action = self._action(self.import_folder, "Ctrl+Shift+I")
        self.import_annotations_action = self._action(self.import_annotation_file)
        self.export_actions = {
            fmt.key: self._action(lambda _=False, key=fmt.key: self.export(key), EXPORT_SHORTCUTS.get(fmt.key))
            for fmt in FORMATS
        }

    def _action(self, slot: Callable[..., object], shortcut: str | None = None) -> QAction:
        action = QAction(self._parent)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self._parent.addAction(action)
        return action

    def import_actions(self) -> list[QAction]:
        return [self.import_files_action, self.import_folder_action, self.import_annotations_action]

    def retranslate(self) -> None:
        self.import_files_action.setText(self.tr("&Import files…"))
        self.import_folder_action.setText(self.tr("Import &folder…"))
        self.import_annotations_action.setText(self.tr("Import &annotations…"))
        for key, action in self.export_actions.items():
            action.setText(self.tr("Export %1…").replace("%1", "&" + format_label(format_by_key(key))))

    # articles -----------------------------------------------------------------------------

    def import_files(self) -> None:
        from desktop.ui.widgets.file_dialogs import open_files

        paths = open_files(self._parent, self.tr("Import articles"), self.tr("Articles (*.txt *.md)"))
        if paths:
            self.start_import([Path(p) for p in paths])

    def import_folder(self) -> None:
        from desktop.ui.widgets.file_dialogs import choose_folder

        folder = choose_folder(self._parent, self.tr("Import a folder of articles"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> ImportRunner:
        """Import off the UI thread, with its own connection to the database."""
        from desktop.ui.exchange.import_dialog import ImportRunner

        runner = ImportRunner(self._host.store.path, paths, self._host.open_store, self._parent)
        runner.done.connect(self._import_done)
        self._importing(runner)
        runner.start()
        return runner

    def import_running(self) -> bool:
        return self.running_import is not None

    def _importing(self, runner: ImportRunner | AnnotationImportRunner | None) -> None:
        """One import at a time: the import actions are greyed while one runs (two would each hold
        the write lock in turn, and the window could tell only one of them to stop)."""
        self.running_import = runner
        for action in self.import_actions():
            action.setEnabled(runner is None)

    def stop_import(self) -> None:
        """Cancel an import under way and wait for its thread (the window is closing): the batch it
        is storing is committed or rolled back whole, the ones before it stay. A thread still
        running when the window is destroyed would abort the program."""
        runner = self.running_import
        if runner is None:
            return
        self._importing(None)
        runner.done.disconnect()  # (no report, no refresh: the window is going)
        runner.worker.cancel()
        runner.worker_thread.quit()  # (its loop ends once the worker's run returns)
        runner.worker_thread.wait()

    def _import_done(self, outcomes: list[ImportOutcome]) -> None:
        self._importing(None)
        self._host.articles_added()
        self.importFinished.emit()
        from desktop.ui.exchange.import_dialog import show_summary

        show_summary(self._parent, outcomes)

    # annotations --------------------------------------------------------------------------

    def import_annotation_file(self) -> None:
        suffixes = " ".join(sorted({f"*.{fmt.suffix}" for fmt in READABLE_FORMATS}))
        filters = self.tr("Annotations (%1);;All files (*)").replace("%1", suffixes)
        from desktop.ui.widgets.file_dialogs import open_file

        path = open_file(self._parent, self.tr("Import annotations"), filters)
        if path:
            self.start_annotation_import(Path(path))

    def start_annotation_import(self, path: Path) -> AnnotationImportRunner:
        """Import an annotation file off the UI thread; the report (and any question) when it is done."""
        from desktop.ui.exchange.annotation_import import AnnotationImportRunner

        host = self._host
        runner = AnnotationImportRunner(host.store.path, path, host.annotator(), host.open_store, self._parent)
        runner.done.connect(self._annotations_imported)
        self._importing(runner)
        runner.start()
        return runner

    def _annotations_imported(self, report: ImportReport) -> None:
        self._importing(None)
        self._host.annotations_added()
        self.importFinished.emit()
        self.offer_their_colours(report)
        self.show_report(report)

    def offer_their_colours(self, report: ImportReport) -> None:
        """The file's codebook colours differ from ours: they were kept; the analyst may take theirs."""
        codebook = report.codebook
        if codebook is None or not codebook.kept:
            return
        kept = codebook.kept
        labels = {category.id: category_label(category) for category in self._host.categories()}
        listed = "\n".join(f"{labels.get(code, code)}: {ours} → {theirs}" for code, _field, ours, theirs in kept)
        question = self.tr("The file gives other colours for %n code(s):", "", len(kept))
        question += "\n\n" + listed + "\n\n" + self.tr("Ours were kept. Take the file's colours instead?")
        if not ask(self._parent, self.tr("Codebook colours"), question):
            return
        try:
            for code, _field, _ours, theirs in kept:
                self._host.store.categories.update(code, colour=theirs)
        except STORE_FAILURES as error:
            self._host.show_error(self.tr("Colours not changed"), str(error))
            return
        codebook.changes += [(code, "colour", ours, theirs) for code, _f, ours, theirs in kept]
        codebook.kept = []
        self._host.annotations_added()

    def show_report(self, report: ImportReport) -> None:
        inform(self._parent, self.tr("Import annotations"), "\n".join(report.lines()))

    # export -------------------------------------------------------------------------------

    def export(self, key: str) -> None:
        fmt = format_by_key(key)
        from desktop.ui.exchange.export_dialog import ExportDialog

        dialog = ExportDialog(fmt, self._host.categories(), self._parent, self._host.layer_choice.offer())
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        problems = dialog.problems()
        if problems:
            self._host.show_error(self.tr("Nothing exported"), " ".join(problems))
            return
        from desktop.ui.widgets.file_dialogs import save_file

        path = save_file(
            self._parent, self.tr("Export"), f"annotations.{fmt.suffix}", f"{format_label(fmt)} (*.{fmt.suffix})"
        )
        if path:
            self.export_to(fmt, Path(path), dialog.options(), dialog.chosen_encoding())

    def export_to(self, fmt: ExchangeFormat, path: Path, options: ExportOptions, encoding: str) -> None:
        try:
            count = write_to_path(fmt.write, self._host.store, path, options, encoding)
        except (OSError, UnicodeEncodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self._host.show_error(self.tr("Export failed"), f"{path}: {reason or error}")
            return
        except STORE_FAILURES as error:
            self._host.show_error(self.tr("Export failed"), str(explain(error, self._host.store.path)))
            return
        self._host.show_status(self.tr("Exported %n row(s) to %1", "", count).replace("%1", str(path)))
