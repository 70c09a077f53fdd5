"""The local database: the only code that speaks SQL.

``Store`` holds one connection and hands out one object per table or group of queries
(``store.articles``, ``store.spans``, ``store.categories``, ``store.summaries``,
``store.exports``, ``store.reports``), so a new query costs one method in the file named
for what it reads. Every write runs in ``db.atomic()``; the database is opened in WAL mode
with full synchronisation so that a change reported as saved survives a crash or power cut.
Never imports the text pipeline: articles arrive here already processed.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from desktop.core.document import Document
from desktop.core.store.articles import ArticleTable
from desktop.core.store.categories import CategoryTable
from desktop.core.store.database import MEMORY, open_database
from desktop.core.store.errors import SpanMismatch, StoreError
from desktop.core.store.exports import ExportQueries
from desktop.core.store.reports import Reports
from desktop.core.store.spans import SpanTable
from desktop.core.store.summaries import SummaryQueries

__all__ = ["SpanMismatch", "Store", "StoreError"]


class Store:
    """Articles, categories, flags and spans in one SQLite file."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.path = path
        self.articles = ArticleTable(db)
        self.spans = SpanTable(db)
        self.categories = CategoryTable(db)
        self.summaries = SummaryQueries(db, self.articles)
        self.exports = ExportQueries(db)
        self.reports = Reports(db)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (or create) a database; raises StoreError with a message for the user."""
        path_text = str(path)
        db = open_database(path_text)
        store = cls(db, path_text)
        try:
            store.categories.ensure_defaults()
        except sqlite3.DatabaseError as error:
            db.close()
            raise StoreError(f"{path_text}: cannot use the database ({error})") from None
        return store

    @classmethod
    def in_memory(cls) -> Store:
        return cls.open(MEMORY)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Database]:
        """Several writes as one: all of them or none (nests)."""
        return self.db.atomic()

    def document(self, article_id: int) -> Document:
        """An article with its offset map, ready to turn selections into spans."""
        return Document(self.articles.get(article_id), self.articles.offset_map(article_id))
