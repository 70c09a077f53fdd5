"""The search index: an FTS5 table of each article's terms (``core.search_terms``), kept in step by
every write of an article, and the queries that stream the articles a search has to read.

The index is contentless (``content=''``) and keeps no positions (``detail=none``): it holds only
which article has which term, a fraction of the size of the texts. A row is removed by handing
FTS5 the very terms it was given, which the article's stored title and text give again.
Articles listed in ``search_pending`` are not in the index yet (a database from before the
index, being built in the background); searches read those in full, so a result is never
missing an article.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from heapq import merge
from typing import Any

from desktop.core.search_terms import document_terms, match_expression
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction
from desktop.core.store.queries import containing_clauses, where

# ~4 ms per article: a batch holds the write lock ~0.1 s, so an analyst's tag never waits long behind it.
BUILD_BATCH = 25


def index_article(db: Database, article_id: int, title: str, text: str, terms: str = "") -> None:
    """Add a new article's terms (``terms`` when an import prepared them; inside the caller's transaction)."""
    index_articles(db, [(article_id, title, text, terms)])


def index_articles(db: Database, articles: Sequence[tuple[int, str, str, str]]) -> None:
    """Add new articles' terms, (id, title, text, terms or ''), in one statement (inside the caller's
    transaction, after its other writes: see ``ArticleTable.add``)."""
    db.conn.executemany(
        "insert into search_index (rowid, terms) values (?, ?)",
        [(article_id, terms or document_terms(title, text)) for article_id, title, text, terms in articles],
    )


def reindex_article(db: Database, article_id: int, old: tuple[str, str], new: tuple[str, str]) -> None:
    """Replace an article's terms after its title or Simplified text changed (inside the caller's transaction)."""
    if db.execute("select 1 from search_pending where article_id = ?", [article_id]).fetchone():
        return  # not indexed yet: the build will read the new text
    if old == new:
        return
    db.execute(
        "insert into search_index (search_index, rowid, terms) values ('delete', ?, ?)",
        [article_id, document_terms(*old)],
    )
    index_article(db, article_id, *new)


class SearchIndex:
    def __init__(self, db: Database, write: WriteTransaction) -> None:
        self.db = db
        self._write = write

    # building ---------------------------------------------------------------------------------

    def add(self, articles: Sequence[tuple[int, str, str, str]]) -> None:
        """Index articles stored without their terms, (id, title, text, terms or '')."""
        with self._write():
            index_articles(self.db, articles)

    def pending(self) -> int:
        """Articles not in the index yet."""
        return int(self.db.execute("select count(*) from search_pending").fetchone()[0])

    def build(self, limit: int = BUILD_BATCH) -> int:
        """Index up to ``limit`` pending articles in one short transaction; returns how many (0: done)."""
        with self._write():
            rows = self.db.execute(
                "select a.id, a.title, a.text from search_pending p join articles a on a.id = p.article_id"
                " order by p.article_id limit ?",
                [limit],
            ).fetchall()
            index_articles(self.db, [(article_id, title, text, "") for article_id, title, text in rows])
            self.db.conn.executemany("delete from search_pending where article_id = ?", [(row[0],) for row in rows])
            # Pending ids whose article is gone (none are expected) would otherwise stay pending for ever.
            if len(rows) < limit:
                self.db.execute("delete from search_pending where article_id not in (select id from articles)")
        return len(rows)

    # reading ----------------------------------------------------------------------------------

    def narrowest(self, terms: list[str], keep: int = 3) -> list[str] | None:
        """The ``keep`` terms held by the fewest indexed articles (None when one is held by none).

        Asking FTS5 for all the terms of a long query merges every one of their lists; the
        rarest few narrow as well at a fraction of the cost (the texts decide anyway).
        """
        held = []
        for term in terms:
            row = self.db.execute("select doc from search_vocabulary where term = ?", [term]).fetchone()
            if row is None or not row[0]:
                return None
            held.append((int(row[0]), term))
        return [term for _count, term in sorted(held)[:keep]]

    def ids_containing(self, terms: list[str], literal: str, clauses: list[str], params: list[Any]) -> list[int]:
        """Ids of the articles whose title or Simplified text holds ``literal`` (exactly), in article order."""
        found, values = containing_clauses(literal, self.narrowest(terms) if terms else [])
        rows = self.db.execute(
            f"select a.id from articles a {where([*clauses, *found])} order by a.id", [*params, *values]
        )
        return [int(row[0]) for row in rows]

    def texts(
        self, terms: list[str] | None, clauses: list[str], params: list[Any], after: int = 0
    ) -> Iterator[tuple[int, str, str]]:
        """(id, title, Simplified text) of the articles a search must read, in article order, after ``after``.

        ``terms`` narrow them to the indexed articles that hold every term (the rarest of them
        asked), plus those not indexed yet; None reads every article. ``clauses`` filter articles ``a``.
        """
        narrowed = self.narrowest(terms) if terms else []
        if narrowed is None:  # a term no indexed article holds: only those waiting for the index may match
            yield from self._stream(
                "select a.id, a.title, a.text from search_pending p join articles a on a.id = p.article_id"
                f" {where(['p.article_id > ?', *clauses])} order by p.article_id",
                [after, *params],
            )
            return
        if not narrowed:
            yield from self._stream(
                f"select a.id, a.title, a.text from articles a {where([*clauses, 'a.id > ?'])} order by a.id",
                [*params, after],
            )
            return
        match = match_expression(narrowed)
        indexed = self._stream(
            "select a.id, a.title, a.text from search_index f join articles a on a.id = f.rowid"
            f" {where(['search_index match ?', 'f.rowid > ?', *clauses])} order by f.rowid",
            [match, after, *params],
        )
        if not self.pending():
            yield from indexed
            return
        unindexed = self._stream(
            "select a.id, a.title, a.text from search_pending p join articles a on a.id = p.article_id"
            f" {where(['p.article_id > ?', *clauses])} order by p.article_id",
            [after, *params],
        )
        yield from merge(indexed, unindexed)

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[int, str, str]]:
        cursor = self.db.execute(sql, params)
        try:
            while rows := cursor.fetchmany(64):
                yield from rows
        finally:
            cursor.close()
