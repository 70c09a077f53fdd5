"""Changes to the codebook as undoable commands: add, edit, move, merge and delete categories.

Like the span commands they return a ``Change`` (kind CODEBOOK) and are tested without Qt.
A merge or a delete moves or removes spans too, and its undo puts exactly those spans back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from desktop.core.coding.commands import Change, ChangeKind, shortened
from desktop.core.models import Category
from desktop.core.store import Conflict, Store
from desktop.core.store.categories import EDITABLE, Removal

# Change.article_id of a codebook change: it is not about one article.
NO_ARTICLE = 0


def _codebook_change(spans_of: Removal | None = None) -> Change:
    articles = () if spans_of is None else tuple(sorted({span.article_id for span in spans_of.spans}))
    return Change(ChangeKind.CODEBOOK, NO_ARTICLE, articles=articles)


@dataclass
class AddCategory:
    category: Category
    index: int | None = None

    def do(self, store: Store) -> Change:
        # First at the end of its siblings (or at ``index``); a redo puts it back where it was.
        index = (
            self.index if self.index is not None else len(store.categories.codebook().children(self.category.parent_id))
        )
        self.category = store.categories.insert(replace(self.category, key=""), index)
        self.index = self.category.position
        return _codebook_change()

    def undo(self, store: Store) -> Change:
        counts = store.categories.span_counts(None).get(self.category.id, 0)
        if counts or store.categories.codebook().children(self.category.id):
            # Spans or sub-codes were added under it since (another window): they are not this command's to remove.
            raise Conflict(f"category {self.category.id} has spans or sub-codes now; it was not removed")
        store.categories.remove(self.category.id, spans_to=None, children_to=self.category.parent_id)
        return _codebook_change()

    def describe(self) -> str:
        return f"add the code “{shortened(self.category.label_zh)}”"


@dataclass
class EditCategory:
    """New labels, colour, key, coding rule or codable flag for one category."""

    before: Category
    changes: dict[str, Any]
    after: Category | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        unknown = set(self.changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")

    def do(self, store: Store) -> Change:
        self.after = store.categories.update(self.before.id, self.before, **self.changes)
        return _codebook_change()

    def undo(self, store: Store) -> Change:
        assert self.after is not None
        old = {name: getattr(self.before, name) for name in self.changes}
        store.categories.update(self.before.id, self.after, **old)
        return _codebook_change()

    def describe(self) -> str:
        what = ", ".join(f.name for f in fields(Category) if f.name in self.changes)
        return f"edit {what} of “{shortened(self.before.label_zh)}”"


@dataclass
class MoveCategory:
    """A category to another place in the tree: another parent, or another place among its siblings."""

    category_id: str
    parent_id: str | None
    index: int | None
    before: Category | None = field(default=None, init=False)

    def do(self, store: Store) -> Change:
        self.before = store.categories.move(self.category_id, self.parent_id, self.index)
        return _codebook_change()

    def undo(self, store: Store) -> Change:
        assert self.before is not None
        store.categories.move(self.category_id, self.before.parent_id, self.before.position)
        return _codebook_change()

    def describe(self) -> str:
        return f"move the code {self.category_id}"


@dataclass
class RemoveCategory:
    """Merge a category into another (spans and sub-codes go there) or delete it (sub-codes stay
    where it was; spans go to another category or are deleted)."""

    category_id: str
    spans_to: str | None
    children_to: str | None
    merge: bool = False
    removal: Removal | None = field(default=None, init=False)

    @classmethod
    def merging(cls, source: str, target: str) -> RemoveCategory:
        return cls(source, target, target, merge=True)

    @classmethod
    def deleting(cls, category: Category, spans_to: str | None) -> RemoveCategory:
        return cls(category.id, spans_to, category.parent_id)

    def do(self, store: Store) -> Change:
        self.removal = store.categories.remove(self.category_id, spans_to=self.spans_to, children_to=self.children_to)
        return _codebook_change(self.removal)

    def undo(self, store: Store) -> Change:
        assert self.removal is not None
        store.categories.restore(self.removal)
        return _codebook_change(self.removal)

    def describe(self) -> str:
        if self.merge:
            return f"merge the code {self.category_id} into {self.spans_to}"
        return f"delete the code {self.category_id}"
