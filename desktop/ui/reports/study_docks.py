"""Articles as data in the window: the Article dock (metadata, note), the Reports dock, and the
coding-unit margins of both panes; each edit an undoable command on the window's stack."""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from desktop.core.coding.article_commands import EditArticleNote, SetMetadata
from desktop.core.coding.commands import Change, ChangeKind, Command
from desktop.core.corpus.reporting import ReportError, ReportRequest, Table, build_report
from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.exchange.report_csv import write_table
from desktop.core.metadata import FieldKind, MetadataField
from desktop.core.store import STORE_FAILURES, StoreError, explain
from desktop.ui.panes.article_panel import ArticlePanel
from desktop.ui.panes.unit_margin import UnitMargin
from desktop.ui.reports.report_words import ReportWords
from desktop.ui.reports.reports_panel import SHOWN_ROWS, ReportsPanel
from desktop.ui.widgets.labels import field_label
from desktop.ui.window.undo import CoreUndoCommand
from desktop.ui.window.window_layout import DeferredDock, add_dock


class StudyDocks(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.article_panel = ArticlePanel()
        self.words = ReportWords(self)
        self._last: tuple[Table, ReportRequest, list[tuple[Any, ...]], bool] | None = None
        self.article_dock = add_dock(window, "article", self.article_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        # The Report workspace's panel is made when first shown.
        self._reports = DeferredDock(window, "reports", Qt.DockWidgetArea.BottomDockWidgetArea, self._made_reports)
        self.reports_dock = self._reports.dock
        self.reports_dock.hide()
        window.tabifyDockWidget(window.flags_dock, self.article_dock)
        self.margins = [UnitMargin(window.original_pane), UnitMargin(window.text_pane)]
        self.units_action = QAction(self, checkable=True)
        self.units_action.setShortcut("Ctrl+Shift+U")
        self.units_action.toggled.connect(self.show_units)
        window.addAction(self.units_action)
        self.article_panel.valueEdited.connect(self._set_value)
        self.article_panel.noteEdited.connect(self._set_note)
        self.article_panel.addFieldRequested.connect(self.add_field)
        self.reports_dock.visibilityChanged.connect(self._reports_shown)
        window.controller.articleOpened.connect(lambda _article: self.show_article())
        window.layer_choice.changed.connect(self._layers_changed)
        self.retranslate()

    @property
    def reports(self) -> ReportsPanel:
        return self._reports.panel()

    def _made_reports(self) -> ReportsPanel:
        panel = ReportsPanel()
        panel.requested.connect(self.show_report)
        panel.exportRequested.connect(self.export_report)
        return panel

    def _layers_changed(self) -> None:
        """Other layers counted: a report on screen is counted again."""
        if self.reports_dock.isVisible() and self.reports.model.rowCount():
            self.show_report(self.reports.request())

    def retranslate(self) -> None:
        self.article_dock.setWindowTitle(self.tr("Article data"))
        self.reports_dock.setWindowTitle(self.tr("Reports"))
        self.units_action.setText(self.tr("Coding &units in the margin"))
        self.article_panel.retranslate()
        if self._reports.built is not None:
            self._reports.built.retranslate()
        self._show_last()

    def docks(self) -> list[Any]:
        return [self.article_dock, self.reports_dock]

    # the open article -----------------------------------------------------------------------

    def show_article(self) -> None:
        document = self.window.controller.document
        if document is None:
            self.article_panel.clear()
            self._show_margins()
            return
        store, article_id = self.window.store, document.article.id
        try:
            fields, values = store.metadata.fields(), store.metadata.values(article_id)
            note = store.articles.note(article_id)
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the article"), explain(error, store.path))
            return
        self.article_panel.show_article(document.article.title, fields, values, note)
        self._show_margins()

    def _show_margins(self) -> None:
        """The open article's units in both margins; read only while they are shown (opening stays cheap)."""
        document = self.window.controller.document
        units = []
        if document is not None and self.units_action.isChecked():
            try:
                units = self.window.store.units.of_article(document.article.id)
            except STORE_FAILURES as error:
                self.window.report_failure(self.tr("Cannot read the article"), explain(error, self.window.store.path))
        self.margins[0].set_units([(unit.original_start, unit.label) for unit in units])
        self.margins[1].set_units([(unit.start, unit.label) for unit in units])

    def show_units(self, shown: bool) -> None:
        for margin in self.margins:
            margin.set_shown(shown)
        self._show_margins()

    def _push(self, command: Command) -> None:
        self.window.undo_stack.push(CoreUndoCommand(command, self.window.store, self._changed, self._failed))

    def _changed(self, change: Change) -> None:
        document = self.window.controller.document
        if change.kind is ChangeKind.ARTICLE_DATA and document is not None and document.article.id == change.article_id:
            self.show_article()
        elif change.kind is ChangeKind.ARTICLE_DATA:
            self.window.open_article(change.article_id)  # an undo of an edit on another article shows it

    def _failed(self, error: StoreError) -> None:
        self.window.report_failure(self.tr("Not saved"), error)
        self.show_article()  # the values as the database still has them

    def _set_value(self, name: str, value: str) -> None:
        document = self.window.controller.document
        if document is not None:
            previous = self.window.store.metadata.values(document.article.id).get(name, "")
            self._push(SetMetadata(document.article.id, name, previous, value))

    def _set_note(self, note: str) -> None:
        document = self.window.controller.document
        if document is not None:
            previous = self.window.store.articles.note(document.article.id)
            self._push(EditArticleNote(document.article.id, previous, note))

    def add_field(self) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("Add field"), self.tr("Field name (e.g. province):"))
        if not ok or not name.strip():
            return
        kinds = {self.tr("Text"): FieldKind.TEXT, self.tr("Number"): FieldKind.NUMBER}
        kinds.update({self.tr("Date"): FieldKind.DATE, self.tr("Choice"): FieldKind.CHOICE})
        kind_name, ok = QInputDialog.getItem(self.window, self.tr("Add field"), self.tr("Kind:"), list(kinds), 0, False)
        if not ok:
            return
        choices: tuple[str, ...] = ()
        if kinds[kind_name] is FieldKind.CHOICE:
            text, ok = QInputDialog.getText(self.window, self.tr("Add field"), self.tr("Choices, separated by commas:"))
            choices = tuple(c.strip() for c in text.replace("，", ",").split(",") if c.strip())
            if not ok:
                return
        try:
            self.window.store.metadata.add_field(MetadataField(name.strip(), name.strip(), kinds[kind_name], choices))
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot add the field"), explain(error, self.window.store.path))
            return
        self.show_article()
        self._report_choices()

    # reports --------------------------------------------------------------------------------

    def _reports_shown(self, shown: bool) -> None:
        if shown:
            self._report_choices()

    def _report_choices(self) -> None:
        store = self.window.store
        try:
            fields = [(f.name, field_label(f)) for f in store.metadata.fields()]
        except STORE_FAILURES:
            return
        self.reports.set_choices(fields)

    def show_report(self, request: ReportRequest) -> None:
        store = self.window.store
        # Whose spans: the window's choice (the status bar's "Counting:"), unless the request names them.
        request = request if request.layers else replace(request, layers=self.window.layer_choice.layers())
        try:
            table = build_report(store, request)
            rows = list(islice(table.rows, SHOWN_ROWS + 1))
        except ReportError as error:
            self.window.show_error(self.tr("Report"), str(error))
            return
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))
            return
        cut = len(rows) > SHOWN_ROWS
        self._last = (table, request, rows[:SHOWN_ROWS], cut)
        self._show_last()

    def _show_last(self) -> None:
        """The table last worked out, in the interface's language (again after a switch, not counted again)."""
        if self._last is None:
            return
        table, request, rows, cut = self._last
        store = self.window.store
        try:
            shown = self.words.shown(table, request, store.categories.codebook(), store.metadata.fields())
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))
            return
        summary = shown.caption
        if cut:
            summary += self.tr(" — the first %1 rows; Export CSV writes them all").replace("%1", str(SHOWN_ROWS))
        self.reports.show_table(shown, rows, table.counts_from, summary)

    def export_report(self, request: ReportRequest) -> None:
        from desktop.ui.widgets.file_dialogs import save_file

        path = save_file(self.window, self.tr("Export report"), f"{request.kind.value}.csv", self.tr("CSV (*.csv)"))
        if not path:
            return
        store = self.window.store
        request = request if request.layers else replace(request, layers=self.window.layer_choice.layers())
        try:
            table = build_report(store, request)
            count = write_to_path(
                lambda _s, out, _o: write_table(table, out), store, Path(path), ExportOptions(), "utf-8-sig"
            )
        except ReportError as error:
            self.window.show_error(self.tr("Report"), str(error))
            return
        except OSError as error:
            self.window.show_error(self.tr("Export report"), f"{path}: {error.strerror or error}")
            return
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))
            return
        self.window.show_status(self.tr("Wrote %n row(s) to %1", "", count).replace("%1", path))
