"""Corpus searches off the window's thread: a worker thread with its own connection to the database.

The window asks; the worker answers with signals that Qt delivers on the window's thread. A new
request makes the running one of its kind (a search, or the article list's filter) stale: it
stops at the next article it reads, and its late answers are dropped by their job number. The worker also builds the
search index of a database from before the index, a short transaction at a time, so the
analyst's own writes wait at most for one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.models import Status
from desktop.core.search.searching import Counts, Hit, Search, SearchError, SearchFilter, count, hits, matching_articles
from desktop.core.store import STORE_FAILURES, Store, explain
from desktop.core.store.database import MEMORY

FIRST_PAGE = 100
SHOWN_HITS = 5000


class _Worker(QObject):
    hitsFound = Signal(int, list)  # job, hits (the first page, then more, up to SHOWN_HITS)
    counted = Signal(int, int, int)  # job, hits, articles
    listed = Signal(int, list)  # job, article ids
    failed = Signal(int, str)
    indexed = Signal(int, int)  # articles indexed so far, of how many

    def __init__(self, path: str, open_store: Callable[[str], Store]) -> None:
        super().__init__()
        self.path = path
        self._open_store = open_store
        self.store: Store | None = None
        # The newest job of each kind asked for; set from the window's thread (job numbers are never reused).
        self.current: dict[str, int] = {}

    def _stale(self, job: int) -> bool:
        return job not in self.current.values()

    def _ready(self) -> Store:
        if self.store is None:
            self.store = self._open_store(self.path)
        return self.store

    @Slot(int, object, object)
    def search(self, job: int, search: Search, filters: SearchFilter) -> None:
        if self._stale(job):
            return
        try:
            store = self._ready()
            found = hits(store, search, filters)
            page = list(islice(found, FIRST_PAGE))
            self.hitsFound.emit(job, page)
            listed = list(page)
            exhausted = len(page) < FIRST_PAGE
            while not exhausted and len(listed) < SHOWN_HITS and not self._stale(job):
                more = list(islice(found, min(1000, SHOWN_HITS - len(listed))))
                exhausted = len(more) < min(1000, SHOWN_HITS - len(listed))
                listed += more
                if more:
                    self.hitsFound.emit(job, more)
            totals = self._totals(job, store, search, filters, listed, exhausted)
            if totals is not None and not self._stale(job):
                self.counted.emit(job, totals.hits, totals.articles)
        except SearchError as error:  # a regular expression that ran out of time on an article
            if not self._stale(job):
                self.failed.emit(job, str(error))
        except STORE_FAILURES as error:
            if not self._stale(job):
                self.failed.emit(job, str(explain(error, self.path)))

    def _totals(
        self, job: int, store: Store, search: Search, filters: SearchFilter, listed: list[Hit], exhausted: bool
    ) -> Counts | None:
        """The counts, reading again only the articles from the last one listed on (none when all were listed)."""
        if exhausted:
            return Counts(len(listed), len({hit.article_id for hit in listed}))
        last = listed[-1].article_id  # perhaps listed in part: counted again in full
        before = [hit for hit in listed if hit.article_id < last]
        rest = count(store, search, filters, lambda: self._stale(job), after=last - 1)
        if rest is None:
            return None
        return Counts(len(before) + rest.hits, len({hit.article_id for hit in before}) + rest.articles)

    @Slot(int, object, object)
    def list_articles(self, job: int, search: Search, status: Status | None) -> None:
        if self._stale(job):
            return
        try:
            filters = SearchFilter(statuses=(status,) if status else ())
            found = matching_articles(self._ready(), search, filters, lambda: self._stale(job))
            if found is not None and not self._stale(job):
                self.listed.emit(job, found)
        except SearchError as error:
            if not self._stale(job):
                self.failed.emit(job, str(error))
        except STORE_FAILURES as error:
            if not self._stale(job):
                self.failed.emit(job, str(explain(error, self.path)))

    @Slot()
    def build_index(self) -> None:
        try:
            store = self._ready()
            waiting = store.search.pending()
            if not waiting or store.read_only:
                return
            done = 0
            while built := store.search.build():
                done += built
                self.indexed.emit(done, waiting)
        except STORE_FAILURES as error:
            self.failed.emit(0, str(explain(error, self.path)))

    @Slot()
    def close(self) -> None:
        if self.store is not None and self.store.path != MEMORY:  # an in-memory store is the window's own
            self.store.close()
        self.store = None


class SearchService(QObject):
    """The window's side: ask for searches and article lists; answers arrive as this object's signals."""

    hitsFound = Signal(int, list)
    counted = Signal(int, int, int)
    listed = Signal(int, list)
    failed = Signal(int, str)
    indexed = Signal(int, int)
    _search = Signal(int, object, object)
    _list = Signal(int, object, object)
    _build = Signal()
    _close = Signal()

    def __init__(self, store: Store, open_store: Callable[[str], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._thread: QThread | None = None
        # An in-memory database has no second connection: it is searched on this thread.
        target = (lambda _path: store) if store.path == MEMORY else open_store
        self._worker = _Worker(store.path, target)
        self._pending = store.search.pending()
        if store.path != MEMORY:
            self._thread = QThread(self)
            self._worker.moveToThread(self._thread)
        for mine, theirs in (
            (self.hitsFound, self._worker.hitsFound),
            (self.counted, self._worker.counted),
            (self.listed, self._worker.listed),
            (self.failed, self._worker.failed),
            (self.indexed, self._worker.indexed),
        ):
            theirs.connect(mine)
        self._search.connect(self._worker.search)
        self._list.connect(self._worker.list_articles)
        self._build.connect(self._worker.build_index)
        self._close.connect(self._worker.close)

    def _started(self) -> None:
        """The thread starts with the first request: a window nobody searches in never runs one."""
        if self._thread is not None and not self._thread.isRunning():
            self._thread.start()

    def _next_job(self, kind: str) -> int:
        self._started()
        self._job += 1
        self._worker.current = {**self._worker.current, kind: self._job}
        return self._job

    def search(self, search: Search, filters: SearchFilter) -> int:
        job = self._next_job("search")
        self._search.emit(job, search, filters)
        return job

    def list_articles(self, search: Search, status: Status | None) -> int:
        job = self._next_job("list")
        self._list.emit(job, search, status)
        return job

    def cancel(self, kind: str = "") -> None:
        """Make the running job of a kind ("search", "list"; all when empty) stale."""
        for name in [kind] if kind else ["search", "list"]:
            self._next_job(name)

    def build_index(self) -> None:
        """Index the articles a database from before the index has waiting (none: nothing runs)."""
        if self._pending:
            self._started()
            self._build.emit()

    def stop(self) -> None:
        """End the worker thread (the window is closing or opening another database)."""
        if self._thread is None or not self._thread.isRunning():
            self._worker.close()
            return
        self.cancel()
        self._close.emit()
        self._thread.quit()
        self._thread.wait(5000)
