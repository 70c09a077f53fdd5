"""The store's queries for exports: span rows by named columns, streamed; the articles an export covers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from desktop.core.models import SpanFilter
from desktop.core.store.categories import CategoryTable
from desktop.core.store.connection import Database
from desktop.core.store.queries import article_clauses, formula_guard, span_clauses, where
from desktop.core.store.units import UNITS_OF_SPAN

# Every column an export can ask for: its SQL, and whether it holds free text that a
# spreadsheet could take for a formula.
EXPORT_COLUMNS: dict[str, tuple[str, bool]] = {
    "span_id": ("s.id", False),
    "article_id": ("s.article_id", False),
    "article_title": ("a.title", True),
    "article_original_title": ("a.original_title", True),
    "source_path": ("a.source_path", True),
    "category": ("s.category_id", True),
    "category_label": ("c.label_zh", True),
    # 政策工具 > 供给型 > 资金投入: a function this module registers from the codebook at each query.
    "category_path": ("category_path(s.category_id)", True),
    "start": ("s.start", False),
    "end": ("s.end", False),
    "text": ("s.text", True),
    "original_start": ("s.original_start", False),
    "original_end": ("s.original_end", False),
    "original_text": ("s.original_text", True),
    "note": ("s.note", True),
    "annotator": ("s.annotator", True),
    "created_at": ("s.created_at", True),
    "updated_at": ("s.updated_at", True),
    "article_status": ("a.status", False),
    "article_sha256": ("a.sha256", False),
    "article_encoding": ("a.encoding", True),
    "converter": ("a.converter", True),
    "converter_version": ("a.converter_version", True),
    "pipeline_version": ("a.pipeline_version", False),
    "imported_at": ("a.imported_at", True),
    # The coding units the span falls in (usually one), space-separated.
    "unit_id": (UNITS_OF_SPAN, False),
}


class ExportQueries:
    def __init__(self, db: Database, categories: CategoryTable) -> None:
        self.db = db
        self._categories = categories

    def _with_subtrees(self, filters: SpanFilter | None) -> SpanFilter:
        """A parent category in the filters stands for itself and every category below it."""
        filters = filters or SpanFilter()
        if not filters.categories:
            return filters
        return replace(filters, categories=self._categories.codebook().expand(filters.categories))

    def span_rows(
        self,
        columns: Sequence[str],
        filters: SpanFilter | None = None,
        *,
        article_id: int | None = None,
        formula_starts: str = "",
    ) -> Iterator[tuple[Any, ...]]:
        """One row per span, holding ``columns`` in that order, streamed in article and offset order.

        With ``formula_starts``, every free-text cell that starts with one of those characters
        (apostrophes aside) gets a leading apostrophe inside SQLite, so a million rows pass
        through Python untouched.
        """
        unknown = [name for name in columns if name not in EXPORT_COLUMNS]
        if unknown:
            raise ValueError(f"unknown export column(s): {', '.join(unknown)}")
        filters = self._with_subtrees(filters)
        clauses, params = article_clauses(filters)
        more, more_params = span_clauses(filters)
        clauses, params = clauses + more, params + more_params
        if article_id is not None:
            clauses.append("s.article_id = ?")
            params.append(article_id)
        selected = []
        for name in columns:
            sql, is_text = EXPORT_COLUMNS[name]
            selected.append(formula_guard(sql, formula_starts) if is_text and formula_starts else sql)
        if "category_path" in columns:
            paths = self._categories.codebook().paths()
            self.db.conn.create_function("category_path", 1, lambda c: paths.get(c, c), deterministic=True)
        cursor = self.db.conn.execute(
            f"select {', '.join(selected)}"
            " from spans s join articles a on a.id = s.article_id left join categories c on c.id = s.category_id"
            f" {where(clauses)} order by s.article_id, s.start, s.end, s.id",
            params,
        )
        yield from cursor

    def article_ids(self, filters: SpanFilter) -> list[int]:
        """Articles an export covers: the filters on articles, and at least one span when codes are chosen.

        The layers chosen narrow the spans, not the articles: an export of one layer still carries every
        article (a lossless JSONL or a project stays whole), each with that layer's spans.
        """
        filters = self._with_subtrees(filters)
        clauses, params = article_clauses(filters)
        on_spans, span_params = span_clauses(replace(filters, layers=())) if filters.categories else ([], [])
        if on_spans and not filters.every_article and not filters.texts_only:
            clauses.append(f"exists (select 1 from spans s where s.article_id = a.id and {' and '.join(on_spans)})")
            params.extend(span_params)
        return [
            int(row[0])
            for row in self.db.execute(f"select a.id from articles a {where(clauses)} order by a.id", params)
        ]
