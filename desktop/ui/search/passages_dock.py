"""The Passages dock: every span of a code in the window's layers, to read, open, recode, delete or
export; its panel is made the first time the dock is shown (see ``DeferredDock``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from desktop.core.exchange.outgoing import ExportOptions, write_to_path
from desktop.core.exchange.passages_csv import write_passages
from desktop.core.models import Category, Span
from desktop.core.store import STORE_FAILURES, explain
from desktop.core.store.passages import PassageFilter
from desktop.ui.window.layer_choice import shown
from desktop.ui.window.window_layout import DeferredDock

if TYPE_CHECKING:
    from desktop.ui.search.retrieval_panel import RetrievalPanel


class PassagesDock(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self._deferred = DeferredDock(window, "passages", Qt.DockWidgetArea.BottomDockWidgetArea, self._made)
        self.dock = self._deferred.dock
        self.action = QAction(self)
        self.action.setShortcut("Ctrl+Shift+R")
        self.action.triggered.connect(lambda: self.open())
        self.dock.visibilityChanged.connect(self._shown)

    @property
    def panel(self) -> RetrievalPanel:
        return self._deferred.panel()

    def _made(self) -> RetrievalPanel:
        from desktop.ui.search.retrieval_panel import RetrievalPanel

        panel = RetrievalPanel()
        panel.requested.connect(self.show)
        panel.passageChosen.connect(self.show_passage)
        panel.recodeRequested.connect(self.recode)
        panel.deleteRequested.connect(self.delete)
        panel.exportRequested.connect(self.export)
        panel.set_categories(self.window.controller.categories)
        return panel

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Passages"))
        self.action.setText(self.tr("&Passages of a code…"))
        if self._deferred.built is not None:
            self._deferred.built.retranslate()

    def set_categories(self, categories: list[Category]) -> None:
        if self._deferred.built is not None:
            self._deferred.built.set_categories(categories)

    def open(self, category_id: str = "") -> None:
        if category_id:
            self.panel.choose_category(category_id)
        self.window.workspaces.bring(self.dock)
        self.show()

    def _chosen(self) -> PassageFilter:
        category = self.panel.chosen_category()
        categories = self.window.store.categories.codebook().expand([category]) if category else ()
        layers = self.window.layer_choice.layers()
        self.panel.whose.setText(self.tr("Passages of %1").replace("%1", shown(layers)))
        return PassageFilter(categories, layers, self.panel.contains.text().strip())

    def show(self) -> None:
        store = self.window.store
        try:
            chosen = self._chosen()
            self.panel.show_passages(store.passages.page, chosen, store.passages.count(chosen))
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))

    def _shown(self, visible: bool) -> None:
        if visible:
            self.show()

    def changed(self) -> None:
        """Spans changed (or the layers counted): the passages on screen are read again."""
        if self.dock.isVisible():
            self.show()

    def _open_span(self, span: Span) -> bool:
        document = self.window.controller.document
        if document is None or document.article.id != span.article_id:
            self.window.open_article(span.article_id)
        found = self.window.controller.span_by_id(span.id)
        if found is None:
            self.window.show_status(self.tr("That span is no longer there"))
            self.show()
        return found is not None

    def show_passage(self, span: Span) -> None:
        if self._open_span(span):
            self.window.controller.select_span(span.id)

    def recode(self, span: Span, category_id: str) -> None:
        if self._open_span(span) and span.id is not None:
            self.window.controller.change_category(span.id, category_id)

    def delete(self, span: Span) -> None:
        if self._open_span(span) and span.id is not None:
            self.window.controller.delete_span(span.id)

    def export(self) -> None:
        from desktop.ui.widgets.file_dialogs import save_file

        path = save_file(self.window, self.tr("Export passages"), "passages.csv", self.tr("CSV (*.csv)"))
        if not path:
            return
        store = self.window.store
        chosen, order = self._chosen(), self.panel.chosen_order()
        try:
            count = write_to_path(
                lambda s, out, _o: write_passages(s, chosen, order, out),
                store,
                Path(path),
                ExportOptions(),
                "utf-8-sig",
            )
        except OSError as error:
            self.window.show_error(self.tr("Export passages"), f"{path}: {error.strerror or error}")
            return
        except STORE_FAILURES as error:
            self.window.report_failure(self.tr("Cannot read the database"), explain(error, store.path))
            return
        self.window.show_status(self.tr("Wrote %n passage(s) to %1", "", count).replace("%1", path))
