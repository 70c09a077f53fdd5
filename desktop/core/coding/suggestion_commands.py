"""Accepting and rejecting suggestions: undoable steps that also log the decision per source."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.coding.commands import Change, ChangeKind, shortened
from desktop.core.models import Span
from desktop.core.store import Store


@dataclass
class AcceptSuggestion:
    """The suggested passage becomes a span (quoting both scripts); the decision is logged with it."""

    span: Span
    source: str
    stored: Span | None = field(default=None, init=False)
    decision: int | None = field(default=None, init=False)

    def do(self, store: Store) -> Change:
        with store.transaction():
            self.stored = store.spans.insert(self.stored or self.span)
            self.decision = store.suggestions.decide(
                self.span.article_id,
                self.span.start,
                self.span.end,
                self.span.category_id,
                self.source,
                accepted=True,
                span_id=self.stored.id,
            )
        return Change(ChangeKind.SPANS_ADDED, self.stored.article_id, (self.stored,))

    def undo(self, store: Store) -> Change:
        assert self.stored is not None and self.stored.id is not None and self.decision is not None
        with store.transaction():
            removed = store.spans.delete(self.stored.id, expected=self.stored)
            store.suggestions.forget(self.decision)
        return Change(ChangeKind.SPANS_REMOVED, removed.article_id, (removed,))

    def describe(self) -> str:
        return f"accept “{shortened(self.span.text)}” as {self.span.category_id}"


@dataclass
class RejectSuggestion:
    """The suggestion is not made again at that place; the decision counts against its source."""

    article_id: int
    start: int
    end: int
    category_id: str
    source: str
    decision: int | None = field(default=None, init=False)

    def do(self, store: Store) -> Change:
        self.decision = store.suggestions.decide(
            self.article_id, self.start, self.end, self.category_id, self.source, accepted=False
        )
        return Change(ChangeKind.SUGGESTIONS, self.article_id)

    def undo(self, store: Store) -> Change:
        assert self.decision is not None
        store.suggestions.forget(self.decision)
        return Change(ChangeKind.SUGGESTIONS, self.article_id)

    def describe(self) -> str:
        return f"reject the suggestion {self.category_id} ({self.source})"
