"""Adjudications: the decisions taken on passages two analysts coded differently, and the consensus
spans each decision made, so that a decision can be undone exactly (in this session or a later one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple

from desktop.core.models import Span
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.errors import Conflict
from desktop.core.store.spans import SpanTable


class Decided(NamedTuple):
    """One decision to record: the passage's key, its article, what was decided, the consensus spans it makes."""

    key: str
    article_id: int
    decision: str
    spans: tuple[Span, ...]


class AdjudicationLog:
    def __init__(self, db: Database, write: WriteTransaction, spans: SpanTable) -> None:
        self.db = db
        self._write = write
        self._spans = spans

    def decisions(self, first: str, second: str) -> dict[str, str]:
        """Key -> decision of every passage of this pair of analysts decided so far."""
        rows = self.db.execute(
            "select key, decision from adjudications where first = ? and second = ?", [first, second]
        ).fetchall()
        return dict(rows)

    def record(self, first: str, second: str, decided: Sequence[Decided]) -> list[tuple[Span, ...]]:
        """Insert the consensus spans and the decisions, all or none; returns each decision's stored spans.

        A span the consensus layer holds already (the same tag) is not made again, and not removed on undo.
        """
        stored_all: list[tuple[Span, ...]] = []
        with self._write():
            for item in decided:
                if self.db.execute(
                    "select 1 from adjudications where first = ? and second = ? and key = ?", [first, second, item.key]
                ).fetchone():
                    raise Conflict(f"the passage {item.key} was decided already (in another window?)")
                stored = tuple(
                    self._spans.insert(span) for span in item.spans if self._spans.duplicate_of(span) is None
                )
                self.db.execute(
                    "insert into adjudications (first, second, key, article_id, decision, span_ids, decided_at)"
                    " values (?, ?, ?, ?, ?, ?, ?)",
                    [
                        first,
                        second,
                        item.key,
                        item.article_id,
                        item.decision,
                        json.dumps([s.id for s in stored]),
                        now(),
                    ],
                )
                stored_all.append(stored)
        return stored_all

    def withdraw(self, first: str, second: str, keys: Sequence[str], made: Sequence[Span]) -> None:
        """Undo decisions: their consensus spans go (only while as made: else a Conflict); the passages reopen."""
        with self._write():
            for span in made:
                assert span.id is not None
                self._spans.delete(span.id, expected=span)
            for key in keys:
                self.db.execute(
                    "delete from adjudications where first = ? and second = ? and key = ?", [first, second, key]
                )
