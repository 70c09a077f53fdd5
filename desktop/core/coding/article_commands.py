"""Undoable changes to what is known about an article: its note (memo) and its metadata values.

Like span commands, each step acts only while the value is as the last step left it: an undo
never overwrites a value another window wrote since (Conflict).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.coding.commands import Change, ChangeKind, shortened
from desktop.core.store import Store


@dataclass
class EditArticleNote:
    article_id: int
    previous: str
    note: str

    def do(self, store: Store) -> Change:
        store.articles.set_note(self.article_id, self.note, expected=self.previous)
        return Change(ChangeKind.ARTICLE_DATA, self.article_id)

    def undo(self, store: Store) -> Change:
        store.articles.set_note(self.article_id, self.previous, expected=self.note)
        return Change(ChangeKind.ARTICLE_DATA, self.article_id)

    def describe(self) -> str:
        return f"edit the note of article {self.article_id}"


@dataclass
class SetMetadata:
    """One field of one article set (or cleared with ''); the value is stored as the field's kind spells it."""

    article_id: int
    field_name: str
    previous: str
    value: str
    stored: str = field(default="", init=False)

    def do(self, store: Store) -> Change:
        self.stored = store.metadata.set(self.article_id, self.field_name, self.value, expected=self.previous)
        return Change(ChangeKind.ARTICLE_DATA, self.article_id)

    def undo(self, store: Store) -> Change:
        store.metadata.set(self.article_id, self.field_name, self.previous, expected=self.stored)
        return Change(ChangeKind.ARTICLE_DATA, self.article_id)

    def describe(self) -> str:
        return f"set {self.field_name} of article {self.article_id} to “{shortened(self.value)}”"
