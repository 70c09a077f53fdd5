"""The retrieval view's queries: every span of some categories across all articles, with the words
around it, filtered and sorted, a page at a time."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

from desktop.core.layers import Layers
from desktop.core.models import Span
from desktop.core.store.connection import Database
from desktop.core.store.queries import layers_clause, where
from desktop.core.store.spans import SPAN_COLUMNS

CONTEXT = 20


class PassageOrder(StrEnum):
    ARTICLE = "article"
    CATEGORY = "category"
    ANNOTATOR = "annotator"
    TEXT = "text"
    NOTE = "note"


_ORDER_SQL = {
    PassageOrder.ARTICLE: "s.article_id, s.start, s.end, s.id",
    PassageOrder.CATEGORY: "s.category_id, s.article_id, s.start, s.id",
    PassageOrder.ANNOTATOR: "s.annotator, s.article_id, s.start, s.id",
    PassageOrder.TEXT: "s.text, s.article_id, s.start, s.id",
    PassageOrder.NOTE: "s.note = '', s.note, s.article_id, s.start, s.id",
}


class Passage(NamedTuple):
    span: Span
    title: str
    before: str
    after: str


class PassageFilter(NamedTuple):
    categories: tuple[str, ...]  # already expanded to their subtrees; empty: every category
    layers: Layers = ()  # whose spans (core.layers); none: every analyst's
    contains: str = ""  # in the span's text or note


def _clauses(chosen: PassageFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if chosen.categories:
        clauses.append(f"s.category_id in ({', '.join('?' * len(chosen.categories))})")
        params.extend(chosen.categories)
    by, by_params = layers_clause(chosen.layers)
    clauses += by
    params += by_params
    if chosen.contains:
        clauses.append("(instr(s.text, ?) > 0 or instr(s.note, ?) > 0 or instr(s.original_text, ?) > 0)")
        params.extend([chosen.contains] * 3)
    return clauses, params


class PassageQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, chosen: PassageFilter) -> int:
        clauses, params = _clauses(chosen)
        return int(self.db.execute(f"select count(*) from spans s {where(clauses)}", params).fetchone()[0])

    def page(
        self, chosen: PassageFilter, order: PassageOrder = PassageOrder.ARTICLE, offset: int = 0, limit: int = 200
    ) -> list[Passage]:
        clauses, params = _clauses(chosen)
        columns = ", ".join(f"s.{name.strip()}" for name in SPAN_COLUMNS.split(","))
        rows = self.db.execute(
            f"select {columns}, a.title, substr(a.text, max(s.start - {CONTEXT}, 0) + 1, min(s.start, {CONTEXT})),"
            f" substr(a.text, s.end + 1, {CONTEXT})"
            f" from spans s join articles a on a.id = s.article_id {where(clauses)}"
            f" order by {_ORDER_SQL[order]} limit ? offset ?",
            [*params, limit, offset],
        ).fetchall()
        return [Passage(Span._make(row[:13]), row[13], row[14], row[15]) for row in rows]
