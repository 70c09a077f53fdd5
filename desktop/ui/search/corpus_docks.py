"""Corpus work in the window: the Search dock (hits in context, tag hits as a batch), the Passages
dock (``passages_dock``), recent batches, suggestions, and the article list's text filter, all
searching through one worker thread (``search_worker``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication

from desktop.core.coding.batch_commands import TagHits, UndoBatch, Widen, plan_batch
from desktop.core.coding.commands import Change, Command
from desktop.core.layers import Layer
from desktop.core.learning.predicting import LEARNED
from desktop.core.models import Status
from desktop.core.search.searching import Hit, Search, SearchError, SearchFilter, hits, prepare
from desktop.core.search.suggesting import TAGGED, default_rules_path, load_rules, rules_path, user_rules_path
from desktop.core.store import STORE_FAILURES, Store, StoreError, explain
from desktop.ui.search.corpus_dialogs import BatchesDialog, RulesDialog
from desktop.ui.search.learning_view import LearningView
from desktop.ui.search.passages_dock import PassagesDock
from desktop.ui.search.search_worker import SHOWN_HITS, SearchService
from desktop.ui.search.suggestion_view import SuggestionView
from desktop.ui.window.command_words import batch_outcome
from desktop.ui.window.undo import CoreUndoCommand
from desktop.ui.window.window_layout import DeferredDock

if TYPE_CHECKING:
    from desktop.ui.search.search_panel import SearchChoices, SearchPanel


class CorpusDocks(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        # Its panel is made when first shown: the window starts in the Code workspace, without it.
        self._search = DeferredDock(window, "search", bottom, self._made_search_panel)
        self.search_dock = self._search.dock
        self.passages = PassagesDock(window)
        window.tabifyDockWidget(window.study.reports_dock, self.search_dock)
        window.tabifyDockWidget(self.search_dock, self.passages.dock)
        for dock in (self.search_dock, self.passages.dock):
            dock.hide()
        self.learning = LearningView(window)
        self.suggestions = SuggestionView(window, self.learning)
        self.search_action = QAction(self)
        self.search_action.setShortcut("Ctrl+Shift+F")
        self.search_action.triggered.connect(self.open_search)
        self.batches_action = QAction(self)
        self.batches_action.triggered.connect(self.show_batches)
        self.rules_action = QAction(self)
        self.rules_action.triggered.connect(self.show_rules)
        window.addActions([self.search_action, self.passages.action])
        self._search_job = self._list_job = 0
        self._list_text = ""  # the article list's filter text the running job searches for
        self._last: tuple[Search, SearchFilter] | None = None
        self.service = self._start_service(window.store)
        window.controller.spansChanged.connect(lambda _change: self.passages.changed())
        window.article_list.filterRequested.connect(self.list_articles)
        window.layer_choice.changed.connect(self._layers_changed)
        self.retranslate()

    @property
    def search_panel(self) -> SearchPanel:
        return self._search.panel()

    def _made_search_panel(self) -> SearchPanel:
        from desktop.ui.search.search_panel import SearchPanel

        panel = SearchPanel()
        panel.searchRequested.connect(self.run_search)
        panel.hitChosen.connect(self.show_hit)
        panel.tagRequested.connect(self.tag_hits)
        panel.batchesRequested.connect(self.show_batches)
        panel.set_categories(self.window.controller.categories)
        return panel

    def _layers_changed(self) -> None:
        """Other layers counted: the passages and the strings suggested follow."""
        self.suggestions.reset()
        self.passages.changed()

    def _start_service(self, store: Store) -> SearchService:
        service = SearchService(store, self.window.open_store, self)
        service.hitsFound.connect(self._hits_found)
        service.counted.connect(self._counted)
        service.listed.connect(self._listed)
        service.failed.connect(self._failed_job)
        service.indexed.connect(self._indexed)
        service.build_index()
        return service

    def retranslate(self) -> None:
        self.search_dock.setWindowTitle(self.tr("Search"))
        self.search_action.setText(self.tr("&Search all articles…"))
        self.batches_action.setText(self.tr("Recent &batches of tagged hits…"))
        self.rules_action.setText(self.tr("Suggestion &rules…"))
        if self._search.built is not None:
            self._search.built.retranslate()
        self.passages.retranslate()
        self.suggestions.retranslate()
        self.learning.retranslate()
        self.set_categories()

    def docks(self) -> list[Any]:
        return [self.search_dock, self.passages.dock, self.learning.dock]

    def set_categories(self) -> None:
        categories = self.window.controller.categories
        if self._search.built is not None:
            self._search.built.set_categories(categories)
        self.passages.set_categories(categories)

    def use_store(self, store: Store) -> None:
        """Another database: searches go to it, and nothing found in the last one stays."""
        self.service.stop()
        self.service = self._start_service(store)
        if self._search.built is not None:
            self._search.built.clear_results()
        self._last = None
        self.learning.use_store()
        self.suggestions.reset()
        self.set_categories()

    def stop(self) -> None:
        self.service.stop()
        self.learning.close()

    # searching ---------------------------------------------------------------------------------

    def open_search(self) -> None:
        self.window.workspaces.bring(self.search_dock)
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def _filters(self, choices: SearchChoices) -> SearchFilter:
        codebook = self.window.store.categories.codebook()
        field = choices.field.partition("=")
        analysts = self.window.analysts
        # The code conditions count one analyst's spans when one is named (one's own in blind coding), else
        # the window's layers; an analyst named alone finds the articles they coded.
        named = analysts.current() if analysts.blind() else choices.annotator.strip()
        coded = bool(choices.with_category or choices.without_category)
        layers = (Layer(named),) if named else self.window.layer_choice.layers() if coded else ()
        return SearchFilter(
            statuses=(Status(choices.status),) if choices.status else (),
            with_categories=codebook.expand([choices.with_category]) if choices.with_category else (),
            without_categories=codebook.expand([choices.without_category]) if choices.without_category else (),
            layers=layers,
            metadata=((field[0].strip(), field[2].strip()),) if field[1] and field[0].strip() else (),
        )

    def run_search(self, choices: SearchChoices) -> None:
        try:
            search = prepare(choices.query, regex=choices.regex)
            filters = self._filters(choices)
        except SearchError as error:
            self.search_panel.clear_results(str(error))
            return
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, self.window.store.path))
            return
        self._last = (search, filters)
        self.search_panel.clear_results(self.tr("Searching…"))
        self._search_job = self.service.search(search, filters)

    def _hits_found(self, job: int, found: list[Hit]) -> None:
        if job == self._search_job:
            self.search_panel.add_hits(found)
            if len(self.search_panel.hits):
                self.search_panel.set_summary(self.tr("%n hit(s) so far, counting…", "", len(self.search_panel.hits)))

    def _counted(self, job: int, total: int, articles: int) -> None:
        if job != self._search_job:
            return
        # Two counts, each with its own plural: the phrase joins the two.
        hits, where = self.tr("%n hit(s)", "", total), self.tr("%n article(s)", "", articles)
        summary = self.tr("%1 in %2").replace("%1", hits).replace("%2", where)
        if total > SHOWN_HITS:
            summary += self.tr(" — the first %1 are listed; Tag all hits tags every one").replace("%1", str(SHOWN_HITS))
        self.search_panel.set_summary(summary if total else self.tr("No hits"))

    def _failed_job(self, job: int, message: str) -> None:
        if job in (self._search_job, 0):
            self.search_panel.set_summary(message)
        self.window.show_status(message)

    def _indexed(self, done: int, total: int) -> None:
        if done >= total:
            self.window.show_status(self.tr("Search index ready (%n article(s))", "", total))
        else:
            self.window.show_status(
                self.tr("Indexing for search: %1 / %n article(s)", "", total).replace("%1", str(done))
            )

    def list_articles(self, text: str, status: Status | None) -> None:
        try:
            search = prepare(text)
        except SearchError:
            self.window.article_list.show_found(text, [])
            return
        self._list_text = text
        self._list_job = self.service.list_articles(search, status)

    def _listed(self, job: int, ids: list[int]) -> None:
        if job == self._list_job:
            self.window.article_list.show_found(self._list_text, ids)

    def show_hit(self, hit: Hit) -> None:
        """Open the hit's article with the hit selected in both panes, ready to tag."""
        document = self.window.controller.document
        if document is None or document.article.id != hit.article_id:
            self.window.open_article(hit.article_id)
        self.window.original_pane.select(hit.original_start, hit.original_end)
        self.window.text_pane.select(hit.start, hit.end)
        self.window.controller.last_pane = self.window.text_pane
        self.window.text_pane.setFocus()

    # tagging hits as a batch ------------------------------------------------------------------

    def tag_hits(self, category_id: str, widen: str, every: bool) -> None:
        store = self.window.store
        if every and self._last is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            chosen = list(hits(store, *self._last)) if every and self._last else self.search_panel.selected_hits()
            places = [(hit.article_id, hit.start, hit.end) for hit in chosen]
            planned = plan_batch(store, places, category_id, self.window.annotator(), Widen(widen))
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))
            return
        except SearchError as error:  # a regular expression that ran out of time on an article
            self.window.show_error(self.tr("Nothing tagged"), str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if not planned.spans:
            self.window.show_status(
                self.tr("Nothing to tag: %n hit(s) tagged already", "", planned.skipped)
                if chosen
                else self.tr("Select hits first (or Tag all hits)")
            )
            return
        query = self._last[0].query if self._last else ""
        self._push(TagHits(planned, category_id, self.window.annotator(), query))

    def _push(self, command: Command) -> None:
        self.window.undo_stack.push(CoreUndoCommand(command, self.window.store, self._batch_changed, self._failed))

    def _batch_changed(self, change: Change) -> None:
        self.window.refresh_from_database()
        self.window.show_status(batch_outcome(change))
        self.passages.changed()

    def _failed(self, error: StoreError) -> None:
        self.window.report_failure(self.tr("Not saved"), error)

    def show_batches(self) -> None:
        store = self.window.store
        dialog = BatchesDialog(store.batches.recent, self.window)
        dialog.undoRequested.connect(lambda batch: self._push(UndoBatch(batch)))
        dialog.redoRequested.connect(lambda batch: self._push(_RedoBatch(batch)))
        dialog.exec()

    # suggestion rules ---------------------------------------------------------------------------

    def show_rules(self) -> None:
        store = self.window.store
        rules, problems = load_rules(rules_path(), [c.id for c in self.window.controller.categories])
        dialog = RulesDialog(
            store.suggestions.records([TAGGED, LEARNED, *(r.name for r in rules)]), problems, self.window
        )
        dialog.switched.connect(lambda source, on: self._switch(source, on))
        dialog.editRequested.connect(self.edit_rules)
        dialog.exec()
        self.suggestions.reset()

    def _switch(self, source: str, on: bool) -> None:
        try:
            self.window.store.suggestions.switch(source, on=on)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Not saved"), explain(error, self.window.store.path))

    def edit_rules(self) -> None:
        """Open the analyst's own copy of the rules (made from the shipped file first) in their editor."""
        own = user_rules_path()
        try:
            if not own.exists():
                own.parent.mkdir(parents=True, exist_ok=True)
                own.write_bytes(default_rules_path().read_bytes())
        except OSError as error:
            self.window.show_error(self.tr("Suggestion rules"), f"{own}: {error.strerror or error}")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(own)))
        self.window.show_status(
            self.tr("Rules file: %1 (read again when suggestions are shown)").replace("%1", str(own))
        )


class _RedoBatch(UndoBatch):
    """Redo an undone batch from the list of recent batches (its undo undoes it again)."""

    def do(self, store: Store) -> Change:
        return super().undo(store)

    def undo(self, store: Store) -> Change:
        return super().do(store)

    def describe(self) -> str:
        return f"redo batch {self.batch.id} ({self.batch.description})"
