"""The tables a policy study reports, worked out from the store's GROUP BY queries.

- frequencies: spans and articles per category, a parent holding its whole subtree, with the
  share of all spans;
- matrix: one row per article, one column per category (spans, or 1/0 with ``once``);
- crosstab: categories by the values of a metadata field (or the year of the date);
- cooccurrence: category by category, counted per coding unit or per article (a category's own
  spans: a parent does not co-occur with its children by definition);
- coding-table (编码表): one row per coded unit and analyst, with the unit's text and codes.

Columns that name a category use its id (scripts read them); ``Table.headings`` has the
category paths people read. Every table counts the layers its request names (core.layers): one
layer, or several side by side, each layer's rows after the other's under a first ``layer``
column; the description says whose spans they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from desktop.core.codebook import Codebook
from desktop.core.layers import Layer, Layers, describe
from desktop.core.metadata import YEAR
from desktop.core.models import SpanFilter
from desktop.core.store import Store

NO_VALUE = "(none)"  # the crosstab column of articles without a value for the field
PER_UNIT = "unit"
PER_ARTICLE = "article"


class ReportKind(StrEnum):
    FREQUENCIES = "frequencies"
    MATRIX = "matrix"
    CROSSTAB = "crosstab"
    COOCCURRENCE = "cooccurrence"
    CODING_TABLE = "coding-table"


class ReportError(ValueError):
    """A report asked for in a way that cannot be answered; the message says how to ask."""


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    by: str = ""  # crosstab: a metadata field or "year"; cooccurrence: "unit" or "article"
    layers: Layers = ()  # whose spans: one layer, or several side by side
    once: bool = False  # matrix and crosstab: count articles (once each) instead of spans
    # Only these codes, statuses and articles (an export's filters); its layers are ``layers`` above.
    filters: SpanFilter = field(default_factory=SpanFilter)


@dataclass(frozen=True)
class Table:
    kind: ReportKind
    columns: tuple[str, ...]  # as CSV headers
    headings: tuple[str, ...]  # as people read them (category paths)
    rows: Iterable[tuple[Any, ...]]  # a list, or a stream for tables that can hold millions of rows
    counts_from: int  # the first column of counts (a heat map colours from here)
    description: str = ""
    names: dict[str, str] = field(default_factory=dict)  # category id -> path, for cells people read
    # The figures the description spells out (frequencies: spans, articles), for captions in other words.
    figures: dict[str, int] = field(default_factory=dict)


def _codebook_columns(codebook: Codebook) -> tuple[list[str], list[str]]:
    ids = [category.id for category in codebook]
    paths = codebook.paths()
    return ids, [paths[i] for i in ids]


def _parents(codebook: Codebook) -> list[str]:
    return [category.id for category in codebook if codebook.children(category.id)]


def frequencies(store: Store, scope: SpanFilter) -> Table:
    codebook = store.categories.codebook()
    own = store.reports.category_counts(scope)
    counts = {category.id: own.get(category.id, (0, 0)) for category in codebook}
    for parent in _parents(codebook):
        counts[parent] = store.reports.subtree_counts(codebook.subtree(parent), scope)
    total = sum(spans for spans, _ in own.values())
    articles = store.reports.article_total()
    rows = [
        (category_id, spans, articles, round(spans / total, 6) if total else 0.0)
        for category_id, (spans, articles) in counts.items()
    ]
    return Table(
        ReportKind.FREQUENCIES,
        ("category", "spans", "articles", "share"),
        ("category", "spans", "articles", "share"),
        rows,
        1,
        f"{total} spans in {articles} articles",
        figures={"spans": total, "articles": articles},
    )


def _matrix_rows(
    store: Store, codebook: Codebook, ids: list[str], request: ReportRequest, scope: SpanFilter
) -> Iterator[tuple[Any, ...]]:
    # Each parent column sums its subtree's own counts: which columns, worked out once for every row.
    position = {category_id: n for n, category_id in enumerate(ids)}
    parents = [(n, [position[j] for j in codebook.subtree(i)]) for n, i in enumerate(ids) if codebook.children(i)]
    empty = (0,) * len(ids)
    counts = iter(store.reports.article_counts(scope))
    pending = next(counts, None)
    for article_id, title in store.reports.article_titles(scope):
        if pending is None or pending[0] != article_id:
            yield (article_id, title, *empty)
            continue
        row = [0] * len(ids)
        while pending is not None and pending[0] == article_id:
            row[position[pending[1]]] = pending[2]
            pending = next(counts, None)
        own = row[:] if parents else row
        for n, members in parents:
            row[n] = sum([own[m] for m in members])
        yield (article_id, title, *([1 if v else 0 for v in row] if request.once else row))


def matrix(store: Store, request: ReportRequest, scope: SpanFilter) -> Table:
    codebook = store.categories.codebook()
    ids, paths = _codebook_columns(codebook)
    what = "articles (1 when the code occurs)" if request.once else "spans"
    return Table(
        ReportKind.MATRIX,
        ("article_id", "article_title", *ids),
        ("article_id", "article_title", *paths),
        _matrix_rows(store, codebook, ids, request, scope),
        2,
        f"{what} per article and code",
    )


def crosstab(store: Store, request: ReportRequest, scope: SpanFilter) -> Table:
    by = request.by or YEAR
    known = [f.name for f in store.metadata.fields()]
    if by != YEAR and by not in known:
        raise ReportError(f"crosstab --by {by!r}: not a metadata field; use year or one of {', '.join(known)}")
    codebook = store.categories.codebook()
    ids = [category.id for category in codebook]
    values = store.reports.field_values(by)
    cells: dict[tuple[str, str], int] = {}
    for value, category_id, count in store.reports.field_counts(by, once=request.once, scope=scope):
        cells[(category_id, value)] = count
    if "" in {value for _, value in cells}:
        values.append("")
    rows = []
    for category_id in ids:
        subtree = codebook.subtree(category_id)
        if len(subtree) > 1 and request.once:
            grouped = store.reports.field_counts(by, subtree, once=True, scope=scope)
            row_cells = {value: count for value, _, count in grouped}
        else:
            row_cells = {value: sum(cells.get((i, value), 0) for i in subtree) for value in values}
        counts = [row_cells.get(value, 0) for value in values]
        rows.append((category_id, *counts, sum(counts)))
    names = [value or NO_VALUE for value in values]
    what = "articles" if request.once else "spans"
    return Table(
        ReportKind.CROSSTAB,
        ("category", *names, "total"),
        ("category", *names, "total"),
        rows,
        1,
        f"{what} per code and {by}",
    )


def cooccurrence(store: Store, request: ReportRequest, scope: SpanFilter) -> Table:
    per = request.by or PER_UNIT
    if per not in (PER_UNIT, PER_ARTICLE):
        raise ReportError(f"cooccurrence --by {per!r}: use {PER_UNIT} (coding units) or {PER_ARTICLE}")
    codebook = store.categories.codebook()
    ids, paths = _codebook_columns(codebook)
    cells = {(a, b): n for a, b, n in store.reports.cooccurrence(per_unit=per == PER_UNIT, scope=scope)}
    rows = [(a, *(cells.get((a, b), 0) for b in ids)) for a in ids]
    return Table(
        ReportKind.COOCCURRENCE,
        ("category", *ids),
        ("category", *paths),
        rows,
        1,
        f"{per}s holding both codes (the diagonal: {per}s holding the code)",
    )


def _coding_rows(store: Store, codebook: Codebook, scope: SpanFilter) -> Iterator[tuple[Any, ...]]:
    order = {category.id: index for index, category in enumerate(codebook)}
    for label, article_id, text, codes, annotator in store.reports.coded_units(scope):
        ordered = sorted(set(str(codes).split(",")), key=lambda c: (order.get(c, len(order)), c))
        yield label, article_id, text, "; ".join(ordered), annotator


def coding_table(store: Store, scope: SpanFilter) -> Table:
    columns = ("unit_id", "article_id", "unit_text", "codes", "annotator")
    return Table(
        ReportKind.CODING_TABLE,
        columns,
        columns,
        _coding_rows(store, store.categories.codebook(), scope),
        len(columns),
        "one row per coded unit and analyst",
    )


def _one_layer(store: Store, request: ReportRequest, layer: Layer) -> Table:
    scope = replace(request.filters, layers=(layer,))
    if request.kind is ReportKind.FREQUENCIES:
        return frequencies(store, scope)
    if request.kind is ReportKind.MATRIX:
        return matrix(store, request, scope)
    if request.kind is ReportKind.CROSSTAB:
        return crosstab(store, request, scope)
    if request.kind is ReportKind.COOCCURRENCE:
        return cooccurrence(store, request, scope)
    return coding_table(store, scope)


def _side_by_side(tables: list[Table], layers: Layers) -> Iterator[tuple[Any, ...]]:
    for table, layer in zip(tables, layers, strict=True):
        for row in table.rows:
            yield (layer.name, *row)


def build_report(store: Store, request: ReportRequest) -> Table:
    """The table of the request's layers, each row under a first ``layer`` column (one layer, or several
    side by side: each layer's rows after the other's, never summed), the description saying whose."""
    if not request.layers:
        raise ReportError("a report counts one layer or several side by side: name whose spans it counts")
    tables = [_one_layer(store, request, layer) for layer in request.layers]
    first = tables[0]
    return replace(
        first,
        columns=("layer", *first.columns),
        headings=("layer", *first.headings),
        rows=_side_by_side(tables, request.layers),
        counts_from=first.counts_from + 1,
        description=f"{first.description}; {describe(request.layers)}",
        names=store.categories.codebook().paths(),
    )
