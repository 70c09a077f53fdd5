"""SQL fragments that several store queries share: filters and the spreadsheet formula guard."""

from __future__ import annotations

from typing import Any

from desktop.core.models import ArticleFilter, SpanFilter
from desktop.core.search_terms import match_expression, query_terms

Clauses = tuple[list[str], list[Any]]


def formula_guard(column: str, starts: str) -> str:
    """SQL for exchange.csv_cells.neutralise: an apostrophe before a cell that, apostrophes aside,
    starts with one of ``starts``.

    unicode() reads the first character without copying the cell; only cells that start with
    an apostrophe pay for ltrim().
    """
    codes = ", ".join(str(ord(ch)) for ch in starts)
    first = f"unicode({column})"
    needs = f"({first} in ({codes}) or ({first} = 39 and unicode(ltrim({column}, char(39))) in ({codes})))"
    return f"case when {needs} then char(39) || {column} else {column} end"


def _any_of(pairs: tuple[tuple[str, tuple[Any, ...]], ...]) -> Clauses:
    clauses: list[str] = []
    params: list[Any] = []
    for column, values in pairs:
        if values:
            clauses.append(f"{column} in ({', '.join('?' * len(values))})")
            params.extend(values)
    return clauses, params


def article_clauses(filters: SpanFilter) -> Clauses:
    """Conditions on articles ``a``."""
    return _any_of((("a.status", filters.statuses), ("a.id", filters.article_ids)))


def span_clauses(filters: SpanFilter) -> Clauses:
    """Conditions on spans ``s``."""
    return _any_of((("s.category_id", filters.categories), ("s.annotator", filters.annotators)))


def listed_clauses(listed: ArticleFilter) -> Clauses:
    """Conditions on articles ``a`` for the article list."""
    clauses: list[str] = []
    params: list[Any] = []
    if listed.status is not None:
        clauses.append("a.status = ?")
        params.append(listed.status.value)
    if listed.ids is not None:
        clauses.append("a.id in (select id from temp.listed_ids)")  # filled by SummaryQueries
    elif listed.contains:
        # The search index narrows the articles to read (those not indexed yet are read in full); instr() decides.
        terms = query_terms(listed.contains)
        if terms:
            clauses.append(
                "(a.id in (select rowid from search_index where search_index match ?)"
                " or a.id in (select article_id from search_pending))"
            )
            params.append(match_expression(terms))
        clauses.append("(instr(a.title, ?) > 0 or instr(a.text, ?) > 0)")
        params.extend([listed.contains] * 2)
    return clauses, params


def where(clauses: list[str]) -> str:
    return ("where " + " and ".join(clauses)) if clauses else ""
