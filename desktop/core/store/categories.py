"""Categories (codes): a tree of codes with labels in both languages, colour, key and coding rule.

Every change is one transaction and returns what an undo needs to put things back exactly:
the row as it was, the children it had and, for a removal, its spans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.core.codebook import Codebook, free_id, guid_for, key_refusal
from desktop.core.environment import resource_path
from desktop.core.layers import Layer
from desktop.core.models import Category, Span
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction
from desktop.core.store.errors import Conflict, Refused
from desktop.core.store.queries import layer_clause
from desktop.core.store.spans import SPAN_COLUMNS

_COLUMNS = "id, label_zh, label_en, colour, shortcut, position, description, parent_id, codable, guid"
EDITABLE = ("label_zh", "label_en", "colour", "shortcut", "description", "codable")


def _category(row: Any) -> Category:
    return Category(
        row[0], row[1], row[2], row[3], row[4] or "", row[5] or 0, row[6] or "", row[7], bool(row[8]), row[9] or ""
    )


@dataclass(frozen=True)
class Removal:
    """A category taken out: where it was, the children it had, and what became of its spans."""

    category: Category
    children: tuple[str, ...]  # in their order under it
    children_to: str | None  # where the children went
    spans_to: str | None  # the category its spans went to; None: they were deleted
    spans: tuple[Span, ...] = field(default=())  # as they were


def _row(c: Category) -> list[Any]:
    """A category's values in the order of ``_COLUMNS``."""
    values: list[Any] = [c.id, c.label_zh, c.label_en, c.colour, c.shortcut, c.position, c.description]
    values += [c.parent_id, int(c.codable), c.guid or guid_for(c.id)]
    return values


def categories_of(db: Database) -> list[Category]:
    return [_category(row) for row in db.execute(f"select {_COLUMNS} from categories").fetchall()]


def codebook_of(db: Database) -> Codebook:
    """The codebook as the database holds it now (no cache: for a connection that only reads)."""
    return Codebook(categories_of(db))


class CategoryTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write
        self._cached: tuple[tuple[int, int], Codebook] | None = None

    # reading ------------------------------------------------------------------------------------

    def codebook(self) -> Codebook:
        """The codebook, read again only once the database changed since the last reading.

        Exports ask for it once per article and the window after every change; the stamp
        (rows this connection changed, and SQLite's count of other connections' commits) moves
        with any write that could have touched a category.
        """
        stamp = (self.db.conn.total_changes, int(self.db.execute("pragma data_version").fetchone()[0]))
        if self._cached is None or self._cached[0] != stamp:
            self._cached = (stamp, Codebook(categories_of(self.db)))
        return self._cached[1]

    def all(self) -> list[Category]:
        """Every category in tree order, each with the key it answers to."""
        return self.codebook().resolved()

    def ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("select id from categories")}

    def get(self, category_id: str) -> Category:
        row = self.db.execute(f"select {_COLUMNS} from categories where id = ?", [category_id]).fetchone()
        if row is None:
            raise Conflict(f"category {category_id} is no longer there: another window or program removed it")
        return _category(row)

    def span_counts(self, layer: Layer | None) -> dict[str, int]:
        """Spans per category of one layer (core.layers); None: every span of every analyst (what deleting a
        code takes with it). Served by the indexes, without reading the spans."""
        if layer is None:
            rows = self.db.execute("select category_id, count(*) from spans group by 1")
        else:
            only, params = layer_clause(layer)
            rows = self.db.execute(f"select category_id, count(*) from spans s where {only} group by 1", params)
        return {row[0]: row[1] for row in rows}

    def new_id(self, label_zh: str, label_en: str = "") -> str:
        """A free id for a new code: its English label as a slug, else its Chinese label."""
        return free_id(label_zh, label_en, self.ids())

    # writing ------------------------------------------------------------------------------------

    def _siblings(self, parent_id: str | None) -> list[str]:
        rows = self.db.execute(
            "select id from categories where parent_id is ? order by position, id", [parent_id]
        ).fetchall()
        return [row[0] for row in rows]

    def _renumber(self, parent_id: str | None, order: list[str]) -> None:
        for position, category_id in enumerate(order):
            self.db.execute(
                "update categories set parent_id = ?, position = ? where id = ?", [parent_id, position, category_id]
            )

    def _place(self, category_id: str, parent_id: str | None, index: int | None) -> None:
        order = [i for i in self._siblings(parent_id) if i != category_id]
        order.insert(len(order) if index is None else max(0, min(index, len(order))), category_id)
        self._renumber(parent_id, order)

    def _check(self, category: Category) -> None:
        codebook = Codebook([c for c in categories_of(self.db) if c.id != category.id] + [category])
        problem = codebook.key_problem(category.id, category.shortcut) or codebook.move_problem(
            category.id, category.parent_id
        )
        if problem:
            raise Refused(problem)

    def add(
        self,
        category_id: str,
        label_zh: str = "",
        label_en: str = "",
        colour: str = "#b0b0b0",
        *,
        parent_id: str | None = None,
        index: int | None = None,
        shortcut: str = "",
        description: str = "",
        codable: bool = True,
        guid: str = "",
    ) -> Category:
        """A new category under ``parent_id`` (at the end, or at ``index`` among its siblings)."""
        category = Category(
            category_id,
            label_zh or category_id,
            label_en or label_zh or category_id,
            colour,
            shortcut,
            0,
            description,
            parent_id,
            codable,
            guid or guid_for(category_id),
        )
        return self.insert(category, len(self._siblings(parent_id)) if index is None else index)

    def insert(self, category: Category, index: int | None = None) -> Category:
        """Store a category as given (a new one, or one an undo puts back), placed among its siblings."""
        with self._write():
            if category.id in self.ids():
                raise Conflict(f"a category {category.id} exists already")
            self._check(category)
            self.db.execute(
                f"insert into categories ({_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    category.id,
                    category.label_zh,
                    category.label_en,
                    category.colour,
                    category.shortcut,
                    category.position,
                    category.description,
                    category.parent_id,
                    int(category.codable),
                    category.guid or guid_for(category.id),
                ],
            )
            self._place(category.id, category.parent_id, category.position if index is None else index)
        return self.get(category.id)

    def update(self, category_id: str, expected: Category | None = None, **fields: Any) -> Category:
        """Change labels, colour, key, rule or codable; returns the category as it now is."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        with self._write():
            current = self.get(category_id)
            if expected is not None and replace(current, key="") != replace(expected, key=""):
                raise Conflict(f"category {category_id} was changed by another window or program")
            changed = replace(current, **fields)
            self._check(changed)
            self.db.execute(
                "update categories set label_zh = ?, label_en = ?, colour = ?, shortcut = ?, description = ?,"
                " codable = ? where id = ?",
                [
                    changed.label_zh,
                    changed.label_en,
                    changed.colour,
                    changed.shortcut,
                    changed.description,
                    int(changed.codable),
                    category_id,
                ],
            )
        return self.get(category_id)

    def write_many(self, created: list[Category], changed: list[Category]) -> None:
        """New categories and new states of existing ones (positions as given), checked once as a whole.

        For a codebook file merged in one go: thousands of codes cost one pass, not one per code.
        """
        with self._write():
            self.db.conn.executemany(
                f"insert into categories ({_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", map(_row, created)
            )
            self.db.conn.executemany(
                "update categories set label_zh = ?, label_en = ?, colour = ?, shortcut = ?, description = ?,"
                " codable = ?, parent_id = ?, position = ? where id = ?",
                [[*_row(c)[1:5], c.description, int(c.codable), c.parent_id, c.position, c.id] for c in changed],
            )
            codebook = Codebook(categories_of(self.db))
            if len(codebook.order) != len(codebook.by_id):
                raise Refused("the codes would form a loop (a code under its own sub-code)")
            seen: dict[str, Category] = {}
            for category in codebook.order:
                if category.shortcut:
                    problem = key_refusal(category.shortcut, seen.get(category.shortcut))
                    if problem:
                        raise Refused(problem)
                    seen[category.shortcut] = category

    def move(self, category_id: str, parent_id: str | None, index: int | None) -> Category:
        """Put a category under ``parent_id`` at ``index`` among its siblings; returns it as it was."""
        with self._write():
            before = self.get(category_id)
            problem = self.codebook().move_problem(category_id, parent_id)
            if problem:
                raise Refused(problem)
            left = [i for i in self._siblings(before.parent_id) if i != category_id]
            self._renumber(before.parent_id, left)
            self._place(category_id, parent_id, index)
        return before

    def remove(self, category_id: str, *, spans_to: str | None, children_to: str | None) -> Removal:
        """Take a category out: its spans go to ``spans_to`` (or are deleted), its children to ``children_to``.

        Merging A into B is ``remove(A, spans_to=B, children_to=B)``; deleting A keeps its
        children where A was.
        """
        with self._write():
            category = self.get(category_id)
            if spans_to is not None:
                self.get(spans_to)
            # The category's own subtree holds the category itself.
            if children_to is not None and children_to in self.codebook().subtree(category_id):
                raise Refused("a category cannot be merged into one of its own sub-codes")
            children = tuple(self._siblings(category_id))
            rows = self.db.execute(
                f"select {SPAN_COLUMNS} from spans where category_id = ? order by id", [category_id]
            ).fetchall()
            spans = tuple(Span._make(row) for row in rows)
            if spans_to is None:
                self.db.execute("delete from spans where category_id = ?", [category_id])
            else:
                self.db.execute("update spans set category_id = ? where category_id = ?", [spans_to, category_id])
            order = self._siblings(children_to)
            if children_to == category.parent_id:
                # Deleting: the children take the category's place among its siblings.
                at = order.index(category_id)
                order[at : at + 1] = list(children)
            else:
                order = [i for i in order if i != category_id] + list(children)
            self._renumber(children_to, order)
            self.db.execute("delete from categories where id = ?", [category_id])
            if children_to != category.parent_id:
                self._renumber(category.parent_id, self._siblings(category.parent_id))
        return Removal(category, children, children_to, spans_to, spans)

    def restore(self, removal: Removal) -> None:
        """Undo a removal: the category where it was, its children under it, its spans back."""
        category = removal.category
        with self._write():
            self.insert(category)
            for index, child in enumerate(removal.children):
                self.move(child, category.id, index)
            if removal.spans_to is None:
                for span in removal.spans:
                    self.db.execute(
                        f"insert into spans ({SPAN_COLUMNS}) values ({', '.join('?' * len(span))})", list(span)
                    )
            else:
                ids = [span.id for span in removal.spans]
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    marks = ", ".join("?" * len(chunk))
                    self.db.execute(
                        f"update spans set category_id = ? where category_id = ? and id in ({marks})",
                        [category.id, removal.spans_to, *chunk],
                    )

    @staticmethod
    def fill_defaults(db: Database) -> None:
        """A new database starts with the packaged categories (project, target, measure)."""
        if db.execute("select exists (select 1 from categories)").fetchone()[0]:
            return
        defaults = json.loads(resource_path("default_categories.json").read_text(encoding="utf-8"))
        with db.atomic():
            for position, category in enumerate(defaults):
                values = {**category, "position": position, "guid": guid_for(category["id"])}
                db.execute(
                    f"insert into categories ({', '.join(values)}) values ({', '.join('?' * len(values))})",
                    list(values.values()),
                )
