"""Batches: the spans one "tag all hits" made, recorded so that the whole batch can be undone (and
redone) later, after the window that made it was closed.

Undo removes only the batch's spans that are still as the batch made them; a span an analyst
changed since (recoded, noted, moved) stays and is counted, and one already deleted is counted
as gone. Redo puts back, with their ids, exactly the spans the undo removed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from desktop.core.models import Span
from desktop.core.store.connection import Database
from desktop.core.store.database import WriteTransaction, now
from desktop.core.store.errors import StoreError
from desktop.core.store.spans import SPAN_COLUMNS, SpanTable, same_tag


class BatchState(StrEnum):
    DONE = "done"
    UNDONE = "undone"


class Batch(NamedTuple):
    id: int
    created_at: str
    annotator: str
    category_id: str
    description: str
    tagged: int
    skipped: int
    state: BatchState


class BatchOutcome(NamedTuple):
    """What undoing or redoing a batch did: the spans removed or put back, and those left alone."""

    spans: tuple[Span, ...]
    kept: int = 0  # undo: changed since by an analyst, so left as they are; redo: their ids are taken
    gone: int = 0  # undo: deleted already


_BATCH_COLUMNS = "id, created_at, annotator, category_id, description, tagged, skipped, state"


class BatchTable:
    def __init__(self, db: Database, write: WriteTransaction, spans: SpanTable) -> None:
        self.db = db
        self._write = write
        self._spans = spans

    def record(
        self, spans: Sequence[Span], *, category_id: str, annotator: str, description: str, skipped: int
    ) -> tuple[Batch, tuple[Span, ...]]:
        """Insert new spans as one batch, all or none; returns the batch and the spans as stored."""
        with self._write():
            cursor = self.db.execute(
                "insert into batches (created_at, annotator, category_id, description, tagged, skipped)"
                " values (?, ?, ?, ?, ?, ?)",
                [now(), annotator, category_id, description, len(spans), skipped],
            )
            batch_id = int(cursor.lastrowid or 0)
            stored = tuple(self._spans.insert(span._replace(id=None)) for span in spans)
            self.db.conn.executemany(
                "insert into batch_spans (batch_id, span_id, article_id, span) values (?, ?, ?, ?)",
                [(batch_id, span.id, span.article_id, json.dumps(list(span), ensure_ascii=False)) for span in stored],
            )
        return self.get(batch_id), stored

    def get(self, batch_id: int) -> Batch:
        row = self.db.execute(f"select {_BATCH_COLUMNS} from batches where id = ?", [batch_id]).fetchone()
        if row is None:
            raise StoreError(f"no batch {batch_id}")
        return _batch(row)

    def recent(self, limit: int = 50) -> list[Batch]:
        rows = self.db.execute(f"select {_BATCH_COLUMNS} from batches order by id desc limit ?", [limit]).fetchall()
        return [_batch(row) for row in rows]

    def _members(self, batch_id: int, removed: bool) -> list[Span]:
        rows = self.db.execute(
            "select span from batch_spans where batch_id = ? and removed = ? order by article_id, span_id",
            [batch_id, int(removed)],
        ).fetchall()
        return [Span(*json.loads(row[0])) for row in rows]

    def undo(self, batch_id: int) -> BatchOutcome:
        """Remove the batch's spans that are as it made them; all in one transaction."""
        removed: list[Span] = []
        kept = gone = 0
        with self._write():
            if self.get(batch_id).state is BatchState.UNDONE:
                raise StoreError(f"batch {batch_id} is undone already")
            for made in self._members(batch_id, removed=False):
                row = self.db.execute(f"select {SPAN_COLUMNS} from spans where id = ?", [made.id]).fetchone()
                if row is None:
                    gone += 1
                elif not same_tag(Span._make(row), made):
                    kept += 1
                else:
                    self.db.execute("delete from spans where id = ?", [made.id])
                    self.db.execute(
                        "update batch_spans set removed = 1 where batch_id = ? and span_id = ?", [batch_id, made.id]
                    )
                    removed.append(made)
            self.db.execute("update batches set state = ? where id = ?", [BatchState.UNDONE.value, batch_id])
        return BatchOutcome(tuple(removed), kept, gone)

    def redo(self, batch_id: int) -> BatchOutcome:
        """Put back the spans the undo removed, with their ids; all in one transaction."""
        restored: list[Span] = []
        taken = 0
        with self._write():
            if self.get(batch_id).state is BatchState.DONE:
                raise StoreError(f"batch {batch_id} is not undone")
            for made in self._members(batch_id, removed=True):
                if not self._spans.id_free(made.id or 0):
                    taken += 1
                    continue
                restored.append(self._spans.insert(made))
                self.db.execute(
                    "update batch_spans set removed = 0 where batch_id = ? and span_id = ?", [batch_id, made.id]
                )
            self.db.execute("update batches set state = ? where id = ?", [BatchState.DONE.value, batch_id])
        return BatchOutcome(tuple(restored), kept=taken)


def _batch(row: tuple[object, ...]) -> Batch:
    batch_id, created_at, annotator, category_id, description, tagged, skipped, state = row
    return Batch(
        int(str(batch_id)),
        str(created_at),
        str(annotator),
        str(category_id),
        str(description),
        int(str(tagged)),
        int(str(skipped)),
        BatchState(str(state)),
    )
