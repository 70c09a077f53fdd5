"""What happens in the two panes: open an article, tag, select, delete, find, keep panes aligned.

Holds no SQL and no text logic: it asks the core (Document, spans_at, commands),
puts every change on the undo stack, and refreshes from the Change each step returns.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.coding.annotating import spans_at
from desktop.core.coding.commands import (
    AddSpan,
    Change,
    ChangeCategory,
    ChangeKind,
    ChangeStatus,
    Command,
    DeleteSpan,
    EditNote,
    MoveSpan,
)
from desktop.core.document import Document, SelectionError
from desktop.core.models import Category, Flag, Script, Span, Status, ranges_in, text_order
from desktop.core.store import Store, StoreError, explain
from desktop.ui.panes.article_find import ArticleFind
from desktop.ui.panes.idle_work import IdleWork
from desktop.ui.panes.note_editor import NoteEditor
from desktop.ui.panes.pane_menu import pane_menu, span_tooltip
from desktop.ui.panes.text_pane import TextPane
from desktop.ui.window.undo import CoreUndoCommand

# Spans read per idle slice after an article is shown: a few milliseconds each.
READ_PAGE = 250


@dataclass
class Panes:
    original: TextPane
    simplified: TextPane


class AnnotationController(QObject):
    """The open article and every change to its spans and status."""

    articleOpened = Signal(int)
    spansRead = Signal(int)  # article id: every span of the open article is in hand
    spansChanged = Signal(object)  # the Change
    spanSelected = Signal(object)  # span id or None
    statusChanged = Signal(int)  # article id
    message = Signal(str)
    failed = Signal(str, object)  # what was tried, the StoreError

    def __init__(self, store: Store, undo_stack: QUndoStack, panes: Panes, annotator: Callable[[], str]) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = undo_stack
        self.panes = panes
        self.annotator = annotator
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.drifted: list[Span] = []
        self.categories: list[Category] = store.categories.all()
        self.selected_span: int | None = None
        # Blind double coding: only this analyst's spans are read, painted and listed ('' for everyone's).
        self.only_annotator = ""
        self._span_ids: set[int | None] = set()
        self.reading = IdleWork(self._reading_failed, self)
        self.note_editor: NoteEditor | None = None
        self.last_pane: TextPane = panes.simplified
        self._syncing = False
        self.finding = ArticleFind()
        for pane in (panes.original, panes.simplified):
            pane.tooltip_for = partial(self.tooltip, pane)
            pane.spanActivated.connect(lambda position, p=pane: self.activate_at(p, position))
            pane.topScrolled.connect(lambda position, p=pane: self._sync_scroll(p, position))
            pane.selectionChanged.connect(lambda p=pane: self._selection_moved(p))

    def set_store(self, store: Store) -> None:
        """Work on another database: nothing of the previous one stays on screen."""
        self.reading.stop()
        self.store = store
        self.categories = store.categories.all()
        self.document = None
        self.spans = []
        self.selected_span = None
        self.undo_stack.clear()
        for pane in (self.panes.original, self.panes.simplified):
            pane.set_content("")

    # opening ------------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show the texts and the spans on screen now; the other spans are read while idle."""
        self.reading.stop()
        self.document = self.store.document(article_id)
        article = self.document.article
        self.selected_span = None
        self.finding.reset()
        self.panes.original.set_content(article.original_text)
        self.panes.simplified.set_content(article.text)
        self._start_spans()
        first = self.store.spans.in_view(
            article_id, self.panes.simplified.visible_end(), self.panes.original.visible_end()
        )
        self._take(first)
        self.reading.start(self._read_rest(article_id))
        self.articleOpened.emit(article_id)

    def reload(self) -> None:
        """Show the open article as the database now has it (another program may have changed it)."""
        if self.document is None:
            return
        fresh = self.store.document(self.document.article.id)
        if (fresh.article.text, fresh.article.original_text) != (
            self.document.article.text,
            self.document.article.original_text,
        ):
            self.open_article(fresh.article.id)
            return
        self.reading.stop()
        self.document = fresh
        self._start_spans()
        self.reading.start(self._read_rest(fresh.article.id))
        self.reading.finish()
        if self.span_by_id(self.selected_span) is None:
            self.selected_span = None
        self._show_outline()

    def colours(self) -> dict[str, str]:
        return {category.id: category.colour for category in self.categories}

    def _start_spans(self) -> None:
        assert self.document is not None
        self.spans, self.drifted, self._span_ids = [], [], set()
        removed = self.document.offset_map.removed_ranges()
        self.panes.original.set_spans([], self.colours(), removed)
        self.panes.simplified.set_spans([], self.colours())

    def _take(self, spans: list[Span]) -> None:
        """Spans read from the database: painted, unless their quotes no longer match the text."""
        assert self.document is not None
        shown: list[Span] = []
        for span in spans:
            if span.id in self._span_ids or not self.shows(span):
                continue
            self._span_ids.add(span.id)
            # A span whose quotes no longer match its offsets is reported, never painted in a wrong place.
            (shown if self.document.quotes_match(span) else self.drifted).append(span)
        if shown:
            self.spans = sorted(self.spans + shown, key=text_order)
            self.panes.original.add_spans(ranges_in(shown, Script.ORIGINAL))
            self.panes.simplified.add_spans(ranges_in(shown, Script.SIMPLIFIED))

    def _read_rest(self, article_id: int) -> Iterator[None]:
        """Every span of the article, a page per idle slice; then the list and any drift reported."""
        after: tuple[int, int, int] | None = None
        while True:
            yield
            page = self.store.spans.page(article_id, after, READ_PAGE)
            self._take(page)
            if len(page) < READ_PAGE:
                break
            after = text_order(page[-1])
        if self.drifted:
            self.message.emit(
                self.tr(
                    "%n span(s) no longer match the text at their offsets and are not shown (ids: %2)",
                    "",
                    len(self.drifted),
                ).replace("%2", ", ".join(str(span.id) for span in self.drifted[:10]))
            )
        self.spansRead.emit(article_id)

    def finish_reading(self) -> None:
        """Every span of the open article in hand: what an action on spans needs first."""
        self.reading.finish()

    def _apply(self, change: Change) -> None:
        """Take the changed spans out and put them back as they now are; repaint only their lines."""
        removed = change.span_ids if change.kind in (ChangeKind.SPANS_REMOVED, ChangeKind.SPANS_EDITED) else ()
        added = change.spans if change.kind in (ChangeKind.SPANS_ADDED, ChangeKind.SPANS_EDITED) else ()
        added = tuple(span for span in added if self.shows(span))
        self.spans = [span for span in self.spans if span.id not in removed]
        self._span_ids.difference_update(removed)
        for span in added:
            insort(self.spans, span, key=text_order)
            self._span_ids.add(span.id)
        self.panes.original.change_spans(removed, ranges_in(added, Script.ORIGINAL))
        self.panes.simplified.change_spans(removed, ranges_in(added, Script.SIMPLIFIED))

    def shows(self, span: Span) -> bool:
        return not self.only_annotator or span.annotator == self.only_annotator

    def show_only(self, annotator: str) -> None:
        """Show only one analyst's spans ('' for every analyst's) and read the open article's again."""
        if annotator != self.only_annotator:
            self.only_annotator = annotator
            self.reload()

    def _reading_failed(self, error: Exception) -> None:
        self.failed.emit(self.tr("Cannot read the spans of the article"), explain(error, self.store.path))

    def span_by_id(self, span_id: int | None) -> Span | None:
        self.finish_reading()
        return next((span for span in self.spans if span.id == span_id), None)

    # selection and tagging ------------------------------------------------------------------

    def _selection_moved(self, pane: TextPane) -> None:
        start, end = pane.selection()
        if end > start:
            self.last_pane = pane

    def tag(self, category_id: str) -> None:
        """Tag the current selection of the pane last selected in."""
        heading = next((c for c in self.categories if c.id == category_id and not c.codable), None)
        if self.document is None or heading is not None:
            return
        pane = self.last_pane
        start, end = pane.selection()
        try:
            if pane is self.panes.simplified:
                span = self.document.span_from_text(start, end, category_id, self.annotator())
            else:
                span = self.document.span_from_original(start, end, category_id, self.annotator())
        except SelectionError as error:
            self.message.emit(self.tr("Cannot tag: %1").replace("%1", str(error)))
            return
        if self.store.spans.duplicate_of(span) is not None:
            self.message.emit(self.tr("That span is already tagged with this category"))
            return
        self.push(AddSpan(span))

    def delete_span(self, span_id: int) -> None:
        span = self.span_by_id(span_id)
        if span is not None:
            self.push(DeleteSpan(span))

    def delete_selected(self) -> None:
        if self.selected_span is not None:
            self.delete_span(self.selected_span)

    def change_category(self, span_id: int, category_id: str) -> None:
        span = self.span_by_id(span_id)
        if span is not None and span.category_id != category_id:
            self.push(ChangeCategory(span, category_id))

    def move_selected(self, start_step: int = 0, end_step: int = 0) -> None:
        """Move the selected span's start or end by a character of the Simplified text (undoable)."""
        span = self.span_by_id(self.selected_span)
        if span is None or self.document is None:
            self.message.emit(self.tr("Select a span first (double click it, or tag a passage)"))
            return
        try:
            moved = self.document.moved(span, start_step, end_step)
        except SelectionError as error:
            self.message.emit(self.tr("Cannot move the span: %1").replace("%1", str(error)))
            return
        if moved.start == span.start and moved.end == span.end:
            return
        self.push(MoveSpan(span, moved))

    def edit_note(self, span_id: int, note: str) -> None:
        span = self.span_by_id(span_id)
        if span is not None and span.note != note:
            self.push(EditNote(span, note))

    def open_note_editor(self, span_id: int | None = None) -> NoteEditor | None:
        """The note editor over the Simplified pane, at a span (the selected one by default)."""
        span = self.span_by_id(self.selected_span if span_id is None else span_id)
        if span is None or span.id is None:
            self.message.emit(self.tr("Select a span first (double click it, or tag a passage)"))
            return None
        pane = self.panes.simplified
        self.select_span(span.id, scroll=not pane.is_visible(span.start))
        if self.note_editor is not None:
            self.note_editor.clearFocus()  # keeps what the open one holds
        editor = self.note_editor = NoteEditor(span.id, span.note, pane.viewport())
        editor.committed.connect(self.edit_note)
        editor.finished.connect(lambda: self._note_editor_closed(editor))
        editor.open_at(pane.caret_rect(span.start))
        return editor

    def _note_editor_closed(self, editor: NoteEditor) -> None:
        if self.note_editor is editor:
            self.note_editor = None
            self.panes.simplified.setFocus()

    def set_status(self, status: Status) -> None:
        if self.document is None:
            return
        article_id, annotator = self.document.article.id, self.annotator()
        current, own = self.store.articles.status(article_id), self.store.analysts.status(article_id, annotator)
        if current != status or own != status:
            self.push(ChangeStatus(article_id, status, current, annotator, own))

    def push(self, command: Command) -> None:
        self.finish_reading()
        self.undo_stack.push(CoreUndoCommand(command, self.store, self._changed, self._failed))

    def _failed(self, error: StoreError) -> None:
        self.failed.emit(self.tr("Not saved"), error)

    def _changed(self, change: Change) -> None:
        reopened = self.document is None or self.document.article.id != change.article_id
        if reopened:
            # An undo or redo in another article: show it as it now is (the change included).
            self.open_article(change.article_id)
        if change.kind is ChangeKind.STATUS:
            self.statusChanged.emit(change.article_id)
            return
        if not reopened:
            self._apply(change)
        if change.kind is ChangeKind.SPANS_ADDED:
            # Select the new span after a tag or redo; after undo it is gone.
            self.selected_span = change.spans[-1].id
        elif self.span_by_id(self.selected_span) is None:
            self.selected_span = None
        self._show_outline()
        self.spansChanged.emit(change)

    # the selected span ---------------------------------------------------------------------

    def select_span(self, span_id: int | None, scroll: bool = True) -> None:
        self.selected_span = span_id
        span = self.span_by_id(span_id)
        if span is not None and scroll:
            self.panes.simplified.select(span.start, span.end)
            self.panes.original.select(span.original_start, span.original_end)
        self._show_outline()

    def _show_outline(self) -> None:
        span = self.span_by_id(self.selected_span)
        self.panes.simplified.set_outline(None if span is None else (span.start, span.end))
        self.panes.original.set_outline(None if span is None else (span.original_start, span.original_end))

    def script_of(self, pane: TextPane) -> Script:
        return Script.ORIGINAL if pane is self.panes.original else Script.SIMPLIFIED

    def spans_at(self, pane: TextPane, position: int) -> list[Span]:
        self.finish_reading()
        return spans_at(self.spans, position, self.script_of(pane)) if self.document is not None else []

    def activate_at(self, pane: TextPane, position: int) -> None:
        """Double click: select the span there; again on the same spot, the next one under it."""
        hits = self.spans_at(pane, position)
        if not hits:
            return
        ids = [span.id for span in hits]
        following = ids[(ids.index(self.selected_span) + 1) % len(ids)] if self.selected_span in ids else ids[0]
        self.select_span(following)
        self.spanSelected.emit(following)

    def tooltip(self, pane: TextPane, position: int) -> str:
        return span_tooltip(self, pane, position)

    def context_menu(self, pane: TextPane, position: int, global_point: QPoint, parent: QWidget) -> QMenu:
        return pane_menu(self, pane, position, parent)

    # flags -----------------------------------------------------------------------------------

    def show_flag(self, flag: Flag) -> None:
        self.panes.original.select(flag.original_start, flag.original_end)
        if flag.end > flag.start:
            self.panes.simplified.select(flag.start, flag.end)
        elif flag.start >= 0:
            self.panes.simplified.scroll_to(flag.start)

    # find ------------------------------------------------------------------------------------

    def find_next(self, query: str) -> tuple[int, int]:
        """Select the next match in the Simplified pane; returns (index, count), index 0 when none."""
        if self.document is None:
            return 0, 0
        self.last_pane = self.panes.simplified
        return self.finding.next(self.document, query, self.panes.simplified, self.panes.original)

    # scrolling -------------------------------------------------------------------------------

    def _sync_scroll(self, source: TextPane, position: int) -> None:
        """Keep the other pane's first line on the same passage, through the offset map."""
        if self._syncing or self.document is None:
            return
        self._syncing = True
        try:
            if source is self.panes.original:
                target, mapped = self.panes.simplified, self.document.text_range_of_original(position, position)[0]
            else:
                target, mapped = self.panes.original, self.document.original_range_of_text(position, position)[0]
            target.scroll_to(mapped)
        finally:
            self._syncing = False
