"""Categories (codes): id, labels in both languages, colour, key, place in the list."""

from __future__ import annotations

import json

from sqlite_utils import Database

from desktop.core.environment import resource_path
from desktop.core.models import Category
from desktop.core.store.database import WriteTransaction


class CategoryTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    def all(self) -> list[Category]:
        rows = self.db.execute(
            "select id, label_zh, label_en, colour, shortcut, position from categories order by position, id"
        ).fetchall()
        return [Category(r[0], r[1], r[2], r[3], r[4] or "", r[5] or 0) for r in rows]

    def ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("select id from categories")}

    def add(self, category_id: str, label_zh: str = "", label_en: str = "", colour: str = "#b0b0b0") -> Category:
        """A new category at the end of the list, with no key."""
        with self._write():
            position = int(self.db.execute("select coalesce(max(position), -1) + 1 from categories").fetchone()[0])
            self.db.execute(
                "insert into categories (id, label_zh, label_en, colour, shortcut, position)"
                " values (?, ?, ?, ?, '', ?)",
                [category_id, label_zh or category_id, label_en or category_id, colour, position],
            )
        return Category(category_id, label_zh or category_id, label_en or category_id, colour, "", position)

    @staticmethod
    def fill_defaults(db: Database) -> None:
        """A new database starts with the packaged categories (project, target, measure)."""
        if db.execute("select exists (select 1 from categories)").fetchone()[0]:
            return
        defaults = json.loads(resource_path("default_categories.json").read_text(encoding="utf-8"))
        with db.atomic():
            for position, category in enumerate(defaults):
                db["categories"].insert({**category, "position": position})  # type: ignore[union-attr]
