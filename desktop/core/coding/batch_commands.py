"""Tagging search hits as one batch: the spans are made from the hits (each widened to its clause
or sentence when asked), hits already tagged are skipped and counted, and the batch is recorded
in the database so that it can be undone, and redone, after the window was closed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby

from desktop.core.coding.commands import Change, ChangeKind
from desktop.core.document import quoted_span
from desktop.core.models import Span
from desktop.core.offsets import OffsetMap
from desktop.core.store import Store
from desktop.core.store.batches import Batch, BatchOutcome
from desktop.core.units import split_units

CLAUSE_ENDS = frozenset("，,；;。！？!?：:\n")
CLOSING = frozenset("”’」』）)】]")


class Widen(StrEnum):
    """How much of the text around a hit becomes the span."""

    HIT = "hit"
    CLAUSE = "clause"  # to the surrounding ，；。 (and ！？：, line ends)
    SENTENCE = "sentence"  # to the coding unit (sentence) or units the hit lies in


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding [start, end): from after the mark before it to its own mark (kept), closing quotes too."""
    while start > 0 and text[start - 1] not in CLAUSE_ENDS:
        start -= 1
    while end < len(text) and text[end - 1] not in CLAUSE_ENDS:
        end += 1
    while end < len(text) and text[end] in CLOSING:
        end += 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in CLAUSE_ENDS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Planned:
    """The spans a batch would add, and how many hits it leaves out as tagged already."""

    spans: tuple[Span, ...]
    skipped: int


def plan_batch(
    store: Store, hits: Iterable[tuple[int, int, int]], category_id: str, annotator: str, widen: Widen = Widen.HIT
) -> Planned:
    """Spans for (article id, start, end) hits of the Simplified texts, in article order.

    A hit is skipped when a span of the category by the same analyst already holds it (widened),
    or when an earlier hit of the batch became the same span.
    """
    spans: list[Span] = []
    skipped = 0
    for article_id, group in groupby(sorted(set(hits)), key=lambda hit: hit[0]):
        text, original, map_json = store.articles.texts(article_id)
        offset_map = OffsetMap.from_json(json.loads(map_json))
        held = store.spans.ranges_of(article_id, category_id, annotator)
        units = split_units(text) if widen is Widen.SENTENCE else None
        for _article, start, end in group:
            if widen is Widen.CLAUSE:
                start, end = clause_around(text, start, end)
            elif units is not None:
                touched = [u for u in units if u.start < max(end, start + 1) and u.end > start]
                if touched:
                    start, end = min(start, touched[0].start), max(end, touched[-1].end)
            start, end = _trimmed(text, start, end)
            if end <= start or any(s <= start and end <= e for s, e in held):
                skipped += 1
                continue
            held.append((start, end))
            span = quoted_span(article_id, text, original, offset_map, start, end, category_id)
            spans.append(span._replace(annotator=annotator))
    return Planned(tuple(spans), skipped)


def _outcome_change(
    kind: ChangeKind, outcome: BatchOutcome, detail: str, *, removed: bool = False, skipped: int = 0
) -> Change:
    articles = tuple(sorted({span.article_id for span in outcome.spans}))
    first = articles[0] if articles else 0
    return Change(
        kind,
        first,
        outcome.spans,
        articles=articles,
        detail=detail,
        removed=removed,
        skipped=skipped,
        kept=outcome.kept,
        gone=outcome.gone,
    )


def _undo_detail(outcome: BatchOutcome) -> str:
    parts = [f"removed {len(outcome.spans)} spans"]
    if outcome.kept:
        parts.append(f"kept {outcome.kept} changed since")
    if outcome.gone:
        parts.append(f"{outcome.gone} deleted already")
    return ", ".join(parts)


@dataclass
class TagHits:
    """Tag the planned spans as one recorded batch; undo and redo act on the batch."""

    planned: Planned
    category_id: str
    annotator: str
    query: str
    batch: Batch | None = field(default=None, init=False)

    def do(self, store: Store) -> Change:
        if self.batch is not None:
            outcome = store.batches.redo(self.batch.id)
            detail = f"put back {len(outcome.spans)} spans" + (f", {outcome.kept} ids taken" if outcome.kept else "")
            return _outcome_change(ChangeKind.BATCH, outcome, detail)
        self.batch, stored = store.batches.record(
            self.planned.spans,
            category_id=self.category_id,
            annotator=self.annotator,
            description=f"“{self.query}” → {self.category_id}",
            skipped=self.planned.skipped,
        )
        detail = f"tagged {len(stored)} hits as {self.category_id}"
        detail += f", skipped {self.planned.skipped} tagged already" if self.planned.skipped else ""
        return _outcome_change(ChangeKind.BATCH, BatchOutcome(stored), detail, skipped=self.planned.skipped)

    def undo(self, store: Store) -> Change:
        assert self.batch is not None
        outcome = store.batches.undo(self.batch.id)
        return _outcome_change(ChangeKind.BATCH, outcome, _undo_detail(outcome), removed=True)

    def describe(self) -> str:
        return f"tag {len(self.planned.spans)} hits of “{self.query}” as {self.category_id}"


@dataclass
class UndoBatch:
    """Undo a recorded batch later (from the list of recent batches); its undo redoes the batch."""

    batch: Batch

    def do(self, store: Store) -> Change:
        outcome = store.batches.undo(self.batch.id)
        return _outcome_change(ChangeKind.BATCH, outcome, _undo_detail(outcome), removed=True)

    def undo(self, store: Store) -> Change:
        outcome = store.batches.redo(self.batch.id)
        return _outcome_change(ChangeKind.BATCH, outcome, f"put back {len(outcome.spans)} spans")

    def describe(self) -> str:
        return f"undo batch {self.batch.id} ({self.batch.description})"
