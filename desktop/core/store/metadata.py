"""Article metadata: the fields (built in and the analysts' own) and one value per article and field."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from desktop.core.metadata import FIELD_NAME, ArticleData, FieldKind, MetadataField, ValueProblem, checked_value
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction
from desktop.core.store.errors import Conflict, Refused


def fill_stated(db: Database, article_id: int, pairs: Iterable[tuple[str, str]]) -> None:
    """Store what a page states where the article has no value yet: an analyst's value always stays."""
    db.conn.executemany(
        "insert or ignore into article_metadata (article_id, field, value)"
        " select ?, name, ? from metadata_fields where name = ? and ? != ''",
        [(article_id, value, name, value) for name, value in pairs],
    )


def restore_values(db: Database, article_id: int, values: dict[str, str]) -> None:
    """Values as another database had them; a field this one lacks is added as a text field."""
    kept = [(name, value) for name, value in values.items() if FIELD_NAME.fullmatch(name) and value]
    # Each statement run over all the values at once: a restore stores thousands of articles.
    db.conn.executemany(
        "insert or ignore into metadata_fields (name, label, kind, position)"
        " select ?, ?, 'text', coalesce(max(position), -1) + 1 from metadata_fields",
        [(name, name) for name, _value in kept],
    )
    db.conn.executemany(
        "insert or replace into article_metadata (article_id, field, value) values (?, ?, ?)",
        [(article_id, name, value) for name, value in kept],
    )


def _field(row: Sequence[object]) -> MetadataField:
    name, label, kind, choices, position, builtin = row
    return MetadataField(
        str(name),
        str(label),
        FieldKind(str(kind)),
        tuple(json.loads(str(choices) or "[]")),
        bool(builtin),
        int(str(position)),
    )


class MetadataTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    # fields -----------------------------------------------------------------------------

    def fields(self) -> list[MetadataField]:
        return [
            _field(row)
            for row in self.db.execute(
                "select name, label, kind, choices, position, builtin from metadata_fields order by position, name"
            )
        ]

    def field(self, name: str) -> MetadataField:
        row = self.db.execute(
            "select name, label, kind, choices, position, builtin from metadata_fields where name = ?", [name]
        ).fetchone()
        if row is None:
            raise Refused(f"no metadata field {name!r}; known: {', '.join(f.name for f in self.fields())}")
        return _field(row)

    def add_field(self, field: MetadataField) -> MetadataField:
        """A field of the analysts' own, placed after the others."""
        if not FIELD_NAME.fullmatch(field.name):
            raise Refused(f"field name {field.name!r}: use letters, digits and _ (starting with a letter)")
        if field.kind is FieldKind.CHOICE and not field.choices:
            raise Refused(f"field {field.name!r}: a choice field needs its choices")
        with self._write():
            if self.db.execute("select 1 from metadata_fields where name = ?", [field.name]).fetchone():
                raise Refused(f"there is already a metadata field {field.name!r}")
            [position] = self.db.execute("select coalesce(max(position), -1) + 1 from metadata_fields").fetchone()
            self.db.execute(
                "insert into metadata_fields (name, label, kind, choices, position, builtin) values (?, ?, ?, ?, ?, 0)",
                [field.name, field.label or field.name, field.kind.value, json.dumps(list(field.choices)), position],
            )
        return self.field(field.name)

    def remove_field(self, name: str) -> dict[int, str]:
        """Remove a field of the analysts' own with its values; returns the values (article id -> value)."""
        field = self.field(name)
        if field.builtin:
            raise Refused(f"{name!r} is a built-in field; it can be left empty but not removed")
        with self._write():
            values = self.column(name)
            self.db.execute("delete from article_metadata where field = ?", [name])
            self.db.execute("delete from metadata_fields where name = ?", [name])
        return values

    # values -----------------------------------------------------------------------------

    def fill_stated(self, article_id: int, pairs: Iterable[tuple[str, str]]) -> None:
        """Values a page states, stored only where the article has none."""
        with self._write():
            fill_stated(self.db, article_id, pairs)

    def values(self, article_id: int) -> dict[str, str]:
        return {
            str(field): str(value)
            for field, value in self.db.execute(
                "select field, value from article_metadata where article_id = ?", [article_id]
            )
        }

    def column(self, name: str) -> dict[int, str]:
        """Article id -> value of one field, for the articles that have one."""
        return {
            int(article_id): str(value)
            for article_id, value in self.db.execute(
                "select article_id, value from article_metadata where field = ?", [name]
            )
        }

    def set(self, article_id: int, name: str, value: str, *, expected: str | None = None) -> str:
        """Set (or with '' clear) one value; returns it as stored.

        With ``expected``, refuses (Conflict) unless the value is still that one: an undo never
        overwrites what another window wrote since.
        """
        field = self.field(name)
        try:
            stored = checked_value(field, value)
        except ValueProblem as problem:
            raise Refused(str(problem)) from None
        with self._write():
            if not self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
                raise Refused(f"no article {article_id}")
            if expected is not None:
                row = self.db.execute(
                    "select value from article_metadata where article_id = ? and field = ?", [article_id, name]
                ).fetchone()
                if (row[0] if row else "") != expected:
                    raise Conflict(f"the {field.label} of article {article_id} was changed elsewhere")
            self._put(article_id, name, stored)
        return stored

    def _put(self, article_id: int, name: str, stored: str) -> None:
        if stored:
            self.db.execute(
                "insert into article_metadata (article_id, field, value) values (?, ?, ?)"
                " on conflict (article_id, field) do update set value = excluded.value",
                [article_id, name, stored],
            )
        else:
            self.db.execute("delete from article_metadata where article_id = ? and field = ?", [article_id, name])

    def set_many(self, rows: Iterable[tuple[int, str, str]]) -> int:
        """Many (article id, field, value) at once, all or none; values already checked by the caller."""
        count = 0
        with self._write():
            for article_id, name, value in rows:
                self._put(article_id, name, value)
                count += 1
        return count

    def table(self, article_ids: Sequence[int] | None = None) -> Iterator[ArticleData]:
        """Every article (or those given) in id order with its field values, streamed: one query, no texts read."""
        condition = ""
        params: list[int] = []
        if article_ids is not None:
            condition = f"where a.id in ({', '.join('?' * len(article_ids))})"
            params = list(article_ids)
        cursor = self.db.conn.execute(
            "select a.id, a.title, a.original_title, a.source_path, a.status, a.note, m.field, m.value"
            f" from articles a left join article_metadata m on m.article_id = a.id {condition} order by a.id",
            params,
        )
        current: ArticleData | None = None
        for article_id, title, original_title, source_path, status, note, name, value in cursor:
            if current is None or current.id != article_id:
                if current is not None:
                    yield current
                current = ArticleData(
                    int(article_id), title, original_title or title, source_path or "", status, note or "", {}
                )
            if name is not None:
                current.values[str(name)] = str(value)
        if current is not None:
            yield current
