"""Counts over the whole database: ``stats``, and the GROUP BY queries behind the tables a study
reports (core/reporting.py turns them into frequencies, matrices, crosstabs and the coding table).

Every query counts the spans of a scope: a SpanFilter holding exactly one layer (core.layers: one
analyst's spans, the consensus, or the study layer) and perhaps codes, statuses and articles (an
export's filters, which its workbook's report sheets follow). Several layers side by side are
several calls, one per layer: they are never summed here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from desktop.core.metadata import YEAR
from desktop.core.models import FlagKind, SpanFilter, Status
from desktop.core.store.connection import Database
from desktop.core.store.queries import article_clauses, span_clauses, where
from desktop.core.store.units import SPAN_IN_UNIT, unit_id

Scope = SpanFilter


def _only(scope: Scope) -> tuple[str, list[Any]]:
    """The condition on spans ``s`` of the scope (its one layer, codes, article statuses and ids)."""
    if len(scope.layers) != 1:
        raise ValueError("a report query counts exactly one layer")
    clauses, params = span_clauses(scope)
    on_articles, article_params = article_clauses(scope)
    if on_articles:
        clauses.append(f"s.article_id in (select a.id from articles a {where(on_articles)})")
        params += article_params
    return " and ".join(clauses), params


def _code(scope: Scope) -> str:
    """What to group by code as: for the study layer "+category_id", so that the layer's index finds its two
    kinds of span (SQLite would otherwise read every span through the code index, for its order)."""
    return "+category_id" if scope.layers[0].study else "category_id"


def _among(category_ids: Sequence[str]) -> tuple[str, list[Any]]:
    clauses, params = span_clauses(SpanFilter(categories=tuple(category_ids)))
    return " and ".join(clauses), params


_SPAN_UNITS = f"join units u on {SPAN_IN_UNIT}"


class Reports:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _counted(self, sql: str) -> dict[str, int]:
        return {str(key): int(count) for key, count in self.db.execute(sql).fetchall()}

    def stats(self, scope: Scope) -> dict[str, dict[str, int]]:
        """Articles by status, the layer's spans by category, flags by kind; every known key present, zero or not."""
        by_status = {status.value: 0 for status in Status}
        by_status.update(self._counted("select status, count(*) from articles group by status"))
        by_category = {row[0]: 0 for row in self.db.execute("select id from categories order by position, id")}
        only, params = _only(scope)
        rows = self.db.execute(
            f"select category_id, count(*) from spans s where {only} group by {_code(scope)}", params
        )
        by_category.update({str(key): int(count) for key, count in rows})
        by_flag = {kind.value: 0 for kind in FlagKind}
        by_flag.update(self._counted("select kind, count(*) from flags group by kind"))
        return {"articles": by_status, "spans": by_category, "flags": by_flag}

    # frequencies ------------------------------------------------------------------------

    def category_counts(self, scope: Scope) -> dict[str, tuple[int, int]]:
        """Category -> (spans, articles with one), the category's own spans only."""
        only, params = _only(scope)
        rows = self.db.execute(
            f"select category_id, count(*), count(distinct article_id) from spans s where {only}"
            f" group by {_code(scope)}",
            params,
        )
        return {str(category): (int(spans), int(articles)) for category, spans, articles in rows}

    def subtree_counts(self, category_ids: Sequence[str], scope: Scope) -> tuple[int, int]:
        """(spans, articles) of several categories together: an article with two of them counts once."""
        among, params = _among(category_ids)
        only, more = _only(scope)
        spans, articles = self.db.execute(
            f"select count(*), count(distinct article_id) from spans s where {among} and {only}", params + more
        ).fetchone()
        return int(spans), int(articles)

    def article_total(self) -> int:
        return int(self.db.execute("select count(*) from articles").fetchone()[0])

    # code x article ---------------------------------------------------------------------

    def article_titles(self, scope: Scope) -> Iterator[tuple[int, str]]:
        """Every article of the scope's statuses and ids, with or without spans."""
        clauses, params = article_clauses(scope)
        yield from self.db.conn.execute(f"select a.id, a.title from articles a {where(clauses)} order by a.id", params)

    def article_counts(self, scope: Scope) -> Iterator[tuple[int, str, int]]:
        """(article, category, spans) for every pair with spans, in article order."""
        only, params = _only(scope)
        yield from self.db.conn.execute(
            f"select article_id, category_id, count(*) from spans s where {only}"
            " group by article_id, category_id order by article_id",
            params,
        )

    # code x metadata field --------------------------------------------------------------

    def _value_of(self, field: str) -> tuple[str, str, list[Any]]:
        """The SQL for one article's value of a field (the year: the first four characters of the date)."""
        if field == YEAR:
            return "substr(m.value, 1, 4)", "m.field = 'date'", []
        return "m.value", "m.field = ?", [field]

    def field_counts(
        self, field: str, category_ids: Sequence[str] | None = None, *, once: bool, scope: Scope
    ) -> list[tuple[str, str, int]]:
        """(value, category, spans or, with ``once``, articles) per category; with ``category_ids``,
        those categories counted together under the first one's name."""
        value, on, on_params = self._value_of(field)
        only, only_params = _only(scope)
        counted = "count(distinct s.article_id)" if once else "count(*)"
        among_params: list[Any] = []
        group_params: list[Any] = []
        if category_ids is None:
            group, among = "s.category_id", "1"
        else:
            group, group_params = "?", [category_ids[0]]
            among, among_params = _among(category_ids)
        rows = self.db.execute(
            f"select coalesce({value}, ''), {group}, {counted} from spans s"
            f" left join article_metadata m on m.article_id = s.article_id and {on}"
            f" where {among} and {only} group by 1, 2",
            group_params + on_params + among_params + only_params,
        )
        return [(str(v), str(c), int(n)) for v, c, n in rows]

    def field_values(self, field: str) -> list[str]:
        """Every value a field has (the year: every year), sorted."""
        value, on, params = self._value_of(field)
        rows = self.db.execute(f"select distinct {value} from article_metadata m where {on} order by 1", params)
        return [str(row[0]) for row in rows if row[0] is not None]

    # code x code ------------------------------------------------------------------------

    def cooccurrence(self, *, per_unit: bool, scope: Scope) -> list[tuple[str, str, int]]:
        """(category, category, units or articles holding both); a category with itself: holding it."""
        only, params = _only(scope)
        if per_unit:
            pairs = (
                f"select distinct s.category_id c, u.article_id a, u.start p from spans s {_SPAN_UNITS} where {only}"
            )
            same = "x.a = y.a and x.p = y.p"
        else:
            pairs = f"select distinct s.category_id c, s.article_id a from spans s where {only}"
            same = "x.a = y.a"
        rows = self.db.execute(
            f"with pairs as ({pairs}) select x.c, y.c, count(*) from pairs x join pairs y on {same} group by 1, 2",
            params,
        )
        return [(str(a), str(b), int(n)) for a, b, n in rows]

    # the coding table -------------------------------------------------------------------

    def coded_units(self, scope: Scope) -> Iterator[tuple[str, int, str, str, str]]:
        """(unit id, article, unit text, categories separated by ';', analyst) per unit and analyst
        that coded it, in article and text order."""
        only, params = _only(scope)
        yield from self.db.conn.execute(
            f"select {unit_id()}, u.article_id, substr(a.text, u.start + 1, u.end - u.start),"
            " group_concat(distinct s.category_id), s.annotator"
            f" from spans s {_SPAN_UNITS} join articles a on a.id = u.article_id where {only}"
            " group by u.article_id, u.start, s.annotator order by u.article_id, u.start, s.annotator",
            params,
        )
