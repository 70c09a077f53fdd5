"""Every change an analyst makes, as a command with do() and undo() on a Store.

The window wraps each in one QUndoCommand; the commands themselves know nothing of Qt
and are tested on an in-memory store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from desktop.core.models import Span, Status
from desktop.core.store import Store


class Command(Protocol):
    @property
    def article_id(self) -> int: ...

    def do(self, store: Store) -> None: ...

    def undo(self, store: Store) -> None: ...

    def describe(self) -> str: ...


@dataclass
class AddSpan:
    span: Span
    stored: Span | None = field(default=None, init=False)

    @property
    def article_id(self) -> int:
        return self.span.article_id

    def do(self, store: Store) -> None:
        # A redo restores the very row (same id) that undo removed.
        self.stored = store.insert_span(self.stored or self.span)

    def undo(self, store: Store) -> None:
        assert self.stored is not None and self.stored.id is not None
        store.delete_span(self.stored.id)

    def describe(self) -> str:
        return f"tag “{_short(self.span.text)}” as {self.span.category_id}"


@dataclass
class DeleteSpan:
    span: Span

    @property
    def article_id(self) -> int:
        return self.span.article_id

    def do(self, store: Store) -> None:
        assert self.span.id is not None
        self.span = store.delete_span(self.span.id)

    def undo(self, store: Store) -> None:
        self.span = store.insert_span(self.span)

    def describe(self) -> str:
        return f"delete “{_short(self.span.text)}”"


@dataclass
class ChangeCategory:
    span: Span
    category_id: str

    @property
    def article_id(self) -> int:
        return self.span.article_id

    def do(self, store: Store) -> None:
        assert self.span.id is not None
        store.update_span(self.span.id, category_id=self.category_id)

    def undo(self, store: Store) -> None:
        assert self.span.id is not None
        store.update_span(self.span.id, category_id=self.span.category_id)

    def describe(self) -> str:
        return f"change “{_short(self.span.text)}” to {self.category_id}"


@dataclass
class EditNote:
    span: Span
    note: str

    @property
    def article_id(self) -> int:
        return self.span.article_id

    def do(self, store: Store) -> None:
        assert self.span.id is not None
        store.update_span(self.span.id, note=self.note)

    def undo(self, store: Store) -> None:
        assert self.span.id is not None
        store.update_span(self.span.id, note=self.span.note)

    def describe(self) -> str:
        return f"edit the note of “{_short(self.span.text)}”"


@dataclass
class ChangeStatus:
    article_id: int
    status: Status
    previous: Status

    def do(self, store: Store) -> None:
        store.set_status(self.article_id, self.status)

    def undo(self, store: Store) -> None:
        store.set_status(self.article_id, self.previous)

    def describe(self) -> str:
        return f"mark article {self.article_id} {self.status.value.replace('_', ' ')}"


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
