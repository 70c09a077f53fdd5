"""SQL fragments that several store queries share: filters and the spreadsheet formula guard."""

from __future__ import annotations

from typing import Any

from desktop.core.layers import CONSENSUS, Layer, Layers
from desktop.core.models import ArticleFilter, SpanFilter, Status
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


# Articles the consensus layer speaks for: a decision was taken there, or it holds consensus spans.
ADJUDICATED = f"select article_id from adjudications union select article_id from spans where annotator = '{CONSENSUS}'"


def layer_clause(layer: Layer, alias: str = "s") -> tuple[str, list[Any]]:
    """The condition on spans ``alias`` for one layer.

    The study layer: every consensus span (there are consensus spans only on adjudicated articles),
    and the analyst's spans on articles not adjudicated. Written so that the index on
    (annotator, code, article) finds both kinds of span.
    """
    if layer.study:
        elsewhere = f"{alias}.article_id not in ({ADJUDICATED})"
        return (
            f"{alias}.annotator in ('{CONSENSUS}', ?) and ({alias}.annotator = '{CONSENSUS}' or {elsewhere})",
            [layer.analyst],
        )
    return f"{alias}.annotator = ?", [layer.analyst]


def layers_clause(layers: Layers, alias: str = "s") -> Clauses:
    """Spans of any of these layers (none given: every span)."""
    if not layers:
        return [], []
    parts = [layer_clause(layer, alias) for layer in layers]
    return ["(" + " or ".join(sql for sql, _ in parts) + ")"], [value for _, params in parts for value in params]


def span_clauses(filters: SpanFilter) -> Clauses:
    """Conditions on spans ``s``."""
    clauses, params = _any_of((("s.category_id", filters.categories),))
    more, values = layers_clause(filters.layers)
    return clauses + more + (["0"] if filters.texts_only else []), params + values


def listed_status(listed: ArticleFilter) -> Clauses:
    """The status the article list shows and filters by, as one SQL expression on articles ``a``.

    The article's own; for a list of one analyst's work (blind coding) that analyst's status,
    to do until they mark it: a second coder's "to do" is what they have not done.
    """
    if listed.status_of:
        own = "select o.status from analyst_status o where o.article_id = a.id and o.annotator = ?"
        return [f"coalesce(({own}), '{Status.TODO.value}')"], [listed.status_of]
    return ["a.status"], []


def listed_clauses(listed: ArticleFilter) -> Clauses:
    """Conditions on articles ``a`` for the article list."""
    clauses: list[str] = []
    params: list[Any] = []
    if listed.status is not None:
        [status], status_params = listed_status(listed)
        clauses.append(f"{status} = ?")
        params += [*status_params, listed.status.value]
    if listed.ids is not None:
        clauses.append("a.id in (select id from temp.listed_ids)")  # filled by SummaryQueries
    elif listed.contains:
        found, values = containing_clauses(listed.contains, query_terms(listed.contains))
        clauses += found
        params += values
    return clauses, params


def containing_clauses(literal: str, terms: list[str] | None) -> Clauses:
    """Conditions on articles ``a`` whose title or Simplified text holds ``literal``.

    The search index narrows the articles to read to those holding ``terms`` (none: no
    narrowing; None: a term no indexed article holds, so only those not indexed yet may);
    articles not indexed yet are always read; instr() decides.
    """
    waiting = "a.id in (select article_id from search_pending)"
    clauses: list[str] = []
    params: list[Any] = []
    if terms is None:
        clauses.append(waiting)
    elif terms:
        clauses.append(f"(a.id in (select rowid from search_index where search_index match ?) or {waiting})")
        params.append(match_expression(terms))
    clauses.append("(instr(a.title, ?) > 0 or instr(a.text, ?) > 0)")
    params.extend([literal, literal])
    return clauses, params


def where(clauses: list[str]) -> str:
    return ("where " + " and ".join(clauses)) if clauses else ""
