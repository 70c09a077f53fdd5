"""The article list's queries: a page of rows, an article's row, the count, the next article to do."""

from __future__ import annotations

from desktop.core.models import ArticleFilter, ArticleSummary, Status
from desktop.core.store.articles import ArticleTable
from desktop.core.store.connection import Database
from desktop.core.store.queries import layer_clause, listed_clauses, listed_status, where

ALL = ArticleFilter()
# Where an article outside ``ArticleFilter.order`` sorts: after every ranked one.
_UNRANKED = 1 << 62
_KEY = f"coalesce((select o.rank from temp.listed_order o where o.id = a.id), {_UNRANKED})"


class SummaryQueries:
    def __init__(self, db: Database, articles: ArticleTable) -> None:
        self.db = db
        self._articles = articles
        self._listed_ids: tuple[int, ...] | None = None
        self._listed_order: tuple[int, ...] | None = None

    def forget_temporary_tables(self) -> None:
        """The connection's temporary tables were dropped (``Store.savepoint_journals_in_memory``):
        they are made and filled again when next needed."""
        self._listed_ids = self._listed_order = None

    def _clauses(self, listed: ArticleFilter) -> tuple[list[str], list[object]]:
        """The list's conditions, with the temporary table of found articles holding ``listed.ids``."""
        if listed.ids is not None and listed.ids is not self._listed_ids:
            # A temporary table: private to this connection, written even when the database is read-only.
            self.db.execute("create temp table if not exists listed_ids (id integer primary key)")
            self.db.execute("delete from temp.listed_ids")
            self.db.conn.executemany(
                "insert or ignore into temp.listed_ids (id) values (?)", [(i,) for i in listed.ids]
            )
            self._listed_ids = listed.ids
        if listed.order is not None and listed.order is not self._listed_order:
            self.db.execute("create temp table if not exists listed_order (id integer primary key, rank integer)")
            self.db.execute("delete from temp.listed_order")
            self.db.conn.executemany(
                "insert or ignore into temp.listed_order (id, rank) values (?, ?)",
                [(article_id, rank) for rank, article_id in enumerate(listed.order)],
            )
            self._listed_order = listed.order
        return listed_clauses(listed)

    def _key_of(self, article_id: int, listed: ArticleFilter) -> int:
        """An article's rank in ``listed.order`` (after every ranked one when it has none)."""
        row = self.db.execute("select rank from temp.listed_order where id = ?", [article_id]).fetchone()
        return _UNRANKED if row is None else int(row[0])

    def page(self, offset: int = 0, limit: int = 200, listed: ArticleFilter = ALL) -> list[ArticleSummary]:
        clauses, params = self._clauses(listed)
        ordering = "a.id" if listed.order is None else f"{_KEY}, a.id"
        return self._summaries(clauses, params, listed, f"order by {ordering} limit ? offset ?", [limit, offset])

    def of(self, article_id: int, listed: ArticleFilter = ALL) -> ArticleSummary | None:
        """One article's row as ``page`` gives it (None when the filter leaves it out)."""
        clauses, params = self._clauses(listed)
        found = self._summaries([*clauses, "a.id = ?"], [*params, article_id], listed, "", [])
        return found[0] if found else None

    def _summaries(
        self, clauses: list[str], params: list[object], listed: ArticleFilter, tail: str, tail_params: list[object]
    ) -> list[ArticleSummary]:
        [status], status_params = listed_status(listed)
        counts, count_params = [], []
        for layer in listed.layers or (None,):
            # One count per layer, each from the index on (article, analyst): never one sum of several.
            only, only_params = layer_clause(layer) if layer is not None else ("1", [])
            counts.append(f"(select count(*) from spans s where s.article_id = a.id and {only})")
            count_params += only_params
        rows = self.db.execute(
            f"select a.id, a.title, {status}, (select count(*) from flags f where f.article_id = a.id),"
            f" {', '.join(counts)} from articles a {where(clauses)} {tail}",
            [*status_params, *count_params, *params, *tail_params],
        ).fetchall()
        return [ArticleSummary(r[0], r[1], Status(r[2]), tuple(r[4:]), r[3]) for r in rows]

    def row_of(self, article_id: int, listed: ArticleFilter = ALL) -> int:
        """The row an article has in ``page`` under a filter, or -1."""
        clauses, params = self._clauses(listed)
        # Without an order the plain comparison, which SQLite answers from the key's range.
        earlier, place = ("a.id < ?", [article_id])
        if listed.order is not None:
            earlier, place = f"({_KEY}, a.id) < (?, ?)", [self._key_of(article_id, listed), article_id]
        before = where([*clauses, earlier])
        itself = where([*clauses, "a.id = ?"])
        row = self.db.execute(
            f"select (select count(*) from articles a {before}), exists (select 1 from articles a {itself})",
            [*params, *place, *params, article_id],
        ).fetchone()
        return int(row[0]) if row[1] else -1

    def count(self, listed: ArticleFilter = ALL) -> int:
        # The kept counts are of the articles' own statuses, not of one analyst's.
        by_own_status = listed.status is not None and bool(listed.status_of)
        if not listed.contains and listed.ids is None and not by_own_status:
            return self._articles.count(listed.status)
        clauses, params = self._clauses(listed)
        return int(self.db.execute(f"select count(*) from articles a {where(clauses)}", params).fetchone()[0])

    def next_to_do(self, after: int | None, listed: ArticleFilter = ALL) -> int | None:
        """The first listed article still to do after ``after``, wrapping round; None when none is left."""
        clauses, params = self._clauses(listed)
        [status], status_params = listed_status(listed)
        clauses.append(f"{status} = ?")
        params += [*status_params, Status.TODO.value]
        # Articles after the current one come first (false sorts before true), then from the top again.
        if listed.order is None:
            ordering, place = "a.id <= ?, a.id", [-1 if after is None else after]
        else:
            here = [-1, -1] if after is None else [self._key_of(after, listed), after]
            ordering, place = f"({_KEY}, a.id) <= (?, ?), {_KEY}, a.id", here
        row = self.db.execute(
            f"select a.id from articles a {where(clauses)} order by {ordering} limit 1", [*params, *place]
        ).fetchone()
        return None if row is None else int(row[0])
