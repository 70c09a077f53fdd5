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

import sqlite3
from collections.abc import Container, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from functools import partial
from pathlib import Path
from types import TracebackType

from desktop.core.document import Document
from desktop.core.store.adjudications import AdjudicationLog
from desktop.core.store.analysts import AnalystTable
from desktop.core.store.articles import ArticleTable
from desktop.core.store.batches import BatchTable
from desktop.core.store.categories import CategoryTable
from desktop.core.store.coded_units import CodedUnits
from desktop.core.store.coding_data import CodingQueries
from desktop.core.store.connection import SQLITE_INTEGERS, Database
from desktop.core.store.database import MEMORY, WriteTransaction, keep_backup, open_database, writing
from desktop.core.store.errors import STORE_FAILURES, Conflict, Fault, Refused, SpanMismatch, StoreError, explain
from desktop.core.store.exports import ExportQueries
from desktop.core.store.file_guard import DatabaseFiles, FileGuard, FileProblem, is_database_file
from desktop.core.store.integrity import gate_for
from desktop.core.store.metadata import MetadataTable
from desktop.core.store.passages import PassageQueries
from desktop.core.store.reports import Reports
from desktop.core.store.samples import SampleTable
from desktop.core.store.search_index import SearchIndex
from desktop.core.store.spans import SpanTable
from desktop.core.store.suggestion_log import SuggestionLog
from desktop.core.store.summaries import SummaryQueries
from desktop.core.store.units import UnitTable

__all__ = [
    "SQLITE_INTEGERS",
    "STORE_FAILURES",
    "Conflict",
    "Fault",
    "FileProblem",
    "Refused",
    "SpanMismatch",
    "Store",
    "StoreError",
    "explain",
]


class Store:
    """Articles, categories, flags and spans in one SQLite file."""

    def __init__(self, db: Database, path: str, read_only: bool = False) -> None:
        self._attach(db, path, read_only)

    def _attach(self, db: Database, path: str, read_only: bool) -> None:
        self.db = db
        self.path = path
        # The file or its folder cannot be written: every write fails with a READ_ONLY StoreError.
        self.read_only = read_only
        self.guard = FileGuard.taken(path) if path != MEMORY and not read_only else None
        self._closed = False
        if path != MEMORY:
            gate_for(path).acquire()
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
        self.coded_units = CodedUnits(db)
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
        if not self._closed and self.path != MEMORY:
            gate_for(self.path).release()
        self._closed = True

    @property
    def is_open(self) -> bool:
        return not self._closed

    def note_locks_soon(self) -> None:
        """Take the locks this connection holds as the ones to keep, on a thread (the window, at start)."""
        if self.guard is not None and self.guard.locks_visible is None:
            self.guard.note_locks_soon()

    def file_problem(self) -> FileProblem | None:
        """Why this connection can no longer trust its file (locks lost, file replaced), or None."""
        return self.guard.problem() if self.guard is not None else None

    def reopen(self) -> None:
        """Close the connection and open the file again, keeping this object (and whoever holds it).

        SQLite shares one set of locks among a process's connections to a file: every other
        connection of this process to it must be closed first, or the new one takes no real lock.
        """
        self.close()
        gate_for(self.path).reset()
        opened = open_database(self.path, create=False, prepare=CategoryTable.fill_defaults)
        self._attach(opened.db, self.path, opened.read_only)
        if self.guard is not None:
            self.guard.note_locks()  # taken again just now: what the window keeps from here on

    def owns_file(self, path: str | Path) -> bool:
        """Whether ``path`` is this database or one of SQLite's files beside it (never to be opened by us)."""
        return self.path != MEMORY and is_database_file(path, self.path)

    def own_files(self) -> Container[str | Path]:
        """``owns_file`` for many paths: the database's files are looked at once, now."""
        return () if self.path == MEMORY else DatabaseFiles(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Database]:
        """Several writes as one: all of them or none (nests); waits for another writer to finish."""
        return writing(self.db, self.path)

    @contextmanager
    def savepoint_journals_in_memory(self) -> Iterator[None]:
        """Writes of many savepoints in a transaction (an import of processed articles: one per
        record) with the savepoints' journals in memory instead of in temporary files.

        SQLite holds a savepoint's copies of the pages it changes in memory up to 64 KiB, then in a
        temporary file: a restored article changes more than that, and each record made ~50 writes
        to that file (51,196 for 1,000 articles). In memory, a JSONL restore of 1,000 took ~3% less
        (1.005 -> 0.977 s; 10,000: 10.95 -> 10.65 s, interleaved runs). Only while those writes
        last: with ``temp_store = memory`` a migration's index build or a large sort would be held
        in memory whole. Changing the setting drops the connection's temporary tables (the article
        list's), which are made again when next needed.
        """
        previous = int(self.db.execute("pragma temp_store").fetchone()[0])
        self.db.execute("pragma temp_store = memory")
        self.summaries.forget_temporary_tables()
        try:
            yield
        finally:
            with suppress(sqlite3.Error):  # (a connection that broke meanwhile has its own failure to report)
                self.db.execute(f"pragma temp_store = {previous}")
            self.summaries.forget_temporary_tables()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to this database."""
        try:
            return int(self.db.execute("pragma data_version").fetchone()[0])
        except STORE_FAILURES as error:
            raise explain(error, self.path) from None

    def keep_backup(self) -> Path | None:
        """Today's checked copy in the backups folder, made at the first call of the day (None after that).

        StoreError when no copy could be kept (the database failed its check, the disk is full).
        """
        return keep_backup(self.path)

    def write_refusal(self) -> StoreError | None:
        """Why every write to this file is refused now (it failed its check, or was given up on), or None."""
        return gate_for(self.path).problem() if self.path != MEMORY else None

    def give_up_writing(self, reason: str) -> None:
        """Refuse every write of this process to the file from now on (until it is reopened)."""
        gate_for(self.path).shut(StoreError(f"{self.path}: {reason}; changes are no longer saved", Fault.READ_ONLY))

    def document(self, article_id: int) -> Document:
        """An article with its offset map, ready to turn selections into spans."""
        return Document(self.articles.get(article_id), self.articles.offset_map(article_id))
