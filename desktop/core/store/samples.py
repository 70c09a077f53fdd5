"""Samples: named sets of articles drawn for double coding, kept with the seed that reproduces them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.errors import StoreError


class Sample(NamedTuple):
    name: str
    seed: int
    size: int
    stratify: str
    created_at: str
    articles: int  # how many of its articles are still in the database


class SampleTable:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    def _rows(self, condition: str = "", params: Sequence[str] = ()) -> list[Sample]:
        rows = self.db.execute(
            "select s.name, s.seed, s.size, s.stratify, s.created_at,"
            f" (select count(*) from sample_articles x where x.sample = s.name) from samples s {condition}"
            " order by s.created_at, s.name",
            list(params),
        ).fetchall()
        return [Sample(*row) for row in rows]

    def all(self) -> list[Sample]:
        return self._rows()

    def get(self, name: str) -> Sample | None:
        found = self._rows("where s.name = ?", [name])
        return found[0] if found else None

    def article_ids(self, name: str) -> list[int]:
        if self.get(name) is None:
            raise StoreError(f"no sample named “{name}” (see `samples` for the names there are)")
        rows = self.db.execute("select article_id from sample_articles where sample = ? order by article_id", [name])
        return [row[0] for row in rows]

    def save(self, name: str, article_ids: Sequence[int], *, seed: int, size: int, stratify: str) -> None:
        """Keep a drawn sample under a new name (a name already used is refused, never overwritten)."""
        with self._write():
            if self.get(name) is not None:
                raise StoreError(f"a sample named “{name}” exists already; choose another name or remove it first")
            self.db.execute(
                "insert into samples (name, seed, size, stratify, created_at) values (?, ?, ?, ?, ?)",
                [name, seed, size, stratify, now()],
            )
            self.db.conn.executemany(
                "insert into sample_articles (sample, article_id) values (?, ?)", [(name, i) for i in article_ids]
            )

    def remove(self, name: str) -> None:
        with self._write():
            self.db.execute("delete from sample_articles where sample = ?", [name])
            self.db.execute("delete from samples where name = ?", [name])

    def strata(self, field: str) -> dict[int, str]:
        """Every article's value of a metadata field ('' where it has none): what a sample is stratified by."""
        values = dict(
            self.db.execute("select article_id, value from article_metadata where field = ?", [field]).fetchall()
        )
        return {row[0]: values.get(row[0], "") for row in self.db.execute("select id from articles order by id")}
