"""The local database: the only code that speaks SQL.

``Store`` holds one connection and hands out one object per table or group of queries
(``store.articles``, ``store.spans``, ``store.categories``, ``store.metadata``, ``store.units``,
``store.summaries``, ``store.exports``, ``store.reports``, ``store.search``, ``store.batches``,
``store.suggestions``, ``store.passages``, ``store.analysts``, ``store.samples``,
``store.coding``, ``store.adjudications``), so a new query costs one method in
the file named for what it reads. Every write runs in ``writing()``, one ``BEGIN IMMEDIATE`` transaction that
waits for another writer and turns every SQLite failure into a StoreError naming the file; the
database is opened in WAL mode with full synchronisation so that a change reported as saved
survives a crash or power cut.
Never imports the text pipeline: articles arrive here already processed.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from desktop.core.document import Document
from desktop.core.store.adjudications import AdjudicationLog
from desktop.core.store.analysts import AnalystTable
from desktop.core.store.articles import ArticleTable
from desktop.core.store.batches import BatchTable
from desktop.core.store.categories import CategoryTable
from desktop.core.store.coding_data import CodingQueries
from desktop.core.store.database import MEMORY, WriteTransaction, keep_backup, open_database, writing
from desktop.core.store.errors import STORE_FAILURES, Conflict, Fault, Refused, SpanMismatch, StoreError, explain
from desktop.core.store.exports import ExportQueries
from desktop.core.store.metadata import MetadataTable
from desktop.core.store.passages import PassageQueries
from desktop.core.store.reports import Reports
from desktop.core.store.samples import SampleTable
from desktop.core.store.search_index import SearchIndex
from desktop.core.store.spans import SpanTable
from desktop.core.store.suggestion_log import SuggestionLog
from desktop.core.store.summaries import SummaryQueries
from desktop.core.store.units import UnitTable

__all__ = ["STORE_FAILURES", "Conflict", "Fault", "Refused", "SpanMismatch", "Store", "StoreError", "explain"]


class Store:
    """Articles, categories, flags and spans in one SQLite file."""

    def __init__(self, db: Database, path: str, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        # The file or its folder cannot be written: every write fails with a READ_ONLY StoreError.
        self.read_only = read_only
        write: WriteTransaction = partial(writing, db, path)
        self.articles = ArticleTable(db, write)
        self.spans = SpanTable(db, write)
        self.categories = CategoryTable(db, write)
        self.summaries = SummaryQueries(db, self.articles)
        self.metadata = MetadataTable(db, write)
        self.units = UnitTable(db)
        self.exports = ExportQueries(db, self.categories)
        self.reports = Reports(db)
        self.search = SearchIndex(db, write)
        self.batches = BatchTable(db, write, self.spans)
        self.suggestions = SuggestionLog(db, write)
        self.passages = PassageQueries(db)
        self.analysts = AnalystTable(db, write)
        self.samples = SampleTable(db, write)
        self.coding = CodingQueries(db)
        self.adjudications = AdjudicationLog(db, write, self.spans)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open a database, creating it when missing unless ``create`` is false.

        Raises StoreError with a message for the user. A file that cannot be written opens
        read-only (``store.read_only``).
        """
        path_text = str(path)
        opened = open_database(path_text, create=create, prepare=CategoryTable.fill_defaults)
        return cls(opened.db, path_text, opened.read_only)

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
        """Several writes as one: all of them or none (nests); waits for another writer to finish."""
        return writing(self.db, self.path)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to this database."""
        try:
            return int(self.db.execute("pragma data_version").fetchone()[0])
        except STORE_FAILURES as error:
            raise explain(error, self.path) from None

    def keep_backup(self) -> Path | None:
        """A copy of the database beside it, refreshed at most once a day (named when it is damaged)."""
        return keep_backup(self.db, self.path)

    def document(self, article_id: int) -> Document:
        """An article with its offset map, ready to turn selections into spans."""
        return Document(self.articles.get(article_id), self.articles.offset_map(article_id))
