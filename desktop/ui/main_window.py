"""The main window: menus, docks and panes; annotation work is delegated to the controller."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotating import default_annotator
from desktop.core.exchange import ImportReport, import_annotations
from desktop.core.exporting import ExportOptions, export_to_path
from desktop.core.models import Status
from desktop.core.store import Store, StoreError
from desktop.ui import i18n
from desktop.ui.annotation_controller import AnnotationController, Panes
from desktop.ui.article_list import ArticleList
from desktop.ui.category_bar import CategoryBar
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.find_bar import FindBar
from desktop.ui.flags_panel import FlagsPanel
from desktop.ui.import_dialog import ImportRunner, show_summary
from desktop.ui.labels import status_label
from desktop.ui.span_list import SpanList
from desktop.ui.text_pane import TextPane

DEFAULT_POINT_SIZE = 13.0
MAX_RECENT = 8


def _pane_with_header(pane: TextPane, header: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(header)
    layout.addWidget(pane)
    return box


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.original_pane = TextPane()
        self.text_pane = TextPane()
        self.original_header, self.text_header = QLabel(), QLabel()
        self.controller = AnnotationController(
            store, self.undo_stack, Panes(self.original_pane, self.text_pane), self.annotator
        )
        self.category_bar = CategoryBar()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.article_list = ArticleList(store)
        self.span_list = SpanList()
        self.flags_panel = FlagsPanel()
        self.progress_label = QLabel()
        self._progress = (0, 0)
        self._import: ImportRunner | None = None
        self._build_layout()
        self._build_actions()
        self._connect()
        self.retranslate()
        self._restore_settings()
        self._show_store()

    # building -----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_pane_with_header(self.original_pane, self.original_header))
        splitter.addWidget(_pane_with_header(self.text_pane, self.text_header))
        splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.category_bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.articles_dock = QDockWidget()
        self.articles_dock.setObjectName("articles")
        self.articles_dock.setWidget(self.article_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.articles_dock)
        self.spans_dock = QDockWidget()
        self.spans_dock.setObjectName("spans")
        self.spans_dock.setWidget(self.span_list)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.spans_dock)
        self.flags_dock = QDockWidget()
        self.flags_dock.setObjectName("flags")
        self.flags_dock.setWidget(self.flags_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.flags_dock)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.resize(1400, 850)
        self.resizeDocks([self.articles_dock, self.spans_dock], [290, 360], Qt.Orientation.Horizontal)

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, slot=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_db_action = self._action(keys.New, self.new_database)
        self.open_db_action = self._action(keys.Open, self.open_database)
        self.import_files_action = self._action("Ctrl+I", self.import_files)
        self.import_folder_action = self._action("Ctrl+Shift+I", self.import_folder)
        self.export_csv_action = self._action("Ctrl+E", lambda: self.export("csv"))
        self.export_jsonl_action = self._action("Ctrl+Shift+E", lambda: self.export("jsonl"))
        self.export_doccano_action = self._action(None, lambda: self.export("doccano"))
        self.export_label_studio_action = self._action(None, lambda: self.export("labelstudio"))
        self.import_annotations_action = self._action(None, self.import_annotation_file)
        self.quit_action = self._action(keys.Quit, self.close)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        self.addActions([self.undo_action, self.redo_action])
        self.find_action = self._action(keys.Find, self.find_bar.open_bar)
        self.delete_span_action = self._action(None, self.controller.delete_selected)
        self.annotator_action = self._action(None, self.ask_annotator)
        self.zoom_in_action = self._action(QKeySequence("Ctrl+="), lambda: self.zoom(1))
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(QKeySequence("Ctrl+-"), lambda: self.zoom(-1))
        self.zoom_reset_action = self._action(QKeySequence("Ctrl+0"), lambda: self.zoom(0))
        self.next_action = self._action(QKeySequence("Ctrl+PgDown"), lambda: self.step_article(1))
        self.previous_action = self._action(QKeySequence("Ctrl+PgUp"), lambda: self.step_article(-1))
        self.next_todo_action = self._action(QKeySequence("Ctrl+Shift+PgDown"), self.next_todo)
        self.status_actions = {
            status: self._action(key, lambda _=False, s=status: self.controller.set_status(s))
            for status, key in (
                (Status.TODO, "Ctrl+Shift+T"),
                (Status.IN_PROGRESS, "Ctrl+Shift+P"),
                (Status.DONE, "Ctrl+Shift+D"),
            )
        }
        self.tag_actions: list[QAction] = []
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in (i18n.SYSTEM, *i18n.LANGUAGES):
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self._build_tag_actions()

    def _build_tag_actions(self) -> None:
        for action in self.tag_actions:
            self.removeAction(action)
        self.tag_actions = []
        for category in self.controller.categories:
            if category.shortcut:
                action = self._action(category.shortcut, lambda _=False, c=category.id: self.controller.tag(c))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                self.tag_actions.append(action)
        self.category_bar.set_categories(self.controller.categories)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_db_action, self.open_db_action])
        self.recent_menu = file_menu.addMenu(self.tr("Recent databases"))
        self._fill_recent()
        file_menu.addSeparator()
        file_menu.addActions([self.import_files_action, self.import_folder_action, self.import_annotations_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [
                self.export_csv_action,
                self.export_jsonl_action,
                self.export_doccano_action,
                self.export_label_studio_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_span_action, self.annotator_action])
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions([self.previous_action, self.next_action, self.next_todo_action])
        article_menu.addSeparator()
        article_menu.addActions(list(self.status_actions.values()))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        view_menu.addActions(
            [
                self.articles_dock.toggleViewAction(),
                self.spans_dock.toggleViewAction(),
                self.flags_dock.toggleViewAction(),
            ]
        )
        language_menu = view_menu.addMenu(self.tr("Language"))
        language_menu.addActions(list(self.language_actions.values()))

    def _connect(self) -> None:
        self.article_list.articleChosen.connect(self.open_article)
        self.category_bar.categoryChosen.connect(self.controller.tag)
        self.span_list.spanChosen.connect(self.controller.select_span)
        self.span_list.noteEdited.connect(self.controller.edit_note)
        self.span_list.categoryChosen.connect(self.controller.change_category)
        self.span_list.deleteRequested.connect(self.controller.delete_span)
        self.flags_panel.flagChosen.connect(self.controller.show_flag)
        self.find_bar.findNext.connect(self._find_next)
        self.find_bar.closed.connect(self.text_pane.setFocus)
        self.controller.spansChanged.connect(self._spans_changed)
        self.controller.statusChanged.connect(self._status_changed)
        self.controller.articleOpened.connect(self._article_opened)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        for pane in (self.original_pane, self.text_pane):
            pane.contextRequested.connect(
                lambda position, point, p=pane: self.controller.context_menu(p, position, point, self).exec(point)
            )

    def retranslate(self) -> None:
        texts = {
            self.new_db_action: self.tr("&New database…"),
            self.open_db_action: self.tr("&Open database…"),
            self.import_files_action: self.tr("&Import files…"),
            self.import_folder_action: self.tr("Import &folder…"),
            self.export_csv_action: self.tr("Export &CSV…"),
            self.export_jsonl_action: self.tr("Export &JSONL…"),
            self.export_doccano_action: self.tr("Export for &doccano…"),
            self.export_label_studio_action: self.tr("Export for &Label Studio…"),
            self.import_annotations_action: self.tr("Import &annotations…"),
            self.quit_action: self.tr("&Quit"),
            self.find_action: self.tr("&Find…"),
            self.delete_span_action: self.tr("&Delete selected span"),
            self.annotator_action: self.tr("Annotator &name…"),
            self.zoom_in_action: self.tr("Zoom &in"),
            self.zoom_out_action: self.tr("Zoom &out"),
            self.zoom_reset_action: self.tr("&Reset zoom"),
            self.next_action: self.tr("&Next article"),
            self.previous_action: self.tr("&Previous article"),
            self.next_todo_action: self.tr("Next article &to do"),
            self.language_actions[i18n.SYSTEM]: self.tr("System language"),
        }
        for action, text in texts.items():
            action.setText(text)
        for status, action in self.status_actions.items():
            action.setText(self.tr("Mark %1").replace("%1", status_label(status)))
        for code, name in i18n.LANGUAGES.items():
            self.language_actions[code].setText(name)
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.articles_dock.setWindowTitle(self.tr("Articles"))
        self.spans_dock.setWindowTitle(self.tr("Spans"))
        self.flags_dock.setWindowTitle(self.tr("Import flags"))
        self.original_header.setText(self.tr("Original"))
        self.text_header.setText(self.tr("Simplified (OpenCC t2s, cleaned)"))
        for widget in (self.article_list, self.span_list, self.category_bar, self.find_bar):
            widget.retranslate()
        self._build_menus()
        self._update_title()
        self._show_progress()

    # settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._point_size = float(str(self.settings.value("view/point_size", DEFAULT_POINT_SIZE)))
        self._apply_zoom()
        language = str(self.settings.value("view/language", i18n.SYSTEM))
        self.language_actions.get(language, self.language_actions[i18n.SYSTEM]).setChecked(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("view/point_size", self._point_size)
        self.settings.sync()
        super().closeEvent(event)

    def annotator(self) -> str:
        return str(self.settings.value("annotator", "") or "") or default_annotator()

    def ask_annotator(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Annotator name"), self.tr("Name stored with every new span:"), text=self.annotator()
        )
        if ok and name.strip():
            self.settings.setValue("annotator", name.strip())

    def set_language(self, code: str) -> None:
        self.settings.setValue("view/language", code)
        i18n.install(code)
        self.retranslate()
        self._show_current_lists()

    # zoom ------------------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        self._point_size = DEFAULT_POINT_SIZE if step == 0 else max(6.0, min(48.0, self._point_size + step))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        for pane in (self.original_pane, self.text_pane):
            pane.set_point_size(self._point_size)

    # the database -------------------------------------------------------------------------

    def _show_store(self) -> None:
        self._update_title()
        self._update_progress()
        if self.article_list.model.rowCount() > 0:
            self.article_list.view.selectRow(0)

    def switch_database(self, path: str) -> bool:
        try:
            store = Store.open(path)
        except StoreError as error:
            self.show_error(self.tr("Cannot open the database"), str(error))
            return False
        old = self.store
        self.store = store
        self.controller.set_store(store)
        self.article_list.model.set_store(store)
        self._build_tag_actions()
        self.span_list.show_spans([], self.controller.categories)
        self.flags_panel.show_flags([])
        old.close()
        self.remember_database(path)
        self._show_store()
        return True

    def remember_database(self, path: str) -> None:
        recent = [p for p in self.recent_databases() if p != path]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("last_db", path)
        self._fill_recent()

    def _fill_recent(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        for path in self.recent_databases():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_database(p))

    def recent_databases(self) -> list[str]:
        value = self.settings.value("recent", [])
        # QSettings gives back a single entry as a plain string.
        return [value] if isinstance(value, str) else [str(p) for p in value or []]  # type: ignore[attr-defined]

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), "", self.tr("Databases (*.db)"))
        if path:
            self.switch_database(path if path.endswith(".db") else f"{path}.db")

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), "", self.tr("Databases (*.db)"))
        if path:
            self.switch_database(path)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # import and export ----------------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import articles"), "", self.tr("Articles (*.txt *.md)"))
        if paths:
            self.start_import([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> ImportRunner:
        runner = ImportRunner(self.store.path, paths, self)
        runner.done.connect(self._import_done)
        self._import = runner
        runner.start()
        return runner

    def _import_done(self, outcomes: list) -> None:
        self.article_list.model.refresh()
        self._update_progress()
        if self.controller.document is None and self.article_list.model.rowCount():
            self.article_list.view.selectRow(0)
        show_summary(self, outcomes)

    def export(self, kind: str) -> None:
        dialog = ExportDialog(kind, self.controller.categories, self)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        filters = {
            "csv": self.tr("CSV for Excel (*.csv)"),
            "jsonl": self.tr("JSON Lines (*.jsonl)"),
            "doccano": self.tr("doccano JSONL (*.jsonl)"),
            "labelstudio": self.tr("Label Studio JSON (*.json)"),
        }
        suffix = {"csv": "csv", "jsonl": "jsonl", "doccano": "jsonl", "labelstudio": "json"}[kind]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"annotations.{suffix}", filters[kind])
        if path:
            self.export_to(kind, Path(path), dialog.options(), dialog.chosen_encoding())

    def export_to(self, kind: str, path: Path, options: ExportOptions, encoding: str | None = None) -> None:
        try:
            count = export_to_path(self.store, kind, path, options, encoding)
        except (OSError, UnicodeEncodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.show_error(self.tr("Export failed"), f"{path}: {reason or error}")
            return
        self.statusBar().showMessage(
            self.tr("Exported %1 rows to %2").replace("%1", str(count)).replace("%2", str(path)), 8000
        )

    def import_annotation_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import annotations"),
            "",
            self.tr("Annotations (*.jsonl *.json *.csv);;All files (*)"),
        )
        if path:
            self.show_report(self.import_annotations_from(Path(path)))

    def import_annotations_from(self, path: Path) -> ImportReport:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = import_annotations(self.store, path, self.annotator())
        finally:
            QApplication.restoreOverrideCursor()
        self.controller.categories = self.store.categories()
        self._build_tag_actions()
        self.article_list.model.refresh()
        if self.controller.document is not None:
            self.open_article(self.controller.document.article.id)
        self._update_progress()
        return report

    def show_report(self, report: ImportReport) -> None:
        QMessageBox.information(self, self.tr("Import annotations"), "\n".join(report.lines()))

    # articles ------------------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        try:
            self.controller.open_article(article_id)
        except StoreError as error:
            self.show_error(self.tr("Cannot open the article"), str(error))

    def step_article(self, step: int) -> None:
        view = self.article_list.view
        row = view.currentIndex().row() + step
        if 0 <= row < self.article_list.model.rowCount():
            view.selectRow(row)

    def next_todo(self) -> None:
        model = self.article_list.model
        start = self.article_list.current_row() + 1
        for row in list(range(start, model.rowCount())) + list(range(0, start)):
            summary = model.summary(row)
            if summary is not None and summary.status is Status.TODO:
                self.article_list.view.selectRow(row)
                return
        self.statusBar().showMessage(self.tr("No article left to do"), 5000)

    def _article_opened(self, article_id: int) -> None:
        self.article_list.select_article(article_id)
        self._show_current_lists()
        self._update_title()

    def _show_current_lists(self) -> None:
        document = self.controller.document
        if document is None:
            return
        self.span_list.show_spans(self.controller.spans, self.controller.categories, self.controller.selected_span)
        self.flags_panel.show_flags(list(document.article.flags))

    def _spans_changed(self, article_id: int) -> None:
        self.span_list.show_spans(self.controller.spans, self.controller.categories, self.controller.selected_span)
        self.article_list.model.invalidate_article(article_id)

    def _status_changed(self, article_id: int) -> None:
        self.article_list.model.invalidate_article(article_id)
        self._update_progress()
        self._update_title()

    def _update_progress(self) -> None:
        self._progress = self.store.progress()
        self._show_progress()

    def _show_progress(self) -> None:
        done, total = self._progress
        self.progress_label.setText(self.tr("Done %1 / %2").replace("%1", str(done)).replace("%2", str(total)))

    def _update_title(self) -> None:
        document = self.controller.document
        name = Path(self.store.path).name
        if document is None:
            self.setWindowTitle(f"Policy Annotator — {name}")
            return
        status = status_label(self.store.status_of(document.article.id))
        self.setWindowTitle(f"{document.article.title} [{status}] — Policy Annotator — {name}")

    def _find_next(self, query: str) -> None:
        index, count = self.controller.find_next(query)
        self.find_bar.set_status(f"{index}/{count}" if count else self.tr("no match"))
