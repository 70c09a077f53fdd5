"""SQL fragments of the store's export queries: which spans, and the formula guard.

Part of the store layer (the only code that speaks SQL), kept apart to keep store.py small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.csv_cells import FORMULA_STARTS


def formula_guard(column: str) -> str:
    """SQL for csv_cells.neutralise: an apostrophe before a cell that, apostrophes aside, starts a formula.

    unicode() reads the first character without copying the cell; only cells that start with
    an apostrophe pay for ltrim().
    """
    starts = ", ".join(str(ord(ch)) for ch in FORMULA_STARTS)
    first = f"unicode({column})"
    needs = f"({first} in ({starts}) or ({first} = 39 and unicode(ltrim({column}, char(39))) in ({starts})))"
    return f"case when {needs} then char(39) || {column} else {column} end"


@dataclass(frozen=True)
class SpanFilter:
    """Which spans (and articles) an export takes; empty means all."""

    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()
    annotators: tuple[str, ...] = ()

    def article_where(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (("a.status", self.statuses), ("a.id", self.article_ids)):
            if values:
                clauses.append(f"{column} in ({', '.join('?' * len(values))})")
                params.extend(values)
        return clauses, params

    def span_where(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (("s.category_id", self.categories), ("s.annotator", self.annotators)):
            if values:
                clauses.append(f"{column} in ({', '.join('?' * len(values))})")
                params.extend(values)
        return clauses, params

    def where(self) -> tuple[list[str], list[Any]]:
        clauses, params = self.article_where()
        span_clauses, span_params = self.span_where()
        return clauses + span_clauses, params + span_params
