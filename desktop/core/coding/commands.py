"""Every change an analyst makes, as a command with do() and undo() on a Store.

Each step returns a ``Change`` saying what it changed, and the window refreshes from that
record alone (Anki's OpChanges, novelWriter's change signal): a tag inserts one row in the
span list and paints one span, without reading the span back. The window wraps each command
in one QUndoCommand; the commands themselves know nothing of Qt and are tested on an
in-memory store.

Undo and redo touch only the rows their command made, and only while those rows are as the
command left them: span ids are never reused, and a row another window or program changed
since is refused with a Conflict instead of being overwritten or deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from desktop.core.models import Span, Status
from desktop.core.store import Store


class ChangeKind(StrEnum):
    SPANS_ADDED = "spans_added"
    SPANS_REMOVED = "spans_removed"
    SPANS_EDITED = "spans_edited"  # same offsets, new category or note
    STATUS = "status"
    CODEBOOK = "codebook"  # categories added, edited, moved, merged or removed (spans perhaps recoded)
    ARTICLE_DATA = "article_data"  # an article's note or metadata
    BATCH = "batch"  # spans added or removed in many articles at once (tagging search hits)
    SUGGESTIONS = "suggestions"  # a suggestion rejected or brought back; no span changed


@dataclass(frozen=True)
class Change:
    """What one step of a command changed in the database, as the database now has it."""

    kind: ChangeKind
    article_id: int
    # Added or edited: the spans as stored now. Removed: the spans as they were.
    spans: tuple[Span, ...] = ()
    status: Status | None = None
    # CODEBOOK: the articles whose spans were recoded or deleted with a category. BATCH: those it touched.
    articles: tuple[int, ...] = ()
    # What the analyst should read about the step beyond the change itself (spans skipped or kept).
    detail: str = ""
    # BATCH: the spans were taken out (an undo), not put in; and the figures ``detail`` spells out.
    removed: bool = False
    skipped: int = 0  # tagged already, so not tagged again
    kept: int = 0  # undo: changed since, so left as they are; redo: their ids are taken
    gone: int = 0  # undo: deleted already

    @property
    def span_ids(self) -> tuple[int, ...]:
        return tuple(span.id for span in self.spans if span.id is not None)


class Command(Protocol):
    def do(self, store: Store) -> Change: ...

    def undo(self, store: Store) -> Change: ...

    def describe(self) -> str: ...


@dataclass
class AddSpan:
    span: Span
    stored: Span | None = field(default=None, init=False)

    def do(self, store: Store) -> Change:
        # A redo restores the very row (same id) that undo removed.
        self.stored = store.spans.insert(self.stored or self.span)
        return Change(ChangeKind.SPANS_ADDED, self.stored.article_id, (self.stored,))

    def undo(self, store: Store) -> Change:
        assert self.stored is not None and self.stored.id is not None
        removed = store.spans.delete(self.stored.id, expected=self.stored)
        return Change(ChangeKind.SPANS_REMOVED, removed.article_id, (removed,))

    def describe(self) -> str:
        return f"tag “{shortened(self.span.text)}” as {self.span.category_id}"


@dataclass
class DeleteSpan:
    span: Span

    def do(self, store: Store) -> Change:
        assert self.span.id is not None
        self.span = store.spans.delete(self.span.id, expected=self.span)
        return Change(ChangeKind.SPANS_REMOVED, self.span.article_id, (self.span,))

    def undo(self, store: Store) -> Change:
        self.span = store.spans.insert(self.span)
        return Change(ChangeKind.SPANS_ADDED, self.span.article_id, (self.span,))

    def describe(self) -> str:
        return f"delete “{shortened(self.span.text)}”"


@dataclass
class _SpanEdit:
    """A change of one span (category, note, boundaries), made only while the row is as the last step left it."""

    span: Span
    # The span as the last step left it: what the next step expects to find.
    current: Span | None = field(default=None, init=False)

    def _edit(self, store: Store, *, category_id: str | None = None, note: str | None = None) -> Change:
        assert self.span.id is not None
        self.current = store.spans.update(
            self.span.id, category_id=category_id, note=note, expected=self.current or self.span
        )
        return Change(ChangeKind.SPANS_EDITED, self.current.article_id, (self.current,))


@dataclass
class ChangeCategory(_SpanEdit):
    category_id: str

    def do(self, store: Store) -> Change:
        return self._edit(store, category_id=self.category_id)

    def undo(self, store: Store) -> Change:
        return self._edit(store, category_id=self.span.category_id)

    def describe(self) -> str:
        return f"change “{shortened(self.span.text)}” to {self.category_id}"


@dataclass
class EditNote(_SpanEdit):
    note: str

    def do(self, store: Store) -> Change:
        return self._edit(store, note=self.note)

    def undo(self, store: Store) -> Change:
        return self._edit(store, note=self.span.note)

    def describe(self) -> str:
        return f"edit the note of “{shortened(self.span.text)}”"


@dataclass
class MoveSpan(_SpanEdit):
    """New boundaries for a span (the same tag, moved), undone to exactly the old ones."""

    moved: Span

    def do(self, store: Store) -> Change:
        return self._move(store, self.moved)

    def undo(self, store: Store) -> Change:
        return self._move(store, self.span)

    def _move(self, store: Store, target: Span) -> Change:
        assert self.span.id is not None
        self.current = store.spans.move(self.span.id, target, expected=self.current or self.span)
        return Change(ChangeKind.SPANS_EDITED, self.current.article_id, (self.current,))

    def describe(self) -> str:
        return f"move the ends of “{shortened(self.span.text)}” to “{shortened(self.moved.text)}”"


@dataclass
class ChangeStatus:
    """An article's status, and the same status as the analyst's own (each analyst's progress is kept apart)."""

    article_id: int
    status: Status
    previous: Status
    annotator: str = ""
    previous_own: Status | None = None

    def do(self, store: Store) -> Change:
        return self._set(store, self.status, self.status)

    def undo(self, store: Store) -> Change:
        return self._set(store, self.previous, self.previous_own)

    def _set(self, store: Store, status: Status, own: Status | None) -> Change:
        with store.transaction():
            store.articles.set_status(self.article_id, status)
            if self.annotator:
                store.analysts.set_status(self.article_id, self.annotator, own)
        return Change(ChangeKind.STATUS, self.article_id, status=status)

    def describe(self) -> str:
        return f"mark article {self.article_id} {self.status.value.replace('_', ' ')}"


def shortened(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
