"""The main window: panes, docks, menus, settings; annotation work is the controller's, the File
menu's database and exchange actions live in database_actions.py and exchange_actions.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.core.coding.commands import Change
from desktop.core.models import Category, Status
from desktop.core.store import STORE_FAILURES, Store, StoreError, explain
from desktop.ui.codebook.codebook_actions import CodebookActions
from desktop.ui.exchange.exchange_actions import ExchangeActions
from desktop.ui.panes.annotation_controller import AnnotationController, Panes
from desktop.ui.panes.article_list import ArticleList
from desktop.ui.panes.category_bar import CategoryBar
from desktop.ui.panes.find_bar import FindBar
from desktop.ui.panes.flags_panel import FlagsPanel
from desktop.ui.panes.pane_zoom import PaneZoom
from desktop.ui.panes.span_list import SpanList
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.reports.study_docks import StudyDocks
from desktop.ui.review.analyst_actions import AnalystActions
from desktop.ui.review.coding_round import CodingRound
from desktop.ui.search.corpus_docks import CorpusDocks
from desktop.ui.widgets import i18n
from desktop.ui.widgets.labels import plain_label, status_label
from desktop.ui.widgets.messages import log_failure, warn
from desktop.ui.window.coding_progress import CodingProgress
from desktop.ui.window.database_actions import DatabaseActions, StoreOpener
from desktop.ui.window.database_safety import DatabaseSafety
from desktop.ui.window.focus_return import FocusReturn
from desktop.ui.window.layer_choice import LayerChoice
from desktop.ui.window.menus import all_menu_actions
from desktop.ui.window.store_watch import StoreWatcher
from desktop.ui.window.undo import retranslate_history
from desktop.ui.window.window_actions import build_actions, build_tag_actions
from desktop.ui.window.window_layout import add_dock, central_area, docks_yield, read_only_banner
from desktop.ui.window.window_menus import build_menus
from desktop.ui.window.workspaces import Workspaces

STATUS_MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    # Built by window_actions.build_actions.
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    delete_span_action: QAction
    note_action: QAction
    reprocess_action: QAction
    shortcuts_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    next_action: QAction
    previous_action: QAction
    next_todo_action: QAction
    move_actions: dict[str, QAction]
    status_actions: dict[Status, QAction]
    language_actions: dict[str, QAction]
    tag_actions: list[QAction]
    language_group: QActionGroup
    language_menu: QMenu

    def __init__(self, store: Store, settings: QSettings, open_store: StoreOpener) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.open_store = open_store
        self.undo_stack = QUndoStack(self)
        self.analysts = AnalystActions(self)
        self.layer_choice = LayerChoice(self)
        self.original_pane = TextPane()
        self.text_pane = TextPane()
        self.original_header, self.text_header = plain_label(), plain_label()
        self.controller = AnnotationController(
            store, self.undo_stack, Panes(self.original_pane, self.text_pane), self.annotator
        )
        self.category_bar = CategoryBar()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.article_list = ArticleList(store)
        self.span_list = SpanList()
        self.flags_panel = FlagsPanel()
        self.progress = CodingProgress()
        self.read_only_banner = read_only_banner()
        self.watcher = StoreWatcher(store, self)
        self.databases = DatabaseActions(self, self)
        self.exchange = ExchangeActions(self, self)
        self.codebook = CodebookActions(self)
        self._build_layout()
        self.study = StudyDocks(self)
        self.corpus = CorpusDocks(self)
        self.coding_round = CodingRound(self)
        self.safety = DatabaseSafety(self, self)
        self.workspaces = Workspaces(self)
        self.focus_return = FocusReturn(self)
        self._build_actions()
        self._connect()
        self.retranslate()
        self._restore_settings()
        self.analysts.apply()
        self._show_store()

    # building -----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        panes = [(self.original_pane, self.original_header), (self.text_pane, self.text_header)]
        self.setCentralWidget(central_area(self.read_only_banner, self.category_bar, panes, self.find_bar))
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.articles_dock = add_dock(self, "articles", self.article_list, left)
        self.spans_dock = add_dock(self, "spans", self.span_list, right)
        self.flags_dock = add_dock(self, "flags", self.flags_panel, right)
        self.codebook_dock = add_dock(self, "codebook", self.codebook.panel, left)
        self.statusBar().addPermanentWidget(self.analysts.label)
        self.statusBar().addPermanentWidget(self.layer_choice.widget)
        self.statusBar().addPermanentWidget(self.progress)
        self.resize(1400, 850)
        self.resizeDocks([self.articles_dock, self.spans_dock], [290, 360], Qt.Orientation.Horizontal)

    def _build_actions(self) -> None:
        build_actions(self)

    def _build_tag_actions(self) -> None:
        build_tag_actions(self)

    def _build_menus(self) -> None:
        build_menus(self)

    def show_shortcuts(self) -> None:
        from desktop.ui.window.shortcuts_dialog import ShortcutsDialog, shortcut_rows  # (when first asked for)

        ShortcutsDialog(shortcut_rows(all_menu_actions(self.menuBar())), self).exec()

    def _connect(self) -> None:
        self.article_list.articleChosen.connect(self.open_article)
        self.article_list.listedChanged.connect(self._update_progress)
        self.category_bar.categoryChosen.connect(self.controller.tag)
        self.span_list.spanChosen.connect(self.controller.select_span)
        self.span_list.noteRequested.connect(self.controller.open_note_editor)
        self.span_list.categoryChosen.connect(self.controller.change_category)
        self.span_list.deleteRequested.connect(self.controller.delete_span)
        self.flags_panel.flagChosen.connect(self.controller.show_flag)
        self.find_bar.findNext.connect(self._find_next)
        self.find_bar.closed.connect(self.text_pane.setFocus)
        self.controller.spansChanged.connect(self._spans_changed)
        self.controller.spanSelected.connect(self.span_list.select_span)
        self.controller.statusChanged.connect(self._status_changed)
        self.controller.articleOpened.connect(self._article_opened)
        self.controller.spansRead.connect(lambda _article: self.show_current_lists())
        self.controller.message.connect(self.show_status)
        self.controller.failed.connect(self.report_failure)
        self.watcher.changedElsewhere.connect(self.refresh_from_database)
        self.exchange.importFinished.connect(self.safety.import_finished)
        # The tree is read only while on screen: coming back (another workspace, the dock reopened) reads it.
        self.codebook_dock.visibilityChanged.connect(lambda shown: self.codebook.refresh() if shown else None)
        for pane in (self.original_pane, self.text_pane):
            pane.contextRequested.connect(
                lambda position, point, p=pane: self.controller.context_menu(p, position, point, self).exec(point)
            )

    def retranslate(self) -> None:
        texts = {
            self.quit_action: self.tr("&Quit"),
            self.find_action: self.tr("&Find…"),
            self.delete_span_action: self.tr("&Delete selected span"),
            self.note_action: self.tr("Edit &note of selected span…"),
            self.shortcuts_action: self.tr("&Keyboard shortcuts"),
            self.reprocess_action: self.tr("&Re-process with the current pipeline…"),
            self.move_actions["end+"]: self.tr("Extend span end"),
            self.move_actions["end-"]: self.tr("Shorten span end"),
            self.move_actions["start-"]: self.tr("Extend span start"),
            self.move_actions["start+"]: self.tr("Shorten span start"),
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
        retranslate_history(self.undo_stack, self.undo_action, self.redo_action)
        self.articles_dock.setWindowTitle(self.tr("Articles"))
        self.spans_dock.setWindowTitle(self.tr("Spans"))
        self.flags_dock.setWindowTitle(self.tr("Import flags"))
        self.codebook_dock.setWindowTitle(self.tr("Codebook"))
        self.original_header.setText(self.tr("Original"))
        self.read_only_banner.setText(
            self.tr("Read-only: this database file or its folder cannot be written; changes will not be saved.")
        )
        self.text_header.setText(self.tr("Simplified (OpenCC t2s, cleaned)"))
        parts = (self.article_list, self.span_list, self.category_bar, self.find_bar, self.databases, self.exchange)
        more = (self.codebook, self.study, self.corpus, self.analysts, self.coding_round, self.safety, self.workspaces)
        for part in (*parts, *more, self.layer_choice):
            part.retranslate()
        self._build_menus()
        self._update_title()
        self.progress.retranslate()

    # settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.workspaces.restore()
        self.pane_zoom = PaneZoom([self.original_pane, self.text_pane], self.settings)
        language = str(self.settings.value("view/language", i18n.SYSTEM))
        self.language_actions.get(language, self.language_actions[i18n.SYSTEM]).setChecked(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.workspaces.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        right = [self.spans_dock, self.flags_dock, *self.study.docks(), self.corpus.learning.dock]
        docks_yield(self, [self.articles_dock, self.codebook_dock], right)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.workspaces.save()
        self.pane_zoom.save()
        self.settings.sync()
        self.corpus.stop()
        self.coding_round.stop()
        self.exchange.stop_import()
        super().closeEvent(event)

    def annotator(self) -> str:
        return self.analysts.current()

    def set_language(self, code: str) -> None:
        self.settings.setValue("view/language", code)
        i18n.install(code)
        self.retranslate()
        # Codes are shown by their label in the interface's language: every list of them is read again.
        self.refresh_from_database()

    # what the action groups ask of the window ------------------------------------------------

    def show_error(self, title: str, text: str) -> None:
        warn(self, title, text)

    def report_failure(self, what: str, error: StoreError) -> None:
        """Every failed read or write: logged, in the status bar, and in a dialog when trying again cannot help."""
        log_failure(what, error)
        self.show_status(f"{what}: {error}")
        if error.needs_action:
            self.show_error(what, str(error))

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def categories(self) -> list[Category]:
        return self.controller.categories

    def use_store(self, store: Store) -> None:
        """Work on another database: nothing of the previous one stays on screen."""
        old, self.store = self.store, store
        self.controller.set_store(store)
        self.article_list.set_store(store)
        self.watcher.set_store(store)
        self.corpus.use_store(store)
        self.coding_round.use_store()
        self._build_tag_actions()
        self.span_list.show_spans([], self.controller.categories)
        self.flags_panel.show_flags([])
        old.close()
        self._show_store()
        self.safety.look_soon()

    def articles_added(self) -> None:
        self.article_list.refresh()
        self._update_progress()
        if self.controller.document is None and self.article_list.model.rowCount():
            self.article_list.view.selectRow(0)

    def annotations_added(self) -> None:
        """New spans, perhaps new categories and articles: re-read what shows them."""
        self.refresh_from_database()

    def refresh_from_database(self) -> None:
        """Show what the database now holds (another program wrote to it, or an import did)."""
        try:
            self.controller.categories = self.store.categories.all()
            self._build_tag_actions()
            self.codebook.refresh()
            self.article_list.refresh()
            self.corpus.learning.refresh()
            if self.controller.document is not None:
                self.controller.reload()
                self.show_current_lists()
                self.study.show_article()
            self._update_progress()
        except STORE_FAILURES as error:
            self.report_failure(self.tr("Cannot read the database"), explain(error, self.store.path))

    # articles ------------------------------------------------------------------------------------

    def _show_store(self) -> None:
        self.codebook.refresh()
        self.read_only_banner.setVisible(self.store.read_only)
        self._update_title()
        self._update_progress()
        if self.article_list.model.rowCount() > 0:
            self.article_list.view.selectRow(0)

    def open_article(self, article_id: int) -> None:
        try:
            self.controller.open_article(article_id)
        except STORE_FAILURES as error:
            self.report_failure(self.tr("Cannot open the article"), explain(error, self.store.path))

    def next_todo(self) -> None:
        if not self.article_list.choose_next_to_do():
            self.show_status(self.tr("No article left to do"))

    def _article_opened(self, article_id: int) -> None:
        self.article_list.select_article(article_id)
        # The spans read so far (those on screen); the whole list once every span is read.
        self.show_current_lists()
        self._update_title()

    def show_current_lists(self) -> None:
        document = self.controller.document
        if document is None:
            return
        self.span_list.show_spans(self.controller.spans, self.controller.categories, self.controller.selected_span)
        self.flags_panel.show_flags(list(document.article.flags))

    def _spans_changed(self, change: Change) -> None:
        self.span_list.apply(change, self.controller.selected_span)
        self.codebook.refresh_soon()
        self.article_list.model.invalidate_article(change.article_id)

    def _status_changed(self, article_id: int) -> None:
        self.article_list.model.invalidate_article(article_id)
        self._update_progress()
        self._update_title()

    def _update_progress(self) -> None:
        sample = self.article_list.sample
        self.progress.show_counts(self.article_list.status_counts(), sample[0] if sample else "")

    def _update_title(self) -> None:
        document = self.controller.document
        name = Path(self.store.path).name
        if document is None:
            self.setWindowTitle(f"Policy Annotator — {name}")
            return
        status = status_label(self.store.articles.status(document.article.id))
        self.setWindowTitle(f"{document.article.title} [{status}] — Policy Annotator — {name}")

    def _find_next(self, query: str) -> None:
        index, count = self.controller.find_next(query)
        self.find_bar.set_status(f"{index}/{count}" if count else self.tr("no match"))
